// Runs every benchmark in turn and prints one table; with --write, also rewrites bench/RESULTS.md.
//
//   node bench/run.mjs [--write] [--runs=N]
//
// Each script also runs alone (node bench/render.mjs, parse.mjs, big-feed.mjs, cls.mjs).
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { machine } from './lib.mjs';
import { bundlePaperfeed } from '../test/server/bundle.mjs';
import { run as render } from './render.mjs';
import { run as parse } from './parse.mjs';
import { run as bigFeed } from './big-feed.mjs';
import { run as cls } from './cls.mjs';

const started = new Date();
const bundle = await bundlePaperfeed({ minify: true });
const size = { min: Buffer.byteLength(bundle), gzip: gzipSync(bundle, { level: 9 }).length };
// The shipped CDN file, when `npm run build` has made one (its build also minifies template literals).
const distPath = new URL('../dist/paperfeed.min.js', import.meta.url);
const dist = existsSync(distPath)
  ? (() => {
      const code = readFileSync(distPath);
      return { min: code.length, gzip: gzipSync(code, { level: 9 }).length, built: statSync(distPath).mtime.toISOString().slice(0, 16).replace('T', ' ') };
    })()
  : undefined;

console.log('▶ render (1,000 papers vs plain DOM)');
const r = await render();
console.log('▶ parse (1,000-item feeds)');
const p = await parse();
console.log('▶ big feeds (100 / 1,000 / 10,000)');
const b = await bigFeed();
console.log('▶ layout shift');
const c = await cls();

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const lines = [];
lines.push(`| Measure | Result | Target |`);
lines.push(`|---|---|---|`);
lines.push(`| Render 1,000 papers, end to end (src → first complete frame) | element ${r.endToEnd.element} ms vs plain DOM ${r.endToEnd.plain} ms = **${r.endToEnd.ratio}×** | ≤ 1.5× ${r.endToEnd.ratio <= 1.5 ? '✔' : '✘ missed'} |`);
lines.push(`| Render 1,000 papers, render only (.papers → frame) | element ${r.renderOnly.element} ms vs plain DOM ${r.renderOnly.plain} ms = **${r.renderOnly.ratio}×** | ≤ 1.5× ${r.renderOnly.ratio <= 1.5 ? '✔' : '✘ missed'} |`);
lines.push(`| Render only, with \`li { content-visibility: auto }\` added from outside (proposed fix) | ${r.proposed.element} ms = ${r.proposed.ratio}× plain | |`);
lines.push(`| Same feed, default limit (30 cards + Load more) | ${r.defaultLimit.element} ms to first complete frame | |`);
for (const row of p.rows) lines.push(`| Parse 1,000 items: ${row.label} (${row.kb} KB) | **${row.parse} ms** per feed (min ${row.min}, max ${row.max}); fetch+parse ${row.load} ms | |`);
for (const row of b.rows) {
  lines.push(
    `| ${row.size.toLocaleString('en')} papers (${row.kb} KB), default limit | first cards painted **${row.firstCards} ms**, whole feed (\`load\`) frame **${row.firstFrame} ms** (fetch+parse ${row.fetchParse} ms), longest task ${row.longest} ms, blocking ${row.blocking} ms | flat |`,
  );
}
lines.push(`| First cards growth 10,000 vs 100 papers | ${b.cardsGrowth}× | ~1× ${b.cardsGrowth <= 1.5 ? '✔' : '✘ grows'} |`);
lines.push(`| Whole-feed frame growth 10,000 vs 100 papers | ${b.growth}× (render part without fetch+parse: ${b.renderGrowth}×) | grows with the body |`);
for (const row of c.rows) {
  lines.push(`| CLS: ${row.name} | total ${row.cls} (at upgrade ${row.upgradeCls}, when the feed arrives ${row.arrivalCls}) | 0 ${row.arrivalCls === 0 ? '✔ on arrival' : '✘'} |`);
}
if (dist) {
  lines.push(`| dist/paperfeed.min.js (\`npm run build\` of ${dist.built} UTC), Lit included | ${kb(dist.min)} min, **${kb(dist.gzip)} gzip** | 15 KB gzip ${dist.gzip <= 15 * 1024 ? '✔' : '✘ over'} |`);
}
lines.push(`| Bench bundle (src/paperfeed.ts, esbuild minified, templates not minified) | ${kb(size.min)} min, ${kb(size.gzip)} gzip | |`);

const table = lines.join('\n');
console.log(`\n${table}\n`);

if (process.argv.includes('--write')) {
  const runsNote = `render: median of ${r.runs} fresh page loads per case (interleaved); parse: median of ${p.runs} parses after 3 warm-ups; big feeds: median of ${b.runs}; CLS: one load per case`;
  const doc = `# paperfeed benchmarks

Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}, headless, with
\`node bench/run.mjs --write\` (each script also runs alone: \`node bench/render.mjs\`, \`parse.mjs\`,
\`big-feed.mjs\`, \`cls.mjs\`). Pages and feeds come from a loopback server; the elements are
src/paperfeed.ts bundled by esbuild (production Lit, minified). ${runsNote}.

The machine is a shared 2-core box: other jobs (type-checks, test runs) may have run at the same time,
so absolute milliseconds are noisy; the ratios are measured with both sides interleaved in the same
conditions. Re-run on a quiet machine before quoting absolute times.

${table}

## How each figure is taken
- **Render**: \`<paperfeed-list limit="1000">\` vs bench/plain-renderer.mjs (the same fields with
  createElement/textContent and comparable CSS), same page, same feed. "First complete frame" = the
  second requestAnimationFrame after the papers are in the DOM (the list's \`load\` event, which it fires
  after the render that shows them).
- **Parse**: \`parseFeed(text, contentType)\` from the feed engine (format detection, JSON.parse or
  DOMParser, adapter to \`Paper[]\`), in Chromium.
- **Big feeds**: the list with its default \`limit\` (30); "blocking" sums long-task time over 50 ms
  while loading (how long input would wait).
- **CLS**: \`layout-shift\` entries on a page with text above and below the list; the feed answers
  400 ms late, thumbnails 300 ms after that. "At upgrade" is the shift when the custom element is
  defined (an undefined \`<paperfeed-list>\` has no height); "when the feed arrives" is skeleton → cards.
`;
  writeFileSync(new URL('./RESULTS.md', import.meta.url), doc);
  console.log('wrote bench/RESULTS.md');
}
