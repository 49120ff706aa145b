// Time to first card on a slow connection, and the JavaScript bytes downloaded before it (issue 15).
//
// A blog page with one Hugging Face list, loading the BUILT CDN file (dist/paperfeed.min.js and
// dist/chunks/, `npm run build` first) from a versioned subpath as jsDelivr serves it, against a
// hand-written page that fetches the same feed and renders plain DOM (bench/plain-renderer.mjs).
// Every response is gzip-encoded, as a CDN and a static host send them; Chromium's network emulation
// (CDP Network.emulateNetworkConditions: 150 ms latency, 1.6 Mbps down, 750 kbps up, the mobile
// profile Lighthouse uses) applies to all of it. Pages, interleaved, median of `runs`:
// - plain: the baseline (fetch + JSON.parse + createElement);
// - paperfeed: only the script tag (the entry preloads the feed itself while the chunks load);
// - paperfeed + <link rel=preload>: the author also writes the preload in <head>;
// - paperfeed, no priming: the list starts its own request once its code has run (what the single
//   file did before), to show what the priming is worth.
// "First card" = the first frame in which a card's title is in the DOM (polled every frame from
// navigation start). JS bytes = encoded (gzip) bodies of the .js responses that ended before it.
// Also: the subscribe-only page and a page with all three elements (JS bytes until all are defined).
//
//   node bench/first-card.mjs [--runs=5]
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { isMain, launch, median, round, runsArg } from './lib.mjs';
import { plainRendererCss, plainRendererScript } from './plain-renderer.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = resolve(ROOT, 'dist');
const CDN = '/npm/paperfeed@0.1.0/dist/';
// A real HF daily-papers answer (read at run time from ../shared, never copied into the repo), else
// 50 generated papers.
const REAL = resolve(ROOT, '../shared/real-feeds/hf/sotawhat-hf_daily_papers.json');
export const CONDITIONS = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };

const blog = (head, body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A blog post</title>
<style>body { font: 18px/1.6 Georgia, serif; max-width: 42rem; margin: 0 auto; padding: 1rem; }</style>
${head}</head><body><h1>Reading list</h1><p>The papers I read this week.</p>${body}<p>Thanks for reading.</p></body></html>`;

const SCRIPT = `<script type="module" src="${CDN}paperfeed.min.js"></script>`;
const PAGES = {
  plain: blog(
    `<style>${plainRendererCss}</style><script>${plainRendererScript}</script>`,
    `<div id="plain"></div><script type="module">
const safeUrl = (v) => { try { const u = new URL(v, location.href); return /^https?:$/.test(u.protocol) ? u.href : undefined; } catch { return undefined; } };
const items = await (await fetch('/feeds/hf.json')).json();
const papers = items.slice(0, 30).map((i) => ({
  title: i.title ?? i.paper.title, summary: i.summary ?? i.paper.summary, url: 'https://huggingface.co/papers/' + i.paper.id,
  authors: (i.paper.authors ?? []).slice(0, 3).map((a) => ({ name: a.name })), authorCount: (i.paper.authors ?? []).length,
  publishedAt: i.publishedAt, upvotes: i.paper.upvotes, comments: i.numComments, tags: i.paper.ai_keywords ?? [],
  organization: i.organization ? { name: i.organization.fullname } : undefined,
}));
plainRender(papers, document.getElementById('plain'), safeUrl);
</script>`,
  ),
  paperfeed: blog(SCRIPT, `<paperfeed-list src="/feeds/hf.json" heading="Papers"></paperfeed-list>`),
  preload: blog(`<link rel="preload" as="fetch" crossorigin href="/feeds/hf.json">${SCRIPT}`, `<paperfeed-list src="/feeds/hf.json" heading="Papers"></paperfeed-list>`),
  // A list added by a script after load is never primed: what a page without the primer waits for.
  unprimed: blog(SCRIPT, `<div id="later"></div><script type="module">document.getElementById('later').append(Object.assign(document.createElement('paperfeed-list'), { src: '/feeds/hf.json', heading: 'Papers' }));</script>`),
  subscribe: blog(SCRIPT, `<paperfeed-subscribe action="/subscribe" heading="Subscribe"></paperfeed-subscribe>`),
  all: blog(SCRIPT, `<paperfeed-list src="/feeds/hf.json" heading="Papers"></paperfeed-list><paperfeed-card></paperfeed-card><paperfeed-subscribe action="/subscribe" heading="Subscribe"></paperfeed-subscribe>`),
};

function startServer(feed) {
  const gz = new Map();
  const send = (res, type, body) => {
    let zipped = gz.get(body);
    if (!zipped) gz.set(body, (zipped = gzipSync(body, { level: 9 })));
    res.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', 'Cache-Control': 'no-store', 'Content-Length': zipped.length });
    res.end(zipped);
  };
  const files = new Map();
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/feeds/hf.json') return send(res, 'application/json', feed);
    if (path.startsWith('/page/') && PAGES[path.slice(6)]) return send(res, 'text/html; charset=utf-8', PAGES[path.slice(6)]);
    if (path.startsWith(CDN) && /^[\w/.-]+\.js$/.test(path.slice(CDN.length)) && !path.includes('..')) {
      const file = resolve(DIST, path.slice(CDN.length));
      if (existsSync(file)) {
        if (!files.has(file)) files.set(file, readFileSync(file));
        return send(res, 'text/javascript', files.get(file));
      }
    }
    res.writeHead(path === '/favicon.ico' ? 204 : 404);
    res.end();
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

// Runs in the page from navigation start: polls each frame for what the page is waiting for.
function watch(kind) {
  const firstCard = () => {
    if (kind === 'plain') return document.querySelector('#plain li');
    const list = document.querySelector('paperfeed-list');
    const card = list?.shadowRoot?.querySelector('li:not([aria-hidden]) paperfeed-card');
    return card?.shadowRoot?.querySelector('[part="title"]');
  };
  const allDefined = () =>
    ['paperfeed-list', 'paperfeed-card', 'paperfeed-subscribe'].every((tag) => !document.querySelector(tag) || customElements.get(tag)) &&
    [...document.querySelectorAll('paperfeed-subscribe')].every((el) => el.shadowRoot?.querySelector('form'));
  const target = kind === 'subscribe' ? allDefined : kind === 'all' ? () => firstCard() && allDefined() : firstCard;
  window.__done = new Promise((resolveDone) => {
    const tick = () => (target() ? resolveDone(performance.now()) : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  });
}

async function measure(browser, origin, kind) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', CONDITIONS);
  let feedRequests = 0;
  page.on('request', (r) => r.url().endsWith('/feeds/hf.json') && feedRequests++);
  await page.addInitScript(watch, kind);
  await page.goto(`${origin}/page/${kind}`);
  const ms = await page.evaluate(() => window.__done);
  const js = await page.evaluate(
    (until) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => /\.js$/.test(new URL(e.name).pathname) && e.responseEnd <= until)
        .reduce((sum, e) => sum + e.encodedBodySize, 0),
    ms,
  );
  await context.close();
  if (errors.length) throw new Error(`${kind}: ${errors.join('; ')}`);
  return { ms, js, feedRequests };
}

export async function run({ runs = runsArg(5) } = {}) {
  if (!existsSync(resolve(DIST, 'paperfeed.min.js')) || !existsSync(resolve(DIST, 'chunks'))) {
    throw new Error('[paperfeed] bench/first-card.mjs measures the built CDN file: run `npm run build` first.');
  }
  const real = existsSync(REAL);
  const feed = real ? readFileSync(REAL) : Buffer.from((await import('../test/server/feeds.mjs')).hfJson((await import('../test/server/feeds.mjs')).makePapers(50)));
  const server = await startServer(feed);
  const origin = `http://localhost:${server.address().port}`;
  const browser = await launch();
  const kinds = Object.keys(PAGES);
  const samples = Object.fromEntries(kinds.map((k) => [k, []]));
  try {
    await measure(browser, origin, 'paperfeed'); // warm-up (process start-up, not counted)
    for (let i = 0; i < runs; i++) for (const kind of kinds) samples[kind].push(await measure(browser, origin, kind));
  } finally {
    await browser.close();
    server.close();
  }
  const result = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      {
        ms: round(median(samples[kind].map((s) => s.ms)), 0),
        js: median(samples[kind].map((s) => s.js)),
        feedRequests: Math.max(...samples[kind].map((s) => s.feedRequests)),
      },
    ]),
  );
  const ratio = (kind) => round(result[kind].ms / result.plain.ms, 2);
  return {
    runs,
    feed: { bytes: feed.length, gzip: gzipSync(feed, { level: 9 }).length, real },
    result,
    ratios: { paperfeed: ratio('paperfeed'), preload: ratio('preload'), unprimed: ratio('unprimed') },
  };
}

if (isMain(import.meta)) {
  const r = await run();
  console.log(`first card, ${r.runs} runs, feed ${r.feed.bytes} B (${r.feed.gzip} B gzip)${r.feed.real ? ', real HF answer' : ''}`);
  console.table(Object.fromEntries(Object.entries(r.result).map(([k, v]) => [k, { 'ms to first card': v.ms, 'JS gzip B before': v.js, 'feed requests': v.feedRequests, ratio: r.ratios[k] ?? '' }])));
}
