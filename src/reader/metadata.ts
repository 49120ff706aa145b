// Machine-readable metadata for each paper, two ways:
// - schema.org ScholarlyArticle microdata, for search engines (Google flattens shadow DOM when it
//   renders; a server-rendered list ships it in declarative shadow DOM). The card puts
//   `itemscope itemtype=…` on its <article> and `${scholarlyMicrodata(paper)}` inside it: a hidden
//   block of <span>/<data> elements (no <time>: the card's visible date stays its only one), so it needs no change to the visible markup.
// - COinS (OpenURL ContextObjects in `<span class="Z3988">`), which the Zotero Connector reads from
//   the page's light DOM (its translators do not look into shadow roots). `CoinsController` keeps
//   one span per paper in a hidden container in the host's light DOM.
// Every value goes through a Lit text or attribute binding, which escapes it; nothing is markup.
import { html, nothing, render, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import type { Paper } from '../feed/paper.js';
import { safeUrl } from '../feed/parse/url.js';
import { arxivDoi, arxivIdOf, doiOf } from './ids.js';

export const SCHOLARLY_ARTICLE = 'https://schema.org/ScholarlyArticle';
export const PERSON = 'https://schema.org/Person';

/** The identifiers a paper has: arXiv id and DOI (arXiv's own DOI for arXiv papers). */
export function identifiersOf(paper: Paper): { arxiv?: string; doi?: string } {
  const arxiv = arxivIdOf(paper);
  const doi = doiOf(paper) ?? (arxiv ? arxivDoi(arxiv) : undefined);
  return { arxiv, doi };
}

/** `YYYY-MM-DD` of an ISO date-time, '' for none. */
const dayOf = (iso: string) => (/^\d{4}-\d{2}-\d{2}/.exec(iso ?? '')?.[0] ?? '');

/**
 * The microdata properties of a ScholarlyArticle, as a hidden block for the inside of an element
 * that carries `itemscope itemtype=${SCHOLARLY_ARTICLE}` (see {@link articleScope}).
 */
export function scholarlyMicrodata(paper: Paper): TemplateResult {
  const { arxiv, doi } = identifiersOf(paper);
  const date = dayOf(paper.publishedAt);
  const url = safeUrl(paper.url);
  // A paper set by a script may hold junk: only strings become values.
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const authors = (Array.isArray(paper.authors) ? paper.authors : []).map((author) => text(author?.name)).filter(Boolean);
  const tags = (Array.isArray(paper.tags) ? paper.tags : []).map(text).filter(Boolean);
  const same = [arxiv ? `https://arxiv.org/abs/${arxiv}` : undefined, doi ? `https://doi.org/${doi}` : undefined].filter(
    (link): link is string => !!link && link !== url,
  );
  // Feed text goes in as text content (a span's microdata value), never as an attribute value, and
  // URLs only once checked to be http(s), as <data value> (a <link> is an active element): an
  // attribute holding a feed's "javascript:…" would be one more place a scanner could read as a link.
  return html`<span class="pf-metadata" hidden>
    <span itemprop="name">${text(paper.title)}</span>
    ${authors.map((name) => html`<span itemprop="author" itemscope itemtype=${PERSON}><span itemprop="name">${name}</span></span>`)}
    ${date ? html`<data itemprop="datePublished" value=${date}></data>` : nothing}
    ${arxiv ? html`<span itemprop="identifier">arXiv:${arxiv}</span>` : nothing}
    ${doi ? html`<span itemprop="identifier">doi:${doi}</span>` : nothing}
    ${url ? html`<data itemprop="url" value=${url}></data>` : nothing}
    ${same.map((link) => html`<data itemprop="sameAs" value=${link}></data>`)}
    ${text(paper.summary) ? html`<span itemprop="abstract">${text(paper.summary)}</span>` : nothing}
    ${tags.length ? html`<span itemprop="keywords">${tags.join(', ')}</span>` : nothing}
  </span>`;
}

/** The whole ScholarlyArticle as one element (for a host that has no article of its own, or a test). */
export const scholarlyArticle = (paper: Paper, content: unknown = nothing): TemplateResult =>
  html`<div itemscope itemtype=${SCHOLARLY_ARTICLE}>${scholarlyMicrodata(paper)}${content}</div>`;

/** The attributes the card's <article> needs, as a doc aid: `itemscope itemtype=${SCHOLARLY_ARTICLE}`. */
export const articleScope = { itemscope: '', itemtype: SCHOLARLY_ARTICLE } as const;

/**
 * An OpenURL 1.0 ContextObject (KEV) for a COinS span's `title`: genre preprint/article, title,
 * authors, date, identifiers (info:arxiv, info:doi) and the page's URL.
 */
export function coinsTitle(paper: Paper): string {
  const { arxiv, doi } = identifiersOf(paper);
  const pairs: [string, string][] = [
    ['ctx_ver', 'Z39.88-2004'],
    ['rft_val_fmt', 'info:ofi/fmt:kev:mtx:journal'],
    ['rft.genre', arxiv ? 'preprint' : 'article'],
    ['rft.atitle', paper.title],
  ];
  if (arxiv) pairs.push(['rft.jtitle', 'arXiv'], ['rft_id', `info:arxiv/${arxiv}`]);
  if (doi) pairs.push(['rft_id', `info:doi/${doi}`]);
  if (paper.url) pairs.push(['rft_id', paper.url]);
  for (const author of paper.authors) pairs.push(['rft.au', author.name]);
  const date = dayOf(paper.publishedAt);
  if (date) pairs.push(['rft.date', date]);
  return pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
}

/** One COinS span (empty, so it shows nothing and is read by Zotero's COinS translator). */
export const coinsSpan = (paper: Paper): TemplateResult => html`<span class="Z3988" title=${coinsTitle(paper)}></span>`;

/**
 * Keeps COinS spans for `papers()` in a hidden container in the host's LIGHT DOM, where the Zotero
 * Connector finds them. The container has no slot, so the shadow tree never shows it.
 */
export class CoinsController implements ReactiveController {
  #host: ReactiveElement;
  #papers: () => readonly Paper[];
  #container?: HTMLElement;

  constructor(host: ReactiveElement, papers: () => readonly Paper[]) {
    this.#host = host;
    this.#papers = papers;
    host.addController(this);
  }

  hostUpdated(): void {
    const papers = this.#papers();
    if (!papers.length && !this.#container) return;
    if (!this.#container) {
      this.#container = document.createElement('div');
      this.#container.hidden = true;
      this.#container.setAttribute('data-paperfeed-coins', '');
    }
    if (this.#container.parentNode !== this.#host) this.#host.append(this.#container);
    render(html`${papers.map(coinsSpan)}`, this.#container);
  }

  hostDisconnected(): void {
    this.#container?.remove();
  }
}
