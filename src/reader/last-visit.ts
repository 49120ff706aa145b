// "New since your last visit" for a list with `mark-new`. Per feed (keyed by its src), the browser
// keeps the newest publication date the reader has been shown. On the next visit, papers published
// after it are new. The baseline is read once per page, so badges stay until the reader reloads,
// even though the stored mark moves on at once (the way feed readers mark items read on display).
// A date mark instead of a visit time: feeds date papers in the past (arXiv announces at midnight
// for papers submitted days before), and the reader's clock does not matter.
// Nothing is read or written unless the host asks (`mark-new` set); storage failures just mean no badges.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Paper } from '../feed/paper.js';

export const LAST_VISIT_PREFIX = 'paperfeed:last-visit:';

interface Mark {
  /** Newest `publishedAt` shown (ISO). */
  seen: string;
  /** When (ISO, the reader's clock), for the curious and for cleanup. */
  at: string;
}

const time = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
};

export interface LastVisitOptions {
  storage?: () => Storage;
  now?: () => Date;
}

/** The last-visit mark of one feed. */
export class LastVisit {
  readonly key: string;
  #storage: () => Storage;
  #now: () => Date;
  /** The previous visit's mark; undefined on a first visit (then nothing is new). */
  #baseline?: number;
  #read = false;
  #newest?: number;

  constructor(src: string, options: LastVisitOptions = {}) {
    this.key = LAST_VISIT_PREFIX + src;
    this.#storage = options.storage ?? (() => globalThis.localStorage);
    this.#now = options.now ?? (() => new Date());
  }

  /** The mark the page compares against (read from storage on first use). */
  get baseline(): number | undefined {
    if (!this.#read) {
      this.#read = true;
      try {
        const mark = JSON.parse(this.#storage().getItem(this.key) ?? 'null') as Mark | null;
        this.#baseline = mark && typeof mark.seen === 'string' ? time(mark.seen) : undefined;
      } catch {
        this.#baseline = undefined;
      }
    }
    return this.#baseline;
  }

  isNew(paper: Pick<Paper, 'publishedAt'>): boolean {
    const base = this.baseline;
    const t = time(paper.publishedAt);
    return base !== undefined && t !== undefined && t > base;
  }

  count(papers: readonly Pick<Paper, 'publishedAt'>[]): number {
    return papers.filter((paper) => this.isNew(paper)).length;
  }

  /** Records that `papers` were shown: the stored mark moves to the newest date among them. */
  markSeen(papers: readonly Pick<Paper, 'publishedAt'>[]): void {
    void this.baseline; // read the old mark before writing the new one
    let newest = this.#newest ?? this.#baseline;
    for (const paper of papers) {
      const t = time(paper.publishedAt);
      if (t !== undefined && (newest === undefined || t > newest)) newest = t;
    }
    if (newest === undefined || newest === this.#newest) return;
    this.#newest = newest;
    try {
      this.#storage().setItem(this.key, JSON.stringify({ seen: new Date(newest).toISOString(), at: this.#now().toISOString() } satisfies Mark));
    } catch {
      // Full or blocked storage: the next visit shows no badges, nothing else is lost.
    }
  }
}

/**
 * For a list: `enabled()` is the `mark-new` attribute, `src()` the feed, `papers()` what is shown.
 * After each update with papers it records them as seen; `isNew`/`count` answer for the render.
 */
export class LastVisitController implements ReactiveController {
  #src: () => string | undefined;
  #enabled: () => boolean;
  #papers: () => readonly Paper[];
  #visit?: LastVisit;
  #options: LastVisitOptions;

  constructor(
    host: ReactiveControllerHost,
    config: { enabled: () => boolean; src: () => string | undefined; papers: () => readonly Paper[] } & LastVisitOptions,
  ) {
    this.#enabled = config.enabled;
    this.#src = config.src;
    this.#papers = config.papers;
    this.#options = { storage: config.storage, now: config.now };
    host.addController(this);
  }

  #current(): LastVisit | undefined {
    const src = this.#src();
    if (!this.#enabled() || !src) return undefined;
    if (this.#visit?.key !== LAST_VISIT_PREFIX + src) this.#visit = new LastVisit(src, this.#options);
    return this.#visit;
  }

  isNew(paper: Paper): boolean {
    return this.#current()?.isNew(paper) ?? false;
  }

  count(): number {
    return this.#current()?.count(this.#papers()) ?? 0;
  }

  hostUpdated(): void {
    const visit = this.#current();
    const papers = this.#papers();
    if (visit && papers.length) visit.markSeen(papers);
  }
}
