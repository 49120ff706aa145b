// paperfeed/feed: the data layer on its own, usable without any element.
export { loadFeed, clearFeedCache, type LoadOptions } from './load.js';
export { parseFeed, type FeedResult, type ParseOptions, type Transform } from './parse/parse.js';
export { parseBody, detectJson, detectXml, resolveFormat, type ParsedBody } from './parse/detect.js';
export { adaptHf } from './hf/adapter.js';
export { adaptJsonFeed } from './formats/jsonfeed.js';
export { adaptRss } from './formats/rss.js';
export { adaptAtom } from './formats/atom.js';
export type { AdapterContext, AdapterResult } from './formats/adapter.js';
export { fetchText, parseRetryAfter, FEED_ACCEPT, type FetchedText, type FetchTextOptions } from './net/fetcher.js';
export { setFetch, currentFetch } from './net/fetch-hook.js';
export { FeedError, isAbort, type FeedErrorKind, type FeedErrorInit } from './errors.js';
export { safeUrl } from './parse/url.js';
export { htmlToText } from './parse/text.js';
export type { Paper, PaperInput, Author, SourceFormat, FeedFormat } from './paper.js';
export * from './hf/period.js';
