// Shared by the bench/ scripts: a tiny loopback HTTP server for pages, the bundled elements and
// generated feeds, and a headless Debian Chromium driven by playwright. Nothing leaves the machine.
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { chromium } from 'playwright';
import { findBrowser, installHint, chromiumArgs } from '../scripts/find-browser.mjs';
import { bundlePaperfeed } from '../test/server/bundle.mjs';

export { feedBody, makePapers } from '../test/server/feeds.mjs';

const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * Starts the server. `files` maps a path (`/render.html`, `/feeds/hf-1000.json`) to `{ body, type }`.
 * `/paperfeed.js` is the production bundle of src/paperfeed.ts (all three elements + the feed engine's
 * exports); `/pixel.png?delay=ms` is a 1×1 thumbnail answered after an optional delay.
 */
export async function startServer(files = new Map(), { minify = true } = {}) {
  const bundle = await bundlePaperfeed({ minify });
  const encoded = new WeakMap();
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/paperfeed.js') {
      res.writeHead(200, { 'Content-Type': 'application/javascript', 'Cache-Control': 'no-store' });
      res.end(bundle);
      return;
    }
    if (url.pathname === '/pixel.png') {
      const delay = Math.min(Number(url.searchParams.get('delay') ?? 0) || 0, 5000);
      setTimeout(() => {
        res.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' });
        res.end(PIXEL);
      }, delay);
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    const file = files.get(url.pathname);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    // Encoded once, as a static file server or a CDN serves bytes: encoding the 11 MB string of the
    // 10,000-paper feed on every request delayed its first byte by ~90 ms (bench/big-feed.mjs).
    let bytes = encoded.get(file);
    if (bytes?.body !== file.body) encoded.set(file, (bytes = { body: file.body, buffer: Buffer.from(file.body) }));
    res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-store', 'Content-Length': bytes.buffer.length });
    res.end(bytes.buffer);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  // The browser resolves no host but localhost (scripts/find-browser.mjs host-resolver rules).
  const origin = `http://localhost:${server.address().port}`;
  return {
    origin,
    files,
    bundleBytes: Buffer.byteLength(bundle),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

export async function launch() {
  const executablePath = findBrowser();
  if (!executablePath) {
    console.error(installHint);
    process.exit(1);
  }
  const browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
  return browser;
}

/** A fresh page of a fixed size, logging page errors (a benchmark that throws must not print numbers). */
export async function newPage(browser, { width = 1280, height = 800 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    console.error(`[bench] page error: ${error.message}`);
    process.exitCode = 1;
  });
  return { page, close: () => context.close() };
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const round = (value, digits = 1) => Number(value.toFixed(digits));

/** The machine line for RESULTS.md: cores, CPU model, Chromium and Node versions. */
export function machine() {
  let chromiumVersion = 'unknown';
  try {
    chromiumVersion = execFileSync(findBrowser(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .split('\n')
      .pop();
  } catch {
    // keep "unknown"
  }
  const cpu = cpus();
  return `${cpu.length} cores (${cpu[0]?.model?.trim() ?? 'unknown CPU'}), ${chromiumVersion}, Node ${process.version}`;
}

/** `--runs=N` from the command line, else `fallback`. */
export function runsArg(fallback) {
  const arg = process.argv.find((a) => a.startsWith('--runs='));
  const n = arg ? Number(arg.slice('--runs='.length)) : NaN;
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** True when the script is run directly (not imported by run.mjs). */
export const isMain = (meta) => process.argv[1] && new URL(meta.url).pathname === process.argv[1];

/** A plain page that loads the bundle as a module and exposes its exports as `window.pf`. */
export function modulePage(body = '', head = '') {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>paperfeed bench</title>
<style>body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; }</style>
${head}
<script type="module">
  import * as pf from '/paperfeed.js';
  window.pf = pf;
  window.dispatchEvent(new Event('pf-ready'));
</script>
</head><body>${body}</body></html>`;
}

/** Resolves in the page once the bundle is loaded. */
export const waitReady = (page) =>
  page.evaluate(() => (window.pf ? true : new Promise((resolve) => window.addEventListener('pf-ready', () => resolve(true), { once: true }))));
