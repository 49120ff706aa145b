// `import { PaperfeedList } from 'paperfeed'`: the classes and types, registering nothing.
// Register tags with `import 'paperfeed/list.js'` (one element) or `import 'paperfeed/paperfeed.js'` (all).
export { PaperfeedCard, defaultCardStrings, type CardStrings, type CardVariant } from './card/paperfeed-card.js';
export {
  PaperfeedList,
  type ListLayout,
  type ListSort,
  type ListState,
  type ListLoadDetail,
  type ListErrorDetail,
  type PaperTransform,
  type PaperfeedListStrings,
  type PaperfeedListEventMap,
  PaperfeedListLoadStartEvent,
  PaperfeedListLoadEvent,
  PaperfeedListErrorEvent,
  PaperfeedListLoadEndEvent,
} from './list/paperfeed-list.js';
export {
  PaperfeedSubscribe,
  defaultSubscribeStrings,
  type SubscribeStrings,
  type SubscribeEncoding,
  type SubscribeState,
} from './subscribe/paperfeed-subscribe.js';
export * from './subscribe/events.js';
export type { ListView } from './list/controllers/reader.js';
// The reader features (also `paperfeed/reader` and `paperfeed/reader/math.js`). A bundler keeps only
// what a page imports; the CDN file, built from this module, carries them so that `cite`, `save` and
// `math` need no second file (temml stays a chunk of its own, fetched only for a paper with math).
export * from './reader/index.js';
export { mathText, hasMath, renderMathText, sanitizeMathML } from './reader/math.js';
export type { Theme } from './internal/base.js';
export * from './feed/index.js';
