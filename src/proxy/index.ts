export { createProxy, DEFAULT_ALLOW } from './proxy.js';
export type { CacheLike, FeedProxy, ProxyClock, ProxyOptions, WaitUntil } from './proxy.js';
export { isPrivateHost } from './address.js';
