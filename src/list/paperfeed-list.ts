import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { PaperfeedElement, pageBase } from '../internal/base.js';
import { isFresh, readEmbedded, type ListData } from '../internal/embedded.js';
import { hostStyles } from '../internal/host.styles.js';
import { headingLevel } from '../internal/heading.js';
import { normalize, oneOf } from '../internal/normalize.js';
import { FeedError, cancelled, isAbort } from '../feed/errors.js';
import { loadFeed, type FeedResult, type LoadOptions } from '../feed/load.js';
import { checkPapers } from '../feed/parse.js';
import type { FeedFormat, Paper, SourceFormat } from '../feed/paper.js';
import {
  PERIODS,
  isFuture,
  isHfDailyPapersUrl,
  isIsoDay,
  periodUrl,
  readPeriod,
  shiftPeriod,
  todayIso,
  type Period,
  type PeriodRef,
} from '../feed/hf-period.js';
import { formatNumber, plural, warmFormats } from '../internal/format.js';
import { fill, mergeStrings } from '../internal/strings.js';
import { periodLabel } from './period-label.js';
import { DEFAULT_STRINGS, type PaperfeedListStrings } from './strings.js';
import { styles } from './paperfeed-list.styles.js';

export type { PaperfeedListStrings } from './strings.js';
export type ListLayout = 'list' | 'grid' | 'compact';
export type ListSort = 'feed' | 'date' | 'upvotes';
export type ListState = 'loading' | 'loaded' | 'empty' | 'error';
export type PaperTransform = NonNullable<LoadOptions['transform']>;

/** `detail` of the `load` event. */
export interface ListLoadDetail {
  papers: Paper[];
  format: SourceFormat;
}
/** `detail` of the `error` event. */
export interface ListErrorDetail {
  error: FeedError;
}

/**
 * The list's events with their types, for `addEventListener` (its `load` and `error` are
 * CustomEvents, not the DOM's resource `load`/`error`).
 */
export type PaperfeedListEventMap = Omit<HTMLElementEventMap, 'load' | 'error'> & {
  loadstart: Event;
  load: CustomEvent<ListLoadDetail>;
  error: CustomEvent<ListErrorDetail>;
  loadend: Event;
};

type ListListener<K extends keyof PaperfeedListEventMap> = (this: PaperfeedList, event: PaperfeedListEventMap[K]) => unknown;

// Typed listeners, the way lib.dom types HTMLMediaElement's: merged into the class below.
export interface PaperfeedList {
  addEventListener<K extends keyof PaperfeedListEventMap>(type: K, listener: ListListener<K>, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof PaperfeedListEventMap>(type: K, listener: ListListener<K>, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

const FORMATS: readonly FeedFormat[] = ['auto', 'hf', 'jsonfeed', 'rss', 'atom'];
const LAYOUTS: readonly ListLayout[] = ['list', 'grid', 'compact'];
const SORTS: readonly ListSort[] = ['feed', 'date', 'upvotes'];
const DEFAULT_LIMIT = 30;
const DEFAULT_HEADING_LEVEL = 2;
/** Skeleton cards while loading: enough to fill a typical viewport, never more than `limit`. */
const MAX_SKELETONS = 6;
/** Shortest `refresh` period, in seconds: a list refreshes for every visitor of the page. */
const MIN_REFRESH = 30;
/** Longest timer delay (ms) setInterval honours; a longer one would fire at once, every tick. */
const MAX_DELAY = 2 ** 31 - 1;
/** Milliseconds of no typing before the status region says how many papers match. */
const QUERY_PAUSE = 700;

/** A positive number from an attribute or property, else undefined. */
function positive(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  return Number.isFinite(number) && number > 0 ? number : undefined;
}

const numberAttribute = { fromAttribute: (value: string | null) => (value === null ? undefined : Number(value)) };

// Case- and accent-insensitive text: "Gödel" and "GODEL" both become "godel".
const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const haystacks = new WeakMap<Paper, string>();
function haystack(paper: Paper): string {
  let text = haystacks.get(paper);
  if (text === undefined) {
    text = fold([paper.title, paper.summary, ...paper.authors.map((a) => a.name), ...paper.tags].join('\n'));
    haystacks.set(paper, text);
  }
  return text;
}

function toFeedError(error: unknown): FeedError {
  if (error instanceof FeedError) return error;
  const message = error instanceof Error && error.message ? error.message : 'The feed could not be read.';
  return new FeedError('parse', message, { cause: error });
}

interface Loaded {
  /** The URL this result was fetched from; a result is only ever shown for its own URL. */
  url: string;
  papers: Paper[];
  format: SourceFormat;
  next?: string;
  /** Papers of the first page; the rest came from "Load more" on a paged source. */
  firstPage: number;
}

/**
 * A feed of research papers (Hugging Face daily papers, arXiv, JSON Feed, RSS, Atom) rendered as a
 * list of `<paperfeed-card>`s, with search, sort, paging and, for Hugging Face, day / week / month views.
 * A big Hugging Face feed shows its first page while the rest is still arriving, in feed order and
 * without a search (a sorted or searched list waits for the whole feed); the list stays `aria-busy`
 * with state `loading` until the whole feed is in, and `load` fires then.
 *
 * @tag paperfeed-list
 * @summary Fetches a paper feed and shows it as a searchable, sortable list of cards.
 *
 * @slot header - Replaces the heading written from the `heading` attribute.
 * @slot loading - Shown instead of the skeleton cards while the first load runs.
 * @slot empty - Shown instead of the default "No papers found." text.
 * @slot error - Shown instead of the error message (the Retry button stays).
 * @slot footer - Below the list and its "Load more" button.
 *
 * @csspart header - The box around the heading / `header` slot.
 * @csspart heading - The heading written from `heading`.
 * @csspart toolbar - The search and sort controls.
 * @csspart input - The search box.
 * @csspart select - The sort menu.
 * @csspart periods - The Hugging Face day / week / month bar.
 * @csspart period-label - The label of the period shown ("Week 48, 2026").
 * @csspart button - Every button (period views, previous / next, Retry, Load more).
 * @csspart list - The `<ul>` of papers.
 * @csspart item - Each `<paperfeed-card>`; its own parts are forwarded as `card`, `card-title`,
 *   `card-authors`, `card-summary`, `card-meta`, `card-links`, `card-thumbnail`, `card-tags`, `card-toggle`.
 * @csspart empty - The empty-state box.
 * @csspart error - The error box.
 * @csspart retry - The Retry button.
 * @csspart load-more - The "Load more" button.
 * @csspart status - The visually hidden live region announcing loads and errors.
 *
 * @cssprop [--paperfeed-list-gap=1rem] - Space between cards.
 * @cssprop [--paperfeed-list-column-width=18rem] - Narrowest column in the `grid` layout.
 * @cssprop [--paperfeed-accent=#ff9d00] - Accent colour of pressed buttons and focus rings.
 *
 * @event {Event} loadstart - A fetch starts (the feed, or its next page). Does not bubble.
 * @event {CustomEvent<ListLoadDetail>} load - Papers arrived; `detail.papers` holds every paper loaded so far. Does not bubble.
 * @event {CustomEvent<ListErrorDetail>} error - The fetch failed; `detail.error` is a `FeedError`. A superseded (aborted) fetch fires none. Does not bubble.
 * @event {Event} loadend - After `load` or `error`. Does not bubble.
 */
export class PaperfeedList extends PaperfeedElement {
  static override styles = [hostStyles, styles];

  /** URL of the feed (absolute or relative to the page). Default: none. */
  @property() src?: string;

  /**
   * Feed format: `auto` (default, detected from the response), `hf`, `jsonfeed`, `rss`, `atom`. Junk reads as `auto`.
   * @default 'auto'
   */
  @property()
  @normalize(oneOf(FORMATS, 'auto'))
  format: FeedFormat = 'auto';

  /**
   * Papers shown per page; "Load more" shows the next `limit`. Default 30; junk reads as 30.
   * @default 30
   */
  @property({ type: Number })
  @normalize((value) => Math.floor(positive(value) ?? DEFAULT_LIMIT) || DEFAULT_LIMIT)
  limit = 30; // = DEFAULT_LIMIT, written out for the manifest's default column

  /**
   * Order: `feed` (default, as the source gives it), `date` (newest first) or `upvotes` (most first). Junk reads as `feed`.
   * @default 'feed'
   */
  @property()
  @normalize(oneOf(SORTS, 'feed'))
  sort: ListSort = 'feed';

  /** Shows only papers whose title, authors, abstract or keywords contain every word, ignoring case and accents. Default: empty. */
  @property() query = '';

  /**
   * `list` (default), `grid` (responsive columns) or `compact` (compact cards). Junk reads as `list`.
   * @default 'list'
   */
  @property({ reflect: true })
  @normalize(oneOf(LAYOUTS, 'list'))
  layout: ListLayout = 'list';

  /** Heading text above the list; the `header` slot replaces it. Default: none. */
  @property() heading?: string;

  /**
   * Level of the list heading, 1-6 (default 2); each card's title is one level below.
   * @default 2
   */
  @property({ attribute: 'heading-level', type: Number })
  @normalize((value) => headingLevel(value, DEFAULT_HEADING_LEVEL))
  headingLevel = 2; // = DEFAULT_HEADING_LEVEL, written out for the manifest

  /** Milliseconds before a fetch gives up with a timeout error. Default: the engine's 10000. */
  @property({ converter: numberAttribute }) timeout?: number;

  /** Proxy URL template containing `{url}` (e.g. `https://proxy.example/?url={url}`) for feeds without CORS. Default: none. */
  @property() proxy?: string;

  /** Fetch only once the list comes within 200px of the viewport. Default: false. */
  @property({ type: Boolean }) lazy = false;

  /**
   * Re-fetch every this many seconds (bypassing the cache); paused while the tab is hidden. At least
   * 30: a smaller value (`refresh="0.05"`) refreshes every 30 seconds, since every visitor's page does
   * it. Default: off.
   */
  @property({ converter: numberAttribute }) refresh?: number;

  /** Day (`YYYY-MM-DD`) the Hugging Face period bar starts on. Default: the `src`'s own `date`/`week`/`month`, else the latest papers. */
  @property() date?: string;

  /** Hugging Face view to start with: `day`, `week` or `month`. Default: the `src`'s own, else the latest papers. */
  @property() period?: Period;

  /** Show the day / week / month bar even when `src` is not `huggingface.co/api/daily_papers` (a mirror of that API). Default: false. */
  @property({ type: Boolean }) periods = false;

  /** Hide the day / week / month bar on a Hugging Face `src`. Default: false. */
  @property({ type: Boolean, attribute: 'no-periods' }) noPeriods = false;

  /** Hide the search box and sort menu. Default: false. */
  @property({ type: Boolean, attribute: 'no-toolbar' }) noToolbar = false;

  /**
   * Papers to show directly, instead of fetching `src`. Read like a `transform`'s result: an entry
   * without a title is skipped (one console warning), a field of the wrong type is left out, and
   * `source` reads `custom`. Default: undefined (fetch `src`); `null` also means "fetch".
   */
  @property({ attribute: false }) papers?: Paper[];

  /** Turns any response body into papers (custom feeds); see `LoadOptions.transform`. Default: none. */
  @property({ attribute: false }) transform?: PaperTransform;

  /** UI text overrides, merged over the English defaults. Default: `{}`. */
  @property({ attribute: false }) strings: Partial<PaperfeedListStrings> = {};

  /** The period the reader navigated to; undefined until they use the period bar. */
  @state() private chosenPeriod?: PeriodRef;
  @state() private loaded?: Loaded;
  /** Papers of the run in progress read so far (a big feed streaming in); see `allPapers`. */
  @state() private partial?: { url: string; papers: Paper[] };
  @state() private visibleCount = DEFAULT_LIMIT;
  @state() private nearViewport = false;
  @state() private reloadToken = 0;
  @state() private pageLoading = false;
  @state() private pageError?: FeedError;

  private consumedReloadToken = 0;
  private pageController?: AbortController;
  private observer?: IntersectionObserver;
  private refreshTimer?: ReturnType<typeof setInterval>;
  private queuedEvents: Event[] = [];
  private focusIndex?: number;
  /**
   * Set by Retry to the URL it fetches again: the error box or note stays, its Retry busy (so a
   * keyboard user's focus stays on it), until the outcome arrives, which then gets focus.
   */
  private retryUrl?: string;
  /** Retry had focus before this render. */
  private retryFocused = false;
  private visibleMemo?: { all: Paper[]; query: string; sort: ListSort; result: Paper[] };
  /** `papers` as given, and as checked (see `givenPapers`). */
  private givenMemo?: { input: unknown; papers: Paper[] };
  /** The query the status region speaks about: typing settles for QUERY_PAUSE ms before it follows `query`. */
  @state() private announcedQuery = '';
  private queryTimer?: ReturnType<typeof setTimeout>;
  private typing = false;
  private lastAnnouncement = '';
  /** The fetch was stopped because the list left the page. */
  private stopped = false;
  /**
   * The server's render of this list (src/ssr): bound by `renderList` on the server, read from the
   * embedded JSON on the client before the first render. It stands for the fetch of its `src`
   * until the task settles (see `served`), so hydration writes what the server wrote.
   */
  private serverData?: ListData;

  private readonly feedTask = new Task(this, {
    task: async ([url, format, timeout, proxy, transform, reloadToken], { signal }) => {
      if (!url) return initialState;
      const reload = reloadToken !== this.consumedReloadToken;
      this.consumedReloadToken = reloadToken;
      // The server's papers, while fresh, are this fetch's result (src/internal/embedded.ts).
      const served = this.served;
      if (served && !reload && isFresh(served)) {
        const result: FeedResult = { papers: served.papers, format: served.format, next: served.next, skipped: 0 };
        return { url, result };
      }
      this.cancelPage();
      // The task starts inside the host's update; announce it once that update (the skeletons) is
      // done, so a listener that sets a property schedules a normal update instead of losing it.
      await null;
      if (signal.aborted) throw cancelled(url);
      this.partial = undefined;
      // A new feed starts at its first page; a reload keeps what the reader opened (see onComplete).
      if (this.loaded?.url !== url) this.visibleCount = this.limit;
      this.dispatchEvent(new Event('loadstart'));
      // The formatters' one-time setup (~50 ms) while the feed downloads, not in the first cards' render.
      const warm = warmFormats.bind(null, this.locale);
      if ('requestIdleCallback' in globalThis) requestIdleCallback(warm, { timeout: 100 });
      else setTimeout(warm);
      const onPapers = (papers: Paper[]) => {
        if (!signal.aborted) this.partial = { url, papers };
      };
      const result: FeedResult = await loadFeed(url, { format, timeout, proxy, transform, signal, reload, onPapers });
      return { url, result };
    },
    args: () =>
      [this.requestUrl, this.format, positive(this.timeout), this.proxy, this.transform, this.reloadToken] as const,
    onComplete: ({ url, result }) => {
      this.partial = undefined;
      this.serverData = undefined;
      const previous = this.loaded?.url === url ? this.loaded : undefined;
      let { papers, next } = result;
      const firstPage = papers.length;
      // A reload (Retry, `refresh`, `reload()`) of the feed on screen keeps what the reader opened:
      // the pages fetched with "Load more" stay after the fresh first page, and so does the count shown.
      if (previous && previous.papers.length > previous.firstPage) {
        const fresh = new Set(papers.map((paper) => paper.id));
        papers = [...papers, ...previous.papers.slice(previous.firstPage).filter((paper) => !fresh.has(paper.id))];
        next = previous.next;
      }
      this.loaded = { url, papers, format: result.format, next, firstPage };
      this.pageError = undefined;
      this.queue(new CustomEvent<ListLoadDetail>('load', { detail: { papers, format: result.format } }));
      this.queue(new Event('loadend'));
    },
    onError: (error) => {
      this.partial = undefined;
      this.serverData = undefined;
      // Only the newest run reaches here; an abort we did not ask for is not a failure to show.
      if (isAbort(error)) return;
      this.queue(new CustomEvent<ListErrorDetail>('error', { detail: { error: toFeedError(error) } }));
      this.queue(new Event('loadend'));
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasUpdated) this.serverData ??= readEmbedded(this);
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    this.startRefresh();
    this.observeViewport();
    // Put back in the page after a removal stopped its fetch: fetch again.
    if (this.stopped) {
      this.stopped = false;
      void this.feedTask.run();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.stopRefresh();
    this.observer?.disconnect();
    this.observer = undefined;
    clearTimeout(this.queryTimer);
    // Nobody reads a removed list's feed: stop its requests (the shared one stops with its last
    // reader). Not for a move within the page, which reconnects before this microtask runs.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.cancelPage();
      if (this.feedTask.status !== TaskStatus.PENDING) return;
      this.stopped = true;
      this.feedTask.abort();
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A query set by a script is announced at once; one typed waits until the typing pauses.
    if (changed.has('query') && !this.typing) this.announcedQuery = this.query;
    this.typing = false;
    if (changed.has('src') || changed.has('date') || changed.has('period')) this.chosenPeriod = undefined;
    if (!this.hasUpdated || changed.has('limit') || changed.has('query') || changed.has('sort')) {
      this.visibleCount = this.limit;
    }
    this.retryFocused = !!this.shadowRoot?.activeElement?.matches('[part~="retry"]');
  }

  protected override updated(changed: PropertyValues<this>): void {
    const state = this.state;
    if (this.getAttribute('state') !== state) this.setAttribute('state', state);
    if (changed.has('refresh')) this.startRefresh();
    if (changed.has('lazy')) this.observeViewport();
    // The controls show `query` and `sort` even where the user changed them and a script set the
    // property back to its last rendered value (Lit's dirty check sees no change): what lit's `live`
    // directive does, without its 0.4 KB gzip in the CDN file (notes/size.md). Guarded by
    // test/list-controls.test.ts.
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[type="search"]');
    if (input && input.value !== (this.query ?? '')) input.value = this.query ?? '';
    const select = this.renderRoot.querySelector('select');
    if (select && select.value !== this.sort) select.value = this.sort;
    if (this.retryUrl !== undefined && state !== 'loading') {
      // Only the Retry's own outcome takes focus: a reader who moved on meanwhile (another period) keeps theirs.
      const target = state === 'error' || this.staleError ? '[part~="retry"]' : state === 'loaded' ? 'li' : '[part="empty"]';
      if (this.retryUrl === this.requestUrl) this.renderRoot.querySelector<HTMLElement>(target)?.focus();
      this.retryUrl = undefined;
    }
    // A Retry's first page streamed in: its box (and the focused button) gave way to the papers.
    if (this.retryFocused && this.allPapers.length && !this.renderRoot.querySelector('[part~="retry"]')) this.focusIndex = 0;
    if (this.focusIndex !== undefined) {
      this.renderRoot.querySelectorAll<HTMLElement>('li')[this.focusIndex]?.focus();
      this.focusIndex = undefined;
    }
    // Lifecycle events go out once the render that shows their result is complete: a listener sees
    // the cards, and may set properties without Lit's change-in-update warning.
    if (this.queuedEvents.length) {
      const events = this.queuedEvents;
      this.queuedEvents = [];
      void this.updateComplete.then(() => events.forEach((event) => this.dispatchEvent(event)));
    }
  }

  /** What the list shows now: `loading`, `loaded`, `empty` or `error` (also reflected as the `state` attribute). */
  get state(): ListState {
    if (this.papers == null && this.src) {
      // A lazy list waiting for the viewport holds its skeletons like one that is fetching.
      if (!this.requestUrl) return 'loading';
      const served = this.served;
      if (served) return served.error ? 'error' : this.visiblePapers.length ? 'loaded' : 'empty';
      const status = this.feedTask.status;
      if (status === TaskStatus.ERROR && !isAbort(this.feedTask.error) && !this.staleError) return 'error';
      if (status !== TaskStatus.COMPLETE && !this.staleError) return 'loading';
    }
    return this.visiblePapers.length ? 'loaded' : 'empty';
  }

  /** Fetch the feed again, bypassing the cache. Does nothing for `papers` given directly. */
  reload(): void {
    if (this.papers != null || !this.requestUrl) return;
    this.reloadToken++;
  }

  /** The URL fetched: `src`, with the chosen Hugging Face period applied. Undefined when nothing should be fetched yet. */
  private get requestUrl(): string | undefined {
    if (this.papers != null || !this.src || (this.lazy && !this.nearViewport)) return undefined;
    const ref = this.showPeriods ? this.currentPeriod : undefined;
    if (!ref) return this.src;
    try {
      return periodUrl(new URL(this.src, pageBase()).href, ref);
    } catch {
      return this.src;
    }
  }

  private get showPeriods(): boolean {
    if (this.noPeriods || this.papers != null || !this.src) return false;
    if (this.periods) return true;
    try {
      return isHfDailyPapersUrl(new URL(this.src, pageBase()).href);
    } catch {
      return false;
    }
  }

  /** The period shown: the reader's choice, else `period`/`date`, else the one in `src`; undefined means "latest". */
  private get currentPeriod(): PeriodRef | undefined {
    if (this.chosenPeriod) return this.chosenPeriod;
    const date = isIsoDay(this.date) ? this.date : undefined;
    const period = PERIODS.includes(this.period as Period) ? this.period : undefined;
    if (period || date) return { period: period ?? 'day', anchor: date ?? todayIso() };
    try {
      return readPeriod(new URL(this.src ?? '', pageBase()).href);
    } catch {
      return undefined;
    }
  }

  private get text(): PaperfeedListStrings {
    return mergeStrings<keyof PaperfeedListStrings>(DEFAULT_STRINGS, this.strings);
  }

  /** Every paper available now, before filtering: `papers`, or the loaded feed if it belongs to the current URL. */
  private get allPapers(): Paper[] {
    if (this.papers != null) return this.givenPapers;
    const url = this.requestUrl;
    if (!url) return [];
    const status = this.feedTask.status;
    const { loaded, partial } = this;
    // A feed streaming in shows its first page once that page is full and "Load more" is due,
    // exactly as the whole feed will show it: in feed order, unfiltered (a sort or a search waits
    // for the whole feed, so nothing reorders or grows under the reader). A "Load more" pressed
    // before the next page has arrived shows the papers as they come.
    if (
      status === TaskStatus.PENDING &&
      loaded?.url !== url &&
      partial?.url === url &&
      this.sort === 'feed' &&
      !this.query?.trim() &&
      partial.papers.length > this.limit
    ) {
      return partial.papers;
    }
    // While a reload of the same URL runs, or after it failed, the previous papers stay (no flash of
    // skeletons, no error box over what the reader was reading); a new URL never shows an old result.
    return loaded?.url === url ? loaded.papers : (this.served?.papers ?? []);
  }

  /** The server's render of the URL shown, until the task's first run for it settles. */
  private get served(): ListData | undefined {
    const data = this.serverData;
    const status = this.feedTask.status;
    return data?.src === this.requestUrl && (status === TaskStatus.INITIAL || status === TaskStatus.PENDING) ? data : undefined;
  }

  /** A Retry of the URL shown is running: the failed run's error stays on screen with a busy Retry. */
  private get retrying(): boolean {
    return this.retryUrl !== undefined && this.retryUrl === this.requestUrl && this.feedTask.status === TaskStatus.PENDING;
  }

  /** `papers` set by a script skipped the adapters: checked by the feed engine, once per array. */
  private get givenPapers(): Paper[] {
    const input: unknown = this.papers;
    if (this.givenMemo?.input !== input) this.givenMemo = { input, papers: checkPapers(input, pageBase() ?? '') };
    return this.givenMemo!.papers;
  }

  /** The newest run failed, but it was a reload of the feed on screen: shown as a note above the list. */
  private get staleError(): FeedError | undefined {
    const error = this.feedTask.error;
    return this.feedTask.status === TaskStatus.ERROR && !isAbort(error) && this.loaded?.url === this.requestUrl
      ? toFeedError(error)
      : undefined;
  }

  /** Papers after `query` and `sort`, before paging; recomputed only when one of its inputs changed. */
  private get visiblePapers(): Paper[] {
    const all = this.allPapers;
    const memo = this.visibleMemo;
    if (memo && memo.all === all && memo.query === this.query && memo.sort === this.sort) return memo.result;
    const result = this.filterAndSort(all);
    this.visibleMemo = { all, query: this.query, sort: this.sort, result };
    return result;
  }

  private filterAndSort(all: Paper[]): Paper[] {
    const terms = fold(this.query ?? '').split(/\s+/).filter(Boolean);
    const matching = terms.length
      ? all.filter((paper) => terms.every((term) => haystack(paper).includes(term)))
      : [...all];
    if (this.sort === 'upvotes') return matching.sort((a, b) => (b.upvotes ?? -1) - (a.upvotes ?? -1));
    if (this.sort === 'date') {
      const time = (paper: Paper) => Date.parse(paper.publishedAt) || -Infinity;
      return matching.sort((a, b) => time(b) - time(a));
    }
    return matching;
  }

  private queue(event: Event): void {
    this.queuedEvents.push(event);
  }

  private cancelPage(): void {
    this.pageController?.abort();
    this.pageController = undefined;
    this.pageLoading = false;
    this.pageError = undefined;
  }

  private startRefresh(): void {
    this.stopRefresh();
    const seconds = positive(this.refresh);
    if (!seconds || !this.isConnected || document.hidden) return;
    // One interval per list; each tick is a cache-bypassing reload, skipped while the tab is hidden.
    this.refreshTimer = setInterval(
      () => {
        // A page set up wrongly (kind `config`) stays wrong: asking again would only log it again.
        if (!document.hidden && (this.feedTask.error as FeedError | undefined)?.kind !== 'config') this.reload();
      },
      Math.min(Math.max(seconds, MIN_REFRESH) * 1000, MAX_DELAY),
    );
  }

  private stopRefresh(): void {
    if (this.refreshTimer !== undefined) clearInterval(this.refreshTimer);
    this.refreshTimer = undefined;
  }

  private onVisibilityChange = (): void => {
    if (document.hidden) this.stopRefresh();
    else this.startRefresh();
  };

  private observeViewport(): void {
    if (!this.lazy || this.nearViewport || this.observer || !this.isConnected) return;
    if (typeof IntersectionObserver === 'undefined') {
      this.nearViewport = true;
      return;
    }
    this.observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.nearViewport = true;
        this.observer?.disconnect();
        this.observer = undefined;
      },
      { rootMargin: '200px' },
    );
    this.observer.observe(this);
  }

  private async loadMore(): Promise<void> {
    // aria-disabled (not disabled) while a page loads, so the focused button keeps focus.
    if (this.pageLoading) return;
    const shown = Math.min(this.visibleCount, this.visiblePapers.length);
    if (this.visiblePapers.length > this.visibleCount) {
      this.visibleCount += this.limit;
      this.focusIndex = shown;
      return;
    }
    const loaded = this.loaded;
    if (!loaded?.next) return;
    const controller = new AbortController();
    this.pageController = controller;
    this.pageLoading = true;
    this.pageError = undefined;
    this.dispatchEvent(new Event('loadstart'));
    try {
      const page = await loadFeed(loaded.next, {
        format: loaded.format === 'custom' ? this.format : loaded.format,
        timeout: positive(this.timeout),
        proxy: this.proxy,
        transform: this.transform,
        signal: controller.signal,
      });
      if (controller.signal.aborted || this.loaded !== loaded) return;
      const known = new Set(loaded.papers.map((paper) => paper.id));
      const papers = [...loaded.papers, ...page.papers.filter((paper) => !known.has(paper.id))];
      this.loaded = { ...loaded, papers, next: page.next };
      this.visibleCount += this.limit;
      this.focusIndex = shown;
      this.queue(new CustomEvent<ListLoadDetail>('load', { detail: { papers, format: loaded.format } }));
      this.queue(new Event('loadend'));
    } catch (error) {
      if (controller.signal.aborted || isAbort(error)) return;
      this.pageError = toFeedError(error);
      this.queue(new CustomEvent<ListErrorDetail>('error', { detail: { error: this.pageError } }));
      this.queue(new Event('loadend'));
    } finally {
      if (this.pageController === controller) {
        this.pageController = undefined;
        this.pageLoading = false;
      }
    }
  }

  private choosePeriod(period: Period): void {
    const current = this.currentPeriod;
    if (current?.period === period) return;
    this.chosenPeriod = { period, anchor: current?.anchor ?? todayIso() };
  }

  private stepPeriod(steps: number): void {
    // From "latest" the previous period is yesterday: the newest day is at most today.
    const current = this.currentPeriod ?? { period: 'day', anchor: todayIso() };
    this.chosenPeriod = shiftPeriod(current, steps);
  }

  private onRetry(): void {
    if (this.retryUrl !== undefined) return;
    this.retryUrl = this.requestUrl;
    this.reload();
  }

  private onQueryInput(event: Event): void {
    this.typing = true;
    this.query = (event.target as HTMLInputElement).value;
    clearTimeout(this.queryTimer);
    this.queryTimer = setTimeout(() => (this.announcedQuery = this.query), QUERY_PAUSE);
  }

  private onSortChange(event: Event): void {
    this.sort = (event.target as HTMLSelectElement).value as ListSort;
  }

  override render(): TemplateResult {
    const state = this.state;
    return html`
      ${this.renderHeader()} ${this.renderPeriods()} ${this.renderToolbar()}
      <div role="status" part="status" class="visually-hidden">${this.renderAnnouncement(state)}</div>
      ${this.renderStaleError()}
      ${state === 'error' || (this.retrying && !this.allPapers.length)
        ? this.renderReserved(this.renderError())
        : state === 'empty'
          ? this.renderReserved(this.renderEmpty())
          : this.renderList(state)}
      <slot name="footer"></slot>
    `;
  }

  private renderHeader(): TemplateResult {
    // Room under the header only when there is one: a heading, or the page's own `header` content.
    // The server sees no light DOM: a server render shows the header for `heading` only.
    const filled = !!this.heading || (!isServer && !!this.querySelector(':scope > [slot="header"]'));
    return html`<div part="header" class="header" ?hidden=${!filled}>
      <slot name="header" @slotchange=${() => this.requestUpdate()}
        >${this.heading
          ? html`<div role="heading" aria-level=${this.headingLevel} part="heading" class="heading">${this.heading}</div>`
          : nothing}</slot
      >
    </div>`;
  }

  private renderPeriods(): TemplateResult | typeof nothing {
    if (!this.showPeriods) return nothing;
    const s = this.text;
    const current = this.currentPeriod;
    const pressed = current?.period ?? 'day';
    const label = current ? periodLabel(current, this.locale, s.weekLabel) : s.latest;
    const nextDisabled = !current || isFuture(shiftPeriod(current, 1));
    const names: Record<Period, string> = { day: s.day, week: s.week, month: s.month };
    return html`<div part="periods" class="periods" role="group" aria-label=${s.periods}>
      <div class="views">
        ${PERIODS.map(
          (period) =>
            html`<button
              type="button"
              part="button"
              aria-pressed=${pressed === period ? 'true' : 'false'}
              @click=${() => this.choosePeriod(period)}
            >
              ${names[period]}
            </button>`,
        )}
      </div>
      <div class="steps">
        <button type="button" part="button" class="previous" @click=${() => this.stepPeriod(-1)}>${s.previous}</button>
        <span part="period-label" class="period-label">${label}</span>
        <button
          type="button"
          part="button"
          class="next"
          aria-disabled=${nextDisabled ? 'true' : 'false'}
          @click=${() => nextDisabled || this.stepPeriod(1)}
        >
          ${s.next}
        </button>
      </div>
    </div>`;
  }

  private renderToolbar(): TemplateResult | typeof nothing {
    if (this.noToolbar) return nothing;
    const s = this.text;
    return html`<div part="toolbar" class="toolbar">
      <label class="field search">
        <span class="label">${s.search}</span>
        <input type="search" part="input" autocomplete="off" .value=${this.query ?? ''} @input=${this.onQueryInput} />
      </label>
      <label class="field">
        <span class="label">${s.sort}</span>
        <select part="select" .value=${this.sort} @change=${this.onSortChange}>
          <option value="feed" ?selected=${this.sort === 'feed'}>${s.sortFeed}</option>
          <option value="date" ?selected=${this.sort === 'date'}>${s.sortDate}</option>
          <option value="upvotes" ?selected=${this.sort === 'upvotes'}>${s.sortUpvotes}</option>
        </select>
      </label>
    </div>`;
  }

  private renderAnnouncement(state: ListState): string {
    // One message per search, not one per keystroke: while the reader types, the region keeps its text.
    if (this.query !== this.announcedQuery && (state === 'loaded' || state === 'empty')) return this.lastAnnouncement;
    return (this.lastAnnouncement = this.announcement(state));
  }

  private announcement(state: ListState): string {
    const s = this.text;
    // A reload of the feed on screen (`refresh`, `reload()`) keeps its papers visible, so it keeps
    // its announcement too: a screen reader should not hear "Loading" every N seconds. A Retry the
    // reader pressed does say "Loading".
    // Papers shown while the rest of the feed streams in are announced with the whole feed.
    const all = this.allPapers;
    if (state === 'loading' && (all.length === 0 || all === this.partial?.papers || this.retrying)) return s.loading;
    if (state === 'error') return toFeedError(this.served?.error ?? this.feedTask.error).message;
    const failed = this.pageError ?? this.staleError;
    if (failed) return failed.message;
    // The page's own empty text (the `empty` slot) is what the reader sees, so it is what they hear.
    if (state === 'empty' && !isServer) return this.querySelector(':scope > [slot="empty"]')?.textContent?.replace(/\s+/g, ' ').trim() || this.emptyText;
    // With a query, say how many match: the reader typing in the search box hears the result.
    const query = (this.query ?? '').trim();
    const count = query ? this.visiblePapers.length : this.allPapers.length;
    const [one, other] = query ? [s.matchesOne, s.matches] : [s.loadedOne, s.loaded];
    return fill(plural(count, this.locale, one, other), { count: formatNumber(count, this.locale), query });
  }

  private get emptyText(): string {
    const query = (this.query ?? '').trim();
    return query ? fill(this.text.emptyQuery, { query }) : this.text.empty;
  }

  private renderEmpty(): TemplateResult {
    return html`<div part="empty" class="message empty" tabindex="-1">
      <div class="message-body"><slot name="empty" @slotchange=${() => this.requestUpdate()}>${this.emptyText}</slot></div>
    </div>`;
  }

  private renderError(): TemplateResult {
    const error = toFeedError(this.served?.error ?? this.feedTask.error);
    return html`<div part="error" class="message error">
      <div class="message-body">
        <slot name="error"><p class="error-text">${error.message}</p></slot>
        ${error.kind === 'config' ? nothing : this.renderRetry(this.retrying)}
      </div>
    </div>`;
  }

  /** aria-disabled while busy, not disabled: the focused button keeps focus. */
  private renderRetry(busy: boolean): TemplateResult {
    return html`<button
      type="button"
      part="button retry"
      aria-busy=${busy ? 'true' : 'false'}
      aria-disabled=${busy ? 'true' : 'false'}
      @click=${this.onRetry}
    >
      ${this.text.retry}
    </button>`;
  }

  /**
   * An empty feed or a failed one replaces the skeletons: its message takes their place at their
   * size, over hidden copies of them, so the page's text below does not move (bench/cls.mjs). Not
   * for a search that matches nothing, nor for `papers` given directly: no skeletons came before.
   */
  private renderReserved(message: TemplateResult): TemplateResult {
    if (this.papers != null || this.allPapers.length) return message;
    return html`<div class="reserved">
      <div class="ghost" aria-hidden="true" inert>${this.renderSkeletons()}</div>
      ${message}
    </div>`;
  }

  private renderSkeletons(): TemplateResult {
    const variant = this.layout === 'compact' ? 'compact' : 'full';
    const cardLevel = Math.min(this.headingLevel + 1, 6);
    const count = Math.min(this.limit, MAX_SKELETONS);
    return html`<slot name="loading"><ul part="list" class="list" aria-busy="true">
      ${Array.from(
        { length: count },
        () =>
          html`<li aria-hidden="true">
            <paperfeed-card part="item" variant=${variant} heading-level=${cardLevel} theme=${this.theme}></paperfeed-card>
          </li>`,
      )}
    </ul></slot>`;
  }

  private renderStaleError(): TemplateResult | typeof nothing {
    const busy = this.retrying && this.loaded?.url === this.requestUrl;
    const error = this.staleError ?? (busy ? toFeedError(this.feedTask.error) : undefined);
    if (!error) return nothing;
    return html`<div part="error" class="more stale">
      <p class="error-text">${error.message}</p>
      ${this.renderRetry(busy)}
    </div>`;
  }

  private renderList(state: ListState): TemplateResult {
    // Each card sets its own color-scheme, so the list's theme must reach it explicitly.
    const variant = this.layout === 'compact' ? 'compact' : 'full';
    const cardLevel = Math.min(this.headingLevel + 1, 6);
    const busy = state === 'loading';
    const papers = this.visiblePapers;
    if (busy && papers.length === 0) return this.renderSkeletons();
    const shown = papers.slice(0, this.visibleCount);
    return html`<ul part="list" class="list" aria-busy=${busy ? 'true' : 'false'}>
        ${shown.map(
          (paper) =>
            html`<li tabindex="-1">
              <paperfeed-card
                part="item"
                exportparts="card, title: card-title, authors: card-authors, summary: card-summary, meta: card-meta, links: card-links, thumbnail: card-thumbnail, tags: card-tags, toggle: card-toggle"
                variant=${variant}
                heading-level=${cardLevel}
                theme=${this.theme}
                .paper=${paper}
              ></paperfeed-card>
            </li>`,
        )}
      </ul>
      ${this.renderMore(papers.length)}`;
  }

  private renderMore(total: number): TemplateResult | typeof nothing {
    const more = total > this.visibleCount || (!!(this.loaded ?? this.served)?.next && this.papers == null && this.state === 'loaded');
    if (!more && !this.pageError) return nothing;
    return html`<div class="more">
      ${this.pageError ? html`<p class="error-text">${this.pageError.message}</p>` : nothing}
      <button
        type="button"
        part="button load-more"
        aria-busy=${this.pageLoading ? 'true' : 'false'}
        aria-disabled=${this.pageLoading ? 'true' : 'false'}
        @click=${this.loadMore}
      >
        ${this.pageError ? this.text.retry : this.text.loadMore}
      </button>
    </div>`;
  }
}
