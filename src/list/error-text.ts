import type { FeedError } from '../feed/errors.js';
import { fill } from '../internal/strings.js';
import type { PaperfeedListStrings } from './strings.js';

/**
 * What a reader is told about a failed feed: one plain sentence in the list's language, chosen by
 * the error's `kind`. The data layer's own message is written for the page's author (it may say
 * "set the `proxy` option", with code in backticks): it stays on the `error` event's
 * `detail.error` and in the console, never in the box.
 */
export function errorText(error: FeedError, s: PaperfeedListStrings): string {
  switch (error.kind) {
    case 'http': {
      // The server's own words (arXiv: "incorrect id format for 1234") and how long it asked to
      // wait are for the reader too; the status line alone would lose them.
      let text = fill(s.errorHttp, { status: error.status ?? '?' });
      if (error.reason) text += ` ${fill(s.feedReason, { reason: error.reason })}`;
      if (error.retryAfter) text += ` ${fill(s.feedRetryAfter, { seconds: error.retryAfter })}`;
      return text;
    }
    case 'timeout':
      return s.errorTimeout;
    case 'config':
      return s.errorConfig;
    case 'parse':
    case 'shape':
      return s.errorFormat;
    case 'too-large':
      return s.errorTooLarge;
    default:
      return s.errorNetwork;
  }
}

/** Kinds a second try can fix: not a page set up wrongly, not a feed larger than the list reads. */
export const retryHelps = (error: FeedError): boolean => error.kind !== 'config' && error.kind !== 'too-large';
