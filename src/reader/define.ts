import { define } from '../internal/define.js';
import { PaperfeedActions } from './paperfeed-actions.js';

define('paperfeed-actions', PaperfeedActions);

declare global {
  interface HTMLElementTagNameMap {
    'paperfeed-actions': PaperfeedActions;
  }
}
