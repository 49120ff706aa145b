// What paperfeed reads of a feed at most. A feed is remote data: a misconfigured endpoint or a prank
// can send gigabytes, millions of items or one endless string, and every page embedding the list
// would pay for it (issue 18: 1,000,000 items held 467 MB and made each search keystroke take
// seconds). Feed readers bound all of this; so does paperfeed, far above what any real feed sends.
import type { Paper } from './paper.js';
import type { FeedResult } from './parse/parse.js';

/**
 * Bytes of body read before the request stops with a `too-large` FeedError (option `maxBytes`).
 * The largest real feeds paperfeed reads are well under it: arXiv's RSS for a busy day ~1.5 MB;
 * 1,000 HF papers ~1.1 MB.
 */
export const MAX_BYTES = 5 * 1024 * 1024;

/** Papers kept from one feed: the first ones, with one console warning; `FeedResult.total` says how many came. */
export const MAX_ITEMS = 5000;

/** A title is cut here with an ellipsis (the longest in the real feeds checked: 125 characters). */
export const MAX_TITLE = 1000;

/** A summary is cut here with an ellipsis (arXiv allows 1,920 characters; the longest seen: 1,933). */
export const MAX_SUMMARY = 10_000;

/**
 * An item or entry of an XML feed read in slices (feed/parse/slices.ts) with more elements than
 * this, or nested deeper, is skipped with a console warning: the browser's parser alone took 86 ms
 * for 5,000 nested elements and refuses about 5,000 levels outright. Real items hold tens.
 */
export const MAX_ITEM_ELEMENTS = 5000;
export const MAX_ITEM_DEPTH = 256;

/**
 * A run of text (or a CDATA section) inside an XML item is handed to the parser up to this many
 * characters: one 4.8 MB description was a 200 ms task. Far past what is shown: a summary's HTML is
 * read up to 100,000 characters, and escaping at most quintuples it.
 */
export const MAX_TEXT_RUN = 500_000;

/** Cuts `text` after `max` UTF-16 units (never inside a surrogate pair), marking the cut with "…". */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return `${text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max)}…`;
}

/** The paper with its title, summaries and note cut to the limits (the same object when nothing is cut). */
export function clipPaper(paper: Paper): Paper {
  const { title, summary, aiSummary, note } = paper;
  if (
    title.length <= MAX_TITLE &&
    summary.length <= MAX_SUMMARY &&
    (aiSummary?.length ?? 0) <= MAX_SUMMARY &&
    (note?.length ?? 0) <= MAX_TITLE
  ) {
    return paper;
  }
  const clipped: Paper = { ...paper, title: clip(title, MAX_TITLE), summary: clip(summary, MAX_SUMMARY) };
  if (aiSummary !== undefined) clipped.aiSummary = clip(aiSummary, MAX_SUMMARY);
  if (note !== undefined) clipped.note = clip(note, MAX_TITLE);
  return clipped;
}

/**
 * Keeps the first `MAX_ITEMS` papers of a result, each clipped, and sets `total` to how many the
 * feed had (`result.total` when a stream already counted past the cap). Warns once when some were dropped.
 */
export function capItems(result: FeedResult, url: string): FeedResult {
  const total = Math.max(result.total ?? 0, result.papers.length);
  const papers = (result.papers.length > MAX_ITEMS ? result.papers.slice(0, MAX_ITEMS) : result.papers).map(clipPaper);
  if (total > papers.length) {
    console.warn(
      `[paperfeed] ${url || 'The feed'} has ${total} papers; only the first ${papers.length} are kept. ` +
        'Ask the feed for fewer items (a `limit` or page parameter) to see them all.',
    );
  }
  return { ...result, papers, total };
}
