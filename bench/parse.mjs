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

// ── The real-feeds corpus (../shared/real-feeds, 232 files) ──────────────────────────────────────────
// Each file as its origin serves it (bytes, Content-Type; test/feed/corpus.ts's corpusRequest), read
// `rounds` times: in Node through paperfeed/feed's server parser (decode + parseFeed), and in Chromium
// through loadFeed from a loopback server (fetch + decode + parse). Reported: files per second over the
// whole corpus (median round) and the slowest file (median of its rounds).
async function corpusInPage({ srcs, rounds }) {
  const times = srcs.map(() => []);
  for (let round = 0; round < rounds + 1; round++) {
    for (const [i, src] of srcs.entries()) {
      const t0 = performance.now();
      await window.pf.loadFeed(src, { reload: true }).catch(() => undefined);
      if (round > 0) times[i].push(performance.now() - t0);
    }
  }
  return times;
}

function corpusRow(label, paths, times) {
  const perFile = times.map((list) => median(list));
  const totals = times[0].map((_, round) => times.reduce((sum, list) => sum + list[round], 0));
  const slowest = perFile.indexOf(Math.max(...perFile));
  return {
    label,
    files: paths.length,
    filesPerSecond: round(paths.length / (median(totals) / 1000), 0),
    totalMs: round(median(totals), 0),
    slowest: paths[slowest],
    slowestMs: round(perFile[slowest], 1),
  };
}

export async function runCorpus({ rounds = 3 } = {}) {
  const { corpusFiles, readCorpus, loadEntry } = await import('../test/node/harness.mjs');
  const paths = corpusFiles();
  if (!paths) return undefined;
  const { corpusRequest, parseFeed, decodeBody } = await loadEntry();
  const requests = paths.map((path) => corpusRequest(path, readCorpus(path)));
  const rows = [];

  const warn = console.warn;
  console.warn = () => {};
  try {
    const nodeTimes = paths.map(() => []);
    for (let r = 0; r < rounds + 1; r++) {
      requests.forEach((req, i) => {
        const t0 = performance.now();
        try {
          parseFeed(decodeBody(req.body, req.contentType), req.contentType, { url: req.url });
        } catch {
          // a refused file costs its time like any other
        }
        if (r > 0) nodeTimes[i].push(performance.now() - t0);
      });
    }
    rows.push(corpusRow('Node 20, server parser (decode + parseFeed)', paths, nodeTimes));
  } finally {
    console.warn = warn;
  }

  const files = new Map([['/corpus.html', { body: modulePage('<h1>Corpus benchmark</h1>'), type: 'text/html' }]]);
  requests.forEach((req, i) => files.set(`/corpus/${i}`, { body: Buffer.from(req.body), type: req.contentType }));
  const server = await startServer(files);
  const browser = await launch();
  try {
    const { page, close } = await newPage(browser);
    await page.goto(`${server.origin}/corpus.html`);
    await waitReady(page);
    await page.evaluate(() => (console.warn = () => {}));
    const times = await page.evaluate(corpusInPage, { srcs: paths.map((_, i) => `${server.origin}/corpus/${i}`), rounds });
    rows.push(corpusRow('Chromium, DOMParser (loadFeed: fetch + decode + parse)', paths, times));
    await close();
  } finally {
    await browser.close();
    await server.close();
  }
  return { rounds, rows };
}

if (isMain(import.meta)) {
  const corpus = await runCorpus();
  if (!corpus) console.log('corpus: ../shared/real-feeds is missing, the corpus run did not happen');
  else {
    console.log(`corpus: every file of ../shared/real-feeds, ${corpus.rounds} rounds after 1 warm-up`);
    console.table(
      Object.fromEntries(
        corpus.rows.map((r) => [r.label, { files: r.files, 'files/s': r.filesPerSecond, 'round ms': r.totalMs, 'slowest file': r.slowest, 'slowest ms': r.slowestMs }]),
      ),
    );
  }
}
