// Turning feed strings into plain text. Feeds put HTML in descriptions (RSS), `content_html`
// (JSON Feed) and `type="html"` content (Atom). We let the browser's own HTML parser read it in a
// document made by DOMParser: such a document has no browsing context, so scripts never run and
// images never load, and we only ever read `textContent` from it; nothing is inserted anywhere.
import { parseDocument } from './parse-document.js';

/** Collapse runs of whitespace (newlines, tabs, nbsp) to one space and trim. */
export function collapse(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

const HANDLER = /([\s/"'])on(?=[a-z]+\s*=)/gi;
/**
 * HTML longer than this is cut before parsing: summaries are kept to 10,000 characters of text
 * (feed/limits.ts), and real descriptions are far shorter (arXiv's longest ~2,000 with markup).
 */
export const MAX_HTML = 100_000;

/**
 * Fragments with more tags than this are read by `stripTags` instead of the browser's parser, whose
 * time grows with the square of the nesting on some shapes (measured in Chromium 156: 2,000 nested
 * `<table><td>` 200 ms, 40,000 nested `<b>` 18 s); up to this many it stays under ~10 ms. Real
 * summaries carry a few dozen tags.
 */
export const MAX_PARSED_TAGS = 500;

/** The visible text of an HTML fragment, whitespace collapsed. Plain text passes through unchanged. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return collapse(html);
  const prepared = prepareHtml(html.length > MAX_HTML ? html.slice(0, MAX_HTML) : html);
  if (prepared.tags > MAX_PARSED_TAGS) return stripTags(prepared.html);
  // Chromium checks the page's CSP as soon as a parser creates an inline event-handler attribute,
  // even in an inert document where it can never run, and reports a violation to the host page
  // (seen in scripts/check-cdn.mjs under `script-src 'self'`). We only read text, so such
  // attributes are renamed inside tags first (prepareHtml).
  const doc = parseDocument(prepared.html, 'text/html');
  // Blocks would otherwise glue words together ("<p>One</p><p>Two</p>" → "OneTwo").
  for (const el of doc.body.querySelectorAll('p, div, br, li, h1, h2, h3, h4, h5, h6, tr, blockquote, pre')) {
    el.append(' ');
  }
  for (const el of doc.body.querySelectorAll('script, style, template, noscript')) el.remove();
  return collapse(doc.body.textContent ?? '');
}

const BLOCK = new Set('p div br li h1 h2 h3 h4 h5 h6 tr td th blockquote pre ul ol table section article header footer hr'.split(' '));
const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'textarea', 'title']);

/** The lower-cased name of the tag opening at `lt` (after `</` for an end tag), up to 12 letters. */
function tagName(html: string, start: number, end: number): string {
  let stop = start;
  while (stop < end && stop - start <= 12) {
    const c = html.charCodeAt(stop);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) break;
    stop++;
  }
  return html.slice(start, stop).toLowerCase();
}
const ENTITY = /&(#[xX][\da-fA-F]{1,8}|#\d{1,10}|[a-zA-Z][a-zA-Z\d]{1,31});/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const entities = new Map<string, string>();

/**
 * The text of HTML too big or too tag-heavy for the browser's parser, in one linear scan: tags
 * dropped (a space for a block), the content of script, style and other hidden elements dropped,
 * comments dropped, character references decoded. What a feed reader shows of hostile HTML.
 */
function stripTags(html: string): string {
  let out = '';
  let i = 0;
  let hiddenUntil = '';
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (!hiddenUntil && lt !== i) out += html.slice(i, lt < 0 ? html.length : lt);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const end = html.indexOf('>', lt + 1);
    if (end < 0) break;
    const closing = html[lt + 1] === '/';
    const name = tagName(html, closing ? lt + 2 : lt + 1, end);
    if (hiddenUntil) {
      if (closing && name === hiddenUntil) hiddenUntil = '';
    } else if (!closing && HIDDEN.has(name)) {
      hiddenUntil = name;
    } else if (BLOCK.has(name)) {
      out += ' ';
    }
    i = end + 1;
  }
  return collapse(out.replace(ENTITY, (whole, ref: string) => decodeEntity(whole, ref)));
}

function decodeEntity(whole: string, ref: string): string {
  if (ref[0] === '#') {
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  }
  if (Object.hasOwn(NAMED, ref)) return NAMED[ref];
  let text = entities.get(ref);
  if (text === undefined) {
    // The other ~2,000 names are the parser's to know: asked once each, for at most 200 names.
    if (entities.size >= 200) return whole;
    text = parseDocument(`<p>${whole}</p>`, 'text/html').body.textContent ?? whole;
    entities.set(ref, text);
  }
  return text;
}

/** A tag, comment or declaration starts at a `<` followed by one of these (HTML's tag open state). */
const TAG_START = /[a-zA-Z/!?]/;
/** No real tag is this long; the browser's parser slows down more than linearly on tags with thousands of attributes. */
const MAX_TAG = 4096;

/**
 * Prepares HTML for the parser in one scan, from each `<` to the first `>` after it:
 * - renames `on…=` attributes inside each tag (see htmlToText);
 * - drops tags longer than MAX_TAG (a tag shows no text anyway);
 * - cuts the text at a tag that never ends: the parser drops such a tag at the end of the input,
 *   with everything after its `<`, so the text read is the same, without the parser's work on it.
 * A scan, not the regular expression `/<[^>]+>/g`, which retried every `<` against the rest of a text
 * with no `>`: 1,000,000 characters of `<a<a<a…` took 10 s (issue 18).
 */
function prepareHtml(html: string): { html: string; tags: number } {
  let out = '';
  let from = 0;
  let tags = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i)) {
    const isTag = TAG_START.test(html[i + 1] ?? '');
    const end = html.indexOf('>', i + 1);
    if (end < 0) {
      // No `>` is left: the first tag opening from here never ends.
      let cut = i;
      while (cut >= 0 && !TAG_START.test(html[cut + 1] ?? '')) cut = html.indexOf('<', cut + 1);
      return { html: out + html.slice(from, cut < 0 ? html.length : cut), tags };
    }
    if (end === i + 1 || !isTag) {
      i++;
      continue;
    }
    tags++;
    const raw = end - i > MAX_TAG ? '' : html.slice(i, end + 1);
    const tag = raw.length > 3 && /on/i.test(raw) ? raw.replace(HANDLER, '$1x-on') : raw;
    out += html.slice(from, i) + tag;
    i = from = end + 1;
  }
  return { html: out + html.slice(from), tags };
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
