// The demo's default feed (demo/daily-papers.json, made by scripts/seed-to-feed.mjs from the page
// capture in ../shared/seed) must load through the real pipeline.
import { expect } from '@open-wc/testing';
import { setFetch } from '../../src/feed/net/fetch-hook.js';
import { clearFeedCache, loadFeed } from '../../src/feed/load.js';
import type { FeedResult } from '../../src/feed/load.js';

describe('demo/daily-papers.json', () => {
  let result: FeedResult;

  beforeEach(async () => {
    clearFeedCache();
    setFetch();
    // Served by the test runner from the repo root: a local file, not the network.
    result = await loadFeed(new URL('../../demo/daily-papers.json', import.meta.url).href);
  });

  it('is an HF daily-papers feed of every captured paper', () => {
    expect(result.format).to.equal('hf');
    expect(result.skipped).to.equal(0);
    expect(result.papers).to.have.length(36);
    expect(new Set(result.papers.map((p) => p.id)).size).to.equal(36);
  });

  it('starts with the first paper of the capture', () => {
    const [first] = result.papers;
    expect(first.title).to.equal('Energy-Based Diffusion Language Models for Text Generation');
    expect(first.summary).to.match(/^Despite remarkable progress in autoregressive language models/);
    expect(first.authors).to.deep.equal([]);
    expect(first.authorCount).to.equal(8);
    expect(first.publishedAt).to.equal('2024-10-28T00:00:00.000Z');
    expect(first.upvotes).to.equal(0);
    // No arXiv id in the capture: the paper links to Hugging Face's search for its title.
    expect(first.url).to.equal('https://huggingface.co/papers?q=Energy-Based%20Diffusion%20Language%20Models%20for%20Text%20Generation');
    expect(result.papers.every((p) => p.url?.startsWith('https://huggingface.co/papers?q='))).to.equal(true);
  });

  it('dates without a year are in the capture year, and a trailing number is upvotes', () => {
    const samples = result.papers.find((p) => p.title.startsWith('When Life Gives You Samples'));
    expect(samples?.publishedAt).to.equal('2025-06-25T00:00:00.000Z');
    expect(samples?.upvotes).to.equal(1);
    expect(samples?.authorCount).to.equal(5);
    const hogwild = result.papers.find((p) => p.title.startsWith('Hogwild!'));
    expect(hogwild?.upvotes).to.equal(6);
    expect(hogwild?.publishedAt).to.equal('2025-04-08T00:00:00.000Z');
  });

  it('keeps an organization byline and papers without any meta', () => {
    const bench = result.papers.find((p) => p.title.startsWith('ParallelBench'));
    expect(bench?.organization).to.deep.equal({ name: 'FuriosaAI', url: 'https://huggingface.co/furiosa-ai' });
    expect(bench?.authorCount).to.equal(0);
    const dParallel = result.papers[1];
    expect(dParallel.title).to.equal('dParallel: Learnable Parallel Decoding for dLLMs');
    expect(dParallel.publishedAt).to.equal('');
    expect(dParallel.upvotes).to.equal(undefined);
    const last = result.papers[result.papers.length - 1];
    expect(last.title).to.match(/^DATED: Guidelines/);
    expect(last.publishedAt).to.equal('2023-05-15T00:00:00.000Z');
    expect(last.authorCount).to.equal(3);
  });
});
