import { expect } from '@open-wc/testing';
// Through the public entry point, so its re-exports are exercised too.
import { parseFeed } from '../../src/feed/index.js';
import type { Paper } from '../../src/feed/paper.js';
import { readFixture } from './helpers.js';

const HF_DAILY = 'https://huggingface.co/api/daily_papers';

describe('feed adapters', () => {
  let warn: typeof console.warn;
  let warnings: unknown[][];

  beforeEach(() => {
    warn = console.warn;
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
  });

  afterEach(() => {
    console.warn = warn;
  });

  describe('hf: /api/daily_papers', () => {
    let papers: Paper[];

    beforeEach(async () => {
      const result = parseFeed(await readFixture('hf-daily-papers.json'), 'application/json', { url: HF_DAILY });
      expect(result.format).to.equal('hf');
      expect(result.skipped).to.equal(0);
      papers = result.papers;
    });

    it('maps every field of a full item', () => {
      expect(papers).to.have.length(3);
      expect(papers[0]).to.deep.equal({
        id: '2511.04570',
        title: 'Speculative Cascades for Parallel Decoding in Diffusion Language Models',
        summary:
          'Diffusion language models can decode many tokens at once, but quality drops when too many tokens ' +
          'are committed per step. We propose speculative cascades, which draft in parallel and verify with a ' +
          'small autoregressive model.',
        authors: [
          { name: 'Mira Okafor', url: 'https://huggingface.co/mokafor' },
          { name: 'Tomás Lindqvist' },
          { name: 'Priya Raman' },
        ],
        authorCount: 4,
        publishedAt: '2025-11-06T17:59:58.000Z',
        upvotes: 87,
        comments: 4,
        url: 'https://huggingface.co/papers/2511.04570',
        arxivUrl: 'https://arxiv.org/abs/2511.04570',
        pdfUrl: 'https://arxiv.org/pdf/2511.04570',
        codeUrl: 'https://github.com/example-lab/spec-cascades',
        codeStars: 412,
        projectUrl: 'https://spec-cascades.github.io/',
        thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2511.04570.png',
        tags: ['diffusion language models', 'parallel decoding', 'speculative decoding'],
        organization: {
          name: 'Example Lab',
          url: 'https://huggingface.co/example-lab',
          avatar: 'https://huggingface.co/avatars/example-lab.png',
        },
        submittedBy: {
          name: 'AK',
          url: 'https://huggingface.co/akhaliq',
          avatar: 'https://huggingface.co/avatars/1674929746905-60f1abe7544c2adfd699860c.svg',
        },
        aiSummary:
          'Speculative cascades draft tokens in parallel with a diffusion model and verify them autoregressively, giving a 3x speedup.',
        source: 'hf',
      });
    });

    it('counts hidden authors without naming them', () => {
      expect(papers[0].authors.map((a) => a.name)).not.to.include('Anonymous Reviewer');
      expect(papers[0].authorCount).to.equal(4);
    });

    it('leaves out what an item does not have', () => {
      const second = papers[1];
      expect(second.codeUrl).to.equal(undefined);
      expect(second.projectUrl).to.equal(undefined);
      expect(second.organization).to.equal(undefined);
      expect(second.comments).to.equal(0);
      expect(second.submittedBy).to.deep.equal({
        name: 'Jun Takeda',
        url: 'https://huggingface.co/jtakeda',
        avatar: 'https://huggingface.co/avatars/7e2b9f.svg',
      });
    });

    it('keeps hostile strings as text and drops hostile URLs', () => {
      const hostile = papers[2];
      expect(hostile.title).to.equal('<img src=x onerror=alert(1)>Hostile Titles Stay Text');
      expect(hostile.projectUrl).to.equal(undefined);
      expect(hostile.codeUrl).to.equal(undefined);
      expect(hostile.codeStars).to.equal(0);
      expect(hostile.thumbnail).to.equal(undefined);
      // The javascript: avatar is dropped; the rest of the submitter stays.
      expect(hostile.submittedBy).to.deep.equal({ name: 'AK', url: 'https://huggingface.co/akhaliq' });
      expect(hostile.tags).to.deep.equal([]);
    });

    it('pages with p when the URL has a limit and the page is full', () => {
      const text = JSON.stringify([{ paper: { id: '2511.00001', title: 'A' } }, { paper: { id: '2511.00002', title: 'B' } }]);
      expect(parseFeed(text, '', { url: `${HF_DAILY}?limit=2` }).next).to.equal(`${HF_DAILY}?limit=2&p=1`);
      expect(parseFeed(text, '', { url: `${HF_DAILY}?date=2025-11-07&p=3&limit=2` }).next).to.equal(
        `${HF_DAILY}?date=2025-11-07&p=4&limit=2`,
      );
      expect(parseFeed(text, '', { url: `${HF_DAILY}?limit=3` }).next).to.equal(undefined);
      expect(parseFeed(text, '', { url: HF_DAILY }).next).to.equal(undefined);
    });
  });

  describe('hf: /api/papers/{id} and /api/papers/search', () => {
    it('reads the flat paper object', async () => {
      const { papers, format, next } = parseFeed(await readFixture('hf-paper.json'), 'application/json', {
        url: 'https://huggingface.co/api/papers/2511.04570',
      });
      expect(format).to.equal('hf');
      expect(next).to.equal(undefined);
      expect(papers).to.have.length(1);
      const [paper] = papers;
      expect(paper.id).to.equal('2511.04570');
      expect(paper.title).to.equal('Speculative Cascades for Parallel Decoding in Diffusion Language Models');
      expect(paper.authors.map((a) => a.name)).to.deep.equal(['Mira Okafor', 'Tomás Lindqvist', 'Priya Raman']);
      expect(paper.authorCount).to.equal(4);
      expect(paper.upvotes).to.equal(87);
      expect(paper.comments).to.equal(4);
      expect(paper.organization?.name).to.equal('Example Lab');
      expect(paper.organization?.avatar).to.equal(
        'https://cdn-avatars.huggingface.co/v1/production/uploads/5e6485f787403103f9f1055e/logo.png',
      );
      expect(paper.submittedBy).to.deep.equal({
        name: 'AK',
        url: 'https://huggingface.co/akhaliq',
        avatar: 'https://huggingface.co/avatars/1674929746905-60f1abe7544c2adfd699860c.svg',
      });
      expect(paper.tags).to.deep.equal(['diffusion language models', 'speculative decoding']);
      expect(paper.thumbnail).to.equal(undefined);
    });

    it('reads search results', async () => {
      const { papers } = parseFeed(await readFixture('hf-search.json'), 'application/json', {
        url: 'https://huggingface.co/api/papers/search?q=scaling',
      });
      expect(papers.map((p) => p.id)).to.deep.equal(['2407.21787', '2505.10475']);
      expect(papers[0].publishedAt).to.equal('2024-07-31T17:57:25.000Z');
      expect(papers[0].authorCount).to.equal(3);
      expect(papers[0].comments).to.equal(2);
      expect(papers[0].url).to.equal('https://huggingface.co/papers/2407.21787');
      expect(papers[1].codeUrl).to.equal('https://github.com/QwenLM/ParScale');
      expect(papers[1].codeStars).to.equal(431);
      expect(papers[1].thumbnail).to.equal(undefined);
    });
  });

  describe('atom: arXiv API', () => {
    const url = 'https://export.arxiv.org/api/query?search_query=all:speculative%20decoding&start=0&max_results=2';

    it('maps entries, collapsing multi-line titles', async () => {
      const result = parseFeed(await readFixture('arxiv-api.atom.xml'), 'application/atom+xml', { url });
      expect(result.format).to.equal('atom');
      expect(result.title).to.equal('ArXiv Query: search_query=all:speculative decoding&id_list=&start=0&max_results=2');
      expect(result.papers).to.have.length(2);
      expect(result.papers[0]).to.deep.equal({
        id: '2310.15141',
        title: 'SpecTr: Fast Speculative Decoding via Optimal Transport',
        summary:
          'Autoregressive sampling from large language models has led to state-of-the-art results in several ' +
          'natural language tasks. However, autoregressive sampling generates tokens one at a time making it slow.',
        authors: [{ name: 'Ziteng Sun' }, { name: 'Ananda Theertha Suresh' }, { name: 'Jae Hun Ro' }],
        authorCount: 3,
        publishedAt: '2023-10-23T17:47:34.000Z',
        url: 'https://arxiv.org/abs/2310.15141',
        arxivUrl: 'https://arxiv.org/abs/2310.15141',
        pdfUrl: 'https://arxiv.org/pdf/2310.15141',
        tags: ['cs.LG', 'cs.CL', 'cs.IT'],
        note: 'NeurIPS 2023; 24 pages, 4 figures',
        source: 'atom',
      });
      const second = result.papers[1];
      expect(second.title).to.equal('Multi-Draft Speculative Sampling: Canonical Architectures and Theoretical Limits');
      expect(second.authors.map((a) => a.name)).to.deep.equal(['Ashish Khisti', 'M. Reza Ebrahimi']);
      expect(second.pdfUrl).to.equal('https://arxiv.org/pdf/2410.18234');
      expect(second.note).to.equal(undefined);
    });

    it('pages with start from the OpenSearch numbers', async () => {
      const text = await readFixture('arxiv-api.atom.xml');
      const { next } = parseFeed(text, 'application/atom+xml', { url });
      expect(next).to.equal(
        'https://export.arxiv.org/api/query?search_query=all%3Aspeculative+decoding&start=2&max_results=2',
      );
      const last = text.replace('>0</opensearch:startIndex>', '>4</opensearch:startIndex>');
      expect(parseFeed(last, 'application/atom+xml', { url }).next).to.equal(undefined);
    });

    it('turns an arXiv error entry into a shape error', () => {
      const body = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id>
        <title>Error</title><summary>incorrect id format for 1234</summary></entry></feed>`;
      expect(() => parseFeed(body, 'application/atom+xml', { url })).to.throw('arXiv answered with an error: incorrect id format for 1234.');
    });
  });

  describe('rss: arXiv announcements', () => {
    it('splits dc:creator, keeps only the abstract and links arXiv', async () => {
      const result = parseFeed(await readFixture('arxiv-rss.xml'), 'application/rss+xml', {
        url: 'https://rss.arxiv.org/rss/cs.CL',
      });
      expect(result.format).to.equal('rss');
      expect(result.title).to.equal('cs.CL updates on arXiv.org');
      expect(result.papers[0]).to.deep.equal({
        id: '2511.04570',
        title: 'Speculative Cascades for Parallel Decoding in Diffusion Language Models',
        summary:
          'Diffusion language models can decode many tokens at once, but quality drops when too many tokens are committed per step.',
        authors: [{ name: 'Mira Okafor' }, { name: 'Tomás Lindqvist' }, { name: 'Priya Raman' }],
        authorCount: 3,
        publishedAt: '2025-11-07T05:00:00.000Z',
        url: 'https://arxiv.org/abs/2511.04570',
        arxivUrl: 'https://arxiv.org/abs/2511.04570',
        pdfUrl: 'https://arxiv.org/pdf/2511.04570',
        tags: ['cs.CL', 'cs.LG'],
        source: 'rss',
      });
      expect(result.papers[1].summary).to.equal(
        'Test-time scaling spends tokens uniformly. We allocate a token budget per sub-problem instead.',
      );
      expect(result.papers[1].authors).to.deep.equal([{ name: 'Jun Takeda' }, { name: 'Lena Hoffmann' }]);
    });

    it('reads RDF (RSS 1.0) with linked creators', () => {
      const body = `<?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel rdf:about="http://arxiv.org/rss/cs.CL"><title>cs.CL updates on arXiv.org</title></channel>
          <item rdf:about="http://arxiv.org/abs/1106.0001">
            <title>An Old-Style Entry. (arXiv:1106.0001v1 [cs.CL])</title>
            <link>http://arxiv.org/abs/1106.0001</link>
            <description>&lt;p&gt;An abstract.&lt;/p&gt;</description>
            <dc:creator>&lt;a href="http://arxiv.org/find/cs/1/au:+Doe_J/0/1/0/all/0/1"&gt;Jane Doe&lt;/a&gt;, &lt;a href="http://arxiv.org/find/cs/1/au:+Roe_R/0/1/0/all/0/1"&gt;Richard Roe&lt;/a&gt;</dc:creator>
          </item>
        </rdf:RDF>`;
      const result = parseFeed(body, 'application/rdf+xml', { url: 'http://arxiv.org/rss/cs.CL' });
      expect(result.format).to.equal('rss');
      expect(result.title).to.equal('cs.CL updates on arXiv.org');
      expect(result.papers).to.have.length(1);
      expect(result.papers[0].id).to.equal('1106.0001');
      expect(result.papers[0].summary).to.equal('An abstract.');
      expect(result.papers[0].authors).to.deep.equal([{ name: 'Jane Doe' }, { name: 'Richard Roe' }]);
      expect(result.papers[0].pdfUrl).to.equal('https://arxiv.org/pdf/1106.0001');
    });
  });

  describe('rss: RSS 2.0', () => {
    it('reduces CDATA HTML to text and keeps dc:creator names whole', async () => {
      const result = parseFeed(await readFixture('rss2.xml'), 'application/rss+xml', {
        url: 'https://digest.example.com/rss.xml',
      });
      expect(result.title).to.equal('ML Paper Digest');
      expect(result.next).to.equal('https://digest.example.com/rss.xml?page=2');
      expect(result.papers[0]).to.deep.equal({
        id: 'https://digest.example.com/posts/parscale',
        title: 'Parallel Scaling Law for Language Models',
        summary: 'We introduce parallel scaling (ParScale). Read the paper.',
        authors: [{ name: 'Chen, Mouxiang' }, { name: 'Hui, Binyuan' }],
        authorCount: 2,
        publishedAt: '2025-05-15T16:24:01.000Z',
        comments: 7,
        url: 'https://digest.example.com/posts/parscale',
        thumbnail: 'https://digest.example.com/img/parscale.png',
        tags: ['scaling', 'language models'],
        source: 'rss',
      });
    });

    it('drops a javascript: link and reads escaped HTML and the RSS author', async () => {
      const { papers } = parseFeed(await readFixture('rss2.xml'), 'application/rss+xml', {
        url: 'https://digest.example.com/rss.xml',
      });
      const second = papers[1];
      expect(second.url).to.equal(undefined);
      expect(second.id).to.equal('Hogwild! Inference');
      expect(second.summary).to.equal('Concurrent attention & shared caches for parallel LLM generation.');
      expect(second.authors).to.deep.equal([{ name: 'Dana Editor' }]);
      expect(second.thumbnail).to.equal('https://digest.example.com/img/hogwild.jpg');
      expect(second.publishedAt).to.equal('2025-04-08T08:00:00.000Z');
    });
  });

  describe('rss: media', () => {
    it('takes an image media:content as thumbnail, never a video', () => {
      const body = `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
        <item><title>Video</title><media:content url="https://cdn.example/v.mp4" medium="video"/></item>
        <item><title>Image</title><media:content url="https://cdn.example/i.png" type="image/png"/></item>
      </channel></rss>`;
      const { papers } = parseFeed(body, 'application/rss+xml', { url: 'https://cdn.example/rss' });
      expect(papers.map((p) => p.thumbnail)).to.deep.equal([undefined, 'https://cdn.example/i.png']);
    });
  });

  describe('atom: Atom 1.0', () => {
    it('reads html and xhtml text constructs as text and resolves relative links', async () => {
      const result = parseFeed(await readFixture('atom.xml'), 'application/atom+xml', {
        url: 'https://systems.example.net/atom.xml',
      });
      expect(result.format).to.equal('atom');
      expect(result.title).to.equal('Systems Reading Group');
      expect(result.next).to.equal('https://systems.example.net/atom.xml?page=2');
      expect(result.papers[0]).to.deep.equal({
        id: 'tag:systems.example.net,2025:zeppelin',
        title: 'Zeppelin: Balancing Variable-length Workloads',
        summary: 'Training with varying sequence lengths causes load imbalance.',
        authors: [{ name: 'Ines Duarte', url: 'https://systems.example.net/people/ines' }, { name: 'Kwame Mensah' }],
        authorCount: 2,
        publishedAt: '2025-09-26T06:00:00.000Z',
        url: 'https://systems.example.net/posts/zeppelin',
        thumbnail: 'https://systems.example.net/img/zeppelin.png',
        tags: ['training', 'parallelism'],
        source: 'atom',
      });
      const second = result.papers[1];
      expect(second.summary).to.equal('Long-context training on more than 12,000 GPUs.');
      expect(second.publishedAt).to.equal('2025-02-28T00:00:00.000Z');
      expect(second.url).to.equal('https://systems.example.net/posts/bytescale');
      expect(second.authors).to.deep.equal([]);
      expect(second.authorCount).to.equal(0);
    });
  });

  describe('jsonfeed', () => {
    it('maps JSON Feed 1.1 items', async () => {
      const result = parseFeed(await readFixture('jsonfeed.json'), 'application/feed+json', {
        url: 'https://reading.example.org/feed.json',
      });
      expect(result.format).to.equal('jsonfeed');
      expect(result.title).to.equal('Lab Reading List');
      expect(result.next).to.equal('https://reading.example.org/feed.json?page=2');
      expect(result.papers[0]).to.deep.equal({
        id: '2511.04570',
        title: 'Speculative Cascades for Parallel Decoding',
        summary: 'Diffusion models decode many tokens at once. We verify drafts with a small model.',
        authors: [{ name: 'Mira Okafor', url: 'https://example.org/~mira' }, { name: 'Priya Raman' }],
        authorCount: 2,
        publishedAt: '2025-11-07T08:30:00.000Z',
        url: 'https://reading.example.org/2025/11/spec-cascades',
        arxivUrl: 'https://arxiv.org/abs/2511.04570',
        pdfUrl: 'https://arxiv.org/pdf/2511.04570',
        thumbnail: 'https://reading.example.org/img/spec-cascades.png',
        tags: ['decoding', 'diffusion'],
        source: 'jsonfeed',
      });
    });

    it('falls back to feed authors, content_text and relative URLs', async () => {
      const { papers } = parseFeed(await readFixture('jsonfeed.json'), 'application/feed+json', {
        url: 'https://reading.example.org/feed.json',
      });
      const second = papers[1];
      expect(second.id).to.equal('note-2');
      expect(second.summary).to.equal('Test-time scaling spends tokens uniformly. We allocate a budget per sub-problem.');
      expect(second.authors).to.deep.equal([{ name: 'Reading Group', url: 'https://reading.example.org/about' }]);
      expect(second.url).to.equal('https://reading.example.org/2025/11/token-budgets');
      expect(second.publishedAt).to.equal('2025-11-05T00:00:00.000Z');
      expect(second.tags).to.deep.equal([]);
    });
  });

  describe('malformed items', () => {
    it('skips them with one [paperfeed] warning and loads the rest', () => {
      const body = JSON.stringify([
        { paper: { id: '2511.00001', title: 'Good one' } },
        'not an object',
        { paper: { id: '2511.00002' } },
        null,
        { paper: { id: '2511.00003', title: 'Good two' } },
      ]);
      const result = parseFeed(body, 'application/json', { url: HF_DAILY });
      expect(result.papers.map((p) => p.title)).to.deep.equal(['Good one', 'Good two']);
      expect(result.skipped).to.equal(3);
      expect(warnings).to.have.length(1);
      expect(String(warnings[0][0])).to.match(/^\[paperfeed\] Skipped 3 malformed items in https:\/\/huggingface\.co/);
    });

    it('titles RSS items without a title from their text, else their link, as feed readers do (issue 13)', () => {
      const long = 'Today I read a paper about sparse attention that runs in linear time and it was better than expected, honestly.';
      const body = `<rss version="2.0"><channel><title>T</title>
        <item><link>https://example.org/1</link></item>
        <item><description>&lt;p&gt;Short &lt;b&gt;post&lt;/b&gt;&lt;/p&gt;</description></item>
        <item><description>${long}</description></item>
        <item><title>Kept</title></item></channel></rss>`;
      const result = parseFeed(body, 'application/rss+xml', { url: 'https://example.org/rss' });
      expect(result.papers.map((p) => p.title)).to.deep.equal([
        'example.org/1',
        'Short post',
        'Today I read a paper about sparse attention that runs in linear time and it was…',
        'Kept',
      ]);
      expect(result.skipped).to.equal(0);
      expect(warnings).to.have.length(0);
    });

    it('does not warn for a clean feed', async () => {
      parseFeed(await readFixture('atom.xml'), 'application/atom+xml', { url: 'https://systems.example.net/atom.xml' });
      expect(warnings).to.have.length(0);
    });
  });

  describe('every paper', () => {
    const fixtures: [string, string][] = [
      ['hf-daily-papers.json', 'application/json'],
      ['hf-paper.json', 'application/json'],
      ['hf-search.json', 'application/json'],
      ['arxiv-api.atom.xml', 'application/atom+xml'],
      ['arxiv-rss.xml', 'application/rss+xml'],
      ['jsonfeed.json', 'application/feed+json'],
      ['rss2.xml', 'application/rss+xml'],
      ['atom.xml', 'application/atom+xml'],
    ];
    for (const [name, type] of fixtures) {
      it(`from ${name} keeps the model's invariants`, async () => {
        const { papers } = parseFeed(await readFixture(name), type, { url: 'https://feeds.example/x' });
        expect(papers.length).to.be.greaterThan(0);
        for (const paper of papers) {
          expect(paper.id, 'id').to.be.a('string').and.not.equal('');
          expect(paper.authorCount).to.be.at.least(paper.authors.length);
          expect(paper.publishedAt === '' || new Date(paper.publishedAt).toISOString() === paper.publishedAt).to.equal(true);
          for (const key of ['url', 'arxivUrl', 'pdfUrl', 'codeUrl', 'projectUrl', 'thumbnail'] as const) {
            if (paper[key] !== undefined) expect(paper[key], key).to.match(/^https?:\/\//);
          }
        }
      });
    }
  });
});
