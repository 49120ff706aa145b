import { isHfDailyPapersUrl, periodUrl, readPeriod, type PeriodRef } from './period.js';

// The Hugging Face request URLs an element asks for, built here so the list never edits a URL
// itself. `base` resolves a relative `src` (the page's base URL); without one (on a server) only an
// absolute `src` is understood. Every function takes any string and never throws.

function absolute(src: string | undefined, base: string | undefined): string | undefined {
  if (!src) return undefined;
  try {
    return new URL(src, base).href;
  } catch {
    return undefined;
  }
}

/** True when `src` is Hugging Face's daily-papers API, the source with day / week / month views. */
export function isHfDailyPapersSrc(src: string | undefined, base: string | undefined): boolean {
  return isHfDailyPapersUrl(absolute(src, base));
}

/** The period `src` itself asks for (`?date=`, `?week=`, `?month=`); undefined for the latest papers. */
export function hfSrcPeriod(src: string | undefined, base: string | undefined): PeriodRef | undefined {
  const url = absolute(src, base);
  return url ? readPeriod(url) : undefined;
}

/** The URL to fetch for `src` showing period `ref` (no period: `src` as written). */
export function hfRequestUrl(src: string, base: string | undefined, ref: PeriodRef | undefined): string {
  const url = ref && absolute(src, base);
  if (!url) return src;
  try {
    return periodUrl(url, ref);
  } catch {
    return src;
  }
}
