import type { Paper } from '../feed/paper.js';
import type { SaveErrorKind } from './saved.js';

export interface CiteDetail {
  paper: Paper;
  format: 'bibtex' | 'text';
  /** The text put on the clipboard. */
  text: string;
  /** False when neither the Clipboard API nor the fallback copied; the entry is then shown selected. */
  ok: boolean;
  /** What to announce ("BibTeX entry copied."), already shown in the actions row's status. */
  message: string;
}

/** After a Cite copy (bubbles, composed). */
export class PaperfeedCiteEvent extends Event {
  readonly detail: CiteDetail;
  constructor(detail: CiteDetail) {
    super('paperfeed-cite', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

export interface SaveDetail {
  paper: Paper;
  /** The paper's state now. */
  saved: boolean;
  /** False when the change could not be stored (it holds for this page only). */
  ok: boolean;
  error?: SaveErrorKind;
  message: string;
}

/** After the Save toggle (bubbles, composed). */
export class PaperfeedSaveEvent extends Event {
  readonly detail: SaveDetail;
  constructor(detail: SaveDetail) {
    super('paperfeed-save', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'paperfeed-cite': PaperfeedCiteEvent;
    'paperfeed-save': PaperfeedSaveEvent;
  }
}
