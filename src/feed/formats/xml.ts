// Small helpers for reading feed XML by local name. Feeds mix namespaces freely (dc:creator,
// arxiv:comment, opensearch:totalResults, atom:link inside RSS), so most lookups ignore the prefix
// and compare `localName`; the few places where the namespace matters pass it explicitly.
import { collapse } from '../parse/text.js';
import { safeUrl } from '../parse/url.js';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
/** Atom 0.3 (2003), still served by old blogs and feedparser's tests; read like Atom 1.0. */
export const ATOM03_NS = 'http://purl.org/atom/ns#';

/**
 * `base` moved on by the element's `xml:base`, if it has one that resolves to an http(s) URL.
 * Callers fold it from the root down (feed, entry, link); Chromium's `baseURI` ignores xml:base.
 * The `xml` prefix can only name the XML namespace, so the qualified name is enough.
 */
export function xmlBase(el: Element | undefined, base: string): string {
  return safeUrl(el?.getAttribute('xml:base'), base) ?? base;
}

/**
 * An element's direct children grouped by local name, in document order. An item is looked up a
 * dozen times or more, so adapters read its children once with `indexChildren` and pass the index
 * (not the element) to the helpers below; they accept either.
 */
export type Children = Map<string, Element[]>;

// The server's XML DOM (@xmldom/xmldom) has no ElementTraversal (`firstElementChild`,
// `nextElementSibling`): there the walk steps over the other nodes itself.
function firstElement(parent: Element): Element | null {
  return parent.firstElementChild !== undefined ? parent.firstElementChild : elementFrom(parent.firstChild);
}

function nextElement(el: Element): Element | null {
  return el.nextElementSibling !== undefined ? el.nextElementSibling : elementFrom(el.nextSibling);
}

function elementFrom(node: Node | null): Element | null {
  while (node && node.nodeType !== 1) node = node.nextSibling;
  return node as Element | null;
}

export function indexChildren(parent: Element): Children {
  const index: Children = new Map();
  // A sibling walk is faster than iterating `parent.children` (an HTMLCollection).
  for (let el = firstElement(parent); el; el = nextElement(el)) {
    const list = index.get(el.localName);
    if (list) list.push(el);
    else index.set(el.localName, [el]);
  }
  return index;
}

/** Direct children with this local name (and namespace, when given). Read-only: may be the index's own array. */
export function childrenNamed(parent: Element | Children, localName: string, ns?: string | null): Element[] {
  let list: Element[] = [];
  if (parent instanceof Map) list = parent.get(localName) ?? list;
  else {
    for (let el = firstElement(parent); el; el = nextElement(el)) if (el.localName === localName) list.push(el);
  }
  return ns === undefined ? list : list.filter((el) => el.namespaceURI === ns);
}

/** The first direct child with this local name, or undefined. */
export function child(parent: Element | Children, localName: string, ns?: string | null): Element | undefined {
  return childrenNamed(parent, localName, ns)[0];
}

/** Collapsed text of the first child with this local name, or ''. */
export function childText(parent: Element | Children, localName: string, ns?: string | null): string {
  return collapse(child(parent, localName, ns)?.textContent ?? '');
}

/** Raw (uncollapsed) text of the first child with this local name, or ''. */
export function childRaw(parent: Element | Children, localName: string, ns?: string | null): string {
  return child(parent, localName, ns)?.textContent ?? '';
}
