import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { FeedError, cancelled, isAbort } from '../../feed/errors.js';
import { checkPapers } from '../../feed/parse/parse.js';
import { loadFeed, type FeedResult, type LoadOptions } from '../../feed/load.js';
import { yieldToMain } from '../../feed/net/yield.js';
import type { FeedFormat, Paper, SourceFormat } from '../../feed/paper.js';
import { isFresh, readEmbedded, type ListData } from '../../internal/embedded.js';
import { warmFormats } from '../../internal/format.js';
import { positive } from '../../internal/normalize.js';
import {
  PaperfeedListErrorEvent,
  PaperfeedListLoadEndEvent,
  PaperfeedListLoadEvent,
  PaperfeedListLoadStartEvent,
} from '../events.js';
import { appendNew, memoFilter, type ListSort } from './filter.js';

export type ListState = 'loading' | 'loaded' | 'empty' | 'error';

/** What the feed controller reads from its element: the public properties that shape a fetch. */
export interface FeedHost extends ReactiveControllerHost, Element {
  format: FeedFormat;
  timeout?: number;
  proxy?: string;
  /** Bytes of body read at most (the `max-bytes` attribute). */
  maxBytes?: number;
  transform?: LoadOptions['transform'];
  limit: number;
  sort: ListSort;
  query: string;
  readonly hasUpdated: boolean;
}

export interface FeedOptions {
  /** The URL to fetch now; undefined when nothing should be fetched (yet). */
  url(): string | undefined;
  /** Papers given directly (the `papers` property, as a script set it); null or undefined means "fetch". */
  given(): unknown;
  /** The page's base URL, for relative links in given papers. */
  base(): string | undefined;
  /** The element's language, to warm its formatters while the feed downloads. */
  locale(): string;
  /** Called with the index of the first paper a "Load more" revealed, for focus. */
  revealed(index: number): void;
}

interface Loaded {
  /** The URL this result was fetched from; a result is only ever shown for its own URL. */
  url: string;
  papers: Paper[];
  format: SourceFormat;
  next?: string;
  /** Papers of the first page; the rest came from "Load more" on a paged source. */
  firstPage: number;
  /** Items the feed had when more than the data layer keeps (`FeedResult.total`). */
  total?: number;
}

export function toFeedError(error: unknown): FeedError {
  if (error instanceof FeedError) return error;
  const message = error instanceof Error && error.message ? error.message : 'The feed could not be read.';
  return new FeedError('parse', message, { cause: error });
}

/**
 * The list's fetch state. The feed is a `@lit/task` Task whose arguments are the URL and the load
 * options, so a superseded request is aborted by the Task itself; "Load more" is a second Task run
 * by hand (`autoRun: false`). Beside the Tasks it keeps only what they cannot: the last result for
 * its URL (kept on screen while a reload runs or after one failed), the papers of a feed still
 * streaming in, how many papers are shown, and which URL a Retry asked for.
 * Lifecycle events go out once the render that shows their result is complete.
 */
export class FeedController implements ReactiveController {
  /** The last result, kept while its URL is the one requested. */
  private loaded?: Loaded;
  /** Papers of the run in progress read so far (a big feed streaming in). */
  private partial?: { url: string; papers: Paper[] };
  /** How many papers of the filtered list are shown; "Load more" adds `limit`. */
  visibleCount = 30;
  /** Set by Retry to the URL it fetches again; cleared once its outcome has focus (see Announcer). */
  retryUrl?: string;

  private reloadToken = 0;
  private consumedReloadToken = 0;
  private queued: Event[] = [];
  /** The fetch was stopped because the list left the page. */
  private stopped = false;
  /** The page run was abandoned (a new feed run started): its busy state and error are not shown. */
  private pageCancelled = false;
  private inputs?: [number, string, ListSort];
  private readonly filter = memoFilter();
  /** `papers` as given, and as checked. */
  private givenMemo?: { input: unknown; papers: Paper[] };
  /**
   * The server's render of this list (src/ssr): bound by `renderList` on the server, read from the
   * embedded JSON on the client before the first render (src/internal/embedded.ts). It stands for
   * the fetch of its `src` until the task's first run settles (see `served`), so hydration writes
   * what the server wrote, and while it is fresh that run fetches nothing.
   */
  serverData?: ListData;

  readonly task: Task<readonly unknown[], { url: string; result: FeedResult }>;
  private readonly pageTask: Task<readonly unknown[], { loaded: Loaded; page: FeedResult; shown: number }>;

  constructor(
    private readonly host: FeedHost,
    private readonly options: FeedOptions,
  ) {
    host.addController(this);
    this.task = new Task(host, {
      task: async ([url, format, timeout, proxy, transform, maxBytes, token], { signal }) =>
        this.run(url as string | undefined, { format, timeout, proxy, transform, maxBytes } as LoadOptions, token as number, signal),
      args: () => {
        const h = this.host;
        return [options.url(), h.format, positive(h.timeout), h.proxy, h.transform, positive(h.maxBytes), this.reloadToken] as const;
      },
      onComplete: ({ url, result }) => {
        this.serverData = undefined;
        this.complete(url, result);
      },
      onError: (error) => {
        this.serverData = undefined;
        // The papers a failed body streamed in go with it: memory returns to what the list held before.
        this.partial = undefined;
        // Only the newest run reaches here; an abort we did not ask for is not a failure to show.
        if (!isAbort(error)) this.failed(toFeedError(error));
      },
    });
    this.pageTask = new Task(host, {
      autoRun: false,
      task: async ([loaded, shown], { signal }) => {
        const from = loaded as Loaded;
        this.host.dispatchEvent(new PaperfeedListLoadStartEvent());
        const page = await loadFeed(from.next!, {
          format: from.format === 'custom' ? this.host.format : from.format,
          timeout: positive(this.host.timeout),
          proxy: this.host.proxy,
          transform: this.host.transform,
          maxBytes: positive(this.host.maxBytes),
          signal,
        });
        return { loaded: from, page, shown: shown as number };
      },
      onComplete: ({ loaded, page, shown }) => {
        if (this.pageCancelled || this.loaded !== loaded) return;
        const papers = appendNew(loaded.papers, page.papers);
        this.loaded = { ...loaded, papers, next: page.next };
        this.visibleCount += this.host.limit;
        this.options.revealed(shown);
        this.queueOutcome(new PaperfeedListLoadEvent({ papers, format: loaded.format }));
      },
      onError: (error) => {
        if (!this.pageCancelled && !isAbort(error)) this.failed(toFeedError(error));
      },
    });
  }

  private async run(url: string | undefined, load: LoadOptions, token: number, signal: AbortSignal) {
    if (!url) return initialState;
    const reload = token !== this.consumedReloadToken;
    this.consumedReloadToken = token;
    // The server's papers, while fresh, are this run's result: no request.
    const served = this.served;
    if (served && !reload && isFresh(served)) {
      return { url, result: { papers: served.papers, format: served.format, next: served.next, skipped: 0 } as FeedResult };
    }
    this.cancelPage();
    // The task starts inside the host's update; announce it once that update (the skeletons) is
    // done, so a listener that sets a property schedules a normal update instead of losing it.
    await null;
    if (signal.aborted) throw cancelled(url);
    this.partial = undefined;
    // A new feed starts at its first page; a reload keeps what the reader opened (see complete).
    if (this.loaded?.url !== url) this.visibleCount = this.host.limit;
    this.host.dispatchEvent(new PaperfeedListLoadStartEvent());
    // The formatters' one-time setup (~50 ms) while the feed downloads, not in the first cards' render.
    warmFormats(this.options.locale());
    // The render of what arrived runs in a task of its own, not in the one that read it: each
    // stays short (issue 18: 63-102 ms when the first cards rendered in the reading task).
    const onPapers = (papers: Paper[]) => {
      if (signal.aborted) return;
      this.partial = { url, papers };
      void yieldToMain().then(() => this.host.requestUpdate());
    };
    const result = await loadFeed(url, { ...load, signal, reload, onPapers });
    await yieldToMain();
    if (signal.aborted) throw cancelled(url);
    return { url, result };
  }

  private complete(url: string, result: FeedResult): void {
    this.partial = undefined;
    const previous = this.loaded?.url === url ? this.loaded : undefined;
    let { papers, next } = result;
    const firstPage = papers.length;
    // A reload (Retry, `refresh`, `reload()`) of the feed on screen keeps what the reader opened:
    // the pages fetched with "Load more" stay after the fresh first page, and so does the count shown.
    if (previous && previous.papers.length > previous.firstPage) {
      papers = appendNew(papers, previous.papers.slice(previous.firstPage));
      next = previous.next;
    }
    const total = result.total !== undefined && result.total > firstPage ? result.total : undefined;
    this.loaded = { url, papers, format: result.format, next, firstPage, total };
    this.queueOutcome(new PaperfeedListLoadEvent({ papers, format: result.format }));
  }

  hostConnected(): void {
    // Before the first render, so hydration writes what the server wrote and fetches nothing while fresh.
    if (!isServer && !this.host.hasUpdated) this.serverData ??= readEmbedded(this.host);
    // Put back in the page after a removal stopped its fetch: fetch again.
    if (this.stopped) {
      this.stopped = false;
      void this.task.run();
    }
  }

  hostDisconnected(): void {
    // Nobody reads a removed list's feed: stop its requests (the shared one stops with its last
    // reader). Not for a move within the page, which reconnects before this microtask runs.
    queueMicrotask(() => {
      if (this.host.isConnected) return;
      this.cancelPage();
      if (this.task.status !== TaskStatus.PENDING) return;
      this.stopped = true;
      this.task.abort();
    });
  }

  hostUpdate(): void {
    // A new page size, search or order starts again at the first page.
    const { limit, query, sort } = this.host;
    const [l, q, s] = this.inputs ?? [];
    if (limit !== l || query !== q || sort !== s) this.visibleCount = limit;
    this.inputs = [limit, query, sort];
  }

  hostUpdated(): void {
    if (!this.queued.length) return;
    const events = this.queued;
    this.queued = [];
    void this.host.updateComplete.then(() => events.forEach((event) => this.host.dispatchEvent(event)));
  }

  /** Fetch the feed again, bypassing the cache. */
  reload(): void {
    this.reloadToken++;
    this.host.requestUpdate();
  }

  /** Retry the URL shown; the error stays on screen with a busy Retry until the outcome arrives. */
  retry(): void {
    if (this.retryUrl !== undefined) return;
    this.retryUrl = this.options.url();
    this.reload();
  }

  /** "Load more": the next `limit` papers, fetching the source's next page when all are shown. */
  loadMore(): void {
    // aria-disabled (not disabled) while a page loads, so the focused button keeps focus.
    if (this.pageLoading) return;
    const visible = this.visible;
    const shown = Math.min(this.visibleCount, visible.length);
    if (visible.length > this.visibleCount) {
      this.visibleCount += this.host.limit;
      this.options.revealed(shown);
      this.host.requestUpdate();
      return;
    }
    if (!this.loaded?.next) return;
    this.pageCancelled = false;
    void this.pageTask.run([this.loaded, shown]);
  }

  /** A "Load more" page is on its way. */
  get pageLoading(): boolean {
    return !this.pageCancelled && this.pageTask.status === TaskStatus.PENDING;
  }

  /** Why the last "Load more" failed; undefined once a new run of the feed started. */
  get pageError(): FeedError | undefined {
    const { status, error } = this.pageTask;
    return !this.pageCancelled && status === TaskStatus.ERROR && !isAbort(error) ? toFeedError(error) : undefined;
  }

  /** The source has a next page to fetch. */
  get hasNext(): boolean {
    return !!(this.loaded ?? this.served)?.next;
  }

  /**
   * How many items the feed had, when that is more than the data layer kept (`MAX_ITEMS`): the
   * status says "first N of M". Undefined otherwise.
   */
  get total(): number | undefined {
    const url = this.options.url();
    return url && this.loaded?.url === url && !this.given ? this.loaded.total : undefined;
  }

  /** The newest run's error, for the error box. */
  get error(): FeedError {
    return toFeedError(this.served?.error ?? this.task.error);
  }

  /** The newest run failed, but it was a reload of the feed on screen: shown as a note above the list. */
  get staleError(): FeedError | undefined {
    const { status, error } = this.task;
    return status === TaskStatus.ERROR && !isAbort(error) && this.keptFor(this.options.url()) ? toFeedError(error) : undefined;
  }

  /** The last run failed because the page is set up wrongly (kind `config`): asking again would fail again. */
  get misconfigured(): boolean {
    return (this.task.error as FeedError | undefined)?.kind === 'config';
  }

  /** A Retry of the URL shown is running: the failed run's error stays on screen with a busy Retry. */
  get retrying(): boolean {
    return this.retryUrl !== undefined && this.retryUrl === this.options.url() && this.task.status === TaskStatus.PENDING;
  }

  /** A Retry of the feed on screen is running (its note above the list stays, busy). */
  get retryingKept(): boolean {
    return this.retrying && this.keptFor(this.options.url());
  }

  /** What the list shows: `loading`, `loaded`, `empty` or `error`. */
  get state(): ListState {
    if (!this.given) {
      // A lazy list waiting for the viewport holds its skeletons like one that is fetching.
      if (!this.options.url()) return 'loading';
      const served = this.served;
      if (served) return served.error ? 'error' : this.visible.length ? 'loaded' : 'empty';
      const { status, error } = this.task;
      const stale = !!this.staleError;
      if (status === TaskStatus.ERROR && !isAbort(error) && !stale) return 'error';
      if (status !== TaskStatus.COMPLETE && !stale) return 'loading';
    }
    return this.visible.length ? 'loaded' : 'empty';
  }

  /** `papers` set by a script skipped the adapters: checked by the feed engine, once per array. */
  private get given(): Paper[] | undefined {
    const input = this.options.given();
    if (input == null) return undefined;
    if (this.givenMemo?.input !== input) this.givenMemo = { input, papers: checkPapers(input, this.options.base() ?? '') };
    return this.givenMemo!.papers;
  }

  /** Every paper available now, before filtering: the given papers, or the loaded feed if it belongs to the current URL. */
  get all(): Paper[] {
    const given = this.given;
    if (given) return given;
    const url = this.options.url();
    if (!url) return [];
    const { loaded, partial } = this;
    const { limit, query, sort } = this.host;
    // A feed streaming in shows its first page once that page is full and "Load more" is due,
    // exactly as the whole feed will show it: in feed order, unfiltered (a sort or a search waits
    // for the whole feed, so nothing reorders or grows under the reader). A "Load more" pressed
    // before the next page has arrived shows the papers as they come.
    if (
      this.task.status === TaskStatus.PENDING &&
      loaded?.url !== url &&
      partial?.url === url &&
      (sort === 'feed' || sort === 'trending') &&
      !query?.trim() &&
      partial.papers.length > limit
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
    const { status } = this.task;
    return data?.src === this.options.url() && (status === TaskStatus.INITIAL || status === TaskStatus.PENDING) ? data : undefined;
  }

  /** The papers on screen are the first page of a feed still streaming in. */
  get streaming(): boolean {
    const all = this.all;
    return all.length > 0 && all === this.partial?.papers;
  }

  /** Papers after `query` and `sort`, before paging; recomputed only when one of its inputs changed. */
  get visible(): Paper[] {
    return this.filter(this.all, this.host.query, this.host.sort);
  }

  private keptFor(url: string | undefined): boolean {
    return !!url && this.loaded?.url === url;
  }

  /**
   * A failure: the reader sees a plain sentence in the list's language (src/list/error-text.ts); the
   * data layer's message, written for the page's author, goes to the console and the `error` event.
   * A page set up wrongly was already reported by the data layer (`configError`).
   */
  private failed(error: FeedError): void {
    if (error.kind !== 'config') console.warn(`[paperfeed] ${error.message}${error.url ? ` (${error.url})` : ''}`);
    this.queueOutcome(new PaperfeedListErrorEvent({ error }));
  }

  private queueOutcome(event: Event): void {
    this.queued.push(event, new PaperfeedListLoadEndEvent());
  }

  private cancelPage(): void {
    this.pageCancelled = true;
    this.pageTask.abort();
  }
}
