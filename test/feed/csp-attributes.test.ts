// Issue 13: parsing a feed whose XHTML content carries inline event handlers (the TypePad Atom feed
// has `onclick`s) must not make Chromium report a `script-src-attr` CSP violation to the host page:
// it reports one even for an inert DOMParser document, where the handler can never run.
import { expect } from '@open-wc/testing';
import { parseFeed } from '../../src/feed/index.js';
import { checkCorpusFile } from './corpus.js';

const realFetch = globalThis.fetch.bind(globalThis);

const FEED = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Post</title>
  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p><a href="https://x.example/" onclick="window.open(this.href);return false;">pic</a></p></div></content>
  </entry></feed>`;

describe('inline event handlers in feed XML under a strict CSP', () => {
  // Reports caused by paperfeed's code (not by this file's own raw parses, the controls).
  const violations: string[] = [];
  const ownParse = (event: SecurityPolicyViolationEvent) => event.sourceFile.includes('csp-attributes.test');
  const record = (event: SecurityPolicyViolationEvent) => {
    if (!ownParse(event)) violations.push(`${event.violatedDirective} from ${event.sourceFile.replace(/^.*\/src\//, 'src/')}`);
  };

  before(() => {
    // This page's policy from here on: inline handlers are refused (and reported).
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "script-src-attr 'none'";
    document.head.append(meta);
    document.addEventListener('securitypolicyviolation', record);
  });
  after(() => document.removeEventListener('securitypolicyviolation', record));

  // Violation events are queued as tasks, in order: a violation this file makes afterwards (a raw
  // parse) arrives after any that parseFeed caused, so awaiting it is enough to have seen them all.
  let controls = 0;
  const rawParse = (xml: string) =>
    new Promise<void>((resolve) => {
      const seen = (event: SecurityPolicyViolationEvent) => {
        if (!ownParse(event)) return;
        document.removeEventListener('securitypolicyviolation', seen);
        resolve();
      };
      document.addEventListener('securitypolicyviolation', seen);
      new DOMParser().parseFromString(xml, 'application/xml');
    });
  // Each control is a different handler: Chromium need not report the same violation twice.
  const control = () => rawParse(`<a xmlns="http://www.w3.org/1999/xhtml" onclick="control${++controls}()"/>`);

  it('a raw DOMParser parse of that XML is reported (the test can fail)', async () => {
    // Resolves only once Chromium reported this file's own parse of the feed.
    await rawParse(FEED);
  });

  it('parseFeed reads the entry without any violation report', async () => {
    violations.length = 0;
    const { papers } = parseFeed(FEED, 'application/atom+xml', { url: 'https://x.example/feed' });
    await control();
    expect(papers[0].summary).to.equal('pic');
    expect(violations).to.deep.equal([]);
  });

  it('no file of the real-feeds corpus makes a violation report', async function () {
    this.timeout(120_000);
    const listing = (await (await realFetch('/__corpus/files')).json()) as { available: boolean; files: string[] };
    if (!listing.available) {
      console.log('# real-feeds corpus: ../shared/real-feeds is missing, so the corpus CSP check did not run');
      return;
    }
    const warn = console.warn;
    console.warn = () => {};
    const reported: string[] = [];
    try {
      for (const path of listing.files) {
        violations.length = 0;
        const response = await realFetch(`/__corpus/file?path=${encodeURIComponent(path)}`);
        await checkCorpusFile(path, new Uint8Array(await response.arrayBuffer()));
        await control();
        if (violations.length) reported.push(`${path}: ${violations.join(', ')}`);
      }
    } finally {
      console.warn = warn;
    }
    expect(listing.files.length).to.be.greaterThan(200);
    expect(reported).to.deep.equal([]);
  });
});
