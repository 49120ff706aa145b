// The actions row of a card: "Cite" (a popover with the BibTeX entry and two copy buttons) and a
// "Save" toggle. `ReaderActionsController` holds the per-card state (the last message, the
// saved-set subscription) and renders the row; the card decides whether to show it. Native
// buttons and the native popover give the keyboard behaviour: Tab reaches each button, Enter and
// Space press them, Escape closes the popover and focus returns to "Cite".
import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import type { Paper } from '../feed/paper.js';
import { fill, mergeStrings, type Strings } from '../internal/strings.js';
import { readableText } from '../internal/readable.js';
import { toBibtex, toPlainCitation } from './bibtex.js';
import { copyText } from './clipboard.js';
import { PaperfeedCiteEvent, PaperfeedSaveEvent } from './events.js';
import { type SavedStore, downloadText, savedStore } from './saved.js';

// A card adopts these once it has loaded this module (src/card/reader.ts).
export { readerStyles } from './actions.styles.js';
// The list's saved view loads this one module for its toolbar and its store's controller.
export { SavedController } from './saved.js';
import { type ReaderStringKey, readerStrings } from './strings.js';

export interface ActionsOptions {
  /** Show "Cite". Default true. */
  cite?: boolean;
  /** Show "Save". Default true. */
  save?: boolean;
  /** Text overrides (see `readerStrings`). */
  strings?: Partial<Strings<ReaderStringKey>>;
}

let nextId = 0;

/**
 * Renders a card's actions row and handles its clicks. Events are dispatched from the host:
 * `paperfeed-cite` and `paperfeed-save` (bubbling, composed), each with a `message` to announce.
 */
export class ReaderActionsController implements ReactiveController {
  #host: ReactiveElement;
  #store?: SavedStore;
  #storeOption?: SavedStore;
  #message = '';
  #id = `pf-cite-${++nextId}`;
  #connected = false;
  #strings: Strings<ReaderStringKey> = readerStrings;

  constructor(host: ReactiveElement, options: { store?: SavedStore } = {}) {
    this.#host = host;
    this.#storeOption = options.store;
    host.addController(this);
  }

  /** The saved-papers store, created (and listened to) only once a row with Save renders. */
  get store(): SavedStore {
    if (!this.#store) {
      this.#store = this.#storeOption ?? savedStore();
      if (this.#connected) this.#listen();
    }
    return this.#store;
  }

  /** The status text last shown (a copy or save outcome). */
  get message(): string {
    return this.#message;
  }

  hostConnected(): void {
    this.#connected = true;
    if (this.#store) this.#listen();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#store?.removeEventListener('change', this.#onChange);
    this.#store?.unsubscribe();
  }

  #listen() {
    this.#store!.addEventListener('change', this.#onChange);
    this.#store!.subscribe();
  }

  #onChange = () => this.#host.requestUpdate();

  /** The actions row for `paper`. */
  render(paper: Paper, options: ActionsOptions = {}): TemplateResult {
    const s = (this.#strings = mergeStrings(readerStrings, options.strings));
    const title = readableText(paper.title);
    const cite = options.cite ?? true;
    const save = options.save ?? true;
    return html`<div class="pf-actions" part="actions" role="group" aria-label=${fill(s.actions, { title })}>
      ${cite ? this.#renderCite(paper, s, title) : nothing} ${save ? this.#renderSave(paper, s) : nothing}
      <span class="pf-actions-status" part="actions-status" role="status">${this.#message}</span>
    </div>`;
  }

  #renderCite(paper: Paper, s: Strings<ReaderStringKey>, title: string) {
    const bibtex = toBibtex(paper);
    return html`<button type="button" class="pf-cite-button" popovertarget=${this.#id}>${s.cite}</button>
      <div id=${this.#id} class="pf-cite" part="cite" popover role="dialog" aria-label=${fill(s.citeDialog, { title })}>
        <div class="pf-cite-buttons">
          <button type="button" autofocus data-format="bibtex" @click=${() => this.#copy(paper, 'bibtex')}>${s.copyBibtex}</button>
          <button type="button" data-format="text" @click=${() => this.#copy(paper, 'text')}>${s.copyText}</button>
        </div>
        <label>${s.bibtex}<textarea readonly spellcheck="false" .value=${bibtex}></textarea></label>
      </div>`;
  }

  #renderSave(paper: Paper, s: Strings<ReaderStringKey>) {
    const saved = this.store.has(paper.id);
    return html`<button type="button" class="pf-save" aria-pressed=${saved ? 'true' : 'false'} @click=${() => this.#toggle(paper, s)}>
      ${saved ? s.saved : s.save}
    </button>`;
  }

  async #copy(paper: Paper, format: 'bibtex' | 'text') {
    const s = this.#strings;
    const text = format === 'bibtex' ? toBibtex(paper) : toPlainCitation(paper);
    const ok = await copyText(text);
    const root = this.#host.renderRoot as ShadowRoot | HTMLElement;
    const popover = root.querySelector<HTMLElement>(`#${this.#id}`);
    if (ok) {
      popover?.hidePopover?.();
      root.querySelector<HTMLElement>(`[popovertarget="${this.#id}"]`)?.focus();
    } else {
      // Leave the entry on screen, selected, for Ctrl+C.
      const area = popover?.querySelector('textarea');
      if (area) {
        area.value = text;
        area.focus();
        area.select();
      }
    }
    this.#message = ok ? (format === 'bibtex' ? s.copiedBibtex : s.copiedText) : s.copyFailed;
    this.#host.requestUpdate();
    this.#host.dispatchEvent(new PaperfeedCiteEvent({ paper, format, text, ok, message: this.#message }));
  }

  #toggle(paper: Paper, s: Strings<ReaderStringKey>) {
    const result = this.store.toggle(paper);
    this.#message = result.ok ? (result.saved ? s.savedMessage : s.removedMessage) : result.message;
    this.#host.requestUpdate();
    this.#host.dispatchEvent(
      new PaperfeedSaveEvent({ paper, saved: result.saved, ok: result.ok, error: result.ok ? undefined : result.error, message: this.#message }),
    );
  }
}

/** The "New" badge for a paper newer than the last visit (put it before the title text). */
export const newBadge = (strings?: Partial<Strings<ReaderStringKey>>): TemplateResult =>
  html`<span class="pf-new" part="new">${mergeStrings(readerStrings, strings).newBadge}</span>`;

/**
 * The toolbar of a list's `saved` view: Export BibTeX / Export JSON buttons (downloads, no URL left
 * in the page), or the empty-state text when nothing is saved.
 */
export function renderSavedToolbar(store: SavedStore = savedStore(), strings?: Partial<Strings<ReaderStringKey>>): TemplateResult {
  const s = mergeStrings(readerStrings, strings);
  if (!store.size) return html`<p class="pf-saved-empty" part="saved-empty">${s.savedEmpty}</p>`;
  return html`<div class="pf-actions" part="saved-toolbar">
    <button type="button" @click=${() => downloadText(store.toBibtex(), 'saved-papers.bib', 'application/x-bibtex')}>${s.exportBibtex}</button>
    <button type="button" @click=${() => downloadText(JSON.stringify(store, null, 2), 'saved-papers.json', 'application/json')}>${s.exportJson}</button>
  </div>`;
}
