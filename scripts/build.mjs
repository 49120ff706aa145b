// `npm run build`:
//   1. dist/**/*.js + maps: the npm modules, one per source file, emitted by esbuild with lit and
//      @lit/task left as imports (not bundled, not minified: the user's bundler does that);
//   2. dist/paperfeed.min.js: the self-contained CDN module (Vite/Rolldown, Lit bundled, minified);
//   3. dist/**/*.d.ts + maps: tsc, declarations only (a type error fails the build);
//   4. custom-elements.json: the Custom Elements Manifest, read from the JSDoc.
// Steps 1 and 2 both minify the text of Lit templates and shorten our private `--_x` custom
// properties (scripts/minify-templates.mjs), rename our
// private members to `_x` and shorten them (scripts/mangle-private.mjs); the CDN step also keeps the define modules
// (scripts/cdn-plugins.mjs, used by vite.config.ts). Check the CDN file: `node scripts/check-cdn.mjs`.
// Sizes: `npx size-limit`. Flags, for bisecting a rendering bug: --no-minify-templates, --no-css-vars,
// --no-mangle.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, relative, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { build as viteBuild } from 'vite';
import { minify as terser } from 'terser';
import { minifyTemplatesPlugin } from './minify-templates.mjs';
import { mangleProps, prefixedNames } from './mangle-private.mjs';
import { SRC, buildOptions, sourceFiles, sourceRewrites } from './cdn-plugins.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const flags = process.argv.slice(2).filter((f) => f.startsWith('--no-')).map((f) => f.slice(2));
// vite.config.ts reads the same switches from the environment (scripts/cdn-plugins.mjs).
if (flags.length) process.env.PAPERFEED_BUILD = flags.join(',');
const options = buildOptions();

const step = (label, cmd, args) => {
  console.log(`\n▶ ${label}`);
  const { status } = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT });
  if (status !== 0) {
    console.error(`[paperfeed] build step failed: ${label}`);
    process.exit(status ?? 1);
  }
};

/**
 * esbuild writes its `__decorateClass` helper into every module that uses decorators (four today),
 * and a bundle of paperfeed/list.js then carries three copies. This moves it to one shared module,
 * dist/internal/decorate.js (−52 B gzip on list, −27 card, −26 subscribe, measured 09:25), and keeps
 * each file's line count so the source maps stay right. Files whose helper text differs from the
 * first one, or that use its parts elsewhere, are left as esbuild wrote them.
 */
function shareDecorateHelper(outputs) {
  const HELPER = /^var __defProp = Object\.defineProperty;\nvar __getOwnPropDesc = Object\.getOwnPropertyDescriptor;\nvar __decorateClass = [\s\S]*?\n};\n/;
  const shared = join(ROOT, 'dist/internal/decorate.js');
  if (outputs.includes(shared)) throw new Error('[paperfeed] src/internal/decorate.ts exists: rename the shared helper in scripts/build.mjs');
  let helper;
  let moved = 0;
  for (const path of outputs) {
    const code = readFileSync(path, 'utf8');
    const found = HELPER.exec(code);
    if (!found) continue;
    helper ??= found[0];
    const rest = code.slice(found[0].length);
    if (found[0] !== helper || /__defProp|__getOwnPropDesc/.test(rest)) continue;
    let specifier = relative(dirname(path), shared).replaceAll('\\', '/');
    if (!specifier.startsWith('.')) specifier = `./${specifier}`;
    const padding = '\n'.repeat(found[0].split('\n').length - 2);
    writeFileSync(path, `import { __decorateClass } from ${JSON.stringify(specifier)};${padding}\n${rest}`);
    moved++;
  }
  if (helper) writeFileSync(shared, `// esbuild's decorator helper, shared by the modules that use decorators (scripts/build.mjs).\n${helper}export { __decorateClass };\n`);
  console.log(`  decorator helper shared by ${moved} modules`);
}

/**
 * A second minifier pass over the CDN file: terser with two compress passes (safe transforms only)
 * after Rolldown's own minifier saves about 410 B gzip (31,631 → 31,224 B at zlib level 9, the
 * level size-limit uses, measured at 13:45 on 2026-11-27). Setting Vite's `build.minify: 'terser'`
 * instead keeps Rolldown's `@__PURE__` comments in the output and came out larger. The source map
 * is chained: it still points into src/, embeds the sources (the npm package has no src/), and
 * keeps Lit marked as library code (`ignoreList`) so debuggers step over it.
 */
async function recompressCdn(file) {
  const code = readFileSync(file, 'utf8');
  const map = readFileSync(`${file}.map`, 'utf8');
  const name = file.slice(file.lastIndexOf('/') + 1);
  const out = await terser(code, {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    format: { comments: /^!/ },
    sourceMap: { content: map, url: `${name}.map`, includeSources: true },
  });
  const before = JSON.parse(map);
  const after = typeof out.map === 'string' ? JSON.parse(out.map) : out.map;
  const library = new Set((before.ignoreList ?? []).map((i) => before.sources[i]));
  after.file = name;
  after.ignoreList = after.sources.flatMap((source, i) => (library.has(source) ? [i] : []));
  writeFileSync(file, `${out.code}\n`);
  writeFileSync(`${file}.map`, JSON.stringify(after));
  console.log(`  terser: ${code.length} → ${out.code.length} B`);
}

const files = sourceFiles();
const { editsFor, names, cssVars } = await sourceRewrites(options);

rmSync(join(ROOT, 'dist'), { recursive: true, force: true });

console.log('\n▶ npm modules (esbuild, one file per module)');
await esbuild.build({
  absWorkingDir: ROOT,
  entryPoints: files,
  outbase: SRC,
  outdir: join(ROOT, 'dist'),
  bundle: false,
  format: 'esm',
  target: 'es2022',
  tsconfig: join(ROOT, 'tsconfig.build.json'),
  sourcemap: true,
  logLevel: 'warning',
  plugins: [minifyTemplatesPlugin({ dir: SRC, templates: options.minifyTemplates, extraEdits: editsFor, cssVars })],
  ...(names.length && { mangleProps: mangleProps(names), mangleCache: prefixedNames(names) }),
});

shareDecorateHelper(files.map((file) => join(ROOT, 'dist', relative(SRC, file)).replace(/\.ts$/, '.js')));

console.log('\n▶ CDN bundle dist/paperfeed.min.js (vite, Lit inside)');
await viteBuild({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
await recompressCdn(join(ROOT, 'dist/paperfeed.min.js'));

step('type declarations (tsc)', 'npx', ['tsc', '-p', 'tsconfig.build.json']);
step('custom-elements.json (cem)', 'npx', ['cem', 'analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.styles.ts', '--quiet']);
console.log('\n✔ build done: dist/ and custom-elements.json');
