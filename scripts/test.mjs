// `npm test` after the type-check. Runs each suite in turn, shows its output as it comes, and closes
// with one line adding them up: `N passed, M failed`.
//   1. the package: `npm pack` holds every export target (this runs the build, which also writes
//      custom-elements.json for Storybook's docs and the README check);
//   2. the built dist/paperfeed.min.js on a strict-CSP + Trusted Types page: every element, every format;
//   3. the JSX typings compile against the built types (and reject wrong props);
//   4. unit and element tests: @web/test-runner in Chromium, with coverage; then the date tests once
//      more in a browser outside UTC (CI runs in UTC, where they could not fail);
//   (then) paperfeed/feed in Node 20 and in workerd (Miniflare) through its server export, and the
//      real-feeds corpus through the server parser (node --test test/node/);
//   5. the Storybook stories as tests (play functions), and the Controls/Docs tables checked against
//      custom-elements.json with every control changed on the element (.storybook/controls.test.ts);
//   6. the README's API tables match custom-elements.json;
//   7. the feed proxy (paperfeed/proxy) in Node and inside workerd (miniflare), its CLI, against a
//      loopback upstream: `node --test`.
//   8. server rendering (Node's test runner): @lit-labs/ssr renders of every element in every state,
//      paperfeed/ssr's API, hydration in Chromium, and an Eleventy 3 site built and opened in Chromium.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { findBrowser, installHint } from './find-browser.mjs';

if (!findBrowser()) {
  console.error(installHint);
  process.exit(1);
}

const suites = [
  {
    name: 'package contents (npm pack, runs the build)',
    cmd: ['node', 'scripts/check-pack.mjs'],
    count: (out) => last(out, /(\d+) passed, (\d+) failed/g, (m) => [+m[1], +m[2]]),
  },
  {
    // After the package suite: the server test imports the built `paperfeed/feed` as users do.
    name: 'paperfeed/feed in Node and an edge worker: server parser, real-feeds corpus (node --test test/node/)',
    cmd: ['node', '--test', 'test/node/'],
    count: nodeTestCount,
  },
  {
    name: 'the built CDN file alone on a strict-CSP page: all elements, every feed format',
    cmd: ['node', 'scripts/check-cdn.mjs'],
    count: (out) => last(out, /(\d+) passed, (\d+) failed/g, (m) => [+m[1], +m[2]]),
  },
  {
    name: 'JSX typings for React 19 and Preact (type-level tests against the built .d.ts)',
    cmd: ['npx', 'tsc', '-p', 'test/types/tsconfig.json'],
    count: (out) => (/error TS/.test(out) ? [0, 1] : [1, 0]),
  },
  {
    name: 'elements and feed engine (web-test-runner)',
    cmd: ['npx', 'web-test-runner', '--coverage', '--static-logging'],
    // "N passed, M failed" is the runner's own closing line.
    count: (out) => last(out, /(\d+) passed, (\d+) failed/g, (m) => [+m[1], +m[2]]),
  },
  {
    name: 'the date tests in a browser outside UTC (America/Los_Angeles)',
    cmd: ['npx', 'web-test-runner', '--config', 'scripts/wtr-timezone.config.mjs', '--static-logging'],
    count: (out) => last(out, /(\d+) passed, (\d+) failed/g, (m) => [+m[1], +m[2]]),
  },
  {
    name: 'stories as tests and their controls (vitest + @storybook/addon-vitest)',
    cmd: ['npx', 'vitest', 'run'],
    count: (out) =>
      last(out, /Tests\s+(?:(\d+) failed[^\n]*?)?(\d+) passed/g, (m) => [+m[2], +(m[1] ?? 0)]) ??
      last(out, /Tests\s+(\d+) failed/g, (m) => [0, +m[1]]),
    when: () => import('node:fs').then((fs) => fs.existsSync('vitest.config.ts')),
  },
  {
    name: 'server rendering: SSR of every element, paperfeed/ssr, hydration and an Eleventy site in Chromium (node --test)',
    cmd: ['node', '--import', './test/ssr/register.mjs', '--test', ...nodeTests('test/ssr'), ...nodeTests('test/eleventy')],
    count: nodeTestCount,
  },
  {
    name: 'ARCHITECTURE.md names every folder under src/, and every folder it names exists (node --test)',
    cmd: ['node', '--test', 'test/architecture.test.mjs'],
    count: nodeTestCount,
  },
  {
    name: 'README API tables match custom-elements.json',
    cmd: ['node', 'scripts/readme-api.mjs', '--check'],
    count: (out) => last(out, /(\d+) passed, (\d+) failed/g, (m) => [+m[1], +m[2]]),
  },
  {
    name: 'feed proxy in Node and in workerd via miniflare, and its CLI (node --test test/proxy)',
    cmd: ['node', '--test', ...nodeTests('test/proxy')],
    count: nodeTestCount,
  },
];

/** The Node test files (`*.test.mjs`) in `dir`: Node 20's `--test` takes files, not folders or globs. */
function nodeTests(dir) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.test.mjs'))
    .map((name) => `${dir}/${name}`);
}

/**
 * Node's test runner closes with `# pass N` / `# fail N` (TAP, its reporter when piped) or
 * `ℹ pass N` / `ℹ fail N` (spec, on a terminal).
 */
function nodeTestCount(out) {
  const pass = last(out, /^[#ℹ] pass (\d+)$/gm, (m) => +m[1]);
  const fail = last(out, /^[#ℹ] fail (\d+)$/gm, (m) => +m[1]);
  return pass === undefined && fail === undefined ? undefined : [pass ?? 0, fail ?? 0];
}

function last(text, re, map) {
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
  let found;
  for (const m of plain.matchAll(re)) found = m;
  return found ? map(found) : undefined;
}

function run([cmd, ...args]) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let out = '';
    child.stdout.on('data', (d) => ((out += d), process.stdout.write(d)));
    child.stderr.on('data', (d) => ((out += d), process.stderr.write(d)));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

let passed = 0;
let failed = 0;
let broken = false;
for (const suite of suites) {
  if (suite.when && !(await suite.when())) continue;
  console.log(`\n━━ ${suite.name}\n`);
  const { code, out } = await run(suite.cmd);
  const counts = suite.count(out);
  if (counts) {
    passed += counts[0];
    failed += counts[1];
  }
  if (code !== 0) {
    broken = true;
    if (!counts || counts[1] === 0) failed += 1; // the suite itself failed to run
    console.error(`\n[paperfeed] suite failed: ${suite.name} (exit ${code})`);
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(broken || failed ? 1 : 0);
