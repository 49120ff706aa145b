// createProxy's options as an operator writes them: a misspelt option is reported, not silently
// replaced by its default (an `allowedHosts` typo would leave the default allow list in force).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundle } from './harness.mjs';

const { createProxy } = await import(`data:text/javascript;base64,${Buffer.from(await bundle('src/proxy.ts')).toString('base64')}`);

function warnings(fn) {
  const seen = [];
  const warn = console.warn;
  console.warn = (...args) => seen.push(args.join(' '));
  try {
    fn();
  } finally {
    console.warn = warn;
  }
  return seen;
}

test('a misspelt option is named in a warning with the real option names', () => {
  const seen = warnings(() => createProxy({ allowedHosts: ['feeds.example'], maxBodySize: 1000 }));
  assert.equal(seen.length, 1);
  assert.match(seen[0], /unknown options "allowedHosts", "maxBodySize" ignored/);
  assert.match(seen[0], /allow, origins, ttl, .*maxBytes, timeout, allowPrivate/);
});

test('every documented option is known: no warning', () => {
  const options = {
    allow: ['feeds.example'], origins: ['https://blog.example'], ttl: 60, minTtl: 10, staleWhileRevalidate: 30, staleIfError: 600,
    maxBytes: 1000, timeout: 2000, allowPrivate: false, pace: { interval: 3000 }, userAgent: 'x', cache: false, memory: false,
    fetch: globalThis.fetch, clock: { now: () => 0, sleep: async () => {} },
  };
  assert.deepEqual(warnings(() => createProxy(options)), []);
});
