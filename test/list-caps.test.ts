// Issue 18 in the list: the `max-bytes` attribute reaches the fetcher, a feed over the item cap says
// "First N of M" in the status region, a too-large feed gets a plain sentence, and a body that fails
// mid-stream leaves none of its papers behind (on screen or in FeedController).
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { LitElement, type TemplateResult } from 'lit';
import '../src/list/define.js';
import type { ListErrorDetail, ListLoadDetail, PaperfeedList } from '../src/list/paperfeed-list.js';
import { FeedController } from '../src/list/controllers/feed.js';
import type { ListSort } from '../src/list/controllers/filter.js';
import { setFetch } from '../src/feed/net/fetch-hook.js';
import { clearFeedCache } from '../src/feed/load.js';
import { MAX_ITEMS } from '../src/feed/limits.js';
import type { FeedFormat } from '../src/feed/paper.js';
import { installFetch, respond } from './feed/helpers.js';
import { hfItem, openArray, streamedResponse, type StreamedResponse } from './feed/streams.js';

let run = 0;
let base = '';
let warn: typeof console.warn;
let warnings: string[];
beforeEach(() => {
  run++;
  base = `https://feeds.test/caps-${run}`;
  clearFeedCache();
  warn = console.warn;
  warnings = [];
  console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
});
afterEach(() => {
  setFetch();
  console.warn = warn;
});

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const status = (el: PaperfeedList) => $(el, '[role="status"]')!.textContent!.trim();
const cards = (el: PaperfeedList) => [...el.shadowRoot!.querySelectorAll('paperfeed-card')].filter((card) => card.paper);
const items = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => hfItem(from + i));

/** Each request gets a streamed body; `next()` resolves with the body of the next request. */
function installStreams(): { next: () => Promise<StreamedResponse> } {
  const bodies: StreamedResponse[] = [];
  const waiting: ((body: StreamedResponse) => void)[] = [];
  installFetch((request) => {
    const body = streamedResponse(request);
    const wait = waiting.shift();
    if (wait) wait(body);
    else bodies.push(body);
    return body.response;
  });
  return { next: () => (bodies.length ? Promise.resolve(bodies.shift()!) : new Promise((resolve) => waiting.push(resolve))) };
}

describe('<paperfeed-list> caps (issue 18)', function () {
  this.timeout(20_000);

  it('passes max-bytes to the fetcher: a body over it shows a plain "too large" box, without Retry', async () => {
    const body = JSON.stringify(items(1, 200)); // ~50 kB
    expect(body.length).to.be.greaterThan(20_000);
    installFetch(() => respond(body));
    const src = `${base}/hf.json`;
    const el = document.createElement('paperfeed-list');
    el.setAttribute('max-bytes', '10000');
    el.src = src;
    const failed = oneEvent(el, 'error') as Promise<CustomEvent<ListErrorDetail>>;
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    expect(el.maxBytes).to.equal(10_000);
    const { error } = (await failed).detail;
    expect(error.kind).to.equal('too-large');
    // The author's message (console, event) names the cap and the attribute...
    expect(error.message).to.include('9.8 kB').and.to.include('max-bytes');
    await el.updateComplete;
    expect(el.state).to.equal('error');
    // ...the reader's box says it plainly, and offers no Retry that would only fetch it again.
    const box = $(el, '[part~="error"]')!.textContent!.trim();
    expect(box).to.equal('The feed is too large to show.');
    expect($(el, '[part~="retry"]')).to.equal(null);
    expect(status(el)).to.equal('The feed is too large to show.');
    await expect(el).to.be.accessible();

    // The same feed under the default cap (5 MB) loads: it was the attribute that stopped it.
    const other = document.createElement('paperfeed-list');
    other.src = src;
    const loaded = oneEvent(other, 'load') as Promise<CustomEvent<ListLoadDetail>>;
    el.after(other);
    expect((await loaded).detail.papers).to.have.length(200);
    expect(other.maxBytes).to.equal(5 * 1024 * 1024);
  });

  it(`says "First ${MAX_ITEMS.toLocaleString('en')} of N" when the feed had more items than the list keeps`, async () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Big',
      items: Array.from({ length: MAX_ITEMS + 1 }, (_, i) => ({ id: `i${i}`, title: `Paper ${i + 1}`, url: `https://example.org/${i}` })),
    };
    installFetch(() => respond(JSON.stringify(feed), { type: 'application/feed+json' }));
    const el = document.createElement('paperfeed-list');
    el.src = `${base}/big.json`;
    const loaded = oneEvent(el, 'load') as Promise<CustomEvent<ListLoadDetail>>;
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    expect((await loaded).detail.papers).to.have.length(MAX_ITEMS);
    await el.updateComplete;
    expect(status(el)).to.equal('First 5,000 of 5,001 papers loaded');
    expect(warnings.filter((w) => w.includes('5001 papers'))).to.have.length(1);
    // The text is a string key like the others, plural-aware, in the list's language.
    el.lang = 'de';
    el.strings = { loadedFirst: { one: 'Die ersten {n} von {total} Paper', other: 'Die ersten {n} von {total} Papern' } };
    await el.updateComplete;
    expect(status(el)).to.equal('Die ersten 5.000 von 5.001 Papern');
    // A search answers with its matches, not with the cap.
    el.query = 'Paper 4999';
    await el.updateComplete;
    expect(status(el)).to.not.include('5.001');
  });

  it('drops the papers a body streamed in once it fails mid-stream (max-bytes reached)', async () => {
    const streams = installStreams();
    const el = await fixture<PaperfeedList>(html`<paperfeed-list limit="2" max-bytes="3000" src="${base}/stream.json"></paperfeed-list>`);
    const body = await streams.next();
    body.send(openArray(items(1, 4)));
    await waitUntil(() => cards(el).length === 2, 'the first page shows while the body streams in');
    expect(el.state).to.equal('loading');

    const failed = oneEvent(el, 'error') as Promise<CustomEvent<ListErrorDetail>>;
    body.send(items(5, 30).map((item) => JSON.stringify(item)).join(','));
    expect((await failed).detail.error.kind).to.equal('too-large');
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect(cards(el)).to.have.length(0);
    expect($(el, '[part~="load-more"]')).to.equal(null);
    expect($(el, '[part~="error"]')!.textContent!.trim()).to.equal('The feed is too large to show.');
  });
});

/** A bare host for FeedController: what a list asks of it, and its papers as text. */
class FeedHostElement extends LitElement {
  format: FeedFormat = 'auto';
  timeout?: number;
  proxy?: string;
  maxBytes?: number;
  limit = 2;
  sort: ListSort = 'feed';
  query = '';
  src?: string;
  readonly feed = new FeedController(this, {
    url: () => this.src,
    given: () => undefined,
    base: () => undefined,
    locale: () => 'en',
    revealed: () => undefined,
  });

  override render(): TemplateResult {
    return html`${this.feed.all.map((paper) => html`<p>${paper.title}</p>`)}`;
  }
}
customElements.define('test-feed-host', FeedHostElement);

describe('FeedController after a failed stream (issue 18)', () => {
  it('lets go of the papers it streamed in: nothing kept in `partial`, nothing rendered', async () => {
    const streams = installStreams();
    const host = await fixture<FeedHostElement>(html`<test-feed-host></test-feed-host>`);
    const failed = new Promise<void>((resolve) => host.addEventListener('error', () => resolve(), { once: true }));
    host.src = `${base}/controller.json`;
    host.requestUpdate();
    const body = await streams.next();
    body.send(openArray(items(1, 5)));
    const partial = () => (host.feed as unknown as { partial?: { papers: unknown[] } }).partial;
    await waitUntil(() => host.shadowRoot!.querySelectorAll('p').length === 5, 'the streamed papers show');
    expect(partial()?.papers).to.have.length(5);

    body.fail();
    await failed;
    await host.updateComplete;
    expect(host.feed.state).to.equal('error');
    expect(partial()).to.equal(undefined);
    expect(host.feed.all).to.deep.equal([]);
    expect(host.shadowRoot!.querySelectorAll('p')).to.have.length(0);
  });
});
