// Parse time of the same 1,000-item RSS 2.0, Atom 1.0 and JSON Feed in one Chromium page: paperfeed's
// feed engine (`parseFeed` from paperfeed/feed) against the parsers a developer would pick instead:
// feedsmith, @rowanmanning/feed-parser and @extractus/feed-extractor (dev dependencies of this bench
// only). Each is bundled for the browser with esbuild (minified, ESM), and its gzip bytes are shown
// beside its times. Every parser's result is read the same way (title, link, date, authors, summary
// of every item), because @rowanmanning/feed-parser computes fields lazily on access and the others
// eagerly: timing only the call would not compare the same work. Formats and parsers are interleaved
// round by round after 3 warm-up rounds; the median of `runs` is reported, in ms per feed.
//
//   node bench/peers.mjs [--runs=9]
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { feedBody, isMain, launch, makePapers, median, newPage, round, runsArg } from './lib.mjs';
import { createServer } from 'node:http';

const ROOT = resolve(import.meta.dirname, '..');
const COUNT = 1000;
const FORMATS = [
  ['rss', 'RSS 2.0'],
  ['atom', 'Atom 1.0'],
  ['jsonfeed', 'JSON Feed 1.1'],
];

// Each entry sets window.parsers[name] = (text, format) => number of items read (every field touched).
const PARSERS = {
  paperfeed: `import { parseFeed } from './src/feed/index.ts';
    export default (text, format) => parseFeed(text, format === 'jsonfeed' ? 'application/feed+json' : 'application/xml', { url: 'https://example.org/' })
      .papers.reduce((n, p) => n + (p.title && p.url && p.publishedAt !== 1 && p.authors && p.summary !== 1 ? 1 : 0), 0);`,
  feedsmith: `import { parseFeed } from 'feedsmith';
    export default (text) => { const { format, feed } = parseFeed(text);
      const items = format === 'atom' ? feed.entries : feed.items;
      return items.reduce((n, i) => n + ((i.title ?? '') !== 1 && (i.link ?? i.links ?? i.url) !== 1 && (i.pubDate ?? i.published ?? i.updated ?? i.date_published) !== 1 && (i.authors ?? i.author) !== 1 && (i.description ?? i.summary ?? i.content_text ?? i.content_html) !== 1 ? 1 : 0), 0); };`,
  '@rowanmanning/feed-parser': `import { parseFeed } from '@rowanmanning/feed-parser';
    export default (text, format) => { if (format === 'jsonfeed') return -1;
      return parseFeed(text).items.reduce((n, i) => n + (i.title !== 1 && i.url !== 1 && i.published !== 1 && i.authors !== 1 && i.description !== 1 ? 1 : 0), 0); };`,
  '@extractus/feed-extractor': `import { extractFromXml, extractFromJson } from '@extractus/feed-extractor';
    export default (text, format) => { const feed = format === 'jsonfeed' ? extractFromJson(text) : extractFromXml(text);
      return feed.entries.reduce((n, i) => n + (i.title !== 1 && i.link !== 1 && i.published !== 1 && i.description !== 1 ? 1 : 0), 0); };`,
};

async function bundle(name, source) {
  const esbuild = await import('esbuild');
  const out = await esbuild.build({
    stdin: { contents: `${source}\n`, resolveDir: ROOT, loader: 'ts', sourcefile: `${name}.ts` },
    absWorkingDir: ROOT,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
    tsconfig: resolve(ROOT, 'tsconfig.json'),
    // feed-extractor's fetching half needs a fetch polyfill in Node only; the browser has fetch.
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const code = out.outputFiles[0].text;
  return { code, gzip: gzipSync(code, { level: 9 }).length };
}

async function inPage({ names, formats, runs }) {
  const parsers = {};
  for (const name of names) parsers[name] = (await import(`/parser/${encodeURIComponent(name)}.js`)).default;
  const bodies = [];
  for (const format of formats) bodies.push({ format, text: await (await fetch(`/feeds/${format}`)).text() });
  const times = {};
  const counts = {};
  for (let round = 0; round < runs + 3; round++) {
    for (const { format, text } of bodies) {
      for (const name of names) {
        const key = `${name}|${format}`;
        const t0 = performance.now();
        let count;
        try {
          count = parsers[name](text, format);
        } catch (error) {
          count = `error: ${error.message}`;
        }
        const ms = performance.now() - t0;
        counts[key] = count;
        if (round >= 3) (times[key] ??= []).push(ms);
      }
    }
  }
  return { times, counts };
}

export async function run({ runs = runsArg(9) } = {}) {
  const bundles = {};
  for (const [name, source] of Object.entries(PARSERS)) bundles[name] = await bundle(name, source);
  const papers = makePapers(COUNT, { prefix: 'Peer paper', origin: 'https://example.org' });
  const feeds = Object.fromEntries(FORMATS.map(([format]) => [format, feedBody(format, papers)]));
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end('<!doctype html><title>peers</title><h1>Parse</h1>');
    }
    if (path.startsWith('/parser/')) {
      const name = path.slice(8, -3);
      if (bundles[name]) {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        return res.end(bundles[name].code);
      }
    }
    if (path.startsWith('/feeds/') && feeds[path.slice(7)]) {
      res.writeHead(200, { 'content-type': feeds[path.slice(7)].type });
      return res.end(feeds[path.slice(7)].body);
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const browser = await launch();
  try {
    const { page, close } = await newPage(browser);
    await page.goto(`http://localhost:${server.address().port}/`);
    const names = Object.keys(PARSERS);
    const { times, counts } = await page.evaluate(inPage, { names, formats: FORMATS.map(([f]) => f), runs });
    await close();
    const rows = FORMATS.map(([format, label]) => ({
      format,
      label,
      kb: round(feeds[format].body.length / 1024, 0),
      parsers: names.map((name) => {
        const key = `${name}|${format}`;
        const count = counts[key];
        return {
          name,
          gzip: bundles[name].gzip,
          ms: count === COUNT ? round(median(times[key]), 1) : undefined,
          note: count === COUNT ? '' : count === -1 ? 'format not supported' : `read ${count} items`,
        };
      }),
    }));
    return { runs, rows };
  } finally {
    await browser.close();
    server.close();
  }
}

if (isMain(import.meta)) {
  const r = await run();
  console.log(`parse 1,000 items, median of ${r.runs} (ms per feed); gzip bytes of each parser's browser bundle`);
  for (const row of r.rows) {
    console.log(`${row.label} (${row.kb} KB): ${row.parsers.map((p) => `${p.name} ${p.ms ?? p.note} ms (${p.gzip} B)`).join(' | ')}`);
  }
}
