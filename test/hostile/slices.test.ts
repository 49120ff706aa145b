// Issue 18, "a responsive host page": reading a feed up to the byte cap never blocks the main thread
// for more than 50 ms. loadFeed reads JSON Feed, RSS and Atom in slices (src/feed/parse/slices.ts); these
// tests check that no long task happens while it reads a 4.5 MB feed of each, and that the sliced
// reading gives exactly what `parseFeed` (the whole text at once) gives, for every fixture and real
// feed and for the shapes a scan for item boundaries could get wrong.
// On main at 650299c the long-task test fails: RSS, Atom and JSON Feed were parsed in one task
// (543-1,138 ms for 4.85 MB, bench/HOSTILE.md).
import { expect } from '@open-wc/testing';
import { decodeBody } from '../../src/feed/parse/decode.js';
import { FeedError } from '../../src/feed/errors.js';
import { setFetch } from '../../src/feed/net/fetch-hook.js';
import { clearFeedCache, loadFeed } from '../../src/feed/load.js';
import { parseFeed, type FeedResult } from '../../src/feed/parse/parse.js';
import { parseFeedSliced, sliceStats } from '../../src/feed/parse/slices.js';
import { corpusRequest } from '../feed/corpus.js';
import { MAX_ITEM_DEPTH, MAX_ITEM_ELEMENTS, MAX_TEXT_RUN } from '../../src/feed/limits.js';
import { installFetch } from '../feed/helpers.js';

const realFetch = globalThis.fetch.bind(globalThis);

/** What a read gives: the result, or the error's kind and message. */
async function outcome(read: () => FeedResult | Promise<FeedResult>): Promise<unknown> {
  try {
    return JSON.parse(JSON.stringify(await read()));
  } catch (error) {
    return error instanceof FeedError ? { kind: error.kind, message: error.message } : { thrown: String(error) };
  }
}

async function sameAsWhole(text: string, contentType: string, url: string): Promise<void> {
  const whole = await outcome(() => parseFeed(text, contentType, { url }));
  const sliced = await outcome(() => parseFeedSliced(text, contentType, { url }));
  expect(sliced, url).to.deep.equal(whole);
}

// ── generated feeds ──────────────────────────────────────────────────────────────────────────────

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const pad = 'Lorem ipsum dolor sit amet, <b>consectetur</b> adipiscing elit. '.repeat(25);
const BYTES = 4.5 * 2 ** 20;

function repeatTo(head: string, item: (i: number) => string, tail: string): string {
  const parts = [head];
  let size = head.length + tail.length;
  for (let i = 0; size < BYTES; i++) {
    const text = item(i);
    parts.push(text);
    size += text.length;
  }
  parts.push(tail);
  return parts.join('');
}

const bigRss = () =>
  repeatTo(
    '<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Big</title>',
    (i) =>
      `<item><title>Paper ${i}</title><link>https://example.org/p/${i}</link><guid>p-${i}</guid>` +
      `<dc:creator>Ada ${i}</dc:creator><pubDate>Mon, 01 Dec 2025 10:00:00 GMT</pubDate>` +
      `<description>${esc(`${pad} #${i}`)}</description></item>`,
    '</channel></rss>',
  );

// Not well-formed: a bare `&` and an HTML entity, which parseFeed reads after its recovery
// (xml-recover.ts). Before, such a body was parsed whole, twice (a 513 ms task for 4.85 MB).
const bigRssNeedsRecovery = () => bigRss().replace('<title>Big</title>', '<title>Big R&D&nbsp;news</title>');

const rss = (items: string, extra = '') =>
  `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"${extra}><channel xml:base="https://base.example/dir/"><title>T</title>${items}</channel></rss>`;

const bigAtom = () =>
  repeatTo(
    '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Big</title>',
    (i) =>
      `<entry><id>urn:p:${i}</id><title>Paper ${i}</title><link href="https://example.org/p/${i}"/>` +
      `<author><name>Ada ${i}</name></author><published>2025-12-01T10:00:00Z</published>` +
      `<summary type="html">${esc(`${pad} #${i}`)}</summary></entry>`,
    '</feed>',
  );

const bigJsonFeed = () =>
  repeatTo(
    '{"version":"https://jsonfeed.org/version/1.1","title":"Big","items":[',
    (i) =>
      `${i ? ',' : ''}${JSON.stringify({ id: `p-${i}`, title: `Paper ${i}`, url: `https://example.org/p/${i}`, content_html: `${pad} #${i}`, date_published: '2025-12-01T10:00:00Z' })}`,
    ']}',
  );

describe('hostile feeds: reading in slices (issue 18)', function () {
  this.timeout(120_000);
  let warn: typeof console.warn;

  beforeEach(() => {
    clearFeedCache();
    warn = console.warn;
    console.warn = () => {};
  });
  afterEach(() => {
    setFetch();
    console.warn = warn;
  });

  for (const [name, make, type] of [
    ['RSS', bigRss, 'application/rss+xml'],
    ['RSS that needs recovery', bigRssNeedsRecovery, 'application/rss+xml'],
    ['Atom', bigAtom, 'application/atom+xml'],
    ['JSON Feed', bigJsonFeed, 'application/feed+json'],
  ] as const) {
    it(`reads a 4.5 MB ${name} feed through loadFeed with no main-thread task over 50 ms`, async () => {
      const body = make();
      // The body arrives as from a network, in chunks (256 kB: Chromium hands a page 64 kB to 2 MB
      // at a time); the bytes are made before the measured read starts.
      const bytes = new TextEncoder().encode(body);
      const chunk = 256 * 1024;
      let at = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (at >= bytes.length) controller.close();
          else controller.enqueue(bytes.subarray(at, (at += chunk)));
        },
      });
      const response = new Response(stream, { headers: { 'content-type': type } });
      installFetch(() => response);
      const tasks: PerformanceEntry[] = [];
      const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
      observer.observe({ type: 'longtask' });
      // A long task already running (making the body) is reported before the read starts.
      await new Promise((resolve) => setTimeout(resolve, 100));
      tasks.length = 0;
      const before = sliceStats.sliced;
      const start = performance.now();
      const result = await loadFeed('https://feeds.example/big', { timeout: 60_000 });
      const end = performance.now();
      // Entries are delivered after the task ends: give the observer a turn.
      await new Promise((resolve) => setTimeout(resolve, 100));
      observer.disconnect();
      const during = tasks.filter((t) => t.startTime < end && t.startTime + t.duration > start).map((t) => Math.round(t.duration));
      expect(sliceStats.sliced - before, 'read in slices').to.equal(1);
      expect(result.papers.length).to.be.greaterThan(1000);
      // Slices aim at 12 ms; the 50 ms target is measured on an idle machine by bench/hostile.mjs
      // (0 ms in 8 of 9 runs). Here the browser shares 2 cores with the test runner and other suites,
      // which stretched a 12 ms slice to 74-160 ms, so the bound scales with the machine: no task may
      // take more than a tenth of the whole read (at least 100 ms). A feed parsed in one task fails
      // that on any machine: its task is a third or more of the read (219-478 ms of ~600 ms idle).
      const read = end - start;
      const bound = Math.max(100, read / 10);
      expect(during.filter((ms) => ms > bound), `long tasks (ms) during a ${Math.round(read)} ms read, bound ${Math.round(bound)} ms`).to.deep.equal([]);
      const expected = parseFeed(body, type, { url: 'https://feeds.example/big' });
      expect(JSON.parse(JSON.stringify(result))).to.deep.equal(JSON.parse(JSON.stringify(expected)));
    });
  }

  describe('gives what parseFeed gives', () => {
    it('for every fixture and real feed (../shared/real-feeds), most of them read in slices', async () => {
      const listing = (await (await realFetch('/__corpus/files')).json()) as { available: boolean; files: string[]; fixtures: string[] };
      const paths = [...listing.fixtures.map((name) => `fixtures/${name}`), ...(listing.available ? listing.files : [])];
      const before = { ...sliceStats };
      for (const path of paths) {
        const response = await realFetch(`/__corpus/file?path=${encodeURIComponent(path)}`);
        const request = corpusRequest(path, new Uint8Array(await response.arrayBuffer()));
        if (request.status !== 200) continue;
        await sameAsWhole(decodeBody(request.body, request.contentType), request.contentType, request.url);
      }
      const sliced = sliceStats.sliced - before.sliced;
      const whole = sliceStats.whole - before.whole;
      console.log(`sliced-vs-whole: ${paths.length} files, ${sliced} read in slices, ${whole} whole`);
      expect(sliced).to.be.greaterThan(listing.available ? 150 : 3);
    });

    const cases: Record<string, [string, string]> = {
      'item markup inside CDATA, comments and attribute values': [
        rss(
          `<item><title>A</title><description><![CDATA[<item><title>fake</title></item> ]]></description></item>` +
            `<!-- <item><title>commented</title></item> --><item><title a="x>y" b='</item>'>B</title><link>p/b</link></item>`,
        ),
        'application/rss+xml',
      ],
      'a DOCTYPE with entities, used in items': [
        `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY who "Ada &amp; Bo"><!-- ] > --><!ENTITY q '>' >]>` +
          rss('<item><title>&who; &q;</title></item><item><title>Two</title></item>').replace(/^<\?xml version="1.0"\?>/, ''),
        'application/rss+xml',
      ],
      'RDF items next to the channel, whose xml:base applies': [
        `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">` +
          `<channel xml:base="https://rdf.example/x/" rdf:about="u"><title>R</title></channel>` +
          `<item rdf:about="a"><title>One</title><link>one</link></item><item><title>Two</title><link>two</link></item></rdf:RDF>`,
        'application/rdf+xml',
      ],
      'items in the channel and in the root': [
        `<rss><channel><title>C</title><item><title>In</title></item></channel><item><title>Out</title></item></rss>`,
        'application/rss+xml',
      ],
      'a prefixed item and a self-closed one': [
        rss('<item/><dc:item><title>P</title></dc:item><item><title>Q</title></item>'),
        'application/rss+xml',
      ],
      'an undeclared prefix in an item (recovered)': [rss('<item><title>A</title><itunes:author>X</itunes:author></item>'), 'application/rss+xml'],
      'an HTML entity in an item (recovered)': [rss('<item><title>caf&eacute;</title></item><item><title>B</title></item>'), 'application/rss+xml'],
      'a broken item': [rss('<item><title>A</title></item><item><title>B</item>'), 'application/rss+xml'],
      'Atom with xml:base and a prefixed root': [
        `<a:feed xmlns:a="http://www.w3.org/2005/Atom" xml:base="https://atom.example/"><a:title>F</a:title>` +
          `<a:entry xml:base="e/"><a:title>One</a:title><a:link href="one"/><a:id>1</a:id></a:entry>` +
          `<a:entry><a:title type="html">&lt;b&gt;Two&lt;/b&gt;</a:title><a:id>2</a:id></a:entry><a:link rel="next" href="?p=2"/></a:feed>`,
        'application/atom+xml',
      ],
      'an arXiv error entry after other entries': [
        `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><title>One</title></entry>` +
          `<entry><id>http://arxiv.org/api/errors#bad</id><title>Error</title><summary>bad query</summary></entry></feed>`,
        'application/atom+xml',
      ],
      'an HTML page': ['<!doctype html><html><body><item>x</item></body></html>', 'text/html'],
      'XML that is neither RSS nor Atom': ['<urlset><url><loc>x</loc></url></urlset>', 'application/xml'],
      'JSON Feed with feed authors and next_url': [
        JSON.stringify({
          version: 'https://jsonfeed.org/version/1',
          title: 'J',
          next_url: '/next',
          author: { name: 'Feed Author' },
          items: [{ title: 'A', content_html: '<p>x</p>' }, 'not an item', { content_text: 'untitled text' }, { id: 3 }],
        }),
        'application/feed+json',
      ],
      'JSON that is not a feed': ['{"a":1}', 'application/json'],
      'JSON Feed with two items keys (the last counts)': [
        '{"version":"https://jsonfeed.org/version/1","items":[{"title":"first"}],"title":"x","items":[{"title":"second"}]}',
        'application/feed+json',
      ],
      'JSON Feed whose items key is escaped, or a scalar, or nested in an item': [
        '{"version":"https://jsonfeed.org/version/1","items":7,"it\\u0065ms":[{"title":"esc [\\"]","items":[1]}]}',
        'application/feed+json',
      ],
      'JSON Feed with strings holding brackets and quotes': [
        '{"title":"a \\"items\\": [","version":"https://jsonfeed.org/version/1.1","items":[{"title":"] } , \\\\","tags":["[",{"x":"}"}]} , {"title":"two"} ]}',
        'application/feed+json',
      ],
      'broken JSON': ['{"version":"https://jsonfeed.org/version/1","items":[', 'application/json'],
    };
    for (const [name, [body, type]] of Object.entries(cases)) {
      it(`for ${name}`, () => sameAsWhole(body, type, 'https://feeds.example/feed.xml'));
    }

    it('for a JSON Feed of 60,000 tiny items', async () => {
      const body = `{"version":"https://jsonfeed.org/version/1.1","items":[${Array(60_000).fill('{"title":"a"}').join(',')}]}`;
      await sameAsWhole(body, 'application/feed+json', 'https://feeds.example/tiny');
    });

    it('when the feed has more items than the cap', async () => {
      const items = Array.from({ length: 5003 }, (_, i) => `<item><title>P${i}</title></item>`).join('');
      await sameAsWhole(rss(items), 'application/rss+xml', 'https://feeds.example/many');
    });

    it(`for an item whose text runs past ${MAX_TEXT_RUN.toLocaleString('en')} characters: cut before parsing, the paper is the same`, async () => {
      // 600,000 characters of escaped HTML in one description (a 4.8 MB one was one 200 ms task).
      const description = esc('lorem <b>ipsum</b> dolor & sit '.repeat(15_000));
      expect(description.length).to.be.greaterThan(MAX_TEXT_RUN);
      const cdata = `<![CDATA[${'dolor <i>sit</i> amet '.repeat(30_000)}]]>`;
      const body = rss(`<item><title>Huge</title><description>${description}</description></item><item><title>CDATA</title><description>${cdata}</description></item>`);
      await sameAsWhole(body, 'application/rss+xml', 'https://feeds.example/huge');
      const sliced = await parseFeedSliced(body, 'application/rss+xml', { url: 'https://feeds.example/huge' });
      expect(sliced.papers.map((p) => p.title)).to.deep.equal(['Huge', 'CDATA']);
      expect(sliced.papers[0].summary.startsWith('lorem ipsum dolor & sit')).to.equal(true);
    });
  });

  describe('a JSON array cut off or broken: parseFeed\'s error, without one JSON.parse of all of it', () => {
    const many = (n: number, item = '{"a":1}') => Array(n).fill(item).join(',');
    const cases: Record<string, string> = {
      'cut off after a comma': `[${many(50)},`,
      'cut off inside an element': `[${many(50)},{"a":`,
      'cut off without a comma': `[${many(50)}`,
      'an element that is not JSON in the middle': `[${many(50)},{"a":1,},${many(5)}]`,
      'a trailing comma': '[1,2,3,]',
      'two elements without a comma between them': `[${many(20)},{} {}]`,
      'the break on line 4': '[\n{"a": 1},\n{"a": 2},\n{"a": x}\n]',
      'elements over several lines before the break': `[${many(30, '{\n"a": 1\n}')},\n{"b": tru}]`,
      'an unterminated string': `[${many(30, '"ab"')},"cd`,
      'text after the array': '[1,2] x',
      'a long string just before the break': `[${many(10)},"${'x'.repeat(200)}" "y"]`,
      'a mismatched bracket': `[${many(10)},{"a":1]]`,
    };
    for (const [name, body] of Object.entries(cases)) {
      it(`for ${name}`, () => sameAsWhole(body, 'application/json', 'https://feeds.example/broken.json'));
    }

    it('reads a 3.6 MB array cut off at its end in slices: the same error, no whole-body parse', async () => {
      const body = `[${many(400_000)},`;
      const whole = sliceStats.whole;
      const sliced = await outcome(() => parseFeedSliced(body, 'application/json', { url: 'https://feeds.example/cut.json' }));
      expect(sliceStats.whole, 'no whole-body parse').to.equal(whole);
      expect(sliced).to.deep.equal(await outcome(() => parseFeed(body, 'application/json', { url: 'https://feeds.example/cut.json' })));
      expect((sliced as { kind: string }).kind).to.equal('parse');
    });
  });

  describe('skips an item it will not parse (issue 18: "degrade, never a frozen page")', () => {
    for (const [what, inner] of [
      [`nested over ${MAX_ITEM_DEPTH} deep`, `${'<b>'.repeat(MAX_ITEM_DEPTH + 5)}x${'</b>'.repeat(MAX_ITEM_DEPTH + 5)}`],
      [`with over ${MAX_ITEM_ELEMENTS} elements`, '<b>x</b>'.repeat(MAX_ITEM_ELEMENTS + 1)],
    ] as const) {
      it(`an RSS item ${what}: skipped with a warning, the others read`, async () => {
        const warnings: string[] = [];
        console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
        const body = rss(
          `<item><title>First</title></item><item><title>Hostile</title><description>${inner}</description></item><item><title>Last</title></item>`,
        );
        const result = await parseFeedSliced(body, 'application/rss+xml', { url: 'https://feeds.example/hostile' });
        expect(result.papers.map((p) => p.title)).to.deep.equal(['First', 'Last']);
        expect(result.skipped).to.equal(1);
        expect(warnings.join('\n')).to.match(/Skipped 1 item in https:\/\/feeds\.example\/hostile with over 5000 elements or nested over 256 deep/);
      });
    }
  });
});
