// Hostile and huge feeds (issue 18), measured in headless Chromium on this branch ("after") and on
// the main branch ("before", `--before=/work/main`, default /work/main):
//   1. the worst case per text transform on 100 kB of adversarial input (ms, median of up to 5 calls within 2 s);
//   2. the longest main-thread task (PerformanceObserver 'longtask') while loadFeed reads a ~4.9 MB feed
//      of each format, and while a <paperfeed-list> loads the HF one;
//   3. a keystroke in the list's search box and a sort change over 5,000 papers (the item cap):
//      time from the input event to the next frame;
//   4. an endless HF body on a <paperfeed-list timeout="3000">: when its `error` event comes, and the
//      JS heap after a forced garbage collection, against the heap before the list was added.
// Usage: node bench/hostile.mjs [--before=/path/to/main] [--only=after|before]
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feedBody, makePapers } from '../test/server/feeds.mjs';
import { launch, machine, round } from './lib.mjs';

const HERE = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const BEFORE = arg('before', '/work/main');
const ONLY = arg('only', '');

/** A bundle of the transforms and the CDN entry from one checkout. */
async function bundle(root) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    stdin: {
      contents: `
        export { readableParts, texToText } from './src/internal/readable.ts';
        export { htmlToText, isoDate } from './src/feed/parse/text.ts';
        export { safeUrl } from './src/feed/parse/url.ts';
        export { parseDate } from './src/internal/format.ts';
        export * from './src/paperfeed.ts';`,
      resolveDir: root,
      loader: 'ts',
    },
    absWorkingDir: root,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
    tsconfig: join(root, 'tsconfig.json'),
  });
  return result.outputFiles[0].text;
}

// Feeds of ~4.9 MB (under the 5 MB cap): padding each paper's summary to reach the size.
function bigFeed(format) {
  const pad = (papers) => papers.map((p) => ({ ...p, summary: `${p.summary} ${'Lorem ipsum dolor sit amet. '.repeat(40)}` }));
  const perPaper = Buffer.byteLength(feedBody(format, pad(makePapers(100))).body) / 100;
  return feedBody(format, pad(makePapers(Math.floor((4.85 * 2 ** 20) / perPaper))));
}

async function serve(code) {
  const feeds = new Map();
  for (const format of ['hf', 'jsonfeed', 'rss', 'atom']) feeds.set(`/feed-${format}`, bigFeed(format));
  feeds.set('/feed-5000', feedBody('hf', makePapers(5000)));
  const item = JSON.stringify(JSON.parse(feedBody('hf', makePapers(1)).body)[0]);
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/paperfeed.js') {
      res.writeHead(200, { 'content-type': 'application/javascript' });
      return res.end(code);
    }
    if (path === '/endless') {
      // An endless HF array, as fast as the socket takes it, until the client goes.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[');
      const chunk = `${item},`.repeat(200);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
      req.on('close', () => res.destroy());
      return;
    }
    const feed = feeds.get(path);
    if (feed) {
      const bytes = Buffer.from(feed.body);
      res.writeHead(200, { 'content-type': feed.type, 'content-length': bytes.length });
      return res.end(bytes);
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script type="module">
  import * as pf from '/paperfeed.js';
  window.pf = pf;
  window.longest = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longest = Math.max(window.longest, e.duration); })
    .observe({ type: 'longtask', buffered: false });
  window.ready = true;
</script></head><body></body></html>`);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://localhost:${server.address().port}`, sizes: Object.fromEntries([...feeds].map(([k, v]) => [k, Buffer.byteLength(v.body)])), close: () => server.close() };
}

// 100 kB of each adversarial shape, per transform.
const CASES = [
  ['readableParts', 'unclosed **x', "'**x '.repeat(25000)"],
  ['readableParts', '\\( × 50,000', "'\\\\('.repeat(50000)"],
  ['readableParts', 'nested **a __', "'**a __'.repeat(8333) + 'b'"],
  ['readableParts', '$ + ^{ × 10,000 + x$ (20 kB title)', "'$' + '^{'.repeat(10000) + 'x$'"],
  ['texToText', '^{ × 50,000', "'^{'.repeat(50000)"],
  ['texToText', '\\frac{ × 16,666', "'\\\\frac{'.repeat(16666)"],
  ['htmlToText', '<a<a<a…', "'<a'.repeat(50000)"],
  ['htmlToText', 'nested <b>x', "'<b>x'.repeat(25000)"],
  ['htmlToText', '<table><td> × 9,090', "'<table><td>'.repeat(9090)"],
  ['safeUrl', 'spaces inside', "'a' + ' '.repeat(100000) + 'b'"],
  ['safeUrl', 'http://a.a.a…!', "'http://' + 'a.'.repeat(50000) + '!'"],
  ['isoDate', '100 kB of digits', "'2'.repeat(100000)"],
  ['parseDate', '100 kB of digits', "'2'.repeat(100000)"],
];

async function measure(browser, label, code) {
  const server = await serve(code);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const open = async () => {
    await page.goto(server.origin + '/');
    await page.waitForFunction(() => window.ready);
  };
  const out = { label, transforms: [], reads: {}, list: {}, endless: {} };

  // 1. transforms
  await open();
  for (const [fn, name, expr] of CASES) {
    const ms = await page.evaluate(
      ([fn, expr]) => {
        const input = new Function(`return ${expr}`)();
        const f = window.pf[fn];
        const call = fn === 'safeUrl' ? (s) => f(s, 'https://example.org/') : (s) => f(s);
        try {
          call(input.slice(0, 10000)); // warm up (10 kB: past the 500 tags where htmlToText stops using DOMParser)
          // The median of up to 5 calls, as many as fit in 2 s (a quadratic one gets one call).
          const times = [];
          const begin = performance.now();
          while (times.length < 5 && performance.now() - begin < 2000) {
            const start = performance.now();
            call(input);
            times.push(performance.now() - start);
          }
          times.sort((a, b) => a - b);
          return round(times[Math.floor(times.length / 2)]);
        } catch (error) {
          return String(error.name);
        }
        function round(v) {
          return Math.round(v * 10) / 10;
        }
      },
      [fn, expr],
    );
    out.transforms.push({ fn, name, ms });
    console.log(label, fn, name, ms);
  }

  // 2. longest task while reading ~4.9 MB
  for (const format of ['hf', 'jsonfeed', 'rss', 'atom']) {
    await open();
    const r = await page.evaluate(async (src) => {
      window.longest = 0;
      const start = performance.now();
      let papers = -1;
      try {
        papers = (await window.pf.loadFeed(src, { timeout: 60000 })).papers.length;
      } catch (e) {
        papers = e.kind;
      }
      await new Promise((r) => setTimeout(r, 100));
      return { longest: Math.round(window.longest), total: Math.round(performance.now() - start), papers };
    }, `${server.origin}/feed-${format}`);
    out.reads[format] = r;
    console.log(label, 'read', format, (server.sizes[`/feed-${format}`] / 2 ** 20).toFixed(2), 'MB', r);
  }
  for (const format of ['hf', 'rss']) {
  await open();
  out.reads[`list-${format}`] = await page.evaluate(async (src) => {
    window.longest = 0;
    const el = document.createElement('paperfeed-list');
    el.setAttribute('timeout', '60000');
    const done = new Promise((r) => el.addEventListener('loadend', r, { once: true }));
    el.setAttribute('src', src);
    document.body.append(el);
    await done;
    await new Promise((r) => setTimeout(r, 300));
    return { longest: Math.round(window.longest) };
  }, `${server.origin}/feed-${format}`);
  console.log(label, `list reads ${format} 4.9 MB`, out.reads[`list-${format}`]);
  }

  // 3. search and sort over 5,000 papers
  await open();
  out.list = await page.evaluate(async (src) => {
    const el = document.createElement('paperfeed-list');
    const done = new Promise((r) => el.addEventListener('loadend', r, { once: true }));
    el.setAttribute('src', src);
    document.body.append(el);
    await done;
    await el.updateComplete;
    // The toolbar may come a frame or two after loadend.
    for (let i = 0; i < 120 && !el.shadowRoot.querySelector('input[type=search]'); i++) await new Promise((r) => requestAnimationFrame(r));
    const input = el.shadowRoot.querySelector('input[type=search]');
    const select = el.shadowRoot.querySelector('select');
    if (!input || !select) return { papers: 5000, skipped: 'no search box or sort select rendered' };
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    const time = async (act) => {
      await frame();
      const start = performance.now();
      act();
      await el.updateComplete;
      await frame();
      return Math.round(performance.now() - start);
    };
    const keys = [];
    let value = '';
    for (const ch of 'paper 42') {
      value += ch;
      keys.push(await time(() => {
        input.value = value;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      }));
    }
    const sort = [];
    for (const v of ['date', 'upvotes', 'feed']) sort.push(await time(() => {
      select.value = v;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }));
    return { papers: 5000, keystrokeMax: Math.max(...keys), keystrokes: keys, sortMax: Math.max(...sort), sorts: sort };
  }, `${server.origin}/feed-5000`);
  console.log(label, 'list 5,000 papers', out.list);

  // 4. endless body
  await open();
  const cdp = await context.newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const base = await heap();
  const endless = await page.evaluate(async (src) => {
    const el = document.createElement('paperfeed-list');
    el.setAttribute('timeout', '3000');
    el.id = 'endless';
    const start = performance.now();
    const failed = new Promise((r) => el.addEventListener('error', (e) => r(e.detail?.error?.kind ?? 'error'), { once: true }));
    el.setAttribute('src', src);
    document.body.append(el);
    const kind = await Promise.race([failed, new Promise((r) => setTimeout(() => r('no error in 20 s'), 20000))]);
    return { kind, errorAtMs: Math.round(performance.now() - start) };
  }, `${server.origin}/endless`);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
  const after = await heap();
  await page.evaluate(() => document.getElementById('endless')?.remove());
  const removed = await heap();
  out.endless = { ...endless, heapBeforeMB: round(base / 2 ** 20), heapAfterErrorMB: round(after / 2 ** 20), heapAfterRemoveMB: round(removed / 2 ** 20) };
  console.log(label, 'endless body, timeout 3000', out.endless);
  out.errors = errors;
  if (errors.length) console.log(label, 'page errors', errors);
  await context.close();
  server.close();
  return out;
}

const browser = await launch();
const results = [];
try {
  if (ONLY !== 'before') results.push(await measure(browser, 'after', await bundle(HERE)));
  if (ONLY !== 'after') results.push(await measure(browser, 'before', await bundle(BEFORE)));
} finally {
  await browser.close();
}
console.log(machine());
console.log(JSON.stringify(results));
