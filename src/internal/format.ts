import { fixedDates, now } from './clock.js';

// Intl constructors are slow (they load locale data), and a feed renders dozens of cards with the
// same language, so every formatter is built once per language and option set and shared
// (relative-time-element's `intl-cache.ts` does the same). Languages on one page are few; the cap
// only guards against a page that keeps inventing `lang` values.
const cache = new Map<string, unknown>();
const MAX_ENTRIES = 64;

/** The formatter `make` builds for `locale` (undefined: the browser's language, for a `lang` Intl rejects), built once per key and locale. */
export function cached<T>(key: string, make: (locale: string | undefined) => T, locale: string): T {
  const id = `${key}|${locale}`;
  let value = cache.get(id) as T | undefined;
  if (!value) {
    try {
      value = make(locale);
    } catch {
      // A `lang` Intl does not accept ("en_US", "klingon!") falls back to the browser's language.
      value = make(undefined);
    }
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(id, value);
  }
  return value;
}

const numberFormat = (locale: string) =>
  cached('number', (l) => new Intl.NumberFormat(l, { maximumFractionDigits: 0 }), locale);

/**
 * Builds the number and date formatters the cards use, for a list to call as its feed starts downloading:
 * the first Intl object on a page loads the locale data (45-55 ms in Chromium 156 here, 2026-11-27),
 * which otherwise lands in the task that renders the first cards.
 */
export function warmFormats(locale: string): void {
  // One formatter per task, both queued now: the first (ICU's set-up) alone took 23-32 ms here, and
  // an idle callback could wait past the first papers while a big feed streams in (issue 18: it then
  // ran inside the first cards' render).
  setTimeout(() => {
    formatNumber(0, locale);
    setTimeout(() => formatDate(new Date(0), locale));
  });
}

/** `1234` → "1,234" in English, "1 234" in French. */
export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale).format(value);
}

/**
 * `1300` → "1.3k": the short form Hugging Face shows for stars. Intl writes "1.3K" in English; we
 * lower-case the thousands mark there only, to match the page readers know ("2.5M" stays).
 * Other languages keep Intl's form ("1,3 k" in French).
 */
export function formatCompact(value: number, locale: string): string {
  const text = cached(
    'compact',
    (l) => new Intl.NumberFormat(l, { notation: 'compact', maximumFractionDigits: 1 }),
    locale,
  ).format(value);
  return /^en\b/i.test(locale) ? text.replace(/K$/, 'k') : text;
}

/** Chooses the `one` or `other` template for `n` by the language's plural rules. */
export function plural(n: number, locale: string, one: string, other: string): string {
  return pluralCategory(n, locale) === 'one' ? one : other;
}

/** `Intl.PluralRules` category of `n` in `locale`: `zero`, `one`, `two`, `few`, `many` or `other`. */
export function pluralCategory(n: number, locale: string): Intl.LDMLPluralRule {
  return cached('plural', (l) => new Intl.PluralRules(l), locale).select(n);
}

/**
 * A UI text that may depend on a count: a plain template (`'{n} upvotes'`, the same for every
 * count) or one template per `Intl.PluralRules` category, `other` required
 * (`{ one: '{n} upvote', other: '{n} upvotes' }`; Polish adds `few` and `many`, Arabic `zero` and `two`).
 */
export type PluralText = string | ({ other: string } & Partial<Record<Intl.LDMLPluralRule, string>>);

/** True for a value a page may pass as a `PluralText` (strings may come from JSON the page did not write). */
export function isPluralText(value: unknown): value is PluralText {
  if (typeof value === 'string') return true;
  if (!value || typeof value !== 'object' || typeof (value as { other?: unknown }).other !== 'string') return false;
  return Object.values(value).every((v) => typeof v === 'string');
}

/** The template of `text` for the count `n` in `locale`: its category's, else `other`. */
export function pluralTemplate(text: PluralText, n: number, locale: string): string {
  if (typeof text === 'string') return text;
  const chosen = text[pluralCategory(n, locale)];
  return typeof chosen === 'string' ? chosen : text.other;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Dates closer than this to now are written relatively ("3 days ago"), as on Hugging Face. */
export const RELATIVE_LIMIT = 7 * DAY;

/** Parses an ISO date string; `undefined` for an empty or invalid one, or one longer than any date (issue 18). */
export function parseDate(value: string | undefined): Date | undefined {
  if (!value || typeof value !== 'string' || value.length > 100) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

// Feeds that only know the day (HF's `publishedAt` is midnight UTC) would show the day before in
// any time zone west of Greenwich; formatting such instants in UTC keeps the day the feed meant.
const isMidnightUtc = (date: Date) =>
  date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 && date.getUTCMilliseconds() === 0;

/** "Oct 28, 2024" in English, "28 oct. 2024" in French. */
export function formatDate(date: Date, locale: string): string {
  const utc = fixedDates() || isMidnightUtc(date);
  return cached(
    utc ? 'date-utc' : 'date',
    (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', ...(utc ? { timeZone: 'UTC' } : {}) }),
    locale,
  ).format(date);
}

/** The full date and time, for a tooltip. */
export function formatDateTime(date: Date, locale: string): string {
  // Server-rendered text names its zone: it is read wherever the page is opened (clock.ts).
  if (fixedDates()) {
    return cached('datetime-fixed', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'full', timeStyle: 'long', timeZone: 'UTC' }), locale).format(date);
  }
  const utc = isMidnightUtc(date);
  return cached(
    utc ? 'datetime-utc' : 'datetime',
    (l) =>
      utc
        ? new Intl.DateTimeFormat(l, { dateStyle: 'full', timeZone: 'UTC' })
        : new Intl.DateTimeFormat(l, { dateStyle: 'full', timeStyle: 'short' }),
    locale,
  ).format(date);
}

/**
 * "3 days ago", "in 2 hours", "yesterday" when `date` is within a week of now (the clock in
 * `clock.ts`), else the date itself. `isRelative` tells the caller whether the text will go stale.
 */
export function formatWhen(date: Date, locale: string, at: number = now()): { text: string; isRelative: boolean } {
  const diff = date.getTime() - at;
  const distance = Math.abs(diff);
  if (distance >= RELATIVE_LIMIT || fixedDates()) return { text: formatDate(date, locale), isRelative: false };
  const rtf = cached('relative', (l) => new Intl.RelativeTimeFormat(l, { numeric: 'auto' }), locale);
  // Round towards zero so "23 hours 59 minutes" never reads as "in 1 day"/"1 day ago" too early.
  const whole = (unit: number) => Math.trunc(diff / unit);
  let text: string;
  if (distance < MINUTE) text = rtf.format(0, 'second');
  else if (distance < HOUR) text = rtf.format(whole(MINUTE), 'minute');
  else if (distance < DAY) text = rtf.format(whole(HOUR), 'hour');
  else text = rtf.format(whole(DAY), 'day');
  return { text, isRelative: true };
}
