import { defineConfig } from 'vitest/config';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { findBrowser, installHint, chromiumArgs } from './scripts/find-browser.mjs';

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

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          testTimeout: 15_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath, args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
            // A desktop-sized page, so the grid layout has room for its columns.
            viewport: { width: 1280, height: 900 },
            screenshotFailures: false,
          },
        },
      },
    ],
  },
});
