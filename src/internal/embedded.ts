import { FeedError, type FeedErrorKind } from '../feed/errors.js';
import type { Paper, SourceFormat } from '../feed/paper.js';
import { now } from './clock.js';

// What a server render (src/ssr) leaves in the page for the element to take over: the papers it
// rendered, when they were fetched and from where. It travels as an inert JSON script, a child of
// the element (`<script type="application/json" data-paperfeed>`): browsers never run it, and
// neither element has a default slot, so it shows nowhere. The element reads it before its first
// render, so the hydrating render writes what the server wrote, and it fetches nothing while fresh.

/** The attribute that marks the embedded script. */
export const EMBED_ATTRIBUTE = 'data-paperfeed';

/** The server's render of a list, as embedded in the page. */
export interface ListData {
  /** The `src` the server fetched (exactly the attribute's value). */
  src: string;
  /** When the feed was fetched, in ms since the epoch. */
  fetchedAt: number;
  /** Seconds the data stays fresh after `fetchedAt`; `null` keeps it fresh forever. */
  maxAge: number | null;
  format: SourceFormat;
  papers: Paper[];
  next?: string;
  /** The fetch failed: the list shows this error (with Retry) and fetches again on the client. */
  error?: FeedError;
}

/** The server's render of a card. */
export interface CardData {
  paper: Paper;
}

/**
 * The script element embedding `data`, as HTML. JSON escapes only quotes and backslashes, so every
 * `<`, `>` and `&` (and U+2028/9) becomes a `\u` escape too: a feed title holding `</script>` or
 * `<!--` stays inside the string, and the HTML parser never sees markup in it.
 */
export function embedScript(data: ListData | CardData): string {
  const plain = 'error' in data && data.error ? { ...data, error: { kind: data.error.kind, message: data.error.message } } : data;
  const json = JSON.stringify(plain).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<script type="application/json" ${EMBED_ATTRIBUTE}>${json}</script>`;
}

/** The JSON of the host's embedded script, parsed; undefined when there is none or it is not JSON. */
function readJson(host: Element): unknown {
  const script = host.querySelector(`:scope > script[type="application/json"][${EMBED_ATTRIBUTE}]`);
  if (!script?.textContent) return undefined;
  try {
    return JSON.parse(script.textContent);
  } catch {
    console.warn(`[paperfeed] <${host.localName}>: its embedded server data is not JSON; ignoring it. Render the page again.`);
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isPaper = (value: unknown): value is Paper => isObject(value) && typeof value.title === 'string';

/**
 * The list data embedded in `host` by a server render, if any and well formed. An embedded error
 * comes back as a `FeedError`. Freshness is the caller's question (`isFresh`).
 */
export function readEmbedded(host: Element): ListData | undefined {
  const data = readJson(host);
  if (!isObject(data) || typeof data.src !== 'string' || !Array.isArray(data.papers) || typeof data.fetchedAt !== 'number') {
    return undefined;
  }
  const error = isObject(data.error) ? new FeedError(String(data.error.kind) as FeedErrorKind, String(data.error.message)) : undefined;
  return {
    src: data.src,
    fetchedAt: data.fetchedAt,
    maxAge: typeof data.maxAge === 'number' ? data.maxAge : null,
    format: (typeof data.format === 'string' ? data.format : 'custom') as SourceFormat,
    papers: data.papers.filter(isPaper),
    next: typeof data.next === 'string' ? data.next : undefined,
    error,
  };
}

/** The paper embedded in a server-rendered card, if any. */
export function readEmbeddedPaper(host: Element): Paper | undefined {
  const data = readJson(host);
  return isObject(data) && isPaper(data.paper) ? data.paper : undefined;
}

/** Whether embedded list data can stand for a fetch now: no error, and younger than its `maxAge`. */
export function isFresh(data: ListData, at: number = now()): boolean {
  if (data.error) return false;
  return data.maxAge === null || at - data.fetchedAt < data.maxAge * 1000;
}
