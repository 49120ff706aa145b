// Papers for the card tests, read with the real adapters from every feed fixture in the repository,
// the demo's seed feed and, where the checkout has them, the real Hugging Face and arXiv answers in
// ../shared/real-feeds (read at test time, never copied). Every image URL is pointed at a local
// file first, so no test ever asks a CDN for a thumbnail or an avatar.
import { parseFeed } from '../src/feed/parse/parse.js';
import type { Paper } from '../src/feed/paper.js';

export const LOCAL_IMAGE = new URL('/test/fixtures/thumbnail.svg', location.href).href;
/** A URL the test server answers with 404: an image that fails. */
export const MISSING_IMAGE = new URL('/test/fixtures/missing-avatar.png', location.href).href;

const FIXTURES: [path: string, type: string, url: string][] = [
  ['/test/fixtures/hf-daily-papers.json', 'application/json', 'https://huggingface.co/api/daily_papers'],
  ['/test/fixtures/hf-search.json', 'application/json', 'https://huggingface.co/api/papers/search?q=x'],
  ['/test/fixtures/hf-paper.json', 'application/json', 'https://huggingface.co/api/papers/2511.04570'],
  ['/test/fixtures/arxiv-api.atom.xml', 'application/atom+xml', 'https://export.arxiv.org/api/query?search_query=x'],
  ['/test/fixtures/arxiv-rss.xml', 'application/rss+xml', 'https://rss.arxiv.org/rss/cs.CL'],
  ['/test/fixtures/jsonfeed.json', 'application/feed+json', 'https://reading.example.org/feed.json'],
  ['/test/fixtures/rss2.xml', 'application/rss+xml', 'https://digest.example.com/rss.xml'],
  ['/test/fixtures/atom.xml', 'application/atom+xml', 'https://systems.example.net/atom.xml'],
  ['/demo/daily-papers.json', 'application/json', 'https://huggingface.co/api/daily_papers'],
];

/** The real HF and arXiv answers in ../shared/real-feeds, served by the dev server from outside the repository. */
const REAL = '/__wds-outside-root__/1/shared/real-feeds';
const REAL_FEEDS: [path: string, type: string, url: string][] = [
  ...['all-news-ai-hf_daily_papers.json', 'personal-news-feed-hf_papers.json', 'sotawhat-hf_daily_papers.json'].map(
    (name): [string, string, string] => [`${REAL}/hf/${name}`, 'application/json', 'https://huggingface.co/api/daily_papers'],
  ),
  ...['laya-reader-arxiv_rss.xml', 'personal-news-feed-arxiv.xml', 'sotawhat-arxiv_transformer.xml', 'xiv-arxiv_response.xml', 'zoia-arxiv_response.xml'].map(
    (name): [string, string, string] => [`${REAL}/arxiv/${name}`, 'application/xml', 'https://export.arxiv.org/api/query?search_query=x'],
  ),
];

/** Points the thumbnail and avatars of a paper at the local image. */
export function offline(paper: Paper): Paper {
  const local = (url: string | undefined) => (url ? LOCAL_IMAGE : undefined);
  return {
    ...paper,
    thumbnail: local(paper.thumbnail),
    submittedBy: paper.submittedBy && { ...paper.submittedBy, avatar: local(paper.submittedBy.avatar) },
    organization: paper.organization && { ...paper.organization, avatar: local(paper.organization.avatar) },
  };
}

export interface NamedPaper {
  /** Where it came from: "hf-daily-papers.json #2". */
  name: string;
  paper: Paper;
}

/** Every paper of every fixture feed (and of the real HF and arXiv feeds when present), offline. */
export async function fixturePapers(): Promise<{ papers: NamedPaper[]; realFeeds: number }> {
  const papers: NamedPaper[] = [];
  const read = async (path: string, type: string, url: string) => {
    const response = await fetch(path);
    if (!response.ok) return false;
    const body = await response.text();
    parseFeed(body, type, { url }).papers.forEach((paper, i) =>
      papers.push({ name: `${path.split('/').pop()} #${i}`, paper: offline(paper) }),
    );
    return true;
  };
  for (const [path, type, url] of FIXTURES) {
    if (!(await read(path, type, url))) throw new Error(`fixture ${path} is missing`);
  }
  let realFeeds = 0;
  for (const [path, type, url] of REAL_FEEDS) if (await read(path, type, url)) realFeeds++;
  return { papers, realFeeds };
}
