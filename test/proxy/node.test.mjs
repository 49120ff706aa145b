// The proxy handler in Node (web-standard Request/Response, in-memory cache).
import { describe } from 'node:test';
import { proxyTests } from './cases.mjs';
import { startNode } from './harness.mjs';

describe('paperfeed/proxy in Node', () => proxyTests(startNode));
