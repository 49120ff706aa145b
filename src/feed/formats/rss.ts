// RSS 2.0 and RDF/RSS 1.0, including arXiv's announcement feeds (rss.arxiv.org/rss/<category>):
// - arXiv lists all authors in one comma-separated `dc:creator`;
// - its description is "arXiv:2511.01234v1 Announce Type: new Abstract: ..." and only the abstract
//   is kept;
// - the arXiv id (from the link, the `oai:arXiv.org:` guid or the description) gives the abstract
//   and PDF links.
// Descriptions are HTML in general RSS (escaped or CDATA) and are reduced to their text.
import type { Author, Paper } from '../paper.js';
import { safeUrl } from '../parse/url.js';
import { collapse, countOf, htmlToText, isoDate } from '../parse/text.js';
import { arxivIdFrom, arxivLinks } from '../arxiv/ids.js';
import type { AdapterContext, AdapterResult } from './adapter.js';
import { compact, personName, readItems, titleFromText, uniqueStrings } from './util.js';

const XHTML_NS = 'http://www.w3.org/1999/xhtml';
import { ATOM_NS, type Children, child, childRaw, childText, childrenNamed, indexChildren, xmlBase } from './xml.js';

const ANNOUNCE = /^arXiv:\S+\s+Announce Type:\s*\S+\s*(?:Abstract:\s*)?/i;

/** Maps an RSS 2.0 or RDF document to Papers; `next` comes from an `atom:link rel="next"`. */
export function adaptRss(doc: Document, context: AdapterContext): AdapterResult {
  const root = indexChildren(doc.documentElement);
  const channelEl = child(root, 'channel');
  const channel = channelEl && indexChildren(channelEl);
  // RSS 2.0 nests items in the channel; RSS 1.0 (RDF) puts them next to it.
  const items = [...(channel ? childrenNamed(channel, 'item') : []), ...childrenNamed(root, 'item')];
  const base = xmlBase(channelEl, xmlBase(doc.documentElement, context.url));
  // Only arXiv's own feeds put every author in one comma-separated dc:creator.
  const arxivFeed = /^https?:\/\/([\w-]+\.)*arxiv\.org\//i.test(context.url);
  const nextLink = channel && childrenNamed(channel, 'link', ATOM_NS).find((l) => l.getAttribute('rel') === 'next');
  return {
    ...readItems(items, (item) => toPaper(item, xmlBase(item, base), arxivFeed)),
    title: channel ? childText(channel, 'title') || undefined : undefined,
    next: safeUrl(nextLink?.getAttribute('href'), context.url),
  };
}

function toPaper(item: Element, base: string, arxivFeed: boolean): Paper | undefined {
  const kids = indexChildren(item);
  const guid = childText(kids, 'guid');
  const link = safeUrl(linkOf(item, kids), base) ?? permalink(kids, guid, base);
  // RSS 0.9x–2.0 `description`, `content:encoded`, then the rarer full-text elements feedparser
  // also reads: `<fullitem>` and an XHTML `<body>` (whose markup is real elements, not escaped).
  // A `<summary>` before the description wins, as in feedparser (first one written).
  const summaryFirst = childrenNamed(kids, 'summary').length > 0 && firstOf(item, 'summary', 'description') === 'summary';
  const rawDescription =
    (summaryFirst ? childRaw(kids, 'summary') : '') ||
    childRaw(kids, 'description') ||
    childRaw(kids, 'summary') ||
    childRaw(kids, 'encoded') ||
    childRaw(kids, 'fullitem') ||
    childRaw(kids, 'body', XHTML_NS);
  const description = htmlToText(rawDescription);
  const title = titleText(childRaw(kids, 'title')) || titleFromText(description.replace(ANNOUNCE, ''), link);
  if (!title) return undefined;
  const announce = ANNOUNCE.exec(description)?.[0];
  const arxivId = arxivIdFrom(link) ?? arxivIdFrom(guid) ?? arxivIdFrom(announce);
  const authors = readAuthors(kids, arxivFeed || announce !== undefined);
  const arxiv = arxivId ? arxivLinks(arxivId) : {};
  const categories = [
    ...childrenNamed(kids, 'category').map((el) => el.textContent ?? ''),
    ...childrenNamed(kids, 'subject').map((el) => el.textContent ?? ''),
  ];

  return compact<Paper>({
    id: arxivId ?? (guid || link || title),
    title,
    summary: description.replace(ANNOUNCE, ''),
    authors,
    authorCount: authors.length,
    publishedAt: firstDate(kids, ['pubDate', 'date', 'issued', 'created', 'modified']),
    comments: countOf(childText(kids, 'comments', 'http://purl.org/rss/1.0/modules/slash/')),
    url: link ?? arxiv.arxivUrl,
    ...arxiv,
    thumbnail: thumbnailOf(kids, base),
    tags: uniqueStrings(categories),
    source: 'rss',
  });
}

/**
 * An item without a `<link>` is at its `<guid>` when the guid is a permalink: RSS 2.0 says
 * `isPermaLink` defaults to true; feedparser also requires it to look like a URL.
 */
function permalink(kids: Children, guid: string, base: string): string | undefined {
  const el = child(kids, 'guid');
  if (!el || el.getAttribute('isPermaLink')?.trim().toLowerCase() === 'false' || !/^https?:\/\//i.test(guid)) return undefined;
  return safeUrl(guid, base);
}

// Inline formatting that real RSS titles carry as escaped HTML (`E = mc&lt;sup&gt;2&lt;/sup&gt;`).
const FORMATTING = /<(b|i|em|strong|sup|sub|small|code|var)>[^<]*<\/\1>/i;

/**
 * An RSS title is plain text (RSS 2.0 says so, and `<script>` in a title is a string to show), except
 * that many feeds escape inline formatting into it: a title with such an element (no attributes,
 * closed) is read as HTML, so a
 * reader sees "E = mc2" rather than the markup, as feed readers show it.
 */
function titleText(raw: string): string {
  return FORMATTING.test(raw) ? htmlToText(raw) : collapse(raw);
}

/** Which of two child names comes first in the element. */
function firstOf(el: Element, a: string, b: string): string | undefined {
  for (let node = el.firstChild; node; node = node.nextSibling) {
    const name = (node as Element).localName;
    if (node.nodeType === 1 && (name === a || name === b)) return name;
  }
  return undefined;
}

/** The first of these children that holds a readable date, as ISO 8601; '' when none does. */
export function firstDate(kids: Children, names: string[]): string {
  for (const name of names) {
    const date = isoDate(childText(kids, name));
    if (date) return date;
  }
  return '';
}

/** The item's own `<link>` (RSS), not an `atom:link` that some feeds add. */
function linkOf(item: Element, kids: Children): string {
  const link = childrenNamed(kids, 'link').find((el) => el.namespaceURI !== ATOM_NS);
  return collapse(link?.textContent ?? '') || item.getAttribute('rdf:about') || '';
}

// arXiv puts every author in one `dc:creator` ("A. Smith, B. Jones, C. Wu"); old arXiv RDF feeds
// wrapped each name in a link, hence the HTML-to-text first. Elsewhere each `dc:creator` is one
// author ("Smith, John" must stay whole). RSS `author` is "email (Name)", and both are also written
// "Name (email)"; a bare email address is not shown as a name (personName).
function readAuthors(kids: Children, isArxiv: boolean): Author[] {
  const names: string[] = [];
  for (const creator of childrenNamed(kids, 'creator')) {
    const text = htmlToText(creator.textContent ?? '');
    if (isArxiv) names.push(...text.split(/\s*,\s*(?:and\s+)?|\s+and\s+/));
    else names.push(personName(text));
  }
  if (!names.some(Boolean)) {
    for (const author of childrenNamed(kids, 'author')) names.push(personName(collapse(author.textContent ?? '')));
  }
  return uniqueStrings(names).map((name) => ({ name }));
}

function thumbnailOf(kids: Children, base: string): string | undefined {
  const media =
    child(kids, 'thumbnail') ??
    childrenNamed(kids, 'content').find(
      (el) => el.getAttribute('medium') === 'image' || /^image\//.test(el.getAttribute('type') ?? ''),
    );
  const enclosure = childrenNamed(kids, 'enclosure').find((el) => /^image\//.test(el.getAttribute('type') ?? ''));
  return safeUrl(media?.getAttribute('url'), base) ?? safeUrl(enclosure?.getAttribute('url'), base);
}
