// What the Node tests load (bundled by harness.mjs): the server entry of paperfeed/feed, which
// installs the server parser, and the corpus check shared with the browser run.
export * from '../../src/feed/server.js';
export { setDocumentParser } from '../../src/feed/parse/parse-document.js';
export { prepareXml } from '../../src/feed/parse/xml-recover.js';
export { decodeBody, repairC1 } from '../../src/feed/parse/decode.js';
export * from '../feed/corpus.js';
