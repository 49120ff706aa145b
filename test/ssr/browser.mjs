// For the Node tests that open server-rendered HTML in Chromium: the machine's browser (never a
// download), a loopback server that counts requests, and the elements bundled for the browser
// with @lit-labs/ssr-client's hydrate support evaluated before Lit.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { findBrowser, chromiumArgs } from '../../scripts/find-browser.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function launch(options = {}) {
  return chromium.launch({ executablePath: findBrowser(), headless: true, args: chromiumArgs, ...options });
}

let clientCode;
/** dist-like client code: the hydrate support module first, then every element registered. */
export async function clientBundle() {
  clientCode ??= build({
    absWorkingDir: ROOT,
    stdin: {
      contents: "import '@lit-labs/ssr-client/lit-element-hydrate-support.js';\nimport './src/paperfeed.ts';\n",
      resolveDir: ROOT,
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    tsconfig: `${ROOT}tsconfig.json`,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0].text);
  return clientCode;
}

/**
 * Serves `routes` ({ '/path': [status, contentType, body | () => body] }) on 127.0.0.1 with CORS
 * open, and records each request's path in `server.requests`.
 */
export async function serve(routes) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    requests.push(path);
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const [status, type, body] = route;
    res.writeHead(status, { 'content-type': type, 'access-control-allow-origin': '*', 'cache-control': 'no-store' });
    res.end(typeof body === 'function' ? await body() : body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, requests, routes, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** In the page: the text a reader sees in `root`, through open shadow roots (slots, styles and scripts aside). */
export function composedText(selector) {
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.data;
    if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return '';
    if (node.localName === 'style' || node.localName === 'script' || node.localName === 'template') return '';
    const children = node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
    return [...children].map(walk).join(' ');
  };
  return walk(document.querySelector(selector)).replace(/\s+/g, ' ').trim();
}

/**
 * Opens a tab that never reaches beyond `origin`: other hosts (the feeds' thumbnails, avatars) get
 * the fixture image, so nothing leaves the machine and no "failed to load" noise hides a real error.
 */
export async function localTab(browser, origin, options = {}) {
  const context = await browser.newContext(options);
  const tab = await context.newPage();
  const image = fixtureImage();
  await tab.route(
    (url) => !url.href.startsWith(origin),
    (route) => route.fulfill({ status: 200, contentType: 'image/svg+xml', body: image }),
  );
  tab.errors = [];
  tab.on('console', (message) => message.type() === 'error' && tab.errors.push(message.text()));
  tab.on('pageerror', (error) => tab.errors.push(String(error)));
  return tab;
}

import { readFileSync } from 'node:fs';
const fixtureImage = () => readFileSync(new URL('../fixtures/thumbnail.svg', import.meta.url), 'utf8');
