export { createProxy, DEFAULT_ALLOW } from './proxy.js';
export type { CacheLike, FeedProxy, ProxyClock, ProxyOptions, WaitUntil } from './proxy.js';
export { isPrivateHost } from './address.js';
export { toNodeListener } from './node.js';
export type { NodeRequestLike, NodeResponseLike } from './node.js';
