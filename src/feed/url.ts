// Lit does not sanitize bound `href`/`src` values (lit/lit#1196), so every URL that reaches the
// DOM passes through here first. Browsers strip leading/trailing C0 controls and spaces and drop
// tabs/newlines inside a URL before reading its scheme ("java\tscript:"), so we do the same and
// then let the URL parser decide the scheme.
/* eslint-disable no-control-regex */
const EDGES = /^[\u0000-\u0020\u00a0\ufeff]+|[\u0000-\u0020\u00a0\ufeff]+$/g;
const INSIDE = /[\t\n\r]/g;
/* eslint-enable no-control-regex */

/**
 * Returns the URL as an absolute `http:`/`https:` string, or `undefined` for anything else
 * (`javascript:`, `data:`, relative paths without a base, junk).
 * @param base resolves a relative URL (an HF avatar path against `https://huggingface.co`).
 */
export function safeUrl(value: unknown, base?: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cleaned = value.replace(EDGES, '').replace(INSIDE, '');
  if (!cleaned) return undefined;
  let url: URL;
  try {
    url = base ? new URL(cleaned, base) : new URL(cleaned);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.href;
}
