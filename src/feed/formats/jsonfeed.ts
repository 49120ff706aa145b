// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). `authors` is 1.1, `author` is 1.0;
// an item without authors takes the feed's. The abstract is `content_text`, else the text of
// `content_html`, else `summary`.
import type { Author, Paper } from '../paper.js';
import { safeUrl } from '../parse/url.js';
import { htmlToText, isoDate, textOf } from '../parse/text.js';
import { arxivIdFrom, arxivLinks } from '../arxiv/ids.js';
import type { AdapterContext, AdapterResult } from './adapter.js';
import { compact, idOf, isRecord, personName, readItems, titleFromText, uniqueStrings } from './util.js';

type Json = Record<string, unknown>;

/** Maps a JSON Feed document to Papers; `next` is the feed's `next_url`. */
export function adaptJsonFeed(body: unknown, context: AdapterContext): AdapterResult {
  const feed: Json = isRecord(body) ? body : {};
  const items: unknown[] = Array.isArray(feed.items) ? feed.items : [];
  const feedAuthors = readAuthors(feed, context.url);
  return {
    ...readItems(items, (item) => (isRecord(item) ? toPaper(item, feedAuthors, context.url) : undefined)),
    title: textOf(feed.title) || undefined,
    next: safeUrl(feed.next_url, context.url),
  };
}

function toPaper(item: Json, feedAuthors: Author[], base: string): Paper | undefined {
  const summary =
    textOf(item.content_text) ||
    (typeof item.content_html === 'string' ? htmlToText(item.content_html) : '') ||
    textOf(item.summary);
  // A microblog item has no title: it is titled from its text.
  const rawTitle = titleEntities(textOf(item.title));
  const url = safeUrl(item.url, base);
  const external = safeUrl(item.external_url, base);
  const title = rawTitle || titleFromText(summary, url ?? external);
  const arxivId = arxivIdFrom(external) ?? arxivIdFrom(url);
  const own = readAuthors(item, base);
  const authors = own.length ? own : feedAuthors;

  return compact<Paper>({
    id: arxivId ?? (idOf(item.id) || url || title),
    title,
    summary,
    authors,
    authorCount: authors.length,
    publishedAt: isoDate(item.date_published) || isoDate(item.date_modified),
    url: url ?? external,
    ...(arxivId && arxivLinks(arxivId)),
    thumbnail: safeUrl(item.image, base) ?? safeUrl(item.banner_image, base),
    tags: uniqueStrings(item.tags),
    source: 'jsonfeed',
  });
}

/**
 * JSON Feed titles are plain text, but real feeds HTML-escape typography into them (`Don&#8217;t`,
 * `&amp;`): those references are decoded. A reference to an ASCII character other than `&`, `'` and
 * `"` (`&lt;`, `&colon;`, `&#9;`) is what hostile feeds use to smuggle markup or a `javascript:` past
 * a reader, so it stays as written and shows as such.
 */
function titleEntities(title: string): string {
  if (!title.includes('&')) return title;
  return title.replace(/&(#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/gi, (ref, name: string) => {
    const char = name[0] === '#' ? fromCode(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))) : htmlToText(ref);
    return char && char !== ref && ([...char].length === 1 || char.length <= 2) && (char.charCodeAt(0) > 127 || `&'"`.includes(char)) ? char : ref;
  });
}

function fromCode(code: number): string {
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '';
}

/** 1.1's `authors`, else (also when it names nobody, e.g. `authors: []`) 1.0's `author`. */
function readAuthors(owner: Json, base: string): Author[] {
  const authors: Author[] = [];
  for (const list of [owner.authors, [owner.author]]) {
    if (authors.length || !Array.isArray(list)) continue;
    for (const author of list) {
      const name = isRecord(author) && personName(textOf(author.name));
      if (name) authors.push(compact<Author>({ name, url: safeUrl(author.url, base) }));
    }
  }
  return authors;
}
