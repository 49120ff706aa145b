// paperfeed/feed outside the browser (issue 11, part 4), on the built package as users import it.
// Needs dist/ (npm test builds it first, in its package suite).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT, loadEntry } from './harness.mjs';

const RSS = `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Blog</title>
<item><title>Caf&eacute; &amp; papers</title><link>https://blog.example/1</link><dc:creator>Ann Lee (ann@example.org)</dc:creator>
<description>&lt;p&gt;Hello &lt;b&gt;world&lt;/b&gt;&lt;/p&gt;</description><pubDate>Tue, 02 Dec 2026 10:00:00 GMT</pubDate></item></channel></rss>`;
const EXPECTED = {
  id: 'https://blog.example/1',
  title: 'Café & papers',
  summary: 'Hello world',
  authors: [{ name: 'Ann Lee' }],
  authorCount: 1,
  publishedAt: '2026-12-02T10:00:00.000Z',
  url: 'https://blog.example/1',
  tags: [],
  source: 'rss',
};

const built = () => {
  assert.ok(existsSync(join(ROOT, 'dist/feed/server.js')), 'dist/feed/server.js is missing: run `npm run build` first');
};

/**
 * Runs a module in a fresh Node process (so no parser is installed by an earlier import) and returns
 * its stdout. The file sits in this package (outside node_modules) so that `paperfeed/feed` resolves
 * to this package's own exports, as it does for a user who installed it.
 */
function runModule(source) {
  const file = join(ROOT, `test/node/.run-${process.pid}-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, source);
  try {
    return execFileSync(process.execPath, [file], { cwd: ROOT, encoding: 'utf8' });
  } finally {
    rmSync(file, { force: true });
  }
}

test('importing paperfeed/feed in Node throws nothing, and parses RSS through the node condition', () => {
  built();
  const out = runModule(`
    const feed = await import('paperfeed/feed');
    const result = feed.parseFeed(${JSON.stringify(RSS)}, 'application/rss+xml', { url: 'https://blog.example/feed' });
    console.log(JSON.stringify(result.papers));`);
  assert.deepEqual(JSON.parse(out), [EXPECTED]);
});

test('every JavaScript entry point of package.json imports in Node as users import it (paperfeed/…), throwing nothing', () => {
  built();
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  // Type-only exports (react, vue, preact) and data files aside.
  const entries = Object.entries(pkg.exports)
    .filter(([key, target]) => !key.endsWith('.json') && (typeof target === 'string' || target.default))
    .map(([key]) => `paperfeed${key.slice(1)}`);
  assert.ok(entries.includes('paperfeed/paperfeed.min.js') && entries.includes('paperfeed/proxy') && entries.includes('paperfeed/eleventy'));
  const out = runModule(`
    const failed = [];
    for (const entry of ${JSON.stringify(entries)}) {
      try { await import(entry); } catch (e) { failed.push(entry + ': ' + e); }
    }
    console.log(JSON.stringify(failed));`);
  assert.deepEqual(JSON.parse(out), []);
});

test('the browser build in Node fails with a FeedError of kind parse that says what to import, not a ReferenceError', () => {
  built();
  // The default (browser) target of the export, loaded on its own in a runtime without DOMParser.
  const browser = runModule(`
    const feed = await import(${JSON.stringify(join(ROOT, 'dist/feed.js'))});
    try { feed.parseFeed('<rss/>'); console.log('no error'); }
    catch (e) { console.log(JSON.stringify({ name: e.name, kind: e.kind, isFeedError: e instanceof feed.FeedError, message: e.message })); }`).trim();
  const error = JSON.parse(browser);
  assert.equal(error.name, 'FeedError');
  assert.equal(error.kind, 'parse');
  assert.equal(error.isFeedError, true);
  assert.match(error.message, /no XML parser \(DOMParser\).*paperfeed\/feed/);
});

test('every format parses in Node: Atom, arXiv, JSON Feed with content_html, HF', async () => {
  const { parseFeed } = await loadEntry();
  const atom = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom"><entry><id>http://arxiv.org/abs/2511.01234v2</id>
    <title>Sparse
      attention</title><summary>An  abstract.</summary><author><name>A. Author</name></author><arxiv:comment>9 pages</arxiv:comment></entry></feed>`,
    '', { url: 'https://export.arxiv.org/api/query?search_query=x' });
  assert.deepEqual(
    { id: atom.papers[0].id, title: atom.papers[0].title, note: atom.papers[0].note, pdf: atom.papers[0].pdfUrl },
    { id: '2511.01234', title: 'Sparse attention', note: '9 pages', pdf: 'https://arxiv.org/pdf/2511.01234' },
  );
  const json = parseFeed(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', title: 'J', content_html: '<p>One</p><p>Two &amp; three</p>' }] }), 'application/feed+json');
  assert.equal(json.papers[0].summary, 'One Two & three');
  const hf = parseFeed(JSON.stringify([{ paper: { id: '2511.00001', title: 'H', upvotes: 3 } }]), 'application/json');
  assert.equal(hf.papers[0].upvotes, 3);
});

test('every failure is a FeedError with a kind', async () => {
  const { parseFeed, FeedError } = await loadEntry();
  for (const [body, kind] of [['', 'parse'], ['<rss><channel><title>x</channel>', 'parse'], ['{"a":', 'parse'], ['<catalog/>', 'shape'], ['{"a":1}', 'shape'], ['<html><body>x</body></html>', 'parse']]) {
    assert.throws(() => parseFeed(body, ''), (e) => e instanceof FeedError && e.kind === kind, JSON.stringify(body));
  }
});

test('an edge worker (workerd through Miniflare) reads a feed with the worker condition', async (t) => {
  built();
  const { Miniflare } = await import('miniflare');
  const dir = join(ROOT, 'node_modules/.cache/paperfeed-node');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, `worker-src-${process.pid}.mjs`);
  writeFileSync(entry, `import { parseFeed } from 'paperfeed/feed';
export default { async fetch(request) {
  const body = await request.text();
  try { return Response.json(parseFeed(body, 'application/rss+xml', { url: 'https://blog.example/feed' }).papers); }
  catch (e) { return Response.json({ name: e.name, kind: e.kind, message: e.message }, { status: 500 }); }
} };`);
  const bundle = await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', conditions: ['workerd', 'worker'], write: false, logLevel: 'error', mainFields: ['module', 'main'] });
  const mf = new Miniflare({ modules: true, script: bundle.outputFiles[0].text, compatibilityDate: '2025-01-01', cf: false });
  t.after(() => mf.dispose());
  const response = await mf.dispatchFetch('http://localhost/', { method: 'POST', body: RSS });
  assert.deepEqual(await response.json(), [EXPECTED]);
});
