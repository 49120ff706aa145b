// What the proxy keeps of an upstream answer, and the two places it keeps it: a bounded in-memory
// LRU per instance (per isolate on Workers) and, where the runtime has one, the Cache API
// (`caches.default` on Workers: shared by every isolate of a data centre).
//
// Both, not one or the other: on a `*.workers.dev` address the Cache API accepts writes and keeps
// nothing ("any Cache API operations in ... *.workers.dev deployments will have no impact",
// developers.cloudflare.com/workers/runtime-apis/cache/), so a proxy relying on it alone would
// send every visitor upstream there.

/** One stored upstream answer (always a 200). Times are milliseconds of the proxy's clock. */
export interface CacheEntry {
  body: Uint8Array<ArrayBuffer>;
  /** The upstream `Content-Type`, or '' when it sent none. */
  contentType: string;
  etag?: string;
  lastModified?: string;
  /** When it was fetched or last revalidated. */
  stored: number;
  /** How long it is fresh after `stored`. */
  lifetime: number;
}

/** The part of the Cache API the proxy uses (`caches.default` on Workers has it). */
export interface CacheLike {
  match(request: Request): Promise<Response | undefined>;
  put(request: Request, response: Response): Promise<void>;
}

export interface EntryStore {
  get(key: string): Promise<CacheEntry | undefined>;
  /** `keep`: milliseconds after which the entry may be dropped (fresh time plus the stale window). */
  put(key: string, entry: CacheEntry, keep: number): Promise<void>;
}

/** An LRU bounded by entry count and by body bytes; an entry bigger than a quarter of the bytes is not kept. */
export function memoryStore(maxEntries: number, maxBytes: number, now: () => number): EntryStore {
  // A Map iterates in insertion order: re-inserting on every read keeps the least recently used first.
  const map = new Map<string, { entry: CacheEntry; until: number }>();
  let bytes = 0;
  const drop = (key: string) => {
    const old = map.get(key);
    if (old) bytes -= old.entry.body.byteLength;
    map.delete(key);
  };
  return {
    async get(key) {
      const item = map.get(key);
      if (!item) return undefined;
      drop(key);
      if (item.until <= now()) return undefined;
      map.set(key, item);
      bytes += item.entry.body.byteLength;
      return item.entry;
    },
    async put(key, entry, keep) {
      drop(key);
      if (maxEntries <= 0 || entry.body.byteLength > maxBytes / 4) return;
      map.set(key, { entry, until: now() + keep });
      bytes += entry.body.byteLength;
      for (const oldKey of map.keys()) {
        if (map.size <= maxEntries && bytes <= maxBytes) break;
        drop(oldKey);
      }
    },
  };
}

// The Cache API wants a Request as key and a Response as value; the entry's own fields travel in
// headers of ours. The key host is a reserved name that never resolves (RFC 2606).
const KEY_BASE = 'https://paperfeed-proxy.invalid/';

export function cacheApiStore(cache: CacheLike): EntryStore {
  const keyOf = (key: string) => new Request(`${KEY_BASE}?url=${encodeURIComponent(key)}`);
  return {
    async get(key) {
      let response: Response | undefined;
      try {
        response = await cache.match(keyOf(key));
      } catch {
        return undefined; // a cache that fails is a cache that misses
      }
      if (!response) return undefined;
      const h = response.headers;
      const stored = Number(h.get('x-paperfeed-stored'));
      const lifetime = Number(h.get('x-paperfeed-lifetime'));
      if (!Number.isFinite(stored) || !Number.isFinite(lifetime)) return undefined;
      return {
        body: new Uint8Array(await response.arrayBuffer()),
        contentType: h.get('x-paperfeed-type') ?? '',
        etag: h.get('x-paperfeed-etag') ?? undefined,
        lastModified: h.get('x-paperfeed-last-modified') ?? undefined,
        stored,
        lifetime,
      };
    },
    async put(key, entry, keep) {
      const headers = new Headers({
        'cache-control': `max-age=${Math.max(1, Math.ceil(keep / 1000))}`,
        'x-paperfeed-stored': String(entry.stored),
        'x-paperfeed-lifetime': String(entry.lifetime),
        'x-paperfeed-type': entry.contentType,
      });
      if (entry.etag) headers.set('x-paperfeed-etag', entry.etag);
      if (entry.lastModified) headers.set('x-paperfeed-last-modified', entry.lastModified);
      try {
        await cache.put(keyOf(key), new Response(entry.body, { headers }));
      } catch {
        // Not stored: the memory tier still has it.
      }
    },
  };
}

/**
 * Memory first, then the Cache API. A hit in a later tier is copied into the earlier ones, kept
 * for `keepOf(entry)` milliseconds from now.
 */
export function tieredStore(stores: EntryStore[], keepOf: (entry: CacheEntry) => number): EntryStore {
  return {
    async get(key) {
      for (let i = 0; i < stores.length; i++) {
        const entry = await stores[i].get(key);
        if (!entry) continue;
        const keep = keepOf(entry);
        if (keep > 0) await Promise.all(stores.slice(0, i).map((store) => store.put(key, entry, keep)));
        return entry;
      }
      return undefined;
    },
    async put(key, entry, keep) {
      await Promise.all(stores.map((store) => store.put(key, entry, keep)));
    },
  };
}

export interface Freshness {
  /** False for `no-store` and `private`: never kept. */
  store: boolean;
  /** Milliseconds, from `s-maxage`, `max-age` or `Expires`; undefined when the upstream said nothing. */
  lifetime?: number;
}

/** Reads the upstream's caching headers the way a shared cache does. */
export function freshness(headers: Headers, now: number): Freshness {
  const cc = (headers.get('cache-control') ?? '').toLowerCase();
  const directive = (name: string) => new RegExp(`(?:^|[,\\s])${name}(?:\\s*=\\s*"?(\\d+)"?)?(?:$|[,\\s])`).exec(cc);
  if (directive('no-store') || directive('private')) return { store: false };
  const seconds = directive('s-maxage')?.[1] ?? directive('max-age')?.[1];
  if (seconds !== undefined) return { store: true, lifetime: Number(seconds) * 1000 };
  if (directive('no-cache')) return { store: true, lifetime: 0 };
  const expires = headers.get('expires');
  if (expires) {
    const at = Date.parse(expires);
    const date = Date.parse(headers.get('date') ?? '');
    return { store: true, lifetime: Number.isNaN(at) ? 0 : Math.max(0, at - (Number.isNaN(date) ? now : date)) };
  }
  return { store: true };
}
