import { expect } from '@open-wc/testing';
import { FeedError, isAbort } from '../../src/feed/errors.js';
import { setFetch } from '../../src/feed/net/fetch-hook.js';
import { fetchText, parseRetryAfter } from '../../src/feed/net/fetcher.js';
import { clearFeedCache, loadFeed } from '../../src/feed/load.js';
import type { Paper } from '../../src/feed/paper.js';
import { deferred, hangUntilAborted, installFetch, readFixture, rejection, respond } from './helpers.js';

const SRC = 'https://huggingface.co/api/daily_papers';
const ONE_PAPER = JSON.stringify([{ paper: { id: '2511.00001', title: 'One paper' } }]);

async function feedError(promise: Promise<unknown>): Promise<FeedError> {
  const error = await rejection(promise);
  expect(error).to.be.instanceOf(FeedError);
  return error as FeedError;
}

describe('loadFeed', () => {
  let warn: typeof console.warn;
  let logError: typeof console.error;
  let logged: unknown[][];

  beforeEach(() => {
    clearFeedCache();
    warn = console.warn;
    logError = console.error;
    logged = [];
    console.error = (...args: unknown[]) => logged.push(args);
  });

  afterEach(() => {
    setFetch();
    console.warn = warn;
    console.error = logError;
  });

  describe('requests', () => {
    it('sends an Accept header listing JSON, feed and XML types', async () => {
      const { requests } = installFetch(() => respond(ONE_PAPER));
      await loadFeed(SRC);
      const accept = requests[0].headers.get('accept') ?? '';
      for (const type of ['application/json', 'application/feed+json', 'application/atom+xml', 'application/rss+xml', 'application/xml']) {
        expect(accept).to.include(type);
      }
    });

    it('shares one request between identical concurrent calls', async () => {
      const answer = deferred<Response>();
      const { requests } = installFetch(() => answer.promise);
      const calls = [loadFeed(SRC), loadFeed(SRC), loadFeed(SRC)];
      answer.resolve(respond(ONE_PAPER));
      const results = await Promise.all(calls);
      expect(requests).to.have.length(1);
      expect(results.map((r) => r.papers[0].title)).to.deep.equal(['One paper', 'One paper', 'One paper']);
    });

    it('keys the shared request by URL and Accept', async () => {
      const { requests } = installFetch(() => respond(ONE_PAPER));
      await Promise.all([fetchText(SRC), fetchText(SRC, { accept: 'application/json' }), fetchText(`${SRC}?p=1`)]);
      expect(requests).to.have.length(3);
    });

    it('resolves a relative src against the document', async () => {
      const { requests } = installFetch(() => respond(ONE_PAPER));
      await loadFeed('/feeds/papers.json');
      expect(requests[0].url).to.equal(new URL('/feeds/papers.json', document.baseURI).href);
    });

    it('rejects a src that is not http(s) without a request: a config error, explained in the console only', async () => {
      const { requests } = installFetch(() => respond(ONE_PAPER));
      const error = await feedError(loadFeed('javascript:alert(1)'));
      expect(error.kind).to.equal('config');
      // Readers see a neutral sentence; the page's author finds what to fix in the console.
      expect(error.message).to.equal('The feed is not set up correctly.');
      expect(logged).to.have.length(1);
      expect(String(logged[0][0])).to.match(/^\[paperfeed\] The feed src must be an http\(s\) URL; got "javascript:alert\(1\)"/);
      expect(requests).to.have.length(0);
    });
  });

  describe('cache', () => {
    it('answers a repeated load from the cache, with a fresh papers array', async () => {
      const { requests } = installFetch(() => respond(ONE_PAPER));
      const first = await loadFeed(SRC);
      first.papers.pop();
      const second = await loadFeed(SRC);
      expect(requests).to.have.length(1);
      expect(second.papers.map((p) => p.title)).to.deep.equal(['One paper']);
    });

    it('bypasses the cache with reload and caches the fresh answer', async () => {
      let n = 0;
      const { requests } = installFetch(() => {
        n++;
        return respond(JSON.stringify([{ paper: { id: `2511.0000${n}`, title: `Version ${n}` } }]));
      });
      expect((await loadFeed(SRC)).papers[0].title).to.equal('Version 1');
      expect((await loadFeed(SRC, { reload: true })).papers[0].title).to.equal('Version 2');
      expect((await loadFeed(SRC)).papers[0].title).to.equal('Version 2');
      expect(requests).to.have.length(2);
    });

    it('shares an in-flight reload, but a reload never joins an older request', async () => {
      const answers = [deferred<Response>(), deferred<Response>()];
      const { requests } = installFetch(() => answers[requests.length - 1].promise);
      const plain = loadFeed(SRC);
      const reloads = [loadFeed(SRC, { reload: true }), loadFeed(SRC, { reload: true })];
      expect(requests).to.have.length(2);
      answers[0].resolve(respond(JSON.stringify([{ paper: { title: 'Old' } }])));
      answers[1].resolve(respond(JSON.stringify([{ paper: { title: 'New' } }])));
      expect((await plain).papers[0].title).to.equal('Old');
      expect((await Promise.all(reloads)).map((r) => r.papers[0].title)).to.deep.equal(['New', 'New']);
    });

    it('keeps the newer answer when an older request finishes after a reload', async () => {
      const answers = [deferred<Response>(), deferred<Response>()];
      const { requests } = installFetch(() => answers[requests.length - 1].promise);
      const plain = loadFeed(SRC);
      const reload = loadFeed(SRC, { reload: true });
      answers[1].resolve(respond(JSON.stringify([{ paper: { title: 'New' } }])));
      await reload;
      answers[0].resolve(respond(JSON.stringify([{ paper: { title: 'Old' } }])));
      await plain;
      expect((await loadFeed(SRC)).papers[0].title).to.equal('New');
      expect(requests).to.have.length(2);
    });

    it('never caches a failure', async () => {
      let status = 500;
      const { requests } = installFetch(() => respond(status === 200 ? ONE_PAPER : 'oops', { status, type: 'text/plain' }));
      await feedError(loadFeed(SRC));
      status = 200;
      expect((await loadFeed(SRC)).papers).to.have.length(1);
      expect(requests).to.have.length(2);
    });

    it('expires entries after five minutes', async () => {
      const { requests } = installFetch(() => respond(ONE_PAPER));
      const realNow = Date.now;
      try {
        const start = realNow();
        Date.now = () => start;
        await loadFeed(SRC);
        Date.now = () => start + 4 * 60_000;
        await loadFeed(SRC);
        expect(requests).to.have.length(1);
        Date.now = () => start + 5 * 60_000 + 1;
        await loadFeed(SRC);
        expect(requests).to.have.length(2);
      } finally {
        Date.now = realNow;
      }
    });

    it('keeps at most 50 feeds, dropping the least recently used', async () => {
      const { requests } = installFetch(() => respond(ONE_PAPER));
      for (let i = 0; i < 50; i++) await loadFeed(`${SRC}?p=${i}`);
      await loadFeed(`${SRC}?p=0`); // p=0 is now the most recently used, p=1 the least
      await loadFeed(`${SRC}?p=50`); // evicts p=1
      expect(requests).to.have.length(51);
      await loadFeed(`${SRC}?p=0`);
      expect(requests).to.have.length(51);
      await loadFeed(`${SRC}?p=1`);
      expect(requests).to.have.length(52);
    });

    it('is emptied by clearFeedCache', async () => {
      const { requests } = installFetch(() => respond(ONE_PAPER));
      await loadFeed(SRC);
      clearFeedCache();
      await loadFeed(SRC);
      expect(requests).to.have.length(2);
    });

    it('applies the transform on every call, even from the cache', async () => {
      const { requests } = installFetch(() => respond(JSON.stringify({ results: [{ name: 'A paper' }] })));
      const mapWith = (prefix: string) => (body: unknown) =>
        (body as { results: { name: string }[] }).results.map((r) => ({ title: `${prefix} ${r.name}` }) as Paper);
      const first = await loadFeed(SRC, { transform: mapWith('First:') });
      const second = await loadFeed(SRC, { transform: mapWith('Second:') });
      expect(requests).to.have.length(1);
      expect(first.format).to.equal('custom');
      expect(first.papers[0].title).to.equal('First: A paper');
      expect(second.papers[0].title).to.equal('Second: A paper');
    });
  });

  describe('abort', () => {
    it('aborts a superseded request and never uses its result', async () => {
      const { requests } = installFetch((request) =>
        requests.length === 1 ? hangUntilAborted(request) : respond(JSON.stringify([{ paper: { title: 'Current' } }])),
      );
      const first = new AbortController();
      const stale = loadFeed(SRC, { signal: first.signal });
      first.abort();
      const error = await feedError(stale);
      expect(error.kind).to.equal('abort');
      expect(isAbort(error)).to.equal(true);
      expect(requests[0].signal?.aborted).to.equal(true);
      const current = await loadFeed(SRC, { signal: new AbortController().signal });
      expect(current.papers[0].title).to.equal('Current');
      expect(requests).to.have.length(2);
    });

    it('keeps the shared request alive while another caller still waits', async () => {
      const answer = deferred<Response>();
      const { requests } = installFetch(() => answer.promise);
      const leaving = new AbortController();
      const left = loadFeed(SRC, { signal: leaving.signal });
      const staying = loadFeed(SRC);
      leaving.abort();
      expect((await feedError(left)).kind).to.equal('abort');
      expect(requests[0].signal?.aborted).to.equal(false);
      answer.resolve(respond(ONE_PAPER));
      expect((await staying).papers).to.have.length(1);
    });

    it('rejects at once for a signal that is already aborted', async () => {
      const { requests } = installFetch(() => respond(ONE_PAPER));
      const error = await feedError(loadFeed(SRC, { signal: AbortSignal.abort() }));
      expect(error.kind).to.equal('abort');
      expect(requests).to.have.length(0);
    });

    it('drops the result when the caller aborts as the answer arrives', async () => {
      const controller = new AbortController();
      installFetch(() => {
        queueMicrotask(() => controller.abort());
        return respond(ONE_PAPER);
      });
      expect((await feedError(loadFeed(SRC, { signal: controller.signal }))).kind).to.equal('abort');
    });
  });

  describe('timeout', () => {
    it('becomes a timeout error and aborts the request', async () => {
      const { requests } = installFetch(hangUntilAborted);
      const error = await feedError(loadFeed(SRC, { timeout: 20 }));
      expect(error.kind).to.equal('timeout');
      expect(error.message).to.equal('The feed did not answer within 0.02 seconds.');
      expect(requests[0].signal?.aborted).to.equal(true);
    });

    it('defaults to 10 seconds', async () => {
      installFetch(hangUntilAborted);
      const realSetTimeout = window.setTimeout;
      const delays: number[] = [];
      // Run the 10 s timer at once instead of waiting for it.
      window.setTimeout = ((fn: () => void, delay?: number) => {
        delays.push(delay ?? 0);
        return realSetTimeout(fn, delay === 10_000 ? 0 : delay);
      }) as typeof window.setTimeout;
      try {
        const error = await feedError(loadFeed(SRC));
        expect(delays).to.include(10_000);
        expect(error.kind).to.equal('timeout');
        expect(error.message).to.equal('The feed did not answer within 10 seconds.');
      } finally {
        window.setTimeout = realSetTimeout;
      }
    });
  });

  describe('proxy', () => {
    it('requests the URL-encoded feed URL through the template, and pages on the real URL', async () => {
      const src = 'https://export.arxiv.org/api/query?search_query=all:speculative%20decoding&start=0&max_results=2';
      const { requests } = installFetch(async () => respond(await readFixture('arxiv-api.atom.xml'), { type: 'application/atom+xml' }));
      const result = await loadFeed(src, { proxy: 'https://proxy.example/fetch?url={url}' });
      expect(requests[0].url).to.equal(`https://proxy.example/fetch?url=${encodeURIComponent(src)}`);
      expect(result.papers).to.have.length(2);
      expect(result.next).to.match(/^https:\/\/export\.arxiv\.org\/api\/query\?.*start=2/);
    });

    it('rejects a template without {url} without a request: a config error, explained in the console only', async () => {
      const { requests } = installFetch(() => respond(ONE_PAPER));
      const error = await feedError(loadFeed(SRC, { proxy: 'https://proxy.example/' }));
      expect(error.kind).to.equal('config');
      expect(error.message).to.equal('The feed is not set up correctly.');
      expect(error.url).to.equal(SRC);
      expect(logged).to.have.length(1);
      expect(String(logged[0][0])).to.match(/^\[paperfeed\] The proxy option must contain \{url\}.*got "https:\/\/proxy\.example\/"/);
      expect(requests).to.have.length(0);
    });

    it('fetchText rejects (never throws) for a template without {url}', async () => {
      let result: Promise<unknown> | undefined;
      expect(() => (result = fetchText(SRC, { proxy: 'https://proxy.example/' }))).not.to.throw();
      expect((await feedError(result!)).kind).to.equal('config');
    });
  });

  describe('failures', () => {
    it('404 is an http error', async () => {
      installFetch(() => respond('Not here', { status: 404, type: 'text/plain' }));
      const error = await feedError(loadFeed(SRC));
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(404);
      expect(error.url).to.equal(SRC);
      expect(error.message).to.equal('The feed answered 404 Not Found.');
    });

    it('429 carries Retry-After in seconds', async () => {
      installFetch(() => respond('slow down', { status: 429, type: 'text/plain', headers: { 'retry-after': '120' } }));
      const error = await feedError(loadFeed(SRC));
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(429);
      expect(error.retryAfter).to.equal(120);
      expect(error.message).to.equal('The feed answered 429 Too Many Requests. Try again after 120 seconds.');
    });

    it('429 reads a Retry-After HTTP date', async () => {
      const inOneMinute = new Date(Date.now() + 60_000).toUTCString();
      installFetch(() => respond('', { status: 429, type: 'text/plain', headers: { 'retry-after': inOneMinute } }));
      const error = await feedError(loadFeed(SRC));
      expect(error.retryAfter).to.be.within(58, 60);
    });

    it('parseRetryAfter reads seconds and dates and ignores junk', () => {
      const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
      expect(parseRetryAfter('30', now)).to.equal(30);
      expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:45 GMT', now)).to.equal(45);
      expect(parseRetryAfter('Wed, 21 Oct 2026 07:00:00 GMT', now)).to.equal(0);
      expect(parseRetryAfter('soon', now)).to.equal(undefined);
      expect(parseRetryAfter(null, now)).to.equal(undefined);
    });

    it('500 is an http error', async () => {
      installFetch(() => respond('boom', { status: 500, type: 'text/plain' }));
      const error = await feedError(loadFeed(SRC));
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(500);
      expect(error.message).to.equal('The feed answered 500 Internal Server Error.');
    });

    it('a network failure names CORS and the proxy option', async () => {
      installFetch(() => Promise.reject(new TypeError('Failed to fetch')));
      const error = await feedError(loadFeed(SRC));
      expect(error.kind).to.equal('network');
      expect(error.message).to.match(/^The feed could not be reached\./);
      expect(error.message).to.include('CORS');
      expect(error.message).to.include('`proxy`');
      expect((error.cause as Error).message).to.equal('Failed to fetch');
    });

    it('an HTML page with status 200 is a parse error', async () => {
      installFetch(() => respond('<!DOCTYPE html><html><head><title>Sign in</title></head><body></body></html>', { type: 'text/html' }));
      const error = await feedError(loadFeed(SRC));
      expect(error.kind).to.equal('parse');
      expect(error.message).to.equal('The feed is not JSON or XML: it looks like an HTML page.');
      expect(error.url).to.equal(SRC);
    });

    it('an HTML page sent as JSON is still named an HTML page', async () => {
      installFetch(() => respond('\n  <html lang="en"><body>Maintenance</body></html>'));
      expect((await feedError(loadFeed(SRC))).message).to.equal('The feed is not JSON or XML: it looks like an HTML page.');
    });

    it('truncated JSON is a parse error', async () => {
      installFetch(() => respond(ONE_PAPER.slice(0, 30)));
      const error = await feedError(loadFeed(SRC));
      expect(error.kind).to.equal('parse');
      expect(error.message).to.match(/^The feed is not valid JSON: .+\.$/);
    });

    it('an empty body is a parse error', async () => {
      installFetch(() => respond('  \n'));
      const error = await feedError(loadFeed(SRC));
      expect(error.kind).to.equal('parse');
      expect(error.message).to.equal('The feed is empty.');
    });

    it('JSON of the wrong shape is a shape error', async () => {
      installFetch(() => respond(JSON.stringify({ data: [], total: 0 })));
      const error = await feedError(loadFeed(SRC));
      expect(error.kind).to.equal('shape');
      expect(error.message).to.equal(
        'The feed is JSON but not a format paperfeed knows: an object with keys "data", "total". Use a transform to map it to papers.',
      );
    });

    it('broken XML is a parse error', async () => {
      installFetch(() => respond('<rss version="2.0"><channel><title>Cut off</channel>', { type: 'application/rss+xml' }));
      const error = await feedError(loadFeed(SRC));
      expect(error.kind).to.equal('parse');
      expect(error.message).to.match(/^The feed is not valid XML: error on line 1 at column \d+/);
    });

    it('XML that is not a feed is a shape error', async () => {
      installFetch(() => respond('<?xml version="1.0"?><catalog><book/></catalog>', { type: 'application/xml' }));
      const error = await feedError(loadFeed(SRC));
      expect(error.kind).to.equal('shape');
      expect(error.message).to.equal('The feed is XML but not RSS or Atom: its root element is <catalog>. Use a transform to map it to papers.');
    });

    it('a transform that throws or returns no array is a shape error', async () => {
      installFetch(() => respond(ONE_PAPER));
      const thrown = await feedError(
        loadFeed(SRC, {
          transform: () => {
            throw new Error('no results key');
          },
        }),
      );
      expect(thrown.kind).to.equal('shape');
      expect(thrown.message).to.equal('The transform option failed: no results key');
      const notArray = await feedError(loadFeed(SRC, { transform: () => ({}) as unknown as Paper[] }));
      expect(notArray.message).to.equal('The transform option must return an array of papers.');
    });
  });

  describe('format', () => {
    it('detects JSON and XML from the body whatever the content type says', async () => {
      const bodies: Record<string, [string, string]> = {
        'https://feeds.example/hf': [ONE_PAPER, 'text/plain'],
        'https://feeds.example/jsonfeed': [await readFixture('jsonfeed.json'), 'application/octet-stream'],
        'https://feeds.example/rss': [await readFixture('arxiv-rss.xml'), 'text/html; charset=utf-8'],
        'https://feeds.example/atom': [await readFixture('atom.xml'), ''],
      };
      installFetch(({ url }) => respond(bodies[url][0], { type: bodies[url][1] }));
      const formats = await Promise.all(Object.keys(bodies).map(async (url) => (await loadFeed(url)).format));
      expect(formats).to.deep.equal(['hf', 'jsonfeed', 'rss', 'atom']);
    });

    it('honours an explicit format and refuses one of the wrong kind', async () => {
      installFetch(async () => respond(await readFixture('atom.xml'), { type: 'application/atom+xml' }));
      expect((await loadFeed(SRC, { format: 'atom' })).format).to.equal('atom');
      const error = await feedError(loadFeed(SRC, { format: 'hf' }));
      expect(error.kind).to.equal('shape');
      expect(error.message).to.equal('The feed is XML, but the format option says "hf".');
    });

    it('hands a transform the XML Document', async () => {
      installFetch(async () => respond(await readFixture('atom.xml'), { type: 'application/atom+xml' }));
      const result = await loadFeed(SRC, {
        transform: (body, context) => {
          const doc = body as Document;
          return [...doc.getElementsByTagName('entry')].map(
            (entry) => ({ title: entry.getElementsByTagName('title')[0].textContent, url: context.url }) as Paper,
          );
        },
      });
      expect(result.papers.map((p) => p.title)).to.deep.equal([
        'Zeppelin: Balancing <em>Variable-length</em> Workloads',
        'ByteScale: Efficient Scaling of LLM Training',
      ]);
      expect(result.papers[0].url).to.equal(SRC);
      expect(result.papers[0].source).to.equal('custom');
    });

    it('sanitizes transform output like any feed', async () => {
      installFetch(() => respond('{}'));
      console.warn = () => {};
      const result = await loadFeed(SRC, {
        transform: () =>
          [{ title: '  Spaced\n title ', url: 'javascript:alert(1)', pdfUrl: '/p.pdf', authors: [{ name: 'A' }], tags: ['x', 'x'] }, { id: 'no title' }] as unknown as Paper[],
      });
      expect(result.skipped).to.equal(1);
      expect(result.papers[0]).to.deep.equal({
        id: 'Spaced title',
        title: 'Spaced title',
        summary: '',
        authors: [{ name: 'A' }],
        authorCount: 1,
        publishedAt: '',
        pdfUrl: 'https://huggingface.co/p.pdf',
        tags: ['x'],
        source: 'custom',
      });
    });
  });
});
