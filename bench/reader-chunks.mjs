// Bytes a page loads for the reader features (issue 16): each npm entry is bundled the way an app's
// bundler would (esbuild, code splitting on, minified, lit and @lit/task external), and its output
// files are gzipped (level 9). "initial" is the entry and every chunk it imports statically: what a
// page whose elements use no `cite`, `save`, `math` or `view="saved"` loads. Each dynamic import
// then adds the chunks it reaches that are not loaded already.
// Run after `npm run build`: `node bench/reader-chunks.mjs`. Also prints the CDN file as shipped.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { basename } from 'node:path';

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (n) => `${(n / 1000).toFixed(2)} kB`;

for (const entry of ['dist/card.js', 'dist/list.js']) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    write: false,
    outdir: 'out',
    external: ['lit', 'lit/*', '@lit/task'],
    logLevel: 'silent',
    metafile: true,
  });
  const size = new Map(result.outputFiles.map((f) => [basename(f.path), gz(f.contents)]));
  const outputs = Object.fromEntries(Object.entries(result.metafile.outputs).map(([k, v]) => [basename(k), v]));
  const closure = (file, seen = new Set()) => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const imp of outputs[file]?.imports ?? []) if (imp.kind === 'import-statement' && !imp.external) closure(basename(imp.path), seen);
    return seen;
  };
  const total = (files) => [...files].reduce((n, f) => n + (size.get(f) ?? 0), 0);
  const initial = closure(basename(entry));
  console.log(`${entry}: initial ${kb(total(initial))} (${initial.size} files)`);
  const lazy = new Set([...initial].flatMap((f) => (outputs[f]?.imports ?? []).filter((i) => i.kind === 'dynamic-import').map((i) => basename(i.path))));
  for (const file of lazy) {
    const extra = [...closure(file)].filter((f) => !initial.has(f));
    const names = Object.keys(outputs[file].inputs).map((i) => (i.includes('temml') ? 'temml' : i.replace(/^.*dist\//, '')));
    console.log(`  + import() of ${names.join(', ')}: ${kb(total(extra))}`);
    for (const inner of extra.flatMap((f) => (outputs[f]?.imports ?? []).filter((i) => i.kind === 'dynamic-import').map((i) => basename(i.path)))) {
      const more = [...closure(inner)].filter((f) => !initial.has(f) && !extra.includes(f));
      console.log(`    + then import() of ${Object.keys(outputs[inner].inputs).some((i) => i.includes('temml')) ? 'temml' : inner}: ${kb(total(more))}`);
    }
  }
}
console.log(`dist/paperfeed.min.js (CDN, as shipped): ${kb(gz(readFileSync('dist/paperfeed.min.js')))}`);
