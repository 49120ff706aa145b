// The Hugging Face card (issue 12): submitter and organization avatars with an initial-letter
// fallback, "Submitted by", the upvote box, comments, the AI summary, and a broken thumbnail that
// takes its box with it.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/card/define.js';
import type { PaperfeedCard } from '../src/card/paperfeed-card.js';
import type { Paper } from '../src/feed/paper.js';
import { parseFeed } from '../src/feed/parse/parse.js';
import { setClock } from '../src/internal/clock.js';
import { LOCAL_IMAGE, MISSING_IMAGE, offline } from './card-papers.js';

const part = (el: PaperfeedCard, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: PaperfeedCard, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The first paper of the HF daily-papers fixture, read by the real adapter, images made local. */
async function hfPaper(): Promise<Paper> {
  const body = await (await fetch('/test/fixtures/hf-daily-papers.json')).text();
  return offline(parseFeed(body, 'application/json', { url: 'https://huggingface.co/api/daily_papers' }).papers[0]);
}

async function card(paper: Paper, attrs = ''): Promise<PaperfeedCard> {
  const el = await fixture<PaperfeedCard>(html`<paperfeed-card .paper=${paper}></paperfeed-card>`);
  for (const name of attrs.split(' ').filter(Boolean)) el.setAttribute(name, '');
  await el.updateComplete;
  return el;
}

/** Waits until every avatar `<img>` has loaded or failed, then for the card's next render. */
async function imagesSettled(el: PaperfeedCard): Promise<void> {
  const images = [...el.shadowRoot!.querySelectorAll<HTMLImageElement>('img')];
  await Promise.all(
    images.map((img) => (img.complete ? Promise.resolve() : Promise.race([oneEvent(img, 'load'), oneEvent(img, 'error')]))),
  );
  await el.updateComplete;
}

describe('<paperfeed-card> Hugging Face details', () => {
  let paper: Paper;
  before(async () => {
    paper = await hfPaper();
  });
  beforeEach(() => setClock(Date.parse('2025-11-10T12:00:00Z')));
  afterEach(() => setClock());

  describe('avatars', () => {
    it('shows the submitter and organization avatars, sized before they load, lazy, without a referrer', async () => {
      const el = await card(paper);
      const submitter = part(el, 'submitter')!;
      const org = part(el, 'organization')!;
      expect(text(submitter)).to.equal('Submitted by AK');
      expect(submitter.querySelector('a')!.getAttribute('href')).to.equal('https://huggingface.co/akhaliq');
      expect(text(org)).to.equal(paper.organization!.name);
      for (const img of parts(el, 'avatar') as HTMLImageElement[]) {
        expect(img.localName).to.equal('img');
        expect(img.getAttribute('src')).to.equal(LOCAL_IMAGE);
        expect(img.getAttribute('width')).to.equal('20');
        expect(img.getAttribute('height')).to.equal('20');
        expect(img.getAttribute('loading')).to.equal('lazy');
        expect(img.referrerPolicy).to.equal('no-referrer');
        // Decorative: the name is right beside it.
        expect(img.getAttribute('alt')).to.equal('');
        const box = img.getBoundingClientRect();
        expect([box.width, box.height]).to.deep.equal([20, 20]);
      }
      expect(parts(el, 'avatar')).to.have.length(2);
      await imagesSettled(el);
      await expect(el).to.be.accessible();
    });

    it('shows the first letter of the name when there is no avatar URL', async () => {
      const el = await card({
        ...paper,
        submittedBy: { name: 'jun takeda', url: 'https://huggingface.co/jtakeda' },
        organization: { name: 'Élan Lab' },
      });
      const [user, org] = parts(el, 'avatar');
      expect(user.localName).to.equal('span');
      expect(text(user)).to.equal('J');
      expect(user.getAttribute('aria-hidden')).to.equal('true');
      expect(text(org)).to.equal('É');
      // The letter takes the image's place: the same box.
      const box = user.getBoundingClientRect();
      expect([box.width, box.height]).to.deep.equal([20, 20]);
      expect(text(part(el, 'submitter')!.querySelector('[dir]'))).to.equal('Submitted by jun takeda');
      await expect(el).to.be.accessible();
    });

    it('shows the first letter when the avatar fails to load', async () => {
      const el = await card({ ...paper, submittedBy: { name: 'Rafal Kocielnik', avatar: MISSING_IMAGE } });
      const avatar = part(el, 'submitter')!.querySelector('img')!;
      expect(avatar).to.exist;
      // The image may fail before a listener could be added: wait for what the reader sees instead.
      await waitUntil(() => !part(el, 'submitter')!.querySelector('img'), 'the failed avatar stays', { timeout: 5000 });
      await el.updateComplete;
      const fallback = part(el, 'submitter')!.querySelector('[part~="avatar"]')!;
      expect(fallback.localName).to.equal('span');
      expect(text(fallback)).to.equal('R');
      expect(part(el, 'submitter')!.querySelector('img')).to.equal(null);
      // The organization's good avatar is untouched.
      expect(part(el, 'organization')!.querySelector('img')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('renders no image for an avatar that is not an http(s) URL', async () => {
      const el = await card({
        ...paper,
        submittedBy: { name: 'AK', avatar: 'javascript:alert(1)' },
        organization: { name: 'Org', avatar: 'data:image/svg+xml,<svg onload=alert(1)>' },
      });
      expect(el.shadowRoot!.querySelectorAll('img[part~="avatar"]')).to.have.length(0);
      expect(parts(el, 'avatar').map((a) => text(a))).to.deep.equal(['A', 'O']);
    });

    it('gives a new paper another try at its avatar', async () => {
      const el = await card({ ...paper, submittedBy: { name: 'AK', avatar: MISSING_IMAGE } });
      await waitUntil(() => !part(el, 'submitter')!.querySelector('img'), 'the failed avatar stays', { timeout: 5000 });
      await el.updateComplete;
      expect(part(el, 'submitter')!.querySelector('img')).to.equal(null);
      el.paper = { ...paper, id: 'other', submittedBy: { name: 'AK', avatar: LOCAL_IMAGE } };
      await el.updateComplete;
      expect(part(el, 'submitter')!.querySelector('img')!.getAttribute('src')).to.equal(LOCAL_IMAGE);
    });
  });

  describe('thumbnail', () => {
    it('removes the whole thumbnail box when the image fails, leaving no blank slab', async () => {
      const el = await card({ ...paper, thumbnail: MISSING_IMAGE });
      const without = await card({ ...paper, thumbnail: undefined });
      await waitUntil(() => !el.shadowRoot!.querySelector('.thumbnail-box'), 'the failed thumbnail box stays', { timeout: 5000 });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.thumbnail-box')).to.equal(null);
      // As tall as the same paper without a thumbnail: nothing of the box is left.
      expect(el.getBoundingClientRect().height).to.be.closeTo(without.getBoundingClientRect().height, 0.5);
      // The first row of the card is its title row, right under the card's top padding.
      const top = part(el, 'card')!.getBoundingClientRect().top;
      expect(part(el, 'title')!.getBoundingClientRect().top - top).to.be.below(24);
    });
  });

  describe('keywords', () => {
    const many = Array.from({ length: 14 }, (_, i) => `keyword ${i + 1}`);
    const long = 'A long abstract. '.repeat(20);

    it('shows six of many keywords and "+ N more" while folded, all of them when expanded', async () => {
      const el = await card({ ...paper, summary: long, tags: many });
      const items = () => [...part(el, 'tags')!.querySelectorAll('li')].map((li) => text(li));
      expect(items()).to.deep.equal([...many.slice(0, 6), '+ 8 more']);
      el.expanded = true;
      await el.updateComplete;
      expect(items()).to.deep.equal(many);
    });

    it('folds nothing a reader could not unfold: a short abstract (no toggle) keeps every keyword', async () => {
      const el = await card({ ...paper, summary: 'Short.', tags: many });
      expect(part(el, 'toggle')).to.equal(null);
      expect(part(el, 'tags')!.querySelectorAll('li')).to.have.length(14);
    });
  });

  describe('upvotes, comments, AI summary', () => {
    it('shows the upvote count in a box at the start of the title row, spoken as "N upvotes"', async () => {
      const el = await card(paper);
      const box = part(el, 'upvotes')!;
      expect(text(box.querySelector('[aria-hidden="true"]:not(svg)'))).to.equal('87');
      expect(text(box.querySelector('.visually-hidden'))).to.equal('87 upvotes');
      const style = getComputedStyle(box);
      expect(style.borderTopStyle).to.equal('solid');
      expect(Number(style.fontWeight)).to.be.at.least(600);
      expect(box.getBoundingClientRect().right).to.be.at.most(part(el, 'title')!.getBoundingClientRect().left);
      expect(text(part(el, 'meta')!.querySelector('.comments .visually-hidden'))).to.equal('4 comments');
    });

    it('shows the AI summary only with the ai-summary attribute', async () => {
      const el = await card(paper);
      expect(part(el, 'ai-summary')).to.equal(null);
      el.setAttribute('ai-summary', '');
      await el.updateComplete;
      expect(el.aiSummary).to.equal(true);
      const summary = part(el, 'ai-summary')!;
      expect(text(summary)).to.equal(`AI summary ${paper.aiSummary}`);
      // Above the abstract.
      expect(summary.compareDocumentPosition(part(el, 'summary')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
      el.paper = { ...paper, aiSummary: undefined };
      await el.updateComplete;
      expect(part(el, 'ai-summary')).to.equal(null);
    });
  });
});
