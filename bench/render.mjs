// Render benchmark: 1,000 papers from one HF JSON feed to the first complete frame, <paperfeed-list>
// against a hand-written plain-DOM renderer of the same fields in the same page. Target: ≤ 1.5×.
//
//   node bench/render.mjs [--runs=7]
//
// Two measurements, each the median of `runs` fresh page loads (no warm caches, no JIT carry-over):
// - end to end: from setting `src` (element) / calling loadFeed (plain) to the frame after the papers
//   are in the DOM (double requestAnimationFrame), fetch and parse included for both;
// - render only: the same 1,000 Paper objects handed over (`.papers` vs plainRender), to the next frame.
// The list gets `limit=1000` so it really renders all 1,000 cards (its default shows 30 + "Load more").
import { feedBody, isMain, launch, makePapers, median, modulePage, newPage, round, runsArg, startServer, waitReady } from './lib.mjs';
import { plainRendererCss, plainRendererScript } from './plain-renderer.mjs';

const COUNT = 1000;

function page() {
  return modulePage(
    '<h1>Render benchmark</h1><div id="host"></div>',
    `<style>${plainRendererCss}</style><script>${plainRendererScript}</script>`,
  );
}

// In-page helpers, passed as functions to page.evaluate.
const inPage = {
  async elementFromSrc({ src, limit }) {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const host = document.getElementById('host');
    const t0 = performance.now();
    const list = document.createElement('paperfeed-list');
    list.limit = limit;
    const loaded = new Promise((resolve, reject) => {
      list.addEventListener('load', resolve, { once: true });
      list.addEventListener('error', (e) => reject(new Error(e.detail.error.message)), { once: true });
    });
    list.src = src;
    host.append(list);
    await loaded;
    await frame();
    const ms = performance.now() - t0;
    const cards = list.shadowRoot.querySelectorAll('paperfeed-card').length;
    const rendered = [...list.shadowRoot.querySelectorAll('paperfeed-card')].filter((c) => c.shadowRoot?.querySelector('[part="title"]')).length;
    return { ms, cards, rendered };
  },
  async plainFromSrc({ src }) {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const host = document.getElementById('host');
    const t0 = performance.now();
    const { papers } = await window.pf.loadFeed(src);
    window.plainRender(papers, host, window.pf.safeUrl);
    await frame();
    return { ms: performance.now() - t0, cards: host.querySelectorAll('article').length };
  },
  async elementRenderOnly({ src, limit, contentVisibility }) {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const { papers } = await window.pf.loadFeed(src);
    await frame();
    const host = document.getElementById('host');
    const t0 = performance.now();
    const list = document.createElement('paperfeed-list');
    list.limit = limit;
    list.papers = papers;
    host.append(list);
    if (contentVisibility) {
      // The proposed fix, tried from outside: skip layout and paint of off-screen cards.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('li { content-visibility: auto; contain-intrinsic-size: auto 330px; }');
      list.shadowRoot.adoptedStyleSheets = [...list.shadowRoot.adoptedStyleSheets, sheet];
    }
    await list.updateComplete;
    await frame();
    return { ms: performance.now() - t0, cards: list.shadowRoot.querySelectorAll('paperfeed-card').length };
  },
  async plainRenderOnly({ src }) {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const { papers } = await window.pf.loadFeed(src);
    await frame();
    const host = document.getElementById('host');
    const t0 = performance.now();
    window.plainRender(papers, host, window.pf.safeUrl);
    await frame();
    return { ms: performance.now() - t0, cards: host.querySelectorAll('article').length };
  },
};

async function once(browser, origin, fn, args) {
  const { page: p, close } = await newPage(browser);
  try {
    await p.goto(`${origin}/render.html`);
    await waitReady(p);
    return await p.evaluate(fn, args);
  } finally {
    await close();
  }
}

/** Runs every case once per round, interleaved, so machine noise falls on all sides alike. */
async function measure(browser, origin, cases, runs) {
  const results = Object.fromEntries(Object.keys(cases).map((name) => [name, { times: [], last: undefined }]));
  for (let i = 0; i < runs; i++) {
    for (const [name, [fn, args]] of Object.entries(cases)) {
      const result = await once(browser, origin, fn, args);
      results[name].times.push(result.ms);
      results[name].last = result;
    }
  }
  return Object.fromEntries(
    Object.entries(results).map(([name, { times, last }]) => [
      name,
      { median: median(times), runs: times.map((t) => round(t)), cards: last.cards, rendered: last.rendered },
    ]),
  );
}

export async function run({ runs = runsArg(7) } = {}) {
  const papers = makePapers(COUNT, { prefix: 'Bench paper' });
  const files = new Map([
    ['/render.html', { body: page(), type: 'text/html' }],
    ['/feeds/hf-1000.json', feedBody('hf', papers)],
  ]);
  const server = await startServer(files);
  const browser = await launch();
  try {
    const src = `${server.origin}/feeds/hf-1000.json`;
    const args = { src, limit: COUNT };
    const { element, plain, elementOnly, plainOnly, defaultLimit, proposed } = await measure(
      browser,
      server.origin,
      {
        element: [inPage.elementFromSrc, args],
        plain: [inPage.plainFromSrc, args],
        elementOnly: [inPage.elementRenderOnly, args],
        plainOnly: [inPage.plainRenderOnly, args],
        defaultLimit: [inPage.elementFromSrc, { src, limit: 30 }],
        proposed: [inPage.elementRenderOnly, { ...args, contentVisibility: true }],
      },
      runs,
    );
    if (element.cards !== COUNT || plain.cards !== COUNT || elementOnly.cards !== COUNT || plainOnly.cards !== COUNT) {
      throw new Error(`expected ${COUNT} cards on every side, got ${element.cards}/${plain.cards}/${elementOnly.cards}/${plainOnly.cards}`);
    }
    if (element.rendered !== COUNT) throw new Error(`only ${element.rendered} of ${COUNT} cards had rendered their title by the frame`);
    return {
      runs,
      endToEnd: { element: round(element.median), plain: round(plain.median), ratio: round(element.median / plain.median, 2), elementRuns: element.runs, plainRuns: plain.runs },
      renderOnly: { element: round(elementOnly.median), plain: round(plainOnly.median), ratio: round(elementOnly.median / plainOnly.median, 2), elementRuns: elementOnly.runs, plainRuns: plainOnly.runs },
      defaultLimit: { element: round(defaultLimit.median), cards: defaultLimit.cards },
      proposed: { element: round(proposed.median), ratio: round(proposed.median / plainOnly.median, 2) },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (isMain(import.meta)) {
  const result = await run();
  console.log(`render: 1,000 papers (HF JSON), median of ${result.runs} fresh page loads`);
  console.table({
    'end to end (src → frame)': { element: result.endToEnd.element, plain: result.endToEnd.plain, ratio: result.endToEnd.ratio },
    'render only (.papers → frame)': { element: result.renderOnly.element, plain: result.renderOnly.plain, ratio: result.renderOnly.ratio },
  });
  console.log(`default limit (30 cards shown of 1,000): ${result.defaultLimit.element} ms to first complete frame`);
  console.log(`render only with li { content-visibility: auto } (proposed fix): ${result.proposed.element} ms = ${result.proposed.ratio}× plain`);
  console.log(`target ≤ 1.5×: end to end ${result.endToEnd.ratio <= 1.5 ? 'met' : 'MISSED'}, render only ${result.renderOnly.ratio <= 1.5 ? 'met' : 'MISSED'}`);
}
