// `npm test` after the type-check: the browser tests, with coverage, in the Chromium this machine has.
import { spawnSync } from 'node:child_process';
import { findBrowser, installHint } from './find-browser.mjs';

if (!findBrowser()) {
  console.error(installHint);
  process.exit(1);
}
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;
const status = run('npx', ['web-test-runner', '--coverage', '--static-logging', ...process.argv.slice(2)]);
process.exit(status);
