import '../card/define.js';
import { define } from '../internal/define.js';
import { PaperfeedList } from './paperfeed-list.js';

// The list renders <paperfeed-card>s, so registering the list registers the card too.
define('paperfeed-list', PaperfeedList);

declare global {
  interface HTMLElementTagNameMap {
    'paperfeed-list': PaperfeedList;
  }
}
