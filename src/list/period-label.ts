import { periodDate, periodParts, type PeriodRef } from '../feed/hf-period.js';
import { fill } from '../internal/strings.js';

// Intl formatters are costly to build and a page may hold many lists: keep one per locale and
// style (the same reason relative-time-element keeps an Intl cache).
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    } catch {
      // A junk `lang` ("xx-!!") must not break the element: fall back to the browser's language.
      format = new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' });
    }
    dateFormats.set(key, format);
  }
  return format;
}

/** A year or week number in the element's language, without grouping ("2026", not "2,026"). */
function plainNumber(value: number, locale: string): string {
  let format = numberFormats.get(locale);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, { useGrouping: false });
    } catch {
      format = new Intl.NumberFormat(undefined, { useGrouping: false });
    }
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

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
