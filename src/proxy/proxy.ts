// `createProxy(options)`: a feed proxy as one web-standard `fetch(Request) → Response` handler.
// `export default createProxy({...})` is a complete Cloudflare Worker; the same object serves Deno,
// Bun, edge functions and Node (bin/paperfeed-proxy.mjs adapts node:http to it).
//
// It answers `GET /?url=<encoded feed URL>`, the request `<paperfeed-list proxy=".../?url={url}">`
// and `loadFeed(src, { proxy })` send, and is built so that it is never an open proxy:
//   method → origin (CORS) → URL (http(s), allow list, no private address) → cache → one paced,
//   timed, size-capped upstream GET whose redirects are each checked again → answer.
import { isPrivateHost } from './address.js';
import {
  cacheApiStore,
  freshness,
  memoryStore,
  tieredStore,
  type CacheEntry,
  type CacheLike,
  type EntryStore,
} from './cache.js';

export type { CacheLike } from './cache.js';

/** Time as the proxy sees it; tests pass a fake one. */
export interface ProxyClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
}

export interface ProxyOptions {
  /**
   * Host names the proxy may fetch, matched on the name whatever the port; `*.example.org` matches
   * every subdomain. Default: the hosts paperfeed documents, `huggingface.co`, `export.arxiv.org`,
   * `rss.arxiv.org`, `arxiv.org`.
   */
  allow?: string[];
  /** Origins of the pages that may read answers (CORS), e.g. `['https://blog.example']`. Default `'*'`: any page. */
  origins?: '*' | string[];
  /** Seconds a feed that sends no caching headers stays fresh. Default 300. */
  ttl?: number;
  /**
   * Seconds an answer stays fresh at least, even when the feed says less (`max-age=0`, `no-cache`;
   * `no-store` and `private` are still never kept). Default 0: the feed's own word is honoured. Raise it
   * to shield a feed whose caching headers would send every visitor upstream.
   */
  minTtl?: number;
  /** Seconds after freshness during which the cached copy is served at once while one request refreshes it. Default 300. */
  staleWhileRevalidate?: number;
  /** Seconds after freshness during which the cached copy is served when the feed fails, times out or answers 429. Default 86400. */
  staleIfError?: number;
  /** Largest feed body in bytes; a bigger one is cut off and answered 413. Default 8 MiB. */
  maxBytes?: number;
  /** Milliseconds the upstream has to answer, redirects and body included (504 after). Default 10000. */
  timeout?: number;
  /** Allow loopback, private, link-local and metadata addresses. For local development and tests only. Default false. */
  allowPrivate?: boolean;
  /** Hosts sharing one upstream pace, and the pace. Default: `arxiv.org` and `*.arxiv.org`, one request per 3000 ms, at most 20 waiting. */
  pace?: { hosts?: string[]; interval?: number; maxQueue?: number };
  /** The User-Agent sent upstream; put a contact in it (arXiv asks for one). */
  userAgent?: string;
  /** The Cache API cache to use. Default `caches.default` where it exists; `false` for none. */
  cache?: CacheLike | false;
  /** Bounds of the in-memory cache (per instance). Default 200 entries, 64 MiB; `false` for none. */
  memory?: { entries?: number; bytes?: number } | false;
  /** The upstream fetch. Default `globalThis.fetch`. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Default: `Date.now` and `setTimeout`. */
  clock?: ProxyClock;
}

/** What `waitUntil` needs of a Workers `ExecutionContext`. */
export interface WaitUntil {
  waitUntil(promise: Promise<unknown>): void;
}

export interface FeedProxy {
  fetch(request: Request, env?: unknown, ctx?: WaitUntil): Promise<Response>;
}

export const DEFAULT_ALLOW = ['huggingface.co', 'export.arxiv.org', 'rss.arxiv.org', 'arxiv.org'];

// The list's own Accept (src/feed/net/fetcher.ts): feed types first, then any XML, then anything.
const ACCEPT =
  'application/json,application/feed+json,application/atom+xml,application/rss+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1';
const DEFAULT_USER_AGENT = 'paperfeed-proxy/0.1 (+https://www.npmjs.com/package/paperfeed)';
const METHODS = 'GET, HEAD, OPTIONS';
const EXPOSE = 'Retry-After, X-Paperfeed-Cache, Age';
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// Retry-After without a number, or an absurd one: wait a minute; never longer than an hour.
const DEFAULT_RETRY = 60;
const MAX_RETRY = 3600;

type CacheState = 'HIT' | 'MISS' | 'STALE' | 'REVALIDATED';

type Outcome =
  | { entry: CacheEntry; state: CacheState; noStore?: boolean }
  | { status: number; error: string; retryAfter?: number };

class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

const realClock: ProxyClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Host names as they are compared: lower case, no trailing dot, no IPv6 brackets. */
const hostKey = (host: string) => host.trim().toLowerCase().replace(/\.$/, '').replace(/^\[(.*)\]$/, '$1');

/**
 * An `allow` entry as the host name it means: hosts are matched on the name whatever the port, so
 * `127.0.0.1:8080`, `[::1]:8080` and `https://export.arxiv.org/api` mean `127.0.0.1`, `::1` and
 * `export.arxiv.org` (an operator's natural spelling, which otherwise refused every request).
 */
function allowEntry(pattern: string): string {
  let entry = pattern.trim();
  const scheme = /^[a-z][a-z\d+.-]*:\/\//i.exec(entry);
  if (scheme) entry = entry.slice(scheme[0].length);
  entry = entry.replace(/[/?#].*$/, '').replace(/^[^@]*@/, '');
  const bracketed = /^(\[[^\]]*\])(?::\d*)?$/.exec(entry);
  if (bracketed) return bracketed[1];
  // One colon: a port (an IPv6 address has several).
  return /^[^:]*:\d*$/.test(entry) ? entry.slice(0, entry.indexOf(':')) : entry;
}

function hostMatcher(patterns: string[]): (hostname: string) => boolean {
  const exact = new Set<string>();
  const suffixes: string[] = [];
  for (const pattern of patterns) {
    if (typeof pattern !== 'string' || !pattern.trim()) throw new TypeError(`[paperfeed] proxy: host names must be non-empty strings; got ${JSON.stringify(pattern)}.`);
    const key = hostKey(allowEntry(pattern));
    if (key.startsWith('*.')) suffixes.push(key.slice(1));
    else exact.add(key);
  }
  return (hostname) => {
    const key = hostKey(hostname);
    return exact.has(key) || suffixes.some((suffix) => key.endsWith(suffix));
  };
}

function seconds(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback * 1000;
  if (typeof value !== 'number' || !(value >= 0)) throw new TypeError(`[paperfeed] proxy: ${name} must be a number of seconds ≥ 0; got ${String(value)}.`);
  return value * 1000;
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0)) throw new TypeError(`[paperfeed] proxy: ${name} must be a number > 0; got ${String(value)}.`);
  return value;
}

/** Reads Retry-After (seconds or an HTTP date) as whole seconds from `now`. */
function retryAfterSeconds(value: string | null, now: number): number {
  const text = value?.trim() ?? '';
  let secs = /^\d+$/.test(text) ? Number(text) : Math.ceil((Date.parse(text) - now) / 1000);
  if (!Number.isFinite(secs) || secs < 0) secs = DEFAULT_RETRY;
  return Math.min(secs, MAX_RETRY);
}

const mib = (bytes: number) =>
  bytes >= 2 ** 20
    ? `${Number((bytes / 2 ** 20).toFixed(2))} MiB`
    : bytes >= 1024
      ? `${Number((bytes / 1024).toFixed(2))} KiB`
      : `${bytes} bytes`;

const OPTION_NAMES = ['allow', 'origins', 'ttl', 'minTtl', 'staleWhileRevalidate', 'staleIfError', 'maxBytes', 'timeout', 'allowPrivate', 'pace', 'userAgent', 'cache', 'memory', 'fetch', 'clock'];

/**
 * Creates the proxy. Throws a TypeError for an option of the wrong kind (a programmer error).
 *
 * Host names cannot be resolved inside a Worker, so the private-address check sees IP literals
 * only (and `localhost`): a name is trusted because it is on `allow`. Keep `allow` to hosts whose
 * DNS you trust.
 */
export function createProxy(options: ProxyOptions = {}): FeedProxy {
  // A misspelt option (`allowedHosts`, `maxBodySize`) would silently leave its default in force.
  const unknown = Object.keys(options).filter((key) => !OPTION_NAMES.includes(key));
  if (unknown.length) {
    console.warn(`[paperfeed] proxy: unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')} ignored; the options are ${OPTION_NAMES.join(', ')}.`);
  }
  const allowed = hostMatcher(options.allow ?? DEFAULT_ALLOW);
  const origins = options.origins ?? '*';
  if (origins !== '*' && !Array.isArray(origins)) throw new TypeError(`[paperfeed] proxy: origins must be '*' or an array of origins.`);
  const anyOrigin = origins === '*' || origins.includes('*');
  const originSet = new Set(anyOrigin ? [] : (origins as string[]).map((o) => new URL(o).origin));
  const ttl = seconds(options.ttl, 300, 'ttl');
  const minTtl = seconds(options.minTtl, 0, 'minTtl');
  const swr = seconds(options.staleWhileRevalidate, 300, 'staleWhileRevalidate');
  const sie = Math.max(swr, seconds(options.staleIfError, 86_400, 'staleIfError'));
  const maxBytes = positive(options.maxBytes, 8 * 2 ** 20, 'maxBytes');
  const timeout = positive(options.timeout, 10_000, 'timeout');
  const allowPrivate = options.allowPrivate === true;
  const paced = hostMatcher(options.pace?.hosts ?? ['arxiv.org', '*.arxiv.org']);
  const interval = positive(options.pace?.interval, 3000, 'pace.interval');
  const maxQueue = positive(options.pace?.maxQueue, 20, 'pace.maxQueue');
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const upstreamFetch = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
  const clock = options.clock ?? realClock;

  // Where answers are kept: memory (per instance), then the runtime's Cache API if it has one.
  const keepOf = (entry: CacheEntry) => entry.stored + entry.lifetime + sie - clock.now();
  const tiers: EntryStore[] = [];
  if (options.memory !== false) {
    tiers.push(memoryStore(options.memory?.entries ?? 200, options.memory?.bytes ?? 64 * 2 ** 20, () => clock.now()));
  }
  const cacheApi =
    options.cache === false
      ? undefined
      : (options.cache ?? (globalThis as { caches?: { default?: CacheLike } }).caches?.default);
  if (cacheApi) tiers.push(cacheApiStore(cacheApi));
  const store = tieredStore(tiers, keepOf);

  /** Upstream requests under way, by cache key: concurrent identical requests share one. */
  const flights = new Map<string, Promise<Outcome>>();
  /** Hosts that answered 429, and until when (clock ms) nobody asks them again. */
  const blockedUntil = new Map<string, number>();
  let nextSlot = 0;
  let waiting = 0;

  function cors(origin: string | null): Record<string, string> | undefined {
    if (anyOrigin) return { 'access-control-allow-origin': '*', 'access-control-expose-headers': EXPOSE };
    if (origin === null) return { vary: 'Origin' }; // not a cross-origin browser request
    if (!originSet.has(origin)) return undefined;
    return { 'access-control-allow-origin': origin, 'access-control-expose-headers': EXPOSE, vary: 'Origin' };
  }

  function errorResponse(status: number, error: string, headers: Record<string, string>, head: boolean, retryAfter?: number): Response {
    const all: Record<string, string> = {
      ...headers,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    };
    if (retryAfter !== undefined) all['retry-after'] = String(retryAfter);
    return new Response(head ? null : JSON.stringify({ error }), { status, headers: all });
  }

  /** Why this URL may not be fetched, or undefined when it may. */
  function refusal(url: URL): Refusal | undefined {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return new Refusal(400, `Only http(s) feed URLs are fetched; got "${url.protocol}".`);
    if (url.username || url.password) return new Refusal(400, 'A feed URL with a user name or password is not fetched.');
    const host = hostKey(url.hostname);
    if (!allowed(url.hostname)) return new Refusal(403, `The host "${host}" is not on this proxy's allow list.`);
    if (!allowPrivate && isPrivateHost(url.hostname)) {
      return new Refusal(403, `The host "${host}" is a loopback, private or link-local address, which this proxy never fetches.`);
    }
    return undefined;
  }

  /** Waits for the host's turn when it is paced (arXiv: one request every 3 s). */
  async function pace(url: URL): Promise<void> {
    if (!paced(url.hostname)) return;
    if (waiting >= maxQueue) {
      const wait = Math.ceil((nextSlot - clock.now()) / 1000);
      throw new Refusal(503, `Too many requests for ${hostKey(url.hostname)} are waiting; try again in ${wait} seconds.`, wait);
    }
    const now = clock.now();
    const slot = Math.max(now, nextSlot);
    nextSlot = slot + interval;
    if (slot <= now) return;
    waiting++;
    try {
      await clock.sleep(slot - now);
    } finally {
      waiting--;
    }
  }

  /** Reads the body, refusing it (413) as soon as it passes `maxBytes`: never more is held. */
  async function readCapped(response: Response): Promise<Uint8Array<ArrayBuffer>> {
    const tooBig = () => new Refusal(413, `The feed is larger than this proxy's limit of ${mib(maxBytes)}.`);
    if (Number(response.headers.get('content-length')) > maxBytes) throw tooBig();
    const reader = response.body?.getReader();
    if (!reader) return new Uint8Array(0);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        reader.cancel().catch(() => {});
        throw tooBig();
      }
      chunks.push(value);
    }
    const body = new Uint8Array(total);
    let at = 0;
    for (const chunk of chunks) {
      body.set(chunk, at);
      at += chunk.byteLength;
    }
    return body;
  }

  /**
   * One upstream exchange: GET with redirects followed by hand (each target checked like the
   * first), under one timeout. Returns the final non-redirect response and, for a 200, its body.
   */
  async function exchange(url: URL, stale: CacheEntry | undefined): Promise<{ response: Response; body?: Uint8Array<ArrayBuffer> }> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    let ok = false;
    try {
      let current = url;
      for (let hop = 0; ; hop++) {
        // Only these two headers: nothing of the visitor's request (cookies, Authorization, …) goes upstream.
        const headers: Record<string, string> = { accept: ACCEPT, 'user-agent': userAgent };
        if (stale?.etag) headers['if-none-match'] = stale.etag;
        if (stale?.lastModified) headers['if-modified-since'] = stale.lastModified;
        const response = await upstreamFetch(current.href, { method: 'GET', headers, redirect: 'manual', signal: controller.signal });
        if (REDIRECTS.has(response.status)) {
          response.body?.cancel().catch(() => {});
          const location = response.headers.get('location');
          if (!location) throw new Refusal(502, `The feed answered ${response.status} without a Location.`);
          if (hop >= MAX_REDIRECTS) throw new Refusal(502, `The feed redirected more than ${MAX_REDIRECTS} times.`);
          let next: URL;
          try {
            next = new URL(location, current);
          } catch {
            throw new Refusal(502, 'The feed redirected to an address that is not a URL.');
          }
          const refused = refusal(next);
          if (refused) throw new Refusal(refused.status, `The feed redirected to ${next.protocol}//${next.host}/, which is refused: ${refused.message}`);
          current = next;
          continue;
        }
        const body = response.status === 200 ? await readCapped(response) : undefined;
        ok = true;
        return { response, body };
      }
    } catch (error) {
      if (timedOut) throw new Refusal(504, `The feed did not answer within ${timeout / 1000} seconds.`);
      if (error instanceof Refusal) throw error;
      throw new Refusal(502, 'The feed could not be reached.');
    } finally {
      clearTimeout(timer);
      if (!ok) controller.abort();
    }
  }

  /** Asks the upstream (conditionally when a stale copy has validators) and stores what it may. */
  async function refresh(key: string, url: URL, stale: CacheEntry | undefined): Promise<Outcome> {
    const host = hostKey(url.hostname);
    const staleAnswer = stale && { entry: stale, state: 'STALE' as const };
    const blocked = blockedUntil.get(host);
    if (blocked !== undefined) {
      if (blocked > clock.now()) {
        return staleAnswer ?? { status: 429, error: `The feed asked for a pause (429); try again later.`, retryAfter: Math.ceil((blocked - clock.now()) / 1000) };
      }
      blockedUntil.delete(host);
    }
    let response: Response;
    let body: Uint8Array<ArrayBuffer> | undefined;
    try {
      await pace(url);
      ({ response, body } = await exchange(url, stale));
    } catch (error) {
      const refused = error instanceof Refusal ? error : new Refusal(502, `The proxy failed: ${String(error)}`);
      // A refused redirect or a too-big body is an answer about the feed itself; an outage is not.
      if (staleAnswer && (refused.status >= 500 || refused.status === 429)) return staleAnswer;
      return { status: refused.status, error: refused.message, retryAfter: refused.retryAfter };
    }
    const now = clock.now();
    const { status, headers } = response;
    if (status === 200 || (status === 304 && stale)) {
      const fresh = freshness(headers, now);
      const lifetime = Math.max(minTtl, fresh.lifetime ?? ttl);
      const entry: CacheEntry =
        status === 200
          ? {
              body: body!,
              contentType: headers.get('content-type') ?? '',
              etag: headers.get('etag') ?? undefined,
              lastModified: headers.get('last-modified') ?? undefined,
              stored: now,
              lifetime,
            }
          : { ...stale!, etag: headers.get('etag') ?? stale!.etag, lastModified: headers.get('last-modified') ?? stale!.lastModified, stored: now, lifetime };
      if (!fresh.store) return { entry, state: 'MISS', noStore: true };
      await store.put(key, entry, lifetime + sie);
      return { entry, state: status === 200 ? 'MISS' : 'REVALIDATED' };
    }
    response.body?.cancel().catch(() => {});
    if (status === 429) {
      const wait = retryAfterSeconds(headers.get('retry-after'), now);
      blockedUntil.set(host, now + wait * 1000);
      return staleAnswer ?? { status: 429, error: 'The feed answered 429 Too Many Requests.', retryAfter: wait };
    }
    if (status >= 500) return staleAnswer ?? { status: 502, error: `The feed answered ${status}.` };
    if (status >= 400) return { status, error: `The feed answered ${status}.` };
    return { status: 502, error: `The feed answered ${status}, which this proxy does not pass on.` };
  }

  /** Starts the upstream request for `key`, or joins the one already under way. */
  function flight(key: string, url: URL, stale: CacheEntry | undefined, ctx?: WaitUntil): Promise<Outcome> {
    let promise = flights.get(key);
    if (!promise) {
      promise = refresh(key, url, stale)
        .catch((error: unknown): Outcome => ({ status: 502, error: `The proxy failed: ${String(error)}` }))
        .finally(() => flights.delete(key));
      flights.set(key, promise);
      // On Workers this keeps the request going (and the cache filling) after the visitor has left.
      ctx?.waitUntil(promise);
    }
    return promise;
  }

  async function serve(key: string, url: URL, ctx?: WaitUntil): Promise<Outcome> {
    const entry = await store.get(key);
    if (entry) {
      const age = clock.now() - entry.stored;
      if (age < entry.lifetime) return { entry, state: 'HIT' };
      if (age < entry.lifetime + swr) {
        void flight(key, url, entry, ctx); // refreshed in the background
        return { entry, state: 'STALE' };
      }
      if (age < entry.lifetime + sie) {
        const outcome = await flight(key, url, entry, ctx);
        // The request joined may have been started without this copy (by a caller that had none).
        const failed = 'error' in outcome && (outcome.status >= 500 || outcome.status === 429);
        return failed ? { entry, state: 'STALE' } : outcome;
      }
    }
    return flight(key, url, undefined, ctx);
  }

  function answer(outcome: Outcome, corsHeaders: Record<string, string>, head: boolean): Response {
    if ('error' in outcome) return errorResponse(outcome.status, outcome.error, corsHeaders, head, outcome.retryAfter);
    const { entry, state } = outcome;
    const now = clock.now();
    const remaining = Math.max(0, Math.floor((entry.stored + entry.lifetime - now) / 1000));
    const headers: Record<string, string> = {
      ...corsHeaders,
      'cache-control': outcome.noStore ? 'no-store' : `public, max-age=${state === 'STALE' ? 0 : remaining}`,
      age: String(Math.max(0, Math.floor((now - entry.stored) / 1000))),
      'x-paperfeed-cache': state,
      'x-content-type-options': 'nosniff',
      // The proxy serves other sites' bytes from its own origin: never as an active document.
      'content-security-policy': "default-src 'none'; sandbox",
    };
    if (entry.contentType) headers['content-type'] = entry.contentType;
    return new Response(head ? null : entry.body, { status: 200, headers });
  }

  return {
    async fetch(request: Request, _env?: unknown, ctx?: WaitUntil): Promise<Response> {
      const head = request.method === 'HEAD';
      const corsHeaders = cors(request.headers.get('origin'));
      if (!corsHeaders) return errorResponse(403, 'This origin may not use this proxy.', { vary: 'Origin' }, head);
      if (request.method === 'OPTIONS') {
        const preflight: Record<string, string> = {
          ...corsHeaders,
          'access-control-allow-methods': METHODS,
          'access-control-max-age': '86400',
        };
        // Whatever headers the page asks to send may be sent: none of them goes upstream.
        const asked = request.headers.get('access-control-request-headers');
        if (asked) preflight['access-control-allow-headers'] = asked;
        return new Response(null, { status: 204, headers: preflight });
      }
      if (request.method !== 'GET' && !head) {
        return errorResponse(405, `The method ${request.method} is not allowed; use GET.`, { ...corsHeaders, allow: METHODS }, false);
      }
      const target = new URL(request.url).searchParams.get('url');
      if (!target) return errorResponse(400, 'Missing the feed URL: ask for /?url=<encoded feed URL>.', corsHeaders, head);
      let url: URL;
      try {
        url = new URL(target);
      } catch {
        return errorResponse(400, 'The url parameter is not an absolute URL.', corsHeaders, head);
      }
      url.hash = '';
      const refused = refusal(url);
      if (refused) return errorResponse(refused.status, refused.message, corsHeaders, head);
      return answer(await serve(url.href, url, ctx), corsHeaders, head);
    },
  };
}
