import { mergeStrings } from '../internal/strings.js';

/**
 * Every piece of text `<paperfeed-list>` writes itself. Replace any of them through the `strings`
 * property (`list.strings = { retry: 'Réessayer' }`). `{count}`, `{query}`, `{week}` and `{year}`
 * are filled in; numbers are formatted in the element's language.
 */
export interface PaperfeedListStrings {
  /** Announced while the feed loads. */
  loading: string;
  /** Announced when papers arrive; `{count}` is the number loaded. */
  loaded: string;
  /** `loaded` when `{count}` is one (Intl.PluralRules category `one`). */
  loadedOne: string;
  /** Announced when `query` filters the list; `{count}` matches for `{query}`. */
  matches: string;
  /** `matches` when `{count}` is one. */
  matchesOne: string;
  /** Empty state, no query. */
  empty: string;
  /** Empty state when `query` filters everything out; `{query}` is the query. */
  emptyQuery: string;
  retry: string;
  loadMore: string;
  /** Label of the search box. */
  search: string;
  /** Label of the sort menu and its options. */
  sort: string;
  sortFeed: string;
  sortDate: string;
  sortUpvotes: string;
  /** Accessible name of the period bar (HF daily papers). */
  periods: string;
  day: string;
  week: string;
  month: string;
  /** Period label for the newest papers, before a day, week or month is picked. */
  latest: string;
  /** Week label: "Week {week}, {year}" (ISO week number and week-year). */
  weekLabel: string;
  previous: string;
  next: string;
}

export const DEFAULT_STRINGS: PaperfeedListStrings = {
  loading: 'Loading papers…',
  loaded: '{count} papers loaded',
  loadedOne: '{count} paper loaded',
  matches: '{count} papers match “{query}”',
  matchesOne: '{count} paper matches “{query}”',
  empty: 'No papers found.',
  emptyQuery: 'No papers match “{query}”.',
  retry: 'Retry',
  loadMore: 'Load more',
  search: 'Search papers',
  sort: 'Sort by',
  sortFeed: 'Feed order',
  sortDate: 'Newest',
  sortUpvotes: 'Most upvoted',
  periods: 'Period',
  day: 'Day',
  week: 'Week',
  month: 'Month',
  latest: 'Latest',
  weekLabel: 'Week {week}, {year}',
  previous: 'Previous',
  next: 'Next',
};

export interface MergedListStrings {
  /** The list's own texts: `DEFAULT_STRINGS` with the page's overrides. */
  list: PaperfeedListStrings;
  /** What each card gets: every key the page gave (a card takes the `CardStrings` ones), with the list's. */
  cards: Record<string, unknown>;
}

const merged = new WeakMap<object, MergedListStrings>();

/** The list's `strings` property merged over the defaults, once per overrides object. */
export function listStrings(overrides: unknown): MergedListStrings {
  const key = overrides && typeof overrides === 'object' ? overrides : undefined;
  let result = key && merged.get(key);
  if (!result) {
    const list = mergeStrings<keyof PaperfeedListStrings>(DEFAULT_STRINGS, overrides);
    result = { list, cards: { ...key, ...list } };
    if (key) merged.set(key, result);
  }
  return result;
}
