import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';

/**
 * Milliseconds of card rendering the list does in one task. A page's task over 50 ms is a "long
 * task" (the reader's input waits for it); this leaves room for the layout that follows and for a
 * slower machine than the one the per-card estimate was taken on.
 */
export const CARD_BUDGET_MS = 16;

/** A card's cost, in ms, assumed before the list has timed one (the first cards also set up templates). */
const FIRST_ESTIMATE_MS = 12;

/** What the pace reads of its element: its shadow root, to wait for the cards a render added. */
export interface PaceHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

type Post = (callback: () => void) => void;
const scheduler = (globalThis as { scheduler?: { postTask?(callback: () => void, options?: object): Promise<unknown> } }).scheduler;
/** A new task after the current one (no 4 ms clamp after nested timeouts where `scheduler.postTask` exists). */
const nextTask: Post = scheduler?.postTask
  ? (callback) => void scheduler.postTask!(callback, { priority: 'user-visible' })
  : (callback) => void setTimeout(callback);

/**
 * How many cards the list renders now. Rendering a page of cards in one go took one task of 100 to
 * 240 ms (30 cards, each a shadow root with its formatted fields), which blocks the host page: the
 * pace renders the cards of the first screen, then the rest a few per task, as many as its measured
 * cost per card fits in `CARD_BUDGET_MS`, asking for the next few in a new task until the page is
 * complete. Cards past the first screen are below the fold (and skip layout until scrolled near).
 *
 * A new array of papers (a feed arriving, a search, a sort) never takes cards off the page: those
 * whose paper changed render again at once, and the budget left paces the new ones. Everything renders
 * at once on the server and in the first (hydrating) render after it, which must match the server's
 * markup. `pending` is the next step while one is due: the list's `updateComplete` waits for it, so
 * `load` and `loadend` go out once every card of the page is on screen.
 */
export class PaceController implements ReactiveController {
  /** The papers the last render drew its cards from, how many of them it drew, and how many it wanted. */
  private papers?: readonly unknown[];
  private shown = 0;
  private target = 0;
  private perCard = FIRST_ESTIMATE_MS;
  private step?: Promise<void>;
  /** When this update began and from which card on it renders new ones, to time them. */
  private timing?: { start: number; from: number };
  /**
   * The cards of this render are still hidden behind the skeletons (the list keeps showing those):
   * on a cold page the first screen of cards took one 72-130 ms task, most of it one-time set-up.
   */
  staging = false;

  constructor(
    private readonly host: PaceHost,
    /** All at once: the server's render, or the first render over it. */
    private readonly atOnce: () => boolean,
  ) {
    host.addController(this);
  }

  /** The next step of the page, while one is due. */
  get pending(): Promise<void> | undefined {
    return this.step;
  }

  hostUpdate(): void {
    // A render that shows no cards (skeletons, an error) leaves none to pace.
    this.target = 0;
    if (!isServer) this.timing = { start: performance.now(), from: this.shown };
  }

  /**
   * How many cards of `papers` to render now: at most `target`, and at least the `first` that fill
   * the first screen (shown together, so nothing in view moves as the rest arrive below it). With
   * `behindSkeletons` (the skeletons are on screen), those first cards are rendered a few per task
   * while hidden (`staging`), then shown at once.
   */
  count(papers: readonly unknown[], target: number, first = 0, behindSkeletons = false): number {
    this.target = target;
    this.staging = false;
    if (isServer || this.atOnce()) {
      this.papers = papers;
      return (this.shown = target);
    }
    // Cards already on the page stay (removing them would lose the reader's focus and place): those
    // whose paper changed render again in this update, and only new cards past them are paced.
    let same = this.shown;
    if (papers !== this.papers) {
      const before = this.papers ?? [];
      same = 0;
      while (same < this.shown && same < papers.length && before[same] === papers[same]) same++;
      this.papers = papers;
    }
    const kept = Math.min(this.shown, target);
    if (this.timing) this.timing.from = Math.min(same, kept);
    const room = Math.max(kept ? 0 : 1, this.fits() - (kept - Math.min(same, kept)));
    if (behindSkeletons) {
      // Skeletons on screen: the first screen's cards render hidden behind them, a few per task,
      // and replace them all in one render once they are all there.
      this.shown = Math.min(target, kept + room);
      this.staging = this.shown < Math.min(first, target);
    } else this.shown = Math.min(target, Math.max(kept + room, first));
    return this.shown;
  }


  hostUpdated(): void {
    const timing = this.timing;
    this.timing = undefined;
    if (!this.target) {
      this.papers = undefined;
      this.shown = 0;
    }
    if (!timing || this.step) return;
    const added = this.shown - timing.from;
    if (added <= 0 && this.shown >= this.target) return;
    this.step = (async () => {
      // The new cards render in their own updates, microtasks of this task: time them all.
      const cards = [...this.host.renderRoot.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('paperfeed-card')];
      await Promise.all(cards.map((card) => card.updateComplete));
      if (added > 0) this.perCard = Math.max(0.5, (performance.now() - timing.start) / added);
      if (this.shown < this.target) await new Promise<void>((resolve) => nextTask(resolve));
      this.step = undefined;
      if (this.shown < this.target) this.host.requestUpdate();
    })();
  }

  /** Cards that fit in one task's budget at the last measured cost per card; at least one. */
  private fits(): number {
    return Math.max(1, Math.floor(CARD_BUDGET_MS / this.perCard));
  }
}
