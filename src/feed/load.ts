// loadFeed: the one entry point the elements use. fetch (shared, cached, abortable) → parse →
// adapter or transform → FeedResult.
import { FeedError, cancelled, configError } from './errors.js';
import { clearFetchCache, fetchText, type FetchedText } from './net/fetcher.js';
import { streamHf } from './hf/stream.js';
import type { FeedFormat, Paper } from './paper.js';
import { parseFeed, type FeedResult, type Transform } from './parse/parse.js';
import { parseFeedSliced } from './parse/slices.js';
import { safeUrl } from './parse/url.js';

export type { FeedResult, Transform } from './parse/parse.js';

export interface LoadOptions {
  /** Default `auto`: detected from the content type and the body. */
  format?: FeedFormat;
  /** Maps any other JSON (parsed) or XML (a Document) to papers; applied on every call, never cached. */
  transform?: Transform;
  /** Aborting it rejects this call with a FeedError of kind `abort`; the request stops once no caller is left. */
  signal?: AbortSignal;
  /** Milliseconds before a `timeout` FeedError. Default 10000. */
  timeout?: number;
  /** URL template containing `{url}` (replaced by the encoded feed URL), for feeds without CORS headers. */
  proxy?: string;
  /** Bypass the cache (still shares an in-flight request that was started with `reload`). */
  reload?: boolean;
  /** Bytes of body read at most; past it the load fails with a `too-large` FeedError. Default 5 MB (`MAX_BYTES`). */
  maxBytes?: number;
  /**
   * Called while a big feed streams in, with every paper read so far, before the promise resolves
   * with the whole feed: a new array each time the papers of a chunk of the body are read (when
   * reading lags behind the network: each time their number doubled or 50 ms passed). Only an HF
   * papers array (format `auto` or `hf`, no `transform`) is read this way; other formats and cached
   * answers never call it. The papers may still turn out to be part of a failed load. If it
   * throws, progress stops (the load goes on).
   */
  onPapers?: (papers: Paper[]) => void;
}

// Parsed results hang off the cached response object, so they live exactly as long as it does
// in the fetcher's cache, and a `reload` (a new response object) parses afresh.
const parsedCache = new WeakMap<FetchedText, Map<string, FeedResult>>();

/**
 * Loads a feed and returns its papers in the one `Paper` model.
 *
 * Identical concurrent calls share one request; answers are cached for a few minutes (failures
 * never); `signal`, `timeout`, `proxy` and `reload` work as documented on `LoadOptions`.
 * The returned `papers` array is yours to sort or filter; the Paper objects in it are shared with
 * the cache and must not be mutated.
 *
 * @param src the feed URL; a relative URL resolves against the document.
 * @throws FeedError with kind `network`, `timeout`, `http`, `parse`, `shape` or `abort`; kind
 *   `config` (details in the console) when `src` is not an http(s) URL or `proxy` lacks `{url}`.
 */
export async function loadFeed(src: string, options: LoadOptions = {}): Promise<FeedResult> {
  const url = safeUrl(src, globalThis.document?.baseURI ?? globalThis.location?.href);
  if (!url) throw configError(`The feed src must be an http(s) URL; got "${src}".`);

  const { transform, signal } = options;
  const format = options.format ?? 'auto';
  // A JSON array (HF's shape) is read item by item while it arrives: see hf-stream.ts.
  const stream = transform || (format !== 'auto' && format !== 'hf') ? undefined : streamHf(url, format, options.onPapers, signal);
  let fetched: FetchedText;
  try {
    fetched = await fetchText(url, { ...options, onText: stream?.push });
  } catch (error) {
    stream?.stop();
    throw error;
  }
  // The caller may have left while the shared request was finishing: its result is never used.
  if (signal?.aborted) throw cancelled(url);

  try {
    if (transform) return parseFeed(fetched.text, fetched.contentType, { url, transform });
    if (!parsedCache.has(fetched)) parsedCache.set(fetched, new Map());
    const byFormat = parsedCache.get(fetched)!;
    let result = byFormat.get(format);
    if (!result) {
      result = await stream?.finish();
      if (signal?.aborted) throw cancelled(url);
      // Read in slices that yield (slices.ts): a 5 MB RSS body was one 1.1 s task (issue 18).
      // Callers that arrive meanwhile share the same reading.
      result ??= byFormat.get(format) ?? (await sharedRead(fetched, format, url));
      byFormat.set(format, result);
    }
    stream?.stop();
    if (signal?.aborted) throw cancelled(url);
    return { ...result, papers: result.papers.slice() };
  } catch (error) {
    throw error instanceof FeedError && !error.url ? withUrl(error, url) : error;
  }
}

// Readings in progress, per response and format, so that concurrent callers read a body once.
const reading = new WeakMap<FetchedText, Map<string, Promise<FeedResult>>>();

function sharedRead(fetched: FetchedText, format: FeedFormat, url: string): Promise<FeedResult> {
  if (!reading.has(fetched)) reading.set(fetched, new Map());
  const byFormat = reading.get(fetched)!;
  let pending = byFormat.get(format);
  if (!pending) {
    pending = parseFeedSliced(fetched.text, fetched.contentType, { url, format });
    byFormat.set(format, pending);
    const forget = () => byFormat.delete(format);
    pending.then(forget, forget);
  }
  return pending;
}

/** Forget every cached feed (tests call it in `beforeEach`). */
export function clearFeedCache(): void {
  clearFetchCache();
}

function withUrl(error: FeedError, url: string): FeedError {
  const { status, retryAfter, cause } = error;
  return new FeedError(error.kind, error.message, { status, retryAfter, url, cause });
}
