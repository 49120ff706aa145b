// The proxy's cache pieces on their own: the bounded in-memory LRU and the reading of upstream
// caching headers.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { bundle } from './harness.mjs';

let memoryStore;
let freshness;
before(async () => {
  const code = await bundle('src/proxy/cache.ts');
  ({ memoryStore, freshness } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`));
});

const entry = (bytes) => ({ body: new Uint8Array(bytes), contentType: 'text/xml', stored: 0, lifetime: 1000 });

describe('memoryStore (LRU)', () => {
  it('keeps at most `entries`, dropping the least recently used', async () => {
    const store = memoryStore(2, 1e6, () => 0);
    await store.put('a', entry(1), 1000);
    await store.put('b', entry(1), 1000);
    await store.get('a'); // a is now the most recently used
    await store.put('c', entry(1), 1000);
    assert.ok(await store.get('a'));
    assert.equal(await store.get('b'), undefined);
    assert.ok(await store.get('c'));
  });

  it('keeps at most `bytes` of bodies, and no body over a quarter of them', async () => {
    const store = memoryStore(100, 1000, () => 0);
    await store.put('big', entry(251), 1000);
    assert.equal(await store.get('big'), undefined);
    for (const key of ['a', 'b', 'c', 'd', 'e']) await store.put(key, entry(250), 1000);
    assert.equal(await store.get('a'), undefined);
    for (const key of ['b', 'c', 'd', 'e']) assert.ok(await store.get(key), key);
  });

  it('forgets an entry once its keep time has passed', async () => {
    let now = 0;
    const store = memoryStore(10, 1e6, () => now);
    await store.put('a', entry(1), 1000);
    now = 999;
    assert.ok(await store.get('a'));
    now = 1000;
    assert.equal(await store.get('a'), undefined);
  });
});

describe('freshness', () => {
  const read = (headers) => freshness(new Headers(headers), Date.parse('2026-12-03T00:00:00Z'));
  it('never keeps no-store or private answers', () => {
    assert.deepEqual(read({ 'cache-control': 'no-store' }), { store: false });
    assert.deepEqual(read({ 'cache-control': 'private, max-age=60' }), { store: false });
  });
  it('reads s-maxage before max-age, and no-cache as 0', () => {
    assert.deepEqual(read({ 'cache-control': 'public, max-age=60, s-maxage=600' }), { store: true, lifetime: 600_000 });
    assert.deepEqual(read({ 'cache-control': 'max-age=60' }), { store: true, lifetime: 60_000 });
    assert.deepEqual(read({ 'cache-control': 'no-cache' }), { store: true, lifetime: 0 });
  });
  it('reads Expires against Date, and says nothing when the feed says nothing', () => {
    assert.deepEqual(read({ expires: 'Thu, 03 Dec 2026 00:10:00 GMT', date: 'Thu, 03 Dec 2026 00:05:00 GMT' }), { store: true, lifetime: 300_000 });
    assert.deepEqual(read({ 'content-type': 'text/xml' }), { store: true });
  });
});
