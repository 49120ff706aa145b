import { LitElement, css, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Paper } from '../feed/paper.js';
import type { Strings } from '../internal/strings.js';
import { ReaderActionsController } from './actions.js';
import { readerStyles } from './actions.styles.js';
import type { ReaderStringKey } from './strings.js';

/**
 * The reader actions ("Cite", "Save") for one paper, on their own: for a page that renders its
 * own cards, and the host the card's `actions` wiring mirrors.
 * @tag paperfeed-actions
 * @summary Cite and Save buttons for one paper.
 * @csspart actions - The row of buttons.
 * @csspart cite - The Cite popover.
 * @csspart actions-status - The status text after a copy or save.
 * @event {PaperfeedCiteEvent} paperfeed-cite - After a Cite copy; `detail.message` says how it went.
 * @event {PaperfeedSaveEvent} paperfeed-save - After Save is toggled; `detail.ok` is false when storage refused.
 * @cssprop [--paperfeed-accent=#ff9d00] - Accent colour of the buttons.
 */
export class PaperfeedActions extends LitElement {
  static override styles = [
    css`
      :host {
        display: block;
        box-sizing: border-box;
      }
      :host([hidden]) {
        display: none !important;
      }
    `,
    readerStyles,
  ];

  /** The paper the actions are for. Default `undefined` (renders nothing). */
  @property({ attribute: false }) paper?: Paper;
  /** Hide "Cite". Default false. */
  @property({ type: Boolean, attribute: 'no-cite' }) noCite = false;
  /** Hide "Save". Default false. */
  @property({ type: Boolean, attribute: 'no-save' }) noSave = false;
  /** Text overrides (see `readerStrings`). Default `undefined`. */
  @property({ attribute: false }) strings?: Partial<Strings<ReaderStringKey>>;

  readonly actions = new ReaderActionsController(this);

  override render() {
    if (!this.paper || typeof this.paper !== 'object') return nothing;
    return this.actions.render(this.paper, { cite: !this.noCite, save: !this.noSave, strings: this.strings });
  }
}
