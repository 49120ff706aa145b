// Typed events of <paperfeed-subscribe>: user outcomes, so they bubble and cross shadow roots
// (Web Awesome's `src/events/*.ts` pattern). Listen on the element or any ancestor.

const outcome = { bubbles: true, composed: true };

export interface SubscribeDetail {
  /** The address as typed, trimmed. */
  email: string;
}

/** Before anything is sent. Cancel it with `preventDefault()` to send the address yourself. */
export class PaperfeedSubscribeEvent extends Event {
  readonly detail: SubscribeDetail;
  constructor(detail: SubscribeDetail) {
    super('paperfeed-subscribe', { ...outcome, cancelable: true });
    this.detail = detail;
  }
}

export interface SubscribedDetail extends SubscribeDetail {
  /** The endpoint's answer (status 2xx). Its body has not been read. */
  response: Response;
}

/** The endpoint accepted the address. */
export class PaperfeedSubscribedEvent extends Event {
  readonly detail: SubscribedDetail;
  constructor(detail: SubscribedDetail) {
    super('paperfeed-subscribed', outcome);
    this.detail = detail;
  }
}

/** Why a subscription failed. `config` is a page mistake (no or unsafe `action`). */
export type SubscribeErrorKind = 'network' | 'timeout' | 'http' | 'config';

export class SubscribeError extends Error {
  override name = 'SubscribeError';
  readonly kind: SubscribeErrorKind;
  /** HTTP status for `http` errors. */
  readonly status?: number;
  constructor(kind: SubscribeErrorKind, message: string, init: { status?: number; cause?: unknown } = {}) {
    super(message, init);
    this.kind = kind;
    this.status = init.status;
  }
}

export interface SubscribeErrorDetail extends SubscribeDetail {
  /** What went wrong; `error.message` is the text shown to the person. */
  error: SubscribeError;
}

/** Sending failed: network, timeout, an HTTP error status, or a missing `action`. */
export class PaperfeedSubscribeErrorEvent extends Event {
  readonly detail: SubscribeErrorDetail;
  constructor(detail: SubscribeErrorDetail) {
    super('paperfeed-subscribe-error', outcome);
    this.detail = detail;
  }
}
