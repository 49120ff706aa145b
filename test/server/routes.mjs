// Test-only routes for the @web/test-runner dev server (Koa-style middleware). They give the fault,
// subscribe and strict-CSP tests a real HTTP server inside the test run: real status codes, real
// headers, real hanging and dropped connections, which a fake `Response` cannot show.
//
// Add to web-test-runner.config.mjs:
//   import { paperfeedTestRoutes } from './test/server/routes.mjs';
//   ... middleware: [...paperfeedTestRoutes],
//
// Everything is same-origin with the test page and listens on the dev server's own (loopback) socket.
// Nothing here reaches outside the machine.
//
// ── Feed faults: GET /__fault/feed/<name>[?key=K&format=F&n=N&title=T] ─────────────────────────────
//   ok           200, a valid feed: `format` hf (default) | jsonfeed | rss | atom | arxiv-atom | arxiv-rss,
//                `n` papers (default 3), titles "<title> 1: …" (default "Paper")
//   slow         like ok, answered after `ms` milliseconds (default 1000, at most 10000)
//   404 | 500    that status, a short text/html error body
//   429          429 with `Retry-After: 7`
//   503          503 with `Retry-After: 7`
//   login        200 text/html: a sign-in page (what a login wall in front of a feed answers)
//   wrong-type   200 image/png with PNG bytes: neither JSON nor XML
//   text-plain   200 text/plain carrying a VALID HF JSON feed. Not a fault: paperfeed detects the format
//                from the body (servers often mislabel feeds), so this one must load.
//   truncated    200 application/json cut in the middle (Content-Length matches what is sent)
//   empty        200 application/json with an empty body
//   wrong-shape  200 application/json that is valid JSON but no feed ({"error": …, "data": …})
//   broken-xml   200 application/rss+xml that is not well-formed
//   huge         200 application/json of ~10 MB: one JSON object without any feed fields (a shape error)
//   hang         no answer at all; the connection closes when the client gives up, or after 15 s
//   drop         200 with Content-Length, half the body, then the socket is destroyed
//   recoverable  500 until recovered
// With `key=K`, each request is logged: GET /__fault/log?key=K → {"count", "entries": [{route, title,
// outcome: "answered" | "aborted" (client left before the answer) | "gave-up" (hang hit 15 s)}]}.
// With `key=K`, every fault route above answers like `ok` once `POST /__fault/recover?key=K` was
// called (the server "recovers"); `POST /__fault/break?key=K` makes it fail again.
//   GET /__fault/closed-port   {"url": "http://localhost:<port>/feed.json"}: a loopback port that was
//                              just opened and closed, so connecting to it is refused.
//   GET /__fault/pixel.png     a 1×1 PNG (same-origin thumbnails under `img-src 'self'`)
//
// ── Subscribe endpoints: /__fault/subscribe/<mode>?key=K (any method) ─────────────────────────────
//   ok    200 {"message": "Thanks! Check your inbox to confirm."}
//   4xx   422 {"message": "This address cannot be subscribed: it is on the blocklist."}
//   5xx   500 text/html error page (no usable message)
//   hang  no answer; closed when the client gives up, or after 15 s
//   GET /__fault/subscribe/log?key=K   {"count": n, "requests": [{method, mode, contentType, body}]}
//   Every request to a mode route is recorded under its key BEFORE it is answered.
//
// ── Strict CSP page ──────────────────────────────────────────────────────────────────────────────
//   GET /__csp/page.html?key=K   a plain page with all three elements, served with
//       Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self';
//       connect-src 'self'; img-src 'self' https:; require-trusted-types-for 'script';
//       trusted-types lit-html paperfeed; report-uri /__csp/report?key=K
//   GET /__csp/paperfeed.js      src/paperfeed.ts bundled by esbuild (cached; see bundle.mjs)
//   GET /__csp/probe.js          the page's own script: records violations and element events
//   GET /__csp/page.css          the page's stylesheet
//   POST /__csp/report?key=K     CSP violation reports; GET /__csp/reports?key=K lists them
import { createServer } from 'node:net';
import { feedBody, makePapers } from './feeds.mjs';
import { bundlePaperfeed } from './bundle.mjs';
import { corpusRoute } from './corpus-route.mjs';

const MAX_HANG_MS = 15_000;
const MAX_BODY = 64 * 1024;

/** key → true when recovered. */
const recovered = new Map();
/** key → recorded subscribe requests. */
const subscribeLog = new Map();
/** key → what happened to each feed request made with that key (see `GET /__fault/log`). */
const feedLog = new Map();
/** key → CSP reports. */
const cspReports = new Map();

const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const LOGIN_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head>
<body><h1>Sign in to continue</h1>
<form method="post" action="/login"><label>User <input name="user"></label>
<label>Password <input type="password" name="password"></label><button>Sign in</button></form>
</body></html>`;

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' https:; " +
  "require-trusted-types-for 'script'; trusted-types lit-html paperfeed";

let hugeBody;
function huge() {
  // Built once: ~10 MB of valid JSON that is not a feed.
  hugeBody ??= `{"padding":"${'a'.repeat(10 * 1024 * 1024)}"}`;
  return hugeBody;
}

function delay(ms, res) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(true), ms);
    res.once('close', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

/** Answer nothing; end when the client leaves (→ false), or destroy the socket after MAX_HANG_MS (→ true). */
function hang(ctx) {
  ctx.respond = false;
  const { res } = ctx;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      res.destroy();
      resolve(true);
    }, MAX_HANG_MS);
    res.once('close', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

function readBody(req) {
  return new Promise((resolve) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      data += chunk;
      if (data.length > MAX_BODY) req.destroy();
    });
    req.on('end', () => resolve(data));
    req.on('error', () => resolve(data));
    req.on('aborted', () => resolve(data));
  });
}

function json(ctx, status, value) {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(value);
}

function okFeed(ctx, { prefix } = {}) {
  const n = Math.min(Math.max(Number(ctx.query.n ?? 3) || 0, 0), 20_000);
  const papers = makePapers(n, { prefix: prefix ?? String(ctx.query.title ?? 'Paper'), origin: ctx.origin });
  const { body, type } = feedBody(String(ctx.query.format ?? 'hf'), papers);
  ctx.status = 200;
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Content-Type', type);
  ctx.body = body;
}

function closedPort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function logFeed(key, entry) {
  if (!key) return entry;
  const log = feedLog.get(key) ?? [];
  log.push(entry);
  feedLog.set(key, log);
  return entry;
}

async function feedRoute(ctx, name) {
  const key = ctx.query.key ? String(ctx.query.key) : '';
  const entry = logFeed(key, { route: name, title: ctx.query.title ?? null, outcome: 'answered' });
  if (key && recovered.get(String(key))) return okFeed(ctx, { prefix: String(ctx.query.title ?? 'Recovered') });
  ctx.set('Cache-Control', 'no-store');
  switch (name) {
    case 'ok':
      return okFeed(ctx);
    case 'slow': {
      const ms = Math.min(Number(ctx.query.ms ?? 1000) || 0, 10_000);
      if (!(await delay(ms, ctx.res))) {
        entry.outcome = 'aborted'; // the client left before the answer; nothing to send
        ctx.respond = false;
        return;
      }
      return okFeed(ctx);
    }
    case '404':
    case '500':
    case 'recoverable':
      ctx.status = name === '404' ? 404 : 500;
      ctx.type = 'text/html';
      ctx.body = `<!doctype html><title>${ctx.status}</title><h1>Error ${ctx.status}</h1>`;
      return;
    case '429':
    case '503':
      ctx.status = Number(name);
      ctx.set('Retry-After', '7');
      ctx.type = 'text/plain';
      ctx.body = name === '429' ? 'Too many requests. Slow down.' : 'Down for maintenance.';
      return;
    case 'login':
      ctx.status = 200;
      ctx.type = 'text/html';
      ctx.body = LOGIN_PAGE;
      return;
    case 'wrong-type':
      ctx.status = 200;
      ctx.set('Content-Type', 'image/png');
      ctx.body = PIXEL;
      return;
    case 'text-plain': {
      okFeed(ctx);
      ctx.set('Content-Type', 'text/plain; charset=utf-8');
      return;
    }
    case 'truncated': {
      const { body } = feedBody('hf', makePapers(3, { origin: ctx.origin }));
      ctx.status = 200;
      ctx.type = 'application/json';
      ctx.body = body.slice(0, Math.floor(body.length / 2));
      return;
    }
    case 'empty':
      ctx.status = 200;
      ctx.type = 'application/json';
      ctx.body = '';
      return;
    case 'wrong-shape':
      ctx.status = 200;
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ error: 'not a feed', data: { count: 3, next: null } });
      return;
    case 'broken-xml':
      ctx.status = 200;
      ctx.type = 'application/rss+xml';
      ctx.body = '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Broken</title><item><title>Unclosed</channel></rss>';
      return;
    case 'huge':
      ctx.status = 200;
      ctx.type = 'application/json';
      ctx.body = huge();
      return;
    case 'hang':
      entry.outcome = 'hanging';
      entry.outcome = (await hang(ctx)) ? 'gave-up' : 'aborted';
      return;
    case 'drop': {
      const { body } = feedBody('hf', makePapers(50, { origin: ctx.origin }));
      const bytes = Buffer.from(body);
      ctx.respond = false;
      const { res } = ctx;
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(bytes.length), 'Cache-Control': 'no-store' });
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
      // Let the headers and the first half reach the client, then cut the connection.
      setTimeout(() => res.socket?.destroy(), 100);
      return;
    }
    default:
      json(ctx, 400, { message: `unknown fault route "${name}"` });
  }
}

async function subscribeRoute(ctx, mode) {
  const key = String(ctx.query.key ?? '');
  if (mode === 'log') {
    const requests = subscribeLog.get(key) ?? [];
    return json(ctx, 200, { count: requests.length, requests });
  }
  if (!['ok', '4xx', '5xx', 'hang'].includes(mode)) return json(ctx, 400, { message: `unknown subscribe route "${mode}"` });
  const body = ctx.method === 'GET' || ctx.method === 'HEAD' ? '' : await readBody(ctx.req);
  const log = subscribeLog.get(key) ?? [];
  log.push({ method: ctx.method, mode, contentType: ctx.get('content-type'), body });
  subscribeLog.set(key, log);
  switch (mode) {
    case 'ok':
      return json(ctx, 200, { message: 'Thanks! Check your inbox to confirm.' });
    case '4xx':
      return json(ctx, 422, { message: 'This address cannot be subscribed: it is on the blocklist.' });
    case '5xx':
      ctx.status = 500;
      ctx.type = 'text/html';
      ctx.body = '<!doctype html><title>500</title><h1>Internal Server Error</h1>';
      return;
    case 'hang':
      return hang(ctx);
  }
}

function cspPage(key) {
  const k = encodeURIComponent(key);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>paperfeed under a strict CSP</title>
<link rel="stylesheet" href="/__csp/page.css">
<script type="module" src="/__csp/probe.js"></script>
<script type="module" src="/__csp/paperfeed.js"></script>
</head>
<body>
<main>
<h1>A blog post</h1>
<p>Some text above the feed, as on any host page.</p>
<paperfeed-list src="/__fault/feed/ok?format=hf&amp;n=3&amp;title=CSP%20paper&amp;key=${k}" heading="Trending papers"></paperfeed-list>
<paperfeed-card></paperfeed-card>
<paperfeed-subscribe action="/__fault/subscribe/ok?key=${k}"></paperfeed-subscribe>
</main>
</body>
</html>`;
}

// The page's own script. It runs before the bundle (module scripts run in order), so it sees every
// violation and every event; the test in the parent frame reads `window.__pf`.
const PROBE = `const violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile + ':' + e.lineNumber });
});
const list = document.querySelector('paperfeed-list');
const card = document.querySelector('paperfeed-card');
const listDone = new Promise((resolve) => {
  list.addEventListener('load', (e) => { card.paper = e.detail.papers[0]; resolve({ ok: true, count: e.detail.papers.length }); }, { once: true });
  list.addEventListener('error', (e) => resolve({ ok: false, message: String(e.detail && e.detail.error && e.detail.error.message) }), { once: true });
});
const subscribeDone = new Promise((resolve) => {
  document.addEventListener('paperfeed-subscribed', (e) => resolve({ ok: true, detail: e.detail }), { once: true });
  document.addEventListener('paperfeed-subscribe-error', (e) => resolve({ ok: false, detail: String(e.detail && (e.detail.message || e.detail.error)) }), { once: true });
});
window.__pf = { violations, listDone, subscribeDone };
`;

const PAGE_CSS = `body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; }`;

async function cspRoute(ctx, name) {
  const key = String(ctx.query.key ?? 'csp');
  switch (name) {
    case 'page.html':
      ctx.status = 200;
      ctx.set('Content-Security-Policy', `${CSP}; report-uri /__csp/report?key=${encodeURIComponent(key)}`);
      ctx.set('Cache-Control', 'no-store');
      ctx.type = 'text/html';
      ctx.body = cspPage(key);
      return;
    case 'paperfeed.js':
      ctx.status = 200;
      ctx.type = 'application/javascript';
      ctx.set('Cache-Control', 'no-store');
      ctx.body = await bundlePaperfeed();
      return;
    case 'probe.js':
      ctx.status = 200;
      ctx.type = 'application/javascript';
      ctx.body = PROBE;
      return;
    case 'page.css':
      ctx.status = 200;
      ctx.type = 'text/css';
      ctx.body = PAGE_CSS;
      return;
    case 'report': {
      const body = await readBody(ctx.req);
      const list = cspReports.get(key) ?? [];
      try {
        list.push(JSON.parse(body));
      } catch {
        list.push({ raw: body });
      }
      cspReports.set(key, list);
      ctx.status = 204;
      return;
    }
    case 'reports':
      return json(ctx, 200, { count: cspReports.get(key)?.length ?? 0, reports: cspReports.get(key) ?? [] });
    default:
      json(ctx, 404, { message: `unknown CSP route "${name}"` });
  }
}

/** @type {Array<(ctx: any, next: () => Promise<void>) => Promise<void>>} */
export const paperfeedTestRoutes = [
  async function paperfeedFaultRoutes(ctx, next) {
    const path = ctx.path;
    if (path.startsWith('/__fault/feed/')) return feedRoute(ctx, path.slice('/__fault/feed/'.length));
    if (path.startsWith('/__fault/subscribe/')) return subscribeRoute(ctx, path.slice('/__fault/subscribe/'.length));
    if (path === '/__fault/recover' || path === '/__fault/break') {
      if (ctx.method !== 'POST') return json(ctx, 405, { message: 'POST only' });
      recovered.set(String(ctx.query.key ?? ''), path === '/__fault/recover');
      ctx.status = 204;
      return;
    }
    if (path === '/__fault/log') {
      const entries = feedLog.get(String(ctx.query.key ?? '')) ?? [];
      return json(ctx, 200, { count: entries.length, entries });
    }
    if (path === '/__fault/closed-port') {
      const port = await closedPort();
      return json(ctx, 200, { url: `http://localhost:${port}/feed.json` });
    }
    if (path === '/__fault/pixel.png') {
      ctx.status = 200;
      ctx.set('Content-Type', 'image/png');
      ctx.set('Cache-Control', 'max-age=3600');
      ctx.body = PIXEL;
      return;
    }
    if (path.startsWith('/__csp/')) return cspRoute(ctx, path.slice('/__csp/'.length));
    return next();
  },
  // ../shared/real-feeds, read-only, for the corpus and differential tests (see corpus-route.mjs).
  corpusRoute,
];
