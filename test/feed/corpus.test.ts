// The real-feeds corpus in Chromium (DOMParser), and the differential test: every fixture and every
// corpus file must give the same FeedResult (or the same FeedError) through the browser path here and
// through the server path (paperfeed/feed's node condition, computed by the test server in Node).
// The files are served read-only by test/server/corpus-route.mjs; nothing is copied into the repo.
import { expect } from '@open-wc/testing';
import { checkCorpusFile, knownUnreadable, summarize, type CorpusOutcome } from './corpus.js';

const realFetch = globalThis.fetch.bind(globalThis);

interface Listing {
  available: boolean;
  files: string[];
  fixtures: string[];
}

async function bytesOf(path: string): Promise<Uint8Array> {
  const response = await realFetch(`/__corpus/file?path=${encodeURIComponent(path)}`);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

let listing: Listing;
const outcomes = new Map<string, CorpusOutcome>();

async function outcome(path: string): Promise<CorpusOutcome> {
  if (!outcomes.has(path)) outcomes.set(path, await checkCorpusFile(path, await bytesOf(path)));
  return outcomes.get(path)!;
}

describe('real feeds (../shared/real-feeds)', function () {
  this.timeout(180_000);
  let warn: typeof console.warn;

  before(async () => {
    listing = (await (await realFetch('/__corpus/files')).json()) as Listing;
    warn = console.warn;
    // Skipped-item warnings of 230 feeds are not what this test is about.
    console.warn = () => {};
  });
  after(() => {
    console.warn = warn;
  });

  it('every file reads in Chromium with what it expects, or is listed in the README as unreadable', async () => {
    if (!listing.available) {
      console.log('# real-feeds corpus: ../shared/real-feeds is missing, so the corpus check did not run');
      return;
    }
    const readme = await (await realFetch('/README.md')).text();
    const list: CorpusOutcome[] = [];
    for (const path of listing.files) list.push(await outcome(path));
    const { table, failures } = summarize(list, knownUnreadable(readme));
    console.log(`real-feeds corpus in Chromium (DOMParser):\n${table}`);
    expect(list.length).to.be.greaterThan(200);
    expect(failures).to.deep.equal([]);
  });

  it('gives the same papers through the browser path and the server path, for every fixture and real feed', async () => {
    const paths = [...listing.fixtures.map((name) => `fixtures/${name}`), ...listing.files];
    const node = (await (await realFetch('/__corpus/node-outputs')).json()) as Record<string, unknown>;
    // A refused feed: same kind and message, except the parser's own detail after "not valid XML:".
    const comparable = (output: unknown) => {
      const o = output as { kind?: string; message?: string };
      return o && typeof o.message === 'string' && o.kind === 'parse'
        ? { kind: o.kind, message: o.message.replace(/(not valid XML): .*/, '$1') }
        : output;
    };
    const differ: string[] = [];
    for (const path of paths) {
      const browser = comparable(JSON.parse(JSON.stringify((await outcome(path)).output)));
      const server = comparable(node[path]);
      if (JSON.stringify(browser) !== JSON.stringify(server)) differ.push(path);
    }
    if (differ.length) {
      const first = differ[0];
      expect(comparable(JSON.parse(JSON.stringify((await outcome(first)).output))), `${differ.length} differ; first: ${first}`).to.deep.equal(
        comparable(node[first]),
      );
    }
    expect(paths.length).to.be.greaterThan(listing.fixtures.length);
    expect(differ).to.deep.equal([]);
  });
});
