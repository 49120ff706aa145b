// Turning feed strings into plain text. Feeds put HTML in descriptions (RSS), `content_html`
// (JSON Feed) and `type="html"` content (Atom). We let the browser's own HTML parser read it in a
// document made by DOMParser: such a document has no browsing context, so scripts never run and
// images never load, and we only ever read `textContent` from it; nothing is inserted anywhere.
import { parseDocument } from './parse-document.js';
import { safeUrl } from './url.js';

/** Collapse runs of whitespace (newlines, tabs, nbsp) to one space and trim. */
export function collapse(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

const HANDLER = /([\s/"'])on(?=[a-z]+\s*=)/gi;
/**
 * HTML longer than this is cut before parsing: summaries are kept to 10,000 characters of text
 * (feed/limits.ts), and real descriptions are far shorter (arXiv's longest ~2,000 with markup).
 */
export const MAX_HTML = 200_000;

/** The visible text of an HTML fragment, whitespace collapsed. Plain text passes through unchanged. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return collapse(html);
  // Chromium checks the page's CSP as soon as a parser creates an inline event-handler attribute,
  // even in an inert document where it can never run, and reports a violation to the host page
  // (seen in scripts/check-cdn.mjs under `script-src 'self'`). We only read text, so such
  // attributes are renamed inside tags first.
  const doc = parseDocument(renameHandlers(html.length > MAX_HTML ? html.slice(0, MAX_HTML) : html), 'text/html');
  // Blocks would otherwise glue words together ("<p>One</p><p>Two</p>" → "OneTwo").
  for (const el of doc.body.querySelectorAll('p, div, br, li, h1, h2, h3, h4, h5, h6, tr, blockquote, pre')) {
    el.append(' ');
  }
  for (const el of doc.body.querySelectorAll('script, style, template, noscript')) el.remove();
  return collapse(doc.body.textContent ?? '');
}

/**
 * Renames `on…=` attributes inside each `<…>` (from a `<` to the first `>` after it). A scan, not the
 * regular expression `/<[^>]+>/g`, which retried every `<` against the rest of a text with no `>`:
 * 1,000,000 characters of `<a<a<a…` took 10 s (issue 18). With no `>` left, no tag is left either.
 */
function renameHandlers(html: string): string {
  let out = '';
  let from = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i)) {
    const end = html.indexOf('>', i + 1);
    if (end < 0) break;
    if (end === i + 1) {
      i = end;
      continue;
    }
    out += html.slice(from, i) + html.slice(i, end + 1).replace(HANDLER, '$1x-on');
    i = from = end + 1;
  }
  return out + html.slice(from);
}

/** A string field as collapsed plain text, or '' when absent or not a string. */
export function textOf(value: unknown): string {
  return typeof value === 'string' ? collapse(value) : '';
}

/** A finite non-negative number, or undefined. Accepts numeric strings ("12"). */
export function countOf(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.floor(n) : undefined;
}

/** Longest string read as a date ("Wednesday, 07 November 2025 00:00:00.000 +0000" is 46). */
export const MAX_DATE = 100;

/**
 * An ISO 8601 string (`Date#toISOString`) for any date the Date parser reads, else ''. An ISO
 * date-time without an offset is read as UTC, as a date-only value is, not in the reader's zone.
 */
export function isoDate(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  // No date is written in more than a few dozen characters; a longer string is not one (issue 18).
  if (typeof value === 'string' && (value.length > MAX_DATE || !value.trim())) return '';
  const date = new Date(typeof value === 'string' ? value.trim().replace(/^(\d{4}-\d\d-\d\d)[T ]([\d:.]+)$/, '$1T$2Z') : value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

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
