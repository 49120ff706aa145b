import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import { subscribeEndpoint } from './demo/subscribe-endpoint.js';
import { cdnPlugins } from './scripts/cdn-plugins.mjs';

const here = import.meta.dirname;

// Two jobs:
// - `npm start`: the dev server for the demo blog in demo/, with a local subscribe endpoint.
// - `npm run build` (its CDN step): dist/paperfeed.min.js, ONE self-contained minified ES module
//   with Lit inside that registers all three elements, its Lit templates minified and our private
//   members shortened (scripts/cdn-plugins.mjs; these plugins run in `vite build` only). The npm
//   modules are emitted by esbuild (scripts/build.mjs), with lit and @lit/task left as imports.
export default defineConfig({
  root: resolve(here, 'demo'),
  publicDir: false,
  server: { open: '/', fs: { allow: [here] } },
  plugins: [subscribeEndpoint()],
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: false,
    sourcemap: true,
    target: 'es2022',
    lib: {
      entry: resolve(here, 'src/paperfeed.ts'),
      formats: ['es'],
      fileName: () => 'paperfeed.min.js',
    },
    rolldownOptions: {
      plugins: cdnPlugins(),
      output: {
        minify: true,
        // Lit's BSD-3-Clause notice travels with the copy of Lit inside this file (the minifier drops
        // the original `@license` comments).
        postBanner:
          '/*! paperfeed (MIT) | includes lit, lit-html, @lit/reactive-element and @lit/task: Copyright Google LLC, BSD-3-Clause */',
      },
    },
  },
});
