// Loads the BUILT CDN file (dist/paperfeed.min.js, run `npm run build` first) in headless Chromium,
// the way a blog embeds it, and checks that it works on its own: one <script type="module">, no
// other file, served with the strict Content-Security-Policy and Trusted Types policy of issue 5.
// A <paperfeed-list> given `papers` renders its cards (titles, links, authors, search), a
// <paperfeed-card> renders, a <paperfeed-subscribe> renders its form, and the page sees no error,
// no console error and no CSP violation. Nothing leaves the machine (loopback server only).
// Prints `N passed, M failed` like the other checks: `node scripts/check-cdn.mjs`.
// `node scripts/check-cdn.mjs dist/paperfeed.js` runs the same page on the npm modules instead,
// bundled here with esbuild the way an app's bundler would (lit from node_modules).
import { createServer } from 'node:http';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright';
import { chromiumArgs, findBrowser, installHint } from './find-browser.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const FILE = resolve(ROOT, process.argv[2] ?? 'dist/paperfeed.min.js');
if (!existsSync(FILE)) {
  console.error(`[paperfeed] ${FILE} is missing: run \`npm run build\` first.`);
  process.exit(1);
}
// The CDN file is split (issue 15): the entry imports its chunks from ./chunks/ next to it. The pages
// load it from a versioned subpath, as jsDelivr and unpkg serve a package, so a chunk that resolved
// against the page or the site root instead of the script's own URL would 404 here.
const CDN_BASE = '/npm/paperfeed@0.1.0/dist/';
const DIST = resolve(FILE, '..');
const SCRIPT = FILE.endsWith('.min.js')
  ? readFileSync(FILE)
  : (
      await (await import('esbuild')).build({
        entryPoints: [FILE],
        bundle: true,
        format: 'esm',
        write: false,
        logLevel: 'silent',
      })
    ).outputFiles[0].text;
console.log(`checking ${FILE.slice(ROOT.length + 1)}${FILE.endsWith('.min.js') ? '' : ' (bundled with esbuild)'}`);
const executablePath = findBrowser();
if (!executablePath) {
  console.error(installHint);
  process.exit(1);
}

const SCRIPT_URL = FILE.endsWith('.min.js') ? `${CDN_BASE}paperfeed.min.js` : '/paperfeed.min.js';
const POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' https:; " +
  "require-trusted-types-for 'script'; trusted-types lit-html paperfeed";

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>paperfeed CDN check</title></head>
<body>
  <h1>A blog post</h1>
  <paperfeed-list heading="Papers" no-periods></paperfeed-list>
  <paperfeed-card id="single"></paperfeed-card>
  <paperfeed-subscribe action="/subscribe" heading="Subscribe"></paperfeed-subscribe>
  <script type="module" src="${SCRIPT_URL}"></script>
  <script type="module" src="/page.js"></script>
</body>
</html>`;

// The page's own script: plain data in, like a user who already has the papers.
const PAGE_JS = `
const paper = (n) => ({
  id: 'p' + n, source: 'custom', title: 'Paper number ' + n + ': $\\\\alpha$-scaling', summary: 'Summary of paper ' + n + '.',
  authors: [{ name: 'Ada Author' }, { name: 'Ben Writer' }], authorCount: 2,
  publishedAt: '2025-01-0' + n + 'T00:00:00.000Z', upvotes: 10 * n, comments: n,
  url: 'https://example.org/p/' + n, arxivUrl: 'https://arxiv.org/abs/2501.0000' + n,
  pdfUrl: 'javascript:alert(1)', tags: ['tag' + n],
});
await Promise.race([customElements.whenDefined('paperfeed-list'), new Promise((done) => setTimeout(done, 5000))]);
if (!customElements.get('paperfeed-list')) throw new Error('paperfeed-list was never defined');
const list = document.querySelector('paperfeed-list');
list.papers = [1, 2, 3].map(paper);
document.querySelector('#single').paper = paper(4);
window.__ready = true;
`;

// A second page: one <paperfeed-list src> per feed format, fed from the test fixtures with the
// content types real servers send (issue: "a plain HTML page using only it shows a feed from each
// supported format").
const FEEDS = [
  ['hf-daily-papers.json', 'application/json', 'hf'],
  ['hf-paper.json', 'application/json', 'hf'],
  ['hf-search.json', 'application/json', 'hf'],
  ['arxiv-api.atom.xml', 'application/atom+xml', 'atom'],
  ['arxiv-rss.xml', 'application/rss+xml', 'rss'],
  ['jsonfeed.json', 'application/feed+json', 'jsonfeed'],
  ['rss2.xml', 'application/rss+xml; charset=utf-8', 'rss'],
  ['atom.xml', 'application/atom+xml', 'atom'],
];
const FORMATS_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>paperfeed formats</title></head>
<body>
${FEEDS.map(([file]) => `  <paperfeed-list src="/feeds/${file}" heading="${file}" no-periods></paperfeed-list>`).join('\n')}
  <script type="module" src="${SCRIPT_URL}"></script>
</body>
</html>`;

// One page per element alone: each must load only its own chunks and work (autoloader).
const ALONE = {
  list: `<paperfeed-list src="/feeds/hf-daily-papers.json" heading="Papers" no-periods></paperfeed-list>`,
  card: `<paperfeed-card></paperfeed-card><script type="module" src="/card-page.js"></script>`,
  subscribe: `<paperfeed-subscribe action="/subscribe" heading="Subscribe"></paperfeed-subscribe>`,
  // Added by a script after load: the MutationObserver must find it.
  later: `<div id="later"></div><script type="module" src="/later-page.js"></script>`,
};
const alonePage = (body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>paperfeed alone</title></head>
<body><h1>Alone</h1>${body}<script type="module" src="${SCRIPT_URL}"></script></body></html>`;
const CARD_PAGE_JS = `
await customElements.whenDefined('paperfeed-card');
document.querySelector('paperfeed-card').paper = { id: 'a', source: 'custom', title: 'Alone card', authors: [], url: 'https://example.org/a' };
`;
const LATER_PAGE_JS = `
await new Promise((done) => setTimeout(done, 100));
const list = document.createElement('paperfeed-list');
list.setAttribute('src', '/feeds/jsonfeed.json');
list.setAttribute('no-periods', '');
document.querySelector('#later').append(list);
`;

const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  const send = (type, body) => {
    res.writeHead(200, { 'content-type': type, 'content-security-policy': POLICY });
    res.end(body);
  };
  if (path === '/') send('text/html; charset=utf-8', PAGE);
  else if (path.startsWith('/alone/') && ALONE[path.slice(7)]) send('text/html; charset=utf-8', alonePage(ALONE[path.slice(7)]));
  else if (path === '/card-page.js') send('text/javascript', CARD_PAGE_JS);
  else if (path === '/later-page.js') send('text/javascript', LATER_PAGE_JS);
  else if (FILE.endsWith('.min.js') && path.startsWith(CDN_BASE) && /^[\w./-]+\.js$/.test(path.slice(CDN_BASE.length)) && !path.includes('..') && existsSync(resolve(DIST, path.slice(CDN_BASE.length)))) {
    send('text/javascript', readFileSync(resolve(DIST, path.slice(CDN_BASE.length))));
  }
  else if (path === '/formats') send('text/html; charset=utf-8', FORMATS_PAGE);
  else if (path === '/page.js') send('text/javascript', PAGE_JS);
  else if (path.startsWith('/feeds/') && FEEDS.some(([file]) => path === `/feeds/${file}`)) {
    const [file, type] = FEEDS.find(([name]) => path === `/feeds/${name}`);
    send(type, readFileSync(resolve(ROOT, 'test/fixtures', file)));
  }
  else if (path === '/paperfeed.min.js') send('text/javascript', SCRIPT);
  else if (path === '/favicon.ico') {
    res.writeHead(204);
    res.end();
  } else {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
// `localhost`: chromiumArgs map every other host name to NOTFOUND (no outside network).
const origin = `http://localhost:${server.address().port}`;

const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
let passed = 0;
let failed = 0;
const check = (label, ok, detail = '') => {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? '✓' : '✗'} ${label}${ok || !detail ? '' : `: ${detail}`}`);
};

if (FILE.endsWith('.min.js')) {
  // The source map ships without src/: it must carry the sources, and keep Lit marked as library code.
  // The entry and its chunks each have a map; read them together.
  const maps = [`${FILE}.map`, ...readdirSync(resolve(DIST, 'chunks')).filter((f) => f.endsWith('.js.map')).map((f) => resolve(DIST, 'chunks', f))]
    .filter((path) => existsSync(path))
    .map((path) => JSON.parse(readFileSync(path, 'utf8')));
  const map = {
    sources: maps.flatMap((m) => m.sources ?? []),
    sourcesContent: maps.flatMap((m) => (m.sources ?? []).map((_, i) => m.sourcesContent?.[i])),
    ignoreList: maps.flatMap((m, k) => (m.ignoreList ?? []).map((i) => maps.slice(0, k).reduce((n, p) => n + (p.sources ?? []).length, 0) + i)),
  };
  const sources = map.sources;
  const texts = map.sourcesContent;
  const ours = sources.filter((source) => source.includes('/src/'));
  check(
    'source map: every source embedded, ours from src/, Lit marked as library code',
    ours.length > 20 && sources.every((_, i) => typeof texts[i] === 'string' && texts[i].length > 0) &&
      (map.ignoreList ?? []).some((i) => sources[i].includes('node_modules/lit')),
    `${sources.length} sources, ${ours.length} from src/, ${texts.filter(Boolean).length} embedded, ignoreList ${JSON.stringify(map.ignoreList)}`,
  );
}

try {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(origin)) problems.push(`request left the page's origin: ${request.url()}`);
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(origin + '/');
  const ready = await page
    .waitForFunction(() => window.__ready === true, null, { timeout: 10_000 })
    .then(() => true, () => false);
  if (!ready) {
    const defined = await page.evaluate(() => ['paperfeed-list', 'paperfeed-card', 'paperfeed-subscribe'].filter((tag) => customElements.get(tag)));
    check('the file defines the three tags', false, `defined: [${defined.join(', ')}]; ${problems.join('; ')}`);
    throw new Error('the page never got ready');
  }
  const seen = await page.evaluate(async () => {
    const list = document.querySelector('paperfeed-list');
    await list.updateComplete;
    const cards = [...list.shadowRoot.querySelectorAll('paperfeed-card')];
    await Promise.all(cards.map((card) => card.updateComplete));
    const text = (node) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const single = document.querySelector('#single');
    await single.updateComplete;
    const subscribe = document.querySelector('paperfeed-subscribe');
    await subscribe.updateComplete;
    const titles = cards.map((card) => text(card.shadowRoot.querySelector('[part="title"]')));
    const links = cards.map((card) => card.shadowRoot.querySelector('[part="title"] a')?.getAttribute('href'));
    const hrefs = cards.flatMap((card) => [...card.shadowRoot.querySelectorAll('a')].map((a) => a.getAttribute('href')));
    const authors = text(cards[0].shadowRoot.querySelector('[part="authors"]'));
    // The upvote count sits in its own box beside the title (Hugging Face's layout), the rest in meta.
    const meta = `${text(cards[0].shadowRoot.querySelector('[part="meta"]'))} ${text(cards[0].shadowRoot.querySelector('[part~="upvotes"]'))}`;
    // Search: typing filters the cards (the toolbar works, events and re-render included).
    const input = list.shadowRoot.querySelector('input[type="search"]');
    input.value = 'number 2';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await list.updateComplete;
    const afterSearch = list.shadowRoot.querySelectorAll('paperfeed-card').length;
    return {
      defined: ['paperfeed-list', 'paperfeed-card', 'paperfeed-subscribe'].map((tag) => !!customElements.get(tag)),
      titles,
      links,
      unsafeHrefs: hrefs.filter((href) => !/^https:/.test(href ?? '')),
      authors,
      meta,
      singleTitle: text(single.shadowRoot.querySelector('[part="title"]')),
      heading: text(list.shadowRoot.querySelector('[part="heading"]')),
      form: !!subscribe.shadowRoot.querySelector('form input[type="email"]'),
      styled: getComputedStyle(cards[0].shadowRoot.querySelector('[part="card"]')).display,
      // border: var(--_card-border) = 1px solid var(--_border): the private custom properties resolve.
      border: (({ borderTopStyle, borderTopWidth }) => `${borderTopWidth} ${borderTopStyle}`)(
        getComputedStyle(cards[0].shadowRoot.querySelector('[part="card"]')),
      ),
      afterSearch,
      violations: window.__violations,
    };
  });
  check('all three tags are defined', seen.defined.every(Boolean), JSON.stringify(seen.defined));
  check(
    'the list renders one card per paper, titles as text (TeX made readable)',
    JSON.stringify(seen.titles) === JSON.stringify(['Paper number 1: α-scaling', 'Paper number 2: α-scaling', 'Paper number 3: α-scaling']),
    JSON.stringify(seen.titles),
  );
  check('card titles link to the paper', seen.links.join() === 'https://example.org/p/1,https://example.org/p/2,https://example.org/p/3', seen.links.join());
  check('a javascript: URL never reaches an href', seen.unsafeHrefs.length === 0, JSON.stringify(seen.unsafeHrefs));
  check('authors are listed with a separator', seen.authors.startsWith('Ada Author, Ben Writer'), seen.authors);
  check('meta shows the date and counts', /2025/.test(seen.meta) && /10 upvotes/.test(seen.meta), seen.meta);
  check('the list heading renders', seen.heading === 'Papers', seen.heading);
  check('a lone <paperfeed-card> renders', seen.singleTitle === 'Paper number 4: α-scaling', seen.singleTitle);
  check('<paperfeed-subscribe> renders its form', seen.form);
  check('component styles apply (adopted under style-src self)', seen.styled === 'flex', seen.styled);
  check('private custom properties resolve (card border from --_card-border)', seen.border === '1px solid', seen.border);
  check('search filters the cards', seen.afterSearch === 1, String(seen.afterSearch));
  check('no CSP or Trusted Types violation', seen.violations.length === 0, seen.violations.join('; '));
  check('no page error, console error or warning, no outside request', problems.length === 0, problems.join('; '));

  // Every feed format, fetched by the lists themselves.
  const formats = await browser.newPage();
  const formatProblems = [];
  formats.on('pageerror', (error) => formatProblems.push(`page error: ${error.message}`));
  formats.on('request', (request) => {
    // The fixtures keep their real https thumbnails; images may be asked for (img-src https: is
    // allowed) but never arrive: chromiumArgs resolve no host but localhost. Anything else is a leak.
    if (!request.url().startsWith(origin) && request.resourceType() !== 'image') {
      formatProblems.push(`request left the page's origin: ${request.url()}`);
    }
  });
  await formats.addInitScript(() => {
    window.__formats = {};
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} sample=${e.sample} src=${e.sourceFile}:${e.lineNumber}`));
    // `load` does not bubble: listen in the capture phase on the document.
    document.addEventListener(
      'load',
      (e) => {
        const src = e.target?.getAttribute?.('src');
        if (src && e.detail) window.__formats[src] = { format: e.detail.format, count: e.detail.papers.length };
      },
      true,
    );
  });
  await formats.goto(origin + '/formats');
  await formats
    .waitForFunction((n) => Object.keys(window.__formats).length === n, FEEDS.length, { timeout: 15_000 })
    .catch(() => undefined);
  const shown = await formats.evaluate(async () =>
    Promise.all(
      [...document.querySelectorAll('paperfeed-list')].map(async (list) => {
        await list.updateComplete;
        const cards = [...list.shadowRoot.querySelectorAll('paperfeed-card')];
        await Promise.all(cards.map((card) => card.updateComplete));
        const first = cards[0]?.shadowRoot.querySelector('[part="title"]')?.textContent?.trim() ?? '';
        return { src: list.getAttribute('src'), state: list.getAttribute('state'), cards: cards.length, first, loaded: window.__formats[list.getAttribute('src')] };
      }),
    ),
  );
  const formatViolations = await formats.evaluate(() => window.__violations);
  for (const [file, , format] of FEEDS) {
    const list = shown.find((entry) => entry.src === `/feeds/${file}`);
    check(
      `${file}: a <paperfeed-list src> shows its papers, read as ${format}`,
      list?.state === 'loaded' && list.cards > 0 && list.first.length > 0 && list.loaded?.format === format,
      JSON.stringify(list),
    );
  }
  check('formats page: no CSP violation, page error or outside request', formatViolations.length + formatProblems.length === 0, [...formatViolations, ...formatProblems].join('; '));

  // Each element alone, from the versioned CDN path: only its own chunks load, and it works.
  for (const [name, expect] of Object.entries({
    list: { tags: ['paperfeed-list', 'paperfeed-card'], absent: ['paperfeed-subscribe'] },
    card: { tags: ['paperfeed-card'], absent: ['paperfeed-list', 'paperfeed-subscribe'] },
    subscribe: { tags: ['paperfeed-subscribe'], absent: ['paperfeed-list', 'paperfeed-card'] },
    later: { tags: ['paperfeed-list', 'paperfeed-card'], absent: ['paperfeed-subscribe'] },
  })) {
    const alone = await browser.newPage();
    const issues = [];
    const requests = [];
    alone.on('pageerror', (error) => issues.push(`page error: ${error.message}`));
    // The fixture's real https thumbnails never resolve here (chromiumArgs): that error is expected.
    alone.on('console', (m) => m.type() === 'error' && !/ERR_NAME_NOT_RESOLVED/.test(m.text()) && issues.push(`console error: ${m.text()}`));
    alone.on('request', (r) => requests.push(new URL(r.url()).pathname));
    alone.on('response', (r) => r.status() >= 400 && issues.push(`${r.status()} ${new URL(r.url()).pathname}`));
    await alone.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await alone.goto(`${origin}/alone/${name}`);
    const ok = await alone
      .waitForFunction(
        (tags) =>
          tags.every((tag) => customElements.get(tag)) &&
          [...document.querySelectorAll(tags[0])].every((el) => el.shadowRoot?.querySelector(tags[0] === 'paperfeed-list' ? 'li:not([aria-hidden]) paperfeed-card' : tags[0] === 'paperfeed-card' ? '[part="title"]' : 'form input[type="email"]')),
        expect.tags,
        { timeout: 10_000 },
      )
      .then(() => true, () => false);
    const state = await alone.evaluate((absent) => ({ violations: window.__violations, defined: absent.filter((tag) => customElements.get(tag)) }), expect.absent);
    const js = requests.filter((p) => p.endsWith('.js'));
    const chunksOk = FILE.endsWith('.min.js') ? js.every((p) => p.startsWith(CDN_BASE) || p.endsWith('-page.js')) : true;
    const feeds = requests.filter((p) => p.startsWith('/feeds/'));
    check(
      `${name} alone from ${CDN_BASE}: renders, loads only its own elements, chunks resolve next to the script, one request per feed, no CSP violation`,
      ok && chunksOk && state.defined.length === 0 && issues.length === 0 && state.violations.length === 0 && new Set(feeds).size === feeds.length,
      JSON.stringify({ ok, js, feeds, extra: state.defined, issues, violations: state.violations }),
    );
    await alone.close();
  }
} catch (error) {
  if (!failed) check('the check ran', false, error.message);
} finally {
  await browser.close();
  server.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
