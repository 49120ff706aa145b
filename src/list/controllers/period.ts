import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import {
  PERIODS,
  isFuture,
  isIsoDay,
  shiftPeriod,
  todayIso,
  type Period,
  type PeriodRef,
} from '../../feed/hf/period.js';
import { hfRequestUrl, hfSrcPeriod, isHfDailyPapersSrc } from '../../feed/hf/urls.js';

/** What the period controller reads from its element. */
export interface PeriodHost extends ReactiveControllerHost {
  src?: string;
  date?: string;
  period?: Period;
  periods: boolean;
  noPeriods: boolean;
  readonly baseURI: string;
}

/**
 * The Hugging Face day / week / month view: whether the bar shows, which period is on screen (the
 * reader's choice, else the `period`/`date` attributes, else the one in `src`) and the URL that asks
 * for it. The page's base URL is read once connected, never while rendering (a server has none).
 */
export class PeriodController implements ReactiveController {
  /** The period the reader navigated to; undefined until they use the period bar. */
  private chosen?: PeriodRef;
  private inputs?: [string | undefined, string | undefined, Period | undefined];
  /** The page's base URL for a relative `src`; undefined until connected. */
  base?: string;

  constructor(private readonly host: PeriodHost) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!isServer) this.base = this.host.baseURI;
  }

  hostUpdate(): void {
    // A new `src`, `date` or `period` from the page replaces the reader's navigation.
    const { src, date, period } = this.host;
    const [s, d, p] = this.inputs ?? [src, date, period];
    if (src !== s || date !== d || period !== p) this.chosen = undefined;
    this.inputs = [src, date, period];
  }

  /** The bar shows: on a Hugging Face daily-papers `src`, or any `src` with `periods`, unless `no-periods`. */
  get show(): boolean {
    const { noPeriods, src, periods } = this.host;
    if (noPeriods || !src) return false;
    return periods || isHfDailyPapersSrc(src, this.base);
  }

  /** The period shown; undefined means "latest". */
  get current(): PeriodRef | undefined {
    if (this.chosen) return this.chosen;
    const date = isIsoDay(this.host.date) ? this.host.date : undefined;
    const period = PERIODS.includes(this.host.period as Period) ? this.host.period : undefined;
    if (period || date) return { period: period ?? 'day', anchor: date ?? todayIso() };
    return hfSrcPeriod(this.host.src, this.base);
  }

  /** `src` asking for the period shown. */
  url(src: string): string {
    return hfRequestUrl(src, this.base, this.show ? this.current : undefined);
  }

  /** Next is unavailable: the newest period is on screen (or "latest"). */
  get atNewest(): boolean {
    const current = this.current;
    return !current || isFuture(shiftPeriod(current, 1));
  }

  /** Switch to a day, week or month view around the period shown. */
  choose(period: Period): void {
    const current = this.current;
    if (current?.period === period) return;
    this.set({ period, anchor: current?.anchor ?? todayIso() });
  }

  /** Move `steps` periods back (negative) or forward. */
  step(steps: number): void {
    // From "latest" the previous period is yesterday: the newest day is at most today.
    this.set(shiftPeriod(this.current ?? { period: 'day', anchor: todayIso() }, steps));
  }

  private set(ref: PeriodRef): void {
    this.chosen = ref;
    this.host.requestUpdate();
  }
}
