// arXiv identifiers: reading the id out of an arXiv URL, OAI id or `arXiv:` reference, and the
// canonical abstract and PDF pages for an id. Used by the RSS and Atom adapters, the HF adapter and
// the reader's citations.
import { safeUrl } from '../parse/url.js';

// New-style ids (2510.12345, 0704.0001) and old-style ones (hep-th/9901001, math.GT/0309136).
const ARXIV_ID = /(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(v\d+)?/;

/** True when the whole string is an arXiv id, with or without a version. */
export function isArxivId(value: string): boolean {
  return new RegExp(`^${ARXIV_ID.source}$`).test(value);
}

/**
 * The arXiv id (without version) named in a URL or string such as `http://arxiv.org/abs/2510.12345v2`,
 * `oai:arXiv.org:2510.12345v1` or `arXiv:2510.12345v1`; undefined when there is none.
 */
export function arxivIdFrom(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const match = /(?:arxiv\.org\/(?:abs|pdf)\/|oai:arxiv\.org:|arxiv:)/i.exec(value);
  if (!match) return isArxivId(value.trim()) ? value.trim().replace(/v\d+$/, '') : undefined;
  const rest = value.slice(match.index + match[0].length);
  const id = new RegExp(`^${ARXIV_ID.source}`).exec(rest);
  return id?.[1];
}

/** Canonical arXiv abstract and PDF pages for an id. */
export function arxivLinks(id: string): { arxivUrl?: string; pdfUrl?: string } {
  return { arxivUrl: safeUrl(`https://arxiv.org/abs/${id}`), pdfUrl: safeUrl(`https://arxiv.org/pdf/${id}`) };
}
