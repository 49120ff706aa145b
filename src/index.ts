// `import { PaperfeedList } from 'paperfeed'`: the classes and types, registering nothing.
// Register tags with `import 'paperfeed/list.js'` (one element) or `import 'paperfeed/paperfeed.js'` (all).
export { PaperfeedCard } from './card/paperfeed-card.js';
export { PaperfeedList } from './list/paperfeed-list.js';
export { PaperfeedSubscribe } from './subscribe/paperfeed-subscribe.js';
export * from './feed/index.js';
