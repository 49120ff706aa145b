// The date tests again, in a browser whose time zone is not UTC. CI machines run in UTC, where a date
// read in the reader's zone and one read as UTC look the same, so there these tests could not fail.
// `npx web-test-runner --config scripts/wtr-timezone.config.mjs` (part of `npm test`).
import { playwrightLauncher } from '@web/test-runner-playwright';
import base from '../web-test-runner.config.mjs';
import { chromiumArgs, findBrowser } from './find-browser.mjs';

export default {
  ...base,
  files: ['test/feed/adapter-edge-cases.test.ts', 'test/feed/text.test.ts', 'test/format.test.ts', 'test/hf-period.test.ts', 'test/feed/hf-period-utc.test.ts'],
  coverage: false,
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: findBrowser(), headless: true, args: chromiumArgs },
      createBrowserContext: ({ browser }) => browser.newContext({ timezoneId: 'America/Los_Angeles' }),
    }),
  ],
};
