// The entry of the CDN file dist/paperfeed.min.js (`vite build --mode cdn`): one script tag, split
// code. This module is small on purpose; it
// 1. starts the feed request of every `<paperfeed-list src>` already in the page (primer.ts), so
//    the feed downloads while the element code does;
// 2. loads each element's code when its tag is in the page (autoloader.ts), now or later.
// The chunks sit next to this file and are imported by relative URL, so they resolve against the
// script's own URL: a CDN's versioned path (/npm/paperfeed@0.1.0/dist/) works unchanged.
// `paperfeed/paperfeed.js` (src/paperfeed.ts) stays the npm module that registers everything at once.
import { autoload } from './autoloader.js';
import { primeFeeds } from './primer.js';

if (document.readyState === 'loading') {
  // A module script runs after parsing, but one loaded with `async` or injected early may not.
  document.addEventListener('DOMContentLoaded', () => primeFeeds(), { once: true });
} else {
  primeFeeds();
}

// Each element's chunks are asked for together: every element needs the shared chunk (Lit and
// src/internal, grouped in vite.config.ts, reached here through the base element), the list also
// needs the card; asking for all of them at once keeps one chunk from waiting for another to
// arrive before its own request starts.
const base = () => import('../internal/base.js');
autoload({
  'paperfeed-list': () => Promise.all([base(), import('../card/define.js'), import('../list/define.js')]),
  'paperfeed-card': () => Promise.all([base(), import('../card/define.js')]),
  'paperfeed-subscribe': () => Promise.all([base(), import('../subscribe/define.js')]),
});
