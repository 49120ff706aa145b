// The proxy handler inside Cloudflare's workerd runtime, through miniflare (offline, `cf: false`),
// and the example Worker (examples/proxy/worker.js) as it would be deployed.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { proxyTests } from './cases.mjs';
import { startWorkerd } from './harness.mjs';

describe('paperfeed/proxy in workerd (miniflare)', () => proxyTests(startWorkerd));

describe('examples/proxy/worker.js in workerd', () => {
  let mf;
  let base;
  before(async () => {
    const { Miniflare } = await import('miniflare');
    const built = await esbuild.build({
      absWorkingDir: new URL('../../', import.meta.url).pathname,
      entryPoints: ['examples/proxy/worker.js'],
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      write: false,
      // What `npm install paperfeed` resolves it to, built from the source here.
      alias: { 'paperfeed/proxy': './src/proxy.ts' },
      logLevel: 'error',
    });
    mf = new Miniflare({ cf: false, modules: true, script: built.outputFiles[0].text, compatibilityDate: '2026-04-01' });
    base = (await mf.ready).href;
  });
  after(() => mf?.dispose());

  it('is a Worker: answers a preflight and refuses what it must, over HTTP', async () => {
    const preflight = await fetch(`${base}?url=${encodeURIComponent('https://export.arxiv.org/api/query')}`, {
      method: 'OPTIONS',
      headers: { origin: 'https://blog.example', 'access-control-request-method': 'GET' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    const other = await fetch(`${base}?url=${encodeURIComponent('https://example.com/feed.xml')}`);
    assert.equal(other.status, 403);
    assert.match((await other.json()).error, /allow list/);
    const metadata = await fetch(`${base}?url=${encodeURIComponent('http://169.254.169.254/')}`);
    assert.equal(metadata.status, 403);
    const missing = await fetch(base);
    assert.equal(missing.status, 400);
    await missing.body?.cancel();
    const put = await fetch(base, { method: 'PUT', body: 'x' });
    assert.equal(put.status, 405);
    await put.body?.cancel();
  });
});
