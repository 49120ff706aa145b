// Hostile and huge feeds (issue 18), measured in headless Chromium on this branch ("after") and on
// the main branch ("before", `--before=/work/main`, default /work/main):
//   1. the worst case per text transform on 100 kB of adversarial input (ms, median of up to 5 calls within 2 s);
//   2. the longest main-thread task (PerformanceObserver 'longtask') while loadFeed reads a ~4.9 MB feed
//      of each format, and while a <paperfeed-list> loads the HF one;
//   3. a keystroke in the list's search box and a sort change over 5,000 papers (the item cap):
//      time from the input event to the next frame;
//   4. an endless HF body on a <paperfeed-list timeout="3000">: when its `error` event comes, and the
//      JS heap after a forced garbage collection, against the heap before the list was added;
//   5. each attack the issue names, as a feed a <paperfeed-list> loads: the longest task while it
//      loads, cards shown and untitled, and the longest task when the reader expands the abstracts;
//   6. the feeds of part 2 parsed off the main thread instead (a Worker with the server build), with
//      the longest main-thread task meanwhile (receiving the papers is on the main thread).
// Usage: node bench/hostile.mjs [--before=/path/to/main] [--only=after|before] [--part=1,2,...]
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feedBody, makePapers } from '../test/server/feeds.mjs';
import { launch, machine, round } from './lib.mjs';

const HERE = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const BEFORE = arg('before', '/work/main');
const ONLY = arg('only', '');
/** `--part=1,5`: only those parts (default: all six). */
const PARTS = new Set(arg('part', '1,2,3,4,5,6').split(',').map(Number));

/** A bundle of the transforms and the CDN entry from one checkout. */
async function bundle(root) {
  const esbuild = await import('esbuild');
  // Before issue 10 regrouped src/feed, these lived at its top level.
  const feedFile = (name) => (existsSync(join(root, `src/feed/parse/${name}.ts`)) ? `./src/feed/parse/${name}.ts` : `./src/feed/${name}.ts`);
  const result = await esbuild.build({
    stdin: {
      contents: `
        export { readableParts, texToText } from './src/internal/readable.ts';
        export { htmlToText, isoDate } from '${feedFile('text')}';
        export { safeUrl } from '${feedFile('url')}';
        export { parseDate } from './src/internal/format.ts';
        export * from './src/paperfeed.ts';`,
      resolveDir: root,
      loader: 'ts',
    },
    absWorkingDir: root,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: !process.env.BENCH_NO_MINIFY,
    write: false,
    logLevel: 'silent',
    tsconfig: join(root, 'tsconfig.json'),
  });
  return result.outputFiles[0].text;
}

/**
 * The other way to keep the main thread free (issue 18: "read in slices that yield, or parse off the
 * main thread, measured both ways"): a module Worker that fetches the feed and parses it whole with
 * paperfeed/feed's server build (a worker has no DOMParser: @xmldom/xmldom and linkedom read the XML),
 * posting the papers back. Measured here, not shipped: the browser build reads in slices.
 */
async function workerBundle(root) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    stdin: {
      contents: `
        import { parseFeed } from './src/feed/server.ts';
        self.onmessage = async ({ data: url }) => {
          try {
            const response = await fetch(url);
            const text = await response.text();
            const start = performance.now();
            const { papers } = parseFeed(text, response.headers.get('content-type') ?? '', { url });
            self.postMessage({ papers, parseMs: performance.now() - start });
          } catch (error) {
            self.postMessage({ error: String(error) });
          }
        };`,
      resolveDir: root,
      loader: 'ts',
    },
    absWorkingDir: root,
    bundle: true,
    format: 'esm',
    platform: 'browser',
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

// The largest feed the list keeps: 5,000 papers (the item cap) in ~4.85 MB (under the byte cap), as
// JSON Feed (an HF answer of 5,000 papers is over 5 MB), each summary padded so that the search
// looks through as much text as the caps allow.
function bigItems(count) {
  const body = (pad) =>
    feedBody('jsonfeed', makePapers(count).map((p, i) => ({ ...p, summary: `${p.summary} ${`Lorem ipsum dolor sit ${i % 97}. `.repeat(pad)}` })));
  // The body grows linearly with the padding (the summary may be written more than once per item).
  const [b0, b1] = [0, 1].map((pad) => Buffer.byteLength(body(pad).body));
  return body(Math.max(0, Math.floor((4.85 * 2 ** 20 - b0) / (b1 - b0))));
}

/** The attacks of issue 18 as feeds a list reads (each beside normal papers where it is one paper's field). */
function hostileFeeds() {
  const hf = (patch) => feedBody('hf', makePapers(30).map((p, i) => (i === 2 ? { ...p, ...patch(p) } : p)));
  const three = (patch) => feedBody('hf', makePapers(30).map((p, i) => (i < 3 ? { ...p, ...patch(p) } : p)));
  return new Map([
    ['normal', feedBody('hf', makePapers(30))],
    ['abstract-emphasis', hf(() => ({ summary: '**x '.repeat(25000) }))],
    ['abstracts-tex', three(() => ({ summary: '\\('.repeat(50000) }))],
    ['title-emphasis', hf(() => ({ title: '**x '.repeat(5000) }))],
    ['title-deep', hf(() => ({ title: `$${'^{'.repeat(10000)}x$` }))],
    ['html-summary', { type: 'application/rss+xml', body: feedBody('rss', makePapers(30).map((p, i) => (i === 2 ? { ...p, summary: '<a'.repeat(500000) } : p))).body }],
    ['single-string-20mb', { type: 'application/json', body: `[{"title":"${'a'.repeat(20 * 2 ** 20)}"}]` }],
    ['million-items-hf', { type: 'application/json', body: `[${'{},'.repeat(999999)}{}]` }],
    ['million-items-jsonfeed', { type: 'application/feed+json', body: `{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[${'{"title":"a"},'.repeat(360000)}{"title":"a"}]}` }],
    ['truncated-json-array', { type: 'application/json', body: `[${'{"a":1},'.repeat(400000)}` }],
    ['rss-needs-recovery', (() => { const f = bigFeed('rss'); return { ...f, body: f.body.replace('<title>', '<title>R&D ') }; })()],
    ['rss-deep-elements', { type: 'application/rss+xml', body: `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>deep</title><description>${'<b>'.repeat(100000)}x${'</b>'.repeat(100000)}</description></item></channel></rss>` }],
    ['rss-one-huge-item', { type: 'application/rss+xml', body: `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>huge</title><description>${'lorem &lt;b&gt;ipsum&lt;/b&gt; '.repeat(160000)}</description></item></channel></rss>` }],
    ['items-rss', { type: 'application/rss+xml', body: `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${'<item><title>a</title></item>'.repeat(175000)}</channel></rss>` }],
  ]);
}

async function serve(code, worker = '') {
  const feeds = new Map();
  for (const format of ['hf', 'jsonfeed', 'rss', 'atom']) feeds.set(`/feed-${format}`, bigFeed(format));
  feeds.set('/feed-5000', bigItems(5000));
  for (const [name, feed] of hostileFeeds()) feeds.set(`/case-${name}`, feed);
  const item = JSON.stringify(JSON.parse(feedBody('hf', makePapers(1)).body)[0]);
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/paperfeed.js') {
      res.writeHead(200, { 'content-type': 'application/javascript' });
      return res.end(code);
    }
    if (path === '/worker.js') {
      res.writeHead(200, { 'content-type': 'application/javascript' });
      return res.end(worker);
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

async function measure(browser, label, code, worker) {
  const server = await serve(code, worker);
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
  for (const [fn, name, expr] of PARTS.has(1) ? CASES : []) {
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
  for (const format of PARTS.has(2) ? ['hf', 'jsonfeed', 'rss', 'atom'] : []) {
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
  for (const format of PARTS.has(2) ? ['hf', 'rss'] : []) {
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
  if (PARTS.has(3)) {
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
    const shown = el.shadowRoot.querySelectorAll('paperfeed-card').length;
    const select = el.shadowRoot.querySelector('select');
    if (!input || !select) return { papers: 5000, skipped: 'no search box or sort select rendered', shows: el.shadowRoot.textContent.replace(/\s+/g, ' ').slice(0, 300) };
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
    return { papers: 5000, cardsShown: shown, keystrokeMax: Math.max(...keys), keystrokes: keys, sortMax: Math.max(...sort), sorts: sort };
  }, `${server.origin}/feed-5000`);
  console.log(label, 'list 5,000 papers', out.list);
  }

  // 6. the same feeds parsed off the main thread (a Worker), against loadFeed's slices (part 2)
  out.worker = {};
  for (const format of PARTS.has(6) && worker ? ['hf', 'jsonfeed', 'rss', 'atom'] : []) {
    await open();
    out.worker[format] = await page.evaluate(async (src) => {
      window.longest = 0;
      const start = performance.now();
      const w = new Worker('/worker.js', { type: 'module' });
      const data = await new Promise((resolve) => {
        w.onmessage = (event) => resolve(event.data);
        w.postMessage(src);
      });
      const total = performance.now() - start;
      w.terminate();
      await new Promise((r) => setTimeout(r, 100));
      return { longest: Math.round(window.longest), total: Math.round(total), parseMs: Math.round(data.parseMs ?? -1), papers: data.papers?.length ?? data.error };
    }, `${server.origin}/feed-${format}`);
    console.log(label, 'worker reads', format, out.worker[format]);
  }

  // 5. each attack of the issue, through a <paperfeed-list>
  out.cases = {};
  for (const name of PARTS.has(5) ? [...hostileFeeds().keys()] : []) {
    await open();
    out.cases[name] = await page.evaluate(async (src) => {
      window.longest = 0;
      const el = document.createElement('paperfeed-list');
      const start = performance.now();
      const done = new Promise((r) => el.addEventListener('loadend', r, { once: true }));
      el.setAttribute('src', src);
      document.body.append(el);
      await done;
      await el.updateComplete;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 200)));
      const cards = [...el.shadowRoot.querySelectorAll('paperfeed-card')];
      const untitled = cards.filter((c) => !c.shadowRoot?.getElementById('title')?.textContent.trim()).length;
      const result = { ms: Math.round(performance.now() - start), longest: Math.round(window.longest), cards: cards.length, untitled, shows: cards.length ? undefined : el.shadowRoot.textContent.replace(/\s+/g, ' ').trim().slice(0, 80) };
      // Expand every card with a "Show more" toggle among the first five: the reader's click.
      window.longest = 0;
      let expanded = 0;
      for (const card of cards.slice(0, 5)) {
        const toggle = card.shadowRoot.querySelector('[part~="toggle"]');
        if (!toggle) continue;
        toggle.click();
        await card.updateComplete;
        expanded++;
      }
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 200)));
      return { ...result, expanded, longestExpand: Math.round(window.longest) };
    }, `${server.origin}/case-${name}`);
    console.log(label, 'case', name, `${(server.sizes[`/case-${name}`] / 2 ** 20).toFixed(2)} MB`, out.cases[name]);
  }

  // 4. endless body
  if (PARTS.has(4)) {
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
  }
  out.errors = errors;
  if (errors.length) console.log(label, 'page errors', errors);
  await context.close();
  server.close();
  return out;
}

const browser = await launch();
const results = [];
try {
  if (ONLY !== 'before') results.push(await measure(browser, 'after', await bundle(HERE), await workerBundle(HERE)));
  if (ONLY !== 'after') results.push(await measure(browser, 'before', await bundle(BEFORE)));
} finally {
  await browser.close();
}
console.log(machine());
console.log(JSON.stringify(results));
