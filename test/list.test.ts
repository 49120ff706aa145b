import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../src/list/define.js';
import type { PaperfeedList } from '../src/list/paperfeed-list.js';
import { setFetch } from '../src/feed/net/fetch-hook.js';
import { clearFeedCache } from '../src/feed/load.js';
import { FeedError } from '../src/feed/errors.js';
import type { Paper } from '../src/feed/paper.js';
import { deferred, hangUntilAborted, installFetch, respond } from './feed/helpers.js';

// Three papers whose feed order, date order and upvote order all differ:
//   feed:    Gödel, Diffusion, Sparse
//   date:    Diffusion (Nov 5), Gödel (Nov 3), Sparse (Nov 1)
//   upvotes: Diffusion (40), Sparse (12), Gödel (5)
const hfItem = (id: string, title: string, extra: Record<string, unknown>) => ({
  paper: { id, title, summary: `Abstract of ${title}.`, authors: [{ name: 'Sam Lee' }], ...extra },
});
const HF_BODY = [
  hfItem('2511.00001', 'Gödel Machines Revisited', {
    upvotes: 5,
    publishedAt: '2025-11-03T00:00:00.000Z',
    authors: [{ name: 'Ana Pérez' }],
  }),
  hfItem('2511.00002', 'Diffusion Language Models at Scale', {
    upvotes: 40,
    publishedAt: '2025-11-05T00:00:00.000Z',
    summary: 'We study speculative cascades.',
  }),
  hfItem('2511.00003', 'Sparse Attention for Long Context', {
    upvotes: 12,
    publishedAt: '2025-11-01T00:00:00.000Z',
    ai_keywords: ['efficiency'],
  }),
];
const json = (body: unknown) => respond(JSON.stringify(body));
const feedOk = () => json(HF_BODY);

// Each test gets its own URLs, so an in-flight request of one test can never answer another.
let run = 0;
let base = '';
beforeEach(() => {
  run++;
  base = `https://feeds.test/${run}`;
  clearFeedCache();
});
afterEach(() => {
  setFetch();
});

const cards = (el: PaperfeedList) => [...el.shadowRoot!.querySelectorAll('paperfeed-card')];
const titles = (el: PaperfeedList) => cards(el).map((card) => card.paper?.title);
const $ = <T extends Element = HTMLElement>(el: PaperfeedList, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const status = (el: PaperfeedList) => $(el, '[role="status"]')!.textContent!.trim();
const buttonByText = (el: PaperfeedList, text: string) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === text);

/** Waits until the element has finished its current load and rendered it. */
async function settle(el: PaperfeedList): Promise<PaperfeedList> {
  await el.updateComplete; // a property just set starts its fetch in the next update
  while (el.state === 'loading') await oneEvent(el, 'loadend');
  await el.updateComplete;
  return el;
}

const mount = async (template: TemplateResult) => settle(await fixture<PaperfeedList>(template));

/** Records the intervals set and cleared while installed; they keep running at their real period. */
function spyIntervals() {
  const realSet = window.setInterval;
  const realClear = window.clearInterval;
  const live = new Map<number, { delay: number; tick: () => void }>();
  window.setInterval = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    const id = realSet(handler, delay, ...args);
    if (typeof handler === 'function') live.set(id, { delay: delay ?? 0, tick: () => handler(...args) });
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) live.delete(id);
    realClear(id);
  }) as typeof window.clearInterval;
  return {
    delays: () => [...live.values()].map((timer) => timer.delay),
    ticks: () => [...live.values()].map((timer) => timer.tick),
    tickAll: () => [...live.values()].forEach((timer) => timer.tick()),
    restore: () => {
      window.setInterval = realSet;
      window.clearInterval = realClear;
    },
  };
}

function samplePapers(count: number): Paper[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `p${i}`,
    title: `Paper ${i + 1}`,
    summary: `Summary ${i + 1}`,
    authors: [{ name: `Author ${i + 1}` }],
    authorCount: 1,
    publishedAt: `2025-11-${String((i % 28) + 1).padStart(2, '0')}T00:00:00.000Z`,
    tags: [],
    source: 'custom' as const,
  }));
}

describe('<paperfeed-list>', () => {
  describe('accessibility', function () {
    // axe walks every card's shadow root; on a busy 2-core machine the first run can pass 5 s.
    this.timeout(15000);

    it('passes axe while loading, with aria-busy on the list', async () => {
      installFetch(hangUntilAborted);
      const el = await fixture<PaperfeedList>(html`<paperfeed-list src="${base}/feed.json" heading="Papers"></paperfeed-list>`);
      expect(el.getAttribute('state')).to.equal('loading');
      expect($(el, 'ul')!.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('passes axe when loaded, in list and grid layouts', async () => {
      installFetch(feedOk);
      const el = await mount(html`<paperfeed-list src="${base}/feed.json" heading="Papers"></paperfeed-list>`);
      expect(el.getAttribute('state')).to.equal('loaded');
      await expect(el).to.be.accessible();
      el.layout = 'grid';
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('passes axe when empty and on error', async () => {
      installFetch(() => json([]));
      const empty = await mount(html`<paperfeed-list src="${base}/empty.json"></paperfeed-list>`);
      expect(empty.getAttribute('state')).to.equal('empty');
      await expect(empty).to.be.accessible();

      installFetch(() => respond('nope', { status: 500, type: 'text/plain' }));
      const failed = await mount(html`<paperfeed-list src="${base}/broken.json"></paperfeed-list>`);
      expect(failed.getAttribute('state')).to.equal('error');
      await expect(failed).to.be.accessible();
    });

    it('passes axe in the dark theme, loaded and with the HF period bar', async () => {
      installFetch(feedOk);
      const el = await mount(
        html`<paperfeed-list theme="dark" lang="en-US" src="https://huggingface.co/api/daily_papers?date=2025-11-07" heading="Daily papers"></paperfeed-list>`,
      );
      expect(el.getAttribute('theme')).to.equal('dark');
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
      expect(cards(el).every((card) => getComputedStyle(card).colorScheme === 'dark')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('labels the search box and the sort menu', async () => {
      installFetch(feedOk);
      const el = await mount(html`<paperfeed-list src="${base}/feed.json"></paperfeed-list>`);
      const input = $<HTMLInputElement>(el, 'input[type="search"]')!;
      const select = $<HTMLSelectElement>(el, 'select')!;
      expect(input.labels![0].textContent).to.contain('Search papers');
      expect(select.labels![0].textContent).to.contain('Sort by');
    });

    it('is usable from the keyboard: search, sort, period views, Load more', async () => {
      installFetch(feedOk);
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <button>before</button>
        <paperfeed-list lang="en-US" limit="2" src="https://huggingface.co/api/daily_papers?date=2025-11-07"></paperfeed-list>
      </div>`);
      const el = await settle(wrapper.querySelector('paperfeed-list')!);
      const active = () => el.shadowRoot!.activeElement;
      wrapper.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(active()!.textContent!.trim()).to.equal('Day');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' }); // Week
      await settle(el);
      expect(buttonByText(el, 'Week')!.getAttribute('aria-pressed')).to.equal('true');
      await sendKeys({ press: 'Tab' }); // Month
      await sendKeys({ press: 'Tab' }); // Previous
      await sendKeys({ press: 'Tab' }); // Next (enabled: the week is in the past)
      await sendKeys({ press: 'Tab' }); // search
      expect(active() === $(el, 'input'), 'has focus').to.equal(true);
      await sendKeys({ type: 'diffusion' });
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['Diffusion Language Models at Scale']);
      await sendKeys({ press: 'Tab' });
      expect(active() === $(el, 'select'), 'has focus').to.equal(true);
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(el.sort).to.equal('date');
      // Clear the search, then reach "Load more" and press it.
      el.query = '';
      await el.updateComplete;
      buttonByText(el, 'Load more')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(cards(el).length).to.equal(3);
      expect(active() === el.shadowRoot!.querySelectorAll('li')[2], 'has focus').to.equal(true);
    });

    it('has a status region from the first render that announces loading, loaded and errors', async () => {
      const answer = deferred<Response>();
      installFetch(() => answer.promise);
      const el = await fixture<PaperfeedList>(html`<paperfeed-list src="${base}/feed.json"></paperfeed-list>`);
      const region = $(el, '[role="status"]')!;
      expect(region.textContent!.trim()).to.equal('Loading papers…');
      answer.resolve(feedOk());
      await settle(el);
      expect($(el, '[role="status"]')).to.equal(region);
      expect(status(el)).to.equal('3 papers loaded');

      installFetch(() => respond('gone', { status: 404, type: 'text/plain' }));
      el.src = `${base}/missing.json`;
      await settle(el);
      expect($(el, '[role="status"]')).to.equal(region);
      expect(status(el)).to.match(/404/);
    });
  });

  describe('properties', () => {
    it('renders each paper as a card inside ul > li, in feed order by default', async () => {
      installFetch(feedOk);
      const el = await mount(html`<paperfeed-list src="${base}/feed.json"></paperfeed-list>`);
      expect(el.sort).to.equal('feed');
      const items = el.shadowRoot!.querySelectorAll('ul[part="list"] > li > paperfeed-card[part="item"]');
      expect(items.length).to.equal(3);
      expect(titles(el)).to.deep.equal([
        'Gödel Machines Revisited',
        'Diffusion Language Models at Scale',
        'Sparse Attention for Long Context',
      ]);
      // The card shows the title as text.
      await cards(el)[0].updateComplete;
      expect(cards(el)[0].shadowRoot!.textContent).to.contain('Gödel Machines Revisited');
    });

    it('sort="date" puts the newest first and sort="upvotes" the most upvoted first; junk falls back to feed', async () => {
      installFetch(feedOk);
      const el = await mount(html`<paperfeed-list src="${base}/feed.json" sort="date"></paperfeed-list>`);
      expect(titles(el)[0]).to.equal('Diffusion Language Models at Scale');
      expect(titles(el)[2]).to.equal('Sparse Attention for Long Context');
      el.sort = 'upvotes';
      await el.updateComplete;
      expect(titles(el)).to.deep.equal([
        'Diffusion Language Models at Scale',
        'Sparse Attention for Long Context',
        'Gödel Machines Revisited',
      ]);
      el.setAttribute('sort', 'sideways');
      await el.updateComplete;
      expect(el.sort).to.equal('feed');
      expect(titles(el)[0]).to.equal('Gödel Machines Revisited');
    });

    it('the sort menu changes the order', async () => {
      installFetch(feedOk);
      const el = await mount(html`<paperfeed-list src="${base}/feed.json"></paperfeed-list>`);
      const select = $<HTMLSelectElement>(el, 'select')!;
      select.value = 'upvotes';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(el.sort).to.equal('upvotes');
      expect(titles(el)[0]).to.equal('Diffusion Language Models at Scale');
    });

    it('query ignores case and accents and searches title, authors, abstract and keywords', async () => {
      installFetch(feedOk);
      const el = await mount(html`<paperfeed-list src="${base}/feed.json" query="godel"></paperfeed-list>`);
      expect(titles(el)).to.deep.equal(['Gödel Machines Revisited']);
      expect(status(el)).to.equal('1 paper matches “godel”');
      for (const [query, expected] of [
        ['GÖDEL', 'Gödel Machines Revisited'],
        ['perez', 'Gödel Machines Revisited'], // author "Ana Pérez"
        ['speculative cascades', 'Diffusion Language Models at Scale'], // abstract
        ['EFFICIENCY', 'Sparse Attention for Long Context'], // keyword
      ]) {
        el.query = query;
        await el.updateComplete;
        expect(titles(el), query).to.deep.equal([expected]);
      }
      el.query = '';
      await el.updateComplete;
      expect(cards(el).length).to.equal(3);
    });

    it('typing in the search box filters', async () => {
      installFetch(feedOk);
      const el = await mount(html`<paperfeed-list src="${base}/feed.json"></paperfeed-list>`);
      const input = $<HTMLInputElement>(el, 'input')!;
      input.value = 'sparse';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(el.query).to.equal('sparse');
      expect(titles(el)).to.deep.equal(['Sparse Attention for Long Context']);
    });

    it('limit sets the page size; junk reads as 30', async () => {
      const el = await mount(html`<paperfeed-list limit="2" .papers=${samplePapers(5)}></paperfeed-list>`);
      expect(cards(el).length).to.equal(2);
      el.setAttribute('limit', 'many');
      await el.updateComplete;
      expect(el.limit).to.equal(30);
      expect(cards(el).length).to.equal(5);
      el.limit = -3;
      expect(el.limit).to.equal(30);
    });

    it('layout grid lays cards out in columns; compact uses compact cards; junk reads as list', async () => {
      installFetch(feedOk);
      const el = await mount(html`<paperfeed-list src="${base}/feed.json" layout="grid"></paperfeed-list>`);
      expect(getComputedStyle($(el, 'ul')!).display).to.equal('grid');
      expect(cards(el)[0].getAttribute('variant')).to.equal('full');
      el.layout = 'compact';
      await el.updateComplete;
      expect(el.getAttribute('layout')).to.equal('compact');
      expect(cards(el).every((card) => card.getAttribute('variant') === 'compact')).to.equal(true);
      el.setAttribute('layout', 'carousel');
      await el.updateComplete;
      expect(el.layout).to.equal('list');
      expect(getComputedStyle($(el, 'ul')!).display).to.equal('flex');
    });

    it('heading renders a native heading at heading-level (default 2); cards get the next level', async () => {
      const el = await mount(html`<paperfeed-list heading="Trending" .papers=${samplePapers(2)}></paperfeed-list>`);
      const heading = $(el, '[part="heading"]')!;
      expect(heading.tagName).to.equal('H2');
      expect(heading.textContent!.trim()).to.equal('Trending');
      expect(cards(el)[0].getAttribute('heading-level')).to.equal('3');
      el.setAttribute('heading-level', '4');
      await el.updateComplete;
      expect($(el, '[part="heading"]')!.tagName).to.equal('H4');
      expect(cards(el)[0].getAttribute('heading-level')).to.equal('5');
      el.setAttribute('heading-level', '9');
      await el.updateComplete;
      expect(el.headingLevel).to.equal(2);
      expect($(el, '[part="heading"]')!.tagName).to.equal('H2');
    });

    it('setting papers back to null fetches src again', async () => {
      const { requests } = installFetch(feedOk);
      const el = await mount(html`<paperfeed-list src="${base}/feed.json" .papers=${samplePapers(1)}></paperfeed-list>`);
      expect(requests.length).to.equal(0);
      el.papers = null as unknown as undefined;
      await settle(el);
      expect(requests.length).to.equal(1);
      expect(cards(el).length).to.equal(3);
    });

    it('papers given as a property render without any request', async () => {
      const { requests } = installFetch(feedOk);
      const el = await mount(html`<paperfeed-list src="${base}/feed.json" .papers=${samplePapers(3)}></paperfeed-list>`);
      expect(titles(el)).to.deep.equal(['Paper 1', 'Paper 2', 'Paper 3']);
      expect(el.getAttribute('state')).to.equal('loaded');
      expect(status(el)).to.equal('3 papers loaded');
      await aTimeout(0);
      expect(requests.length).to.equal(0);
    });

    it('transform turns any JSON into papers', async () => {
      installFetch(() => json({ results: [{ name: 'Custom One' }, { name: 'Custom Two' }] }));
      const el = await fixture<PaperfeedList>(
        html`<paperfeed-list
          .transform=${(body: unknown) =>
            (body as { results: { name: string }[] }).results.map((r, i) => ({ ...samplePapers(1)[0], id: `c${i}`, title: r.name }))}
          src="${base}/custom.json"
        ></paperfeed-list>`,
      );
      await settle(el);
      expect(titles(el)).to.deep.equal(['Custom One', 'Custom Two']);
    });

    it('format forces the parser (junk reads as auto)', async () => {
      installFetch(feedOk);
      const el = await mount(html`<paperfeed-list src="${base}/feed.json" format="hf"></paperfeed-list>`);
      expect(cards(el).length).to.equal(3);
      el.setAttribute('format', 'yaml');
      expect(el.format).to.equal('auto');
      // JSON read as RSS is an error the reader sees, not a crash.
      const rss = await mount(html`<paperfeed-list src="${base}/feed.json" format="rss"></paperfeed-list>`);
      expect(rss.getAttribute('state')).to.equal('error');
    });

    it('proxy routes the request through the template', async () => {
      const { requests } = installFetch(feedOk);
      await mount(html`<paperfeed-list src="${base}/feed.json" proxy="https://proxy.test/?u={url}"></paperfeed-list>`);
      expect(requests.map((r) => r.url)).to.deep.equal([`https://proxy.test/?u=${encodeURIComponent(`${base}/feed.json`)}`]);
    });

    it('timeout turns a silent server into a timeout error', async () => {
      installFetch(hangUntilAborted);
      const el = await fixture<PaperfeedList>(html`<paperfeed-list src="${base}/slow.json" timeout="30"></paperfeed-list>`);
      const { detail } = await oneEvent(el, 'error');
      expect(detail.error.kind).to.equal('timeout');
      await settle(el);
      expect(el.getAttribute('state')).to.equal('error');
    });

    it('strings replace the UI text', async () => {
      installFetch(() => respond('x', { status: 500, type: 'text/plain' }));
      const strings = { retry: 'Réessayer', search: 'Chercher', nonsense: 1 };
      const el = await mount(html`<paperfeed-list src="${base}/feed.json" .strings=${strings}></paperfeed-list>`);
      expect(buttonByText(el, 'Réessayer')).to.exist;
      // A list that never showed a paper has no search box; one with papers labels it.
      expect($(el, 'input')).to.equal(null);
      const loaded = await mount(html`<paperfeed-list .papers=${samplePapers(1)} .strings=${strings}></paperfeed-list>`);
      expect($<HTMLInputElement>(loaded, 'input')!.labels![0].textContent).to.contain('Chercher');
    });

    it('no-toolbar hides the search box and sort menu', async () => {
      const el = await mount(html`<paperfeed-list no-toolbar .papers=${samplePapers(1)}></paperfeed-list>`);
      expect($(el, 'input')).to.equal(null);
      expect($(el, 'select')).to.equal(null);
    });

  });

  describe('states', () => {
    it('loading shows skeleton cards, then the cards replace them in the same list', async () => {
      const answer = deferred<Response>();
      installFetch(() => answer.promise);
      const el = await fixture<PaperfeedList>(html`<paperfeed-list src="${base}/feed.json" limit="4"></paperfeed-list>`);
      expect(el.getAttribute('state')).to.equal('loading');
      // At most `limit`, and only as many as fit in a screen from the list's top (issue 12).
      expect(cards(el).length).to.be.within(1, 4);
      expect(cards(el).every((card) => card.paper === undefined)).to.equal(true);
      const top = $(el, 'ul')!.getBoundingClientRect().top;
      answer.resolve(feedOk());
      await settle(el);
      expect(el.getAttribute('state')).to.equal('loaded');
      expect($(el, 'ul')!.getAttribute('aria-busy')).to.equal('false');
      expect($(el, 'ul')!.getBoundingClientRect().top).to.equal(top);
      expect(titles(el)).to.have.length(3);
    });

    it('empty shows the default text, a query-specific text, and the empty slot', async () => {
      installFetch(() => json([]));
      const el = await mount(html`<paperfeed-list src="${base}/feed.json"></paperfeed-list>`);
      expect($(el, '[part="empty"]')!.textContent!.trim()).to.equal('No papers found.');

      const filtered = await mount(html`<paperfeed-list query="zebra" .papers=${samplePapers(2)}></paperfeed-list>`);
      expect(filtered.getAttribute('state')).to.equal('empty');
      expect($(filtered, '[part="empty"]')!.textContent!.trim()).to.equal('No papers match “zebra”.');

      const slotted = await mount(html`<paperfeed-list .papers=${[]}><p slot="empty">Nothing today.</p></paperfeed-list>`);
      const slot = $<HTMLSlotElement>(slotted, 'slot[name="empty"]')!;
      expect(slot.assignedElements()[0].textContent).to.equal('Nothing today.');
      // What a screen reader hears is what the page shows.
      expect(status(slotted)).to.equal('Nothing today.');
    });

    it('error shows the FeedError message and a Retry button that loads again', async () => {
      let calls = 0;
      const { requests } = installFetch(() => (++calls === 1 ? respond('down', { status: 503, type: 'text/plain' }) : feedOk()));
      const el = await mount(html`<paperfeed-list src="${base}/feed.json"></paperfeed-list>`);
      expect(el.getAttribute('state')).to.equal('error');
      expect($(el, '[part="error"]')!.textContent).to.match(/503/);
      const retry = buttonByText(el, 'Retry')!;
      retry.click();
      await el.updateComplete;
      await settle(el);
      expect(requests.length).to.equal(2);
      expect(el.getAttribute('state')).to.equal('loaded');
      expect(cards(el).length).to.equal(3);
      // The Retry button is gone: focus lands on the first paper instead of the page body.
      expect(el.shadowRoot!.activeElement === el.shadowRoot!.querySelector('li'), 'has focus').to.equal(true);
    });

    it('a Retry that fails again keeps focus on Retry', async () => {
      const { requests } = installFetch(() => respond('down', { status: 503, type: 'text/plain' }));
      const el = await mount(html`<paperfeed-list src="${base}/feed.json"></paperfeed-list>`);
      buttonByText(el, 'Retry')!.click();
      await settle(el);
      expect(requests.length).to.equal(2);
      expect(el.getAttribute('state')).to.equal('error');
      expect(el.shadowRoot!.activeElement === buttonByText(el, 'Retry'), 'has focus').to.equal(true);
    });

    it('a src that is not http(s) becomes an error state, not an exception', async () => {
      installFetch(feedOk);
      const el = await mount(html`<paperfeed-list src="javascript:alert(1)"></paperfeed-list>`);
      expect(el.getAttribute('state')).to.equal('error');
    });
  });

  describe('slots', () => {
    it('the header slot replaces the heading', async () => {
      const el = await mount(
        html`<paperfeed-list heading="Fallback" .papers=${samplePapers(1)}><h2 slot="header">My papers</h2></paperfeed-list>`,
      );
      const slot = $<HTMLSlotElement>(el, 'slot[name="header"]')!;
      expect(slot.assignedElements()[0].textContent).to.equal('My papers');
    });

    it('the error slot replaces the message and keeps Retry', async () => {
      installFetch(() => respond('x', { status: 500, type: 'text/plain' }));
      const el = await mount(html`<paperfeed-list src="${base}/feed.json"><p slot="error">Feed is down.</p></paperfeed-list>`);
      const slot = $<HTMLSlotElement>(el, 'slot[name="error"]')!;
      expect(slot.assignedElements()[0].textContent).to.equal('Feed is down.');
      expect(buttonByText(el, 'Retry')).to.exist;
    });

    it('the loading slot replaces the skeletons while loading', async () => {
      installFetch(hangUntilAborted);
      const el = await fixture<PaperfeedList>(
        html`<paperfeed-list src="${base}/feed.json"><p slot="loading">Fetching today's papers…</p></paperfeed-list>`,
      );
      const slot = $<HTMLSlotElement>(el, 'slot[name="loading"]')!;
      expect(slot.assignedElements()[0].textContent).to.equal('Fetching today\'s papers…');
      expect(el.getAttribute('state')).to.equal('loading');
    });

    it('the footer slot sits below the list', async () => {
      const el = await mount(html`<paperfeed-list .papers=${samplePapers(1)}><p slot="footer">Powered by HF</p></paperfeed-list>`);
      const slot = $<HTMLSlotElement>(el, 'slot[name="footer"]')!;
      expect(slot.assignedElements()[0].textContent).to.equal('Powered by HF');
      expect($(el, 'ul')!.compareDocumentPosition(slot) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    });
  });

  describe('parts', () => {
    it('forwards the card parts with exportparts', async () => {
      const el = await mount(html`<paperfeed-list .papers=${samplePapers(1)}></paperfeed-list>`);
      expect(cards(el)[0].getAttribute('exportparts')).to.contain('title: card-title');
    });

    it('lets the page style the list, its items and the forwarded card parts', async () => {
      const style = document.createElement('style');
      style.textContent = `
        .styled::part(list) { column-gap: 7px; }
        .styled::part(item) { outline: 3px solid rgb(1, 2, 3); }
        .styled::part(card-title) { color: rgb(4, 5, 6); }
      `;
      document.head.append(style);
      try {
        const el = await mount(html`<paperfeed-list class="styled" .papers=${samplePapers(1)}></paperfeed-list>`);
        const card = cards(el)[0];
        await card.updateComplete;
        expect(getComputedStyle($(el, 'ul')!).columnGap).to.equal('7px');
        expect(getComputedStyle(card).outlineColor).to.equal('rgb(1, 2, 3)');
        expect(getComputedStyle(card.shadowRoot!.querySelector('[part~="title"]')!).color).to.equal('rgb(4, 5, 6)');
      } finally {
        style.remove();
      }
    });
  });

  describe('events', () => {
    const record = (el: PaperfeedList, log: Event[]) =>
      ['loadstart', 'load', 'error', 'loadend'].forEach((type) => el.addEventListener(type, (e) => log.push(e)));

    it('fires loadstart, load (with papers and format), loadend, without bubbling', async () => {
      installFetch(feedOk);
      const log: Event[] = [];
      const parentLog: string[] = [];
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      ['loadstart', 'load', 'loadend'].forEach((t) => wrapper.addEventListener(t, () => parentLog.push(t)));
      const el = document.createElement('paperfeed-list');
      record(el, log);
      el.src = `${base}/feed.json`;
      wrapper.append(el);
      await settle(el);
      expect(log.map((e) => e.type)).to.deep.equal(['loadstart', 'load', 'loadend']);
      const load = log[1] as CustomEvent;
      expect(load.detail.format).to.equal('hf');
      expect(load.detail.papers.map((p: Paper) => p.id)).to.deep.equal(['2511.00001', '2511.00002', '2511.00003']);
      expect(log.every((e) => !e.bubbles)).to.equal(true);
      expect(parentLog).to.deep.equal([]);
    });

    it('load fires after the cards are rendered', async () => {
      installFetch(feedOk);
      const el = document.createElement('paperfeed-list');
      el.src = `${base}/feed.json`;
      const loaded = oneEvent(el, 'load');
      (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
      await loaded;
      expect(cards(el).length).to.equal(3);
    });

    it('fires loadstart, error (with the FeedError), loadend on failure', async () => {
      installFetch(() => respond('x', { status: 500, type: 'text/plain' }));
      const log: Event[] = [];
      const el = document.createElement('paperfeed-list');
      record(el, log);
      el.src = `${base}/feed.json`;
      (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
      await settle(el);
      expect(log.map((e) => e.type)).to.deep.equal(['loadstart', 'error', 'loadend']);
      const { error } = (log[1] as CustomEvent).detail;
      expect(error).to.be.instanceOf(FeedError);
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(500);
    });
  });

  describe('fetching', () => {
    it('three lists on one src send ONE request', async () => {
      const { requests } = installFetch(feedOk);
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <paperfeed-list src="${base}/feed.json"></paperfeed-list>
        <paperfeed-list src="${base}/feed.json" sort="upvotes"></paperfeed-list>
        <paperfeed-list src="${base}/feed.json" layout="grid"></paperfeed-list>
      </div>`);
      const lists = [...wrapper.querySelectorAll('paperfeed-list')];
      await Promise.all(lists.map(settle));
      expect(requests.length).to.equal(1);
      expect(lists.map((list) => cards(list).length)).to.deep.equal([3, 3, 3]);
    });

    it('changing src aborts the pending request and only the new feed shows', async () => {
      const other = [hfItem('2511.09999', 'The Second Feed', { upvotes: 1 })];
      const { requests } = installFetch((request) =>
        request.url.endsWith('/first.json') ? hangUntilAborted(request) : json(other),
      );
      const log: string[] = [];
      const el = await fixture<PaperfeedList>(html`<paperfeed-list src="${base}/first.json"></paperfeed-list>`);
      ['loadstart', 'load', 'error', 'loadend'].forEach((t) => el.addEventListener(t, () => log.push(t)));
      expect(requests.length).to.equal(1);
      el.src = `${base}/second.json`;
      await settle(el);
      expect(requests[0].signal!.aborted).to.equal(true);
      expect(titles(el)).to.deep.equal(['The Second Feed']);
      expect(log).to.deep.equal(['loadstart', 'load', 'loadend']);
    });

    it('an old answer arriving late never shows', async () => {
      const first = deferred<Response>();
      installFetch((request) => (request.url.endsWith('/first.json') ? first.promise : json([hfItem('2', 'New', {})])));
      const el = await fixture<PaperfeedList>(html`<paperfeed-list src="${base}/first.json"></paperfeed-list>`);
      el.src = `${base}/second.json`;
      await settle(el);
      first.resolve(json([hfItem('1', 'Old', {})]));
      await aTimeout(20); // nothing fires for an ignored answer: give it time to (not) arrive
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['New']);
    });

    it('reload() sends a new request, bypassing the cache', async () => {
      const { requests } = installFetch(feedOk);
      const el = await mount(html`<paperfeed-list src="${base}/feed.json"></paperfeed-list>`);
      expect(requests.length).to.equal(1);
      el.reload();
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('loading');
      // A reload of the same feed keeps the cards on screen (no flash of skeletons) and stays quiet.
      expect(titles(el)).to.have.length(3);
      expect(status(el)).to.equal('3 papers loaded');
      await settle(el);
      expect(requests.length).to.equal(2);
    });

    it('a second list on the same src is answered from the cache', async () => {
      const { requests } = installFetch(feedOk);
      await mount(html`<paperfeed-list src="${base}/feed.json"></paperfeed-list>`);
      const second = await mount(html`<paperfeed-list src="${base}/feed.json"></paperfeed-list>`);
      expect(cards(second).length).to.equal(3);
      expect(requests.length).to.equal(1);
    });

    describe('refresh', () => {
      // The list's timer is read from a spy on setInterval (the timers still run at their real
      // period, 30 s or more, so none fires during a test); a tick is its callback, called here.
      let intervals: ReturnType<typeof spyIntervals>;
      beforeEach(() => (intervals = spyIntervals()));
      afterEach(() => intervals.restore());

      it('re-fetches on a timer of at least 30 seconds (refresh="0.05" is 30 s, not 50 ms)', async () => {
        const { requests } = installFetch(feedOk);
        const el = await mount(html`<paperfeed-list src="${base}/feed.json" refresh="0.05"></paperfeed-list>`);
        expect(intervals.delays()).to.deep.equal([30_000]);
        expect(requests.length).to.equal(1);
        intervals.tickAll();
        await settle(el);
        expect(requests.length, 'a tick fetches again, past the cache').to.equal(2);
        expect(titles(el)).to.have.length(3);

        el.refresh = 45;
        await el.updateComplete;
        expect(intervals.delays()).to.deep.equal([45_000]);
        // Longer than setInterval can wait (which would fire at once, over and over): its longest delay.
        el.refresh = 1e9;
        await el.updateComplete;
        expect(intervals.delays()).to.deep.equal([2 ** 31 - 1]);
        el.setAttribute('refresh', 'soon');
        await el.updateComplete;
        expect(intervals.delays()).to.deep.equal([]);
        el.refresh = 0;
        await el.updateComplete;
        expect(intervals.delays()).to.deep.equal([]);
      });

      it('does not ask again for a feed set up wrongly (a src that is not http(s))', async () => {
        const { requests } = installFetch(feedOk);
        const logError = console.error;
        const logged: unknown[] = [];
        console.error = (...args: unknown[]) => logged.push(args);
        try {
          const el = await mount(html`<paperfeed-list src="ftp://papers.example/feed.json" refresh="30"></paperfeed-list>`);
          expect(el.getAttribute('state')).to.equal('error');
          expect(logged).to.have.length(1);
          intervals.tickAll();
          intervals.tickAll();
          await el.updateComplete;
          expect(el.getAttribute('state')).to.equal('error');
          expect(logged, 'logged once, not once per tick').to.have.length(1);
          expect(requests).to.have.length(0);
        } finally {
          console.error = logError;
        }
      });

      it('pauses while the tab is hidden, and stops when removed', async () => {
        const { requests } = installFetch(feedOk);
        const el = await mount(html`<paperfeed-list src="${base}/feed.json" refresh="60"></paperfeed-list>`);
        expect(intervals.delays()).to.deep.equal([60_000]);
        const [tick] = intervals.ticks();

        // Pretend the tab is hidden: an own property shadows Document.prototype.hidden until deleted.
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
        try {
          document.dispatchEvent(new Event('visibilitychange'));
          expect(intervals.delays(), 'no timer while hidden').to.deep.equal([]);
          tick(); // a tick already queued when the tab was hidden does nothing
          await el.updateComplete;
          expect(el.getAttribute('state')).to.equal('loaded');
          expect(requests.length).to.equal(1);
        } finally {
          delete (document as { hidden?: boolean }).hidden;
        }
        expect(document.hidden).to.equal(false);
        document.dispatchEvent(new Event('visibilitychange'));
        expect(intervals.delays()).to.deep.equal([60_000]);
        intervals.tickAll();
        await settle(el);
        expect(requests.length).to.equal(2);

        el.remove();
        expect(intervals.delays(), 'no timer once removed').to.deep.equal([]);
      });
    });

    it('lazy waits until the list comes near the viewport', async () => {
      const { requests } = installFetch(feedOk);
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <div class="spacer"></div>
        <paperfeed-list lazy src="${base}/feed.json"></paperfeed-list>
      </div>`);
      (wrapper.querySelector('.spacer') as HTMLElement).style.blockSize = '5000px';
      const el = wrapper.querySelector('paperfeed-list')!;
      await el.updateComplete;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      expect(requests.length).to.equal(0);
      expect(el.getAttribute('state')).to.equal('loading');
      const started = oneEvent(el, 'loadstart');
      el.scrollIntoView();
      await started;
      await settle(el);
      expect(requests.length).to.equal(1);
      expect(cards(el).length).to.equal(3);
    });
  });

  describe('paging', () => {
    it('Load more shows the next `limit` papers and moves focus to the first new one', async () => {
      const el = await mount(html`<paperfeed-list limit="2" .papers=${samplePapers(5)}></paperfeed-list>`);
      expect(titles(el)).to.deep.equal(['Paper 1', 'Paper 2']);
      buttonByText(el, 'Load more')!.click();
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['Paper 1', 'Paper 2', 'Paper 3', 'Paper 4']);
      expect(el.shadowRoot!.activeElement === el.shadowRoot!.querySelectorAll('li')[2], 'has focus').to.equal(true);
      buttonByText(el, 'Load more')!.click();
      await el.updateComplete;
      expect(cards(el).length).to.equal(5);
      expect(buttonByText(el, 'Load more')).to.equal(undefined);
    });

    it('Load more fetches the next page when the source pages (HF `p`)', async () => {
      const { requests } = installFetch((request) =>
        new URL(request.url).searchParams.get('p') === '1'
          ? json([hfItem('2511.00004', 'Page Two Paper', {})])
          : json(HF_BODY.slice(0, 2)),
      );
      const el = await mount(html`<paperfeed-list src="${base}/hf?limit=2"></paperfeed-list>`);
      expect(cards(el).length).to.equal(2);
      const log: string[] = [];
      ['loadstart', 'load', 'loadend'].forEach((t) => el.addEventListener(t, () => log.push(t)));
      buttonByText(el, 'Load more')!.click();
      await oneEvent(el, 'loadend');
      expect(new URL(requests[1].url).searchParams.get('p')).to.equal('1');
      expect(titles(el)[2]).to.equal('Page Two Paper');
      expect(log).to.deep.equal(['loadstart', 'load', 'loadend']);
      expect(el.shadowRoot!.activeElement === el.shadowRoot!.querySelectorAll('li')[2], 'has focus').to.equal(true);
      // The short second page has no next: no more button.
      expect(buttonByText(el, 'Load more')).to.equal(undefined);
    });
  });

  describe('Hugging Face period bar', () => {
    const HF = 'https://huggingface.co/api/daily_papers';

    it('Week requests week=YYYY-Www, Previous steps one period back, Month requests month=YYYY-MM', async () => {
      const { requests } = installFetch(feedOk);
      const el = await mount(html`<paperfeed-list lang="en-US" src="${HF}?date=2025-11-07"></paperfeed-list>`);
      const last = () => new URL(requests[requests.length - 1].url).searchParams;
      const label = () => $(el, '[part="period-label"]')!.textContent!.trim();
      expect(last().get('date')).to.equal('2025-11-07');
      expect(label()).to.equal('November 7, 2025');
      expect(buttonByText(el, 'Day')!.getAttribute('aria-pressed')).to.equal('true');

      buttonByText(el, 'Week')!.click();
      await el.updateComplete;
      await settle(el);
      expect(last().get('week')).to.equal('2025-W45');
      expect(last().has('date')).to.equal(false);
      expect(label()).to.equal('Week 45, 2025');
      expect(buttonByText(el, 'Week')!.getAttribute('aria-pressed')).to.equal('true');
      expect(buttonByText(el, 'Day')!.getAttribute('aria-pressed')).to.equal('false');

      buttonByText(el, 'Previous')!.click();
      await el.updateComplete;
      await settle(el);
      expect(last().get('week')).to.equal('2025-W44');
      expect(label()).to.equal('Week 44, 2025');

      buttonByText(el, 'Month')!.click();
      await el.updateComplete;
      await settle(el);
      expect(last().get('month')).to.equal('2025-10');
      expect(label()).to.equal('October 2025');

      buttonByText(el, 'Next')!.click();
      await el.updateComplete;
      await settle(el);
      expect(last().get('month')).to.equal('2025-11');
      expect(requests.length).to.equal(5);
    });

    it('without a period in src it shows the latest papers; Previous goes to yesterday', async () => {
      const { requests } = installFetch(feedOk);
      const el = await mount(html`<paperfeed-list src="${HF}"></paperfeed-list>`);
      expect(requests[0].url).to.equal(HF);
      expect($(el, '[part="period-label"]')!.textContent!.trim()).to.equal('Latest');
      expect(buttonByText(el, 'Next')!.getAttribute('aria-disabled')).to.equal('true');
      buttonByText(el, 'Previous')!.click();
      await el.updateComplete;
      await settle(el);
      // Hugging Face files papers by UTC day: yesterday is the UTC one, wherever the reader is.
      const expected = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      expect(new URL(requests[1].url).searchParams.get('date')).to.equal(expected);
    });

    it('writes the period label in the element\'s language', async () => {
      installFetch(feedOk);
      const el = await mount(html`<paperfeed-list lang="fr-FR" src="${HF}?month=2025-11"></paperfeed-list>`);
      expect($(el, '[part="period-label"]')!.textContent!.trim()).to.equal('novembre 2025');
      el.strings = { weekLabel: 'Semaine {week} de {year}', week: 'Semaine' };
      await el.updateComplete;
      buttonByText(el, 'Semaine')!.click();
      await settle(el);
      expect($(el, '[part="period-label"]')!.textContent!.trim()).to.equal('Semaine 44 de 2025');
    });

    it('period and date attributes choose the starting view', async () => {
      const { requests } = installFetch(feedOk);
      await mount(html`<paperfeed-list src="${HF}" period="month" date="2025-06-15"></paperfeed-list>`);
      expect(new URL(requests[0].url).searchParams.get('month')).to.equal('2025-06');
    });

    it('a date before year 0100 reads as junk: the latest papers, and Previous still works', async () => {
      const { requests } = installFetch(feedOk);
      const el = await mount(html`<paperfeed-list src="${HF}" date="0000-01-01"></paperfeed-list>`);
      expect(requests[0].url).to.equal(HF);
      expect($(el, '[part="period-label"]')!.textContent!.trim()).to.equal('Latest');
      buttonByText(el, 'Previous')!.click();
      await settle(el);
      // Year 0 stepped back to year -1, which no YYYY-MM-DD writes: the render threw a RangeError.
      expect(new URL(requests[1].url).searchParams.get('date')).to.equal(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
      expect($(el, '[part="period-label"]')!.textContent!.trim()).not.to.equal('Latest');
    });

    it('shows no bar for other feeds unless `periods` is set, and none with `no-periods`', async () => {
      const { requests } = installFetch(feedOk);
      const plain = await mount(html`<paperfeed-list src="${base}/feed.json"></paperfeed-list>`);
      expect($(plain, '[part="periods"]')).to.equal(null);
      const forced = await mount(html`<paperfeed-list periods date="2025-11-07" src="${base}/mirror"></paperfeed-list>`);
      expect($(forced, '[part="periods"]')).to.exist;
      expect(requests[requests.length - 1].url).to.equal(`${base}/mirror?date=2025-11-07`);
      const hidden = await mount(html`<paperfeed-list no-periods src="${HF}?date=2025-11-07"></paperfeed-list>`);
      expect($(hidden, '[part="periods"]')).to.equal(null);
    });
  });

  describe('Lit dev mode', () => {
    it('logs no Lit warnings through a whole life cycle', async () => {
      const warnings: unknown[][] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => {
        warnings.push(args);
      };
      try {
        installFetch(feedOk);
        const el = await mount(
          html`<paperfeed-list
            src="${base}/feed.json"
            heading="Papers"
            @loadstart=${(e: Event) => ((e.target as PaperfeedList).heading = 'Loading')}
            @load=${(e: Event) => ((e.target as PaperfeedList).heading = 'Loaded')}
          ></paperfeed-list>`,
        );
        // A page reacting to the events by setting properties sees them rendered.
        await el.updateComplete;
        expect($(el, '[part="heading"]')!.textContent).to.equal('Loaded');
        el.sort = 'date';
        el.query = 'diffusion';
        el.layout = 'grid';
        await el.updateComplete;
        el.reload();
        await el.updateComplete;
        await settle(el);
        el.remove();
      } finally {
        console.warn = original;
      }
      const lit = warnings.filter((args) => /lit|update/i.test(String(args[0])) && !/dev mode/i.test(String(args[0])));
      expect(lit).to.deep.equal([]);
    });
  });
});
