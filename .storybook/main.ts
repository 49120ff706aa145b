import type { StorybookConfig } from '@storybook/web-components-vite';
import { fileURLToPath } from 'node:url';

// Storybook is configured by hand (the `storybook init` wizard installs wrong versions and tries to
// download a browser: see TOOLCHAIN.md).
//
// The builder merges the project's vite.config.ts into its own config by default, and ours is the
// demo server's: `root: 'demo'`, a library build of the CDN file, and the demo's subscribe endpoint.
// None of that belongs in Storybook, so the builder reads a small config of its own instead.
const viteConfigPath = fileURLToPath(new URL('./vite.config.ts', import.meta.url));

// Every Lit entry point the elements import. Pre-bundling them together keeps one copy of Lit in
// the page; otherwise Vite may serve Lit twice and Lit warns "Multiple versions of Lit loaded".
const litEntries = [
  'lit',
  'lit/decorators.js',
  'lit/directive.js',
  'lit/directive-helpers.js',
  'lit/static-html.js',
  'lit/directives/class-map.js',
  'lit/directives/if-defined.js',
  'lit/directives/repeat.js',
  'lit/directives/live.js',
  'lit/directives/ref.js',
  'lit/directives/when.js',
  '@lit/task',
];

// The stories register the elements with side-effect imports (`import '../src/card/define.js'`).
// package.json's `sideEffects` names only dist/ files, so a production build would treat the src/
// define modules as pure and drop those imports, leaving un-upgraded tags in the built Storybook.
// This keeps them, whatever package.json says (see notes/requests.md, 08:58).
const keepDefineModules = {
  name: 'paperfeed:keep-define-modules',
  enforce: 'pre' as const,
  transform(code: string, id: string) {
    if (/[\\/]src[\\/](?:[^\\/]+[\\/]define|paperfeed|card|list|subscribe)\.ts$/.test(id)) {
      return { code, map: null, moduleSideEffects: true };
    }
    return undefined;
  },
};

const config: StorybookConfig = {
  framework: {
    name: '@storybook/web-components-vite',
    options: { builder: { viteConfigPath } },
  },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  // custom-elements.json (from `npm run analyze`) is read in preview.ts; serve nothing else statically.
  staticDirs: [],
  core: {
    // No calls home: CI and this machine have no outside network.
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
  async viteFinal(config) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(config, {
      plugins: [keepDefineModules],
      optimizeDeps: { include: litEntries },
      // Story images stand in for remote thumbnails and must stay http(s) URLs (the elements drop
      // data: URLs), so no asset is inlined. Set here, not in vite.config.ts, so that the story
      // tests (which apply viteFinal but not the builder's config file) get it too.
      build: {
        assetsInlineLimit: 0,
        // Storybook's own manager and docs chunks are large by nature; the warning is not about us.
        chunkSizeWarningLimit: 2500,
      },
    });
  },
};

export default config;
