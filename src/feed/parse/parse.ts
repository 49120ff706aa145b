// Body text → FeedResult, without any network: `loadFeed` uses it after fetching, and benchmarks,
// stories and tests can call it directly on a string.
import { FeedError } from '../errors.js';
import type { FeedFormat, Paper, PaperInput, SourceFormat } from '../paper.js';
import type { AdapterContext, AdapterResult } from '../formats/adapter.js';
import { adaptAtom } from '../formats/atom.js';
import { normalizePaper } from '../formats/custom.js';
import { adaptHf } from '../hf/adapter.js';
import { adaptJsonFeed } from '../formats/jsonfeed.js';
import { adaptRss } from '../formats/rss.js';
import { parseBody, resolveFormat, type ParsedBody } from './detect.js';
import { capItems } from '../limits.js';

/**
 * Maps a feed's parsed body (JSON data or an XML Document) to papers, for formats paperfeed does not
 * know. Each result needs a `title`; missing fields are filled in, and strings and URLs are checked
 * like any feed's.
 */
export type Transform = (body: unknown, context: { url: string; contentType: string }) => PaperInput[];

/** What a feed turned into. */
export interface FeedResult {
  papers: Paper[];
  /** The format the papers were read with (`custom` when a transform made them). */
  format: SourceFormat;
  /** The feed's own title, if any. */
  title?: string;
  /** Absolute URL of the next page when the source pages (HF `p`, arXiv `start`, JSON Feed `next_url`). */
  next?: string;
  /** Malformed items skipped (reported with one console.warn per feed). */
  skipped: number;
  /** How many papers the feed had; more than `papers.length` when the item cap (`MAX_ITEMS`, feed/limits.ts) kept only the first. */
  total?: number;
}

export interface ParseOptions {
  /** Default `auto`: detected from the content type and the body. Ignored when `transform` is set. */
  format?: FeedFormat;
  /** The feed's URL: resolves relative links and builds `next`. Default: the document's URL. */
  url?: string;
  transform?: Transform;
}

/**
 * Parses a feed body that is already in hand.
 * @throws FeedError `parse` (empty, HTML, invalid JSON/XML) or `shape` (not a known format, bad transform).
 */
export function parseFeed(text: string, contentType = '', options: ParseOptions = {}): FeedResult {
  const url = options.url ?? globalThis.location?.href ?? '';
  const parsed = parseBody(text, contentType);
  const result = options.transform
    ? applyTransform(parsed, options.transform, url, contentType)
    : adapt(parsed, options.format ?? 'auto', { url });
  return capItems(warnSkipped(result, url), url);
}

/** The one warning per feed about skipped items (parseFeed's, also used when a feed is read as a stream). */
export function warnSkipped(result: FeedResult, url: string): FeedResult {
  if (result.skipped > 0) {
    console.warn(
      `[paperfeed] Skipped ${result.skipped} malformed ${result.skipped === 1 ? 'item' : 'items'} in ${url || 'the feed'}: ` +
        `each item must be an object with a title. The other ${result.papers.length} loaded.`,
    );
  }
  return result;
}

/** Each object a page handed over directly, as read (see `checkPapers`). */
const checked = new WeakMap<object, Paper>();

/**
 * Papers a page hands to an element directly (`<paperfeed-list>.papers`) skipped every adapter: they
 * are read like a transform's result, with one warning for the items without a title. Each object is
 * read once, so a new array of the same objects (a page filtering its own list) gives back the same
 * Paper objects, and no card renders again.
 */
export function checkPapers(value: unknown, base: string): Paper[] {
  const items: unknown[] = Array.isArray(value) ? value : [];
  const papers = items.flatMap((item) => {
    let paper = checked.get(item as object);
    if (!paper && (paper = normalizePaper(item, base))) checked.set(item as object, paper);
    return paper ?? [];
  });
  warnSkipped({ papers, format: 'custom', skipped: items.length - papers.length }, '`papers`');
  return papers;
}

function adapt(parsed: ParsedBody, format: FeedFormat, context: AdapterContext): FeedResult {
  const resolved = resolveFormat(parsed, format);
  let result: AdapterResult;
  if (parsed.kind === 'json') {
    result = resolved === 'jsonfeed' ? adaptJsonFeed(parsed.data, context) : adaptHf(parsed.data, context);
  } else {
    result = resolved === 'atom' ? adaptAtom(parsed.doc, context) : adaptRss(parsed.doc, context);
  }
  return withoutUndefined({ ...result, format: resolved });
}

/** An adapter's result made into the FeedResult `parseFeed` gives (the sliced path, slices.ts, ends here too). */
export function finishResult(result: AdapterResult & { total?: number }, format: SourceFormat, url: string): FeedResult {
  return capItems(warnSkipped(withoutUndefined({ ...result, format }), url), url);
}

function applyTransform(parsed: ParsedBody, transform: Transform, url: string, contentType: string): FeedResult {
  const body = parsed.kind === 'json' ? parsed.data : parsed.doc;
  let output: unknown;
  try {
    output = transform(body, { url, contentType });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new FeedError('shape', `The transform option failed: ${detail}`, { cause: error });
  }
  if (!Array.isArray(output)) {
    throw new FeedError('shape', 'The transform option must return an array of papers.');
  }
  const papers = output.map((item) => normalizePaper(item, url)).filter((p): p is Paper => p !== undefined);
  return { papers, format: 'custom', skipped: output.length - papers.length };
}

function withoutUndefined(result: FeedResult): FeedResult {
  if (result.title === undefined) delete result.title;
  if (result.next === undefined) delete result.next;
  return result;
}
