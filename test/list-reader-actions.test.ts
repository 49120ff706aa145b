// <paperfeed-list> with the reader attributes: `cite`, `save`, `math` reach every card, `mark-new`
// badges and counts papers newer than the last visit, `view="saved"` shows the papers saved in this
// browser with an export toolbar, and every card carries metadata (microdata; COinS in light DOM).
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/list/define.js';
import type { PaperfeedCard } from '../src/card/paperfeed-card.js';
import { setFetch } from '../src/feed/net/fetch-hook.js';
import { clearFeedCache } from '../src/feed/load.js';
import type { Paper } from '../src/feed/paper.js';
import type { PaperfeedList } from '../src/list/paperfeed-list.js';
import { LAST_VISIT_PREFIX } from '../src/reader/last-visit.js';
import { SAVED_KEY, savedStore } from '../src/reader/saved.js';
import { installFetch, readFixture, respond } from './feed/helpers.js';
import { papersOf } from './reader/helpers.js';

const SRC = 'https://feeds.test/reader-actions/daily.json';

/** The cards showing papers (an empty state keeps hidden skeleton cards behind its message). */
const cards = (el: PaperfeedList) => [...el.shadowRoot!.querySelectorAll<PaperfeedCard>('paperfeed-card')].filter((card) => card.paper);
const status = (el: PaperfeedList) => el.shadowRoot!.querySelector('[part~="status"]')!.textContent!.trim();
const badges = (el: PaperfeedList) => cards(el).filter((card) => card.shadowRoot!.querySelector('[part~="new"]'));

async function loaded(el: PaperfeedList): Promise<PaperfeedList> {
  await el.updateComplete;
  while (el.state === 'loading') await oneEvent(el, 'loadend');
  await el.updateComplete;
  await Promise.all(cards(el).map((card) => card.updateComplete));
  return el;
}

describe('<paperfeed-list> reader features', () => {
  let papers: Paper[];

  beforeEach(async () => {
    papers = await papersOf('hf-daily-papers.json');
    clearFeedCache();
    localStorage.removeItem(SAVED_KEY);
    localStorage.removeItem(LAST_VISIT_PREFIX + SRC);
    const body = await readFixture('hf-daily-papers.json');
    installFetch(() => respond(body));
  });

  afterEach(() => {
    setFetch();
    for (const p of savedStore().papers) savedStore().remove(p.id);
    localStorage.removeItem(SAVED_KEY);
    localStorage.removeItem(LAST_VISIT_PREFIX + SRC);
  });

  describe('cite, save, math', () => {
    it('reach every card, which shows Cite and Save; axe clean', async () => {
      const el = await loaded(await fixture<PaperfeedList>(html`<paperfeed-list cite save math .papers=${papers}></paperfeed-list>`));
      expect(cards(el)).to.have.length(papers.length);
      for (const card of cards(el)) {
        expect([card.cite, card.save, card.math]).to.deep.equal([true, true, true]);
        expect(card.shadowRoot!.querySelector('.pf-cite-button')!.textContent!.trim()).to.equal('Cite');
        expect(card.shadowRoot!.querySelector('.pf-save')!.getAttribute('aria-pressed')).to.equal('false');
      }
      await expect(el).to.be.accessible();
    });

    it('a card\'s save bubbles out of the list as paperfeed-save with its message', async () => {
      const el = await loaded(await fixture<PaperfeedList>(html`<paperfeed-list save .papers=${papers}></paperfeed-list>`));
      const button = cards(el)[0].shadowRoot!.querySelector<HTMLElement>('.pf-save')!;
      button.focus();
      const saved = oneEvent(el, 'paperfeed-save');
      await sendKeys({ press: 'Space' });
      const event = await saved;
      expect(event.detail).to.include({ saved: true, ok: true, message: 'Saved for later.' });
      expect(event.detail.paper.id).to.equal(papers[0].id);
    });

    it('the list\'s strings reach the actions, and the row is styleable as ::part(card-actions)', async () => {
      const el = await loaded(
        await fixture<PaperfeedList>(html`<paperfeed-list cite .strings=${{ cite: 'Zitieren' }} .papers=${papers}></paperfeed-list>`),
      );
      const card = cards(el)[0];
      expect(card.shadowRoot!.querySelector('.pf-cite-button')!.textContent!.trim()).to.equal('Zitieren');
      expect(card.getAttribute('exportparts')).to.contain('actions: card-actions');
    });

    it('without them, cards show no actions', async () => {
      const el = await loaded(await fixture<PaperfeedList>(html`<paperfeed-list .papers=${papers}></paperfeed-list>`));
      expect(cards(el)[0].shadowRoot!.querySelector('[part~="actions"]')).to.equal(null);
    });
  });

  describe('metadata', () => {
    it('every card is a schema.org ScholarlyArticle, and COinS spans for Zotero sit in the light DOM', async () => {
      const el = await loaded(await fixture<PaperfeedList>(html`<paperfeed-list .papers=${papers}></paperfeed-list>`));
      for (const [i, card] of cards(el).entries()) {
        const article = card.shadowRoot!.querySelector('article')!;
        expect(article.getAttribute('itemtype')).to.equal('https://schema.org/ScholarlyArticle');
        expect(article.querySelector('[itemprop="name"]')!.textContent).to.equal(papers[i].title);
      }
      const spans = [...el.querySelectorAll<HTMLSpanElement>('span.Z3988')];
      expect(spans).to.have.length(papers.length);
      const first = new URLSearchParams(spans[0].title);
      expect(first.get('rft.atitle')).to.equal(papers[0].title);
      expect(first.getAll('rft.au')).to.deep.equal(papers[0].authors.map((a) => a.name));
      // Hidden: the page shows nothing of them.
      expect(spans[0].closest<HTMLElement>('[data-paperfeed-coins]')!.hidden).to.equal(true);
    });
  });

  describe('mark-new', () => {
    it('badges the papers newer than the last visit, says how many, and moves the mark on', async () => {
      const baseline = '2025-11-06T00:00:00.000Z';
      const newer = papers.filter((p) => Date.parse(p.publishedAt) > Date.parse(baseline));
      expect(newer.length).to.be.within(1, papers.length - 1);
      localStorage.setItem(LAST_VISIT_PREFIX + SRC, JSON.stringify({ seen: baseline, at: baseline }));
      const el = await loaded(await fixture<PaperfeedList>(html`<paperfeed-list mark-new format="hf" src=${SRC}></paperfeed-list>`));
      expect(badges(el).map((card) => card.paper!.id).sort()).to.deep.equal(newer.map((p) => p.id).sort());
      expect(badges(el)[0].shadowRoot!.querySelector('[part~="new"]')!.textContent).to.equal('New');
      expect(status(el)).to.contain(`${newer.length} new since your last visit`);
      const newest = Math.max(...papers.map((p) => Date.parse(p.publishedAt)));
      expect(Date.parse(JSON.parse(localStorage.getItem(LAST_VISIT_PREFIX + SRC)!).seen)).to.equal(newest);
      await expect(el).to.be.accessible();
    });

    it('a first visit marks nothing new; without mark-new nothing is stored and nothing is badged', async () => {
      const first = await loaded(await fixture<PaperfeedList>(html`<paperfeed-list mark-new format="hf" src=${SRC}></paperfeed-list>`));
      expect(badges(first)).to.have.length(0);
      expect(localStorage.getItem(LAST_VISIT_PREFIX + SRC)).to.not.equal(null);
      localStorage.removeItem(LAST_VISIT_PREFIX + SRC);
      clearFeedCache();
      const plain = await loaded(await fixture<PaperfeedList>(html`<paperfeed-list format="hf" src=${SRC}></paperfeed-list>`));
      expect(cards(plain)).to.have.length(papers.length);
      expect(badges(plain)).to.have.length(0);
      expect(status(plain)).to.not.contain('new since');
      expect(Object.keys(localStorage).filter((key) => key.startsWith('paperfeed:'))).to.deep.equal([]);
    });
  });

  describe('view="saved"', () => {
    it('shows the papers saved from another list, with Export BibTeX / JSON; axe clean', async () => {
      const feed = await loaded(await fixture<PaperfeedList>(html`<paperfeed-list save .papers=${papers}></paperfeed-list>`));
      cards(feed)[1].shadowRoot!.querySelector<HTMLElement>('.pf-save')!.click();
      expect(JSON.parse(localStorage.getItem(SAVED_KEY)!).entries.map((e: { paper: Paper }) => e.paper.id)).to.deep.equal([papers[1].id]);
      // A new element reading the same storage: what the reader sees after a reload.
      const saved = await loaded(await fixture<PaperfeedList>(html`<paperfeed-list view="saved"></paperfeed-list>`));
      expect(cards(saved).map((card) => card.paper!.id)).to.deep.equal([papers[1].id]);
      expect(cards(saved)[0].shadowRoot!.querySelector('.pf-save')!.getAttribute('aria-pressed')).to.equal('true');
      const buttons = [...saved.shadowRoot!.querySelectorAll('[part~="saved-toolbar"] button')].map((b) => b.textContent!.trim());
      expect(buttons).to.deep.equal(['Export BibTeX', 'Export JSON']);
      await expect(saved).to.be.accessible();
    });

    it('follows a save made in another tab, and a paper taken out leaves the view', async () => {
      const saved = await loaded(await fixture<PaperfeedList>(html`<paperfeed-list view="saved"></paperfeed-list>`));
      expect(saved.state).to.equal('empty');
      expect(saved.shadowRoot!.querySelector('[part~="empty"]')!.textContent!.trim()).to.equal(
        'No saved papers yet. Use “Save” on a paper to keep it here.',
      );
      await expect(saved).to.be.accessible();
      localStorage.setItem(SAVED_KEY, JSON.stringify({ version: 1, entries: [{ paper: papers[2], savedAt: '2025-11-08T00:00:00.000Z' }] }));
      window.dispatchEvent(new StorageEvent('storage', { key: SAVED_KEY, storageArea: localStorage }));
      await waitUntil(() => cards(saved).length === 1, 'the saved view shows the paper');
      await loaded(saved);
      expect(cards(saved)[0].paper!.title).to.equal(papers[2].title);
      cards(saved)[0].shadowRoot!.querySelector<HTMLElement>('.pf-save')!.click();
      await waitUntil(() => cards(saved).length === 0, 'the paper left the saved view');
      expect(saved.state).to.equal('empty');
    });

    it('fetches nothing from src in the saved view', async () => {
      const { requests } = installFetch(() => respond('[]'));
      const saved = await loaded(await fixture<PaperfeedList>(html`<paperfeed-list view="saved" src=${SRC}></paperfeed-list>`));
      expect(saved.state).to.equal('empty');
      expect(requests).to.have.length(0);
    });
  });
});
