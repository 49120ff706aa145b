// `DOMParser.parseFromString` is a Trusted Types sink: on a page with
// `require-trusted-types-for 'script'` it refuses a plain string, for XML as much as for HTML, so
// without this every RSS/Atom feed failed there (found by scripts/check-cdn.mjs's formats page).
// paperfeed's policy passes the text through unchanged, which is safe for this one use: a document
// made by DOMParser has no browsing context (no script runs, nothing loads), we only read text and
// attributes out of it, and nothing from it is ever inserted into the page. Pages allow the policy
// by name: `trusted-types lit-html paperfeed`.
interface HtmlPolicy {
  createHTML(input: string): unknown;
}

let policy: HtmlPolicy | null | undefined;
let parser: DOMParser | undefined;

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

/** Parse feed text into an inert document (never attached, never rendered). */
export function parseDocument(text: string, type: DOMParserSupportedType): Document {
  parser ??= new DOMParser();
  const input = htmlPolicy()?.createHTML(text) ?? text;
  return parser.parseFromString(input as string, type);
}
