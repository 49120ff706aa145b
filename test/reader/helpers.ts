import { parseFeed } from '../../src/feed/index.js';
import type { Paper } from '../../src/feed/paper.js';
import { readFixture } from '../feed/helpers.js';

const FIXTURES: [string, string, string][] = [
  ['arxiv-api.atom.xml', 'application/atom+xml', 'https://export.arxiv.org/api/query?search_query=all:speculative'],
  ['arxiv-rss.xml', 'application/rss+xml', 'https://rss.arxiv.org/rss/cs.CL'],
  ['hf-daily-papers.json', 'application/json', 'https://huggingface.co/api/daily_papers'],
  ['hf-search.json', 'application/json', 'https://huggingface.co/api/papers/search?q=scaling'],
  ['jsonfeed.json', 'application/feed+json', 'https://reading.example.org/feed.json'],
  ['atom.xml', 'application/atom+xml', 'https://systems.example.net/feed.atom'],
  ['rss2.xml', 'application/rss+xml', 'https://digest.example.com/rss.xml'],
];

/** Every fixture's papers, through the real adapters, as `[fixture name, paper]`. */
export async function fixturePapers(): Promise<[string, Paper][]> {
  const out: [string, Paper][] = [];
  for (const [name, type, url] of FIXTURES) {
    for (const paper of parseFeed(await readFixture(name), type, { url }).papers) out.push([name, paper]);
  }
  return out;
}

export async function papersOf(name: string): Promise<Paper[]> {
  const [, type, url] = FIXTURES.find(([n]) => n === name)!;
  return parseFeed(await readFixture(name), type, { url }).papers;
}

/** A minimal Paper for unit tests. */
export function paper(fields: Partial<Paper> & { title: string }): Paper {
  return { id: fields.title, summary: '', authors: [], authorCount: fields.authors?.length ?? 0, publishedAt: '', tags: [], source: 'custom', ...fields };
}

/** A Storage whose setItem/getItem can be made to throw, to play full or blocked storage. */
export class FakeStorage implements Storage {
  map = new Map<string, string>();
  failWrites?: () => Error;
  failAll?: () => Error;
  writes = 0;
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    if (this.failAll) throw this.failAll();
    return this.map.get(key) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.failAll) throw this.failAll();
    if (this.failWrites) throw this.failWrites();
    this.writes++;
    this.map.set(key, value);
  }
}

export const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
export const securityError = () => new DOMException('Access is denied for this document.', 'SecurityError');
