// `paperfeed/feed` in Node 20+, Deno, Bun and edge workers (the `node`, `deno`, `bun`, `worker` and
// `workerd` export conditions): the same data layer as in the browser, with an XML/HTML parser
// installed because these runtimes have no DOMParser. Also importable as `paperfeed/feed/server`.
import { setDocumentParser } from './parse/parse-document.js';
import { serverParser } from './parse/server-parser.js';

if (!(globalThis as { DOMParser?: unknown }).DOMParser) setDocumentParser(serverParser);

export * from './index.js';
export { serverParser };
