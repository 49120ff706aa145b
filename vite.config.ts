import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import { subscribeEndpoint } from './demo/subscribe-endpoint.js';

const here = import.meta.dirname;

// Two jobs:
// - `npm start`: the dev server for the demo blog in demo/, with a local subscribe endpoint.
// - `npm run build` (its CDN step): dist/paperfeed.min.js, ONE self-contained minified ES module
//   with Lit inside that registers all three elements. The npm modules are emitted by tsc
//   (scripts/build.mjs), with lit and @lit/task left as imports.
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
      output: { minify: true },
    },
  },
});
