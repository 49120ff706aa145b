import type { FeedError } from '../feed/errors.js';
import type { Paper, SourceFormat } from '../feed/paper.js';

// Typed events of <paperfeed-list>. Its fetch lifecycle uses the native names and order of <img>
// and include-fragment (`loadstart` → `load` | `error` → `loadend`), so these events do not bubble.
// `load` and `error` are typed Event subclasses with a `detail` (as a CustomEvent had), so a listener
// reading `event.detail.papers` or `event.detail.error` keeps working.

/** `detail` of the `load` event. */
export interface ListLoadDetail {
  /** Every paper loaded so far (the feed and the pages "Load more" added). */
  papers: Paper[];
  format: SourceFormat;
}

/** `detail` of the `error` event. */
export interface ListErrorDetail {
  error: FeedError;
}

/** A fetch starts: the feed, or its next page. */
export class PaperfeedListLoadStartEvent extends Event {
  constructor() {
    super('loadstart');
  }
}

/** Papers arrived. */
export class PaperfeedListLoadEvent extends Event {
  readonly detail: ListLoadDetail;
  constructor(detail: ListLoadDetail) {
    super('load');
    this.detail = detail;
  }
}

/** The fetch failed; a superseded (aborted) fetch fires none. */
export class PaperfeedListErrorEvent extends Event {
  readonly detail: ListErrorDetail;
  constructor(detail: ListErrorDetail) {
    super('error');
    this.detail = detail;
  }
}

/** After `load` or `error`. */
export class PaperfeedListLoadEndEvent extends Event {
  constructor() {
    super('loadend');
  }
}

/**
 * The list's events with their types, for `addEventListener`. `load` and `error` cannot go into
 * `HTMLElementEventMap` (lib.dom already types them there as the resource events every element may
 * fire), so the element takes this map through its own `addEventListener` overloads, the way lib.dom
 * types HTMLMediaElement's events.
 */
export type PaperfeedListEventMap = Omit<HTMLElementEventMap, 'load' | 'error' | 'loadstart' | 'loadend'> & {
  loadstart: PaperfeedListLoadStartEvent;
  load: PaperfeedListLoadEvent;
  error: PaperfeedListErrorEvent;
  loadend: PaperfeedListLoadEndEvent;
};

/** A listener for one of the list's events (`this` is the list). */
export type PaperfeedListListener<T, K extends keyof PaperfeedListEventMap> = (this: T, event: PaperfeedListEventMap[K]) => unknown;
