/** The feed formats paperfeed reads. `custom` marks papers made by a `transform` hook. */
export type SourceFormat = 'hf' | 'jsonfeed' | 'rss' | 'atom' | 'custom';

/** What a `format` option accepts: one of the formats, or `auto` to detect it from the response. */
export type FeedFormat = 'auto' | Exclude<SourceFormat, 'custom'>;

export interface Author {
  name: string;
  /** Profile page; only ever an absolute http(s) URL. */
  url?: string;
}

/**
 * One paper, whatever feed it came from. Every adapter produces exactly this shape, and the
 * elements read nothing else. Every URL field has passed `safeUrl` (absolute http/https only);
 * every string is plain text (HTML has been reduced to its text), never markup.
 */
export interface Paper {
  /** Stable id within its feed: the arXiv id where known (`2510.12345`), else the feed's own id or URL. */
  id: string;
  title: string;
  /** The abstract, as plain text. */
  summary: string;
  /** Named authors, in order. May be empty when the source only gives a count. */
  authors: Author[];
  /** How many authors the paper has; at least `authors.length`. */
  authorCount: number;
  /** ISO 8601 date-time (`2024-10-28T00:00:00.000Z`); empty string when the source gives none. */
  publishedAt: string;
  upvotes?: number;
  comments?: number;
  /** The paper's page: HF paper page, arXiv abstract page, or the feed item's link. */
  url?: string;
  arxivUrl?: string;
  pdfUrl?: string;
  codeUrl?: string;
  codeStars?: number;
  projectUrl?: string;
  thumbnail?: string;
  /** Keywords or categories, as plain text. */
  tags: string[];
  organization?: { name: string; url?: string; avatar?: string };
  submittedBy?: { name: string; url?: string; avatar?: string };
  /** A short machine-written summary, where the source has one (HF `ai_summary`). */
  aiSummary?: string;
  /** arXiv's comment line ("12 pages, 4 figures"). */
  note?: string;
  /** Which format the paper was read from. */
  source: SourceFormat;
}

/**
 * One paper as a `transform` returns it: a `title` and any other `Paper` fields; the rest is filled
 * in. Authors may be plain names. `source` is always `custom`.
 */
export type PaperInput = Partial<Omit<Paper, 'source' | 'authors'>> & {
  title: string;
  authors?: ReadonlyArray<Author | string>;
};
