// Layout shift when a feed arrives below text on a page: the list sits in the viewport under a
// heading and a paragraph, with more text under it; the feed answers after a delay and thumbnails
// arrive later still. Cumulative Layout Shift is summed from PerformanceObserver `layout-shift`
// entries (excluding shifts right after input). Issue 12's targets: arrival CLS <= 0.01, never above
// 0.05, for papers arriving; an empty or failed feed shows a compact box, and the shift that costs is
// measured here and stated in the README.
//
//   node bench/cls.mjs          (all cases)
//   node bench/cls.mjs arXiv    (the cases whose name contains "arXiv")
//
// Cases: the default list (30 cards, skeletons while loading), short lists (`limit` 1-3, so the text
// under them is in the 1280×1600 viewport when the feed arrives) in each layout, papers without
// thumbnails, empty feeds, real-length titles and abstracts (HF with thumbnails, arXiv RSS without,
// JSON Feed without images), and a phone scrolled to the list while it loads. "Arrival" is the first
// render without skeletons (a streamed feed's first page counts). The real HF and arXiv answers in
// ../shared/real-feeds (when present) are cases too, served by this bench's server with their images
// pointed at the local pixel. The table also gives the list's
// height in its last skeleton frame and once loaded, and each shift names what moved and where.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { feedBody, isMain, launch, makePapers, modulePage, newPage, round, startServer, waitReady } from './lib.mjs';

// The real Hugging Face and arXiv answers kept beside the repository (../shared/real-feeds), read at
// run time and never copied in; served by this bench's local server like every other case.
const REAL = new URL('../../shared/real-feeds/', import.meta.url);
const realFeeds = (dir) => (existsSync(new URL(`${dir}/`, REAL)) ? readdirSync(new URL(`${dir}/`, REAL)).filter((name) => /\.(json|xml)$/.test(name)) : []);
/** A real body with every image pointed at the local delayed pixel (no CDN is ever asked). */
const offline = (body, origin) =>
  body
    .replace(/https?:\/\/[^"'<>\s]+?\.(?:png|jpe?g|gif|webp|svg)(?:\?[^"'<>\s]*)?(?=["'<\s])/gi, `${origin}/pixel.png?delay=${IMAGE_DELAY}`)
    .replace(/"\/avatars\/[^"]*"/g, `"${origin}/pixel.png?delay=${IMAGE_DELAY}"`);

const FEED_DELAY = 400;
const IMAGE_DELAY = 300;

const TEXT = `<p>${'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. '.repeat(3)}</p>`;

function page(attrs, css = '') {
  return modulePage(
    `<h1>A blog post</h1>${TEXT}<paperfeed-list ${attrs}></paperfeed-list><h2>After the feed</h2>${TEXT}${TEXT}
    <script>
      // Phase marks: when the element upgraded (first render) and when the feed's papers were shown.
      const list = document.querySelector('paperfeed-list');
      customElements.whenDefined('paperfeed-list').then(() => list.updateComplete).then(() => { window.__upgraded = performance.now(); });
      // Arrival: the first render without skeletons: the first page of a streamed feed (state still
      // "loading") or the state leaving "loading". Mutation callbacks run before that frame paints.
      const arrived = () =>
        (list.getAttribute('state') && list.getAttribute('state') !== 'loading') ||
        [...(list.shadowRoot?.querySelectorAll('paperfeed-card') ?? [])].some((card) => card.paper);
      const mark = () => {
        if (window.__arrived === undefined && arrived()) window.__arrived = performance.now();
      };
      new MutationObserver(mark).observe(list, { attributes: true, attributeFilter: ['state'] });
      customElements.whenDefined('paperfeed-list').then(() => new MutationObserver(mark).observe(list.shadowRoot, { childList: true, subtree: true }));
      // The list's height while it shows skeletons (the last frame before arrival).
      const watch = () => {
        if (window.__arrived !== undefined) return;
        window.__skeletonHeight = list.getBoundingClientRect().height;
        requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    </script>`,
    `${css && `<style>${css}</style>`}<script>
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (!entry.hadRecentInput) {
            window.__shifts.push({ value: entry.value, time: entry.startTime, sources: (entry.sources || []).map((s) => ((s.node && (s.node.localName + (s.node.className ? '.' + s.node.className : ''))) || '?') + ' y ' + Math.round(s.previousRect.y) + '→' + Math.round(s.currentRect.y)) });
          }
        }
      }).observe({ type: 'layout-shift', buffered: true });
    </script>`,
  );
}

async function settle(page) {
  return page.evaluate(async (wait) => {
    const list = document.querySelector('paperfeed-list');
    await new Promise((resolve) => {
      if (list.getAttribute('state') && list.getAttribute('state') !== 'loading') resolve();
      else {
        list.addEventListener('loadend', resolve, { once: true });
      }
    });
    // Thumbnails arrive IMAGE_DELAY ms after they are asked for; wait for them and a few frames.
    await new Promise((r) => setTimeout(r, wait));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const images = [...list.shadowRoot.querySelectorAll('paperfeed-card')].flatMap((c) => [...c.shadowRoot.querySelectorAll('img')]);
    return {
      state: list.getAttribute('state'),
      // Cards showing papers (an empty or failed feed keeps hidden skeletons for their room).
      cards: [...list.shadowRoot.querySelectorAll('paperfeed-card')].filter((card) => card.paper).length,
      imagesLoaded: images.filter((img) => img.complete && img.naturalWidth > 0).length,
      skeletonHeight: window.__skeletonHeight,
      loadedHeight: list.getBoundingClientRect().height,
      shifts: window.__shifts.map((s) => ({ ...s, phase: s.time >= window.__arrived ? 'arrival' : 'upgrade', sinceArrival: s.time - window.__arrived })),
      cls: window.__shifts.reduce((sum, s) => sum + s.value, 0),
      upgradeCls: window.__shifts.filter((s) => s.time < window.__arrived).reduce((sum, s) => sum + s.value, 0),
      arrivalCls: window.__shifts.filter((s) => s.time >= window.__arrived).reduce((sum, s) => sum + s.value, 0),
    };
  }, IMAGE_DELAY + 700);
}

// makePapers gives one-line abstracts and short titles; real ones (HF daily papers, arXiv) have
// abstracts of 150-250 words, clamped to three lines with a "Show more" button, and titles of
// 60-120 characters. The "real text" cases use these.
const TITLES = [
  'Scaling laws for sparse mixture-of-experts language models trained on synthetic reasoning data',
  'Diffusion policies for dexterous manipulation from a handful of human videos',
  'On the convergence of adaptive gradient methods under heavy-tailed noise',
];
const ABSTRACT =
  'We study how large language models read and summarize research feeds. '.repeat(3) +
  'Across six benchmarks and three model families the method is never worse than the best tuned baseline, and it needs no tuning at all. '.repeat(4) +
  'We explain why with a simple bound and release code and data.';
const realText = (papers) => papers.map((p, i) => ({ ...p, title: TITLES[i % TITLES.length], summary: ABSTRACT }));

// arXiv feeds are requested from arXiv's own host (answered by the page's route, never the network):
// a list may judge from the host that no thumbnails will come.
const ARXIV = 'https://rss.arxiv.org';
const ARXIV_API = 'https://export.arxiv.org';
const PHONE = { width: 390, height: 844, scroll: true };
/** The CSS the README gives page authors for the moment before the element is defined. */
const README_RULE = (minHeight) => `paperfeed-list:not(:defined) { display: block; min-height: ${minHeight}; }`;

export async function run() {
  const withThumbs = (origin) => makePapers(30, { prefix: 'CLS paper' }).map((p, i) => ({ ...p, thumbnail: `${origin}/pixel.png?delay=${IMAGE_DELAY}&i=${i}` }));
  const files = new Map();
  const server = await startServer(files);
  // The feed itself answers late: served from a route with a delay.
  const delayed = new Map();
  const cases = [
    ['default list (30 cards, thumbnails)', 'hf-thumbs', 'src="/feeds/hf-thumbs"'],
    ['limit=3 (text below in view)', 'hf-thumbs', 'limit="3" src="/feeds/hf-thumbs"'],
    ['limit=1, thumbnails', 'hf-thumbs', 'limit="1" src="/feeds/hf-thumbs"'],
    ['limit=1, papers without thumbnails', 'hf-plain', 'limit="1" src="/feeds/hf-plain"'],
    ['compact layout, limit=3', 'hf-thumbs', 'layout="compact" limit="3" src="/feeds/hf-thumbs"'],
    ['grid layout, limit=3', 'hf-thumbs', 'layout="grid" limit="3" src="/feeds/hf-thumbs"'],
    ['empty feed', 'hf-empty', 'src="/feeds/hf-empty"'],
    ['empty feed, limit=1', 'hf-empty', 'limit="1" src="/feeds/hf-empty"'],
    ['feed error (HTTP 500), limit=3', 'hf-500', 'limit="3" src="/feeds/hf-500"'],
    // Real text, and feeds that never carry thumbnails (arXiv RSS, most JSON Feeds and RSS).
    ['real text, limit=3, thumbnails', 'hf-real', 'limit="3" src="/feeds/hf-real"'],
    ['arXiv RSS, real text, limit=3', 'arxiv-real', `limit="3" src="${ARXIV}/feeds/arxiv-real"`],
    ['arXiv RSS, real text, limit=1', 'arxiv-real', `limit="1" src="${ARXIV}/feeds/arxiv-real"`],
    ['JSON Feed without images, default limit', 'jsonfeed-plain', 'src="/feeds/jsonfeed-plain"'],
    ['grid, arXiv RSS, real text, limit=3', 'arxiv-real', `layout="grid" limit="3" src="${ARXIV}/feeds/arxiv-real"`],
    ['compact, arXiv RSS, real text, limit=3', 'arxiv-real', `layout="compact" limit="3" src="${ARXIV}/feeds/arxiv-real"`],
    // A phone, scrolled to the list while it loads: cards are narrow, so a thumbnail sits above the text.
    ['phone, real text, limit=1, thumbnails', 'hf-real', 'limit="1" src="/feeds/hf-real"', PHONE],
    ['phone, arXiv RSS, real text, limit=1', 'arxiv-real', `limit="1" src="${ARXIV}/feeds/arxiv-real"`, PHONE],
    // The page follows the README ("Reserving space"): room for the list before its script has run.
    ['README rule, limit=3, thumbnails', 'hf-thumbs', 'limit="3" src="/feeds/hf-thumbs"', undefined, README_RULE('68rem')],
    ['README rule, limit=1, thumbnails', 'hf-thumbs', 'limit="1" src="/feeds/hf-thumbs"', undefined, README_RULE('27.5rem')],
  ];
  // Failure cases: the box is the size of its message now (issue 12), so a failure below text in
  // view moves that text up once; measured here, reported in the README.
  cases.push(
    ['feed error (HTTP 500), default limit', 'hf-500', 'src="/feeds/hf-500"'],
    ['phone, feed error (HTTP 500), default limit', 'hf-500', 'src="/feeds/hf-500"', PHONE],
  );
  for (const name of realFeeds('hf')) {
    const path = `/feeds/real-hf-${name.replace(/\W+/g, '-')}`;
    delayed.set(path, { body: offline(readFileSync(new URL(`hf/${name}`, REAL), 'utf8'), server.origin), type: 'application/json' });
    cases.push(
      [`real HF ${name}, default limit`, path, `src="${path}"`],
      [`real HF ${name}, limit=3`, path, `limit="3" src="${path}"`],
      [`real HF ${name}, grid, limit=3`, path, `layout="grid" limit="3" src="${path}"`],
      [`phone, real HF ${name}, default limit`, path, `src="${path}"`, PHONE],
    );
  }
  for (const name of realFeeds('arxiv')) {
    const path = `/feeds/real-arxiv-${name.replace(/\W+/g, '-')}`;
    delayed.set(path, { body: readFileSync(new URL(`arxiv/${name}`, REAL), 'utf8'), type: 'application/xml' });
    cases.push(
      [`real arXiv ${name}, default limit`, path, `src="${ARXIV_API}${path}"`],
      [`real arXiv ${name}, limit=3`, path, `limit="3" src="${ARXIV_API}${path}"`],
      [`phone, real arXiv ${name}, default limit`, path, `src="${ARXIV_API}${path}"`, PHONE],
    );
  }
  delayed.set('/feeds/hf-thumbs', feedBody('hf', withThumbs(server.origin)));
  delayed.set('/feeds/hf-plain', feedBody('hf', makePapers(30, { prefix: 'CLS paper' })));
  delayed.set('/feeds/hf-empty', { body: '[]', type: 'application/json' });
  delayed.set('/feeds/hf-500', { status: 500, body: 'Internal Server Error', type: 'text/plain' });
  delayed.set('/feeds/hf-real', feedBody('hf', realText(withThumbs(server.origin))));
  delayed.set('/feeds/arxiv-real', feedBody('arxiv-rss', realText(makePapers(30, { prefix: 'CLS paper' }))));
  delayed.set('/feeds/jsonfeed-plain', feedBody('jsonfeed', makePapers(30, { prefix: 'CLS paper' })));
  for (const [path, body] of delayed) files.set(path, body);
  const browser = await launch();
  const rows = [];
  try {
    // `node bench/cls.mjs grid` runs only the cases whose name contains "grid".
    const only = isMain(import.meta) ? process.argv[2] : undefined;
    for (const [name, , attrs, viewport, css] of cases.filter(([name]) => !only || name.includes(only))) {
      const path = `/cls-${rows.length}.html`;
      files.set(path, { body: page(attrs, css), type: 'text/html' });
      // A tall window, so the text under a short list is on screen when the feed arrives.
      const { page: p, close } = await newPage(browser, viewport ?? { width: 1280, height: 1600 });
      // Delay the feed response in the browser's network layer: the page paints its skeletons first.
      // The body comes from the bench's local server (an arXiv-host src is answered from there too).
      await p.route('**/feeds/*', async (route) => {
        const path = new URL(route.request().url()).pathname;
        const body = delayed.get(path);
        await new Promise((r) => setTimeout(r, FEED_DELAY));
        const served = await route.fetch({ url: `${server.origin}${path}` });
        await route.fulfill({ status: body.status ?? served.status(), contentType: body.type, body: await served.body(), headers: { 'access-control-allow-origin': '*' } });
      });
      await p.goto(`${server.origin}${path}`);
      await waitReady(p);
      if (viewport?.scroll) await p.evaluate(() => document.querySelector('paperfeed-list').scrollIntoView());
      const result = await settle(p);
      rows.push({
        name,
        ...result,
        cls: round(result.cls, 4),
        upgradeCls: round(result.upgradeCls, 4),
        arrivalCls: round(result.arrivalCls, 4),
        skeletonHeight: round(result.skeletonHeight ?? NaN),
        loadedHeight: round(result.loadedHeight),
      });
      await close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const loaded = rows.filter((r) => r.state === 'loaded');
  return {
    rows,
    worst: Math.max(...rows.map((r) => r.cls)),
    worstArrival: Math.max(...loaded.map((r) => r.arrivalCls)),
  };
}

if (isMain(import.meta)) {
  const result = await run();
  console.log(`CLS: feed arriving ${FEED_DELAY} ms late below text, thumbnails ${IMAGE_DELAY} ms later (target: arrival <= 0.01 when papers arrive)`);
  console.table(
    Object.fromEntries(
      result.rows.map((r) => [r.name, { state: r.state, cards: r.cards, images: r.imagesLoaded, 'list px: skeletons': r.skeletonHeight, 'loaded': r.loadedHeight, 'CLS total': r.cls, 'at upgrade': r.upgradeCls, 'when the feed arrives': r.arrivalCls }]),
    ),
  );
  for (const r of result.rows) {
    for (const shift of r.shifts) console.log(`  ${r.name}: ${shift.phase} shift ${round(shift.value, 4)} at ${round(shift.time)} ms (${shift.sinceArrival >= 0 ? '+' : ''}${round(shift.sinceArrival)} ms from arrival), moved: ${shift.sources.join(', ')}`);
  }
}
