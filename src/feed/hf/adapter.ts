// Hugging Face papers. Three shapes come from huggingface.co:
// - `/api/daily_papers`: an array of items `{ paper: {...}, title, summary, thumbnail, numComments,
//   submittedBy, organization, publishedAt }`;
// - `/api/papers/search?q=`: an array of items of the same `{ paper, ... }` shape;
// - `/api/papers/{id}`: one flat paper object `{ id, title, summary, authors, upvotes, ... }`.
// The item's own `title`/`summary` win over the nested paper's (HF may edit them for the page).
//
// paperfeed extensions: `paper.numAuthors` (a number) gives an author count when the names are not
// known, and `paper.url` a page for a paper without an arXiv id (HF links those to `/papers/{id}`);
// `demo/daily-papers.json`, made from a page capture that shows only "8 authors" and no ids, uses both.
import type { Author, Paper } from '../paper.js';
import { safeUrl } from '../parse/url.js';
import { countOf, isoDate, textOf } from '../parse/text.js';
import { arxivLinks, isArxivId } from '../arxiv/ids.js';
import type { AdapterContext, AdapterResult } from '../formats/adapter.js';
import { compact, isRecord, readItems, slug, uniqueStrings } from '../formats/util.js';

export const HF_ORIGIN = 'https://huggingface.co';

type Json = Record<string, unknown>;

/** True for a body that looks like an HF papers response (used by format detection). */
export function looksLikeHf(body: unknown): boolean {
  if (Array.isArray(body)) {
    return body.length === 0 || body.some((item) => isRecord(item) && (isRecord(item.paper) || isPaperLike(item)));
  }
  return isRecord(body) && (isRecord(body.paper) || isPaperLike(body));
}

function isPaperLike(value: Json): boolean {
  return typeof value.title === 'string' && ('summary' in value || 'upvotes' in value || 'authors' in value);
}

/**
 * Maps an HF papers body to Papers.
 *
 * Paging rule: HF pages `/api/daily_papers` with `p` (0-based page) and `limit`. When the feed URL
 * has a `limit` and this page came back full (at least `limit` items), `next` is the same URL with
 * `p` increased by one (`p=1` when it had none). A short page, or a URL without `limit`, has no `next`.
 */
export function adaptHf(body: unknown, context: AdapterContext): AdapterResult {
  const items: unknown[] = Array.isArray(body) ? body : [body];
  return {
    ...readItems(items, hfPaper),
    next: Array.isArray(body) ? hfNextPage(context.url, items.length) : undefined,
  };
}

/** One item of an HF papers array as a Paper; undefined when it is not an object with a title. */
export function hfPaper(item: unknown): Paper | undefined {
  if (!isRecord(item)) return undefined;
  const paper: Json = isRecord(item.paper) ? item.paper : item;
  const title = textOf(item.title) || textOf(paper.title);
  if (!title) return undefined;

  const rawId = textOf(paper.id);
  const id = rawId || slug(title);
  const arxiv = isArxivId(rawId) ? arxivLinks(rawId) : undefined;
  const { authors, authorCount } = readAuthors(paper);

  return compact<Paper>({
    id,
    title,
    summary: textOf(item.summary) || textOf(paper.summary),
    authors,
    authorCount,
    publishedAt: isoDate(paper.publishedAt) || isoDate(item.publishedAt),
    upvotes: countOf(paper.upvotes ?? item.upvotes),
    comments: countOf(item.numComments ?? paper.numComments),
    url: arxiv ? safeUrl(`/papers/${rawId}`, HF_ORIGIN) : safeUrl(paper.url),
    arxivUrl: arxiv?.arxivUrl,
    pdfUrl: arxiv?.pdfUrl,
    codeUrl: safeUrl(paper.githubRepo),
    codeStars: countOf(paper.githubStars),
    projectUrl: safeUrl(paper.projectPage),
    thumbnail: safeUrl(item.thumbnail ?? paper.thumbnail, HF_ORIGIN),
    tags: uniqueStrings(paper.ai_keywords),
    organization: readAccount(item.organization ?? paper.organization, 'avatar'),
    submittedBy: readAccount(item.submittedBy ?? paper.submittedOnDailyBy, 'avatarUrl'),
    aiSummary: textOf(paper.ai_summary) || undefined,
    source: 'hf',
  });
}

// Hidden authors (`hidden: true`) are not named on HF's page, but they are still authors: they
// count towards authorCount.
function readAuthors(paper: Json): { authors: Author[]; authorCount: number } {
  const list = Array.isArray(paper.authors) ? paper.authors : [];
  const authors: Author[] = [];
  let listed = 0;
  for (const author of list) {
    if (!isRecord(author)) continue;
    listed++;
    const name = textOf(author.name);
    if (!name || author.hidden === true) continue;
    const user = isRecord(author.user) ? textOf(author.user.user) : '';
    authors.push(compact<Author>({ name, url: user ? safeUrl(`/${encodeURIComponent(user)}`, HF_ORIGIN) : undefined }));
  }
  const authorCount = Math.max(listed, countOf(paper.numAuthors) ?? 0);
  return { authors, authorCount };
}

/** An HF user or organization: `{ name, fullname, avatar | avatarUrl }` (users may use `user` for the handle). */
function readAccount(value: unknown, avatarKey: 'avatar' | 'avatarUrl'): Paper['organization'] {
  if (!isRecord(value)) return undefined;
  const handle = textOf(value.name) || textOf(value.user);
  const name = textOf(value.fullname) || handle;
  if (!name) return undefined;
  return compact({
    name,
    url: handle ? safeUrl(`/${encodeURIComponent(handle)}`, HF_ORIGIN) : undefined,
    avatar: safeUrl(value[avatarKey] ?? value.avatar ?? value.avatarUrl, HF_ORIGIN),
  });
}

/** The next page's URL for an HF array of `count` items fetched from `url` (see adaptHf's paging rule). */
export function hfNextPage(url: string, count: number): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const limit = countOf(parsed.searchParams.get('limit'));
  if (!limit || count < limit) return undefined;
  const page = countOf(parsed.searchParams.get('p')) ?? 0;
  parsed.searchParams.set('p', String(page + 1));
  return safeUrl(parsed.href);
}
