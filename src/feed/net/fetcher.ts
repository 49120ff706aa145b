// The page's one feed fetcher. Every element and every `loadFeed` call goes through here, so:
// - identical concurrent requests share one network request (Shoelace's include/request.ts keys
//   in-flight requests the same way), here keyed by URL + Accept;
// - a small LRU cache with a TTL answers repeated loads, and never keeps a failure;
// - the shared request is aborted only when the last caller has left (aborted or timed out);
// - every failure is a FeedError whose message a reader of the page understands.
import { FeedError, cancelled, configError } from '../errors.js';
import { currentFetch } from './fetch-hook.js';
import { type BodyDecoder, decoderFor } from '../parse/decode.js';
import { withBodyReason } from './http-reason.js';
import { MAX_BYTES } from '../limits.js';
import { yieldToTimers } from './yield.js';

/** What the fetcher hands back: the body as text plus what is needed to parse it. */
export interface FetchedText {
  /** The feed's URL (before any proxy). */
  url: string;
  status: number;
  /** The response's `Content-Type`, lower-cased; empty when none was sent. */
  contentType: string;
  text: string;
}

export interface FetchTextOptions {
  /** Aborting it rejects this caller at once with a FeedError of kind `abort`. */
  signal?: AbortSignal;
  /** Milliseconds before this caller gets a `timeout` FeedError. Default 10000. */
  timeout?: number;
  /** URL template containing `{url}`, replaced by the URL-encoded feed URL. */
  proxy?: string;
  /** Skip the cache (still joins an in-flight request that was itself started with `reload`). */
  reload?: boolean;
  /** Overrides the default Accept header. */
  accept?: string;
  /**
   * Called with each piece of the body as text, in order, while it streams in (a caller joining a
   * request already under way first gets the pieces read so far). Not called for a cached answer.
   */
  onText?: (chunk: string) => void;
  /**
   * Bytes of body read at most (default `MAX_BYTES`, 5 MB): past it the request stops and fails with
   * a `too-large` FeedError. A `Content-Length` over it fails before the body is read.
   */
  maxBytes?: number;
}

/**
 * Feed types first, then any XML, then anything (we detect the format from the body anyway).
 * At most 128 bytes, without spaces: a longer Accept is not CORS-safelisted (Fetch spec), so every
 * cross-origin request would first send an OPTIONS preflight, which many static hosts refuse.
 */
export const FEED_ACCEPT =
  'application/json,application/feed+json,application/atom+xml,application/rss+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1';

export const DEFAULT_TIMEOUT = 10_000;
/**
 * Reading the body yields to the main thread after this long: chunks already received resolve each
 * `read()` as a microtask, so a fast endless body never let the timeout's timer run (issue 18: the
 * error of a 3 s timeout came at 5.2 s) and made one long task of the whole burst.
 */
const READ_SLICE_MS = 8;
const CACHE_SIZE = 50;
const CACHE_TTL = 5 * 60_000;
// The cache also holds at most CACHE_CHARS of text, and no body over BIG_BODY (10k HF papers are
// ~11 MB): such a body is still shared in flight, and its parsed papers live as long as a caller.
const CACHE_CHARS = 16 * 2 ** 20;
const BIG_BODY = 4 * 2 ** 20;

interface Flight {
  key: string;
  promise: Promise<FetchedText>;
  controller: AbortController;
  callers: number;
  reload: boolean;
  /** The body read so far, and who wants each new piece of it. */
  chunks: string[];
  listeners: Set<(chunk: string) => void>;
}

interface CacheEntry {
  expires: number;
  value: FetchedText;
  /** Which request wrote it: requests are numbered in the order they started. */
  generation: number;
}

const inFlight = new Map<string, Flight>();
let generations = 0;
// A Map keeps insertion order: re-inserting on every hit makes the first key the least recently used.
const cache = new Map<string, CacheEntry>();

/** Forget every cached response (tests call it in `beforeEach`). In-flight requests are left alone. */
export function clearFetchCache(): void {
  cache.clear();
}

/**
 * Fetch a feed as text through the shared dedup + cache layer.
 * Rejects with a FeedError of kind `network`, `timeout`, `http`, `abort`, `too-large` (a body over
 * `maxBytes`), or `config` for a `proxy` without `{url}`.
 */
export function fetchText(url: string, options: FetchTextOptions = {}): Promise<FetchedText> {
  const { signal, proxy, reload = false, onText } = options;
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const maxBytes = options.maxBytes !== undefined && options.maxBytes > 0 ? options.maxBytes : MAX_BYTES;
  const accept = options.accept ?? FEED_ACCEPT;
  if (signal?.aborted) return Promise.reject(cancelled(url, signal.reason));
  if (proxy && !proxy.includes('{url}')) {
    return Promise.reject(configError(`The proxy option must contain {url}, e.g. "https://proxy.example/?url={url}"; got "${proxy}".`, url));
  }

  // The proxy template's `{url}` is replaced by the encoded feed URL.
  const requestUrl = proxy ? proxy.replaceAll('{url}', encodeURIComponent(url)) : url;
  // A request read under another byte cap is another request (it may fail where this one would not).
  const key = `${requestUrl}\n${accept}${maxBytes === MAX_BYTES ? '' : `\n${maxBytes}`}`;

  if (!reload) {
    const hit = readCache(key);
    if (hit) return Promise.resolve(hit);
  }

  let flight = inFlight.get(key);
  if (!flight || (reload && !flight.reload)) {
    flight = startFlight(key, url, requestUrl, accept, reload, maxBytes);
  }
  if (onText) {
    flight.chunks.forEach(onText);
    flight.listeners.add(onText);
  }
  return join(flight, url, signal, timeout, onText);
}

function readCache(key: string): FetchedText | undefined {
  const entry = cache.get(key);
  if (!entry) return undefined;
  cache.delete(key);
  if (entry.expires <= Date.now()) return undefined;
  cache.set(key, entry);
  return entry.value;
}

function writeCache(key: string, value: FetchedText, generation: number): void {
  // A slow older request must not overwrite the answer of a newer `reload` that finished first.
  const existing = cache.get(key);
  if (existing && existing.generation > generation) return;
  cache.delete(key);
  if (value.text.length > BIG_BODY) return;
  cache.set(key, { expires: Date.now() + CACHE_TTL, value, generation });
  let chars = 0;
  for (const entry of cache.values()) chars += entry.value.text.length;
  // Least recently used first (a Map iterates in insertion order); deleting while iterating is safe.
  for (const [oldKey, entry] of cache) {
    if (cache.size <= CACHE_SIZE && chars <= CACHE_CHARS) break;
    chars -= entry.value.text.length;
    cache.delete(oldKey);
  }
}

function startFlight(key: string, url: string, requestUrl: string, accept: string, reload: boolean, maxBytes: number): Flight {
  const controller = new AbortController();
  const generation = ++generations;
  const stream: Pick<Flight, 'chunks' | 'listeners'> = { chunks: [], listeners: new Set() };
  const promise = request(url, requestUrl, accept, controller.signal, stream, maxBytes).then((value) => {
    writeCache(key, value, generation);
    return value;
  });
  const flight: Flight = { key, promise, controller, callers: 0, reload, ...stream };
  // Whatever happens, this flight stops being joinable; a newer `reload` flight may have replaced it.
  const settle = () => {
    if (inFlight.get(key) === flight) inFlight.delete(key);
  };
  promise.then(settle, settle);
  inFlight.set(key, flight);
  return flight;
}

async function request(
  url: string,
  requestUrl: string,
  accept: string,
  signal: AbortSignal,
  { chunks, listeners }: Pick<Flight, 'chunks' | 'listeners'>,
  maxBytes: number,
): Promise<FetchedText> {
  let response: Response;
  try {
    response = await currentFetch()(requestUrl, { headers: { Accept: accept }, signal });
  } catch (cause) {
    if (signal.aborted) throw cancelled(url, cause);
    throw new FeedError(
      'network',
      'The feed could not be reached. Either the network is down, or the server does not allow ' +
        'cross-origin requests (CORS): set the `proxy` option to load it through a proxy.',
      { url, cause },
    );
  }
  if (!response.ok) throw await withBodyReason(httpError(url, response), response);
  const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    response.body?.cancel().catch(() => {});
    throw tooLarge(url, maxBytes, declared);
  }
  try {
    // Read as a stream (what response.text() does, with the BOM dropped) so that callers can
    // start on the first items of a big feed while the rest is still arriving.
    const reader = response.body?.getReader();
    let decoder: BodyDecoder | undefined;
    let bytes = 0;
    let until = performance.now() + READ_SLICE_MS;
    for (let done = !reader; !done; ) {
      const read = await reader!.read();
      done = read.done;
      bytes += read.value?.byteLength ?? 0;
      if (bytes > maxBytes) {
        reader!.cancel().catch(() => {});
        throw tooLarge(url, maxBytes);
      }
      decoder ??= decoderFor(contentType, read.value);
      const chunk = decoder.decode(read.value, !done);
      if (chunk) {
        chunks.push(chunk);
        listeners.forEach((listener) => listener(chunk));
      }
      if (!done && performance.now() > until) {
        await yieldToTimers();
        if (signal.aborted) throw cancelled(url);
        until = performance.now() + READ_SLICE_MS;
      }
    }
  } catch (cause) {
    // What a failed request read so far is dropped at once, not when the last reference to the flight goes.
    chunks.length = 0;
    listeners.clear();
    if (cause instanceof FeedError) throw cause;
    if (signal.aborted) throw cancelled(url, cause);
    throw new FeedError('network', 'The connection broke while the feed was being read.', { url, cause });
  }
  return { url, status: response.status, contentType, text: chunks.join('') };
}

/** The error of a body over the byte cap; `size` when the server declared it. */
function tooLarge(url: string, maxBytes: number, size?: number): FeedError {
  const what = size ? `The feed is ${formatBytes(size)}, larger than` : 'The feed is larger than';
  return new FeedError(
    'too-large',
    `${what} the ${formatBytes(maxBytes)} paperfeed reads at most (the maxBytes option, max-bytes on the list).`,
    { url },
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Number((bytes / 1024).toFixed(1))} kB`;
  return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
}

/** Attach one caller to a flight: it leaves on its own abort or timeout, without hurting the others. */
function join(
  flight: Flight,
  url: string,
  signal: AbortSignal | undefined,
  timeout: number,
  onText?: (chunk: string) => void,
): Promise<FetchedText> {
  flight.callers++;
  return new Promise<FetchedText>((resolve, reject) => {
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (leave: boolean) => {
      done = true;
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (onText) flight.listeners.delete(onText);
      flight.callers--;
      if (leave && flight.callers === 0) {
        // Nobody wants the answer any more: stop the request, and let no newcomer join a dying flight.
        if (inFlight.get(flight.key) === flight) inFlight.delete(flight.key);
        flight.controller.abort();
      }
    };
    const onAbort = () => {
      if (done) return;
      finish(true);
      reject(cancelled(url, signal?.reason));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    if (Number.isFinite(timeout) && timeout > 0) {
      timer = setTimeout(() => {
        if (done) return;
        finish(true);
        reject(new FeedError('timeout', `The feed did not answer within ${formatSeconds(timeout)}.`, { url }));
      }, timeout);
    }
    flight.promise.then(
      (value) => {
        if (done) return;
        finish(false);
        resolve(value);
      },
      (error: unknown) => {
        if (done) return;
        finish(false);
        reject(error);
      },
    );
  });
}

function formatSeconds(ms: number): string {
  const seconds = Number((ms / 1000).toFixed(2));
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

// HTTP/2 responses carry no status text, so the common reason phrases are spelled out here.
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function httpError(url: string, response: Response): FeedError {
  const { status } = response;
  const reason = REASONS[status] ?? response.statusText;
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  let message = `The feed answered ${status}${reason ? ` ${reason}` : ''}.`;
  if (status === 429 || status === 503) {
    if (retryAfter !== undefined) {
      message += ` Try again after ${retryAfter} ${retryAfter === 1 ? 'second' : 'seconds'}.`;
    } else if (status === 429) {
      message += ' Try again later.';
    }
  }
  return new FeedError('http', message, { status, retryAfter, url });
}

/**
 * Reads a Retry-After header: delta-seconds ("120") or an HTTP date. Returns whole seconds
 * from now (never negative), or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
