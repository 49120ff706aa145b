// Hugging Face's daily-papers API (https://huggingface.co/api/daily_papers) answers for one day
// (`date=2026-11-27`), one ISO week (`week=2026-W48`) or one month (`month=2026-11`), the same three
// views as the Daily Papers page. These are pure calendar functions over `YYYY-MM-DD` strings, done
// in UTC so a user's time zone never moves a date by one; display (Intl) lives in the elements.

/** The length of time one HF daily-papers request covers. */
export type Period = 'day' | 'week' | 'month';

export const PERIODS: readonly Period[] = ['day', 'week', 'month'];

/** A period and any calendar day inside it (`YYYY-MM-DD`). */
export interface PeriodRef {
  period: Period;
  anchor: string;
}

/** The calendar numbers a label is written from. `week`/`weekYear` are ISO 8601 (weeks start Monday). */
export interface PeriodParts {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  week: number;
  weekYear: number;
}

const DAY_MS = 86_400_000;
const PERIOD_PARAMS = ['date', 'week', 'month'] as const;
const HF_HOSTS = new Set(['huggingface.co', 'www.huggingface.co', 'hf.co']);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function toIso(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** A `YYYY-MM-DD` string as a UTC midnight Date, or undefined for anything that is not a real day. */
function parseDay(value: string): Date | undefined {
  // A date-only ISO string is read as UTC midnight; 2026-02-30 rolls over to March, other shapes
  // are invalid or read otherwise: only a real day written `YYYY-MM-DD` comes back unchanged.
  // Years 0100-9999 only: Date.UTC (months, weeks) reads 0-99 as 1900-1999, so `month=0050-03`
  // would ask for 1950-03, and year 0 steps back to year -1, which no `YYYY` can write.
  const date = new Date(value);
  return value.length === 10 && value >= '0100' && toIso(date) === value ? date : undefined;
}

/** `parseDay`, for an anchor that must be a day (a programmer error otherwise). */
function dayOf(anchor: string): Date {
  const date = parseDay(anchor);
  if (!date) throw new RangeError(`[paperfeed] "${anchor}" is not a YYYY-MM-DD date.`);
  return date;
}

/** True for a valid calendar day written `YYYY-MM-DD`. */
export const isIsoDay = (value: unknown): value is string => typeof value === 'string' && !!parseDay(value);

/**
 * Hugging Face's "today" as `YYYY-MM-DD`: the UTC day of `now`. HF files papers under UTC days, so
 * the reader's own calendar day would ask Tokyo's morning for a day with no papers yet, and would
 * keep Los Angeles' evening from stepping to the newest one.
 */
export const todayIso = (now: Date = new Date()): string => toIso(now);

/** True when `url` is Hugging Face's daily-papers endpoint, with or without query parameters. */
export function isHfDailyPapersUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    const parsed = new URL(url);
    return (
      (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
      HF_HOSTS.has(parsed.hostname) &&
      /^\/api\/daily_papers\/?$/.test(parsed.pathname)
    );
  } catch {
    return false;
  }
}

/** Monday of the ISO week containing `date` (UTC). */
function mondayOf(date: Date): Date {
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(date.getTime() - weekday * DAY_MS);
}

/** ISO 8601 week number and week-numbering year of a day (2026-12-31 is in 2026-W53; 2027-01-01 too). */
export function isoWeek(anchor: string): { weekYear: number; week: number } {
  const date = dayOf(anchor);
  // The Thursday of this week decides which year the week belongs to.
  const thursday = new Date(mondayOf(date).getTime() + 3 * DAY_MS);
  const weekYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / (7 * DAY_MS)) + 1;
  return { weekYear, week };
}

/** Monday (`YYYY-MM-DD`) of ISO week `week` of `weekYear`. */
function isoWeekMonday(weekYear: number, week: number): string {
  const jan4 = new Date(Date.UTC(weekYear, 0, 4)); // always in week 1
  return toIso(new Date(mondayOf(jan4).getTime() + (week - 1) * 7 * DAY_MS));
}

/** The first day of the period (the day itself, the Monday, or the 1st of the month). */
export function periodStart(ref: PeriodRef): string {
  const date = dayOf(ref.anchor);
  if (ref.period === 'week') return toIso(mondayOf(date));
  if (ref.period === 'month') return toIso(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)));
  return toIso(date);
}

/** The API parameter for a period: `['date', '2026-11-27']`, `['week', '2026-W48']` or `['month', '2026-11']`. */
export function periodParam(ref: PeriodRef): [name: 'date' | 'week' | 'month', value: string] {
  const start = periodStart(ref);
  if (ref.period === 'week') {
    const { weekYear, week } = isoWeek(start);
    return ['week', `${pad(weekYear, 4)}-W${pad(week)}`];
  }
  if (ref.period === 'month') return ['month', start.slice(0, 7)];
  return ['date', start];
}

/**
 * `src` with its period replaced by `ref`: any `date`/`week`/`month` and the page number `p` are
 * dropped (a new period starts on its first page), other parameters such as `limit` are kept.
 */
export function periodUrl(src: string, ref: PeriodRef): string {
  const url = new URL(src);
  for (const name of [...PERIOD_PARAMS, 'p']) url.searchParams.delete(name);
  const [name, value] = periodParam(ref);
  url.searchParams.set(name, value);
  return url.href;
}

/** The period a URL asks for, read from its `date`, `week` or `month` parameter; undefined when it names none (or junk). */
export function readPeriod(src: string): PeriodRef | undefined {
  let params: URLSearchParams;
  try {
    params = new URL(src).searchParams;
  } catch {
    return undefined;
  }
  const date = params.get('date');
  if (date && isIsoDay(date)) return { period: 'day', anchor: date };
  const week = /^(\d{4})-W(\d{1,2})$/.exec(params.get('week') ?? '');
  if (week) {
    const [weekYear, number] = [Number(week[1]), Number(week[2])];
    if (number >= 1 && number <= 53) {
      const monday = isoWeekMonday(weekYear, number);
      // W53 exists only in long years; a week that does not exist rolls into the next year: refuse it.
      if (isoWeek(monday).weekYear === weekYear) return { period: 'week', anchor: monday };
    }
  }
  const month = /^(\d{4})-(\d{2})$/.exec(params.get('month') ?? '');
  if (month && isIsoDay(`${month[1]}-${month[2]}-01`)) return { period: 'month', anchor: `${month[1]}-${month[2]}-01` };
  return undefined;
}

/** The period `steps` periods away: -1 is the previous day/week/month, 1 the next. The anchor is the new period's first day. */
export function shiftPeriod(ref: PeriodRef, steps: number): PeriodRef {
  const start = dayOf(periodStart(ref));
  let next: Date;
  if (ref.period === 'month') next = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + steps, 1));
  else next = new Date(start.getTime() + steps * (ref.period === 'week' ? 7 : 1) * DAY_MS);
  return { period: ref.period, anchor: toIso(next) };
}

/** True when the period starts after `today` (HF's, a UTC day): there is nothing to show there yet. */
export function isFuture(ref: PeriodRef, today: string = todayIso()): boolean {
  return periodStart(ref) > today;
}

/** Calendar numbers of the period's first day, for a label such as "Week 48, 2026". */
export function periodParts(ref: PeriodRef): PeriodParts {
  const start = periodStart(ref);
  const [year, month, day] = start.split('-').map(Number);
  return { year, month, day, ...isoWeek(start) };
}

/** The first day of the period as a UTC Date, for `Intl.DateTimeFormat(..., { timeZone: 'UTC' })`. */
export function periodDate(ref: PeriodRef): Date {
  return dayOf(periodStart(ref));
}
