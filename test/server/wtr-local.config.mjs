// Private config for running the fault/CSP tests against a main config that lacks the test routes:
//   npx web-test-runner "test/faults/**/*.test.ts" --config test/server/wtr-local.config.mjs --static-logging
// The main web-test-runner.config.mjs now includes paperfeedTestRoutes itself; this file then adds nothing.
import base from '../../web-test-runner.config.mjs';
import { paperfeedTestRoutes } from './routes.mjs';

const installed = (base.middleware ?? []).some((m) => paperfeedTestRoutes.includes(m));

export default {
  ...base,
  middleware: installed ? base.middleware : [...(base.middleware ?? []), ...paperfeedTestRoutes],
};
