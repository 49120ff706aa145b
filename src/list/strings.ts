import { isPluralText, type PluralText } from '../internal/format.js';

/**
 * Every piece of text `<paperfeed-list>` writes itself. Replace any of them through the `strings`
 * property (`list.strings = { retry: 'Réessayer' }`). `{n}`, `{total}`, `{query}`, `{status}`, `{week}`
 * and `{year}` are filled in; numbers are formatted in the element's language. A text with `{n}` is a
 * `PluralText`, like the card's: one template, or one per `Intl.PluralRules` category of the
 * language (`{ one: '{n} Paper geladen', other: '{n} Paper geladen' }`), `other` required.
 * (`{count}` still works as another name for `{n}`.)
 *
 * The same `strings` object reaches every card of the list (`CardStrings` keys); card, list and
 * subscribe keys never share a name, so one record can translate all three elements.
 */
export interface PaperfeedListStrings {
  /** Announced while the feed loads. */
  loading: string;
  /** Announced when papers arrive; `{n}` is the number loaded. */
  loaded: PluralText;
  /**
   * Announced instead of `loaded` when the feed had more items than the list keeps (5,000): `{n}`
   * papers kept of `{total}`; the plural form follows `{total}`.
   */
  loadedFirst: PluralText;
  /** Announced when `query` filters the list; `{n}` matches for `{query}`. */
  matches: PluralText;
  /** Empty state, no query. */
  empty: string;
  /** Empty state when `query` filters everything out; `{query}` is the query. */
  emptyQuery: string;
  /** Error box: the feed could not be reached (offline, DNS, CORS). Details go to the console. */
  errorNetwork: string;
  /** Error box: the feed did not answer in time. */
  errorTimeout: string;
  /** Error box: the feed answered with an HTTP error; `{status}` is its status code. */
  errorHttp: string;
  /** Added to an HTTP error when the server asked to wait (`Retry-After`); `{seconds}`. */
  feedRetryAfter: string;
  /** Added to an HTTP error when the server's answer says why (arXiv's reason for a bad query); `{reason}`. */
  feedReason: string;
  /** Error box: the answer was not a feed this list can read. */
  errorFormat: string;
  /** Error box: the feed is larger than the list reads (`max-bytes`); no Retry is offered. */
  errorTooLarge: string;
  /** Error box: the page set the list up wrongly (details in the console); no Retry is offered. */
  errorConfig: string;
  retry: string;
  loadMore: string;
  /** Label of the search box. */
  search: string;
  /** Label of the sort menu and its options. */
  sort: string;
  sortFeed: string;
  /** Hugging Face's own order (its daily papers come trending first), offered instead of `sortFeed` for a Hugging Face feed. */
  sortTrending: string;
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
  loaded: { one: '{n} paper loaded', other: '{n} papers loaded' },
  loadedFirst: { one: 'First {n} of {total} paper loaded', other: 'First {n} of {total} papers loaded' },
  matches: { one: '{n} paper matches “{query}”', other: '{n} papers match “{query}”' },
  empty: 'No papers found.',
  emptyQuery: 'No papers match “{query}”.',
  errorNetwork: 'The feed could not be reached. Check your connection and try again.',
  errorTimeout: 'The feed took too long to answer. Try again in a moment.',
  errorHttp: 'The feed could not be loaded (error {status}).',
  feedRetryAfter: 'Try again after {seconds} seconds.',
  feedReason: 'The server says: {reason}',
  errorFormat: 'The feed could not be read.',
  errorTooLarge: 'The feed is too large to show.',
  errorConfig: 'The feed is not set up correctly.',
  retry: 'Retry',
  loadMore: 'Load more',
  search: 'Search papers',
  sort: 'Sort by',
  sortFeed: 'Feed order',
  sortTrending: 'Trending',
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
    const list = mergeListStrings(overrides);
    result = { list, cards: { ...key, ...list } };
    if (key) merged.set(key, result);
  }
  return result;
}

/** Keys whose text may vary with a count; the others accept plain strings only. */
const PLURAL_KEYS = new Set<keyof PaperfeedListStrings>(['loaded', 'loadedFirst', 'matches']);

/** Known keys with a usable value (a string; a `{ other, ... }` record for a count text) over the defaults. */
function mergeListStrings(overrides: unknown): PaperfeedListStrings {
  if (!overrides || typeof overrides !== 'object') return DEFAULT_STRINGS;
  const merged: Record<string, unknown> = { ...DEFAULT_STRINGS };
  for (const key of Object.keys(DEFAULT_STRINGS) as (keyof PaperfeedListStrings)[]) {
    const value = (overrides as Record<string, unknown>)[key];
    if (typeof value === 'string' || (PLURAL_KEYS.has(key) && isPluralText(value))) merged[key] = value;
  }
  return merged as unknown as PaperfeedListStrings;
}
