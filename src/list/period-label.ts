import { periodDate, periodParts, type PeriodRef } from '../feed/hf/period.js';
import { cached } from '../internal/format.js';
import { fill } from '../internal/strings.js';

// UTC: a period is a calendar day, week or month, not an instant in the reader's zone.
const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  cached(JSON.stringify(options), (l) => new Intl.DateTimeFormat(l, { ...options, timeZone: 'UTC' }), locale);

/** A year or week number in the element's language, without grouping ("2026", not "2,026"). */
const plainNumber = (value: number, locale: string) =>
  cached('plain', (l) => new Intl.NumberFormat(l, { useGrouping: false }), locale).format(value);

/**
 * A human label for a period in `locale`: "November 27, 2026", "Week 48, 2026", "November 2026".
 * Intl has no week style, so the week label is the `weekTemplate` string with localized numbers.
 */
export function periodLabel(ref: PeriodRef, locale: string, weekTemplate: string): string {
  if (ref.period === 'week') {
    const { week, weekYear } = periodParts(ref);
    return fill(weekTemplate, {
      week: plainNumber(week, locale),
      year: plainNumber(weekYear, locale),
    });
  }
  const options: Intl.DateTimeFormatOptions =
    ref.period === 'month' ? { year: 'numeric', month: 'long' } : { dateStyle: 'long' };
  return dateFormat(locale, options).format(periodDate(ref));
}
