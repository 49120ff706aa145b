import { defineConfig } from 'vite';

// The Vite config Storybook builds with (see `viteConfigPath` in main.ts). Deliberately almost
// empty: the repository's vite.config.ts serves the demo (root `demo/`, a library build, the
// subscribe endpoint) and must not leak into Storybook or the story tests.
export default defineConfig({
  build: {
    target: 'es2022',
    // Storybook's own manager and docs chunks are large by nature; the warning is about them, not us.
    chunkSizeWarningLimit: 2000,
  },
});
