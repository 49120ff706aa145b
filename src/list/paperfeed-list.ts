import { html, isServer, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CardStrings, PaperfeedCard } from '../card/paperfeed-card.js';
import type { LoadOptions } from '../feed/load.js';
import type { FeedFormat, Paper } from '../feed/paper.js';
import type { Period } from '../feed/hf-period.js';
import { PaperfeedElement } from '../internal/base.js';
import { heading, headingLevel } from '../internal/heading.js';
import { readEmbedded, type ListData } from '../internal/embedded.js';
import { hostStyles } from '../internal/host.styles.js';
import { normalize, oneOf, positive } from '../internal/normalize.js';
import { SlotController } from '../internal/slots.js';
import { fill } from '../internal/strings.js';
import { Announcer } from './controllers/announcer.js';
import { errorText, retryHelps } from './error-text.js';
import { FeedController, type ListState } from './controllers/feed.js';
import type { ListSort } from './controllers/filter.js';
import { PeriodController } from './controllers/period.js';
import { RefreshController } from './controllers/refresh.js';
import type { PaperfeedListEventMap, PaperfeedListListener } from './events.js';
import { periodBar } from './period-bar.js';
import { syncToolbar, toolbar } from './toolbar.js';
import { listStrings, type PaperfeedListStrings } from './strings.js';
import { styles } from './paperfeed-list.styles.js';

export type { PaperfeedListStrings } from './strings.js';
export type { ListState } from './controllers/feed.js';
export type { ListSort } from './controllers/filter.js';
export * from './events.js';
export type ListLayout = 'list' | 'grid' | 'compact';
export type PaperTransform = NonNullable<LoadOptions['transform']>;

// Typed listeners, the way lib.dom types HTMLMediaElement's: merged into the class below.
export interface PaperfeedList {
  addEventListener<K extends keyof PaperfeedListEventMap>(type: K, listener: PaperfeedListListener<PaperfeedList, K>, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof PaperfeedListEventMap>(type: K, listener: PaperfeedListListener<PaperfeedList, K>, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

const FORMATS: readonly FeedFormat[] = ['auto', 'hf', 'jsonfeed', 'rss', 'atom'];
const LAYOUTS: readonly ListLayout[] = ['list', 'grid', 'compact'];
const SORTS: readonly ListSort[] = ['feed', 'trending', 'date', 'upvotes'];
const DEFAULT_LIMIT = 30;
const DEFAULT_HEADING_LEVEL = 2;
/**
 * Skeleton cards while loading: as many as fit in one screen from the list's top (measured on the
 * first loading render, before it paints), never more than this or than `limit`. Also the number of
 * first cards laid out eagerly before the list has measured (server rendering).
 */
const MAX_SKELETONS = 6;
/** The card parts a page can style through the list, as `card-<part>`. */
const CARD_PARTS =
  'card, title: card-title, authors: card-authors, summary: card-summary, meta: card-meta, links: card-links, thumbnail: card-thumbnail, tags: card-tags, toggle: card-toggle';

const numberAttribute = { fromAttribute: (value: string | null) => (value === null ? undefined : Number(value)) };

/**
 * A feed of research papers (Hugging Face daily papers, arXiv, JSON Feed, RSS, Atom) rendered as a
 * list of `<paperfeed-card>`s, with search, sort, paging and, for Hugging Face, day / week / month views.
 * A big Hugging Face feed shows its first page while the rest is still arriving, in feed order and
 * without a search (a sorted or searched list waits for the whole feed); the list stays `aria-busy`
 * with state `loading` until the whole feed is in, and `load` fires then.
 *
 * Behaviour lives in controllers (`./controllers/`): the fetch state (`FeedController`), the Hugging
 * Face periods (`PeriodController`), `refresh` and `lazy` (`RefreshController`), the status region
 * and focus (`Announcer`), search and sort (`filter.ts`). The element keeps properties and rendering.
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
  @property({ attribute: false }) strings: Partial<PaperfeedListStrings & CardStrings> = {};

  /** Skeletons that fit in a screen from the list's top; undefined until measured. */
  @state() private fold?: number;
  /** Papers were shown at least once: until then an empty or failed list hides its toolbar and period bar. */
  #everLoaded = false;
  #measuring = false;
  /** The skeletons' block size when papers replaced them; the room a shorter result keeps for a while. */
  #reserved?: number;
  #holdObserver?: IntersectionObserver;

  readonly #slots = new SlotController(this, 'header', 'empty');
  readonly #period = new PeriodController(this);
  readonly #refresh = new RefreshController(this, () => {
    // A page set up wrongly (kind `config`) stays wrong: asking again would only log it again.
    if (!this.#feed.misconfigured) this.reload();
  });
  readonly #feed: FeedController = new FeedController(this, {
    url: () => this.requestUrl,
    given: () => this.papers,
    base: () => this.#period.base,
    locale: () => this.locale,
    revealed: (index) => this.#announcer.focusItem(index),
  });
  readonly #announcer: Announcer = new Announcer(this, this.#feed, () => ({
    state: this.state,
    url: this.requestUrl,
    strings: this.text,
    locale: this.locale,
    empty: this.#slots.text('empty') || this.emptyText,
  }));

  /**
   * The server's render of this list (src/ssr binds it; hydration reads it from the embedded JSON).
   * @internal
   */
  set serverData(data: ListData | undefined) {
    this.#feed.serverData = data;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Before the first render, so hydration writes what the server wrote and fetches nothing while fresh.
    if (!isServer && !this.hasUpdated) this.#feed.serverData ??= readEmbedded(this);
    // Measured again on the next loading render: the page around the list may have changed.
    this.fold = undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#releaseHold();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // The skeletons about to be replaced: their size, read before this render removes them. Only
    // in a browser (no layout on the server), and only when papers take their place.
    if (isServer) return;
    const skeletons = this.renderRoot?.querySelector?.('.skeletons');
    if (skeletons && this.#feed.visible.length) this.#reserved = skeletons.getBoundingClientRect().height;
    if (changed.has('query') || changed.has('sort') || changed.has('limit') || changed.has('src')) this.#releaseHold();
  }

  protected override updated(): void {
    const state = this.state;
    void this.#hold(state);
    if (this.getAttribute('state') !== state) this.setAttribute('state', state);
    if (this.#feed.all.length) this.#everLoaded = true;
    syncToolbar(this.renderRoot, this.query, this.sort, this.hf);
    void this.measureFold();
  }

  /**
   * A feed shorter than its skeletons (a query answered by one paper, a feed of two) would pull the
   * page's text below up as it arrives: that text is often on screen (bench/cls.mjs measured 0.07 to
   * 0.34 for the real arXiv answers of one and two papers). The room the skeletons took stays as a
   * blank spacer after the list until none of it is in view; then it goes, and what moves is out of
   * sight (above the viewport, scroll anchoring keeps the reader's place). Never for an empty or
   * failed feed: those show a compact box at once, and that shift is measured and documented.
   */
  async #hold(state: ListState): Promise<void> {
    const reserved = this.#reserved;
    this.#reserved = undefined;
    if (reserved === undefined || state === 'empty' || state === 'error' || typeof IntersectionObserver === 'undefined') return;
    const list = this.renderRoot.querySelector<HTMLElement>('ul.list:not(.skeletons)');
    const spacer = this.renderRoot.querySelector<HTMLElement>('.hold');
    if (!list || !spacer) return;
    // The cards render in their own updates, microtasks later: measure them then (still before the paint).
    await Promise.all([...list.querySelectorAll<PaperfeedCard>('paperfeed-card')].map((card) => card.updateComplete));
    if (!list.isConnected) return;
    const more = this.renderRoot.querySelector<HTMLElement>('.more:not(.stale)');
    const bottom = (more ?? list).getBoundingClientRect().bottom;
    const missing = reserved - (bottom - list.getBoundingClientRect().top);
    if (missing < 1) return;
    this.#releaseHold();
    // CSSOM, not a style attribute: allowed under a strict CSP (test/csp).
    spacer.style.blockSize = `${missing}px`;
    this.#holdObserver = new IntersectionObserver((entries) => {
      if (entries.some((entry) => !entry.isIntersecting)) this.#releaseHold();
    });
    this.#holdObserver.observe(spacer);
  }

  #releaseHold(): void {
    this.#holdObserver?.disconnect();
    this.#holdObserver = undefined;
    this.renderRoot?.querySelector?.<HTMLElement>('.hold')?.style.removeProperty('block-size');
  }

  /**
   * While the first skeletons are on screen (before they paint: Lit's next update runs in the same
   * task), keep only those that fit in a screen from the list's top. More would only make the page
   * taller while loading; cards beyond them arrive below the fold, where a shift is not seen, and lay
   * out lazily (`content-visibility: auto`).
   */
  private async measureFold(): Promise<void> {
    if (isServer || this.fold !== undefined || this.#measuring) return;
    const skeletons = [...this.renderRoot.querySelectorAll<HTMLElement>('.skeletons > li')];
    if (!skeletons.length) return;
    // The skeleton cards render in their own update, a microtask later: still before the paint.
    this.#measuring = true;
    await Promise.all(skeletons.map((li) => (li.firstElementChild as PaperfeedCard | null)?.updateComplete));
    this.#measuring = false;
    if (this.fold !== undefined || !skeletons[0].isConnected) return;
    const top = skeletons[0].getBoundingClientRect().top;
    const screen = window.innerHeight;
    const fit = skeletons.filter((li) => li.getBoundingClientRect().top - top < screen).length;
    this.fold = Math.max(1, fit);
  }

  /** What the list shows now: `loading`, `loaded`, `empty` or `error` (also reflected as the `state` attribute). */
  get state(): ListState {
    return this.papers == null && !this.src ? (this.#feed.visible.length ? 'loaded' : 'empty') : this.#feed.state;
  }

  /** Fetch the feed again, bypassing the cache. Does nothing for `papers` given directly. */
  reload(): void {
    if (this.papers != null || !this.requestUrl) return;
    this.#feed.reload();
  }

  /** The URL fetched: `src`, with the chosen Hugging Face period applied. Undefined when nothing should be fetched yet. */
  private get requestUrl(): string | undefined {
    if (this.papers != null || !this.src || this.#refresh.waiting) return undefined;
    return this.#period.url(this.src);
  }

  private get text(): PaperfeedListStrings {
    return listStrings(this.strings).list;
  }

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

  /**
   * `none`: nothing was ever shown and the list is empty or failed: no search or sort over nothing.
   * `reserved`: the first load runs; the controls keep their room (hidden, inert) so the cards
   * arriving do not push the page. `shown` otherwise.
   */
  private get controls(): 'none' | 'reserved' | 'shown' {
    if (this.#everLoaded || this.#feed.all.length) return 'shown';
    const state = this.state;
    return state === 'loading' && !this.#feed.retrying ? 'reserved' : 'none';
  }

  private onQueryInput = (event: Event): void => this.#announcer.typed((event.target as HTMLInputElement).value);

  private onSortChange = (event: Event): ListSort => (this.sort = (event.target as HTMLSelectElement).value as ListSort);

  override render(): TemplateResult {
    const state = this.state;
    const feed = this.#feed;
    return html`
      ${this.renderHeader()} ${this.renderPeriods()} ${this.renderToolbar()}
      <div role="status" part="status" class="visually-hidden">${this.#announcer.text()}</div>
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
    // Room under the header only when there is one: a heading, or the page's own `header` content.
    const filled = this.hasHeading;
    return html`<div part="header" class="header" ?hidden=${!filled}>
      <slot name="header">${this.heading ? heading(this.headingLevel, 'heading', this.heading) : nothing}</slot>
    </div>`;
  }

  private renderPeriods(): TemplateResult | typeof nothing {
    const controls = this.controls;
    if (this.papers != null || !this.#period.show || controls === 'none') return nothing;
    return html`<div class="controls ${controls}" ?inert=${controls === 'reserved'}>${periodBar(this.#period, this.text, this.locale)}</div>`;
  }

  private renderToolbar(): TemplateResult | typeof nothing {
    const controls = this.controls;
    if (this.noToolbar || controls === 'none') return nothing;
    return html`<div class="controls ${controls}" ?inert=${controls === 'reserved'}>
      ${toolbar(this.query, this.sort, this.text, this.onQueryInput, this.onSortChange, this.hf)}
    </div>`;
  }

  private get emptyText(): string {
    const query = (this.query ?? '').trim();
    return query ? fill(this.text.emptyQuery, { query }) : this.text.empty;
  }

  private renderEmpty(): TemplateResult {
    return html`<div part="empty" class="message empty" tabindex="-1">
      <div class="message-body"><slot name="empty">${this.emptyText}</slot></div>
    </div>`;
  }

  private renderError(): TemplateResult {
    const error = this.#feed.error;
    return html`<div part="error" class="message error">
      <div class="message-body">
        <slot name="error"><p class="error-text">${errorText(error, this.text)}</p></slot>
        ${retryHelps(error) ? this.renderRetry(this.#feed.retrying) : nothing}
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
      @click=${() => this.#feed.retry()}
    >
      ${this.text.retry}
    </button>`;
  }

  private renderSkeletons(): TemplateResult {
    const { variant, level } = this.card;
    const skeleton = () =>
      html`<li aria-hidden="true"><paperfeed-card part="item" variant=${variant} heading-level=${level} theme=${this.theme}></paperfeed-card></li>`;
    const count = Math.min(this.limit, this.fold ?? MAX_SKELETONS);
    return html`<slot name="loading"><ul part="list" class="list skeletons" aria-busy="true">
      ${Array.from({ length: count }, skeleton)}
    </ul></slot>`;
  }

  private renderStaleError(): TemplateResult | typeof nothing {
    const busy = this.#feed.retryingKept;
    const error = this.#feed.staleError ?? (busy ? this.#feed.error : undefined);
    if (!error) return nothing;
    return html`<div part="error" class="more stale">
      <p class="error-text">${errorText(error, this.text)}</p>
      ${this.renderRetry(busy)}
    </div>`;
  }

  private renderList(state: ListState): TemplateResult {
    const busy = state === 'loading';
    const papers = this.#feed.visible;
    if (busy && papers.length === 0) return this.renderSkeletons();
    const card = this.card;
    const cardStrings = listStrings(this.strings).cards;
    // Cards past the skeletons that fit in a screen skip layout and paint until scrolled near
    // (class `later`: content-visibility, see the styles).
    const eager = this.fold ?? MAX_SKELETONS;
    // Each card sets its own color-scheme, so the list's theme must reach it explicitly.
    return html`<ul part="list" class="list" aria-busy=${busy ? 'true' : 'false'}>
        ${papers.slice(0, this.#feed.visibleCount).map(
          (paper, i) =>
            html`<li tabindex="-1" class=${i < eager ? '' : 'later'}>
              <paperfeed-card
                part="item"
                exportparts=${CARD_PARTS}
                variant=${card.variant}
                heading-level=${card.level}
                theme=${this.theme}
                ?ai-summary=${this.aiSummary}
                .paper=${paper}
                .strings=${cardStrings}
              ></paperfeed-card>
            </li>`,
        )}
      </ul>
      ${this.renderMore(papers.length, state)}
      <div class="hold" aria-hidden="true"></div>`;
  }

  private renderMore(total: number, state: ListState): TemplateResult | typeof nothing {
    const feed = this.#feed;
    const more = total > feed.visibleCount || (feed.hasNext && this.papers == null && state === 'loaded');
    const { pageError, pageLoading } = feed;
    if (!more && !pageError) return nothing;
    return html`<div class="more">
      ${pageError ? html`<p class="error-text">${errorText(pageError, this.text)}</p>` : nothing}
      <button
        type="button"
        part="button load-more"
        aria-busy=${pageLoading ? 'true' : 'false'}
        aria-disabled=${pageLoading ? 'true' : 'false'}
        @click=${() => feed.loadMore()}
      >
        ${pageError ? this.text.retry : this.text.loadMore}
      </button>
    </div>`;
  }
}
