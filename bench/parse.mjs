// Parse benchmark: 1,000-item feeds in each format through the feed engine's parseFeed (detect format,
// parse JSON / DOMParser XML, adapt to Paper[]), in Chromium because XML parsing uses DOMParser.
//
//   node bench/parse.mjs [--runs=15]
//
// Per format: the body is fetched once, then parsed `runs` times after 3 warm-up parses (formats
// interleaved round by round); the median is reported in ms per feed. "load" adds the fetch from a loopback server (loadFeed with reload).
import { feedBody, isMain, launch, makePapers, median, modulePage, newPage, round, runsArg, startServer, waitReady } from './lib.mjs';

const COUNT = 1000;
const FORMATS = [
  ['hf', 'HF daily papers JSON'],
  ['arxiv-rss', 'arXiv RSS'],
  ['arxiv-atom', 'arXiv Atom (API)'],
  ['atom', 'Atom 1.0 (html content)'],
  ['rss', 'RSS 2.0 (CDATA)'],
  ['jsonfeed', 'JSON Feed 1.1'],
];

// Every format is parsed once per round, rounds interleaved, so machine noise falls on all alike.
async function inPage({ srcs, runs }) {
  const bodies = [];
  for (const src of srcs) {
    const response = await fetch(src);
    bodies.push({ src, text: await response.text(), type: response.headers.get('content-type') ?? '' });
  }
  const times = bodies.map(() => []);
  const counts = bodies.map(() => 0);
  for (let round = 0; round < runs + 3; round++) {
    bodies.forEach(({ src, text, type }, i) => {
      const t0 = performance.now();
      const result = window.pf.parseFeed(text, type, { url: src });
      const ms = performance.now() - t0;
      counts[i] = result.papers.length;
      if (round >= 3) times[i].push(ms);
    });
  }
  const loads = bodies.map(() => []);
  for (let round = 0; round < Math.max(3, Math.floor(runs / 3)); round++) {
    for (const [i, { src }] of bodies.entries()) {
      const t0 = performance.now();
      await window.pf.loadFeed(src, { reload: true });
      loads[i].push(performance.now() - t0);
    }
  }
  return bodies.map((body, i) => ({ times: times[i], loads: loads[i], papers: counts[i], bytes: body.text.length }));
}

export async function run({ runs = runsArg(15) } = {}) {
  const papers = makePapers(COUNT, { prefix: 'Parse paper', origin: 'https://example.org' });
  const files = new Map([['/parse.html', { body: modulePage('<h1>Parse benchmark</h1>'), type: 'text/html' }]]);
  for (const [format] of FORMATS) files.set(`/feeds/${format}`, feedBody(format, papers));
  const server = await startServer(files);
  const browser = await launch();
  const rows = [];
  try {
    const { page, close } = await newPage(browser);
    await page.goto(`${server.origin}/parse.html`);
    await waitReady(page);
    const results = await page.evaluate(inPage, { srcs: FORMATS.map(([format]) => `${server.origin}/feeds/${format}`), runs });
    for (const [index, [format, label]] of FORMATS.entries()) {
      const result = results[index];
      if (result.papers !== COUNT) throw new Error(`${format}: parsed ${result.papers} papers, expected ${COUNT}`);
      const sorted = [...result.times].sort((a, b) => a - b);
      rows.push({
        format,
        label,
        kb: round(result.bytes / 1024, 0),
        parse: round(median(result.times), 1),
        min: round(sorted[0], 1),
        max: round(sorted[sorted.length - 1], 1),
        load: round(median(result.loads), 1),
      });
    }
    await close();
  } finally {
    await browser.close();
    await server.close();
  }
  return { runs, rows };
}

if (isMain(import.meta)) {
  const result = await run();
  console.log(`parse: 1,000-item feeds, median of ${result.runs} parses (ms per feed)`);
  console.table(
    Object.fromEntries(
      result.rows.map((r) => [r.label, { 'size (KB)': r.kb, 'parse ms': r.parse, min: r.min, max: r.max, 'fetch+parse ms': r.load }]),
    ),
  );
}
