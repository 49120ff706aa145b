import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { formatNumber, pluralTemplate } from '../../internal/format.js';
import { errorText } from '../error-text.js';
import { fill } from '../../internal/strings.js';
import type { PaperfeedListStrings } from '../strings.js';
import type { FeedController, ListState } from './feed.js';

/** Milliseconds of no typing before the status region says how many papers match. */
export const QUERY_PAUSE = 700;

/** What the announcer reads from its element. */
export interface AnnouncerHost extends ReactiveControllerHost {
  query: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What the list is showing, as the announcer needs it. */
export interface AnnouncerView {
  state: ListState;
  /** The URL requested now. */
  url?: string;
  strings: PaperfeedListStrings;
  locale: string;
  /** The empty state's text as the reader sees it (the page's `empty` slot, else the list's own). */
  empty: string;
}

/**
 * The `role="status"` region's text and where focus goes. A typed search is announced once the
 * typing pauses, not per keystroke; a query set by a script at once. After Retry, its outcome takes
 * focus (the Retry again, the first paper, or the empty box) unless the reader moved on; after
 * "Load more", the first paper it revealed.
 */
export class Announcer implements ReactiveController {
  /** The query the status region speaks about: typing settles for QUERY_PAUSE ms before it follows `query`. */
  private announcedQuery = '';
  private lastQuery?: string;
  private typing = false;
  private timer?: ReturnType<typeof setTimeout>;
  private last = '';
  private focusIndex?: number;
  /** Retry had focus before this render. */
  private retryFocused = false;

  /**
   * @param feed The fetch state it speaks about (and whose Retry it settles).
   * @param view What the list shows now.
   */
  constructor(
    private readonly host: AnnouncerHost,
    private readonly feed: FeedController,
    private readonly view: () => AnnouncerView,
  ) {
    host.addController(this);
  }

  /** The reader typed `query` in the search box: announce it once the typing pauses. */
  typed(query: string): void {
    this.typing = true;
    this.host.query = query;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.announcedQuery = this.host.query;
      this.host.requestUpdate();
    }, QUERY_PAUSE);
  }

  /** Focus the paper at `index` after the next render. */
  focusItem(index: number): void {
    this.focusIndex = index;
  }

  /**
   * The status region's text, or the text already there while a typed query has not settled (one
   * message per search, not one per keystroke).
   */
  text(): string {
    const view = this.view();
    const { state } = view;
    if (this.host.query !== this.announcedQuery && (state === 'loaded' || state === 'empty')) return this.last;
    return (this.last = this.message(view));
  }

  private message({ state, strings: s, locale, empty }: AnnouncerView): string {
    const feed = this.feed;
    // A reload of the feed on screen (`refresh`, `reload()`) keeps its papers visible, so it keeps
    // its announcement too: a screen reader should not hear "Loading" every N seconds. A Retry the
    // reader pressed does say "Loading".
    // Papers shown while the rest of the feed streams in are announced with the whole feed.
    if (state === 'loading' && (!feed.all.length || feed.streaming || feed.retrying)) return s.loading;
    if (state === 'error') return errorText(feed.error, s);
    const failed = feed.pageError ?? feed.staleError;
    if (failed) return errorText(failed, s);
    // The page's own empty text is what the reader sees, so it is what they hear.
    if (state === 'empty') return empty;
    // With a query, say how many match: the reader typing in the search box hears the result.
    const query = (this.host.query ?? '').trim();
    const count = query ? feed.visible.length : feed.all.length;
    const n = formatNumber(count, locale);
    // A feed with more items than the list keeps says so: "First 5,000 of 6,000 papers loaded".
    const total = feed.total;
    if (!query && total !== undefined && total > count) {
      return fill(pluralTemplate(s.loadedFirst, total, locale), { n, count: n, total: formatNumber(total, locale) });
    }
    return fill(pluralTemplate(query ? s.matches : s.loaded, count, locale), { n, count: n, query });
  }

  hostUpdate(): void {
    // A query set by a script is announced at once; one typed waits until the typing pauses.
    if (this.host.query !== this.lastQuery && !this.typing) this.announcedQuery = this.host.query;
    this.lastQuery = this.host.query;
    this.typing = false;
    if (isServer) return;
    const root = this.host.renderRoot as ShadowRoot | undefined;
    this.retryFocused = !!root?.activeElement?.matches('[part~="retry"]');
  }

  hostUpdated(): void {
    const root = this.host.renderRoot;
    const { feed } = this;
    const { state, url } = this.view();
    if (feed.retryUrl !== undefined && state !== 'loading') {
      // Only the Retry's own outcome takes focus: a reader who moved on meanwhile (another period) keeps theirs.
      const target = state === 'error' || feed.staleError ? '[part~="retry"]' : state === 'loaded' ? 'li' : '[part="empty"]';
      if (feed.retryUrl === url) root.querySelector<HTMLElement>(target)?.focus();
      feed.retryUrl = undefined;
    }
    // A Retry's first page streamed in: its box (and the focused button) gave way to the papers.
    if (this.retryFocused && feed.all.length && !root.querySelector('[part~="retry"]')) this.focusIndex = 0;
    if (this.focusIndex !== undefined) {
      root.querySelectorAll<HTMLElement>('li')[this.focusIndex]?.focus();
      this.focusIndex = undefined;
    }
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }
}
