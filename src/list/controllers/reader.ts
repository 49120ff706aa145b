// The list's reader features: "New since your last visit" (`mark-new`), the `saved` view, COinS for
// Zotero, and the pass-through of `cite`, `save` and `math` to the cards. The saved view's code
// (the store, BibTeX, the export toolbar) loads only when `view="saved"` is first set; last-visit and
// COinS are small and read or write nothing unless asked (`mark-new`, papers on screen).
import { isServer, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import type { Paper } from '../../feed/paper.js';
import { formatNumber } from '../../internal/format.js';
import { fill, mergeStrings } from '../../internal/strings.js';
import { LastVisitController } from '../../reader/last-visit.js';
import { CoinsController } from '../../reader/metadata.js';
import type { SavedController } from '../../reader/saved.js';
import { loadActions } from '../../reader/load.js';
import { readerStrings } from '../../reader/strings.js';

export type ListView = 'feed' | 'saved';
export const LIST_VIEWS: readonly ListView[] = ['feed', 'saved'];

/** What the controller reads from its list. */
export interface ListReaderHost extends ReactiveElement {
  src?: string;
  markNew: boolean;
  view: ListView;
  save: boolean;
  strings: object;
}

type SavedToolbar = typeof import('../../reader/actions.js').renderSavedToolbar;

/** Waits for `done()` again after each load `pending()` reports, so `updateComplete` includes what loaded. */
export async function settle(pending: () => Promise<unknown> | undefined, done: () => Promise<boolean>): Promise<boolean> {
  let result = await done();
  for (let wait = pending(); wait; wait = pending()) {
    await wait;
    result = await done();
  }
  return result;
}

export class ListReader implements ReactiveController {
  #host: ListReaderHost;
  #lastVisit: LastVisitController;
  #saved?: SavedController;
  #toolbar?: SavedToolbar;
  #loading?: Promise<unknown>;
  #memo?: { entries: readonly unknown[]; papers: Paper[] };

  /**
   * @param all Every paper of the feed (what `mark-new` counts and marks as seen).
   * @param shown The papers on screen (what COinS describes for Zotero).
   */
  constructor(host: ListReaderHost, all: () => readonly Paper[], shown: () => readonly Paper[]) {
    this.#host = host;
    this.#lastVisit = new LastVisitController(host, {
      enabled: () => host.markNew && host.view !== 'saved',
      src: () => host.src,
      papers: all,
    });
    new CoinsController(host, shown);
    host.addController(this);
  }

  hostUpdate(): void {
    if (this.#host.view === 'saved' && !this.#loading && !isServer) {
      this.#loading = loadActions()
        .then(({ SavedController, renderSavedToolbar }) => {
          this.#saved = new SavedController(this.#host);
          this.#toolbar = renderSavedToolbar;
        })
        .catch((error) => console.warn('[paperfeed] the saved view of <paperfeed-list> failed to load; check the network and your bundler', error))
        .finally(() => this.#host.requestUpdate());
    }
  }

  /** The saved view's code, while it loads. */
  get pending(): Promise<unknown> | undefined {
    return this.#saved || !this.#loading ? undefined : this.#loading;
  }

  /** In the saved view, the saved papers (most recently saved first) stand in for the feed. */
  get given(): Paper[] | undefined {
    if (this.#host.view !== 'saved') return undefined;
    const store = this.#saved?.store;
    if (!store) return [];
    // The same array while the set is unchanged, so the list does not re-check it every render.
    if (this.#memo?.entries !== store.entries) this.#memo = { entries: store.entries, papers: store.papers };
    return this.#memo.papers;
  }

  /** Cards show "Save" with `save`, and always in the saved view (to take a paper out). */
  get save(): boolean {
    return this.#host.save || this.#host.view === 'saved';
  }

  /** Whether `paper` is newer than the reader's last visit (`mark-new` only). */
  isNew(paper: Paper): boolean {
    return this.#lastVisit.isNew(paper);
  }

  /** The status text, with "N new since your last visit" after it when `mark-new` found some. */
  status(text: string, locale: string): string {
    const n = this.#lastVisit.count();
    if (!n || !text) return text;
    const s = mergeStrings(readerStrings, this.#host.strings);
    return `${text} ${fill(n === 1 ? s.newCountOne : s.newCount, { n: formatNumber(n, locale) })}.`;
  }

  /** The saved view's Export BibTeX / Export JSON toolbar, once something is saved. */
  toolbar(): TemplateResult | typeof nothing {
    const store = this.#saved?.store;
    if (this.#host.view !== 'saved' || !store?.size || !this.#toolbar) return nothing;
    return this.#toolbar(store, this.#host.strings);
  }

  /** The empty state's text: in the saved view, how to save a paper. */
  emptyText(feedText: string): string {
    return this.#host.view === 'saved' ? mergeStrings(readerStrings, this.#host.strings).savedEmpty : feedText;
  }
}
