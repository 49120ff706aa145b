// A page set up wrongly (review #21): a `src` that is not http(s) or a `proxy` without `{url}` is a
// FeedError of kind `config`, explained in the console for the page's author; what the list's
// readers see is a neutral sentence, not a developer message (and not a `parse` error).
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/list/define.js';
import type { PaperfeedList } from '../../src/list/paperfeed-list.js';
import type { FeedError } from '../../src/feed/errors.js';
import { setFetch } from '../../src/feed/net/fetch-hook.js';
import { clearFeedCache } from '../../src/feed/load.js';
import { installFetch, respond } from './helpers.js';

const NEUTRAL = 'The feed is not set up correctly.';

describe('a feed set up wrongly, in the list', () => {
  let logError: typeof console.error;
  let logged: string[];

  beforeEach(() => {
    clearFeedCache();
    logError = console.error;
    logged = [];
    console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
  });

  afterEach(() => {
    setFetch();
    console.error = logError;
  });

  const cases = [
    { name: 'a proxy without {url}', attrs: { src: 'https://papers.example/feed.json', proxy: 'https://proxy.example/' }, log: /proxy option must contain \{url\}/ },
    { name: 'a src that is not http(s)', attrs: { src: 'ftp://papers.example/feed.json' }, log: /src must be an http\(s\) URL; got "ftp:/ },
  ];

  for (const { name, attrs, log } of cases) {
    it(`${name}: error state with a neutral message, an error event of kind config, details in the console`, async () => {
      const { requests } = installFetch(() => respond('[]'));
      const el = document.createElement('paperfeed-list') as PaperfeedList;
      for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
      const failed = oneEvent(el, 'error');
      await fixture(html`<div>${el}</div>`);
      const { detail } = (await failed) as CustomEvent<{ error: FeedError }>;
      await el.updateComplete;

      expect(detail.error.kind).to.equal('config');
      expect(el.getAttribute('state')).to.equal('error');
      expect(el.shadowRoot!.querySelector('.error-text')!.textContent!.trim()).to.equal(NEUTRAL);
      expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim()).to.equal(NEUTRAL);
      expect(logged.filter((line) => log.test(line))).to.have.length(1);
      expect(requests).to.have.length(0);
      // Trying again cannot help a page set up wrongly: no Retry to press.
      expect(el.shadowRoot!.querySelector('[part~="retry"]') === null, 'no Retry').to.equal(true);
    });
  }
});
