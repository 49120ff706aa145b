// `import { renderList, renderCard } from 'paperfeed/ssr'` (Node 20+, server only): the elements'
// HTML with declarative shadow DOM, for static-site generators and servers. Papers are in the HTML
// (readable without JavaScript, by search engines and feed readers), and the page's script takes
// them over (hydration, @lit-labs/ssr-client) without fetching them again while they are fresh.
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html, nothing, type TemplateResult } from 'lit';
import '../paperfeed.js';
// XML feeds (RSS, Atom, arXiv) and HTML in JSON Feeds need a parser where there is no DOMParser.
import '../feed/server.js';
import { FeedError } from '../feed/errors.js';
import { currentFetch, setFetch } from '../feed/net/fetch-hook.js';
import { loadFeed } from '../feed/load.js';
import type { FeedFormat, Paper } from '../feed/paper.js';
import type { CardVariant } from '../card/paperfeed-card.js';
import type { ListLayout, ListSort } from '../list/paperfeed-list.js';
import type { Theme } from '../internal/base.js';
import { now } from '../internal/clock.js';
import { embedScript, type ListData } from '../internal/embedded.js';

export { FeedError } from '../feed/errors.js';
export type { ListData } from '../internal/embedded.js';

type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** Options of `renderList`: the list's attributes, and how the server fetches. */
export interface RenderListOptions {
  /** The feed URL (absolute: a server has no page to resolve it against). Required. */
  src: string;
  /** Papers per page (the `limit` attribute). */
  limit?: number;
  heading?: string;
  headingLevel?: number;
  layout?: ListLayout;
  sort?: ListSort;
  format?: FeedFormat;
  theme?: Theme;
  /** Language of dates and numbers, written as the list's `lang` attribute. Default: none, which renders English on the server. */
  lang?: string;
  noToolbar?: boolean;
  noPeriods?: boolean;
  /** Seconds, the `refresh` attribute: the browser fetches again this often. */
  refresh?: number;
  /** Milliseconds before the server's fetch (and the browser's) gives up. */
  timeout?: number;
  proxy?: string;
  /**
   * Seconds the embedded papers count as fresh: a page opened within that time after the render
   * fetches nothing; a later one shows them at once and fetches the feed in the background.
   * `null`: always fresh (the browser never fetches unless `refresh` or Retry asks). Default 3600.
   */
  maxAge?: number | null;
  /**
   * The `fetch` the feed engine uses for this render (through the hook `setFetch` from
   * `paperfeed/feed` sets; the one in force before is put back when the feed is in): for tests,
   * caches or a proxy. Default: the global `fetch`, or the hook set with `setFetch`.
   */
  fetch?: FetchLike;
  /**
   * A feed that cannot be read: `throw` (default) rejects with its `FeedError`, the way `loadFeed`
   * does; `render` renders the list's error state (message and Retry), and the browser tries again.
   */
  onError?: 'throw' | 'render';
  signal?: AbortSignal;
}

/** Options of `renderCard`. */
export interface RenderCardOptions {
  variant?: CardVariant;
  headingLevel?: number;
  theme?: Theme;
  lang?: string;
}

const DEFAULT_MAX_AGE = 3600;

/** The HTML of any Lit template, the elements in it rendered to declarative shadow DOM. */
export async function renderTemplate(template: TemplateResult): Promise<string> {
  return collectResult(render(template));
}

/**
 * The element's HTML as a page embeds it: without the markers of our one-element wrapper template
 * (nobody hydrates that template; the element hydrates its own shadow root), the open tag alone on
 * its line (Markdown reads a line starting with a complete open tag as the start of an HTML block),
 * and `script` as its last child.
 */
function finish(rendered: string, tag: string, script: string): string {
  const start = rendered.indexOf(`<${tag}`);
  const end = rendered.lastIndexOf(`</${tag}>`);
  const open = rendered.indexOf('>', start) + 1;
  // Whitespace between attributes only (outside the quoted values).
  const tagText = rendered
    .slice(start, open)
    .split('"')
    .map((part, i) => (i % 2 ? part : part.replace(/\s+/g, ' ')))
    .join('"')
    .replace(/ >$/, '>');
  return `${tagText}\n${rendered.slice(open, end)}${script}</${tag}>`;
}

/**
 * Fetches `src` with the same engine as the browser (any format; the same `FeedError`s as
 * `loadFeed`) and returns the HTML of a `<paperfeed-list>` showing it: declarative shadow DOM with
 * every paper as text, plus the data it rendered (papers, fetch time, `src`) in an inert JSON
 * script the element reads when the page's script loads.
 */
export async function renderList(options: RenderListOptions): Promise<string> {
  const { src } = options;
  if (typeof src !== 'string' || !src) throw new TypeError('[paperfeed] renderList: `src` is required.');
  const maxAge = options.maxAge === undefined ? DEFAULT_MAX_AGE : options.maxAge;
  // `fetch` is for this render only: the fetch in force before it is put back once the feed is in.
  const previousFetch = options.fetch ? currentFetch() : undefined;
  if (options.fetch) setFetch(options.fetch);
  let data: ListData;
  try {
    const result = await loadFeed(src, { format: options.format, timeout: options.timeout, proxy: options.proxy, signal: options.signal });
    data = { src, fetchedAt: now(), maxAge, format: result.format, papers: result.papers, next: result.next };
  } catch (error) {
    if (options.onError !== 'render' || !(error instanceof FeedError) || error.kind === 'abort') throw error;
    data = { src, fetchedAt: now(), maxAge, format: 'custom', papers: [], error };
  } finally {
    if (previousFetch) setFetch(previousFetch);
  }
  const state = data.error ? 'error' : data.papers.length ? 'loaded' : 'empty';
  const o = options;
  const html_ = await renderTemplate(html`<paperfeed-list
    src=${src}
    state=${state}
    limit=${o.limit ?? nothing}
    heading=${o.heading ?? nothing}
    heading-level=${o.headingLevel ?? nothing}
    layout=${o.layout ?? nothing}
    sort=${o.sort ?? nothing}
    format=${o.format ?? nothing}
    theme=${o.theme ?? nothing}
    lang=${o.lang ?? nothing}
    refresh=${o.refresh ?? nothing}
    timeout=${o.timeout ?? nothing}
    proxy=${o.proxy ?? nothing}
    ?no-toolbar=${!!o.noToolbar}
    ?no-periods=${!!o.noPeriods}
    .serverData=${data}
  ></paperfeed-list>`);
  return finish(html_, 'paperfeed-list', embedScript(data));
}

/** The HTML of a `<paperfeed-card>` showing `paper`, with the paper embedded for hydration. */
export async function renderCard(paper: Paper, options: RenderCardOptions = {}): Promise<string> {
  const o = options;
  const html_ = await renderTemplate(html`<paperfeed-card
    variant=${o.variant ?? nothing}
    heading-level=${o.headingLevel ?? nothing}
    theme=${o.theme ?? nothing}
    lang=${o.lang ?? nothing}
    .paper=${paper}
  ></paperfeed-card>`);
  return finish(html_, 'paperfeed-card', embedScript({ paper }));
}
