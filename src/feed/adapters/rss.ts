// RSS 2.0 and RDF/RSS 1.0, including arXiv's announcement feeds (rss.arxiv.org/rss/<category>):
// - arXiv lists all authors in one comma-separated `dc:creator`;
// - its description is "arXiv:2511.01234v1 Announce Type: new Abstract: ..." and only the abstract
//   is kept;
// - the arXiv id (from the link, the `oai:arXiv.org:` guid or the description) gives the abstract
//   and PDF links.
// Descriptions are HTML in general RSS (escaped or CDATA) and are reduced to their text.
import type { Author, Paper } from '../paper.js';
import { safeUrl } from '../url.js';
import { arxivIdFrom, arxivLinks, collapse, countOf, htmlToText, isoDate } from '../text.js';
import type { AdapterContext, AdapterResult } from './adapter.js';
import { compact, readItems, uniqueStrings } from './util.js';
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
  const title = childText(kids, 'title');
  if (!title) return undefined;
  const link = safeUrl(linkOf(item, kids), base);
  const guid = childText(kids, 'guid');
  const rawDescription = childRaw(kids, 'description') || childRaw(kids, 'encoded');
  const description = htmlToText(rawDescription);
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
    publishedAt: isoDate(childText(kids, 'pubDate')) || isoDate(childText(kids, 'date')),
    comments: countOf(childText(kids, 'comments', 'http://purl.org/rss/1.0/modules/slash/')),
    url: link ?? arxiv.arxivUrl,
    ...arxiv,
    thumbnail: thumbnailOf(kids, base),
    tags: uniqueStrings(categories),
    source: 'rss',
  });
}

/** The item's own `<link>` (RSS), not an `atom:link` that some feeds add. */
function linkOf(item: Element, kids: Children): string {
  const link = childrenNamed(kids, 'link').find((el) => el.namespaceURI !== ATOM_NS);
  return collapse(link?.textContent ?? '') || item.getAttribute('rdf:about') || '';
}

// arXiv puts every author in one `dc:creator` ("A. Smith, B. Jones, C. Wu"); old arXiv RDF feeds
// wrapped each name in a link, hence the HTML-to-text first. Elsewhere each `dc:creator` is one
// author ("Smith, John" must stay whole), and RSS `author` is "email (Name)".
function readAuthors(kids: Children, isArxiv: boolean): Author[] {
  const names: string[] = [];
  for (const creator of childrenNamed(kids, 'creator')) {
    const text = htmlToText(creator.textContent ?? '');
    if (isArxiv) names.push(...text.split(/\s*,\s*(?:and\s+)?|\s+and\s+/));
    else names.push(text);
  }
  if (!names.length) {
    for (const author of childrenNamed(kids, 'author')) {
      const text = collapse(author.textContent ?? '');
      names.push(/\(([^)]+)\)\s*$/.exec(text)?.[1] ?? text);
    }
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
