// When the list fetches on its own (src/list/controllers/refresh.ts): the `refresh` interval, paused
// while the tab is hidden and gone once the host leaves the page, and `lazy`'s wait for the viewport.
// The host is a bare ReactiveElement: the controller needs nothing from the list.
import { expect, fixture, html } from '@open-wc/testing';
import { ReactiveElement } from 'lit';
import { RefreshController } from '../src/list/controllers/refresh.js';

class RefreshHost extends ReactiveElement {
  static override properties = { refresh: {}, lazy: { type: Boolean } };
  declare refresh?: number;
  declare lazy: boolean;
  ticks = 0;
  readonly controller = new RefreshController(this, () => this.ticks++);
  private reached?: () => void;
  /** Resolves once the host came near the viewport. */
  readonly near = new Promise<void>((resolve) => (this.reached = resolve));
  constructor() {
    super();
    this.lazy = false;
  }
  protected override updated(): void {
    if (this.lazy && !this.controller.waiting) this.reached?.();
  }
}
customElements.define('refresh-test-host', RefreshHost);

/** Records the intervals set and cleared while a test runs; a tick is a call of a callback. */
function spyIntervals() {
  const active = new Map<number, { delay: number; tick: () => void }>();
  const { setInterval: realSet, clearInterval: realClear } = window;
  window.setInterval = ((tick: () => void, delay: number) => {
    const id = realSet(() => {}, 2 ** 31 - 1);
    active.set(id, { delay, tick });
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id: number) => {
    active.delete(id);
    realClear(id);
  }) as typeof window.clearInterval;
  return {
    delays: () => [...active.values()].map((entry) => entry.delay),
    tickAll: () => [...active.values()].forEach((entry) => entry.tick()),
    restore: () => {
      active.forEach((_, id) => realClear(id));
      window.setInterval = realSet;
      window.clearInterval = realClear;
    },
  };
}

function setHidden(hidden: boolean | undefined): void {
  if (hidden === undefined) delete (document as { hidden?: boolean }).hidden;
  else Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('RefreshController', () => {
  let intervals: ReturnType<typeof spyIntervals>;
  beforeEach(() => (intervals = spyIntervals()));
  afterEach(() => {
    intervals.restore();
    setHidden(undefined);
  });

  it('sets one interval of at least 30 s while connected, and none once removed', async () => {
    const el = await fixture<RefreshHost>(html`<refresh-test-host .refresh=${5}></refresh-test-host>`);
    expect(intervals.delays()).to.deep.equal([30_000]);
    intervals.tickAll();
    expect(el.ticks).to.equal(1);
    el.refresh = 90;
    await el.updateComplete;
    expect(intervals.delays()).to.deep.equal([90_000]);
    el.remove();
    expect(intervals.delays()).to.deep.equal([]);
  });

  it('pauses while the tab is hidden and starts again when it shows', async () => {
    await fixture<RefreshHost>(html`<refresh-test-host .refresh=${60}></refresh-test-host>`);
    setHidden(true);
    expect(intervals.delays()).to.deep.equal([]);
    setHidden(false);
    expect(intervals.delays()).to.deep.equal([60_000]);
  });

  it('lazy: waits while the host is far below the viewport, and stops waiting once it comes near', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <div style="height: 300vh"></div>
      <refresh-test-host lazy></refresh-test-host>
    </div>`);
    const el = wrapper.querySelector<RefreshHost>('refresh-test-host')!;
    await el.updateComplete;
    // An IntersectionObserver answers once a frame has been drawn.
    await new Promise(requestAnimationFrame);
    await new Promise(requestAnimationFrame);
    expect(el.controller.waiting).to.equal(true);
    el.scrollIntoView();
    await el.near;
    expect(el.controller.waiting).to.equal(false);
  });

  it('a host that is not lazy never waits', async () => {
    const el = await fixture<RefreshHost>(html`<refresh-test-host></refresh-test-host>`);
    expect(el.controller.waiting).to.equal(false);
  });
});
