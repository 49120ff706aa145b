// paperfeed/feed: the data layer on its own, usable without any element.
export { loadFeed, clearFeedCache, type LoadOptions } from './load.js';
export { parseFeed, type FeedResult, type ParseOptions, type Transform } from './parse.js';
export { parseBody, detectJson, detectXml, resolveFormat, type ParsedBody } from './detect.js';
export { adaptHf } from './adapters/hf.js';
export { adaptJsonFeed } from './adapters/jsonfeed.js';
export { adaptRss } from './adapters/rss.js';
export { adaptAtom } from './adapters/atom.js';
export type { AdapterContext, AdapterResult } from './adapters/adapter.js';
export { fetchText, parseRetryAfter, FEED_ACCEPT, type FetchedText, type FetchTextOptions } from './fetcher.js';
export { setFetch, currentFetch } from './fetch-hook.js';
export { FeedError, isAbort, type FeedErrorKind, type FeedErrorInit } from './errors.js';
export { safeUrl } from './url.js';
export { htmlToText } from './text.js';
export type { Paper, PaperInput, Author, SourceFormat, FeedFormat } from './paper.js';
export * from './hf-period.js';
