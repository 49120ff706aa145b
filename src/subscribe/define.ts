import { define } from '../internal/define.js';
import type { PaperfeedSubscribedEvent, PaperfeedSubscribeErrorEvent, PaperfeedSubscribeEvent } from './events.js';
import { PaperfeedSubscribe } from './paperfeed-subscribe.js';

define('paperfeed-subscribe', PaperfeedSubscribe);

declare global {
  interface HTMLElementTagNameMap {
    'paperfeed-subscribe': PaperfeedSubscribe;
  }
  interface HTMLElementEventMap {
    'paperfeed-subscribe': PaperfeedSubscribeEvent;
    'paperfeed-subscribed': PaperfeedSubscribedEvent;
    'paperfeed-subscribe-error': PaperfeedSubscribeErrorEvent;
  }
}
