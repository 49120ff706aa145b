// `npx paperfeed-proxy`: the CLI file as shipped (bin/paperfeed-proxy.mjs, run next to a build of
// src/proxy.ts laid out as dist/proxy.js) on a real port, asked over real HTTP.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { request } from 'node:http';
import { bundle } from './harness.mjs';
import { startUpstream } from './upstream.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
// A real Hugging Face daily-papers answer, read where the project keeps them.
const HF = readFileSync(new URL('../../../shared/real-feeds/hf/all-news-ai-hf_daily_papers.json', import.meta.url));
const children = new Set();

/** Starts the CLI with `args` on a free port; resolves with its base URL once it listens. */
async function startCli(dir, args) {
  const child = spawn(process.execPath, [join(dir, 'bin/paperfeed-proxy.mjs'), '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let out = '';
  child.stderr.on('data', (d) => (out += d));
  for await (const chunk of child.stdout) {
    out += chunk;
    const found = /listening on (http:\/\/\S+)\/\?url=\{url\}/.exec(out);
    if (found) return { base: found[1], child };
  }
  throw new Error(`paperfeed-proxy did not start: ${out}`);
}

describe('paperfeed-proxy (Node CLI)', () => {
  let dir;
  let up;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paperfeed-proxy-'));
    mkdirSync(join(dir, 'dist'));
    mkdirSync(join(dir, 'bin'));
    writeFileSync(join(dir, 'dist/proxy.js'), await bundle('src/proxy.ts'));
    copyFileSync(join(ROOT, 'bin/paperfeed-proxy.mjs'), join(dir, 'bin/paperfeed-proxy.mjs'));
    up = await startUpstream();
    up.route('/feed', (req, res) => {
      res.writeHead(200, { 'content-type': 'application/atom+xml', 'set-cookie': 'a=b' });
      res.end('<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>');
    });
    up.route('/api/daily_papers', (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(HF);
    });
    up.route('/limited', (req, res) => {
      res.writeHead(429, { 'retry-after': '120' });
      res.end();
    });
  });
  after(async () => {
    for (const child of children) {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    }
    await up?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves an allowed feed with CORS, answers preflights, refuses other methods', async () => {
    const { base } = await startCli(dir, ['--allow', '127.0.0.1', '--allow-private']);
    const target = `${base}/?url=${encodeURIComponent(`${up.origin}/feed`)}`;
    const response = await fetch(target, { headers: { origin: 'https://blog.example', cookie: 'x=1' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/atom+xml');
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('set-cookie'), null);
    assert.match(await response.text(), /<title>t<\/title>/);
    assert.equal(up.seen.at(-1).headers.cookie, undefined);
    const preflight = await fetch(target, { method: 'OPTIONS', headers: { origin: 'https://blog.example', 'access-control-request-method': 'GET' } });
    assert.equal(preflight.status, 204);
    const post = await fetch(target, { method: 'POST', body: 'x' });
    assert.equal(post.status, 405);
    assert.equal((await post.json()).error, 'The method POST is not allowed; use GET.');
    // A method fetch() itself cannot represent is refused the same way, not a crash.
    const trace = await new Promise((resolve, reject) => {
      const req = request(target, { method: 'TRACE' }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode, allow: res.headers.allow, body }));
      });
      req.on('error', reject);
      req.end();
    });
    assert.deepEqual(trace, { status: 405, allow: 'GET, HEAD, OPTIONS', body: '{"error":"The method TRACE is not allowed; use GET."}' });
  });

  it('refuses the loopback upstream without --allow-private, and hosts not given to --allow', async () => {
    const { base } = await startCli(dir, ['--allow', '127.0.0.1']);
    const local = await fetch(`${base}/?url=${encodeURIComponent(`${up.origin}/feed`)}`);
    assert.equal(local.status, 403);
    const other = await fetch(`${base}/?url=${encodeURIComponent('https://huggingface.co/api/daily_papers')}`);
    assert.equal(other.status, 403);
    assert.match((await other.json()).error, /allow list/);
  });

  it("is what loadFeed's proxy option expects: ?url={url} gives the papers, a 429 keeps its Retry-After", async () => {
    const { loadFeed } = await import(`data:text/javascript;base64,${Buffer.from(await bundle('src/feed.ts')).toString('base64')}`);
    const { base } = await startCli(dir, ['--allow', '127.0.0.1', '--allow-private']);
    const proxy = `${base}/?url={url}`;
    const result = await loadFeed(`${up.origin}/api/daily_papers`, { proxy });
    assert.equal(result.papers.length, JSON.parse(HF).length);
    assert.equal(result.papers[0].title, JSON.parse(HF)[0].paper.title);
    await assert.rejects(loadFeed(`${up.origin}/limited`, { proxy }), (error) => {
      assert.equal(error.status, 429);
      assert.equal(error.retryAfter, 120);
      return true;
    });
  });

  it('takes --allow more than once: every host given is allowed (not only the last)', async () => {
    const { base } = await startCli(dir, ['--allow', '127.0.0.1', '--allow', 'example.org', '--allow-private']);
    const local = await fetch(`${base}/?url=${encodeURIComponent(`${up.origin}/feed`)}`);
    assert.equal(local.status, 200);
    assert.match(await local.text(), /<title>t<\/title>/);
    const other = await fetch(`${base}/?url=${encodeURIComponent('https://huggingface.co/api/daily_papers')}`);
    assert.equal(other.status, 403);
  });

  it('says in one line that the port is taken (exit 1), not an unhandled error', async () => {
    const { base } = await startCli(dir, []);
    const port = new URL(base).port;
    const child = spawn(process.execPath, [join(dir, 'bin/paperfeed-proxy.mjs'), '--port', port], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const [code] = await once(child, 'close');
    assert.equal(code, 1);
    assert.equal(err.trim(), `[paperfeed] 127.0.0.1:${port} is already in use; pick another --port (0 picks a free one).`);
  });

  it('stops on SIGTERM', async () => {
    const { child } = await startCli(dir, []);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
  });
});
