// Saved papers, in the reader's browser only: localStorage under one key, no account. The store
// is an EventTarget ("change" after every change, from this tab or another), and a reactive
// controller re-renders a Lit host on change. Rules it keeps:
// - Nothing is read or written until something uses it (no key on a page that never saves).
// - Every write is the whole set; a failed write (storage full: QuotaExceededError; blocked:
//   SecurityError in a sandboxed frame or with cookies off) leaves what was stored untouched, keeps
//   the change in memory for this page, and returns a result that says so.
// - Other tabs' writes arrive through the `storage` event and replace the in-memory set.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Paper } from '../feed/paper.js';
import { toBibtex } from './bibtex.js';

export const SAVED_KEY = 'paperfeed:saved';

export interface SavedEntry {
  paper: Paper;
  /** ISO date-time the reader saved it. */
  savedAt: string;
}

/** Why a change could not be stored: `quota` (storage full), `blocked` (no storage), `unreadable` (stored data we cannot read, left untouched). */
export type SaveErrorKind = 'quota' | 'blocked' | 'unreadable';

export type SaveResult =
  | { ok: true; saved: boolean }
  | { ok: false; saved: boolean; error: SaveErrorKind; message: string };

interface Stored {
  version: 1;
  entries: SavedEntry[];
}

const MESSAGES: Record<SaveErrorKind, string> = {
  quota: 'The browser’s storage for this site is full, so this change is kept only until the page is closed. Papers saved before are safe.',
  unreadable: 'Saved papers already in this browser could not be read, so they are left untouched and this change is kept only until the page is closed.',
  blocked: 'This browser does not let the page store data (private mode or blocked storage), so saved papers last only until the page is closed.',
};

/** The kind of a storage failure: a full store or one the browser refuses. */
export function storageErrorKind(error: unknown): SaveErrorKind {
  const name = (error as { name?: string } | null)?.name;
  const code = (error as { code?: number } | null)?.code;
  // Chromium/WebKit: QuotaExceededError (code 22); old Firefox: NS_ERROR_DOM_QUOTA_REACHED (1014).
  if (name === 'Unreadable') return 'unreadable';
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014 ? 'quota' : 'blocked';
}

const isPaper = (value: unknown): value is Paper =>
  !!value && typeof value === 'object' && typeof (value as Paper).id === 'string' && typeof (value as Paper).title === 'string' && Array.isArray((value as Paper).authors);

function parse(text: string | null): SavedEntry[] | undefined {
  if (text === null) return [];
  try {
    const data = JSON.parse(text) as Partial<Stored>;
    if (!data || !Array.isArray(data.entries)) return undefined;
    return data.entries.filter((e) => e && isPaper(e.paper) && typeof e.savedAt === 'string');
  } catch {
    return undefined;
  }
}

export interface SavedStoreOptions {
  /** Where to keep the set; default `localStorage`, read lazily (reading it may throw). */
  storage?: () => Storage;
  /** The window whose `storage` events tell of other tabs' writes; default `window`. */
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  key?: string;
}

/**
 * The saved-papers set. One per page is usual ({@link savedStore}); tests make their own.
 * @fires change - after the set changed here or in another tab.
 */
export class SavedStore extends EventTarget {
  readonly key: string;
  #storage: () => Storage;
  #events?: SavedStoreOptions['events'];
  #entries?: SavedEntry[];
  /** True while the stored copy lags the in-memory one (a write failed). */
  #unsynced = false;
  #listeners = 0;
  #lastError?: SaveErrorKind;

  constructor(options: SavedStoreOptions = {}) {
    super();
    this.key = options.key ?? SAVED_KEY;
    this.#storage = options.storage ?? (() => globalThis.localStorage);
    this.#events = options.events ?? (typeof window === 'undefined' ? undefined : window);
  }

  /** Saved entries, most recently saved first. */
  get entries(): readonly SavedEntry[] {
    return this.#load();
  }

  /** Saved papers, most recently saved first. */
  get papers(): Paper[] {
    return this.#load().map((entry) => entry.paper);
  }

  get size(): number {
    return this.#load().length;
  }

  /** The last write's failure, until a write succeeds. */
  get error(): SaveErrorKind | undefined {
    return this.#lastError;
  }

  has(id: string): boolean {
    return this.#load().some((entry) => entry.paper.id === id);
  }

  save(paper: Paper): SaveResult {
    if (this.has(paper.id)) return { ok: true, saved: true };
    const entry: SavedEntry = { paper: structuredClone(paper), savedAt: new Date().toISOString() };
    return this.#commit([entry, ...this.#load()], true);
  }

  remove(id: string): SaveResult {
    if (!this.has(id)) return { ok: true, saved: false };
    return this.#commit(this.#load().filter((entry) => entry.paper.id !== id), false);
  }

  toggle(paper: Paper): SaveResult {
    return this.has(paper.id) ? this.remove(paper.id) : this.save(paper);
  }

  /** Every saved paper as BibTeX, one entry after another. */
  toBibtex(): string {
    return this.papers.map(toBibtex).join('\n\n') + (this.size ? '\n' : '');
  }

  /** The saved set as JSON: `{ "savedAt", "paper" }` entries, the format `paperfeed` reads back. */
  toJSON(): { version: 1; entries: SavedEntry[] } {
    return { version: 1, entries: structuredClone([...this.#load()]) };
  }

  /** Starts listening to other tabs (the controller calls this); pair with {@link unsubscribe}. */
  subscribe(): void {
    if (this.#listeners++ === 0) this.#events?.addEventListener('storage', this.#onStorage);
  }

  unsubscribe(): void {
    if (this.#listeners > 0 && --this.#listeners === 0) this.#events?.removeEventListener('storage', this.#onStorage);
  }

  #readStored(): SavedEntry[] | undefined {
    try {
      return parse(this.#storage().getItem(this.key));
    } catch {
      return [];
    }
  }

  #load(): SavedEntry[] {
    if (!this.#entries) {
      // Unreadable data is left where it is (undefined → start empty but never overwrite it).
      const stored = this.#readStored();
      this.#entries = stored ?? [];
      if (!stored) this.#unsynced = true;
    }
    return this.#entries;
  }

  #commit(entries: SavedEntry[], saved: boolean): SaveResult {
    this.#entries = entries;
    let result: SaveResult;
    try {
      const storage = this.#storage();
      // A set we could not read stays untouched: writing ours would replace it with less.
      if (this.#unsynced && parse(storage.getItem(this.key)) === undefined) {
        throw Object.assign(new Error('unreadable saved data'), { name: 'Unreadable' });
      }
      storage.setItem(this.key, JSON.stringify({ version: 1, entries } satisfies Stored));
      this.#unsynced = false;
      this.#lastError = undefined;
      result = { ok: true, saved };
    } catch (error) {
      const kind = storageErrorKind(error);
      this.#unsynced = true;
      this.#lastError = kind;
      result = { ok: false, saved, error: kind, message: MESSAGES[kind] };
    }
    this.dispatchEvent(new Event('change'));
    return result;
  }

  #onStorage = (event: Event) => {
    const { key, storageArea } = event as StorageEvent;
    // `key === null` is another tab calling clear().
    if (key !== null && key !== this.key) return;
    let mine: Storage | undefined;
    try {
      mine = this.#storage();
    } catch {
      return;
    }
    if (storageArea && storageArea !== mine) return;
    const stored = this.#readStored();
    if (!stored) return;
    // Another tab's full write is newer than ours; a pending failed write of ours is dropped.
    this.#entries = stored;
    this.#unsynced = false;
    this.dispatchEvent(new Event('change'));
  };
}

let shared: SavedStore | undefined;

/** The page's saved-papers store (created on first use). */
export function savedStore(): SavedStore {
  return (shared ??= new SavedStore());
}

/**
 * Re-renders its host whenever the saved set changes (here or in another tab); listens only while
 * the host is connected.
 */
export class SavedController implements ReactiveController {
  readonly store: SavedStore;
  #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost, store: SavedStore = savedStore()) {
    this.#host = host;
    this.store = store;
    host.addController(this);
  }

  hostConnected(): void {
    this.store.addEventListener('change', this.#onChange);
    this.store.subscribe();
  }

  hostDisconnected(): void {
    this.store.removeEventListener('change', this.#onChange);
    this.store.unsubscribe();
  }

  #onChange = () => this.#host.requestUpdate();
}

/** Offers `text` as a file download (for "Export BibTeX / JSON"); no URL is left in the page. */
export function downloadText(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
