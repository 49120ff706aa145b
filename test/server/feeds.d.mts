// Types for feeds.mjs (plain JS so Node and the browser share it).

export interface PaperSpec {
  id: string;
  title: string;
  summary: string;
  authors: string[];
  publishedAt: string;
  upvotes: number;
  comments: number;
  tags: string[];
  thumbnail?: string;
  organization?: string;
  codeUrl?: string;
  projectUrl?: string;
  comment?: string;
  category?: string;
  // Optional hostile or unusual fields, used by the XSS corpus.
  url?: string;
  pdfUrl?: string;
  externalUrl?: string;
  guid?: string;
  summaryHtml?: string;
  aiSummary?: string;
  authorUrl?: string;
  authorUser?: string;
  authorEmail?: string;
  orgHandle?: string;
  orgAvatar?: string;
  submitter?: string;
  submitterHandle?: string;
  submitterAvatar?: string;
  banner?: string;
  commentsUrl?: string;
  affiliation?: string;
  doi?: string;
  doiUrl?: string;
  /** Write the title (RSS, Atom) as a CDATA section. */
  cdata?: boolean;
  /** Fields written unescaped into XML formats (must be well-formed XML content). */
  raw?: { title?: string; summary?: string };
}

export type WireFormat = 'hf' | 'jsonfeed' | 'rss' | 'atom' | 'arxiv-atom' | 'arxiv-rss';

export function makePapers(count: number, options?: { prefix?: string; origin?: string; start?: number }): PaperSpec[];
export function xmlEscape(value: string): string;
export function cdata(value: string): string;
export function hfJson(papers: PaperSpec[]): string;
export function jsonFeed(papers: PaperSpec[], options?: { title?: string; homePage?: string }): string;
export function rss(papers: PaperSpec[], options?: { title?: string }): string;
export function arxivRss(papers: PaperSpec[]): string;
export function atom(papers: PaperSpec[], options?: { title?: string }): string;
export function arxivAtom(papers: PaperSpec[]): string;
export const FORMATS: Record<WireFormat, { write: (papers: PaperSpec[], options?: { title?: string }) => string; type: string }>;
export function feedBody(format: string, papers: PaperSpec[], options?: { title?: string }): { body: string; type: string };
