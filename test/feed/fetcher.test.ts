// The fetcher's own contract: the request it sends, how it decodes bytes, what its cache keeps.
import { expect } from '@open-wc/testing';
import { setFetch } from '../../src/feed/fetch-hook.js';
import { clearFeedCache, loadFeed } from '../../src/feed/load.js';
import { installFetch, respond } from './helpers.js';

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
});
