// From a response body to a parsed body and a format. JSON and XML are told apart by the body
// itself (servers often send feeds as text/plain or application/octet-stream); the content type
// only settles doubtful cases. An HTML page is named as such, because that is the most common
// wrong answer (a login wall, an error page, a URL that points at a site instead of its feed).
import { parseDocument } from './parse-document.js';
import { prepareXml } from './xml-recover.js';
import { FeedError } from '../errors.js';
import type { FeedFormat, SourceFormat } from '../paper.js';
import { looksLikeHf } from '../hf/adapter.js';
import { isRecord } from '../formats/util.js';
import { ATOM03_NS, ATOM_NS } from '../formats/xml.js';

/** A body after parsing: JSON data, or an XML Document. */
export type ParsedBody = { kind: 'json'; data: unknown } | { kind: 'xml'; doc: Document };

// An HTML page starts with one of these tags once its prolog (declaration, comments, DOCTYPE) is
// skipped. An `<!DOCTYPE html …>` alone says nothing: RSS documents with an XHTML DOCTYPE exist.
const HTML_START = /^<(?:html|head|body)[\s>]/i;

/**
 * Parses a feed body as JSON or XML.
 * @throws FeedError `parse` for an empty body, an HTML page, invalid JSON or broken XML.
 */
export function parseBody(text: string, contentType = ''): ParsedBody {
  const body = text.replace(/^\ufeff/, '').trim();
  if (!body) throw new FeedError('parse', 'The feed is empty.');
  const first = body[0];
  const jsonType = /[/+]json\b/.test(contentType);

  if (first === '<') {
    const start = skipComments(body);
    if (HTML_START.test(start)) throw htmlError();
    if (!start) throw new FeedError('parse', 'The feed is XML without any element (only a declaration or comments): there is nothing to read.');
    const doc = parseXml(body);
    if (/text\/html/.test(contentType) && !detectXml(doc)) throw htmlError();
    return { kind: 'xml', doc };
  }
  if (first === '{' || first === '[' || jsonType) {
    try {
      return { kind: 'json', data: JSON.parse(body) };
    } catch (error) {
      throw invalidJson(error);
    }
  }
  throw new FeedError('parse', 'The feed is not JSON or XML.');
}

/** The error for a body `JSON.parse` refused, with its message (position included). */
export function invalidJson(error: unknown): FeedError {
  const detail = error instanceof Error ? error.message : String(error);
  return new FeedError('parse', `The feed is not valid JSON: ${detail}.`, { cause: error });
}

function htmlError(): FeedError {
  return new FeedError('parse', 'The feed is not JSON or XML: it looks like an HTML page.');
}

/** The body from its first element on: an XML declaration, comments and a DOCTYPE skipped. */
function skipComments(body: string): string {
  let i = 0;
  for (;;) {
    while (i < body.length && body.charCodeAt(i) <= 32) i++;
    const end = body.startsWith('<?', i) ? body.indexOf('?>', i) + 2
      : body.startsWith('<!--', i) ? body.indexOf('-->', i) + 3
      : /^<!doctype/i.test(body.slice(i, i + 9)) ? body.indexOf('>', i) + 1
      : -1;
    if (end <= i) return i >= body.length ? '' : body.slice(i, i + 200) || ' ';
    i = end;
  }
}

/**
 * Parses XML strictly first; a document that is not well-formed is recovered the way feed readers
 * do (xml-recover.ts) and parsed once more, and only refused when that fails too, with the first
 * error (the one about what the feed's author wrote).
 */
function parseXml(body: string): Document {
  const doc = parseDocument(prepareXml(body), 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) {
    const recovered = parseDocument(prepareXml(body, true), 'application/xml');
    if (!recovered.getElementsByTagName('parsererror')[0]) return recovered;
    // Refused: the first error is reported, its line and column are those of the feed as written.
    // Chromium wraps the parser's message in prose; keep the line/column part a reader can act on.
    const raw = (error.textContent ?? '').replace(/\s+/g, ' ');
    const detail = /error on line[^]*?(?=Below is|$)/i.exec(raw)?.[0].trim() ?? raw.trim();
    throw new FeedError('parse', `The feed is not valid XML${detail ? `: ${detail.replace(/\.$/, '')}` : ''}.`);
  }
  return doc;
}

/** The XML feed format from the root element, or undefined for any other XML. */
export function detectXml(doc: Document): 'rss' | 'atom' | undefined {
  const root = doc.documentElement;
  if (!root) return undefined;
  if (root.localName === 'rss' || root.localName === 'RDF') return 'rss';
  if (root.localName === 'feed' && (root.namespaceURI === ATOM_NS || root.namespaceURI === ATOM03_NS || !root.namespaceURI)) return 'atom';
  return undefined;
}

/** The JSON feed format from the data's shape, or undefined when paperfeed does not know it. */
export function detectJson(data: unknown): 'hf' | 'jsonfeed' | undefined {
  if (isRecord(data) && typeof data.version === 'string' && data.version.includes('jsonfeed.org')) return 'jsonfeed';
  if (looksLikeHf(data)) return 'hf';
  return undefined;
}

/**
 * The format to read a parsed body with. `auto` detects it; an explicit format is checked against
 * the body's kind (an XML body cannot be read as `hf`).
 * @throws FeedError `shape` when the body is not a format paperfeed knows.
 */
export function resolveFormat(parsed: ParsedBody, format: FeedFormat = 'auto'): Exclude<SourceFormat, 'custom'> {
  const isJsonFormat = format === 'hf' || format === 'jsonfeed';
  if (parsed.kind === 'json') {
    if (format !== 'auto') {
      if (!isJsonFormat) throw new FeedError('shape', `The feed is JSON, but the format option says "${format}".`);
      return format;
    }
    const detected = detectJson(parsed.data);
    if (!detected) throw unknownJson(describe(parsed.data));
    return detected;
  }
  if (format !== 'auto') {
    if (isJsonFormat) throw new FeedError('shape', `The feed is XML, but the format option says "${format}".`);
    return format;
  }
  const detected = detectXml(parsed.doc);
  if (!detected) {
    throw new FeedError(
      'shape',
      `The feed is XML but not RSS or Atom: its root element is <${parsed.doc.documentElement?.nodeName}>. ` +
        'Use a transform to map it to papers.',
    );
  }
  return detected;
}

/** The error for JSON of no known format, `what` saying what it is ("an array of 3 items without paper fields"). */
export function unknownJson(what: string): FeedError {
  return new FeedError('shape', `The feed is JSON but not a format paperfeed knows: ${what}. Use a transform to map it to papers.`);
}

function describe(data: unknown): string {
  if (Array.isArray(data)) return arrayOf(data.length);
  if (isRecord(data)) {
    const keys = Object.keys(data).slice(0, 5);
    return keys.length ? `an object with keys ${keys.map((k) => `"${k}"`).join(', ')}` : 'an empty object';
  }
  return data === null ? 'null' : `a ${typeof data}`;
}

/** How an array of `count` items that are not papers is described. */
export const arrayOf = (count: number): string => `an array of ${count} items without paper fields`;
