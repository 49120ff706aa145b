// The proxy handler inside Cloudflare's workerd runtime, through miniflare (offline, `cf: false`).
import { describe } from 'node:test';
import { proxyTests } from './cases.mjs';
import { startWorkerd } from './harness.mjs';

describe('paperfeed/proxy in workerd (miniflare)', () => proxyTests(startWorkerd));
