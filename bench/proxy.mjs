// Cached answers of the feed proxy (paperfeed/proxy): requests per second and p50/p99 latency
//   - in workerd (miniflare, the runtime Cloudflare Workers run), asked over HTTP on loopback;
//   - in Node, as `npx paperfeed-proxy` runs it (bin/paperfeed-proxy.mjs, its own process), over HTTP;
//   - in Node in-process: `proxy.fetch(new Request(…))` with no HTTP at all (the handler's own cost).
// The upstream is a loopback server serving a real Hugging Face daily-papers answer (29 KB) with
// `max-age=3600`; one warm-up request fills the cache, then every measured answer must be a HIT.
//
//   node bench/proxy.mjs [--seconds=3] [--concurrency=16] [--write]
//
// --write rewrites bench/PROXY.md with the table. The load generator is Node's fetch in this
// process, so the figures include the client's own cost; on a shared machine they move from run
// to run: compare rows of one run, not runs.
import { createServer } from 'node:http';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import * as esbuild from 'esbuild';
import { Miniflare } from 'miniflare';

const ROOT = new URL('../', import.meta.url).pathname;
const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const SECONDS = arg('seconds', 3);
const CONCURRENCY = arg('concurrency', 16);
const WRITE = process.argv.includes('--write');
const FEED = readFileSync(join(ROOT, '../shared/real-feeds/hf/all-news-ai-hf_daily_papers.json'));

const bundle = async (contents) =>
  (
    await esbuild.build({
      absWorkingDir: ROOT,
      stdin: { contents, resolveDir: ROOT, loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      write: false,
      logLevel: 'error',
    })
  ).outputFiles[0].text;

const upstream = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'max-age=3600' });
  res.end(FEED);
});
await new Promise((resolve) => upstream.listen(0, '127.0.0.1', resolve));
const FEED_URL = `http://127.0.0.1:${upstream.address().port}/api/daily_papers`;
const query = `?url=${encodeURIComponent(FEED_URL)}`;

/** Runs `once()` from CONCURRENCY loops for SECONDS; every answer must be a 200 cache HIT of the whole feed. */
async function load(label, one) {
  const first = await one();
  if (first.cache !== 'MISS') throw new Error(`${label}: the warm-up answer was ${first.cache}, not MISS`);
  const latencies = [];
  let wrong = 0;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const start = performance.now();
        const { status, cache, bytes } = await one();
        latencies.push(performance.now() - start);
        if (status !== 200 || cache !== 'HIT' || bytes !== FEED.length) wrong++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  const row = { label, requests: latencies.length, rps: latencies.length / SECONDS, p50: at(0.5), p99: at(0.99), wrong };
  console.log(`  ${label}: ${Math.round(row.rps)} req/s, p50 ${row.p50.toFixed(2)} ms, p99 ${row.p99.toFixed(2)} ms${wrong ? `, ${wrong} wrong answers` : ''}`);
  return row;
}

const overHttp = (base) => async () => {
  const response = await fetch(base + query);
  const bytes = (await response.arrayBuffer()).byteLength;
  return { status: response.status, cache: response.headers.get('x-paperfeed-cache'), bytes };
};

const rows = [];
const config = `{ allow: ['127.0.0.1'], allowPrivate: true }`;

// 1. workerd through miniflare: the Worker is `export default createProxy(...)`, as deployed.
console.log('▶ workerd (miniflare)');
const mf = new Miniflare({
  cf: false,
  modules: true,
  compatibilityDate: '2026-04-01',
  script: await bundle(`import { createProxy } from './src/proxy.ts'; export default createProxy(${config});`),
});
try {
  rows.push(await load('workerd (miniflare), HTTP', overHttp((await mf.ready).href)));
} finally {
  await mf.dispose();
}

// 2. Node: the CLI as shipped, in its own process, next to a build of src/proxy.ts.
console.log('▶ Node: npx paperfeed-proxy');
const dir = mkdtempSync(join(tmpdir(), 'paperfeed-proxy-bench-'));
mkdirSync(join(dir, 'dist'));
mkdirSync(join(dir, 'bin'));
writeFileSync(join(dir, 'dist/proxy.js'), await bundle(`export * from './src/proxy.ts';`));
copyFileSync(join(ROOT, 'bin/paperfeed-proxy.mjs'), join(dir, 'bin/paperfeed-proxy.mjs'));
const cli = spawn(process.execPath, [join(dir, 'bin/paperfeed-proxy.mjs'), '--port', '0', '--allow', '127.0.0.1', '--allow-private'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  let out = '';
  let base;
  for await (const chunk of cli.stdout) {
    out += chunk;
    base = /listening on (http:\/\/\S+)\?url=/.exec(out)?.[1];
    if (base) break;
  }
  if (!base) throw new Error(`paperfeed-proxy did not start: ${out}`);
  rows.push(await load('Node (paperfeed-proxy CLI), HTTP', overHttp(base)));
} finally {
  cli.kill('SIGTERM');
  if (cli.exitCode === null) await once(cli, 'exit');
  rmSync(dir, { recursive: true, force: true });
}

// 3. Node, the handler alone.
console.log('▶ Node: handler in-process');
const { createProxy } = await import(`data:text/javascript;base64,${Buffer.from(await bundle(`export * from './src/proxy.ts';`)).toString('base64')}`);
const proxy = createProxy({ allow: ['127.0.0.1'], allowPrivate: true });
rows.push(
  await load('Node, handler in-process (no HTTP)', async () => {
    const response = await proxy.fetch(new Request(`http://proxy.local/${query}`));
    const bytes = (await response.arrayBuffer()).byteLength;
    return { status: response.status, cache: response.headers.get('x-paperfeed-cache'), bytes };
  }),
);
upstream.close();

const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const table = [
  '| Cached answers (X-Paperfeed-Cache: HIT) | Requests | Requests/s | p50 | p99 |',
  '|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.label} | ${r.requests} | ${Math.round(r.rps)} | ${r.p50.toFixed(2)} ms | ${r.p99.toFixed(2)} ms |`),
].join('\n');
const setup = `${SECONDS} s per row, ${CONCURRENCY} concurrent clients (Node fetch, keep-alive), a ${(FEED.length / 1024).toFixed(1)} KB HF daily-papers answer; Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim()}), load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end (other work shares the machine); ${when} UTC.`;
console.log(`\n${table}\n\n${setup}`);
if (rows.some((r) => r.wrong)) {
  console.error('[paperfeed] some answers were not cache hits of the whole feed: the figures are not of cached answers.');
  process.exitCode = 1;
}
if (WRITE) {
  writeFileSync(
    join(ROOT, 'bench/PROXY.md'),
    `# Feed proxy: cached answers\n\nMeasured by \`node bench/proxy.mjs --write\` (one run; the load generator shares the machine, so compare rows, not runs).\n\n${table}\n\n${setup}\n`,
  );
  console.log('wrote bench/PROXY.md');
}
