// Adapter cases found in review: relative links under xml:base, dates without a zone, arXiv API
// links, commas in RSS author names, JSON Feed 1.0 authors next to an empty 1.1 list.
import { expect } from '@open-wc/testing';
import { parseFeed } from '../../src/feed/index.js';
import { isoDate } from '../../src/feed/parse/text.js';

const ATOM = 'application/atom+xml';
const RSS = 'application/rss+xml';

describe('feed adapter edge cases', () => {
  let warn: typeof console.warn;

  beforeEach(() => {
    warn = console.warn;
    console.warn = () => {};
  });

  afterEach(() => {
    console.warn = warn;
  });

  describe('xml:base', () => {
    // Chromium's Node#baseURI ignores xml:base, so the adapters fold it in themselves (RFC 4287 §2).
    const atom = `<?xml version="1.0"?>
      <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.org/papers/">
        <title>T</title>
        <link rel="next" href="?page=2"/>
        <entry xml:base="2026/">
          <title>Relative</title><id>tag:example.org,2026:1</id>
          <link href="post.html"/>
          <link rel="enclosure" type="application/pdf" xml:base="/files/" href="post.pdf"/>
          <author><name>A</name><uri>/~a</uri></author>
          <author xml:base="https://people.example.com/"><name>B</name><uri>b</uri></author>
        </entry>
        <entry><title>Feed base only</title><id>tag:example.org,2026:2</id><link href="two.html"/></entry>
      </feed>`;

    it('resolves Atom links and author URIs against feed, entry and link bases', () => {
      const result = parseFeed(atom, ATOM, { url: 'https://feeds.example.net/atom.xml' });
      const [first, second] = result.papers;
      expect(first.url).to.equal('https://blog.example.org/papers/2026/post.html');
      expect(first.pdfUrl).to.equal('https://blog.example.org/files/post.pdf');
      expect(first.authors).to.deep.equal([
        { name: 'A', url: 'https://blog.example.org/~a' },
        { name: 'B', url: 'https://people.example.com/b' },
      ]);
      expect(second.url).to.equal('https://blog.example.org/papers/two.html');
      expect(result.next).to.equal('https://blog.example.org/papers/?page=2');
    });

    it('keeps the feed URL as base when xml:base is not an http(s) URL', () => {
      const body = atom.replace('https://blog.example.org/papers/', 'javascript:alert(1)//');
      const { papers } = parseFeed(body, ATOM, { url: 'https://feeds.example.net/atom.xml' });
      expect(papers[1].url).to.equal('https://feeds.example.net/two.html');
    });

    it('resolves RSS item links against channel and item bases', () => {
      const rss = `<?xml version="1.0"?><rss version="2.0"><channel xml:base="https://blog.example.org/papers/">
        <title>C</title>
        <item xml:base="2026/"><title>One</title><link>one.html</link></item>
        <item><title>Two</title><link>two.html</link></item>
      </channel></rss>`;
      const { papers } = parseFeed(rss, RSS, { url: 'https://feeds.example.net/rss.xml' });
      expect(papers.map((p) => p.url)).to.deep.equal([
        'https://blog.example.org/papers/2026/one.html',
        'https://blog.example.org/papers/two.html',
      ]);
    });
  });

  describe('dates without a time zone', () => {
    // Read as UTC whatever the reader's zone (run with TZ=America/Los_Angeles to see the old bug).
    it('reads an ISO date-time without offset as UTC, like a date-only value', () => {
      expect(isoDate('2026-11-20T09:00:00')).to.equal('2026-11-20T09:00:00.000Z');
      expect(isoDate('2026-11-20T09:00')).to.equal('2026-11-20T09:00:00.000Z');
      expect(isoDate('2026-11-20 09:00:00.5')).to.equal('2026-11-20T09:00:00.500Z');
      expect(isoDate('2026-11-20')).to.equal('2026-11-20T00:00:00.000Z');
      expect(Date.parse(isoDate('2026-11-20T09:00:00'))).to.equal(Date.UTC(2026, 10, 20, 9));
    });

    it('still honours an explicit offset', () => {
      expect(isoDate('2026-11-20T09:00:00+02:00')).to.equal('2026-11-20T07:00:00.000Z');
      expect(isoDate('2026-11-20T09:00:00Z')).to.equal('2026-11-20T09:00:00.000Z');
      expect(isoDate('Mon, 24 Nov 2025 00:00:00 -0500')).to.equal('2025-11-24T05:00:00.000Z');
    });

    it('gives a JSON Feed item the UTC publishedAt', () => {
      const feed = { version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', title: 'No zone', date_published: '2026-11-20T09:00:00' }] };
      const { papers } = parseFeed(JSON.stringify(feed), 'application/feed+json', { url: 'https://blog.example.org/feed.json' });
      expect(papers[0].publishedAt).to.equal('2026-11-20T09:00:00.000Z');
    });
  });

  describe('arXiv API links', () => {
    it('uses the canonical https, unversioned abstract and PDF links', () => {
      const body = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>ArXiv Query</title>
        <entry><id>http://arxiv.org/abs/2511.01234v3</id><title>Paper</title>
          <link href="http://arxiv.org/abs/2511.01234v3" rel="alternate" type="text/html"/>
          <link title="pdf" href="http://arxiv.org/pdf/2511.01234v3" rel="related" type="application/pdf"/>
        </entry>
        <entry><id>http://arxiv.org/abs/hep-th/9901001v1</id><title>Old style</title>
          <link href="http://arxiv.org/abs/hep-th/9901001v1" rel="alternate" type="text/html"/>
        </entry></feed>`;
      const { papers } = parseFeed(body, ATOM, { url: 'https://export.arxiv.org/api/query?id_list=2511.01234' });
      expect(papers.map(({ id, url, arxivUrl, pdfUrl }) => ({ id, url, arxivUrl, pdfUrl }))).to.deep.equal([
        {
          id: '2511.01234',
          url: 'https://arxiv.org/abs/2511.01234',
          arxivUrl: 'https://arxiv.org/abs/2511.01234',
          pdfUrl: 'https://arxiv.org/pdf/2511.01234',
        },
        {
          id: 'hep-th/9901001',
          url: 'https://arxiv.org/abs/hep-th/9901001',
          arxivUrl: 'https://arxiv.org/abs/hep-th/9901001',
          pdfUrl: 'https://arxiv.org/pdf/hep-th/9901001',
        },
      ]);
    });

    it('keeps a blog entry’s own page as url when it links an arXiv paper by id', () => {
      const body = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Lab</title>
        <entry><id>http://arxiv.org/abs/2511.01234</id><title>Our paper</title>
          <link href="https://lab.example.org/posts/our-paper"/></entry></feed>`;
      const [paper] = parseFeed(body, ATOM, { url: 'https://lab.example.org/atom.xml' }).papers;
      expect(paper.url).to.equal('https://lab.example.org/posts/our-paper');
      expect(paper.arxivUrl).to.equal('https://arxiv.org/abs/2511.01234');
    });
  });

  describe('RSS authors', () => {
    const rss = (creator: string) => `<?xml version="1.0"?>
      <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>C</title>
        <item><title>One</title><link>https://arxiv.org/abs/2511.01234</link><dc:creator>${creator}</dc:creator></item>
      </channel></rss>`;

    it('keeps "Smith, John" whole in a blog feed whose item links to arXiv', () => {
      const { papers } = parseFeed(rss('Smith, John'), RSS, { url: 'https://lab.example.org/feed.xml' });
      expect(papers[0].authors).to.deep.equal([{ name: 'Smith, John' }]);
      expect(papers[0].arxivUrl).to.equal('https://arxiv.org/abs/2511.01234');
    });

    it('splits the one comma-separated dc:creator of arXiv’s own feeds', () => {
      for (const url of ['https://rss.arxiv.org/rss/cs.CL', 'http://export.arxiv.org/rss/cs.CL', 'http://arxiv.org/rss/cs.CL']) {
        const { papers } = parseFeed(rss('Ada Lovelace, Alan Turing and Grace Hopper'), RSS, { url });
        expect(papers[0].authors.map((a) => a.name), url).to.deep.equal(['Ada Lovelace', 'Alan Turing', 'Grace Hopper']);
      }
    });

    it('splits them too when an item carries arXiv’s announcement text elsewhere (a mirror)', () => {
      const body = rss('Ada Lovelace, Alan Turing').replace(
        '</link>',
        '</link><description>arXiv:2511.01234v1 Announce Type: new Abstract: We study.</description>',
      );
      const { papers } = parseFeed(body, RSS, { url: 'https://mirror.example.org/cs.CL.xml' });
      expect(papers[0].authors.map((a) => a.name)).to.deep.equal(['Ada Lovelace', 'Alan Turing']);
      expect(papers[0].summary).to.equal('We study.');
    });
  });

  describe('JSON Feed authors', () => {
    it('falls back to a 1.0 `author` when `authors` is empty, for items and the feed', () => {
      const feed = {
        version: 'https://jsonfeed.org/version/1.1',
        authors: [],
        author: { name: 'Feed Author', url: '/about' },
        items: [
          { id: '1', title: 'Own', authors: [], author: { name: 'Item Author' } },
          { id: '2', title: 'Inherits', authors: [{ name: '' }] },
          { id: '3', title: 'New style wins', authors: [{ name: 'New' }], author: { name: 'Old' } },
        ],
      };
      const { papers } = parseFeed(JSON.stringify(feed), 'application/feed+json', { url: 'https://blog.example.org/feed.json' });
      expect(papers.map((p) => p.authors)).to.deep.equal([
        [{ name: 'Item Author' }],
        [{ name: 'Feed Author', url: 'https://blog.example.org/about' }],
        [{ name: 'New' }],
      ]);
    });
  });
});
