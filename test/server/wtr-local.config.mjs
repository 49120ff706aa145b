// Private config for running the fault/CSP tests before the lead adds the routes to the main config:
//   npx web-test-runner "test/faults/**/*.test.ts" --config test/server/wtr-local.config.mjs --static-logging
// It is the main config plus the test routes; nothing else differs.
import base from '../../web-test-runner.config.mjs';
import { paperfeedTestRoutes } from './routes.mjs';

export default {
  ...base,
  rootDir: '.',
  middleware: [...(base.middleware ?? []), ...paperfeedTestRoutes],
};
