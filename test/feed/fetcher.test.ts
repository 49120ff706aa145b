// The fetcher's own contract: the request it sends, how it decodes bytes, what its cache keeps.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/card/define.js';
import { setFetch } from '../../src/feed/net/fetch-hook.js';
import { fetchText } from '../../src/feed/net/fetcher.js';
import { clearFeedCache, loadFeed } from '../../src/feed/load.js';
import { deferred, installFetch, respond } from './helpers.js';

const SRC = 'https://feeds.example.org/papers.json';
const ONE_PAPER = JSON.stringify([{ paper: { id: '2511.00001', title: 'One paper' } }]);

describe('fetcher', () => {
  beforeEach(() => clearFeedCache());
  afterEach(() => setFetch());

  describe('Accept header', () => {
    // Fetch spec, "CORS-safelisted request-header": an Accept value over 128 bytes, or with one of
    // these bytes, makes a cross-origin request send an OPTIONS preflight first.
    const UNSAFE = /[\u0000-\u0008\u000a-\u001f"():<>?@[\\\]{}\u007f]/;

    it('is CORS-safelisted (at most 128 bytes, no unsafe byte), so no preflight is needed', async () => {
      const { requests } = installFetch(() => respond(ONE_PAPER));
      await loadFeed(SRC);
      const accept = requests[0].headers.get('accept') ?? '';
      expect(new TextEncoder().encode(accept).length).to.be.at.most(128);
      expect(accept).not.to.match(UNSAFE);
    });

    it('still prefers the feed types over generic XML and anything else', async () => {
      const { requests } = installFetch(() => respond(ONE_PAPER));
      await loadFeed(SRC);
      const types = (requests[0].headers.get('accept') ?? '').split(/\s*,\s*/);
      for (const type of ['application/json', 'application/feed+json', 'application/atom+xml', 'application/rss+xml']) {
        expect(types).to.include(type);
      }
      expect(types).to.include('application/xml;q=0.9');
      expect(types.at(-1)).to.match(/^\*\/\*;q=0\.\d$/);
    });
  });

  describe('character encodings', () => {
    const RSS_URL = 'https://feeds.example.org/rss.xml';
    const rss = (declaration: string) =>
      `<?xml version="1.0"${declaration}?><rss version="2.0"><channel><title>Café</title>` +
      '<item><title>Gödel und Müller</title><link>https://example.org/1</link></item></channel></rss>';
    // One byte per character, as an ISO-8859-1 (Latin-1) server sends it.
    const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
    const serve = (body: BodyInit, type: string) =>
      installFetch(() => new Response(body, { headers: { 'content-type': type } }));

    it('decodes with the charset named in the Content-Type', async () => {
      serve(latin1(rss('')), 'application/rss+xml; charset=ISO-8859-1');
      const result = await loadFeed(RSS_URL);
      expect(result.title).to.equal('Café');
      const card = await fixture(html`<paperfeed-card .paper=${result.papers[0]}></paperfeed-card>`);
      expect(card.shadowRoot!.querySelector('[part="title"]')!.textContent!.trim()).to.equal('Gödel und Müller');
    });

    it('decodes with the encoding of the XML declaration when the Content-Type has no charset', async () => {
      serve(latin1(rss(' encoding="ISO-8859-1"')), 'application/rss+xml');
      const result = await loadFeed(RSS_URL);
      expect(result.papers[0].title).to.equal('Gödel und Müller');
      expect(result.title).to.equal('Café');
    });

    it('lets the Content-Type charset win over the XML declaration', async () => {
      serve(new TextEncoder().encode(rss(' encoding="ISO-8859-1"')), 'text/xml; charset="utf-8"');
      expect((await loadFeed(RSS_URL)).papers[0].title).to.equal('Gödel und Müller');
    });

    it('falls back to UTF-8 for an unknown label', async () => {
      serve(new TextEncoder().encode(rss(' encoding="x-made-up"')), 'application/xml; charset=x-made-up');
      expect((await loadFeed(RSS_URL)).papers[0].title).to.equal('Gödel und Müller');
    });

    it('reads JSON as UTF-8 by default', async () => {
      serve(new TextEncoder().encode(JSON.stringify([{ paper: { id: '2511.00001', title: 'Gödel' } }])), 'application/json');
      expect((await loadFeed(SRC)).papers[0].title).to.equal('Gödel');
    });
  });

  describe('cache size', () => {
    const MB = 2 ** 20;
    const body = (size: number) => 'x'.repeat(size);

    it('does not cache a body of several megabytes, but still shares it in flight', async () => {
      const answer = deferred<void>();
      const { requests } = installFetch(async () => {
        await answer.promise;
        return respond(body(5 * MB), { type: 'text/plain' });
      });
      const first = [fetchText(SRC), fetchText(SRC)];
      answer.resolve();
      const texts = await Promise.all(first);
      expect(requests).to.have.length(1);
      expect(texts[0].text.length).to.equal(5 * MB);
      await fetchText(SRC);
      expect(requests).to.have.length(2);
    });

    it('keeps at most about 16 MB of text, dropping the least recently used feeds first', async () => {
      const { requests } = installFetch(() => respond(body(3.5 * MB), { type: 'text/plain' }));
      const urls = [1, 2, 3, 4, 5].map((n) => `${SRC}?feed=${n}`);
      for (const url of urls) await fetchText(url);
      expect(requests).to.have.length(5);
      await fetchText(urls[4]);
      await fetchText(urls[1]);
      expect(requests).to.have.length(5);
      await fetchText(urls[0]);
      expect(requests.map((r) => r.url).slice(5)).to.deep.equal([urls[0]]);
    });
  });
});
