import { html, isServer, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { CardStrings } from '../card/paperfeed-card.js';
import { MAX_BYTES } from '../feed/limits.js';
import type { LoadOptions } from '../feed/load.js';
import type { FeedFormat, Paper } from '../feed/paper.js';
import type { Period } from '../feed/hf/period.js';
import { PaperfeedElement } from '../internal/base.js';
import { headingLevel } from '../internal/heading.js';
import type { ListData } from '../internal/embedded.js';
import { hostStyles } from '../internal/host.styles.js';
import { normalize, oneOf, positive } from '../internal/normalize.js';
import { SlotController } from '../internal/slots.js';
import { Announcer } from './controllers/announcer.js';
import { FeedController, type ListState } from './controllers/feed.js';
import type { ListSort } from './controllers/filter.js';
import { PaceController } from './controllers/pace.js';
import { PeriodController } from './controllers/period.js';
import { LIST_VIEWS, ListReader, settle, type ListView } from './controllers/reader.js';
import type { ReaderStringKey } from '../reader/strings.js';
import { RefreshController } from './controllers/refresh.js';
import { ReserveController } from './controllers/reserve.js';
import { DEFAULT_HEADING_LEVEL, DEFAULT_LIMIT, FORMATS, LAYOUTS, SORTS, numberAttribute, type ListLayout } from './attributes.js';
import type { PaperfeedListEventMap, PaperfeedListListener } from './events.js';
import { emptyBox, emptyText, errorBox, headerBox, moreBox, skeletons, staleNote } from './messages.js';
import { periodBar } from './period-bar.js';
import { controlsBox, syncToolbar, toolbar } from './toolbar.js';
import { cardItems } from './card-items.js';
import { listStrings, type PaperfeedListStrings } from './strings.js';
import { styles } from './paperfeed-list.styles.js';

export type { PaperfeedListStrings } from './strings.js';
export type { ListState } from './controllers/feed.js';
export type { ListSort } from './controllers/filter.js';
export * from './events.js';
export type { ListLayout } from './attributes.js';
export type PaperTransform = NonNullable<LoadOptions['transform']>;

// Typed listeners, the way lib.dom types HTMLMediaElement's: merged into the class below.
export interface PaperfeedList {
  addEventListener<K extends keyof PaperfeedListEventMap>(type: K, listener: PaperfeedListListener<PaperfeedList, K>, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof PaperfeedListEventMap>(type: K, listener: PaperfeedListListener<PaperfeedList, K>, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/**
 * A feed of research papers (Hugging Face daily papers, arXiv, JSON Feed, RSS, Atom) rendered as a
 * list of `<paperfeed-card>`s, with search, sort, paging and, for Hugging Face, day / week / month views.
 * A big Hugging Face feed shows its first page while the rest is still arriving, in feed order and
 * without a search (a sorted or searched list waits for the whole feed); the list stays `aria-busy`
 * with state `loading` until the whole feed is in, and `load` fires then.
 *
 * Behaviour lives in controllers (`./controllers/`): the fetch state (`FeedController`), the Hugging
 * Face periods (`PeriodController`), `refresh` and `lazy` (`RefreshController`), the status region
 * and focus (`Announcer`), the room kept on the page while loading (`ReserveController`), search and
 * sort (`filter.ts`). The element keeps properties and rendering.
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
 *   `card-authors`, `card-summary`, `card-meta`, `card-links`, `card-thumbnail`, `card-tags`, `card-toggle`,
 *   `card-actions`, `card-cite`, `card-new`.
 * @csspart empty - The empty-state box.
 * @csspart error - The error box.
 * @csspart retry - The Retry button.
 * @csspart load-more - The "Load more" button.
 * @csspart status - The visually hidden live region announcing loads and errors.
 *
 * @cssprop [--paperfeed-list-gap=1rem] - Space between cards.
 * @cssprop [--paperfeed-list-column-width=18rem] - Narrowest column in the `grid` layout.
 * @cssprop [--paperfeed-background=Canvas] - Background of a themed element (`theme="light"`/`"dark"` sets it).
 * @cssprop [--paperfeed-color=CanvasText] - Text colour.
 * @cssprop [--paperfeed-muted=(62% of the text colour)] - Secondary text (dates, counts).
 * @cssprop [--paperfeed-border-color=(18% of the text colour)] - Borders and dividers.
 * @cssprop [--paperfeed-radius=0.75rem] - Corner radius.
 * @cssprop [--paperfeed-focus-color=(accent mixed with the text colour)] - Focus rings.
 * @cssprop [--paperfeed-accent=#ff9d00] - Accent colour of pressed buttons and focus rings.
 * @cssprop [--paperfeed-list-padding=1rem] - Padding of a list with `theme="light"` or `theme="dark"`, which paints its own background.
 *
 * @event {PaperfeedListLoadStartEvent} loadstart - A fetch starts (the feed, or its next page). Does not bubble.
 * @event {PaperfeedListLoadEvent} load - Papers arrived; `detail.papers` holds every paper loaded so far. Does not bubble.
 * @event {PaperfeedListErrorEvent} error - The fetch failed; `detail.error` is a `FeedError`. A superseded (aborted) fetch fires none. Does not bubble.
 * @event {PaperfeedListLoadEndEvent} loadend - After `load` or `error`. Does not bubble.
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
   * Order: `feed` (default, as the source gives it), `trending` (Hugging Face's own order, which its
   * daily papers come in: the same as `feed`, and what the menu calls it for a Hugging Face feed),
   * `date` (newest first) or `upvotes` (most first). Junk reads as `feed`.
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

  /** Show each card's machine-written summary (Hugging Face's `ai_summary`), as `<paperfeed-card ai-summary>`. Default: false. */
  @property({ type: Boolean, attribute: 'ai-summary' }) aiSummary = false;

  /** Heading text above the list; the `header` slot replaces it. Default: none. */
  @property() heading?: string;

  /**
   * Level of the list heading, 1-6 (default 2). Card titles are one level below the list's heading
   * (the `heading` attribute or the `header` slot); a list without a heading gives its cards this
   * level itself, so the page's outline skips none.
   * @default 2
   */
  @property({ attribute: 'heading-level', type: Number })
  @normalize((value) => headingLevel(value, DEFAULT_HEADING_LEVEL))
  headingLevel = 2; // = DEFAULT_HEADING_LEVEL, written out for the manifest

  /** Milliseconds before a fetch gives up with a timeout error. Default: the engine's 10000. */
  @property({ converter: numberAttribute }) timeout?: number;

  /**
   * Bytes of a response read at most; a bigger feed shows a "too large" error. Default 5 MB (5242880,
   * the data layer's `MAX_BYTES`); junk or ≤ 0 reads as 5 MB.
   * @default 5242880
   */
  @property({ attribute: 'max-bytes', type: Number })
  @normalize((value) => positive(value) ?? MAX_BYTES)
  maxBytes = 5242880; // = MAX_BYTES, written out for the manifest

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

  /**
   * UI text overrides, merged over the English defaults; card texts (`CardStrings` keys) given here
   * reach every card. Default: `{}`.
   */
  @property({ attribute: false }) strings: Partial<PaperfeedListStrings & CardStrings & Record<ReaderStringKey, string>> = {};

  /** Each card gets a "Cite" button (BibTeX / plain-text citation to the clipboard). Default: false. */
  @property({ type: Boolean }) cite = false;
  /** Each card gets a "Save" toggle, kept in this browser (`localStorage`); see `view="saved"`. Default: false. */
  @property({ type: Boolean }) save = false;
  /** Cards render TeX math in titles and abstracts as MathML (temml loads only for a paper with math). Default: false. */
  @property({ type: Boolean }) math = false;
  /** Papers newer than the reader's last visit to this `src` get a "New" badge, and the status says how many. Stores nothing without it. Default: false. */
  @property({ type: Boolean, attribute: 'mark-new' }) markNew = false;
  /** `feed` (default) or `saved`: the papers saved in this browser, with Export BibTeX / JSON, instead of `src`. Junk reads as `feed`. */
  @property() @normalize(oneOf(LIST_VIEWS, 'feed')) view: ListView = 'feed';

  // The reserve comes first: it reads the skeletons before the feed's update replaces them.
  readonly #reserve: ReserveController = new ReserveController(this, {
    state: () => this.state,
    all: () => this.#feed.all.length,
    visible: () => this.#feed.visible.length,
    retrying: () => this.#feed.retrying,
  });
  readonly #slots = new SlotController(this, 'header', 'empty');
  readonly #period = new PeriodController(this);
  readonly #refresh = new RefreshController(this, () => {
    // A page set up wrongly (kind `config`) stays wrong: asking again would only log it again.
    if (!this.#feed.misconfigured) this.reload();
  });
  readonly #reader: ListReader = new ListReader(this, () => this.#feed.all, () => this.#feed.visible.slice(0, this.#feed.visibleCount));
  readonly #feed: FeedController = new FeedController(this, {
    url: () => this.requestUrl,
    given: () => this.#reader.given ?? this.papers,
    base: () => this.#period.base,
    locale: () => this.locale,
    revealed: (index) => this.#announcer.focusItem(index),
  });
  // Cards a few per task (each task well under 50 ms); all at once in the render over the server's.
  readonly #pace = new PaceController(this, () => !this.hasUpdated && !!this.#feed.serverData);
  readonly #announcer: Announcer = new Announcer(this, this.#feed, () => ({
    state: this.state,
    url: this.requestUrl,
    strings: this.text,
    locale: this.locale,
    empty: this.#slots.text('empty') || emptyText(this.query, this.text, this.#reader.emptyText(this.text.empty)),
  }));

  /** The server's render of this list (src/ssr binds it; hydration reads the embedded JSON). @internal */
  set serverData(data: ListData | undefined) {
    this.#feed.serverData = data;
  }

  protected override willUpdate(): void {
    // @lit-labs/ssr skips controllers' hostUpdate: on the server, the feed reads `limit` here, so the
    // server writes the first `limit` papers as the browser's first render does (hydration matches).
    if (isServer) this.#feed.hostUpdate();
  }

  protected override updated(): void {
    // The attribute says what is on screen: skeletons while the first cards render behind them.
    const state = this.#pace.staging ? 'loading' : this.state;
    if (this.getAttribute('state') !== state) this.setAttribute('state', state);
    syncToolbar(this.renderRoot, this.query, this.sort, this.hf);
  }

  /** What the list shows now: `loading`, `loaded`, `empty` or `error`. Reflected as the `state` attribute, which stays `loading` while the first cards render behind the skeletons. */
  get state(): ListState {
    return this.papers == null && !this.src ? (this.#feed.visible.length ? 'loaded' : 'empty') : this.#feed.state;
  }

  /** Also waits for every card of the page (see PaceController) and, after `view="saved"` was set, the saved view's code. */
  protected override getUpdateComplete(): Promise<boolean> {
    return settle(() => this.#reader.pending ?? this.#pace.pending, () => super.getUpdateComplete());
  }

  /** Fetch the feed again, bypassing the cache. Does nothing for `papers` given directly. */
  reload(): void {
    if (this.papers != null || !this.requestUrl) return;
    this.#feed.reload();
  }

  /** The URL fetched: `src`, with the chosen Hugging Face period applied. Undefined when nothing should be fetched yet. */
  private get requestUrl(): string | undefined {
    if (this.papers != null || !this.src || this.#refresh.waiting || this.view === 'saved') return undefined;
    return this.#period.url(this.src);
  }

  private get text(): PaperfeedListStrings { return listStrings(this.strings).list; }

  /** The list has a heading of its own: the `heading` attribute or the page's `header` content. */
  private get hasHeading(): boolean {
    return !!this.heading || this.#slots.has('header');
  }

  /** Each card's variant, and its heading level: one below the list's heading, or the list's level without one. */
  private get card(): { variant: string; level: number } {
    const level = this.hasHeading ? Math.min(this.headingLevel + 1, 6) : this.headingLevel;
    return { variant: this.layout === 'compact' ? 'compact' : 'full', level };
  }

  /** A Hugging Face feed (its URL, or papers read by the HF adapter): the sort menu offers `trending`. */
  private get hf(): boolean {
    return this.#period.show || this.#feed.all.some((paper) => paper.source === 'hf');
  }

  private onQueryInput = (event: Event): void => this.#announcer.typed((event.target as HTMLInputElement).value);
  private onSortChange = (event: Event): ListSort => (this.sort = (event.target as HTMLSelectElement).value as ListSort);
  private onRetry = (): void => this.#feed.retry();

  override render(): TemplateResult {
    const state = this.state;
    const feed = this.#feed;
    return html`
      ${this.renderHeader()} ${this.renderPeriods()} ${this.renderToolbar()} ${this.#reader.toolbar()}
      <div role="status" part="status" class="visually-hidden">${this.#reader.status(this.#announcer.text(), this.locale)}</div>
      ${this.renderStaleError()}
      ${state === 'error' || (feed.retrying && !feed.all.length)
        ? this.renderError()
        : state === 'empty'
          ? this.renderEmpty()
          : this.renderList(state)}
      <slot name="footer"></slot>
    `;
  }

  private renderHeader(): TemplateResult {
    return headerBox(this.hasHeading, this.headingLevel, this.heading);
  }

  private renderPeriods(): TemplateResult | typeof nothing {
    if (this.papers != null || !this.#period.show) return nothing;
    return controlsBox(this.#reserve.controls, () => periodBar(this.#period, this.text, this.locale));
  }

  private renderToolbar(): TemplateResult | typeof nothing {
    if (this.noToolbar) return nothing;
    return controlsBox(this.#reserve.controls, () => toolbar(this.query, this.sort, this.text, this.onQueryInput, this.onSortChange, this.hf));
  }

  private renderEmpty(): TemplateResult {
    return emptyBox(emptyText(this.query, this.text, this.#reader.emptyText(this.text.empty)));
  }

  private renderError(): TemplateResult {
    return errorBox(this.#feed.error, this.#feed.retrying, this.text, this.onRetry);
  }

  private renderStaleError(): TemplateResult | typeof nothing {
    const busy = this.#feed.retryingKept;
    const error = this.#feed.staleError ?? (busy ? this.#feed.error : undefined);
    return error ? staleNote(error, busy, this.text, this.onRetry) : nothing;
  }

  private renderList(state: ListState): TemplateResult {
    const busy = state === 'loading';
    const papers = this.#feed.visible;
    const card = this.card;
    const loading = busy && papers.length === 0;
    // The cards of the first screen together (nothing in view moves), the rest a few per task; while
    // skeletons are on screen, the first cards render hidden behind them (see PaceController).
    const behind = !loading && !isServer && !!this.renderRoot?.querySelector?.('.skeletons');
    const count = loading ? 0 : this.#pace.count(papers, Math.min(this.#feed.visibleCount, papers.length), this.#reserve.eager, behind);
    const staging = !loading && this.#pace.staging;
    const reader = this.#reader;
    const options = { ...card, theme: this.theme, aiSummary: this.aiSummary, cite: this.cite, save: reader.save, math: this.math };
    // One template in every state, so the skeletons stay the same elements while cards stage.
    return html`${loading || staging ? skeletons(this.#reserve.skeletons(this.limit), card.variant, card.level, this.theme) : nothing}${loading
      ? nothing
      : html`<ul part="list" class="list" aria-busy=${busy ? 'true' : 'false'} ?hidden=${staging}>
            ${cardItems(papers.slice(0, count), this.#reserve.eager, options, listStrings(this.strings).cards, (paper) => reader.isNew(paper))}
          </ul>
          ${staging ? nothing : this.renderMore(papers.length, state)}
          <div class="hold" aria-hidden="true"></div>`}`;
  }

  private renderMore(total: number, state: ListState): TemplateResult | typeof nothing {
    const feed = this.#feed;
    const more = total > feed.visibleCount || (feed.hasNext && this.papers == null && state === 'loaded');
    return more || feed.pageError ? moreBox(feed.pageError, feed.pageLoading, this.text, () => feed.loadMore()) : nothing;
  }
}
