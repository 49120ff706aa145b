// `npm run bench`: the issue-15 measures side by side in one run, printed as one table with the
// run's date and the machine; with --write, the table also goes to bench/RESULTS.md and the README.
//
//   node bench/run.mjs [--write] [--all]
//
// Measured: time to first card on an emulated slow connection vs a plain-DOM page and the JS bytes
// before it (first-card.mjs, the BUILT CDN file: run `npm run build` first), the 10,000-paper feed's
// first cards vs the 100-paper feed's (big-feed.mjs), parse time against three peer parsers with
// their bytes (peers.mjs), and the gzip size of the CDN entry and each chunk. `--all` adds the older
// render, parse and layout-shift benchmarks (each also runs alone: node bench/render.mjs, …).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { machine } from './lib.mjs';
import { run as firstCard, CONDITIONS } from './first-card.mjs';
import { run as bigFeed } from './big-feed.mjs';
import { run as peers } from './peers.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const started = new Date();
const when = `${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const host = machine();
const TODAY_ALL = 31_750; // dist/paperfeed.min.js as one file before the split (size-limit, 2026-12-03)

/** gzip -9 bytes of the CDN entry and each chunk, named by what it defines. */
function chunkSizes() {
  const dir = resolve(ROOT, 'dist/chunks');
  const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
  const sizes = { entry: gz(resolve(ROOT, 'dist/paperfeed.min.js')) };
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const code = readFileSync(resolve(dir, file), 'utf8');
    const name = file.startsWith('shared-')
      ? 'shared (Lit, base element)'
      : code.includes('paperfeed-list')
        ? 'list (+ feed engine, @lit/task)'
        : code.includes('paperfeed-subscribe')
          ? 'subscribe'
          : code.includes('paperfeed-card')
            ? 'card'
            : file;
    sizes[name] = (sizes[name] ?? 0) + gz(resolve(dir, file));
  }
  return sizes;
}

if (!existsSync(resolve(ROOT, 'dist/chunks'))) {
  console.error('[paperfeed] run `npm run build` first: the benchmark measures the built CDN file.');
  process.exit(1);
}
const sizes = chunkSizes();
console.log('▶ first card on a slow connection (CDN file vs plain DOM)');
const f = await firstCard({ runs: 4 });
console.log('▶ big feeds (100 vs 10,000 papers)');
const b = await bigFeed({ runs: 3, sizes: [100, 10000] });
console.log('▶ parse vs peers (1,000 items)');
const p = await peers({ runs: 5 });

const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const ok = (pass) => (pass ? '✔ met' : '✘ not met');
const total = Object.values(sizes).reduce((a, n) => a + n, 0);
const lines = [
  `Run ${when} on ${host}.`,
  '',
  '| Measure | Result | Goal |',
  '|---|---|---|',
  `| Time to first card, blog page with one HF list (${(f.feed.bytes / 1000).toFixed(0)} kB feed, ${kB(f.feed.gzip)} gzip), ${CONDITIONS.latency} ms latency, 1.6 Mbps down, 750 kbps up | paperfeed ${f.result.paperfeed.ms} ms vs plain DOM ${f.result.plain.ms} ms = **${f.ratios.paperfeed}×** | ≤ 1.1× ${ok(f.ratios.paperfeed <= 1.1)} |`,
  `| … same, the author also writes \`<link rel="preload" as="fetch" crossorigin>\` | ${f.result.preload.ms} ms = ${f.ratios.preload}× | primer vs preload: ${f.result.paperfeed.ms <= f.result.preload.ms ? 'primer alone' : 'preload'} wins |`,
  `| … same, list added by a script (no priming: code, then feed) | ${f.result.unprimed.ms} ms = ${f.ratios.unprimed}× | |`,
  `| Feed requests per page (primer/preload reused by the fetcher) | ${f.result.paperfeed.feedRequests} / ${f.result.preload.feedRequests} | 1 |`,
  `| JS (gzip) downloaded before the first card, HF list | **${kB(f.result.paperfeed.js)}** | ≤ 16 kB ${ok(f.result.paperfeed.js <= 16_000)} |`,
  `| JS (gzip), page with only the subscribe box | **${kB(f.result.subscribe.js)}** | ≤ 10 kB ${ok(f.result.subscribe.js <= 10_000)} |`,
  `| JS (gzip), page with all three elements | **${kB(f.result.all.js)}** (every chunk: ${kB(total)}) | ≤ ${kB(TODAY_ALL)} (one file before) ${ok(total <= TODAY_ALL)} |`,
  `| CDN entry and chunks (gzip -9) | ${Object.entries(sizes).map(([k, v]) => `${k} ${kB(v)}`).join(', ')} | |`,
  `| First cards, 10,000 vs 100 papers (HF JSON, default limit) | ${b.rows.at(-1).firstCards} ms vs ${b.rows[0].firstCards} ms = **${b.cardsGrowth}×** | ≤ 1.2× ${ok(b.cardsGrowth <= 1.2)} |`,
];
for (const row of p.rows) {
  const ours = row.parsers.find((x) => x.name === 'paperfeed');
  const others = row.parsers.filter((x) => x.name !== 'paperfeed');
  const faster = others.every((x) => x.ms === undefined || ours.ms < x.ms);
  lines.push(
    `| Parse 1,000 items, ${row.label} (${row.kb} KB) | ${row.parsers.map((x) => `${x.name === 'paperfeed' ? '**paperfeed' : x.name} ${x.ms === undefined ? x.note : `${x.ms} ms`} (${kB(x.gzip)} gzip)${x.name === 'paperfeed' ? '**' : ''}`).join('; ')} | faster than each ${ok(faster)} |`,
  );
}
const table = lines.join('\n');
console.log(`\n${table}\n`);

if (process.argv.includes('--all')) {
  const { run: render } = await import('./render.mjs');
  const { run: parse } = await import('./parse.mjs');
  const { run: cls } = await import('./cls.mjs');
  console.log('render', JSON.stringify(await render()));
  console.log('parse', JSON.stringify(await parse()));
  console.log('cls', JSON.stringify(await cls()));
}

if (process.argv.includes('--write')) {
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const resultsPath = resolve(ROOT, 'bench/RESULTS.md');
  const notes = readFileSync(resultsPath, 'utf8').split(start)[0];
  writeFileSync(resultsPath, `${notes.trimEnd()}\n\n${start}\n${table}\n${end}\n`);
  const readmePath = resolve(ROOT, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  if (readme.includes(start)) {
    writeFileSync(readmePath, readme.replace(new RegExp(`${start}[^]*?${end}`), `${start}\n${table}\n${end}`));
    console.log('wrote bench/RESULTS.md and the README table');
  } else {
    console.log('wrote bench/RESULTS.md (the README has no bench markers)');
  }
}
