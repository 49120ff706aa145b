// The list's fetch state (src/list/controllers/feed.ts), seen through the element: typed lifecycle
// events, the "Load more" Task, and a page run abandoned when the feed starts again.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/list/define.js';
import {
  PaperfeedListErrorEvent,
  PaperfeedListLoadEndEvent,
  PaperfeedListLoadEvent,
  PaperfeedListLoadStartEvent,
  type PaperfeedList,
} from '../src/list/paperfeed-list.js';
import { setFetch } from '../src/feed/net/fetch-hook.js';
import { clearFeedCache } from '../src/feed/load.js';
import { deferred, installFetch, respond } from './feed/helpers.js';

const hfItem = (n: number) => ({ paper: { id: `2511.${String(n).padStart(5, '0')}`, title: `Paper ${n}`, authors: [] } });
const items = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => hfItem(from + i));
const json = (body: unknown) => respond(JSON.stringify(body));
const page = (url: string) => new URL(url).searchParams.get('p');

let run = 0;
let base = '';
beforeEach(() => {
  run++;
  base = `https://feeds.test/feed-controller-${run}`;
  clearFeedCache();
});
afterEach(() => setFetch());

const titles = (el: PaperfeedList) => [...el.shadowRoot!.querySelectorAll('paperfeed-card')].map((card) => card.paper?.title);
const loadMore = (el: PaperfeedList) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="load-more"]')!;

async function mount(src: string): Promise<PaperfeedList> {
  const el = await fixture<PaperfeedList>(html`<paperfeed-list src=${src} limit="2"></paperfeed-list>`);
  while (el.state === 'loading') await oneEvent(el, 'loadend');
  await el.updateComplete;
  return el;
}

describe('FeedController', () => {
  it('fires typed events: load and error are Event subclasses that keep their detail', async () => {
    installFetch((request) => (request.url.includes('bad') ? respond('x', { status: 500, type: 'text/plain' }) : json(items(1, 2))));
    const el = document.createElement('paperfeed-list');
    const log: Event[] = [];
    for (const type of ['loadstart', 'load', 'error', 'loadend'] as const) el.addEventListener(type, (e) => log.push(e));
    el.src = `${base}/hf`;
    const loaded = oneEvent(el, 'loadend');
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    await loaded;
    expect(log[0]).to.be.instanceOf(PaperfeedListLoadStartEvent);
    expect(log[1]).to.be.instanceOf(PaperfeedListLoadEvent);
    expect((log[1] as PaperfeedListLoadEvent).detail.papers.map((p) => p.title)).to.deep.equal(['Paper 1', 'Paper 2']);
    expect(log[2]).to.be.instanceOf(PaperfeedListLoadEndEvent);

    log.length = 0;
    el.src = `${base}/bad`;
    await oneEvent(el, 'loadend');
    const error = log.find((e) => e.type === 'error') as PaperfeedListErrorEvent;
    expect(error).to.be.instanceOf(PaperfeedListErrorEvent);
    expect(error.detail.error.status).to.equal(500);
  });

  it('Load more fetches the next page as its own run: busy while it runs, then every paper loaded so far', async () => {
    const next = deferred<Response>();
    installFetch((request) => (page(request.url) === '1' ? next.promise : json(items(1, 2))));
    const el = await mount(`${base}/hf?limit=2`);
    const started = oneEvent(el, 'loadstart');
    loadMore(el).click();
    await started;
    await el.updateComplete;
    expect(loadMore(el).getAttribute('aria-busy')).to.equal('true');
    expect(el.state, 'the list itself stays loaded').to.equal('loaded');
    const loaded = oneEvent(el, 'load') as Promise<PaperfeedListLoadEvent>;
    next.resolve(json(items(3, 3)));
    expect((await loaded).detail.papers.map((p) => p.title)).to.deep.equal(['Paper 1', 'Paper 2', 'Paper 3']);
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Paper 1', 'Paper 2', 'Paper 3']);
  });

  it('a failed page says why on its button, and trying again loads it', async () => {
    let fail = true;
    installFetch((request) =>
      page(request.url) === '1' ? (fail ? respond('x', { status: 503, type: 'text/plain' }) : json(items(3, 3))) : json(items(1, 2)),
    );
    const el = await mount(`${base}/hf?limit=2`);
    loadMore(el).click();
    await oneEvent(el, 'loadend');
    await el.updateComplete;
    expect(loadMore(el).textContent!.trim()).to.equal('Retry');
    expect(el.shadowRoot!.querySelector('.more .error-text')!.textContent).to.include('503');
    fail = false;
    loadMore(el).click();
    await oneEvent(el, 'loadend');
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Paper 1', 'Paper 2', 'Paper 3']);
    expect(loadMore(el)).to.equal(null);
  });

  it('a page still loading when the feed starts again is dropped: no events, no busy button', async () => {
    const next = deferred<Response>();
    installFetch((request) => (page(request.url) === '1' ? next.promise : json(items(1, 2))));
    const el = await mount(`${base}/hf?limit=2`);
    loadMore(el).click();
    await el.updateComplete;
    const types: string[] = [];
    for (const type of ['load', 'error'] as const) el.addEventListener(type, (e) => types.push(e.type));
    el.reload();
    await oneEvent(el, 'loadend');
    await el.updateComplete;
    expect(types).to.deep.equal(['load']);
    expect(loadMore(el).getAttribute('aria-busy')).to.equal('false');
    next.resolve(json(items(3, 3)));
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Paper 1', 'Paper 2']);
  });
});
