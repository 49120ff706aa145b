import { defineConfig } from 'vite';

// The Vite config Storybook starts from (see `viteConfigPath` in main.ts). Deliberately empty: the
// repository's vite.config.ts serves the demo (root `demo/`, a library build, the subscribe
// endpoint) and must not leak into Storybook. The builder ignores `build` options here (it keeps
// only `build.target`), so Storybook's own settings live in `viteFinal` in main.ts.
export default defineConfig({
  build: { target: 'es2022' },
});
