/**
 * Why a feed could not be read. `config` is the page's mistake (a `src` that is not http(s), a `proxy`
 * without `{url}`); `too-large` a body over the byte cap (`maxBytes`, default 5 MB).
 */
export type FeedErrorKind = 'network' | 'timeout' | 'http' | 'parse' | 'shape' | 'abort' | 'config' | 'too-large';

export interface FeedErrorInit {
  status?: number;
  /** Seconds to wait, from a Retry-After header (delta-seconds or HTTP date). */
  retryAfter?: number;
  /** What the server's error body says, as plain text (arXiv's error entry, a JSON `message`). */
  reason?: string;
  url?: string;
  cause?: unknown;
}

/**
 * Every failure of the data layer is a FeedError. `message` is written for the person looking at
 * the page ("The feed answered 404 Not Found."), `kind` is for code that decides what to do next.
 */
export class FeedError extends Error {
  override name = 'FeedError';
  readonly kind: FeedErrorKind;
  readonly status?: number;
  readonly retryAfter?: number;
  /** What the server's error body says, as plain text; also at the end of `message`. */
  readonly reason?: string;
  readonly url?: string;

  constructor(kind: FeedErrorKind, message: string, init: FeedErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = kind;
    this.status = init.status;
    this.retryAfter = init.retryAfter;
    this.reason = init.reason;
    this.url = init.url;
  }
}

/** The error of a request its caller gave up on (an aborted signal, or a list that left the page). */
export const cancelled = (url?: string, cause?: unknown): FeedError =>
  new FeedError('abort', 'The request was cancelled.', { url, cause });

/**
 * The error of a page set up wrongly: `detail` is for the page's author, so it goes to the console;
 * the reader sees a neutral message.
 */
export function configError(detail: string, url?: string): FeedError {
  console.error(`[paperfeed] ${detail}`);
  return new FeedError('config', 'The feed is not set up correctly.', { url });
}

export const isAbort = (error: unknown): boolean =>
  (error instanceof FeedError && error.kind === 'abort') ||
  (error instanceof DOMException && error.name === 'AbortError');
