// A feed body read in slices: the same FeedResult as `parseFeed`, without one long task on the main
// thread (issue 18: a 4.85 MB RSS feed was one 1.1 s task, JSON Feed 0.5 s, Atom 0.7 s).
//
// Measured in Chromium 156 on 4.85 MB feeds (bench/HOSTILE.md): `JSON.parse` takes 4-7 ms, DOMParser
// 175-330 ms, the adapters 50-100 ms (mostly `htmlToText`, one small document per item). So:
// - JSON Feed: the body is parsed at once, and the adapter runs over its items in batches;
// - RSS, RDF and Atom: one linear scan (that knows comments, CDATA, processing instructions, the
//   DOCTYPE and quoted attribute values) finds where each item/entry starts and ends; the document
//   without its items (the "skeleton": title, paging, format, HTML checks) is parsed once, and the
//   items are parsed in batches, each batch a small document made of the prolog, the root's and the
//   channel's start tags (so namespace prefixes, entities and xml:base resolve as in the whole
//   document), the batch's items and the end tags; the adapter reads each batch as it reads a feed.
// Batches are sized to take about SLICE_MS, with a yield to the main thread between them.
//
// Anything this path does not read exactly like `parseFeed` (a body that is not well-formed and
// needs recovery, items under two different parents, a transform, a format that is not JSON Feed,
// RSS or Atom, any error) goes to `parseFeed` on the whole text, which gives the result or throws
// the error it always did: only such feeds still cost one long task.
import type { AdapterContext, AdapterResult } from '../formats/adapter.js';
import type { FeedError } from '../errors.js';
import { adaptAtom } from '../formats/atom.js';
import { adaptJsonFeed } from '../formats/jsonfeed.js';
import { adaptRss } from '../formats/rss.js';
import { isRecord } from '../formats/util.js';
import { invalidJson, parseBody, resolveFormat } from './detect.js';
import { parseDocument } from './parse-document.js';
import { finishResult, parseFeed, type FeedResult, type ParseOptions } from './parse.js';
import type { Paper } from '../paper.js';
import { splitJsonArray } from './json-stream.js';
import { prepareSteps, prepareXml } from './xml-recover.js';
import { yieldToMain } from '../net/yield.js';
import { MAX_ITEM_DEPTH, MAX_ITEM_ELEMENTS, MAX_ITEMS, MAX_TEXT_RUN } from '../limits.js';

/** Work between two yields, in ms: well under the 50 ms of a long task, even on a slow machine. */
export const SLICE_MS = 12;
/** Items in the first batch, before the time per item is known. */
const FIRST_BATCH = 8;
const MAX_BATCH = 300;

/**
 * A yield to the main thread once SLICE_MS have passed since the last one: `await` what it returns
 * (undefined while time is left) from a loop, as often as is cheap.
 */
function slicer(): () => Promise<void> | undefined {
  let deadline = performance.now() + SLICE_MS;
  return () => {
    if (performance.now() <= deadline) return undefined;
    return yieldToMain().then(() => {
      deadline = performance.now() + SLICE_MS;
    });
  };
}

/** How many bodies were read in slices and how many whole (tests check that the sliced path is the one taken). */
export const sliceStats = { sliced: 0, whole: 0 };

/**
 * `parseFeed`, read in slices that yield to the main thread (what `loadFeed` uses). Same result,
 * same errors.
 */
export async function parseFeedSliced(text: string, contentType = '', options: ParseOptions = {}): Promise<FeedResult> {
  const sync = () => parseFeed(text, contentType, options);
  if (options.transform) return sync();
  const format = options.format ?? 'auto';
  const url = options.url ?? globalThis.location?.href ?? '';
  const body = text.replace(/^\ufeff/, '').trim();
  let result: FeedResult | undefined;
  try {
    if (body[0] === '{' && (format === 'auto' || format === 'jsonfeed')) result = await jsonFeedSliced(body, format, url);
    else if (body[0] === '[' && (format === 'auto' || format === 'hf')) await refuseBrokenArray(body);
    else if (body[0] === '<' && (format === 'auto' || format === 'rss' || format === 'atom')) {
      let read = await xmlSliced(body, contentType, format, url);
      // Not well-formed: what parseFeed does next (xml-recover.ts), with the recovered text read in
      // slices too (a 4.85 MB RSS with one bare `&` was a 513 ms task read whole).
      if (read === MALFORMED) {
        const recovered = await recoverSliced(body);
        if (recovered !== body) read = await xmlSliced(recovered, contentType, format, url);
      }
      result = read === MALFORMED ? undefined : read;
    }
  } catch (error) {
    if (error instanceof Broken) throw error.error;
    // The whole-text parse below throws the error a reader is meant to see (or reads what this path refused).
    result = undefined;
  }
  if (result) {
    sliceStats.sliced++;
    return result;
  }
  sliceStats.whole++;
  return sync();
}

/** Runs `read` over `items` in batches of about SLICE_MS each, yielding between them. */
async function inBatches<T>(items: T[], read: (batch: T[]) => AdapterResult): Promise<{ papers: Paper[]; skipped: number; total: number }> {
  const papers: Paper[] = [];
  // Papers past MAX_ITEMS are counted, not kept: 360,000 tiny items kept alive until the cap made the
  // garbage collector's pauses long tasks of their own.
  let extra = 0;
  let skipped = 0;
  let size = FIRST_BATCH;
  for (let at = 0; at < items.length; ) {
    const start = performance.now();
    const batch = items.slice(at, at + size);
    const result = read(batch);
    for (const paper of result.papers) {
      if (papers.length < MAX_ITEMS) papers.push(paper);
      else extra++;
    }
    skipped += result.skipped;
    at += batch.length;
    const perItem = (performance.now() - start) / batch.length;
    // At most twice the last batch: a batch of small items timed near the clock's resolution
    // (0.1 ms) would otherwise jump to MAX_BATCH, and 1,000 tiny RSS items took 108 ms.
    size = Math.max(1, Math.min(MAX_BATCH, size * 2, Math.floor(SLICE_MS / Math.max(perItem, 0.001))));
    if (at < items.length) await yieldToMain();
  }
  return { papers, skipped, total: papers.length + extra };
}

// ── JSON Feed ────────────────────────────────────────────────────────────────────────────────────

async function jsonFeedSliced(body: string, format: 'auto' | 'jsonfeed', url: string): Promise<FeedResult | undefined> {
  // A real 4.85 MB JSON Feed parses in 4-7 ms, but 5 MB of tiny items (`{"title":"a"}` × 363,000)
  // took 1,174 ms in one JSON.parse: the `items` array is split out and each item parsed on its own.
  const span = await itemsSpan(body);
  if (!span) return undefined;
  const [from, to] = span;
  const data: unknown = JSON.parse(`${body.slice(0, from)}[]${body.slice(to)}`);
  if (resolveFormat({ kind: 'json', data }, format) !== 'jsonfeed' || !isRecord(data)) return undefined;
  const splitter = splitJsonArray();
  const texts: string[] = [];
  const pause = slicer();
  for (let at = from; at < to; at += PIECE) {
    for (const text of splitter.push(body.slice(at, Math.min(at + PIECE, to)))) texts.push(text);
    await pause();
  }
  if (!splitter.end()) return undefined;
  const context: AdapterContext = { url };
  const { title, next } = adaptJsonFeed(data, context);
  await yieldToMain();
  const { papers, skipped, total } = await inBatches(texts, (batch) => adaptJsonFeed({ ...data, items: batch.map((text) => JSON.parse(text) as unknown) }, context));
  return finishResult({ papers, skipped, total, title, next }, 'jsonfeed', url);
}

/** Carries `refuseBrokenArray`'s FeedError past the catch-all above. */
class Broken {
  constructor(readonly error: FeedError) {}
}

/**
 * A JSON array the Hugging Face stream could not finish (cut off, or an element that is not JSON)
 * reaches here; `JSON.parse` of all of it only to learn where it breaks was a 60-69 ms task for
 * 3.6 MB. Each complete element that parses on its own is masked instead (`0` and spaces, its line
 * breaks kept, so positions, lines and columns stay), in slices, and the masked text is parsed: it
 * fails at the same place with the same message, which is thrown. The last 64
 * characters before the break stay as written (V8 quotes some of them). Returns when the array is
 * well-formed after all: then the whole text is read as before.
 */
async function refuseBrokenArray(body: string): Promise<void> {
  // The ends of the last elements that parsed alone (a few: the last 64 characters hold at most 32),
  // and the end of the latest one before them.
  const ends: number[] = [];
  let older = 0;
  let depth = 0;
  let quoted = false;
  let escaped = false;
  let start = 1;
  let broken = -1;
  const pause = slicer();
  const element = (end: number) => {
    if (broken < 0) {
      try {
        JSON.parse(body.slice(start, end));
        if (ends.push(end) > 40) older = ends.shift()!;
      } catch {
        broken = start;
      }
    }
    start = end + 1;
  };
  for (let i = 0; i < body.length && depth >= 0; i++) {
    if ((i & 0xfff) === 0) await pause();
    const c = body.charCodeAt(i);
    if (quoted) {
      if (escaped) escaped = false;
      else if (c === 92) escaped = true;
      else if (c === 34) quoted = false;
    } else if (c === 34) quoted = true;
    else if (c === 91 || c === 123) depth++;
    else if (c === 93 || c === 125) {
      if (--depth === 0) {
        element(i);
        break;
      }
    } else if (c === 44 && depth === 1) element(i);
  }
  const end = broken >= 0 ? broken : start;
  // Every element before the last 64 characters, and the commas between them, become one element:
  // `0` and spaces, line breaks kept. JSON.parse then skips whitespace instead of building 400,000
  // values (a 3.6 MB array masked element by element still took 53-90 ms).
  let maskEnd = older;
  for (const segmentEnd of ends) if (segmentEnd <= end - 64) maskEnd = segmentEnd;
  // Spaces by `repeat`, per line (a regular expression replacing each character took 305 ms).
  const lines = body.slice(1, maskEnd).split(/(\r\n|\r|\n)/);
  const first = lines.findIndex((line, i) => i % 2 === 0 && line.length > 0);
  const region = lines.map((line, i) => (i % 2 ? line : i === first ? `0${' '.repeat(line.length - 1)}` : ' '.repeat(line.length))).join('');
  const masked = maskEnd ? ['[', region, body.slice(maskEnd)] : [body];
  try {
    JSON.parse(masked.join(''));
  } catch (error) {
    throw new Broken(invalidJson(error));
  }
}

/** Text pieces the items array is split in (as hf-stream.ts does). */
const PIECE = 1 << 14;

/**
 * [start, end) of the value of the top-level object's `"items"` key when it is an array, found in one
 * scan that yields; undefined when there is none, or more than one (JSON.parse keeps the last).
 */
async function itemsSpan(body: string): Promise<[number, number] | undefined> {
  let depth = 0;
  let quoted = false;
  let escaped = false;
  let keyStart = -1;
  let expectKey = false;
  let key = '';
  let span: [number, number] | undefined;
  let open = -1;
  let items = 0;
  const pause = slicer();
  for (let i = 0; i < body.length; i++) {
    if ((i & 0xffff) === 0) await pause();
    const c = body.charCodeAt(i);
    if (quoted) {
      if (escaped) escaped = false;
      else if (c === 92) escaped = true;
      else if (c === 34) {
        quoted = false;
        if (keyStart >= 0) {
          key = body.slice(keyStart, i + 1);
          // A second `items` (JSON.parse keeps the last), or a key written with escapes that could be one.
          if (key === '"items"' ? ++items > 1 : key.includes('\\')) return undefined;
        }
        keyStart = -1;
      }
    } else if (c === 34) {
      quoted = true;
      if (depth === 1 && expectKey) {
        keyStart = i;
        expectKey = false;
      }
    } else if (c === 123 || c === 91) {
      if (depth === 1 && c === 91 && key === '"items"') {
        if (span || open >= 0) return undefined;
        open = i;
      }
      depth++;
      if (depth === 1) expectKey = c === 123;
    } else if (c === 125 || c === 93) {
      depth--;
      if (depth === 1 && open >= 0 && c === 93) {
        span = [open, i + 1];
        open = -1;
      }
    } else if (c === 44 && depth === 1) {
      expectKey = true;
      key = '';
    } else if (c === 58 && depth === 1) {
      // the value of `key` follows
    } else if (depth === 1 && c > 32 && key) {
      // A scalar value: the key's value is not an array.
      key = key === '"items"' ? '"items" (scalar)' : key;
    }
  }
  return span;
}

// ── RSS, RDF, Atom ───────────────────────────────────────────────────────────────────────────────

interface XmlLayout {
  /** Everything before the root element (declaration, comments, DOCTYPE). */
  prolog: string;
  rootStart: string;
  rootName: string;
  /** The first `channel` child of the root (RSS), when there is one. */
  channelStart?: string;
  channelName?: string;
  channelSelfClosing?: boolean;
  /** Whether the items are the channel's children (RSS 2.0) rather than the root's (RDF, Atom). */
  inChannel: boolean;
  /** [start, end) of each item or entry, in document order. */
  items: [number, number][];
  /** Items over MAX_ITEM_ELEMENTS or MAX_ITEM_DEPTH (by start offset): skipped, never parsed. */
  hostile: Set<number>;
  /** Per item (by start offset), the [start, end) of its text runs and CDATA sections over MAX_TEXT_RUN. */
  longRuns: Map<number, [number, number][]>;
}

const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1);
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * Finds the items of an RSS/RDF/Atom body in one scan, yielding now and then (a 5 MB body is
 * ~10,000 tags). Undefined for anything it does not understand: the caller then parses the whole text.
 */
async function scanXml(body: string): Promise<XmlLayout | undefined> {
  const stack: string[] = [];
  const items: [number, number][] = [];
  let layout: XmlLayout | undefined;
  let itemName = '';
  let itemStart = -1;
  let itemParent = 0; // stack depth of the items' parent (1: root, 2: channel)
  let channels = 0;
  const hostile = new Set<number>();
  const longRuns = new Map<number, [number, number][]>();
  // The item being scanned: its elements, its start depth, and its runs of text over the cap.
  let elements = 0;
  let runs: [number, number][] = [];
  const longRun = (start: number, end: number) => itemStart >= 0 && end - start > MAX_TEXT_RUN && runs.push([start, end]);
  const pause = slicer();
  let tags = 0;
  let i = 0;
  for (;;) {
    if ((++tags & 255) === 0) await pause();
    const lt = body.indexOf('<', i);
    if (lt < 0) break;
    longRun(i, lt);
    let end: number;
    if (body.startsWith('<!--', lt)) {
      end = body.indexOf('-->', lt + 4);
      if (end < 0) return undefined;
      i = end + 3;
    } else if (body.startsWith('<![CDATA[', lt)) {
      end = body.indexOf(']]>', lt + 9);
      if (end < 0) return undefined;
      longRun(lt + 9, end);
      i = end + 3;
    } else if (body.startsWith('<?', lt)) {
      end = body.indexOf('?>', lt + 2);
      if (end < 0) return undefined;
      i = end + 2;
    } else if (body.startsWith('<!', lt)) {
      // A DOCTYPE, before the root only; its internal subset [...] may hold quoted `>`s.
      if (layout) return undefined;
      end = declarationEnd(body, lt + 2);
      if (end < 0) return undefined;
      i = end + 1;
    } else if (body.charCodeAt(lt + 1) === 47) {
      end = body.indexOf('>', lt + 2);
      if (end < 0) return undefined;
      const name = body.slice(lt + 2, end).trimEnd();
      if (stack.pop() !== name) return undefined;
      i = end + 1;
      if (itemStart >= 0 && stack.length === itemParent) {
        if (elements > MAX_ITEM_ELEMENTS) hostile.add(itemStart);
        if (runs.length) longRuns.set(itemStart, runs);
        items.push([itemStart, i]);
        itemStart = -1;
      }
      // What follows the root is in the skeleton, whose strict parse checks it.
      if (!stack.length) return layout;
    } else {
      end = tagEnd(body, lt + 1);
      if (end < 0) return undefined;
      let nameEnd = lt + 1;
      while (nameEnd < end && !isSpace(body.charCodeAt(nameEnd)) && body.charCodeAt(nameEnd) !== 47) nameEnd++;
      const name = body.slice(lt + 1, nameEnd);
      if (!name) return undefined;
      const selfClosing = body.charCodeAt(end - 1) === 47;
      const depth = stack.length;
      i = end + 1;
      if (depth === 0) {
        if (layout) return undefined; // a second root
        const root = localName(name);
        itemName = root === 'feed' ? 'entry' : root === 'rss' || root === 'RDF' ? 'item' : '';
        if (!itemName || selfClosing) return undefined;
        layout = { prolog: body.slice(0, lt), rootStart: body.slice(lt, i), rootName: name, inChannel: false, items, hostile, longRuns };
      } else if (itemStart >= 0) {
        elements++;
        if (depth - itemParent > MAX_ITEM_DEPTH) hostile.add(itemStart);
      } else {
        const local = localName(name);
        if (depth === 1 && local === 'channel' && itemName === 'item') {
          if (++channels > 1) return undefined;
          Object.assign(layout!, { channelStart: body.slice(lt, i), channelName: name, channelSelfClosing: selfClosing });
        }
        const parent = depth === 1 ? 1 : depth === 2 && itemName === 'item' && localName(stack[1]) === 'channel' ? 2 : 0;
        if (parent && local === itemName) {
          // All items must share one parent (adaptRss reads the channel's items, then the root's).
          if (items.length && itemParent !== parent) return undefined;
          itemParent = parent;
          layout!.inChannel = parent === 2;
          if (selfClosing) items.push([lt, i]);
          else {
            itemStart = lt;
            elements = 0;
            runs = [];
          }
        }
      }
      if (!selfClosing) stack.push(name);
    }
  }
  return undefined; // the root never closed
}

/** `at`, or earlier so that a cut there splits no character reference (`&lt;`) or surrogate pair. */
function safeCut(body: string, at: number): number {
  const amp = body.lastIndexOf('&', at - 1);
  const semi = amp < 0 ? -1 : body.indexOf(';', amp);
  if (amp >= 0 && at - amp <= 32 && (semi < 0 || semi >= at)) at = amp;
  const last = body.charCodeAt(at - 1);
  return last >= 0xd800 && last <= 0xdbff ? at - 1 : at;
}

/** Index of the `>` closing a start tag whose name starts at `from` (quoted values may hold `>`), or -1. */
function tagEnd(body: string, from: number): number {
  for (let j = from; j < body.length; j++) {
    const c = body.charCodeAt(j);
    if (c === 62) return j;
    if (c === 34 || c === 39) {
      j = body.indexOf(c === 34 ? '"' : "'", j + 1);
      if (j < 0) return -1;
    } else if (c === 60) {
      return -1;
    }
  }
  return -1;
}

/** Index of the `>` ending a `<!…` declaration (a DOCTYPE with its internal subset), or -1. */
function declarationEnd(body: string, from: number): number {
  let bracket = false;
  for (let j = from; j < body.length; j++) {
    const c = body.charCodeAt(j);
    if (c === 34 || c === 39) {
      j = body.indexOf(c === 34 ? '"' : "'", j + 1);
      if (j < 0) return -1;
    } else if (c === 91) bracket = true;
    else if (c === 93) bracket = false;
    else if (c === 62 && !bracket) return j;
    else if (bracket && body.startsWith('<!--', j)) {
      j = body.indexOf('-->', j + 4);
      if (j < 0) return -1;
      j += 2;
    }
  }
  return -1;
}

/** The document strictly parsed, or undefined when it is not well-formed (then the whole text is parsed, with recovery). */
function strictDocument(text: string): Document | undefined {
  const doc = parseDocument(prepareXml(text), 'application/xml');
  return doc.getElementsByTagName('parsererror')[0] ? undefined : doc;
}

/** `prepareXml(body, true)` (parseFeed's recovery), yielding every SLICE_MS: 5 MB took 50-190 ms in one go. */
async function recoverSliced(body: string): Promise<string> {
  const steps = prepareSteps(body, true);
  const pause = slicer();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** What `xmlSliced` answers when the strict parser refused the skeleton or a batch of items. */
const MALFORMED = Symbol('malformed');

async function xmlSliced(body: string, contentType: string, format: 'auto' | 'rss' | 'atom', url: string): Promise<FeedResult | typeof MALFORMED | undefined> {
  const layout = await scanXml(body);
  if (!layout) return undefined;
  const { items } = layout;
  // The skeleton: the document without its items (title, paging, the root for detection).
  // Only the gaps that hold something: 175,000 tiny items back to back made 175,000 empty slices
  // (45 ms in one task).
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of items) {
    if (start > from) parts.push(body.slice(from, start));
    from = end;
  }
  parts.push(body.slice(from));
  const skeletonText = parts.join('');
  if (!strictDocument(skeletonText)) return MALFORMED;
  // Throws what parseFeed throws for an HTML page or an XML body that is not RSS or Atom.
  const skeleton = parseBody(skeletonText, contentType);
  const resolved = resolveFormat(skeleton, format);
  if (skeleton.kind !== 'xml' || resolved === 'hf' || resolved === 'jsonfeed') return undefined;
  const adapt = resolved === 'atom' ? adaptAtom : adaptRss;
  const context: AdapterContext = { url };
  const { title, next } = adapt(skeleton.doc, context);

  // Each batch: prolog, root start tag, the channel (its start tag, around the items or empty before
  // them: its xml:base applies to RDF's items too), the items, end tags.
  const { prolog, rootStart, rootName, channelStart, channelName, channelSelfClosing, inChannel } = layout;
  const channelEnd = channelSelfClosing ? '' : `</${channelName}>`;
  const open = prolog + rootStart + (channelStart ? (inChannel ? channelStart : channelStart + channelEnd) : '');
  const close = (inChannel ? channelEnd : '') + `</${rootName}>`;
  let failed = false;
  let malformed = false;
  const { hostile, longRuns } = layout;
  if (hostile.size) {
    console.warn(
      `[paperfeed] Skipped ${hostile.size} ${hostile.size === 1 ? 'item' : 'items'} in ${url || 'the feed'} with over ` +
        `${MAX_ITEM_ELEMENTS} elements or nested over ${MAX_ITEM_DEPTH} deep.`,
    );
  }
  // An item's text, with each run of text over MAX_TEXT_RUN cut there (never inside a reference).
  const itemText = ([start, end]: [number, number]): string => {
    const cuts = longRuns.get(start);
    if (!cuts) return body.slice(start, end);
    let out = '';
    let from = start;
    for (const [runStart, runEnd] of cuts) {
      out += body.slice(from, safeCut(body, runStart + MAX_TEXT_RUN));
      from = runEnd;
    }
    return out + body.slice(from, end);
  };
  const kept = hostile.size ? items.filter(([start]) => !hostile.has(start)) : items;
  await yieldToMain();
  const read = await inBatches(kept, (batch) => {
    const doc = failed ? undefined : strictDocument(open + batch.map(itemText).join('') + close);
    if (!doc) {
      malformed ||= !failed;
      failed = true;
      return { papers: [], skipped: 0 };
    }
    const result = adapt(doc, context);
    if (result.papers.length + result.skipped !== batch.length) failed = true;
    return result;
  });
  if (failed) return malformed ? MALFORMED : undefined;
  return finishResult({ papers: read.papers, skipped: read.skipped + hostile.size, total: read.total, title, next }, resolved, url);
}
