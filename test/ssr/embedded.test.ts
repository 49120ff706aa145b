import { expect } from '@open-wc/testing';
import { embedScript, isFresh, readEmbedded, readEmbeddedPaper, type ListData } from '../../src/internal/embedded.js';
import { FeedError } from '../../src/feed/errors.js';
import type { Paper } from '../../src/feed/paper.js';

// The client half of paperfeed/ssr: what the server embeds, read back by the element.
const paper = { id: '1', title: '</script><script>window.hacked = 1</script><!--', authors: [], authorCount: 0, summary: 'a & b \u2028', tags: [], publishedAt: '', source: 'custom' } as unknown as Paper;

/** A host element holding `html` as the HTML parser reads it (the way a server-rendered page arrives). */
function host(html: string): Element {
  const doc = new DOMParser().parseFromString(`<paperfeed-list>${html}</paperfeed-list>`, 'text/html');
  return document.adoptNode(doc.querySelector('paperfeed-list')!);
}

describe('embedded server data (src/internal/embedded.ts)', () => {
  const data: ListData = { src: 'https://example.org/feed.json', fetchedAt: 1_000_000, maxAge: 60, format: 'jsonfeed', papers: [paper], next: 'https://example.org/feed.json?page=2' };

  it('round-trips through the HTML parser: hostile strings stay inside the one script', () => {
    const html = embedScript(data);
    const el = host(html);
    expect(el.querySelectorAll('script').length).to.equal(1);
    expect(el.children.length).to.equal(1);
    const read = readEmbedded(el)!;
    expect(read.papers[0].title).to.equal(paper.title);
    expect(read.papers[0].summary).to.equal(paper.summary);
    expect(read).to.deep.include({ src: data.src, fetchedAt: data.fetchedAt, maxAge: 60, format: 'jsonfeed', next: data.next });
    expect(html.slice(0, -'</script>'.length)).not.to.match(/<\/script|<!--|\u2028/);
  });

  it('an embedded error comes back as a FeedError with its kind and message', () => {
    const read = readEmbedded(host(embedScript({ ...data, papers: [], error: new FeedError('http', 'The feed answered 503.') })))!;
    expect(read.error).to.be.instanceOf(FeedError);
    expect(read.error!.kind).to.equal('http');
    expect(read.error!.message).to.equal('The feed answered 503.');
    expect(isFresh(read, data.fetchedAt)).to.equal(false);
  });

  it('freshness: younger than maxAge; null is fresh forever', () => {
    expect(isFresh(data, data.fetchedAt + 59_999)).to.equal(true);
    expect(isFresh(data, data.fetchedAt + 60_000)).to.equal(false);
    expect(isFresh({ ...data, maxAge: null }, data.fetchedAt + 1e12)).to.equal(true);
  });

  it('nothing, junk JSON or the wrong shape reads as no data; entries without a title are dropped', () => {
    expect(readEmbedded(host(''))).to.equal(undefined);
    expect(readEmbedded(host('<script type="application/json" data-paperfeed>{"src":1}</script>'))).to.equal(undefined);
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      expect(readEmbedded(host('<script type="application/json" data-paperfeed>{not json</script>'))).to.equal(undefined);
    } finally {
      console.warn = warn;
    }
    expect(String(warnings[0])).to.match(/^\[paperfeed\]/);
    const read = readEmbedded(host(embedScript({ ...data, papers: [paper, { id: 'x' } as unknown as Paper] })))!;
    expect(read.papers.length).to.equal(1);
    // A script that is not ours (no data-paperfeed, or nested deeper) is not read.
    expect(readEmbedded(host('<script type="application/json">{"src":"a","papers":[],"fetchedAt":1}</script>'))).to.equal(undefined);
  });

  it('a card reads its paper', () => {
    expect(readEmbeddedPaper(host(embedScript({ paper })))?.title).to.equal(paper.title);
    expect(readEmbeddedPaper(host(''))).to.equal(undefined);
  });
});
