// Geometry a reader sees: a skeleton has the height of the card that replaces it, a thumbnail has its
// size before the image arrives, and a list does not change height when its feed arrives (issue 5,
// bench/cls.mjs measures the resulting layout shift on a whole page).
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/card/define.js';
import '../src/list/define.js';
import type { PaperfeedCard } from '../src/card/paperfeed-card.js';
import type { Paper } from '../src/feed/paper.js';
import { clearFeedCache } from '../src/feed/load.js';
import { setFetch } from '../src/feed/net/fetch-hook.js';
import { setClock } from '../src/internal/clock.js';
import { deferred, installFetch, respond } from './feed/helpers.js';
import { feedBody, makePapers } from './server/feeds.mjs';

const THUMBNAIL = new URL('/test/fixtures/thumbnail.svg', location.href).href;
const ABSTRACT =
  'We study how large language models read and summarize research feeds, and show that a simple rule ' +
  'keeps the quality of the best tuned baseline while cutting repetition. Across six benchmarks and ' +
  'three model families the method is never worse than the baseline, and it needs no tuning at all. ' +
  'We explain why with a simple bound and release code and data for every experiment.';

/** A typical HF daily paper: a two-line title at list width, a long abstract, keywords, four links. */
function makePaper(overrides: Partial<Paper> = {}): Paper {
  return {
    id: '2611.10001',
    title: 'Scaling laws for sparse mixture-of-experts language models trained on synthetic data',
    summary: ABSTRACT,
    authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra'].map((name) => ({ name })),
    authorCount: 4,
    publishedAt: '2026-11-26T00:00:00.000Z',
    upvotes: 42,
    comments: 3,
    url: 'https://huggingface.co/papers/2611.10001',
    arxivUrl: 'https://arxiv.org/abs/2611.10001',
    pdfUrl: 'https://arxiv.org/pdf/2611.10001',
    codeUrl: 'https://github.com/example/paper',
    codeStars: 1234,
    projectUrl: 'https://example.org/paper',
    thumbnail: THUMBNAIL,
    tags: ['LLM', 'Decoding'],
    organization: { name: 'Example Lab' },
    source: 'hf',
    ...overrides,
  };
}

/** Cards in a size container of `width` px, like the ones <paperfeed-list> renders. */
async function cardsAt(width: number, papers: (Paper | undefined)[], attrs: Record<string, string> = {}) {
  const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: ${width}px"></div>`);
  const cards = papers.map((paper) => {
    const card = document.createElement('paperfeed-card');
    card.style.containerType = 'inline-size';
    card.style.marginBlockEnd = '1rem';
    for (const [name, value] of Object.entries(attrs)) card.setAttribute(name, value);
    if (paper) card.paper = paper;
    wrapper.append(card);
    return card;
  });
  await Promise.all(cards.map((card) => card.updateComplete));
  return cards;
}

const height = (el: Element) => el.getBoundingClientRect().height;
const part = (card: PaperfeedCard, name: string) => card.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('layout: no shift when papers replace skeletons', () => {
  beforeEach(() => setClock(Date.parse('2026-11-27T10:00:00.000Z')));
  afterEach(() => setClock());

  describe('cards in a wide list (thumbnail column)', () => {
    // Issue 12: a card is as tall as its content; the skeleton is a typical paper's height (within a line).
    it('a skeleton is about as tall as a typical paper; a shorter paper is as tall as its content', async () => {
      const [skeleton, withThumbnail, without, short] = await cardsAt(928, [
        undefined,
        makePaper(),
        makePaper({ thumbnail: undefined }),
        makePaper({ thumbnail: undefined, title: 'A short title', summary: 'One line.', tags: [] }),
      ]);
      expect(part(withThumbnail, 'toggle'), 'a long abstract has its toggle').to.exist;
      expect(part(short, 'toggle'), 'a short one has none').to.equal(null);
      const expected = height(skeleton);
      expect(expected).to.be.greaterThan(200);
      for (const card of [withThumbnail, without]) expect(height(card)).to.be.closeTo(expected, 24);
      expect(height(short)).to.be.lessThan(expected - 60);
    });

    it('puts the thumbnail beside the text, not above it', async () => {
      const [card] = await cardsAt(928, [makePaper()]);
      const box = part(card, 'thumbnail')!.parentElement!.getBoundingClientRect();
      const title = part(card, 'title')!.getBoundingClientRect();
      expect(box.width).to.be.lessThan(300);
      expect(title.left).to.be.greaterThan(box.right);
      expect(title.top).to.be.lessThan(box.bottom);
    });

    it('grows for content taller than a typical paper instead of clipping it', async () => {
      const [skeleton, expanded] = await cardsAt(928, [undefined, makePaper({ summary: ABSTRACT.repeat(3) })]);
      expanded.expanded = true;
      await expanded.updateComplete;
      expect(height(expanded)).to.be.greaterThan(height(skeleton) + 10);
      const summary = part(expanded, 'summary')!;
      expect(summary.scrollHeight).to.be.at.most(summary.clientHeight + 1);
    });
  });

  describe('cards in a narrow column (grid, phone)', () => {
    it('a skeleton is about as tall as a paper with a thumbnail above the text (within a line)', async () => {
      const [skeleton, card] = await cardsAt(300, [undefined, makePaper({ title: 'Sparse experts at scale' })]);
      const box = part(card, 'thumbnail')!.parentElement!.getBoundingClientRect();
      expect(part(card, 'title')!.getBoundingClientRect().top).to.be.greaterThan(box.bottom);
      expect(height(card)).to.be.closeTo(height(skeleton), 24);
    });

  });

  describe('compact cards', () => {
    it('a skeleton is as tall as a compact card with a one-line title', async () => {
      const [skeleton, card] = await cardsAt(928, [undefined, makePaper({ title: 'Sparse experts at scale' })], { variant: 'compact' });
      expect(height(skeleton)).to.be.greaterThan(60);
      expect(height(card)).to.be.closeTo(height(skeleton), 1);
    });
  });

  describe('thumbnails', () => {
    it('have width/height and a sized box before the image loads (lazy, far below the viewport)', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div style="margin-block-start: 20000px; inline-size: 320px">
        <paperfeed-card .paper=${makePaper({ thumbnail: `${THUMBNAIL}?never-in-view` })}></paperfeed-card>
      </div>`);
      const card = wrapper.querySelector('paperfeed-card')!;
      await card.updateComplete;
      const img = part(card, 'thumbnail') as HTMLImageElement;
      expect(img.naturalWidth, 'not loaded yet').to.equal(0);
      expect(img.getAttribute('width')).to.equal('640');
      expect(img.getAttribute('height')).to.equal('360');
      const box = img.getBoundingClientRect();
      expect(box.width).to.be.closeTo(320 - 2, 1);
      expect(box.height).to.be.closeTo((box.width * 9) / 16, 1);
    });

    it('do not change the card height when they load', async () => {
      const [card] = await cardsAt(300, [makePaper({ thumbnail: `${THUMBNAIL}?load` })]);
      const img = part(card, 'thumbnail') as HTMLImageElement;
      const before = height(card);
      if (!img.complete) await oneEvent(img, 'load');
      expect(img.naturalWidth).to.be.greaterThan(0);
      expect(height(card)).to.equal(before);
    });

    // Issue 12: a failed thumbnail takes its box with it (a grey slab said nothing to the reader).
    it('take their box with them when the image fails', async () => {
      const [card] = await cardsAt(300, [makePaper({ thumbnail: new URL('/test/fixtures/missing.png', location.href).href })]);
      const img = part(card, 'thumbnail') as HTMLImageElement;
      if (img) await oneEvent(img, 'error');
      await card.updateComplete;
      expect(part(card, 'thumbnail'), 'no broken image').to.equal(null);
      expect(card.shadowRoot!.querySelector('.thumbnail-box'), 'no empty box').to.equal(null);
    });
  });
});

describe('layout: a list keeps its height when the feed arrives', () => {
  let run = 0;
  beforeEach(() => {
    run++;
    clearFeedCache();
  });
  afterEach(() => setFetch());

  const hfItem = (i: number, thumbnail: boolean) => ({
    paper: {
      id: `2611.1000${i}`,
      // Titles of a typical length (HF daily papers: 60-120 characters), which the skeletons aim at.
      title: i % 2 ? 'Diffusion policies for dexterous manipulation from a handful of human videos' : 'Scaling laws for sparse mixture-of-experts language models trained on synthetic data',
      summary: ABSTRACT,
      authors: [{ name: 'Ada Lovelace' }, { name: 'Alan Turing' }, { name: 'Grace Hopper' }],
      publishedAt: '2026-11-26T00:00:00.000Z',
      upvotes: 7,
      ai_keywords: ['feeds', 'LLM'],
      githubRepo: 'https://github.com/example/paper',
      githubStars: 120,
    },
    thumbnail: thumbnail ? `${THUMBNAIL}?${i}` : undefined,
    numComments: 1,
  });

  const hfFeed = (thumbnails: boolean) => respond(JSON.stringify(Array.from({ length: 8 }, (_, i) => hfItem(i, thumbnails))));

  /** The list's height while it shows skeletons and after the feed is shown. */
  async function heights(attrs: Record<string, string>, width: number, thumbnails: boolean, feed = () => hfFeed(thumbnails), state = 'loaded') {
    const answer = deferred<Response>();
    installFetch(() => answer.promise);
    // The host page's line height sizes the Load more button the skeletons keep room for.
    const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: ${width}px; line-height: 1.5"></div>`);
    const list = document.createElement('paperfeed-list');
    for (const [name, value] of Object.entries({ 'no-toolbar': '', src: `https://feeds.test/layout/${run}.json`, ...attrs })) {
      if (value !== undefined) list.setAttribute(name, value);
    }
    wrapper.append(list);
    await list.updateComplete;
    expect(list.getAttribute('state')).to.equal('loading');
    const skeletons = [...list.shadowRoot!.querySelectorAll('paperfeed-card')];
    await Promise.all(skeletons.map((card) => card.updateComplete));
    const loading = height(list);
    const top = list.getBoundingClientRect().top;
    const skeletonBottoms = skeletons.filter((card) => height(card) > 0).map((card) => card.getBoundingClientRect().bottom - top);
    const skeletonThumbnails = skeletons.filter((card) => {
      const box = card.shadowRoot!.querySelector('.thumbnail-box');
      return box && height(box) > 0;
    }).length;
    answer.resolve(feed());
    await oneEvent(list, 'loadend');
    await list.updateComplete;
    expect(list.getAttribute('state')).to.equal(state);
    const all = [...list.shadowRoot!.querySelectorAll('paperfeed-card')];
    await Promise.all(all.map((card) => card.updateComplete));
    const cards = all.filter((card) => card.paper);
    if (state === 'loaded') expect(cards.length, 'no skeleton left').to.equal(all.length);
    const cardBottoms = cards.map((card) => card.getBoundingClientRect().bottom - top);
    const cardTops = cards.map((card) => card.getBoundingClientRect().top);
    return { list, loading, loaded: height(list), cards: cards.length, skeletonThumbnails, skeletonBottoms, cardBottoms, cardTops };
  }

  // Issue 12: cards are as tall as their content, so a loaded list is no longer exactly as tall as
  // its skeletons. What stays: the first card starts where the first skeleton was, each card's
  // height is within a line (24 px) of the skeleton it replaces, and so the list's height is within
  // a line per card (bench/cls.mjs turns this into the layout shift a page sees).
  const LINE = 24;
  const near = (loaded: number, loading: number, cards: number, what = '', lines = 1) =>
    expect(Math.abs(loaded - loading), `${what} list height ${loaded} vs skeletons ${loading}`).to.be.at.most(lines * LINE * cards);
  // A narrow skeleton is the median real card (three title lines, two rows of links: see
  // src/card/paperfeed-card.styles.ts); these made-up papers carry fewer links and authors, so they
  // come out shorter by up to two and a half lines. The real feeds' shift is measured in bench/cls.mjs.
  const NARROW_LINES = 2.5;

  it('limit=1, papers without thumbnails (arXiv, RSS), with the Load more row', async () => {
    const { loading, loaded, cards } = await heights({ limit: '1' }, 928, false);
    expect(cards).to.equal(1);
    near(loaded, loading, cards);
  });

  it('limit=3 with thumbnails', async () => {
    const { loading, loaded, cards, skeletonBottoms, cardBottoms, cardTops } = await heights({ limit: '3' }, 928, true);
    expect(cards).to.equal(3);
    // The list keeps only the skeletons that fit in a screen (two in the test's 600 px window): the
    // cards that replace them end within a line each of where they did, and any card past them
    // starts below the window, where its arrival shifts nothing the reader sees.
    const kept = skeletonBottoms.length;
    expect(kept).to.be.within(1, 3);
    near(cardBottoms[kept - 1], skeletonBottoms[kept - 1], kept);
    if (kept < cards) expect(cardTops[kept]).to.be.at.least(window.innerHeight - LINE);
    else near(loaded, loading, cards);
  });

  it('grid, limit=3, with thumbnails', async () => {
    const { loading, loaded } = await heights({ layout: 'grid', limit: '3' }, 928, true);
    near(loaded, loading, 1, 'one row:');
  });

  it('narrow, arXiv: skeletons promise no thumbnail, so papers without one take their place', async () => {
    const arxiv = () => {
      const { body, type } = feedBody('arxiv-rss', makePapers(4).map((p) => ({ ...p, title: makePaper().title, summary: ABSTRACT })));
      return respond(body, { type });
    };
    const { loading, loaded, skeletonThumbnails } = await heights({ limit: '1', src: `https://rss.arxiv.org/rss/cs.LG?${run}` }, 360, false, arxiv);
    expect(skeletonThumbnails).to.equal(0);
    near(loaded, loading, 1, 'narrow arXiv:', NARROW_LINES);
  });

  it('narrow, Hugging Face: skeletons promise the thumbnail that comes', async () => {
    const { loading, loaded, skeletonThumbnails } = await heights({ limit: '1' }, 360, true);
    expect(skeletonThumbnails).to.equal(1);
    near(loaded, loading, 1, 'narrow HF:', NARROW_LINES);
  });

  it('keeps only the skeletons that fit in a screen from its top (a phone shows two, not six)', async () => {
    const answer = deferred<Response>();
    installFetch(() => answer.promise);
    const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: 358px"></div>`);
    const list = document.createElement('paperfeed-list');
    list.setAttribute('src', `https://feeds.test/layout/${run}.json`);
    wrapper.append(list);
    await list.updateComplete;
    // Measured before the first paint: by the next animation frame the extra skeletons are gone.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await list.updateComplete;
    const skeletons = list.shadowRoot!.querySelectorAll('paperfeed-card');
    const first = skeletons[0].getBoundingClientRect();
    expect(skeletons.length).to.be.within(1, 5);
    // Each kept skeleton starts within a screen of the first; one more would not.
    expect(skeletons[skeletons.length - 1].getBoundingClientRect().top - first.top).to.be.below(window.innerHeight);
    expect(first.height * (skeletons.length + 1)).to.be.at.least(window.innerHeight - 2 * first.height);
    answer.resolve(hfFeed(true));
    await oneEvent(list, 'loadend');
    await list.updateComplete;
    // Cards past them lay out lazily, at a placeholder size, until scrolled near.
    const items = [...list.shadowRoot!.querySelectorAll('li')];
    expect(items.length).to.equal(8);
    expect(items.slice(0, skeletons.length).every((li) => getComputedStyle(li).contentVisibility === 'visible')).to.equal(true);
    expect(items.slice(skeletons.length).every((li) => getComputedStyle(li).contentVisibility === 'auto')).to.equal(true);
  });

  const failure = () => respond('Internal Server Error', { status: 500, type: 'text/plain' });
  const shadow = (list: Element) => list.shadowRoot!;
  const REM = 16;

  for (const layout of ['list', 'compact', 'grid']) {
    it(`an empty feed shows a box of its message's size (${layout}, default limit), announced, no toolbar`, async () => {
      const { list, loaded, cards } = await heights({ layout, 'no-toolbar': undefined as unknown as string }, 928, true, () => respond('[]'), 'empty');
      expect(cards).to.equal(0);
      const box = shadow(list).querySelector<HTMLElement>('[part="empty"]')!;
      expect(height(box)).to.be.at.most(12 * REM);
      expect(loaded).to.be.closeTo(height(box), 1);
      expect(box.textContent!.trim()).to.equal('No papers found.');
      expect(shadow(list).querySelector('[role="status"]')!.textContent!.trim()).to.equal('No papers found.');
      expect(shadow(list).querySelector('paperfeed-card'), 'no skeleton kept').to.equal(null);
      expect(shadow(list).querySelector('[part="toolbar"]'), 'nothing to search: no toolbar').to.equal(null);
    });
  }

  for (const width of [390, 928]) {
    it(`an HTTP error shows a box of its message's size at ${width} px, with a plain message and a focusable Retry`, async () => {
      const { list, loaded } = await heights({ 'no-toolbar': undefined as unknown as string }, width, true, failure, 'error');
      const box = shadow(list).querySelector<HTMLElement>('[part="error"]')!;
      expect(height(box)).to.be.at.most(12 * REM);
      expect(loaded, 'no toolbar above it either').to.be.at.most(12 * REM);
      expect(box.textContent).to.include('500');
      expect(box.textContent).not.to.include('`');
      expect(shadow(list).querySelector('[role="status"]')!.textContent).to.include('500');
      const retry = shadow(list).querySelector<HTMLButtonElement>('[part~="retry"]')!;
      retry.focus();
      expect(shadow(list).activeElement === retry, 'has focus').to.equal(true);
      const rect = retry.getBoundingClientRect();
      expect(rect.height).to.be.greaterThan(20);
      expect(rect.bottom).to.be.at.most(box.getBoundingClientRect().bottom);
    });
  }

  it('compact, limit=2', async () => {
    const { loading, loaded } = await heights({ layout: 'compact', limit: '2' }, 928, false);
    near(loaded, loading, 2);
  });
});
