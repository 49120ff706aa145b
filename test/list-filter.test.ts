// The list's search and sort (src/list/controllers/filter.ts): plain functions, tested without an element.
import { expect } from '@open-wc/testing';
import { appendNew, filterAndSort, fold, memoFilter } from '../src/list/controllers/filter.js';
import type { Paper } from '../src/feed/paper.js';

const paper = (id: string, fields: Partial<Paper> = {}): Paper =>
  ({ id, title: `Paper ${id}`, summary: '', authors: [], tags: [], publishedAt: '', source: 'custom', links: {}, ...fields }) as Paper;

const ids = (papers: Paper[]) => papers.map((p) => p.id);

describe('list filter', () => {
  const papers = [
    paper('a', { title: 'Gödel Machines', upvotes: 3, publishedAt: '2026-11-01T00:00:00Z' }),
    paper('b', { title: 'Sparse Attention', tags: ['efficiency'], upvotes: 10, publishedAt: 'not a date' }),
    paper('c', { title: 'Diffusion', authors: [{ name: 'Ana Pérez' }], publishedAt: '2026-11-20T00:00:00Z' }),
  ];

  it('folds case and accents', () => {
    expect(fold('GÖDEL Pérez')).to.equal('godel perez');
  });

  it('keeps papers containing every word, in title, authors or keywords, ignoring case and accents', () => {
    expect(ids(filterAndSort(papers, 'godel', 'feed'))).to.deep.equal(['a']);
    expect(ids(filterAndSort(papers, 'PEREZ', 'feed'))).to.deep.equal(['c']);
    expect(ids(filterAndSort(papers, 'efficiency sparse', 'feed'))).to.deep.equal(['b']);
    expect(ids(filterAndSort(papers, 'efficiency godel', 'feed'))).to.deep.equal([]);
    expect(ids(filterAndSort(papers, '   ', 'feed'))).to.deep.equal(['a', 'b', 'c']);
  });

  it('sorts by upvotes (most first, none last) and by date (newest first, unreadable last)', () => {
    expect(ids(filterAndSort(papers, '', 'upvotes'))).to.deep.equal(['b', 'a', 'c']);
    expect(ids(filterAndSort(papers, '', 'date'))).to.deep.equal(['c', 'a', 'b']);
  });

  it('never reorders the array it was given', () => {
    filterAndSort(papers, '', 'upvotes');
    expect(ids(papers)).to.deep.equal(['a', 'b', 'c']);
  });

  it('memoFilter returns the same array while its inputs are the same', () => {
    const filter = memoFilter();
    const first = filter(papers, 'a', 'feed');
    expect(filter(papers, 'a', 'feed')).to.equal(first);
    expect(filter(papers, 'a', 'date')).not.to.equal(first);
    expect(filter([...papers], 'a', 'date')).to.deep.equal(filter(papers, 'a', 'date'));
  });

  it('appendNew adds only papers whose id is not there yet', () => {
    expect(ids(appendNew(papers, [paper('b'), paper('d')]))).to.deep.equal(['a', 'b', 'c', 'd']);
  });
});
