import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ListState } from './feed.js';

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
  /** The URL requested now, and the one a Retry asked for (undefined when none is pending). */
  url?: string;
  retryUrl?: string;
  /** The list shows a note about a failed reload (with its Retry) above the papers. */
  stale: boolean;
  /** Papers are on screen. */
  papers: boolean;
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
   * @param view What the list shows now, read after each render.
   * @param settled Called once a Retry's outcome is on screen (its focus handled).
   */
  constructor(
    private readonly host: AnnouncerHost,
    private readonly view: () => AnnouncerView,
    private readonly settled: () => void,
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
   * The status text for `state`: `message()` now, or the text already there while a typed query has
   * not settled (one message per search, not one per keystroke).
   */
  text(state: ListState, message: () => string): string {
    if (this.host.query !== this.announcedQuery && (state === 'loaded' || state === 'empty')) return this.last;
    return (this.last = message());
  }

  hostUpdate(): void {
    // A query set by a script is announced at once; one typed waits until the typing pauses.
    if (this.host.query !== this.lastQuery && !this.typing) this.announcedQuery = this.host.query;
    this.lastQuery = this.host.query;
    this.typing = false;
    const root = this.host.renderRoot as ShadowRoot | undefined;
    this.retryFocused = !!root?.activeElement?.matches?.('[part~="retry"]');
  }

  hostUpdated(): void {
    const root = this.host.renderRoot;
    const { state, url, retryUrl, stale, papers } = this.view();
    if (retryUrl !== undefined && state !== 'loading') {
      // Only the Retry's own outcome takes focus: a reader who moved on meanwhile (another period) keeps theirs.
      const target = state === 'error' || stale ? '[part~="retry"]' : state === 'loaded' ? 'li' : '[part="empty"]';
      if (retryUrl === url) root.querySelector<HTMLElement>(target)?.focus();
      this.settled();
    }
    // A Retry's first page streamed in: its box (and the focused button) gave way to the papers.
    if (this.retryFocused && papers && !root.querySelector('[part~="retry"]')) this.focusIndex = 0;
    if (this.focusIndex !== undefined) {
      root.querySelectorAll<HTMLElement>('li')[this.focusIndex]?.focus();
      this.focusIndex = undefined;
    }
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }
}
