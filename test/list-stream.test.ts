// Tests: FeedController (src/list/controllers/feed.ts), its streaming and kept-result state.
// <paperfeed-list> while a big HF feed streams in: the first page shows before the body is complete,
// `load` and the loaded state wait for the whole feed, sorted or filtered views wait too, and a
// broken or superseded stream leaves nothing stale on screen.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/list/define.js';
import type { ListErrorDetail, ListLoadDetail, PaperfeedList } from '../src/list/paperfeed-list.js';
import { setFetch } from '../src/feed/net/fetch-hook.js';
import { clearFeedCache, loadFeed } from '../src/feed/load.js';
import type { Paper } from '../src/feed/paper.js';
import { installFetch, respond } from './feed/helpers.js';
import { hfItem, openArray, streamedResponse, type StreamedResponse } from './feed/streams.js';

let run = 0;
let base = '';
beforeEach(() => {
  run++;
  base = `https://feeds.test/stream-${run}`;
  clearFeedCache();
});
afterEach(() => {
  setFetch();
});

const $ = <T extends Element = HTMLElement>(el: PaperfeedList, selector: string) => el.shadowRoot!.querySelector<T>(selector);
/** Titles of the paper cards shown (skeleton cards have no paper). */
const titles = (el: PaperfeedList) =>
  [...el.shadowRoot!.querySelectorAll('paperfeed-card')].filter((card) => card.paper).map((card) => card.paper!.title);
const status = (el: PaperfeedList) => $(el, '[role="status"]')!.textContent!.trim();
const items = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => hfItem(from + i));
const names = (from: number, to: number) => items(from, to).map((item) => item.paper.title);

/** Every request gets a new streamed body; `next()` resolves with the body of the next request. */
function installStreams() {
  const waiting: ((body: StreamedResponse) => void)[] = [];
  const bodies: StreamedResponse[] = [];
  const { requests } = installFetch((request) => {
    const body = streamedResponse(request);
    bodies.push(body);
    waiting.shift()?.(body);
    return body.response;
  });
  let taken = 0;
  const next = (): Promise<StreamedResponse> =>
    taken < bodies.length ? Promise.resolve(bodies[taken++]) : new Promise((resolve) => waiting.push((body) => (taken++, resolve(body))));
  return { requests, next };
}

/** Sends a chunk and waits until the list shows `expected` (paper titles). */
async function sendAndShow(el: PaperfeedList, body: StreamedResponse, chunk: string, expected: string[]): Promise<void> {
  body.send(chunk);
  const want = JSON.stringify(expected);
  await waitUntil(() => JSON.stringify(titles(el)) === want, `expected ${want}, saw ${JSON.stringify(titles(el))}`);
  await el.updateComplete;
}

/**
 * Another reader of the same request (it shares the list's fetch): `reached(n)` resolves once the
 * stream has delivered n papers, i.e. once every reader of the request has been handed that chunk.
 */
function observe(src: string, reload = false): { reached: (count: number) => Promise<void> } {
  const waits: { count: number; resolve: () => void }[] = [];
  const onPapers = (papers: Paper[]) => {
    for (const wait of waits.filter((w) => papers.length >= w.count)) wait.resolve();
  };
  loadFeed(src, { onPapers, reload }).catch(() => undefined);
  return { reached: (count) => new Promise((resolve) => waits.push({ count, resolve })) };
}

describe('<paperfeed-list> streaming a big feed', function () {
  this.timeout(15000);

  it('shows the first page while the body is still open, and loads the whole feed after', async () => {
    const streams = installStreams();
    const src = `${base}/feed.json`;
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <paperfeed-list limit="3" src=${src}></paperfeed-list>
      <paperfeed-list limit="2" src=${src}></paperfeed-list>
    </div>`);
    const [el, smaller] = [...wrap.querySelectorAll('paperfeed-list')];
    const body = await streams.next(); // one request shared by both lists
    let loads = 0;
    el.addEventListener('load', () => loads++);

    // A first page that is not full yet: the skeletons stay (while a list with a smaller page shows its own).
    await sendAndShow(smaller, body, openArray(items(1, 3)), names(1, 2));
    await el.updateComplete;
    expect(titles(el)).to.deep.equal([]);

    // More papers than one page: the reader sees the first page and "Load more", still busy.
    await sendAndShow(el, body, JSON.stringify(hfItem(4)) + ',', names(1, 3));
    expect($(el, '[part~="load-more"]')).to.exist;
    expect(el.getAttribute('state')).to.equal('loading');
    expect($(el, 'ul')!.getAttribute('aria-busy')).to.equal('true');
    expect(status(el)).to.equal('Loading papers…');
    expect(loads).to.equal(0);
    await expect(el).to.be.accessible();

    const loaded = oneEvent(el, 'load') as Promise<CustomEvent<ListLoadDetail>>;
    body.send(items(5, 40).map((item) => JSON.stringify(item)).join(',') + ']');
    body.close();
    const event = await loaded;
    expect(event.detail.papers.map((paper) => paper.title)).to.deep.equal(names(1, 40));
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('loaded');
    expect($(el, 'ul')!.getAttribute('aria-busy')).to.equal('false');
    expect(titles(el)).to.deep.equal(names(1, 3));
    expect(status(el)).to.equal('40 papers loaded');
    expect(loads).to.equal(1);
  });

  it('keeps the cards on screen when Load more is pressed before the next page has arrived', async () => {
    const streams = installStreams();
    const el = await fixture<PaperfeedList>(html`<paperfeed-list limit="2" src="${base}/feed.json"></paperfeed-list>`);
    const body = await streams.next();
    await sendAndShow(el, body, openArray(items(1, 3)), names(1, 2));
    $(el, '[part~="load-more"]')!.click();
    await el.updateComplete;
    // Only three papers so far: the reader sees them, and no skeletons come back.
    expect(titles(el)).to.deep.equal(names(1, 3));
    expect(el.shadowRoot!.querySelectorAll('li[aria-hidden]')).to.have.length(0);
    await sendAndShow(el, body, items(4, 6).map((item) => JSON.stringify(item)).join(',') + ',', names(1, 4));
    const loaded = oneEvent(el, 'load');
    body.send(`${JSON.stringify(hfItem(7))}]`);
    body.close();
    await loaded;
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(names(1, 4));
  });

  it('waits for the whole feed when sorted by upvotes or searched, while a feed-order list shows it', async () => {
    const streams = installStreams();
    const src = `${base}/feed.json`;
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <paperfeed-list limit="2" src=${src}></paperfeed-list>
      <paperfeed-list limit="2" sort="upvotes" src=${src}></paperfeed-list>
      <paperfeed-list limit="2" query="paper" src=${src}></paperfeed-list>
    </div>`);
    const [feedOrder, byUpvotes, searched] = [...wrap.querySelectorAll('paperfeed-list')];
    const body = await streams.next(); // one shared request for the three lists
    await sendAndShow(feedOrder, body, openArray(items(1, 5)), names(1, 2));
    await Promise.all([byUpvotes.updateComplete, searched.updateComplete]);
    expect(titles(byUpvotes)).to.deep.equal([]);
    expect(titles(searched)).to.deep.equal([]);

    const done = Promise.all([oneEvent(byUpvotes, 'load'), oneEvent(searched, 'load')]);
    body.send(`${JSON.stringify(hfItem(6))}]`);
    body.close();
    await done;
    await Promise.all([byUpvotes.updateComplete, searched.updateComplete]);
    expect(titles(byUpvotes)).to.deep.equal(['Streamed paper 6', 'Streamed paper 5']);
    expect(titles(searched)).to.deep.equal(names(1, 2));
  });

  it('shows the error state when the connection breaks mid-body, and Retry loads the feed', async () => {
    const streams = installStreams();
    const el = await fixture<PaperfeedList>(html`<paperfeed-list limit="2" src="${base}/feed.json"></paperfeed-list>`);
    const body = await streams.next();
    await sendAndShow(el, body, openArray(items(1, 4)), names(1, 2));

    const failed = oneEvent(el, 'error') as Promise<CustomEvent<ListErrorDetail>>;
    body.fail();
    expect((await failed).detail.error.message).to.equal('The connection broke while the feed was being read.');
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('error');
    expect(titles(el)).to.deep.equal([]);
    // The reader gets a plain sentence in the list's language; the data layer's text stays on the event.
    expect($(el, '[part~="error"]')!.textContent).to.contain('The feed could not be reached.');

    $(el, '[part~="retry"]')!.click();
    const retry = await streams.next();
    await el.updateComplete;
    // No partial papers of the broken run while Retry loads.
    expect(titles(el)).to.deep.equal([]);
    const loaded = oneEvent(el, 'load') as Promise<CustomEvent<ListLoadDetail>>;
    retry.send(JSON.stringify(items(1, 5)));
    retry.close();
    expect((await loaded).detail.papers).to.have.length(5);
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(names(1, 2));
    expect(streams.requests).to.have.length(2);
  });

  it('never shows a superseded stream, even while its body goes on arriving for another list', async () => {
    const streams = installStreams();
    const src = `${base}/old.json`;
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <paperfeed-list limit="2" src=${src}></paperfeed-list>
      <paperfeed-list limit="2" src=${src}></paperfeed-list>
    </div>`);
    const [el, other] = [...wrap.querySelectorAll('paperfeed-list')];
    const old = await streams.next();
    await sendAndShow(el, old, openArray(items(1, 3)), names(1, 2));

    el.src = `${base}/new.json`;
    const current = await streams.next();
    await el.updateComplete;
    expect(titles(el)).to.deep.equal([]);
    expect(el.getAttribute('state')).to.equal('loading');

    // The old request lives on for the other list; its papers reach that list only.
    const watcher = observe(src);
    const delivered = watcher.reached(6);
    old.send(openArray(items(4, 6)).slice(1));
    await delivered;
    await Promise.all([el.updateComplete, other.updateComplete]);
    expect(titles(other)).to.deep.equal(names(1, 2));
    expect(titles(el)).to.deep.equal([]);

    await sendAndShow(el, current, openArray([hfItem(100, 'New 1'), hfItem(101, 'New 2'), hfItem(102, 'New 3')]), ['New 1', 'New 2']);
    const loaded = oneEvent(el, 'load') as Promise<CustomEvent<ListLoadDetail>>;
    current.send(`${JSON.stringify(hfItem(103, 'New 4'))}]`);
    current.close();
    expect((await loaded).detail.papers.map((paper) => paper.title)).to.deep.equal(['New 1', 'New 2', 'New 3', 'New 4']);
    const otherLoaded = oneEvent(other, 'load') as Promise<CustomEvent<ListLoadDetail>>;
    old.send(`${JSON.stringify(hfItem(7))}]`);
    old.close();
    expect((await otherLoaded).detail.papers.map((paper) => paper.title)).to.deep.equal(names(1, 7));
    expect(streams.requests[0].signal?.aborted).to.equal(false);
  });

  it('keeps a reloaded feed on screen until the new one is complete', async () => {
    let answer = 0;
    let reloadBody: StreamedResponse | undefined;
    installFetch((request) => {
      if (answer++ === 0) return respond(JSON.stringify(items(1, 3)));
      reloadBody = streamedResponse(request);
      return reloadBody.response;
    });
    const el = await fixture<PaperfeedList>(html`<paperfeed-list limit="2" src="${base}/feed.json"></paperfeed-list>`);
    await oneEvent(el, 'load');
    await el.updateComplete;
    el.reload();
    await waitUntil(() => reloadBody, 'the reload was not requested');
    const delivered = observe(`${base}/feed.json`, true).reached(3);
    reloadBody!.send(openArray([hfItem(7, 'Fresh 1'), hfItem(8, 'Fresh 2'), hfItem(9, 'Fresh 3')]));
    await delivered;
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(names(1, 2));
    const loaded = oneEvent(el, 'load');
    reloadBody!.send(`${JSON.stringify(hfItem(10, 'Fresh 4'))}]`);
    reloadBody!.close();
    await loaded;
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Fresh 1', 'Fresh 2']);
  });
  it('a Retry whose feed streams in hands focus to the first paper when its box gives way', async () => {
    let answer = 0;
    let retryBody: StreamedResponse | undefined;
    installFetch((request) => {
      if (answer++ === 0) return respond('Internal Server Error', { status: 500, type: 'text/plain' });
      retryBody = streamedResponse(request);
      return retryBody.response;
    });
    const el = await fixture<PaperfeedList>(html`<paperfeed-list limit="2" src="${base}/feed.json"></paperfeed-list>`);
    await oneEvent(el, 'error');
    await el.updateComplete;
    const retry = $<HTMLButtonElement>(el, '[part~="retry"]')!;
    retry.focus();
    retry.click();
    await waitUntil(() => retryBody, 'the retry was not requested');
    // The first page arrives while the body is still open: the error box and its Retry go away.
    await sendAndShow(el, retryBody!, openArray(items(1, 3)), names(1, 2));
    const first = el.shadowRoot!.querySelector('li');
    expect(el.shadowRoot!.activeElement === first, 'focus on the first paper, not lost to <body>').to.equal(true);
    const loaded = oneEvent(el, 'load');
    retryBody!.send(`${JSON.stringify(hfItem(4))}]`);
    retryBody!.close();
    await loaded;
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement === el.shadowRoot!.querySelector('li'), 'still on the first paper').to.equal(true);
  });
});
