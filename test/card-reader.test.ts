// <paperfeed-card> with its reader attributes: `cite`, `save`, `math`, `new`, and the schema.org
// microdata every card carries. What a reader sees and presses, in real Chromium.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/card/define.js';
import type { PaperfeedCard } from '../src/card/paperfeed-card.js';
import type { Paper } from '../src/feed/paper.js';
import { SAVED_KEY, savedStore } from '../src/reader/saved.js';
import { paper as makePaper, papersOf } from './reader/helpers.js';

describe('<paperfeed-card> reader features', () => {
  const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
  let clipboard: string[];

  beforeEach(() => {
    clipboard = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void clipboard.push(text) },
    });
    localStorage.removeItem(SAVED_KEY);
  });

  afterEach(() => {
    if (original) Object.defineProperty(navigator, 'clipboard', original);
    else delete (navigator as unknown as Record<string, unknown>).clipboard;
    for (const p of savedStore().papers) savedStore().remove(p.id);
    localStorage.removeItem(SAVED_KEY);
  });

  const q = <T extends Element = HTMLElement>(el: PaperfeedCard, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
  const focused = (el: PaperfeedCard) => el.shadowRoot!.activeElement;

  async function arxivPaper(): Promise<Paper> {
    return (await papersOf('arxiv-rss.xml'))[0];
  }

  describe('accessibility', () => {
    it('is axe clean with all actions: closed, Cite open, saved, new, math', async () => {
      const paper = { ...(await arxivPaper()), title: 'Bounds for $x^2$ sampling' };
      const el = await fixture<PaperfeedCard>(html`<paperfeed-card cite save math new .paper=${paper}></paperfeed-card>`);
      await el.updateComplete;
      await waitUntil(() => el.shadowRoot!.querySelector('math'), 'the title shows MathML');
      await expect(el).to.be.accessible();
      q(el, '.pf-cite-button').click();
      expect(q(el, '.pf-cite').matches(':popover-open')).to.equal(true);
      await expect(el).to.be.accessible();
      q(el, '.pf-cite').hidePopover();
      q(el, '.pf-save').click();
      await el.updateComplete;
      expect(q(el, '.pf-save').getAttribute('aria-pressed')).to.equal('true');
      await expect(el).to.be.accessible();
    });
  });

  describe('properties', () => {
    it('shows no actions, loads no reader code and stores nothing without the attributes', async () => {
      const el = await fixture<PaperfeedCard>(html`<paperfeed-card .paper=${await arxivPaper()}></paperfeed-card>`);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~="actions"]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part~="new"]')).to.equal(null);
      expect(localStorage.getItem(SAVED_KEY)).to.equal(null);
    });

    it('cite alone shows Cite and no Save; save alone shows Save and no Cite', async () => {
      const paper = await arxivPaper();
      const cite = await fixture<PaperfeedCard>(html`<paperfeed-card cite .paper=${paper}></paperfeed-card>`);
      await cite.updateComplete;
      expect(q(cite, '.pf-cite-button').textContent!.trim()).to.equal('Cite');
      expect(cite.shadowRoot!.querySelector('.pf-save')).to.equal(null);
      const save = await fixture<PaperfeedCard>(html`<paperfeed-card save .paper=${paper}></paperfeed-card>`);
      await save.updateComplete;
      expect(q(save, '.pf-save').textContent!.trim()).to.equal('Save');
      expect(save.shadowRoot!.querySelector('.pf-cite-button')).to.equal(null);
    });

    it('setting the cite property later shows the row after updateComplete', async () => {
      const el = await fixture<PaperfeedCard>(html`<paperfeed-card .paper=${await arxivPaper()}></paperfeed-card>`);
      el.cite = true;
      await el.updateComplete;
      expect(q(el, '[part~="actions"]').getAttribute('aria-label')).to.match(/^Actions for /);
    });

    it('new shows a "New" badge before the title text, inside the heading', async () => {
      const el = await fixture<PaperfeedCard>(html`<paperfeed-card new .paper=${await arxivPaper()}></paperfeed-card>`);
      const heading = q(el, '[part~="title"]');
      expect(heading.querySelector('[part~="new"]')!.textContent).to.equal('New');
      expect(heading.textContent!.trim()).to.match(/^New /);
      el.strings = { newBadge: 'Neu' };
      await el.updateComplete;
      expect(heading.querySelector('[part~="new"]')!.textContent).to.equal('Neu');
    });

    it('math renders $x^2$ in the title as MathML; the heading still reads "x²"', async () => {
      const paper = makePaper({ title: 'Bounds for $x^2$ sampling', summary: 'We bound $\\ell_p$ norms.', url: 'https://arxiv.org/abs/2501.00001' });
      const el = await fixture<PaperfeedCard>(html`<paperfeed-card math .paper=${paper}></paperfeed-card>`);
      await waitUntil(() => el.shadowRoot!.querySelectorAll('math').length === 2, 'title and abstract show MathML');
      const heading = q(el, '[part~="title"]');
      const math = heading.querySelector('math')!;
      expect(math.namespaceURI).to.equal('http://www.w3.org/1998/Math/MathML');
      expect(math.getAttribute('aria-hidden')).to.equal('true');
      expect(math.querySelector('msup')).to.not.equal(null);
      // What assistive technology reads: the visually hidden Unicode text, the same as without `math`.
      expect(heading.querySelector('.pf-sr')!.textContent).to.equal('x²');
      const spoken = [...heading.querySelectorAll('a')[0].childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE || (n instanceof Element && n.getAttribute('aria-hidden') !== 'true'))
        .map((n) => n.textContent)
        .join('');
      expect(spoken.replace(/\s+/g, ' ').trim()).to.equal('Bounds for x² sampling');
    });

    it('without math the same title stays Unicode text and loads no MathML', async () => {
      const paper = makePaper({ title: 'Bounds for $x^2$ sampling' });
      const el = await fixture<PaperfeedCard>(html`<paperfeed-card .paper=${paper}></paperfeed-card>`);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('math')).to.equal(null);
      expect(q(el, '[part~="title"]').textContent!.trim()).to.equal('Bounds for x² sampling');
    });

    it('carries schema.org ScholarlyArticle microdata that reads back to title, authors, date and ids', async () => {
      const paper = await arxivPaper();
      const el = await fixture<PaperfeedCard>(html`<paperfeed-card .paper=${paper}></paperfeed-card>`);
      const article = q(el, 'article');
      expect(article.hasAttribute('itemscope')).to.equal(true);
      expect(article.getAttribute('itemtype')).to.equal('https://schema.org/ScholarlyArticle');
      const prop = (name: string) => [...article.querySelectorAll(`[itemprop="${name}"]`)].filter((e) => e.parentElement!.closest('[itemscope]') === article);
      expect(prop('name')[0].textContent).to.equal(paper.title);
      const authors = prop('author').map((a) => a.querySelector('[itemprop="name"]')!.textContent);
      expect(authors).to.deep.equal(paper.authors.map((a) => a.name));
      expect(prop('datePublished')[0].getAttribute('value')).to.equal(paper.publishedAt.slice(0, 10));
      expect(prop('identifier').map((e) => e.textContent)).to.include('arXiv:2511.04570');
      // Hidden: it changes nothing a reader sees.
      expect((article.querySelector('.pf-metadata') as HTMLElement).hidden).to.equal(true);
    });
  });

  describe('keyboard and events', () => {
    it('Tab reaches Cite, Enter opens it, Enter copies BibTeX, the row announces it and focus returns', async () => {
      const el = await fixture<PaperfeedCard>(html`<paperfeed-card cite save .paper=${await arxivPaper()}></paperfeed-card>`);
      await el.updateComplete;
      const links = el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="links"] a');
      links[links.length - 1].focus();
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal(q(el, '.pf-cite-button'));
      await sendKeys({ press: 'Enter' });
      expect(q(el, '.pf-cite').matches(':popover-open')).to.equal(true);
      expect(focused(el)!.textContent).to.equal('Copy BibTeX');
      const cited = oneEvent(el, 'paperfeed-cite');
      await sendKeys({ press: 'Enter' });
      const event = await cited;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.message).to.equal('BibTeX entry copied.');
      expect(clipboard[0]).to.match(/^@misc\{okafor2025speculative,/);
      await el.updateComplete;
      expect(q(el, '[part~="actions-status"]').getAttribute('role')).to.equal('status');
      expect(q(el, '[part~="actions-status"]').textContent).to.equal('BibTeX entry copied.');
      expect(focused(el)).to.equal(q(el, '.pf-cite-button'));
      await sendKeys({ press: 'Escape' });
    });

    it('Tab to Save, Space toggles aria-pressed and stores the paper; Enter takes it out again', async () => {
      const paper = await arxivPaper();
      const el = await fixture<PaperfeedCard>(html`<paperfeed-card cite save .paper=${paper}></paperfeed-card>`);
      await el.updateComplete;
      q(el, '.pf-cite-button').focus();
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal(q(el, '.pf-save'));
      const saved = oneEvent(el, 'paperfeed-save');
      await sendKeys({ press: 'Space' });
      expect((await saved).detail).to.include({ saved: true, ok: true, message: 'Saved for later.' });
      await el.updateComplete;
      expect(q(el, '.pf-save').getAttribute('aria-pressed')).to.equal('true');
      expect(q(el, '.pf-save').textContent!.trim()).to.equal('Saved');
      expect(JSON.parse(localStorage.getItem(SAVED_KEY)!).entries[0].paper.id).to.equal(paper.id);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(q(el, '.pf-save').getAttribute('aria-pressed')).to.equal('false');
      expect(q(el, '[part~="actions-status"]').textContent).to.equal('Removed from saved papers.');
    });
  });
});
