import { defineConfig, type UserConfig } from 'vite';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { subscribeEndpoint } from './demo/subscribe-endpoint.js';

const here = import.meta.dirname;
const src = resolve(here, 'src');

// Three jobs, one file:
// - `npm start` (`vite`): the dev server for the demo blog in demo/, with a local subscribe endpoint.
// - `vite build`: the npm modules, dist/**/*.js, one per file under src/ (preserveModules), with every
//   dependency (lit, @lit/task, …) left as an import for the user's bundler; not minified, so stack
//   traces read the names in src/, and source maps point at src/.
// - `vite build --mode cdn`: dist/paperfeed.min.js, ONE self-contained minified ES module with Lit
//   inside that registers all three elements (checked by scripts/check-cdn.mjs).
// Both builds minify the text of Lit templates and css`` with Lit's own minifier. `npm run build`
// runs the two, then tsc (declarations) and cem (custom-elements.json).
// Storybook and Vitest do not read this file (.storybook/main.ts names .storybook/vite.config.ts).

/** Lit's maintained template minifier, on our TypeScript before Vite's own transform. */
const minifyTemplates = () => ({
  ...minifyHtmlLiterals({ include: [`${src}/**/*.ts`], failOnError: true }),
  enforce: 'pre' as const,
});

/** Every module under src/ is an entry: new folders are picked up without listing them. */
const entries = () =>
  Object.fromEntries(
    readdirSync(src, { recursive: true, encoding: 'utf8' })
      .map((file) => file.replaceAll('\\', '/'))
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
      .map((file) => [file.slice(0, -'.ts'.length), resolve(src, file)]),
  );

/**
 * Anything imported by a bare name (lit, @lit/task, node:…, a parser) stays an import, except the
 * helpers the TypeScript transform itself adds (`@oxc-project/runtime`, the decorator helper): those
 * are not our dependencies, so they become modules of dist/ that every decorated class shares.
 */
const isDependency = (id: string) =>
  !/^[./\0]/.test(id) && !/^[A-Za-z]:[\\/]/.test(id) && !id.startsWith('@oxc-project/runtime/');

const npm: UserConfig = {
  plugins: [minifyTemplates()],
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    minify: false,
    lib: { entry: entries(), formats: ['es'] },
    reportCompressedSize: false,
    rolldownOptions: {
      checks: { pluginTimings: false },
      external: isDependency,
      output: {
        preserveModules: true,
        preserveModulesRoot: src,
        // The TypeScript transform's helpers (a virtual module named after @oxc-project/runtime and its
        // version) get a short, stable path: dist/helpers/decorate.js.
        entryFileNames: ({ name, facadeModuleId }) =>
          facadeModuleId?.includes('@oxc-project+runtime') ? `helpers/${name.split('/').pop()}.js` : '[name].js',
      },
    },
  },
};

const cdn: UserConfig = {
  plugins: [minifyTemplates()],
  // The reader features come bundled in this one file (src/reader/load.static.ts says why); temml,
  // which they load only for a paper with math, stays a file of its own beside it.
  resolve: { alias: [{ find: /^(?:\.\.?\/)+reader\/load\.js$/, replacement: resolve(src, 'reader/load.static.ts') }] },
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: false,
    sourcemap: true,
    target: 'es2022',
    lib: {
      entry: resolve(src, 'paperfeed.ts'),
      formats: ['es'],
      fileName: () => 'paperfeed.min.js',
    },
    // Two minifiers, both maintained, chained by Vite (source map included): terser with two
    // compress passes, then Rolldown's own. Measured on this file (zlib level 9, 2026-12-03):
    // Rolldown alone 32,132 B, terser alone 32,075 B, both 31,750 B. Our `#private` members are
    // shortened by both; names in src are not otherwise mangled (no property mangling: a TS
    // `private` member has no spelling a safe regular expression could select).
    minify: 'terser',
    terserOptions: { module: true, ecma: 2020, compress: { passes: 2 } },
    rolldownOptions: {
      checks: { pluginTimings: false },
      output: {
        minify: true,
        // Lit's BSD-3-Clause notice travels with the copy of Lit inside this file (the minifier drops
        // the original `@license` comments).
        postBanner:
          '/*! paperfeed (MIT) | includes lit, lit-html, @lit/reactive-element and @lit/task: Copyright Google LLC, BSD-3-Clause */',
      },
    },
  },
};

const demo: UserConfig = {
  root: resolve(here, 'demo'),
  publicDir: false,
  server: { open: '/', fs: { allow: [here] } },
  plugins: [subscribeEndpoint()],
};

export default defineConfig(({ command, mode }) => (command === 'serve' ? demo : mode === 'cdn' ? cdn : npm));
