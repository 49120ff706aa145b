// Atom 1.0 (RFC 4287) and the arXiv API (export.arxiv.org/api/query), which is Atom with extras:
// `arxiv:comment` (kept as `note`), a `title="pdf"` link, `arxiv:primary_category`, and
// OpenSearch paging (`totalResults`, `startIndex`, `itemsPerPage`) that gives `next` via `start`.
// arXiv titles and summaries are hard-wrapped over several lines: whitespace is collapsed.
import { FeedError } from '../errors.js';
import type { Author, Paper } from '../paper.js';
import { safeUrl } from '../parse/url.js';
import { collapse, countOf, htmlToText } from '../parse/text.js';
import { arxivIdFrom, arxivLinks } from '../arxiv/ids.js';
import type { AdapterContext, AdapterResult } from './adapter.js';
import { compact, personName, readItems, titleFromText, uniqueStrings } from './util.js';
import { firstDate } from './rss.js';
import { type Children, child, childText, childrenNamed, indexChildren, xmlBase } from './xml.js';

const ARXIV_NS = 'http://arxiv.org/schemas/atom';

/** Maps an Atom document to Papers. */
export function adaptAtom(doc: Document, context: AdapterContext): AdapterResult {
  const base = xmlBase(doc.documentElement, context.url);
  const feed = indexChildren(doc.documentElement);
  const entryEls = childrenNamed(feed, 'entry');
  const entries = entryEls.map(indexChildren);
  throwOnArxivError(entries);
  return {
    ...readItems(entries, (entry, i) => toPaper(entry, xmlBase(entryEls[i], base))),
    title: textConstruct(child(feed, 'title')) || undefined,
    next: nextPage(feed, context.url, base),
  };
}

function toPaper(kids: Children, base: string): Paper | undefined {
  const summary = textConstruct(child(kids, 'summary')) || textConstruct(child(kids, 'content'));
  const entryId = childText(kids, 'id');
  const links = childrenNamed(kids, 'link');
  // The entry's page: the first alternate link (no rel means alternate) that has an href.
  const alternate = links.find((l) => (l.getAttribute('rel')?.trim() || 'alternate') === 'alternate' && l.getAttribute('href'));
  const pdf = links.find((l) => l.getAttribute('title') === 'pdf' || l.getAttribute('type') === 'application/pdf');
  const href = (el: Element | undefined) => safeUrl(el?.getAttribute('href'), xmlBase(el, base));
  // feedparser also takes an alternate link written as text (`<link rel="alternate">http://…</link>`).
  let url =
    href(alternate) ??
    safeUrl(collapse(links.find((l) => (l.getAttribute('rel')?.trim() || 'alternate') === 'alternate' && !l.getAttribute('href'))?.textContent ?? ''));
  const title = textConstruct(child(kids, 'title')) || titleFromText(summary, url);
  const arxivId = /arxiv\.org\/abs\//i.test(entryId) ? arxivIdFrom(entryId) : arxivIdFrom(url);
  // The arXiv API links a versioned http:// page; like the other adapters, give the canonical ones.
  const arxiv = arxivId ? arxivLinks(arxivId) : {};
  if (arxivIdFrom(url)) url = arxiv.arxivUrl ?? url;
  const authors = childrenNamed(kids, 'author')
    .map((author) =>
      compact<Author>({
        name: personName(childText(author, 'name')),
        // Atom 0.3 called it `url`.
        url: safeUrl(childText(author, 'uri') || childText(author, 'url'), xmlBase(author, base)),
      }),
    )
    .filter((author) => author.name);
  const media = child(kids, 'thumbnail');

  return compact<Paper>({
    // A relative id (`/relative/link`) is a URI reference like any other: resolved, as feedparser does.
    id: arxivId ?? ((/^\.{0,2}\//.test(entryId) ? safeUrl(entryId, base) : undefined) ?? (entryId || url || title)),
    title,
    summary,
    authors,
    authorCount: authors.length,
    // Atom 1.0 `published`/`updated`; Atom 0.3 `issued`/`created`/`modified`.
    publishedAt: firstDate(kids, ['published', 'issued', 'created', 'updated', 'modified']),
    url,
    arxivUrl: arxiv.arxivUrl,
    pdfUrl: arxiv.pdfUrl ?? href(pdf),
    thumbnail: safeUrl(media?.getAttribute('url'), xmlBase(media, base)),
    tags: uniqueStrings(childrenNamed(kids, 'category').map((c) => c.getAttribute('term') ?? '')),
    note: childText(kids, 'comment', ARXIV_NS) || undefined,
    source: 'atom',
  });
}

/**
 * Text of an Atom text construct: `type="html"` (Atom 0.3: `text/html`, `mode="escaped"`) is reduced
 * to its text; `text`, `xhtml` (and 0.3's `mode="xml"`, inline markup) are read as they are.
 */
function textConstruct(el: Element | undefined): string {
  if (!el) return '';
  const type = el.getAttribute('type')?.trim().toLowerCase() ?? '';
  const mode = el.getAttribute('mode')?.trim().toLowerCase() ?? '';
  const escapedHtml = mode !== 'xml' && (type === 'html' || type === 'text/html' || mode === 'escaped');
  return escapedHtml ? htmlToText(el.textContent ?? '') : collapse(el.textContent ?? '');
}

// arXiv answers a bad query with status 200 and a feed holding one entry whose id is
// http://arxiv.org/api/errors#...; reading it as a paper named "Error" would mislead.
function throwOnArxivError(entries: Children[]): void {
  const error = entries.find((entry) => /arxiv\.org\/api\/errors/i.test(childText(entry, 'id')));
  if (error) {
    const detail = childText(error, 'summary') || 'unknown error';
    throw new FeedError('shape', `arXiv answered with an error: ${detail.replace(/\.$/, '')}.`);
  }
}

/**
 * OpenSearch paging (arXiv): when `startIndex + itemsPerPage < totalResults`, `next` is the feed URL
 * with `start` moved on by one page. Otherwise an Atom `<link rel="next">` (RFC 5005), if any.
 */
function nextPage(feed: Children, url: string, base: string): string | undefined {
  const total = countOf(childText(feed, 'totalResults'));
  const start = countOf(childText(feed, 'startIndex')) ?? 0;
  const perPage = countOf(childText(feed, 'itemsPerPage'));
  if (total !== undefined && perPage) {
    if (start + perPage >= total) return undefined;
    try {
      const next = new URL(url);
      next.searchParams.set('start', String(start + perPage));
      return safeUrl(next.href);
    } catch {
      return undefined;
    }
  }
  const link = childrenNamed(feed, 'link').find((l) => l.getAttribute('rel') === 'next');
  return safeUrl(link?.getAttribute('href'), xmlBase(link, base));
}
