import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { findBrowser, installHint, chromiumArgs } from './scripts/find-browser.mjs';
import { paperfeedTestRoutes } from './test/server/routes.mjs';

const executablePath = findBrowser();
if (!executablePath) {
  console.error(installHint);
  process.exit(1);
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // Real local endpoints for the fault, subscribe and strict-CSP tests (loopback only).
  middleware: [...paperfeedTestRoutes],
  staticLogging: true,
  concurrency: 2,
  // Generous: CI shares 2 cores between the browser, the dev server and the fault routes.
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath, headless: true, args: chromiumArgs },
    }),
  ],
  coverageConfig: { include: ['src/**/*.ts'], report: true, reportDir: 'coverage' },
};
