// DOM inspection for the XSS and CSP tests: walk every open shadow root, find active elements and
// unsafe attributes, and describe a render as the set of element/attribute names it uses.

type Flagged = Window & { __xss?: unknown };

/** Whitespace collapsed and trimmed, as a reader sees text. */
export const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** `root` and every element below it, descending into open shadow roots (and slotted light DOM). */
export function allElements(root: Element | ShadowRoot): Element[] {
  const out: Element[] = [];
  const visit = (node: Element | ShadowRoot) => {
    if (node instanceof Element) {
      out.push(node);
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    for (const child of node.children) visit(child);
  };
  visit(root);
  return out;
}

const ACTIVE = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link',
  'foreignobject', 'noscript', 'portal', 'fencedframe',
]);

/** Elements that load or run code or change the document's behaviour: none may come from a feed. */
export function activeElements(root: Element): Element[] {
  return allElements(root).filter((el) => ACTIVE.has(el.localName.toLowerCase()));
}

const URL_ATTRIBUTES = new Set([
  'href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'data', 'codebase',
  'cite', 'ping', 'longdesc', 'lowsrc', 'dynsrc', 'manifest', 'icon',
]);
const SRCSET_ATTRIBUTES = new Set(['srcset', 'imagesrcset']);

/** True for an absolute http(s) URL with nothing a browser would strip or reinterpret around it. */
export function isSafeHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s\\/]/i.test(value) || value !== value.trim()) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Every attribute that could run code or point somewhere unsafe, as readable strings (empty = fine). */
export function unsafeAttributes(root: Element): string[] {
  const problems: string[] = [];
  for (const el of allElements(root)) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const where = `<${el.localName}> ${attr.name}="${attr.value.slice(0, 80)}"`;
      if (name.startsWith('on')) problems.push(`event handler ${where}`);
      else if (URL_ATTRIBUTES.has(name) || name.endsWith(':href')) {
        if (!isSafeHttpUrl(attr.value)) problems.push(`unsafe URL ${where}`);
      } else if (SRCSET_ATTRIBUTES.has(name)) {
        for (const candidate of attr.value.split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url && !isSafeHttpUrl(url)) problems.push(`unsafe srcset candidate ${where}`);
        }
      } else if (name === 'style' && /expression\s*\(|url\s*\(|javascript:|@import/i.test(attr.value)) {
        problems.push(`active CSS ${where}`);
      } else if (/^(?:javascript|vbscript|data):/i.test(attr.value.trim())) {
        problems.push(`script-like value ${where}`);
      }
    }
  }
  return problems;
}

/**
 * The render's vocabulary: `tag` and `tag[attribute]` for every element, values left out. A hostile
 * render compared with a clean one must not use a word the clean one does not.
 */
export function signature(root: Element): Set<string> {
  const out = new Set<string>();
  for (const el of allElements(root)) {
    const tag = el.localName.toLowerCase();
    out.add(tag);
    for (const attr of el.attributes) out.add(`${tag}[${attr.name.toLowerCase()}]`);
  }
  return out;
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Waits until every Lit element below `root` has rendered, two frames have passed, and image error
 * events (thumbnails the page's CSP refuses) have had their turn. There is no single event for "every
 * delayed handler a payload could have planted would have fired by now", so a short grace period ends it.
 */
export async function settle(root: Element): Promise<void> {
  for (let round = 0; round < 3; round++) {
    const pending = allElements(root)
      .map((el) => (el as Element & { updateComplete?: Promise<unknown> }).updateComplete)
      .filter(Boolean);
    await Promise.all(pending);
    await frame();
    await frame();
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Hooks `alert`/`confirm`/`prompt`/`print`/`open`: any call is recorded and sets the XSS flag. */
export function dialogGuard() {
  const names = ['alert', 'confirm', 'prompt', 'print', 'open'] as const;
  const saved = new Map<string, unknown>();
  const guard = {
    dialogs: [] as string[],
    install() {
      guard.dialogs = [];
      delete (window as Flagged).__xss;
      for (const name of names) {
        saved.set(name, window[name]);
        (window as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
          guard.dialogs.push(`${name}(${args.map(String).join(', ')})`);
          (window as Flagged).__xss = name;
          return null;
        };
      }
    },
    restore() {
      for (const name of names) (window as unknown as Record<string, unknown>)[name] = saved.get(name);
      delete (window as Flagged).__xss;
    },
  };
  return guard;
}

/** The flag a payload sets when it runs (`window.__xss`, also from a frame through parent/top). */
export function xssFlag(): unknown {
  return (window as Flagged).__xss ?? (window.top as Flagged | null)?.__xss;
}

/**
 * Refuses remote images for the rest of this test page (a meta CSP), so thumbnails a hostile feed
 * points at (resolved against https://huggingface.co) never reach the network. Script execution is
 * left unrestricted on purpose: the XSS flag must see a payload that runs.
 */
export function blockRemoteImages(): void {
  if (document.querySelector('meta[data-test="no-remote-images"]')) return;
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "img-src 'self'; media-src 'self'";
  meta.dataset.test = 'no-remote-images';
  document.head.append(meta);
}
