// The parser of the server entry (src/feed/server.ts), for runtimes without DOMParser: Node, Deno,
// Bun, edge workers. XML goes to @xmldom/xmldom (namespaces, CDATA, and a well-formedness error for
// what a browser refuses); HTML fragments (descriptions, `content_html`) go to linkedom's HTML parser
// (htmlparser2 with the HTML entity table). Chosen by test/node/differential.test.mjs, which requires
// the same Papers from this parser and from Chromium's DOMParser for every fixture and real feed:
// linkedom's XML mode has no namespaces (`dc:creator` as the local name), so it cannot read feeds alike.
// A document that is not well-formed comes back with a `<parsererror>` root, as browsers give one.
import { DOMParser as XmlParser } from '@xmldom/xmldom';
import { DOMParser as HtmlParser } from 'linkedom';
import type { DocumentParser } from './parse-document.js';

let html: HtmlParser | undefined;

export const serverParser: DocumentParser = (text, type) => {
  if (type === 'text/html') {
    html ??= new HtmlParser();
    // linkedom builds no <html>/<body> around a bare fragment (a browser does): give it them.
    return html.parseFromString(`<!doctype html><html><head></head><body>${text}</body></html>`, 'text/html') as unknown as Document;
  }
  let problem = '';
  const parser = new XmlParser({
    onError: (level, message) => {
      // Warnings are what a browser accepts silently (e.g. a missing space between attributes).
      if (level !== 'warning' && !problem) problem = message;
    },
  });
  let doc: Document | undefined;
  try {
    doc = parser.parseFromString(text, 'application/xml') as unknown as Document;
  } catch (error) {
    problem ||= error instanceof Error ? error.message : String(error);
  }
  if (!problem && doc) return doc;
  const failed = new XmlParser().parseFromString('<parsererror/>', 'application/xml') as unknown as Document;
  failed.documentElement.appendChild(failed.createTextNode(problem.replace(/^\[xmldom \w+\]\s*/, '')));
  return failed;
};
