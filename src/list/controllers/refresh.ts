import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { positive } from '../../internal/normalize.js';

/** Shortest `refresh` period, in seconds: a list refreshes for every visitor of the page. */
export const MIN_REFRESH = 30;
/** Longest timer delay (ms) setInterval honours; a longer one would fire at once, every tick. */
const MAX_DELAY = 2 ** 31 - 1;
/** How near the viewport a `lazy` list starts fetching. */
const LAZY_MARGIN = '200px';

/** What the refresh controller reads from its element. */
export interface RefreshHost extends ReactiveControllerHost, Element {
  refresh?: number;
  lazy: boolean;
}

/**
 * When the list fetches on its own: `refresh` (one interval, paused while the tab is hidden) and
 * `lazy` (an IntersectionObserver with a margin holds the first fetch until the list is near the
 * viewport, as include-fragment does). Every timer, listener and observer is made in hostConnected
 * or later and undone in hostDisconnected, so nothing runs on a server or for a removed list.
 */
export class RefreshController implements ReactiveController {
  /** The list came near the viewport (stays true once it did). */
  near = false;
  private timer?: ReturnType<typeof setInterval>;
  private observer?: IntersectionObserver;
  private connected = false;
  /** The `refresh` the running timer was set for. */
  private seconds?: number;

  /**
   * @param tick A refresh is due: the element reloads, or skips it (a feed set up wrongly stays wrong).
   */
  constructor(
    private readonly host: RefreshHost,
    private readonly tick: () => void,
  ) {
    host.addController(this);
  }

  /** A `lazy` list has not come near the viewport yet: nothing is fetched. */
  get waiting(): boolean {
    return this.host.lazy && !this.near;
  }

  hostConnected(): void {
    // A server rendering with connectedCallback on has no tab, timers to keep or viewport.
    if (isServer) return;
    this.connected = true;
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    this.start();
    this.observe();
  }

  hostDisconnected(): void {
    if (isServer) return;
    this.connected = false;
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.stop();
    this.observer?.disconnect();
    this.observer = undefined;
  }

  hostUpdated(): void {
    if (!this.connected) return;
    if (positive(this.host.refresh) !== this.seconds) this.start();
    this.observe();
  }

  private start(): void {
    this.stop();
    const seconds = (this.seconds = positive(this.host.refresh));
    if (!seconds || !this.connected || document.hidden) return;
    // One interval per list; each tick is a cache-bypassing reload, skipped while the tab is hidden.
    this.timer = setInterval(
      () => document.hidden || this.tick(),
      Math.min(Math.max(seconds, MIN_REFRESH) * 1000, MAX_DELAY),
    );
  }

  private stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private onVisibilityChange = (): void => {
    if (document.hidden) this.stop();
    else this.start();
  };

  private observe(): void {
    if (!this.host.lazy || this.near || this.observer || !this.connected) return;
    if (typeof IntersectionObserver === 'undefined') {
      this.reach();
      return;
    }
    this.observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.observer?.disconnect();
        this.observer = undefined;
        this.reach();
      },
      { rootMargin: LAZY_MARGIN },
    );
    this.observer.observe(this.host);
  }

  private reach(): void {
    this.near = true;
    this.host.requestUpdate();
  }
}
