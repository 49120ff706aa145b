const warned = new Set<string>();

/**
 * Registers `tag` once. A page that loads paperfeed twice (the CDN file and an npm copy) keeps the
 * first definition and gets one warning instead of a `NotSupportedError` (Shoelace does the same).
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, ctor);
  } else if (existing !== ctor && !warned.has(tag)) {
    warned.add(tag);
    console.warn(`[paperfeed] <${tag}> is already defined by another copy of paperfeed; keeping the first. Load paperfeed once per page.`);
  }
}
