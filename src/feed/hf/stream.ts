// A Hugging Face papers array (the daily-papers API answers one top-level JSON array) read item by
// item while the body streams in: each item is parsed on its own as soon as it is complete, in
// slices of a few milliseconds with a yield to the main thread between them. A 10,000-paper feed
// (11 MB) in one JSON.parse + adapter run was a 0.7 s task (bench/RESULTS.md); here no task is long,
// and the first papers are ready after the first chunk. Any body this cannot read exactly like
// parseFeed would (not an array, broken JSON) makes `finish()` answer undefined, and the
// caller parses the whole text as before, with the same result or error; an array read to its end
// with no Hugging Face item fails here with parseFeed's own error.
import { hfNextPage, hfPaper, looksLikeHf } from './adapter.js';
import { arrayOf, unknownJson } from '../parse/detect.js';
import { splitJsonArray } from '../parse/json-stream.js';
import { capItems, MAX_ITEMS } from '../limits.js';
import type { Paper } from '../paper.js';
import { warnSkipped, type FeedResult } from '../parse/parse.js';
import { yieldToMain, yieldToTimers } from '../net/yield.js';

/** Longest run of work before input, rendering and the network get a turn. */
const SLICE_MS = 10;
/** Through a backlog, progress goes out at most this often, or sooner when the count doubled (each call re-renders a list). */
const PROGRESS_MS = 50;
/**
 * Body text is split in pieces this long: a network chunk can be 2 MB (loopback, Chromium 156), and
 * the first, not yet optimized, split of 64 KB took 7-34 ms (bench/big-feed.mjs page, 10,000 papers).
 */
const PIECE = 1 << 14;

export interface HfStream {
  /** A piece of the body, in order (`FetchTextOptions.onText`). */
  push(chunk: string): void;
  /** Stop parsing and reporting, and let go of everything read (the request failed, or the result is out). */
  stop(): void;
  /** Once the whole body was pushed: the result parseFeed would give, or undefined to let parseFeed do it. */
  finish(): Promise<FeedResult | undefined>;
}

/**
 * Reads a body streamed as HF papers. `format` `auto` reports papers only once an item looks like
 * an HF paper (what format detection requires); `onPapers` gets every paper read so far.
 */
export function streamHf(
  url: string,
  format: 'auto' | 'hf',
  onPapers?: (papers: Paper[]) => void,
  signal?: AbortSignal,
): HfStream {
  const splitter = splitJsonArray();
  let pieces: string[] = [];
  let items: string[] = [];
  let papers: Paper[] = [];
  let parsed = 0;
  // Papers past MAX_ITEMS are read (so `total` and `skipped` match parseFeed's) but not kept.
  let extra = 0;
  let shown = 0;
  let reported = -Infinity;
  let timerYield = performance.now();
  let isHf = format === 'hf';
  let ok = true;
  let ended = false;
  // Each push queues a drain after the one running; a drain works until nothing is left.
  let drained = Promise.resolve();
  const pending = () => parsed < items.length || pieces.length > 0;

  const drain = async (): Promise<void> => {
    try {
      while (ok && pending() && !signal?.aborted) {
        const until = performance.now() + SLICE_MS;
        do {
          if (parsed === items.length) {
            items.push(...splitter.push(pieces.shift()!));
          } else {
            const item: unknown = JSON.parse(items[parsed]);
            items[parsed++] = '';
            isHf ||= looksLikeHf([item]);
            const paper = hfPaper(item);
            if (paper && papers.length < MAX_ITEMS) papers.push(paper);
            else if (paper) extra++;
          }
        } while (pending() && performance.now() < until);
        // Report when caught up with a body still arriving; through a backlog when PROGRESS_MS
        // passed, or the count doubled while the body arrives (a first page goes out soon). Once
        // the body is complete, what parses within PROGRESS_MS goes out with the result instead: a
        // small feed is rendered once, as before streaming (bench/big-feed.mjs, 100 papers).
        const now = performance.now();
        const due = pending() ? (!ended && papers.length >= 2 * shown) || now - reported >= PROGRESS_MS : !ended;
        if (isHf && onPapers && papers.length > shown && due) {
          reported = now;
          onPapers(papers.slice(0, (shown = papers.length)));
        }
        // Now and then a real task, so that a timeout due meanwhile fires (see yieldToTimers).
        if (pending()) await (now - timerYield > PROGRESS_MS ? ((timerYield = now), yieldToTimers()) : yieldToMain());
      }
    } catch {
      // Invalid JSON in an item (or an exception from onPapers): parseFeed reads the whole text.
      ok = false;
    }
  };

  return {
    push(chunk) {
      for (let i = 0; i < chunk.length; i += PIECE) pieces.push(chunk.slice(i, i + PIECE));
      drained = drained.then(drain);
    },
    stop() {
      ok = false;
      // A timeout or abort drops what the failed request streamed in (issue 18: an endless body kept
      // 332 MB of papers after its error). The arrays are replaced: a result already handed out keeps its own.
      pieces = [];
      items = [];
      papers = [];
    },
    async finish() {
      ended = true;
      reported = performance.now();
      await (drained = drained.then(drain));
      if (!ok || !splitter.end() || signal?.aborted) return undefined;
      // Every item was read and none looked like Hugging Face's: what parsing the whole body again
      // (one long task: 1,000,000 `{}` took 300 ms) would conclude.
      if (!isHf && items.length) throw unknownJson(arrayOf(items.length));
      if (!isHf) return undefined;
      const next = hfNextPage(url, items.length);
      const total = papers.length + extra;
      const result = warnSkipped({ papers, format: 'hf', skipped: items.length - total, total, ...(next && { next }) }, url);
      return capItems(result, url);
    },
  };
}
