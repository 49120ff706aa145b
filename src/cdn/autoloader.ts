// Defines each element when its tag is in the page, like Shoelace's autoloader: the CDN entry stays
// small, and a page downloads only the code of the elements it uses. Tags added later (by a
// framework, or by a script after load) are found by a MutationObserver on the document, including
// inside open shadow roots that are in the document when they are scanned.

/** Tag → the dynamic imports that define it, started together so no chunk waits behind another. */
export type Loaders = Record<string, () => Promise<unknown>>;

const started = new Set<string>();

function scan(root: ParentNode, loaders: Loaders): void {
  for (const tag of Object.keys(loaders)) {
    if (started.has(tag) || customElements.get(tag)) continue;
    const found = (root instanceof Element && root.localName === tag) || root.querySelector(tag);
    if (!found) continue;
    started.add(tag);
    loaders[tag]().catch((error: unknown) => {
      started.delete(tag);
      console.error(`[paperfeed] Could not load <${tag}>: ${error instanceof Error ? error.message : String(error)}. Check that the paperfeed chunks are served next to paperfeed.min.js.`);
    });
  }
}

/** Scans the document now and whenever elements are added; returns the observer (to disconnect). */
export function autoload(loaders: Loaders, root: Document = document): MutationObserver {
  scan(root, loaders);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) scan(node, loaders);
    }
  });
  observer.observe(root.documentElement, { childList: true, subtree: true });
  return observer;
}
