import { defineConfig } from 'vitest/config';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { findBrowser, installHint, chromiumArgs } from './scripts/find-browser.mjs';
import storybookMain from './.storybook/main.js';

// Stories as tests: every story in stories/ renders in headless Chromium and its `play` function
// runs as a test (`npx vitest run --project storybook`). The browser is the one on this machine
// (scripts/find-browser.mjs); nothing is downloaded. This file, not vite.config.ts, is what Vitest
// reads, so the demo server's settings (root `demo/`, library build) stay out of the tests.
// The addon applies .storybook/preview.ts to the stories itself (since Storybook 10.3): no setup file.
const executablePath = findBrowser();
if (!executablePath) {
  console.error(installHint);
  process.exit(1);
}

// The controls test renders the stories outside the Storybook plugin (which only runs story files),
// so it takes Storybook's own Vite additions from .storybook/main.ts: one Lit copy, the define modules kept.
const storybookVite = (await storybookMain.viteFinal?.({}, { configType: 'DEVELOPMENT' } as never)) ?? {};
// A fresh object per project: Vitest names each project's browser instances in place.
const browser = () => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: { executablePath, args: chromiumArgs } }),
  instances: [{ browser: 'chromium' as const }],
  // A desktop-sized page, so the grid layout has room for its columns.
  viewport: { width: 1280, height: 900 },
  screenshotFailures: false,
});

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          testTimeout: 15_000,
          browser: browser(),
        },
      },
      {
        // Every story's Controls/Docs rows against custom-elements.json, and every control changed
        // once on the rendered element (.storybook/controls.test.ts).
        plugins: storybookVite.plugins,
        optimizeDeps: storybookVite.optimizeDeps,
        test: {
          name: 'controls',
          include: ['.storybook/controls.test.ts'],
          testTimeout: 30_000,
          browser: browser(),
        },
      },
    ],
  },
});
