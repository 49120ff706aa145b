// The proxy's behaviour, checked the same way in Node (node.test.mjs) and inside workerd through
// miniflare (workerd.test.mjs), against a real upstream server on 127.0.0.1.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { startUpstream, streamBytes } from './upstream.mjs';
import { via } from './harness.mjs';

// A real arXiv RSS file, read where the project keeps them (never copied into the repo).
const FEED = readFileSync(new URL('../../../shared/real-feeds/arxiv/laya-reader-arxiv_rss.xml', import.meta.url));
const RSS = 'application/rss+xml; charset=utf-8';
const MiB = 2 ** 20;

/** A port nothing listens on (bound, then released). */
async function closedPort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const errorOf = async (response) => (await response.json()).error;

export function proxyTests(start) {
  let up;
  let h;
  let runtime;

  before(async () => {
    up = await startUpstream();
    const local = { allow: ['127.0.0.1'], allowPrivate: true };
    h = await start({
      open: { ...local, ttl: 60 },
      // The same local upstream, without allowPrivate; `feeds.test` stands for a public name whose
      // DNS (the injected fetch) leads to the upstream.
      strict: { allow: ['127.0.0.1', 'feeds.test'], dns: { 'feeds.test': '127.0.0.1' } },
      arxiv: { allow: ['export.arxiv.org'], dns: { 'export.arxiv.org': '127.0.0.1' } },
      small: { ...local, maxBytes: MiB, timeout: 400 },
      tiny: { ...local, maxBytes: 2000 },
      // Hosts written with a port or as a URL: matched on the name, whatever the port.
      spelled: { allow: ['127.0.0.1:1', 'https://feeds.example/rss'], allowPrivate: true },
      origins: { ...local, origins: ['https://blog.example'] },
      cacheApi: { ...local, cacheApiOnly: true },
      // Its own instance: a 429 pauses the whole host (127.0.0.1 here) for the other tests too.
      limited: { ...local },
    });
    runtime = h.runtime;

    up.route('/feed', (req, res, url) => {
      res.writeHead(200, {
        'content-type': RSS,
        'set-cookie': 'session=upstream',
        ...(url.searchParams.has('cc') && { 'cache-control': url.searchParams.get('cc') }),
      });
      // Answer late when asked, so that concurrent requests overlap for sure.
      setTimeout(() => res.end(FEED), Number(url.searchParams.get('delay') ?? 0));
    });
    up.route('/etag', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"', 'cache-control': 'max-age=60' });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': RSS, etag: '"v1"', 'cache-control': 'max-age=60' });
      res.end(FEED);
    });
    let down = false;
    up.route('/flaky', (req, res, url) => {
      if (url.searchParams.get('down') === '1') down = true;
      if (down) {
        res.writeHead(503, { 'content-type': 'text/html' });
        res.end('<h1>down</h1>');
        return;
      }
      res.writeHead(200, { 'content-type': RSS, 'cache-control': 'max-age=60' });
      res.end(FEED);
    });
    up.route('/down', (req, res) => {
      res.writeHead(503, { 'content-type': 'text/html' });
      res.end('<h1>down</h1>');
    });
    up.route('/redirect', (req, res, url) => {
      res.writeHead(302, { location: url.searchParams.get('to') });
      res.end();
    });
    up.route('/limited', (req, res) => {
      res.writeHead(429, { 'retry-after': '120', 'content-type': 'text/plain' });
      res.end('slow down');
    });
    let busy = false;
    up.route('/busy', (req, res, url) => {
      if (url.searchParams.get('set') === '1') busy = true;
      if (busy) {
        res.writeHead(429, { 'retry-after': '120', 'content-type': 'text/plain' });
        res.end('slow down');
        return;
      }
      res.writeHead(200, { 'content-type': RSS, 'cache-control': 'max-age=60' });
      res.end(FEED);
    });
    let stalled = false;
    up.route('/stall', (req, res, url) => {
      if (url.searchParams.get('set') === '1') stalled = true;
      if (stalled) return; // never answers from now on
      res.writeHead(200, { 'content-type': RSS, 'cache-control': 'max-age=60' });
      res.end(FEED);
    });
    up.route('/hang', () => {}); // never answers; closed with the server
    up.route('/big', (req, res, url) => {
      up.bigSent = streamBytes(res, 50 * MiB, url.searchParams.has('declared') ? { 'content-length': String(50 * MiB) } : {});
    });
  });

  after(async () => {
    await h?.close();
    await up?.close();
  });

  describe('passes an allowed feed', () => {
    it('answers with the feed, its content type and CORS headers, and sends nothing of the visitor upstream', async () => {
      const response = await h.proxy('open').fetch(via(`${up.origin}/feed?id=pass`), {
        headers: { origin: 'https://blog.example', cookie: 'secret=1', authorization: 'Bearer secret', 'x-custom': 'me' },
      });
      assert.equal(response.status, 200);
      assert.deepEqual(Buffer.from(await response.arrayBuffer()), FEED);
      assert.equal(response.headers.get('content-type'), RSS);
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      assert.match(response.headers.get('access-control-expose-headers'), /Retry-After/);
      assert.equal(response.headers.get('x-paperfeed-cache'), 'MISS');
      assert.equal(response.headers.get('set-cookie'), null);
      const sent = up.seen.find((s) => s.path === '/feed?id=pass').headers;
      assert.equal(sent.cookie, undefined);
      assert.equal(sent.authorization, undefined);
      assert.equal(sent['x-custom'], undefined);
      assert.equal(sent.origin, undefined);
      assert.match(sent['user-agent'], /paperfeed/);
      assert.match(sent.accept, /application\/rss\+xml/);
    });

    it('refuses the same loopback request (403) without allowPrivate', async () => {
      const before = up.hits();
      const response = await h.proxy('strict').fetch(via(`${up.origin}/feed?id=pass`));
      assert.equal(response.status, 403);
      assert.match(await errorOf(response), /loopback, private or link-local/);
      assert.equal(up.hits(), before);
    });

    it('answers HEAD with the headers of GET and no body', async () => {
      const response = await h.proxy('open').fetch(via(`${up.origin}/feed?id=head`), { method: 'HEAD' });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), RSS);
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      assert.equal((await response.arrayBuffer()).byteLength, 0);
    });

    it('answers a CORS preflight (204)', async () => {
      const response = await h.proxy('open').fetch(via(`${up.origin}/feed`), {
        method: 'OPTIONS',
        headers: { origin: 'https://blog.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'accept' },
      });
      assert.equal(response.status, 204);
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      assert.match(response.headers.get('access-control-allow-methods'), /\bGET\b/);
      assert.equal(response.headers.get('access-control-allow-headers'), 'accept');
    });

    it('names an allowed origin (Vary: Origin) and refuses another page', async () => {
      const p = h.proxy('origins');
      const ok = await p.fetch(via(`${up.origin}/feed?id=origins`), { headers: { origin: 'https://blog.example' } });
      assert.equal(ok.status, 200);
      assert.equal(ok.headers.get('access-control-allow-origin'), 'https://blog.example');
      assert.match(ok.headers.get('vary'), /Origin/);
      const other = await p.fetch(via(`${up.origin}/feed?id=origins`), { headers: { origin: 'https://evil.example' } });
      assert.equal(other.status, 403);
      assert.equal(other.headers.get('access-control-allow-origin'), null);
    });
  });

  describe('caching', () => {
    it('makes one upstream request for 100 concurrent identical requests', async () => {
      const target = via(`${up.origin}/feed?id=hundred&delay=300`);
      const responses = await Promise.all(Array.from({ length: 100 }, () => h.proxy('open').fetch(target)));
      const bodies = await Promise.all(responses.map((r) => r.arrayBuffer()));
      assert.deepEqual(responses.map((r) => r.status), new Array(100).fill(200));
      assert.ok(bodies.every((b) => Buffer.from(b).equals(FEED)));
      assert.equal(up.hits('/feed?id=hundred&delay=300'), 1);
    });

    it('serves a second request within the lifetime from the cache, then stale while it refreshes', async () => {
      const p = h.proxy('open');
      const path = '/feed?id=life&cc=max-age%3D600';
      const first = await p.fetch(via(up.origin + path));
      assert.equal(first.headers.get('x-paperfeed-cache'), 'MISS');
      await first.arrayBuffer();
      await p.advance(599_000);
      const second = await p.fetch(via(up.origin + path));
      assert.equal(second.headers.get('x-paperfeed-cache'), 'HIT');
      assert.deepEqual(Buffer.from(await second.arrayBuffer()), FEED);
      assert.equal(up.hits(path), 1);
      // Past max-age=600: the copy is answered at once and one request refreshes it.
      await p.advance(2_000);
      const third = await p.fetch(via(up.origin + path));
      assert.equal(third.headers.get('x-paperfeed-cache'), 'STALE');
      assert.deepEqual(Buffer.from(await third.arrayBuffer()), FEED);
      await up.waitForHits(path, 2);
      await p.settled();
    });

    it('revalidates with the ETag (304) once the copy is too old to serve unasked', async () => {
      const p = h.proxy('open');
      const path = '/etag';
      assert.equal((await p.fetch(via(up.origin + path))).headers.get('x-paperfeed-cache'), 'MISS');
      await p.advance(3_600_000); // past max-age=60 and the 300 s stale-while-revalidate window
      const again = await p.fetch(via(up.origin + path));
      assert.equal(again.headers.get('x-paperfeed-cache'), 'REVALIDATED');
      assert.deepEqual(Buffer.from(await again.arrayBuffer()), FEED);
      assert.equal(up.seen.filter((s) => s.path === path).at(-1).headers['if-none-match'], '"v1"');
    });

    it('serves the stale copy when the upstream is down', async () => {
      const p = h.proxy('open');
      const fresh = await p.fetch(via(`${up.origin}/flaky`));
      assert.equal(fresh.status, 200);
      await fresh.arrayBuffer();
      await p.advance(3_600_000);
      // `down=1` is another URL: it only switches the upstream to 503 (and fails itself, with nothing cached).
      const failing = await p.fetch(via(`${up.origin}/flaky?down=1`));
      assert.equal(failing.status, 502);
      const stale = await p.fetch(via(`${up.origin}/flaky`));
      assert.equal(stale.status, 200);
      assert.equal(stale.headers.get('x-paperfeed-cache'), 'STALE');
      assert.deepEqual(Buffer.from(await stale.arrayBuffer()), FEED);
      assert.equal(up.hits('/flaky'), 2); // it did ask, and the upstream failed
    });

    it('serves the stale copy when the upstream times out', async () => {
      const p = h.proxy('small');
      assert.equal((await p.fetch(via(`${up.origin}/stall`))).status, 200);
      await p.advance(3_600_000);
      const timedOut = await p.fetch(via(`${up.origin}/stall?set=1`)); // nothing cached for this URL
      assert.equal(timedOut.status, 504);
      const stale = await p.fetch(via(`${up.origin}/stall`));
      assert.equal(stale.status, 200);
      assert.equal(stale.headers.get('x-paperfeed-cache'), 'STALE');
      assert.deepEqual(Buffer.from(await stale.arrayBuffer()), FEED);
      assert.equal(up.hits('/stall'), 2);
    });

    it('keeps answers in the Cache API when it is the only cache', async (t) => {
      if (runtime !== 'workerd') return t.diagnostic('Node has no Cache API: covered in workerd');
      const p = h.proxy('cacheApi');
      const path = '/feed?id=cache-api&cc=max-age%3D600';
      assert.equal((await p.fetch(via(up.origin + path))).headers.get('x-paperfeed-cache'), 'MISS');
      const again = await p.fetch(via(up.origin + path));
      assert.equal(again.headers.get('x-paperfeed-cache'), 'HIT');
      assert.deepEqual(Buffer.from(await again.arrayBuffer()), FEED);
      assert.equal(up.hits(path), 1);
    });
  });

  describe('etiquette', () => {
    it('paces arXiv: upstream requests at least 3 s apart (fake clock)', async () => {
      const p = h.proxy('arxiv');
      const urls = [1, 2, 3, 4].map((n) => `http://export.arxiv.org:${up.port}/feed?id=arxiv${n}`);
      const responses = await Promise.all(urls.map((u) => p.fetch(via(u))));
      assert.deepEqual(responses.map((r) => r.status), [200, 200, 200, 200]);
      const times = (await p.calls()).filter((c) => c.url.includes('id=arxiv')).map((c) => c.t);
      assert.equal(times.length, 4);
      times.sort((a, b) => a - b);
      for (let i = 1; i < times.length; i++) assert.ok(times[i] - times[i - 1] >= 3000, `calls ${times.join(', ')}`);
    });

    it('on an upstream 429 serves the stale copy, and asks that host nothing more until Retry-After has passed', async () => {
      const p = h.proxy('limited');
      assert.equal((await p.fetch(via(`${up.origin}/busy`))).status, 200);
      await p.advance(3_600_000);
      const limited = await p.fetch(via(`${up.origin}/busy?set=1`)); // nothing cached for this URL
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '120');
      assert.equal(limited.headers.get('access-control-allow-origin'), '*');
      assert.match(await errorOf(limited), /429/);
      const stale = await p.fetch(via(`${up.origin}/busy`));
      assert.equal(stale.status, 200);
      assert.equal(stale.headers.get('x-paperfeed-cache'), 'STALE');
      assert.deepEqual(Buffer.from(await stale.arrayBuffer()), FEED);
      const other = await p.fetch(via(`${up.origin}/limited`));
      assert.equal(other.status, 429);
      assert.ok(Number(other.headers.get('retry-after')) > 100);
      assert.equal(up.hits('/busy'), 1);
      assert.equal(up.hits('/limited'), 0);
      // Once the pause is over, the host is asked again.
      await p.advance(121_000);
      const after = await p.fetch(via(`${up.origin}/limited`));
      assert.equal(after.status, 429);
      assert.equal(up.hits('/limited'), 1);
    });
  });

  describe('refusals', () => {
    it('an allow entry written with a port or as a URL allows its host name, on any port', async () => {
      const p = h.proxy('spelled');
      const response = await p.fetch(via(`${up.origin}/feed?id=spelled`));
      assert.equal(response.status, 200);
      const other = await p.fetch(via('https://elsewhere.example/rss'));
      assert.equal(other.status, 403);
    });

    it('405 for other methods, with Allow', async () => {
      const response = await h.proxy('open').fetch(via(`${up.origin}/feed`), { method: 'POST', body: 'x' });
      assert.equal(response.status, 405);
      assert.equal(response.headers.get('allow'), 'GET, HEAD, OPTIONS');
      assert.match(await errorOf(response), /POST/);
    });

    it('400 for a missing, unreadable or non-http(s) URL', async () => {
      const p = h.proxy('open');
      for (const target of ['http://proxy.test/', via('not a url'), via('ftp://127.0.0.1/feed'), via('http://user:pw@127.0.0.1/feed')]) {
        const response = await p.fetch(target);
        assert.equal(response.status, 400, target);
        assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
        assert.ok((await errorOf(response)).length > 10);
      }
    });

    it('403 for a host not on the allow list, and for private addresses even when listed', async () => {
      const p = h.proxy('strict');
      const notAllowed = await p.fetch(via('https://example.com/feed'));
      assert.equal(notAllowed.status, 403);
      assert.match(await errorOf(notAllowed), /allow list/);
      for (const host of ['127.0.0.1', '2130706433', '[::ffff:127.0.0.1]']) {
        const response = await p.fetch(via(`http://${host}:${up.port}/feed`));
        assert.equal(response.status, 403, host);
      }
    });

    it('refuses a redirect to a host not allowed, or to a private address', async () => {
      const p = h.proxy('strict');
      const feeds = `http://feeds.test:${up.port}`;
      const followed = await p.fetch(via(`${feeds}/redirect?to=${encodeURIComponent(`${feeds}/feed?id=redirected`)}`));
      assert.equal(followed.status, 200); // a redirect inside the allow list is followed
      const away = await p.fetch(via(`${feeds}/redirect?to=${encodeURIComponent('https://evil.example/feed')}`));
      assert.equal(away.status, 403);
      assert.match(await errorOf(away), /redirected to https:\/\/evil\.example\/.*allow list/);
      const inside = await p.fetch(via(`${feeds}/redirect?to=${encodeURIComponent(`http://127.0.0.1:${up.port}/feed?id=private`)}`));
      assert.equal(inside.status, 403);
      assert.match(await errorOf(inside), /redirected to .*private/);
      const metadata = await p.fetch(via(`${feeds}/redirect?to=${encodeURIComponent('http://169.254.169.254/latest/meta-data/')}`));
      assert.equal(metadata.status, 403);
      assert.equal(up.hits('/feed?id=private'), 0);
    });

    it('413 when the declared length passes the cap', async () => {
      const response = await h.proxy('small').fetch(via(`${up.origin}/big?declared`));
      assert.equal(response.status, 413);
      assert.match(await errorOf(response), /1 MiB/);
    });

    it('413 names a cap under 1 MiB as the operator set it (2000 bytes, not "0 MiB")', async () => {
      const response = await h.proxy('tiny').fetch(via(`${up.origin}/big?declared`));
      assert.equal(response.status, 413);
      assert.match(await errorOf(response), /limit of 1\.95 KiB/);
    });

    it('413 for a 50 MB streamed body, cut at the cap', async () => {
      const response = await h.proxy('small').fetch(via(`${up.origin}/big`));
      assert.equal(response.status, 413);
      const sent = await up.bigSent;
      // The upstream got to hand over only the cap plus what the sockets buffer, never the 50 MB.
      assert.ok(sent < 16 * MiB, `upstream wrote ${sent} bytes`);
    });

    it('502 when the upstream cannot be reached or fails with nothing cached', async () => {
      const p = h.proxy('open');
      const refused = await p.fetch(via(`http://127.0.0.1:${await closedPort()}/feed`));
      assert.equal(refused.status, 502);
      assert.match(await errorOf(refused), /could not be reached/);
      const down = await p.fetch(via(`${up.origin}/down`));
      assert.equal(down.status, 502);
      assert.match(await errorOf(down), /503/);
    });

    it('504 when the upstream does not answer in time', async () => {
      const response = await h.proxy('small').fetch(via(`${up.origin}/hang`));
      assert.equal(response.status, 504);
      assert.match(await errorOf(response), /0\.4 seconds/);
    });
  });
}
