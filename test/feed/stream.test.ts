// loadFeed while the body is still arriving: progress (`onPapers`) for an HF array, the same final
// result and errors as parsing the whole text, and nothing after the caller left.
import { expect } from '@open-wc/testing';
import { FeedError } from '../../src/feed/errors.js';
import { setFetch } from '../../src/feed/net/fetch-hook.js';
import { clearFeedCache, loadFeed } from '../../src/feed/load.js';
import type { Paper } from '../../src/feed/paper.js';
import { parseFeed } from '../../src/feed/parse/parse.js';
import { installFetch, readFixture, rejection, respond } from './helpers.js';
import { hfItem, openArray, streamedResponse, type StreamedResponse } from './streams.js';

let run = 0;
let src = '';

/** Records `onPapers` calls; `reach(n)` resolves with the first call holding at least n papers. */
function progress(): { onPapers: (papers: Paper[]) => void; calls: Paper[][]; reach: (count: number) => Promise<Paper[]> } {
  const calls: Paper[][] = [];
  let waits: { count: number; resolve: (papers: Paper[]) => void }[] = [];
  return {
    calls,
    onPapers: (papers) => {
      calls.push(papers);
      waits.filter((wait) => papers.length >= wait.count).forEach((wait) => wait.resolve(papers));
      waits = waits.filter((wait) => papers.length < wait.count);
    },
    reach: (count) => {
      const done = calls.find((papers) => papers.length >= count);
      return done ? Promise.resolve(done) : new Promise((resolve) => waits.push({ count, resolve }));
    },
  };
}

/** A fake fetch answering every request with a new streamed response; `body` resolves with the first one. */
function installStreams(): { body: Promise<StreamedResponse>; requests: ReturnType<typeof installFetch>['requests'] } {
  let answered!: (body: StreamedResponse) => void;
  const body = new Promise<StreamedResponse>((resolve) => (answered = resolve));
  const { requests } = installFetch((request) => {
    const streamed = streamedResponse(request);
    answered(streamed);
    return streamed.response;
  });
  return { body, requests };
}

const titles = (papers: Paper[]) => papers.map((paper) => paper.title);

describe('loadFeed, streaming', () => {
  let warn: typeof console.warn;
  let warnings: unknown[][];

  beforeEach(() => {
    run++;
    src = `https://huggingface.co/api/daily_papers?stream=${run}`;
    clearFeedCache();
    warn = console.warn;
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
  });

  afterEach(() => {
    setFetch();
    console.warn = warn;
  });

  it('reports the first papers while the body is still open, then resolves with all of them', async () => {
    const streams = installStreams();
    const watch = progress();
    const loading = loadFeed(src, { onPapers: watch.onPapers });
    const first = watch.reach(2);
    const body = await streams.body;
    body.send(openArray([hfItem(1), hfItem(2)]));
    expect(titles(await first)).to.deep.equal(['Streamed paper 1', 'Streamed paper 2']);

    const second = watch.reach(3);
    body.send(`${JSON.stringify(hfItem(3))},${JSON.stringify(hfItem(4)).slice(0, 20)}`);
    expect(titles(await second)).to.deep.equal(['Streamed paper 1', 'Streamed paper 2', 'Streamed paper 3']);

    body.send(`${JSON.stringify(hfItem(4)).slice(20)}]`);
    body.close();
    const result = await loading;
    expect(titles(result.papers)).to.deep.equal(['Streamed paper 1', 'Streamed paper 2', 'Streamed paper 3', 'Streamed paper 4']);
    expect(result.format).to.equal('hf');
  });

  it('gives exactly what parseFeed gives for the whole text, skipped items, warning and next page included', async () => {
    const url = `https://huggingface.co/api/daily_papers?limit=5&stream=${run}`;
    const items: unknown[] = [hfItem(1), 42, hfItem(2), { paper: { id: 'x' } }, hfItem(3, 'Ünïcödé 📄 title')];
    const text = JSON.stringify(items, null, 2);
    const expected = parseFeed(text, 'application/json', { url });
    const expectedWarnings = warnings.splice(0);
    expect(expected.skipped).to.equal(2);
    expect(expected.next).to.be.a('string');

    // Bytes cut every 7 bytes: multi-byte characters are split between chunks. The first item goes
    // first, and the rest only once its paper was reported: progress while the body is still open.
    const bytes = new TextEncoder().encode(text);
    const firstItemEnd = new TextEncoder().encode(text.slice(0, text.indexOf('42'))).length;
    const streams = installStreams();
    const watch = progress();
    const loading = loadFeed(url, { onPapers: watch.onPapers });
    const body = await streams.body;
    for (let i = 0; i < firstItemEnd; i += 7) body.send(bytes.slice(i, Math.min(i + 7, firstItemEnd)));
    expect(titles(await watch.reach(1))).to.deep.equal(titles(expected.papers.slice(0, 1)));
    for (let i = firstItemEnd; i < bytes.length; i += 7) body.send(bytes.slice(i, Math.min(i + 7, bytes.length)));
    body.close();
    const result = await loading;
    expect(result).to.deep.equal(expected);
    expect(warnings).to.deep.equal(expectedWarnings);
  });

  it('reads the HF fixture to the same result as parseFeed', async () => {
    const text = await readFixture('hf-daily-papers.json');
    installFetch(() => respond(text));
    const watch = progress();
    expect(await loadFeed(src, { onPapers: watch.onPapers })).to.deep.equal(parseFeed(text, 'application/json', { url: src }));
  });

  it('parses a 10,000-paper body in slices, reporting progress before the end', async function () {
    this.timeout(20000);
    const text = `[${Array.from({ length: 10_000 }, (_, i) => JSON.stringify(hfItem(i + 1))).join(',')}]`;
    installFetch(() => respond(text)); // one chunk: all the splitting happens at once, the parsing may not
    const watch = progress();
    const result = await loadFeed(src, { onPapers: watch.onPapers });
    // The item cap (feed/limits.ts) keeps the first 5,000 and counts the rest.
    expect(result.papers).to.have.length(5_000);
    expect(result.total).to.equal(10_000);
    expect(watch.calls.length).to.be.greaterThan(1);
    expect(watch.calls[0].length).to.be.lessThan(10_000);
  });

  it('reports nothing for formats it does not stream, and reads them as before', async () => {
    const watch = progress();
    const feeds = [
      [await readFixture('jsonfeed.json'), 'application/feed+json'],
      [await readFixture('rss2.xml'), 'application/rss+xml'],
    ];
    for (const [text, type] of feeds) {
      installFetch(() => respond(text, { type }));
      const result = await loadFeed(`${src}&type=${type}`, { onPapers: watch.onPapers });
      expect(result).to.deep.equal(parseFeed(text, type, { url: `${src}&type=${type}` }));
    }
    // A transform gets the parsed array; no progress either.
    installFetch(() => respond(JSON.stringify([hfItem(1)])));
    const custom = await loadFeed(`${src}&transform`, {
      onPapers: watch.onPapers,
      transform: (data) => (data as { paper: { title: string } }[]).map((item) => ({ title: `T: ${item.paper.title}` }) as Paper),
    });
    expect(titles(custom.papers)).to.deep.equal(['T: Streamed paper 1']);
    expect(watch.calls).to.deep.equal([]);
  });

  it('reports nothing for an array that is not HF papers, and fails with the shape error as before', async () => {
    const streams = installStreams();
    const watch = progress();
    const loading = loadFeed(src, { onPapers: watch.onPapers });
    const body = await streams.body;
    body.send('[{"name": "a"}, {"name": "b"},');
    await body.drained();
    body.send('{"name": "c"}]');
    body.close();
    const error = (await rejection(loading)) as FeedError;
    expect(error).to.be.instanceOf(FeedError);
    expect(error.kind).to.equal('shape');
    expect(error.message).to.equal(
      'The feed is JSON but not a format paperfeed knows: an array of 3 items without paper fields. Use a transform to map it to papers.',
    );
    expect(watch.calls).to.deep.equal([]);
  });

  it('fails with the parse error of the whole text when the JSON breaks after good items', async () => {
    const text = `${openArray([hfItem(1), hfItem(2)])}{"paper": {"title": oops}}]`;
    installFetch(() => respond(text));
    const error = (await rejection(loadFeed(src))) as FeedError;
    const expected = (() => {
      try {
        parseFeed(text);
      } catch (e) {
        return e as FeedError;
      }
      throw new Error('parseFeed accepted broken JSON');
    })();
    expect(error.kind).to.equal('parse');
    expect(error.message).to.equal(expected.message);
  });

  it('fails with a network error when the connection breaks mid-body', async () => {
    const streams = installStreams();
    const watch = progress();
    const loading = loadFeed(src, { onPapers: watch.onPapers });
    const body = await streams.body;
    const first = watch.reach(2);
    body.send(openArray([hfItem(1), hfItem(2)]));
    await first;
    body.fail();
    const error = (await rejection(loading)) as FeedError;
    expect(error.kind).to.equal('network');
    expect(error.message).to.equal('The connection broke while the feed was being read.');
  });

  it('stops reporting once the caller aborts, and rejects with an abort', async () => {
    const streams = installStreams();
    const { requests } = streams;
    const watch = progress();
    const controller = new AbortController();
    const loading = loadFeed(src, { onPapers: watch.onPapers, signal: controller.signal });
    const body = await streams.body;
    const first = watch.reach(1);
    body.send(openArray([hfItem(1)]));
    await first;
    controller.abort();
    expect(((await rejection(loading)) as FeedError).kind).to.equal('abort');
    expect(requests[0].signal?.aborted).to.equal(true);
    expect(watch.calls).to.have.length(1);
  });

  it('gives a caller joining a request under way the papers read so far, sharing one request', async () => {
    const streams = installStreams();
    const { requests } = streams;
    const early = progress();
    const late = progress();
    const first = loadFeed(src, { onPapers: early.onPapers });
    const body = await streams.body;
    const seen = early.reach(2);
    body.send(openArray([hfItem(1), hfItem(2)]));
    await seen;
    const lateSeen = late.reach(2);
    const second = loadFeed(src, { onPapers: late.onPapers });
    expect(titles(await lateSeen)).to.deep.equal(['Streamed paper 1', 'Streamed paper 2']);
    body.send(`${JSON.stringify(hfItem(3))}]`);
    body.close();
    const [a, b] = await Promise.all([first, second]);
    expect(requests).to.have.length(1);
    expect(titles(a.papers)).to.deep.equal(titles(b.papers));
    expect(a.papers).to.have.length(3);
  });

  it('answers a repeated load from the cache without progress', async () => {
    installFetch(() => respond(JSON.stringify([hfItem(1), hfItem(2)])));
    await loadFeed(src);
    const watch = progress();
    const again = await loadFeed(src, { onPapers: watch.onPapers });
    expect(titles(again.papers)).to.deep.equal(['Streamed paper 1', 'Streamed paper 2']);
    expect(watch.calls).to.deep.equal([]);
  });
});
