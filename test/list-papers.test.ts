// Tests: the given-papers path of FeedController and the search/sort of controllers/filter.ts.
// `papers` set by a script skip the feed adapters, so nothing has checked them: a page may pass
// entries that are null, numbers, objects without a title, or fields of the wrong type. The reader
// sees the papers that have a title, each field shown only when it is usable, in any sort or search.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/list/define.js';
import type { PaperfeedList } from '../src/list/paperfeed-list.js';
import type { Paper } from '../src/feed/paper.js';

const good = {
  id: 'good',
  title: 'A good paper',
  summary: 'A proper abstract.',
  authors: [{ name: 'Ada Lovelace' }],
  authorCount: 1,
  publishedAt: '2026-11-01T00:00:00.000Z',
  upvotes: 9,
  tags: ['LLM'],
  source: 'custom',
};
const JUNK: unknown[] = [
  null,
  42,
  'a string',
  {},
  undefined,
  { id: 'numeric-title', title: 7, summary: ['x'], authors: 'Ada', tags: 'LLM', upvotes: 'many', publishedAt: {} },
  { id: 'bare', title: 'Only a title' },
  {
    id: 'wrong',
    title: 'Fields of the wrong type',
    summary: 12,
    authors: [null, 3, { name: 5 }, { name: 'Grace Hopper' }],
    tags: [1, null, 'keyword'],
    publishedAt: 'not a date',
    upvotes: 'many',
    comments: -3,
    url: 'javascript:alert(1)',
    thumbnail: 'data:image/png;base64,AAAA',
    organization: 'An org as a string',
  },
  good,
];

const titles = (el: PaperfeedList) =>
  [...el.shadowRoot!.querySelectorAll('paperfeed-card')].map((card) => card.shadowRoot!.querySelector('[part~="title"]')?.textContent?.trim());
const cardText = (el: PaperfeedList, index: number) =>
  el.shadowRoot!.querySelectorAll('paperfeed-card')[index].shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const status = (el: PaperfeedList) => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();

describe('<paperfeed-list> papers given by a script', () => {
  let failures: string[];
  let warnings: unknown[][];
  const realWarn = console.warn;
  const onRejection = (event: PromiseRejectionEvent) => failures.push(String(event.reason));
  const onError = (event: ErrorEvent) => failures.push(event.message);
  beforeEach(() => {
    failures = [];
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    window.addEventListener('unhandledrejection', onRejection);
    window.addEventListener('error', onError);
  });
  afterEach(() => {
    console.warn = realWarn;
    window.removeEventListener('unhandledrejection', onRejection);
    window.removeEventListener('error', onError);
  });

  async function show(sort: string, query = '') {
    const el = await fixture<PaperfeedList>(html`<paperfeed-list sort=${sort} query=${query} .papers=${JUNK as Paper[]}></paperfeed-list>`);
    await el.updateComplete;
    await Promise.all([...el.shadowRoot!.querySelectorAll('paperfeed-card')].map((card) => card.updateComplete));
    return el;
  }

  it('skips entries without a title and shows the rest in feed order, with one warning', async () => {
    const el = await show('feed');
    expect(titles(el)).to.deep.equal(['Only a title', 'Fields of the wrong type', 'A good paper']);
    expect(el.getAttribute('state')).to.equal('loaded');
    expect(status(el)).to.equal('3 papers loaded');
    expect(warnings).to.have.length(1);
    expect(String(warnings[0][0])).to.match(/Skipped 6 malformed items in `papers`.*The other 3 loaded/);
    expect(failures).to.deep.equal([]);
  });

  it('shows only the usable fields of a paper with fields of the wrong type', async () => {
    const el = await show('feed');
    const text = cardText(el, 1);
    expect(text).to.include('Grace Hopper');
    expect(text).to.include('keyword');
    expect(text).not.to.match(/NaN|undefined|null|\[object|An org as a string/);
    const card = el.shadowRoot!.querySelectorAll('paperfeed-card')[1].shadowRoot!;
    expect(card.querySelector('[part~="title"] a'), 'no link from a javascript: URL').to.equal(null);
    expect(card.querySelector('img'), 'no image from a data: URL').to.equal(null);
    expect(cardText(el, 2)).to.include('Ada Lovelace');
    expect(failures).to.deep.equal([]);
  });

  for (const [sort, expected] of [
    ['upvotes', ['A good paper', 'Only a title', 'Fields of the wrong type']],
    ['date', ['A good paper', 'Only a title', 'Fields of the wrong type']],
  ] as const) {
    it(`sorts by ${sort} without failing on the junk`, async () => {
      const el = await show(sort);
      expect(titles(el)).to.deep.equal(expected);
      expect(failures).to.deep.equal([]);
    });
  }

  it('searches without failing on the junk', async () => {
    const el = await show('feed', 'grace keyword');
    expect(titles(el)).to.deep.equal(['Fields of the wrong type']);
    expect(status(el)).to.equal('1 paper matches “grace keyword”');
    el.query = 'lovelace';
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['A good paper']);
    expect(failures).to.deep.equal([]);
  });

  it('a new array of the same papers renders no card again (a page filtering its own list)', async () => {
    const all = Array.from({ length: 4 }, (_, i) => ({ ...good, id: `p${i}`, title: `Paper ${i}` }));
    const el = await fixture<PaperfeedList>(html`<paperfeed-list .papers=${all}></paperfeed-list>`);
    const cards = () => [...el.shadowRoot!.querySelectorAll('paperfeed-card')];
    await Promise.all(cards().map((card) => card.updateComplete));
    // A card given another object renders again (readable title, authors, dates), even when equal.
    const shown = cards().map((card) => card.paper);
    el.papers = all.slice() as Paper[];
    await el.updateComplete;
    await Promise.all(cards().map((card) => card.updateComplete));
    expect(cards().every((card, i) => card.paper === shown[i]), 'each card keeps its paper').to.equal(true);
    el.papers = all.filter((paper) => paper.id !== 'p1') as Paper[];
    await el.updateComplete;
    await Promise.all(cards().map((card) => card.updateComplete));
    expect(titles(el)).to.deep.equal(['Paper 0', 'Paper 2', 'Paper 3']);
    expect(cards()[0].paper === shown[0], 'the first card is untouched').to.equal(true);
    expect(warnings).to.have.length(0);
  });

  it('a papers value that is not an array shows the empty state', async () => {
    const el = await fixture<PaperfeedList>(html`<paperfeed-list .papers=${{ length: 2 } as unknown as Paper[]}></paperfeed-list>`);
    expect(el.getAttribute('state')).to.equal('empty');
    expect(titles(el)).to.deep.equal([]);
    expect(failures).to.deep.equal([]);
  });
});
