// One door to a DOM parser for the whole data layer (XML feeds in detect.ts, HTML fragments in
// text.ts). In a browser it is the page's own `DOMParser`. Node, Deno, Bun and edge workers have
// none: their entry (`paperfeed/feed` under the `node`/`deno`/`bun`/`worker`/`workerd` export
// conditions, src/feed/server.ts) installs a parser made from well-kept npm packages with
// `setDocumentParser`, so the browser bundle carries none of it and the adapters keep one code path.
//
// `DOMParser.parseFromString` is a Trusted Types sink: on a page with
// `require-trusted-types-for 'script'` it refuses a plain string, for XML as much as for HTML, so
// without this every RSS/Atom feed failed there (found by scripts/check-cdn.mjs's formats page).
// paperfeed's policy passes the text through unchanged, which is safe for this one use: a document
// made by DOMParser has no browsing context (no script runs, nothing loads), we only read text and
// attributes out of it, and nothing from it is ever inserted into the page. Pages allow the policy
// by name: `trusted-types lit-html paperfeed`.
import { FeedError } from '../errors.js';

interface HtmlPolicy {
  createHTML(input: string): unknown;
}

/** What the data layer needs from a parser: `DOMParser.parseFromString`'s contract. */
export type DocumentParser = (text: string, type: DOMParserSupportedType) => Document;

let policy: HtmlPolicy | null | undefined;
let installed: DocumentParser | undefined;

function htmlPolicy(): HtmlPolicy | null {
  if (policy === undefined) {
    const factory = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: { createHTML(input: string): string }): HtmlPolicy } })
      .trustedTypes;
    try {
      policy = factory ? factory.createPolicy('paperfeed', { createHTML: (input) => input }) : null;
    } catch {
      // The page's CSP does not allow the name (or a second copy of paperfeed made it already):
      // parse with plain strings, which works wherever Trusted Types are not enforced.
      policy = null;
    }
  }
  return policy;
}

/**
 * Replaces the parser (the server entry installs one; tests may install the server's in a browser
 * to compare both paths). `undefined` goes back to the runtime's `DOMParser`.
 */
export function setDocumentParser(parse: DocumentParser | undefined): void {
  installed = parse;
}

function browserParser(): DocumentParser {
  const Parser = (globalThis as { DOMParser?: typeof DOMParser }).DOMParser;
  if (!Parser) {
    throw new FeedError(
      'parse',
      'This runtime has no XML parser (DOMParser). Import paperfeed/feed under its node, deno, bun or worker ' +
        'export condition (Node, Deno, Bun and bundlers for workers pick it on their own), or import "paperfeed/feed/server".',
    );
  }
  const parser = new Parser();
  return (text, type) => parser.parseFromString((htmlPolicy()?.createHTML(text) ?? text) as string, type);
}

/** Parse feed text into an inert document (never attached, never rendered). */
export function parseDocument(text: string, type: DOMParserSupportedType): Document {
  installed ??= browserParser();
  return installed(text, type);
}
