import { expect } from '@open-wc/testing';
import { htmlToText, isoDate } from '../../src/feed/parse/text.js';
import { arxivIdFrom } from '../../src/feed/arxiv/ids.js';

describe('feed text helpers', () => {
  // Handler attributes are renamed before parsing (no CSP report on the host page: checked under a
  // real policy by scripts/check-cdn.mjs); the text read out must not change.
  it('reads HTML with event-handler attributes as exactly its text', () => {
    const text = htmlToText(`<img src=x onerror="a()"><p onclick='b()' title="on=1">Hello</p> said on=ok <b/onmouseover=c()>bold</b>`);
    expect(text).to.equal('Hello said on=ok bold');
  });

  afterEach(() => {
    delete (window as unknown as Record<string, unknown>).paperfeedPwned;
  });

  it('htmlToText keeps the words and collapses whitespace', () => {
    expect(htmlToText('<p>One</p><p>Two&nbsp;&amp;\n three</p><ul><li>a</li><li>b</li></ul>')).to.equal('One Two & three a b');
    expect(htmlToText('plain   text\n')).to.equal('plain text');
    expect(htmlToText('x<br>y')).to.equal('x y');
  });

  it('htmlToText drops scripts and styles and runs nothing', async () => {
    const text = htmlToText(
      '<img src="x" onerror="window.paperfeedPwned = 1">Safe<script>window.paperfeedPwned = 2</script><style>p{}</style>',
    );
    expect(text).to.equal('Safe');
    // Give a would-be image error or script a chance to run.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as unknown as Record<string, unknown>).paperfeedPwned).to.equal(undefined);
  });

  it('isoDate normalizes what the Date parser reads, else empty', () => {
    expect(isoDate('Fri, 07 Nov 2025 00:00:00 -0500')).to.equal('2025-11-07T05:00:00.000Z');
    expect(isoDate('2024-10-28')).to.equal('2024-10-28T00:00:00.000Z');
    expect(isoDate('yesterday')).to.equal('');
    expect(isoDate('')).to.equal('');
    expect(isoDate(undefined)).to.equal('');
  });

  it('arxivIdFrom finds ids in links, guids and announcements, without the version', () => {
    expect(arxivIdFrom('http://arxiv.org/abs/2310.15141v2')).to.equal('2310.15141');
    expect(arxivIdFrom('https://arxiv.org/pdf/2310.15141')).to.equal('2310.15141');
    expect(arxivIdFrom('oai:arXiv.org:2511.04570v1')).to.equal('2511.04570');
    expect(arxivIdFrom('arXiv:2511.03318v2 Announce Type: new')).to.equal('2511.03318');
    expect(arxivIdFrom('http://arxiv.org/abs/hep-th/9901001v1')).to.equal('hep-th/9901001');
    expect(arxivIdFrom('2407.21787')).to.equal('2407.21787');
    expect(arxivIdFrom('https://example.org/2407.21787')).to.equal(undefined);
    expect(arxivIdFrom(undefined)).to.equal(undefined);
  });
});
