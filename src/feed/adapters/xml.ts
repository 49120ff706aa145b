// Small helpers for reading feed XML by local name. Feeds mix namespaces freely (dc:creator,
// arxiv:comment, opensearch:totalResults, atom:link inside RSS), so most lookups ignore the prefix
// and compare `localName`; the few places where the namespace matters pass it explicitly.
import { collapse } from '../text.js';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** Direct children of `parent` with this local name (and namespace, when given). */
export function childrenNamed(parent: Element, localName: string, ns?: string | null): Element[] {
  return [...parent.children].filter(
    (el) => el.localName === localName && (ns === undefined || el.namespaceURI === ns),
  );
}

/** The first direct child with this local name, or undefined. */
export function child(parent: Element, localName: string, ns?: string | null): Element | undefined {
  return childrenNamed(parent, localName, ns)[0];
}

/** Collapsed text of the first child with this local name, or ''. */
export function childText(parent: Element, localName: string, ns?: string | null): string {
  return collapse(child(parent, localName, ns)?.textContent ?? '');
}

/** Raw (uncollapsed) text of the first child with this local name, or ''. */
export function childRaw(parent: Element, localName: string, ns?: string | null): string {
  return child(parent, localName, ns)?.textContent ?? '';
}
