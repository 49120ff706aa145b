// The feeds the stories show, all local: the seed's daily papers (demo/daily-papers.json) and the
// feed engine's test fixtures, one per format. Stories serve them through `useFakeFetch`, keyed by
// realistic URLs, so what a story shows is what that endpoint would give, with no network.
import seedDaily from '../demo/daily-papers.json?raw';
import hfDaily from '../test/fixtures/hf-daily-papers.json?raw';
import hfSearch from '../test/fixtures/hf-search.json?raw';
import arxivApi from '../test/fixtures/arxiv-api.atom.xml?raw';
import arxivRss from '../test/fixtures/arxiv-rss.xml?raw';
import jsonFeed from '../test/fixtures/jsonfeed.json?raw';
import rss2 from '../test/fixtures/rss2.xml?raw';
import atom from '../test/fixtures/atom.xml?raw';
import thumbnailUrl from './assets/thumbnail.svg?url';
import brokenThumbnailUrl from './assets/broken-thumbnail.png?url';
import { parseFeed } from '../src/feed/parse/parse.js';
import type { Paper } from '../src/feed/paper.js';
import type { FixtureAnswer } from './support.js';

/** A local image standing in for every remote thumbnail and avatar, so images never go online either. */
export const LOCAL_IMAGE = new URL(thumbnailUrl, document.baseURI).href;

/** Points every image URL in a fixture (thumbnails, avatars, media) at the local image. */
export function offlineImages(text: string): string {
  return text
    .replace(/https?:\/\/[^"'<>\s]+?\.(?:png|jpe?g|gif|webp|svg)(?=["'<\s])/gi, LOCAL_IMAGE)
    .replace(/"\/avatars\/[^"]+"/g, JSON.stringify(LOCAL_IMAGE));
}

export interface StoryFeed extends FixtureAnswer {
  /** The endpoint the story pretends to read. */
  url: string;
  /** How many papers the feed holds. */
  count: number;
  /** Start of the first paper's title as a reader sees it. */
  first: string;
}

const feed = (url: string, body: string, type: string, count: number, first: string): StoryFeed => ({
  url,
  body: offlineImages(body),
  type,
  count,
  first,
});

export const FEEDS = {
  seed: feed('https://huggingface.co/api/daily_papers', seedDaily, 'application/json', 36, 'Energy-Based Diffusion Language Models'),
  hfDaily: feed('https://huggingface.co/api/daily_papers?date=2025-11-07', hfDaily, 'application/json', 3, 'Speculative Cascades'),
  hfSearch: feed('https://huggingface.co/api/papers/search?q=inference+scaling', hfSearch, 'application/json', 2, 'Large Language Monkeys'),
  arxivApi: feed(
    'https://export.arxiv.org/api/query?search_query=all:speculative+decoding&max_results=2',
    arxivApi,
    'application/atom+xml',
    2,
    'SpecTr: Fast Speculative Decoding',
  ),
  arxivRss: feed('https://rss.arxiv.org/rss/cs.CL', arxivRss, 'application/rss+xml', 2, 'Speculative Cascades'),
  jsonFeed: feed('https://reading.example.org/feed.json', jsonFeed, 'application/feed+json', 2, 'Speculative Cascades'),
  rss2: feed('https://digest.example.com/rss.xml', rss2, 'application/rss+xml', 2, 'Parallel Scaling Law'),
  atom: feed('https://systems.example.net/atom.xml', atom, 'application/atom+xml', 2, 'Zeppelin'),
} satisfies Record<string, StoryFeed>;

/** The routes a fake fetch needs to answer every story feed. */
export const ALL_ROUTES = Object.fromEntries(Object.values(FEEDS).map((f) => [f.url, f]));

/** A feed's papers, read with the real adapters (what a list would hand its cards). */
export function papersOf(f: StoryFeed): Paper[] {
  return parseFeed(f.body, f.type, { url: f.url }).papers;
}

const seedPapers = papersOf(FEEDS.seed);
const hfPapers = papersOf(FEEDS.hfDaily);

/** A complete paper: every field the card can show, from the HF daily-papers fixture. */
export const fullPaper: Paper = { ...hfPapers[0], thumbnail: LOCAL_IMAGE };

/** The seed's first paper: a long abstract, authors known only as a count, no thumbnail. */
export const seedPaper: Paper = seedPapers[0];

/** The fixture's hostile item, after the HF adapter: HTML in the title, `javascript:`/`data:` URLs in the data. */
export const hostilePaper: Paper = hfPapers[2];

/** Everything long at once: a title, a list of authors and an abstract far past the clamp. */
export const longPaper: Paper = {
  ...fullPaper,
  id: 'long',
  title:
    'Towards a Unified, Scalable and Provably Convergent Framework for Parallel Decoding in Discrete Diffusion Language Models Under Realistic Compute Budgets: Theory, Practice, and a Very Long Benchmark Suite',
  authors: Array.from({ length: 24 }, (_, i) => ({ name: `Author Number ${i + 1} Longname-Hyphenated` })),
  authorCount: 24,
  summary: Array.from(
    { length: 8 },
    (_, i) =>
      `Paragraph ${i + 1}: diffusion language models decode many tokens per step, and the quality of each step depends on how far the model is allowed to look ahead before it commits; we measure that trade-off across model sizes, step counts and verification schemes.`,
  ).join(' '),
  tags: ['diffusion language models', 'parallel decoding', 'speculative decoding', 'test-time compute', 'verification', 'benchmarks', 'scaling laws'],
  codeStars: 12_345,
  upvotes: 1_234,
  comments: 56,
};

/** TeX and markdown emphasis in the title and abstract, as arXiv and HF give them. */
export const texPaper: Paper = {
  ...fullPaper,
  id: 'tex',
  title: 'Sharper Bounds for $\\ell_p$ Sensitivity Sampling and **Top-H** Decoding',
  summary:
    'We show that $\\ell_p$ sensitivity sampling needs $O(d^{p/2})$ rows for $p \\geq 2$, and that **top-H** decoding keeps entropy within $\\epsilon$ of the bound. Results hold for all $\\alpha \\in (0, 1]$.',
};

/**
 * A paper whose thumbnail fails to load: a local file that is not an image, so the browser fires
 * `error` every time, with no network and no 404 noise.
 */
export const brokenThumbnailPaper: Paper = {
  ...fullPaper,
  id: 'broken-thumb',
  thumbnail: new URL(brokenThumbnailUrl, document.baseURI).href,
};

/** A paper without a thumbnail (most arXiv and RSS items). */
export const noThumbnailPaper: Paper = { ...fullPaper, id: 'no-thumb', thumbnail: undefined };

/** Arabic text, for the right-to-left story. */
export const rtlPaper: Paper = {
  ...fullPaper,
  id: 'rtl',
  title: 'نماذج اللغة بالانتشار: فك الترميز المتوازي عبر الشلالات التخمينية',
  summary:
    'تستطيع نماذج اللغة القائمة على الانتشار توليد عدة رموز في خطوة واحدة، لكن الجودة تنخفض عندما تُثبَّت رموز كثيرة في كل خطوة. نقترح الشلالات التخمينية التي تكتب مسودة بالتوازي ثم تتحقق منها بنموذج صغير ذاتي الانحدار.',
  authors: [{ name: 'ليلى حداد' }, { name: 'عمر الفارس' }, { name: 'Mira Okafor' }],
  authorCount: 3,
  tags: ['نماذج الانتشار', 'فك الترميز المتوازي'],
};

/**
 * Hugging Face cards as the Daily Papers page shows them: a submitter with an avatar, an
 * organization with its logo, upvotes, comments and the machine-written summary (`ai-summary`).
 */
export const hfCardPaper: Paper = {
  ...fullPaper,
  id: 'hf-card',
  submittedBy: { name: 'AK', url: 'https://huggingface.co/akhaliq', avatar: LOCAL_IMAGE },
  organization: { name: 'Example Lab', url: 'https://huggingface.co/example-lab', avatar: LOCAL_IMAGE },
};

/** No avatar URL anywhere: the card shows each name's first letter in the avatar's place. */
export const noAvatarPaper: Paper = {
  ...fullPaper,
  id: 'no-avatar',
  submittedBy: { name: 'Rafal Kocielnik', url: 'https://huggingface.co/RKocielnik' },
  organization: { name: 'California Institute of Technology', url: 'https://huggingface.co/caltech' },
};

/** Avatars that fail to load (a local file that is not an image): the first letter replaces each. */
export const brokenAvatarPaper: Paper = {
  ...fullPaper,
  id: 'broken-avatar',
  submittedBy: { name: 'Jun Takeda', url: 'https://huggingface.co/jtakeda', avatar: new URL(brokenThumbnailUrl, document.baseURI).href },
  organization: { name: 'Example Lab', url: 'https://huggingface.co/example-lab', avatar: new URL(brokenThumbnailUrl, document.baseURI).href },
};

export { germanCardStrings } from './german.js';
