// The XSS corpus (xss-corpus.ts) in every string field of every feed format, through the real feed
// engine (served by the fetch hook) into <paperfeed-list>, and straight into <paperfeed-card>.
// Nothing may execute, no active element may appear, no unsafe URL may reach an attribute, and the
// one valid paper must still be shown.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/card/define.js';
import '../../src/list/define.js';
import '../../src/subscribe/define.js';
import type { PaperfeedSubscribe } from '../../src/subscribe/paperfeed-subscribe.js';
import type { PaperfeedList } from '../../src/list/paperfeed-list.js';
import type { PaperfeedCard } from '../../src/card/paperfeed-card.js';
import type { Paper } from '../../src/feed/paper.js';
import { setFetch } from '../../src/feed/net/fetch-hook.js';
import { clearFeedCache } from '../../src/feed/load.js';
import { feedBody, type PaperSpec, type WireFormat } from '../server/feeds.mjs';
import { rawXmlPayloads, xssPayloads } from './xss-corpus.js';
import {
  activeElements,
  allElements,
  blockRemoteImages,
  collapse,
  dialogGuard,
  settle,
  signature,
  unsafeAttributes,
  xssFlag,
} from './helpers.js';

const FORMATS: WireFormat[] = ['hf', 'jsonfeed', 'rss', 'atom', 'arxiv-atom', 'arxiv-rss'];
/** Formats whose item titles are plain text (the others read titles as HTML and show the HTML's text). */
const TEXT_TITLES = new Set<WireFormat>(['hf', 'jsonfeed', 'rss', 'arxiv-atom', 'arxiv-rss']);
const XML_FORMATS = new Set<WireFormat>(['rss', 'atom', 'arxiv-atom', 'arxiv-rss']);
const VALID_TITLE = 'Valid paper survives the hostile feed';
// The card writes <strong>/<em> itself for markdown emphasis: the clean render shows them too.
const EMPHASIS_TITLE = 'A **strong** and *emphasised* title';
const FEED_ORIGIN = 'https://feeds.example';
// A same-origin image that exists in the repository: the valid paper's thumbnail never leaves the machine.
const THUMB = new URL('/test/fixtures/thumbnail.svg', location.origin).href;

const payloads = xssPayloads.map((p) => p.value);

blockRemoteImages();

function validSpec(id = '2611.99999', title = VALID_TITLE): PaperSpec {
  return {
    id,
    title,
    summary:
      'A perfectly ordinary abstract that is long enough to need the Show more toggle on a card, so the clean ' +
      'render has every element the hostile one may legitimately have: it goes on for a while about feeds, ' +
      'parsers, and the web, then ends.',
    authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra', 'Barbara Liskov'],
    publishedAt: '2026-11-20T10:00:00.000Z',
    upvotes: 42,
    comments: 3,
    tags: ['feeds', 'security'],
    thumbnail: THUMB,
    organization: 'Example Lab',
    codeUrl: 'https://github.com/example/valid',
    projectUrl: 'https://example.org/valid',
    comment: '10 pages',
    category: 'cs.CR',
    url: `https://arxiv.org/abs/${id}`,
    pdfUrl: `https://arxiv.org/pdf/${id}`,
    externalUrl: `https://arxiv.org/abs/${id}`,
    authorUrl: 'https://example.org/ada',
    authorUser: 'ada',
  };
}

/**
 * One hostile paper per payload. Paper k has payload k as its title and, in every other string field,
 * the payload `(k + 11·field) mod n`: over the whole feed every field carries every payload.
 */
function hostileSpecs(list: string[]): PaperSpec[] {
  const n = list.length;
  const at = (k: number, field: number) => list[(k + field * 11) % n];
  return list.map((title, k) => ({
    id: at(k, 1),
    title,
    summary: at(k, 2),
    authors: [at(k, 3), at(k, 4), at(k, 5)],
    publishedAt: at(k, 6),
    upvotes: k,
    comments: k % 4,
    tags: [at(k, 7), at(k, 8)],
    thumbnail: at(k, 9),
    organization: at(k, 10),
    codeUrl: at(k, 11),
    projectUrl: at(k, 12),
    comment: at(k, 13),
    category: at(k, 14),
    url: at(k, 15),
    pdfUrl: at(k, 16),
    externalUrl: at(k, 17),
    guid: at(k, 18),
    summaryHtml: at(k, 19),
    aiSummary: at(k, 20),
    authorUrl: at(k, 21),
    authorUser: at(k, 22),
    authorEmail: at(k, 23),
    orgHandle: at(k, 24),
    orgAvatar: at(k, 25),
    submitter: at(k, 26),
    submitterHandle: at(k, 27),
    submitterAvatar: at(k, 28),
    banner: at(k, 29),
    commentsUrl: at(k, 30),
    affiliation: at(k, 31),
    doi: at(k, 32),
    doiUrl: at(k, 33),
    cdata: k % 2 === 0,
  }));
}

/** Raw XML fragments as title and summary (XML formats only). */
function rawSpecs(): PaperSpec[] {
  return rawXmlPayloads.map((p, k) => ({
    ...validSpec(`2611.8${String(k).padStart(4, '0')}`, `raw ${k}`),
    raw: { title: p.value, summary: rawXmlPayloads[(k + 1) % rawXmlPayloads.length].value },
  }));
}

/** Serves `bodies` (path → body) through the fetch hook; anything else is a 404. */
function serve(bodies: Map<string, { body: string; type: string }>): void {
  setFetch(async (input) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const hit = bodies.get(url);
    if (!hit) return new Response('not here', { status: 404 });
    return new Response(hit.body, { status: 200, headers: { 'Content-Type': hit.type } });
  });
}

async function showList(src: string): Promise<PaperfeedList> {
  const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
  const list = document.createElement('paperfeed-list');
  list.limit = 1000;
  list.src = src;
  const loaded = new Promise<void>((resolve, reject) => {
    list.addEventListener('load', () => resolve(), { once: true });
    list.addEventListener('error', (e) => reject((e as unknown as CustomEvent).detail.error), { once: true });
  });
  wrap.append(list);
  await loaded;
  await settle(list);
  return list;
}

function cardTitles(root: Element): string[] {
  return allElements(root)
    .filter((el) => el.getAttribute('part') === 'title')
    .map((el) => collapse(el.textContent ?? ''));
}

/** Payloads a title must show literally: those the card's TeX/markdown reading leaves alone. */
function literalTitle(payload: string): boolean {
  return !/[\\*]/.test(payload) && (payload.match(/\$/g) ?? []).length < 2 && !/__\S*__/.test(payload);
}

describe('XSS corpus', function () {
  // ~100 hostile cards per format on a 2-core machine that may be running another suite.
  this.timeout(30_000);
  const guard = dialogGuard();
  let scriptsBefore = 0;

  beforeEach(() => {
    clearFeedCache();
    guard.install();
    scriptsBefore = document.querySelectorAll('script, iframe, object, embed').length;
  });

  afterEach(() => {
    setFetch();
    clearFeedCache();
    guard.restore();
  });

  it('the inspector itself finds planted script, handlers and unsafe URLs in a shadow tree', async () => {
    // Proves the checks below can fail: the same helpers on a deliberately unsafe element.
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const inner = document.createElement('span');
    host.append(inner);
    const shadow = inner.attachShadow({ mode: 'open' });
    const link = document.createElement('a');
    link.setAttribute('href', ' javascript:void 0');
    const img = document.createElement('img');
    img.setAttribute('onerror', 'void 0');
    img.setAttribute('srcset', 'https://ok.example/a.png 1x, data:image/png;base64,AA 2x');
    const script = document.createElement('script');
    script.type = 'text/plain';
    shadow.append(link, img, script);
    expect(activeElements(host).map((el) => el.localName)).to.deep.equal(['script']);
    const problems = unsafeAttributes(host).join('\n');
    expect(problems).to.include('unsafe URL <a> href');
    expect(problems).to.include('event handler <img> onerror');
    expect(problems).to.include('unsafe srcset candidate <img>');
    expect(signature(host).has('img[onerror]')).to.equal(true);
  });

  it('has at least 50 payloads, each one distinct', () => {
    expect(xssPayloads.length).to.be.at.least(50);
    expect(new Set(payloads).size).to.equal(payloads.length);
  });

  for (const format of FORMATS) {
    describe(`${format} feed into <paperfeed-list>`, () => {
      it('executes nothing, renders no active content or unsafe URL, and still shows the valid paper', async () => {
        const cleanUrl = `${FEED_ORIGIN}/clean/${format}`;
        const hostileUrl = `${FEED_ORIGIN}/hostile/${format}`;
        const hostile = [
          ...hostileSpecs(payloads),
          ...(XML_FORMATS.has(format) ? rawSpecs() : []),
          validSpec(),
        ];
        const feedTitle = payloads[0];
        serve(
          new Map([
            [cleanUrl, feedBody(format, [validSpec(), validSpec('2611.99998', EMPHASIS_TITLE)])],
            [hostileUrl, feedBody(format, hostile, { title: feedTitle })],
          ]),
        );

        // The clean render is the reference: a hostile feed may not add any element or attribute it lacks.
        const clean = await showList(cleanUrl);
        const allowed = signature(clean);
        const list = await showList(hostileUrl);

        expect(xssFlag(), 'a payload ran').to.equal(undefined);
        expect(guard.dialogs, 'a dialog was opened').to.deep.equal([]);
        expect(activeElements(list).map((el) => el.outerHTML), 'active elements').to.deep.equal([]);
        expect(unsafeAttributes(list), 'unsafe attributes').to.deep.equal([]);
        const unexpected = [...signature(list)].filter((entry) => !allowed.has(entry));
        expect(unexpected, 'elements/attributes only a hostile feed produced').to.deep.equal([]);
        expect(document.querySelectorAll('script, iframe, object, embed').length).to.equal(scriptsBefore);

        const titles = cardTitles(list);
        expect(titles, 'the valid paper').to.include(VALID_TITLE);
        const valid = allElements(list).find(
          (el) => el.getAttribute('part') === 'title' && collapse(el.textContent ?? '') === VALID_TITLE,
        )!;
        expect(valid.getBoundingClientRect().height, 'valid title visible').to.be.greaterThan(0);
        expect(valid.checkVisibility()).to.equal(true);

        if (TEXT_TITLES.has(format)) {
          // Markup in a text title is shown as the characters it is made of.
          const strip = (s: string) => collapse(XML_FORMATS.has(format) ? s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '') : s);
          const missing = payloads.filter((p) => literalTitle(p) && !titles.includes(strip(p)));
          expect(missing, 'payload titles not shown literally').to.deep.equal([]);
        }
        // Every hostile item with a readable title became a card: nothing was silently swallowed.
        expect(titles.length).to.be.greaterThan(payloads.length / 2);
      });
    });
  }

  describe('<paperfeed-list> with papers given directly', () => {
    it('renders hostile Paper objects inert', async () => {
      const papers = hostilePapers();
      const clean = await fixture<PaperfeedList>(html`<paperfeed-list limit="1000" .papers=${[validPaper(), { ...validPaper('2611.99998'), title: EMPHASIS_TITLE }]}></paperfeed-list>`);
      await settle(clean);
      const allowed = signature(clean);
      const list = await fixture<PaperfeedList>(html`<paperfeed-list limit="1000" .papers=${papers}></paperfeed-list>`);
      await settle(list);
      expect(xssFlag()).to.equal(undefined);
      expect(guard.dialogs).to.deep.equal([]);
      expect(activeElements(list).map((el) => el.outerHTML)).to.deep.equal([]);
      expect(unsafeAttributes(list)).to.deep.equal([]);
      expect([...signature(list)].filter((entry) => !allowed.has(entry))).to.deep.equal([]);
      expect(cardTitles(list)).to.include(VALID_TITLE);
    });
  });

  describe('<paperfeed-subscribe> shown a hostile server message', () => {
    // A compromised or hostile endpoint answers 4xx with `{ "message": payload }`: the form shows it as text.
    it('shows every payload as inert text in the status region', async () => {
      let message = '';
      setFetch(async () => new Response(JSON.stringify({ message }), { status: 422, headers: { 'Content-Type': 'application/json' } }));
      const el = await fixture<PaperfeedSubscribe>(html`<paperfeed-subscribe action="https://subscribe.example/"></paperfeed-subscribe>`);
      const clean = signature(el);
      const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part="input"]')!;
      const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!;
      input.value = 'reader@example.org';
      const shown: string[] = [];
      for (const payload of payloads) {
        message = payload;
        const failed = new Promise((resolve) => el.addEventListener('paperfeed-subscribe-error', resolve, { once: true }));
        button.click();
        await failed;
        await el.updateComplete;
        shown.push(collapse(el.shadowRoot!.querySelector('[part="status"]')!.textContent ?? ''));
        expect(activeElements(el)).to.deep.equal([]);
        expect(unsafeAttributes(el)).to.deep.equal([]);
      }
      await settle(el);
      expect(xssFlag()).to.equal(undefined);
      expect(guard.dialogs).to.deep.equal([]);
      // Only the words the clean form already used (plus the error state's own aria attributes).
      const added = [...signature(el)].filter((entry) => !clean.has(entry));
      expect(added.filter((entry) => !/^input\[aria-(invalid|describedby)\]$/.test(entry))).to.deep.equal([]);
      const expected = payloads.map((p) => collapse(p)).map((p) => (p.length > 300 ? `${p.slice(0, 299)}…` : p));
      // A message with nothing visible in it falls back to the form's own text.
      const missing = expected.filter((text, i) => text && shown[i] !== text);
      expect(missing).to.deep.equal([]);
      expect(input.value).to.equal('reader@example.org');
    });
  });

  describe('<paperfeed-card> given a hostile paper directly', () => {
    // `paper` is a public property: a page may build Paper objects itself, without the feed engine's
    // safeUrl, so the card must not trust the URL fields either.
    it('renders every payload in every field inert', async () => {
      const clean = await fixture<PaperfeedCard>(html`<paperfeed-card .paper=${{ ...validPaper(), title: EMPHASIS_TITLE }}></paperfeed-card>`);
      await settle(clean);
      const allowed = signature(clean);
      const expanded = await fixture<PaperfeedCard>(html`<paperfeed-card expanded .paper=${validPaper()}></paperfeed-card>`);
      await settle(expanded);
      for (const entry of signature(expanded)) allowed.add(entry);

      const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
      const cards = hostilePapers().map((paper, k) => {
        const card = document.createElement('paperfeed-card');
        card.paper = paper;
        card.expanded = k % 2 === 1;
        wrap.append(card);
        return card;
      });
      await Promise.all(cards.map((card) => card.updateComplete));
      await settle(wrap);

      expect(xssFlag()).to.equal(undefined);
      expect(guard.dialogs).to.deep.equal([]);
      expect(activeElements(wrap).map((el) => el.outerHTML)).to.deep.equal([]);
      expect(unsafeAttributes(wrap)).to.deep.equal([]);
      expect([...signature(wrap)].filter((entry) => !allowed.has(entry))).to.deep.equal([]);
      const titles = cardTitles(wrap);
      const missing = payloads.filter((p) => literalTitle(p) && !titles.includes(collapse(p)));
      expect(missing, 'payload titles not shown literally').to.deep.equal([]);
      expect(cardTitles(wrap)).to.include(VALID_TITLE);
    });
  });
});

function validPaper(id = '2611.99999'): Paper {
  return {
    id,
    title: VALID_TITLE,
    summary: validSpec().summary,
    authors: validSpec().authors.map((name) => ({ name, url: 'https://example.org/a' })),
    authorCount: 5,
    publishedAt: '2026-11-20T10:00:00.000Z',
    upvotes: 42,
    comments: 3,
    url: `https://huggingface.co/papers/${id}`,
    arxivUrl: `https://arxiv.org/abs/${id}`,
    pdfUrl: `https://arxiv.org/pdf/${id}`,
    codeUrl: 'https://github.com/example/valid',
    codeStars: 1234,
    projectUrl: 'https://example.org/valid',
    thumbnail: THUMB,
    tags: ['feeds', 'security'],
    organization: { name: 'Example Lab', url: 'https://huggingface.co/example', avatar: THUMB },
    submittedBy: { name: 'Some One', url: 'https://huggingface.co/someone', avatar: THUMB },
    aiSummary: 'Short.',
    note: '10 pages',
    source: 'hf',
  };
}

/** Paper objects with a payload in every field, URL fields included (not passed through safeUrl). */
function hostilePapers(): Paper[] {
  const n = payloads.length;
  const at = (k: number, field: number) => payloads[(k + field * 11) % n];
  const papers = payloads.map(
    (title, k): Paper => ({
      id: at(k, 1),
      title,
      summary: at(k, 2),
      authors: [
        { name: at(k, 3), url: at(k, 4) },
        { name: at(k, 5), url: at(k, 6) },
      ],
      authorCount: 9,
      publishedAt: at(k, 7),
      upvotes: k,
      comments: k,
      url: at(k, 8),
      arxivUrl: at(k, 9),
      pdfUrl: at(k, 10),
      codeUrl: at(k, 11),
      codeStars: k,
      projectUrl: at(k, 12),
      thumbnail: at(k, 13),
      tags: [at(k, 14), at(k, 15)],
      organization: { name: at(k, 16), url: at(k, 17), avatar: at(k, 18) },
      submittedBy: { name: at(k, 19), url: at(k, 20), avatar: at(k, 21) },
      aiSummary: at(k, 22),
      note: at(k, 23),
      source: 'hf',
    }),
  );
  return [...papers, validPaper()];
}
