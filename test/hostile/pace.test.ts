// Issue 18, "a responsive host page", in the list: a page of cards is rendered a few cards per task
// (src/list/controllers/pace.ts), never all thirty in the task that read the feed, while `load`,
// `loadend` and `updateComplete` still come once every card of the page is there. Before it, the
// first page of a feed was one task of 100-240 ms (bench/hostile.mjs, part 5). Also: a JSON array
// whose items are not papers fails from the streamed reading, without parsing the whole body again
// in one task (1,000,000 `{}` took 300 ms).
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/list/define.js';
import type { PaperfeedList } from '../../src/list/paperfeed-list.js';
import { FeedError } from '../../src/feed/errors.js';
import { setFetch } from '../../src/feed/net/fetch-hook.js';
import { clearFeedCache, loadFeed } from '../../src/feed/load.js';
import { parseFeed } from '../../src/feed/parse/parse.js';
import { sliceStats } from '../../src/feed/parse/slices.js';
import { installFetch, respond } from '../feed/helpers.js';
import { hfItem } from '../feed/streams.js';

let run = 0;
beforeEach(() => {
  run++;
  clearFeedCache();
});
afterEach(() => setFetch());

const json = (body: unknown) => respond(JSON.stringify(body));
const items = (count: number) => Array.from({ length: count }, (_, i) => hfItem(i + 1));
const titles = (el: PaperfeedList) =>
  [...el.shadowRoot!.querySelectorAll('paperfeed-card')].map((card) => card.shadowRoot?.getElementById('title')?.textContent?.trim() ?? '');

/**
 * How many card `<li>`s (not skeletons) each mutation delivery added to the list's shadow root. One Lit update of the
 * list adds its cards in one delivery; updates in separate tasks come in separate deliveries.
 */
function addedPerRender(el: PaperfeedList): { batches: number[]; stop: () => void } {
  const batches: number[] = [];
  const observer = new MutationObserver((records) => {
    const cards = (node: Node) =>
      node instanceof HTMLElement ? (node instanceof HTMLLIElement ? [node] : [...node.querySelectorAll('li')]).filter((li) => !li.closest('.skeletons')).length : 0;
    const added = records.reduce((n, r) => n + [...r.addedNodes].reduce((m, node) => m + cards(node), 0), 0);
    if (added) batches.push(added);
  });
  observer.observe(el.shadowRoot!, { childList: true, subtree: true });
  return { batches, stop: () => observer.disconnect() };
}

describe('<paperfeed-list> renders a page of cards a few per task (issue 18)', function () {
  this.timeout(20_000);

  it('spreads the first page of 30 papers over several tasks; loadend and updateComplete come with all 30', async () => {
    let answer!: (response: Response) => void;
    installFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
    const el = await fixture<PaperfeedList>(html`<paperfeed-list src="https://feeds.test/pace-${run}.json"></paperfeed-list>`);
    await el.updateComplete;
    const watch = addedPerRender(el);
    const loadend = oneEvent(el, 'loadend');
    answer(json(items(30)));
    await loadend;
    const afterLoadend = titles(el);
    await el.updateComplete;
    watch.stop();
    expect(afterLoadend.length, 'every card is there when loadend comes').to.equal(30);
    expect(afterLoadend.every(Boolean), 'every card titled').to.equal(true);
    expect(watch.batches.reduce((a, b) => a + b, 0), 'every card added').to.equal(30);
    expect(Math.max(...watch.batches), `cards added per render: ${watch.batches.join(', ')}`).to.be.below(30);
    expect(titles(el)).to.deep.equal(items(30).map((item) => item.paper.title));
  });

  it('renders the first screen behind the skeletons, then shows it at once: the skeletons never give way to fewer cards', async () => {
    let answer!: (response: Response) => void;
    installFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
    const el = await fixture<PaperfeedList>(html`<paperfeed-list src="https://feeds.test/pace-${run}.json"></paperfeed-list>`);
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await el.updateComplete;
    const root = el.shadowRoot!;
    const skeletonCount = root.querySelectorAll('.skeletons paperfeed-card').length;
    expect(skeletonCount).to.be.within(1, 6);
    const seen: { skeletons: number; hidden: number; shown: number; state: string | null }[] = [];
    const observer = new MutationObserver(() => {
      const list = root.querySelector<HTMLElement>('ul.list:not(.skeletons)');
      const cards = list?.querySelectorAll('paperfeed-card').length ?? 0;
      seen.push({
        skeletons: root.querySelectorAll('.skeletons paperfeed-card').length,
        hidden: list?.hidden ? cards : 0,
        shown: list && !list.hidden ? cards : 0,
        state: el.getAttribute('state'),
      });
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
    const states = new MutationObserver(() => seen.push({ ...seen[seen.length - 1], state: el.getAttribute('state') }));
    states.observe(el, { attributes: true, attributeFilter: ['state'] });
    answer(json(items(30)));
    await oneEvent(el, 'loadend');
    await el.updateComplete;
    observer.disconnect();
    states.disconnect();
    expect(seen.some((s) => s.hidden > 0 && s.skeletons === skeletonCount), 'cards rendered hidden behind the skeletons').to.equal(true);
    // The state attribute says what is on screen: `loading` as long as the skeletons are.
    expect(seen.filter((s) => s.skeletons > 0 && s.state === 'loaded'), 'state="loaded" over skeletons').to.deep.equal([]);
    expect(el.getAttribute('state')).to.equal('loaded');
    const replaced = seen.filter((s) => s.skeletons === 0);
    expect(replaced.length).to.be.greaterThan(0);
    expect(Math.min(...replaced.map((s) => s.shown)), 'cards shown when the skeletons went').to.be.at.least(skeletonCount);
    expect(root.querySelector<HTMLElement>('ul.list:not(.skeletons)')!.hidden).to.equal(false);
    expect(titles(el)).to.have.length(30);
  });

  it('keeps the cards on the page when the papers change (a reload): none is taken off and put back', async () => {
    let version = 'A';
    installFetch(() => json(items(30).map((item) => ({ paper: { ...item.paper, title: `${item.paper.title} ${version}` } }))));
    const el = await fixture<PaperfeedList>(html`<paperfeed-list src="https://feeds.test/pace-${run}.json"></paperfeed-list>`);
    await oneEvent(el, 'loadend');
    await el.updateComplete;
    const before = [...el.shadowRoot!.querySelectorAll('li')];
    expect(before).to.have.length(30);
    const removed: Node[] = [];
    const observer = new MutationObserver((records) => records.forEach((r) => removed.push(...r.removedNodes)));
    observer.observe(el.shadowRoot!.querySelector('ul')!, { childList: true });
    version = 'B';
    el.reload();
    await oneEvent(el, 'loadend');
    await el.updateComplete;
    observer.disconnect();
    expect(removed.filter((node) => node instanceof HTMLLIElement)).to.have.length(0);
    expect([...el.shadowRoot!.querySelectorAll('li')]).to.deep.equal(before);
    expect(titles(el).every((title) => title.endsWith(' B'))).to.equal(true);
  });

  it('a search answers with the matching cards, all there once updateComplete resolves', async () => {
    installFetch(() => json(items(60)));
    const el = await fixture<PaperfeedList>(html`<paperfeed-list src="https://feeds.test/pace-${run}.json" limit="40"></paperfeed-list>`);
    await oneEvent(el, 'loadend');
    await el.updateComplete;
    expect(titles(el)).to.have.length(40);
    el.query = items(60)[44].paper.title;
    await el.updateComplete;
    expect(titles(el)).to.deep.equal([items(60)[44].paper.title]);
    el.query = '';
    await el.updateComplete;
    expect(titles(el)).to.have.length(40);
  });
});

describe('a JSON array of items that are not papers (issue 18)', () => {
  it('fails from the streamed reading with parseFeed\'s error, without reading the whole body again', async () => {
    const body = `[${'{},'.repeat(199_999)}{}]`;
    installFetch(() => respond(body));
    const whole = sliceStats.whole;
    let error: unknown;
    try {
      await loadFeed(`https://feeds.test/junk-${run}.json`);
    } catch (caught) {
      error = caught;
    }
    let expected: unknown;
    try {
      parseFeed(body, 'application/json');
    } catch (caught) {
      expected = caught;
    }
    expect(error).to.be.instanceOf(FeedError);
    expect((error as FeedError).kind).to.equal('shape');
    expect((error as FeedError).message).to.equal((expected as FeedError).message);
    expect((error as FeedError).message).to.include('an array of 200000 items without paper fields');
    expect(sliceStats.whole, 'no whole-body parse').to.equal(whole);
  });
});
