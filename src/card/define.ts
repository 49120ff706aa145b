import { define } from '../internal/define.js';
import { PaperfeedCard } from './paperfeed-card.js';

define('paperfeed-card', PaperfeedCard);

declare global {
  interface HTMLElementTagNameMap {
    'paperfeed-card': PaperfeedCard;
  }
}
