// The CDN entry's two parts, on their own: the primer (a preload per list feed, so the feed downloads
// beside the element code) and the autoloader (an element's code is imported when its tag appears).
// The whole built file is checked end to end by scripts/check-cdn.mjs.
import { expect } from '@open-wc/testing';
import { primeFeeds } from '../../src/cdn/primer.js';
import { autoload } from '../../src/cdn/autoloader.js';

const preloads = () =>
  [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="fetch"]')].map((link) => ({
    href: link.href,
    crossOrigin: link.crossOrigin,
  }));

describe('CDN entry', () => {
  let host: HTMLDivElement;

  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
  });

  afterEach(() => {
    host.remove();
    document.head.querySelectorAll('link[rel="preload"][as="fetch"]').forEach((link) => link.remove());
  });

  describe('primer', () => {
    it('preloads each list feed once, in CORS mode, with the proxy applied, skipping lazy and unsafe ones', () => {
      host.innerHTML = `
        <paperfeed-list src="/feeds/a.json"></paperfeed-list>
        <paperfeed-list src="/feeds/a.json"></paperfeed-list>
        <paperfeed-list src="https://example.org/feed.xml" proxy="https://proxy.example/?u={url}"></paperfeed-list>
        <paperfeed-list src="/feeds/lazy.json" lazy></paperfeed-list>
        <paperfeed-list src="javascript:alert(1)"></paperfeed-list>
        <paperfeed-list src="/feeds/b.json" proxy="no-placeholder"></paperfeed-list>`;
      const primed = primeFeeds();
      const a = new URL('/feeds/a.json', document.baseURI).href;
      const proxied = `https://proxy.example/?u=${encodeURIComponent('https://example.org/feed.xml')}`;
      expect(primed).to.deep.equal([a, proxied]);
      expect(preloads()).to.deep.equal([
        { href: a, crossOrigin: 'anonymous' },
        { href: proxied, crossOrigin: 'anonymous' },
      ]);
      // A second run (or a <link> the author wrote) adds nothing.
      expect(primeFeeds()).to.deep.equal([]);
      expect(preloads()).to.have.length(2);
    });
  });

  describe('autoloader', () => {
    it('loads a tag in the page at once, and a tag added later once it appears', async () => {
      const loaded: string[] = [];
      let later!: () => void;
      const laterLoaded = new Promise<void>((resolve) => (later = resolve));
      host.innerHTML = '<x-now-test></x-now-test>';
      const observer = autoload({
        'x-now-test': async () => loaded.push('now'),
        'x-later-test': async () => {
          loaded.push('later');
          later();
        },
      });
      try {
        expect(loaded).to.deep.equal(['now']);
        const wrapper = document.createElement('section');
        wrapper.innerHTML = '<p><x-later-test></x-later-test></p>';
        host.append(wrapper);
        await laterLoaded;
        // A second copy of the tag must not load it again. Our own observer, created after the
        // autoloader's, is called after it for the same mutation.
        const seen = new Promise((resolve) => new MutationObserver(resolve).observe(host, { childList: true }));
        host.append(document.createElement('x-later-test'));
        await seen;
        expect(loaded).to.deep.equal(['now', 'later']);
      } finally {
        observer.disconnect();
      }
    });
  });
});
