// Big feeds: time to the first complete frame of <paperfeed-list> for 100, 1,000 and 10,000 papers
// in one HF JSON feed, with the list's default `limit` (30 cards, "Load more" for the rest). The
// requirement: first paint must not grow with feed size. Two frames are timed from the moment the
// list is added to the page:
// - first cards: the frame after the first paper cards (not skeletons) are in the list's shadow
//   root, which a feed streaming in may reach before the whole body has arrived;
// - whole feed: the frame after the `load` event (every paper read, the list no longer busy).
// Reported next to them:
// - fetch+parse: loadFeed alone (the part that must grow: the whole body is read and parsed);
// - longest task and total blocking time (sum of long-task time over 50 ms) while loading, i.e.
//   how long the page could not answer input;
// - with --all-at-once: the same with `limit` = feed size (every card rendered at once).
// The 10,000-paper body (~11 MB) is over the list's default byte cap (5 MB, issue 18), so every
// list and loadFeed here is given `max-bytes` = 64 MB and reads it whole. The item cap still keeps
// 5,000 papers of it (`MAX_ITEMS`): the 10,000 row reads and parses the whole 10,000-item body but
// holds and searches 5,000 papers; `kept` reports how many.
//
//   node bench/big-feed.mjs [--runs=5] [--all-at-once]
import { feedBody, isMain, launch, makePapers, median, modulePage, newPage, round, runsArg, startServer, waitReady } from './lib.mjs';

const SIZES = [100, 1000, 10000];

const MAX_BYTES = 64 * 2 ** 20;

async function inPage({ src, limit, maxBytes }) {
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const longTasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const host = document.getElementById('host');
  const t0 = performance.now();
  const list = document.createElement('paperfeed-list');
  if (limit) list.limit = limit;
  list.maxBytes = maxBytes;
  let kept = 0;
  const loaded = new Promise((resolve, reject) => {
    list.addEventListener('load', (e) => resolve((kept = e.detail.papers.length)), { once: true });
    list.addEventListener('error', (e) => reject(new Error(e.detail.error.message)), { once: true });
  });
  list.src = src;
  host.append(list);
  // The first real cards: a <li> without aria-hidden (skeleton cards have it). The shadow root exists
  // once the element is connected; a MutationObserver sees the cards in the microtask after Lit
  // renders them, then the same two frames as for `load` make sure they were painted.
  const real = () => list.shadowRoot.querySelector('li:not([aria-hidden]) paperfeed-card');
  const firstCards = new Promise((resolve) => {
    if (real()) return resolve();
    const observer = new MutationObserver(() => {
      if (!real()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(list.shadowRoot, { childList: true, subtree: true });
  })
    .then(frame)
    .then(() => performance.now() - t0);
  await loaded;
  await frame();
  const ms = performance.now() - t0;
  const firstMs = await firstCards;
  // Long-task entries are delivered asynchronously: give the observer one more task.
  await new Promise((r) => setTimeout(r, 50));
  observer.disconnect();
  const cards = list.shadowRoot.querySelectorAll('paperfeed-card').length;
  return {
    ms,
    firstMs,
    cards,
    kept,
    longest: longTasks.length ? Math.max(...longTasks) : 0,
    blocking: longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
  };
}

async function loadOnly({ src, maxBytes }) {
  const t0 = performance.now();
  const { papers, total } = await window.pf.loadFeed(src, { maxBytes });
  return { ms: performance.now() - t0, papers: papers.length, total: total ?? papers.length };
}

export async function run({ runs = runsArg(5), allAtOnce = process.argv.includes('--all-at-once'), sizes = SIZES } = {}) {
  const files = new Map([['/big.html', { body: modulePage('<h1>Big feed</h1><p>Text above the feed.</p><div id="host"></div>'), type: 'text/html' }]]);
  for (const size of sizes) files.set(`/feeds/hf-${size}.json`, feedBody('hf', makePapers(size, { prefix: 'Big paper' })));
  const server = await startServer(files);
  const browser = await launch();
  const rows = [];
  try {
    const fresh = async (fn, args) => {
      const { page, close } = await newPage(browser);
      try {
        await page.goto(`${server.origin}/big.html`);
        await waitReady(page);
        return await page.evaluate(fn, args);
      } finally {
        await close();
      }
    };
    for (const size of sizes) {
      const src = `${server.origin}/feeds/hf-${size}.json`;
      const paged = [];
      const loads = [];
      for (let i = 0; i < runs; i++) {
        paged.push(await fresh(inPage, { src, maxBytes: MAX_BYTES }));
        loads.push(await fresh(loadOnly, { src, maxBytes: MAX_BYTES }));
      }
      const row = {
        size,
        kb: round(Buffer.byteLength(files.get(`/feeds/hf-${size}.json`).body) / 1024, 0),
        cards: paged[0].cards,
        kept: paged[0].kept,
        firstCards: round(median(paged.map((r) => r.firstMs))),
        firstFrame: round(median(paged.map((r) => r.ms))),
        fetchParse: round(median(loads.map((r) => r.ms))),
        longest: round(median(paged.map((r) => r.longest))),
        blocking: round(median(paged.map((r) => r.blocking))),
      };
      if (allAtOnce) {
        const all = await fresh(inPage, { src, limit: size, maxBytes: MAX_BYTES });
        row.allAtOnce = { ms: round(all.ms), cards: all.cards, longest: round(all.longest), blocking: round(all.blocking) };
      }
      rows.push(row);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const [small, big] = [rows[0], rows.at(-1)];
  return {
    runs,
    rows,
    cardsGrowth: round(big.firstCards / small.firstCards, 2),
    growth: round(big.firstFrame / small.firstFrame, 2), renderGrowth: round((big.firstFrame - big.fetchParse) / Math.max(1, small.firstFrame - small.fetchParse), 2) };
}

if (isMain(import.meta)) {
  const result = await run();
  console.log(`big feeds: <paperfeed-list> default limit (30 cards), median of ${result.runs} fresh page loads`);
  console.table(
    Object.fromEntries(
      result.rows.map((r) => [
        `${r.size.toLocaleString('en')} papers (${r.kb} KB)`,
        {
          cards: r.cards,
          kept: r.kept,
          'first cards ms': r.firstCards,
          'whole feed ms': r.firstFrame,
          'fetch+parse ms': r.fetchParse,
          'longest task ms': r.longest,
          'blocking ms': r.blocking,
          ...(r.allAtOnce ? { 'all at once ms': r.allAtOnce.ms, 'all: longest task': r.allAtOnce.longest } : {}),
        },
      ]),
    ),
  );
  console.log(`first cards 10,000 vs 100: ${result.cardsGrowth}×; whole feed: ${result.growth}×; whole feed without fetch+parse: ${result.renderGrowth}×`);
}
