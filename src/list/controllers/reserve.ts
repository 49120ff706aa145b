import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { PaperfeedCard } from '../../card/paperfeed-card.js';
import type { ListState } from './feed.js';

/**
 * Skeleton cards while loading: as many as fit in one screen from the list's top (measured on the
 * first loading render, before it paints), never more than this or than `limit`. Also the number of
 * first cards laid out eagerly before the list has measured (server rendering).
 */
export const MAX_SKELETONS = 6;

/** What the reserve reads of its element: its shadow root, the inputs that start a new list, and its feed. */
export interface ReserveHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  query: string;
  sort: string;
  limit: number;
  src?: string;
}

export interface ReserveOptions {
  /** What the list shows now. */
  state(): ListState;
  /** Papers available before paging (the loaded feed, or given papers). */
  all(): number;
  /** Papers after search and sort: when there are some, they replace the skeletons on this render. */
  visible(): number;
  /** A Retry of the URL shown runs (its error stays on screen). */
  retrying(): boolean;
}

/**
 * The room a list keeps on the page so that what it loads does not push the host page around:
 * how many skeletons fit in a screen (`fold`), the toolbar and period bar kept (hidden) while the
 * first load runs, and a blank spacer that holds the skeletons' height when a shorter result replaced
 * them, until none of it is in view. Registered before the feed controller, so it reads the
 * skeletons before the render that removes them.
 */
export class ReserveController implements ReactiveController {
  /** Skeletons that fit in a screen from the list's top; undefined until measured. */
  fold?: number;
  /** Papers were shown at least once: until then an empty or failed list hides its toolbar and period bar. */
  private everLoaded = false;
  private measuring = false;
  /** The skeletons' block size when papers replaced them; the room a shorter result keeps for a while. */
  private reserved?: number;
  private holdObserver?: IntersectionObserver;
  /** The skeletons' height the list holds while its spacer is in view. */
  private holding?: number;
  private inputs?: unknown[];

  constructor(
    private readonly host: ReserveHost,
    private readonly options: ReserveOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Measured again on the next loading render: the page around the list may have changed.
    if (this.fold === undefined) return;
    this.fold = undefined;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.release();
  }

  hostUpdate(): void {
    const { query, sort, limit, src } = this.host;
    const inputs = [query, sort, limit, src];
    const changed = this.inputs?.some((value, i) => value !== inputs[i]) ?? true;
    this.inputs = inputs;
    // The skeletons about to be replaced: their size, read before this render removes them. Only
    // in a browser (no layout on the server), and only when papers take their place.
    if (isServer) return;
    const skeletons = this.host.renderRoot?.querySelector?.('.skeletons');
    if (skeletons && this.options.visible()) this.reserved = skeletons.getBoundingClientRect().height;
    if (changed) this.release();
  }

  hostUpdated(): void {
    // Skeletons still on screen (the first cards render behind them): nothing has replaced them yet.
    if (this.reserved !== undefined && this.host.renderRoot.querySelector('.skeletons')) this.reserved = undefined;
    this.hold(this.options.state());
    if (this.options.all()) this.everLoaded = true;
    void this.measureFold();
  }

  /** Skeleton cards to show while loading. */
  skeletons(limit: number): number {
    return Math.min(limit, this.fold ?? MAX_SKELETONS);
  }

  /** Cards laid out at once; those after them skip layout until scrolled near (class `later`). */
  get eager(): number {
    return this.fold ?? MAX_SKELETONS;
  }

  /**
   * `none`: nothing was ever shown and the list is empty or failed: no search or sort over nothing.
   * `reserved`: the first load runs; the controls keep their room (hidden, inert) so the cards
   * arriving do not push the page. `shown` otherwise.
   */
  get controls(): 'none' | 'reserved' | 'shown' {
    if (this.everLoaded || this.options.all()) return 'shown';
    return this.options.state() === 'loading' && !this.options.retrying() ? 'reserved' : 'none';
  }

  /**
   * A feed shorter than its skeletons (a query answered by one paper, a feed of two) would pull the
   * page's text below up as it arrives: that text is often on screen (bench/cls.mjs measured 0.07 to
   * 0.34 for the real arXiv answers of one and two papers). The room the skeletons took stays as a
   * blank spacer after the list until none of it is in view; then it goes, and what moves is out of
   * sight (above the viewport, scroll anchoring keeps the reader's place). Never for an empty or
   * failed feed: those show a compact box at once, and that shift is measured and documented.
   */
  private hold(state: ListState): void {
    const reserved = this.reserved;
    this.reserved = undefined;
    if (reserved !== undefined) {
      this.release();
      if (state === 'empty' || state === 'error' || typeof IntersectionObserver === 'undefined') return;
      const spacer = this.host.renderRoot.querySelector<HTMLElement>('.hold');
      if (!spacer) return;
      this.holding = reserved;
      this.holdObserver = new IntersectionObserver((entries) => {
        if (entries.some((entry) => !entry.isIntersecting)) this.release();
      });
      this.holdObserver.observe(spacer);
    }
    if (this.holding !== undefined) void this.fit(this.holding);
  }

  /**
   * The spacer takes what the cards do not fill of the skeletons' height. Run after every render
   * while the list holds its room: the cards arrive a few per task (PaceController), and each
   * render's cards are measured before the paint that shows them, so nothing below moves.
   */
  private async fit(reserved: number): Promise<void> {
    const root = this.host.renderRoot;
    const list = root.querySelector<HTMLElement>('ul.list:not(.skeletons)');
    const spacer = root.querySelector<HTMLElement>('.hold');
    if (!list || !spacer) return this.release();
    // The cards render in their own updates, microtasks later; they are measured in the next
    // animation frame, still before it paints, with the layout that frame does anyway (forced in
    // the render's task it was 22-27 ms of a 50-58 ms task on a cold page).
    const frame = new Promise((resolve) => requestAnimationFrame(resolve));
    await Promise.all([...list.querySelectorAll<PaperfeedCard>('paperfeed-card')].map((card) => card.updateComplete));
    await frame;
    if (!list.isConnected || this.holding !== reserved) return;
    const more = root.querySelector<HTMLElement>('.more:not(.stale)');
    const missing = reserved - ((more ?? list).getBoundingClientRect().bottom - list.getBoundingClientRect().top);
    if (missing < 1) return this.release();
    // CSSOM, not a style attribute: allowed under a strict CSP (test/csp).
    spacer.style.blockSize = `${missing}px`;
  }

  private release(): void {
    this.holdObserver?.disconnect();
    this.holdObserver = this.holding = undefined;
    this.host.renderRoot?.querySelector?.<HTMLElement>('.hold')?.style.removeProperty('block-size');
  }

  /**
   * While the first skeletons are on screen (before they paint: measured in the next animation
   * frame, whose update runs before its paint), keep only those that fit in a screen from the
   * list's top. More would only make the page taller while loading; cards beyond them arrive below the fold, where a shift is not seen, and lay
   * out lazily (`content-visibility: auto`).
   */
  private async measureFold(): Promise<void> {
    if (isServer || this.fold !== undefined || this.measuring) return;
    const skeletons = [...this.host.renderRoot.querySelectorAll<HTMLElement>('.skeletons > li')];
    if (!skeletons.length) return;
    // The skeleton cards render in their own update, a microtask later: still before the paint.
    this.measuring = true;
    // Measured in the next frame's animation callback (asked for now, so it runs before any the
    // page asks for later), still before that frame paints: the layout it needs is the frame's own,
    // not one more in the task that defined and rendered the list (15-27 ms of a 67-92 ms task on a
    // cold page, bench/cold-list.mjs).
    const frame = new Promise((resolve) => requestAnimationFrame(resolve));
    await Promise.all(skeletons.map((li) => (li.firstElementChild as PaperfeedCard | null)?.updateComplete));
    await frame;
    this.measuring = false;
    if (this.fold !== undefined || !skeletons[0].isConnected) return;
    const top = skeletons[0].getBoundingClientRect().top;
    const screen = window.innerHeight;
    const fit = skeletons.filter((li) => li.getBoundingClientRect().top - top < screen).length;
    this.fold = Math.max(1, fit);
    this.host.requestUpdate();
  }
}
