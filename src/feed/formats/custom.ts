// Papers from a user's `transform`. We do not trust them more than a feed: every string becomes
// plain collapsed text, every URL goes through safeUrl, and an item without a title is skipped.
import type { Author, Paper } from '../paper.js';
import { safeUrl } from '../parse/url.js';
import { countOf, isoDate, textOf } from '../parse/text.js';
import { compact, idOf, isRecord, uniqueStrings } from './util.js';

/** Normalizes one transform result; undefined when it is not an object with a title. */
export function normalizePaper(value: unknown, base: string): Paper | undefined {
  if (!isRecord(value)) return undefined;
  const title = textOf(value.title);
  if (!title) return undefined;
  const authors: Author[] = Array.isArray(value.authors)
    ? value.authors.flatMap((a) => {
        const name = isRecord(a) ? textOf(a.name) : textOf(a);
        return name ? [compact<Author>({ name, url: isRecord(a) ? safeUrl(a.url, base) : undefined })] : [];
      })
    : [];
  const url = safeUrl(value.url, base);
  return compact<Paper>({
    id: idOf(value.id) || url || title,
    title,
    summary: textOf(value.summary),
    authors,
    authorCount: Math.max(authors.length, countOf(value.authorCount) ?? 0),
    publishedAt: isoDate(value.publishedAt),
    upvotes: countOf(value.upvotes),
    comments: countOf(value.comments),
    url,
    arxivUrl: safeUrl(value.arxivUrl, base),
    pdfUrl: safeUrl(value.pdfUrl, base),
    codeUrl: safeUrl(value.codeUrl, base),
    codeStars: countOf(value.codeStars),
    projectUrl: safeUrl(value.projectUrl, base),
    thumbnail: safeUrl(value.thumbnail, base),
    tags: uniqueStrings(value.tags),
    organization: account(value.organization, base),
    submittedBy: account(value.submittedBy, base),
    aiSummary: textOf(value.aiSummary) || undefined,
    note: textOf(value.note) || undefined,
    source: 'custom',
  });
}

function account(value: unknown, base: string): Paper['organization'] {
  if (!isRecord(value)) return undefined;
  const name = textOf(value.name);
  return name ? compact({ name, url: safeUrl(value.url, base), avatar: safeUrl(value.avatar, base) }) : undefined;
}
