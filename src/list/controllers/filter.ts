import type { Paper } from '../../feed/paper.js';

// Search and sort of the list, as plain functions: no element, no state beyond a per-paper cache.

/** `trending` is Hugging Face's own order, which its daily papers feed already comes in: feed order. */
export type ListSort = 'feed' | 'trending' | 'date' | 'upvotes';

/** Case- and accent-insensitive text: "Gödel" and "GODEL" both become "godel". */
export const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const haystacks = new WeakMap<Paper, string>();

/** The folded text a search looks in: title, abstract, authors and keywords (computed once per paper). */
function haystack(paper: Paper): string {
  let text = haystacks.get(paper);
  if (text === undefined) {
    text = fold([paper.title, paper.summary, ...paper.authors.map((a) => a.name), ...paper.tags].join('\n'));
    haystacks.set(paper, text);
  }
  return text;
}

/** Papers containing every word of `query`, ordered by `sort`; a new array, `all` is left as it is. */
export function filterAndSort(all: readonly Paper[], query: string, sort: ListSort): Paper[] {
  const terms = fold(query ?? '').split(/\s+/).filter(Boolean);
  const matching = terms.length ? all.filter((paper) => terms.every((term) => haystack(paper).includes(term))) : [...all];
  if (sort === 'upvotes') return matching.sort((a, b) => (b.upvotes ?? -1) - (a.upvotes ?? -1));
  if (sort === 'date') {
    const time = (paper: Paper) => Date.parse(paper.publishedAt) || -Infinity;
    return matching.sort((a, b) => time(b) - time(a));
  }
  return matching;
}

/**
 * `filterAndSort` remembering its last answer: a render that changed none of the three inputs gets
 * the same array back (and Lit's `repeat`-free map renders no card again).
 */
export function memoFilter(): (all: Paper[], query: string, sort: ListSort) => Paper[] {
  let last: { all: Paper[]; query: string; sort: ListSort; result: Paper[] } | undefined;
  return (all, query, sort) => {
    if (last && last.all === all && last.query === query && last.sort === sort) return last.result;
    last = { all, query, sort, result: filterAndSort(all, query, sort) };
    return last.result;
  };
}

/** The papers of `extra` whose id is not already in `papers`, appended. */
export function appendNew(papers: readonly Paper[], extra: readonly Paper[]): Paper[] {
  const known = new Set(papers.map((paper) => paper.id));
  return [...papers, ...extra.filter((paper) => !known.has(paper.id))];
}
