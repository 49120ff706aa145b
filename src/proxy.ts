// `import { createProxy } from 'paperfeed/proxy'`: the feed proxy for Workers, Deno, Bun and Node
// (server side only; no elements, no Lit).
export * from './proxy/index.js';
