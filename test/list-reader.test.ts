// Tests: Announcer (src/list/controllers/announcer.ts: status text, focus after Retry and Load more),
// with the kept / stale / retry state of FeedController it speaks about.
// What the reader of a <paperfeed-list> keeps while the list works: the pages they opened across a
// reload, the papers on screen when a refresh fails, focus on controls that are busy or at their end,
// one status message per search rather than one per keystroke, and no requests after removal.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../src/list/define.js';
import type { PaperfeedList } from '../src/list/paperfeed-list.js';
import { setFetch } from '../src/feed/net/fetch-hook.js';
import { clearFeedCache } from '../src/feed/load.js';
import type { Paper } from '../src/feed/paper.js';
import { deferred, hangUntilAborted, installFetch, respond, type RecordedRequest } from './feed/helpers.js';

const hfItem = (n: number) => ({
  paper: { id: `2511.${String(n).padStart(5, '0')}`, title: `Paper ${n}`, summary: `Abstract ${n}.`, authors: [{ name: 'Sam Lee' }] },
});
const items = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => hfItem(from + i));
const json = (body: unknown) => respond(JSON.stringify(body));

let run = 0;
let base = '';
beforeEach(() => {
  run++;
  base = `https://feeds.test/reader-${run}`;
  clearFeedCache();
});
afterEach(() => setFetch());

const $ = <T extends Element = HTMLElement>(el: PaperfeedList, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const titles = (el: PaperfeedList) => [...el.shadowRoot!.querySelectorAll('paperfeed-card')].map((card) => card.paper?.title);
const status = (el: PaperfeedList) => $(el, '[role="status"]')!.textContent!.trim();
const button = (el: PaperfeedList, text: string) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === text);

async function settle(el: PaperfeedList): Promise<PaperfeedList> {
  await el.updateComplete;
  while (el.state === 'loading') await oneEvent(el, 'loadend');
  await el.updateComplete;
  return el;
}
const mount = async (template: TemplateResult) => settle(await fixture<PaperfeedList>(template));

/** Resolves when the status region's text changes. */
function statusChange(el: PaperfeedList): Promise<string> {
  const region = $(el, '[role="status"]')!;
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      observer.disconnect();
      resolve(status(el));
    });
    observer.observe(region, { childList: true, characterData: true, subtree: true });
  });
}

describe('<paperfeed-list> keeps the reader’s place', () => {
  it('a reload keeps the pages opened with Load more (paged source) and focus stays where it was', async () => {
    let version = 'A';
    installFetch((request) =>
      new URL(request.url).searchParams.get('p') === '1'
        ? json(items(3, 3))
        : json(items(1, 2).map((item) => ({ paper: { ...item.paper, title: `${item.paper.title}${version}` } }))),
    );
    const el = await mount(html`<paperfeed-list src="${base}/hf?limit=2" limit="2"></paperfeed-list>`);
    button(el, 'Load more')!.click();
    await oneEvent(el, 'loadend');
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Paper 1A', 'Paper 2A', 'Paper 3']);
    const focused = el.shadowRoot!.activeElement;
    expect(focused?.localName).to.equal('li');

    version = 'B';
    el.reload();
    await el.updateComplete;
    await oneEvent(el, 'loadend');
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Paper 1B', 'Paper 2B', 'Paper 3']);
    expect(el.shadowRoot!.activeElement === focused, 'has focus').to.equal(true);
  });

  it('a reload keeps the papers shown with a local Load more', async () => {
    installFetch(() => json(items(1, 5)));
    const el = await mount(html`<paperfeed-list src="${base}/all" limit="2"></paperfeed-list>`);
    button(el, 'Load more')!.click();
    await el.updateComplete;
    expect(titles(el)).to.have.length(4);
    el.reload();
    await el.updateComplete;
    await oneEvent(el, 'loadend');
    await el.updateComplete;
    expect(titles(el)).to.have.length(4);
  });

  it('a new src starts again at the first page', async () => {
    installFetch(() => json(items(1, 5)));
    const el = await mount(html`<paperfeed-list src="${base}/one" limit="2"></paperfeed-list>`);
    button(el, 'Load more')!.click();
    await el.updateComplete;
    el.src = `${base}/two`;
    await settle(el);
    expect(titles(el)).to.have.length(2);
  });

  it('a failed refresh keeps the papers, says what failed, and Retry brings the fresh feed', async () => {
    let answer: () => Response = () => json(items(1, 3));
    installFetch(() => answer());
    const el = await mount(html`<paperfeed-list src="${base}/feed"></paperfeed-list>`);
    answer = () => respond('down', { status: 503 });
    const failed = oneEvent(el, 'error');
    el.reload();
    await failed;
    await el.updateComplete;
    expect(el.state).to.equal('loaded');
    expect(titles(el)).to.deep.equal(['Paper 1', 'Paper 2', 'Paper 3']);
    const note = $(el, '[part~="error"]')!;
    expect(note.textContent).to.match(/503/);
    expect(status(el)).to.match(/503/);
    await expect(el).to.be.accessible();

    answer = () => json(items(1, 4));
    const retry = [...note.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Retry')!;
    retry.click();
    await oneEvent(el, 'loadend');
    await el.updateComplete;
    expect(titles(el)).to.have.length(4);
    expect($(el, '[part~="error"]')).to.equal(null);
    expect(status(el)).to.equal('4 papers loaded');
  });
});

/** What has focus inside the list, as text (a failed comparison of two elements can stall the runner). */
const focusedControl = (el: PaperfeedList) => {
  const active = el.shadowRoot!.activeElement;
  return active ? `${active.localName} ${active.getAttribute('part') ?? ''}: ${active.textContent!.replace(/\s+/g, ' ').trim().slice(0, 40)}` : 'nothing';
};

describe('<paperfeed-list> Retry after a failed refresh', () => {
  /** A list whose feed loaded, then whose reload failed: papers on screen and the note with Retry. */
  async function staleList(answers: (() => Response | Promise<Response>)[]) {
    let call = 0;
    const { requests } = installFetch(() => answers[Math.min(call++, answers.length - 1)]());
    const el = await mount(html`<paperfeed-list src="${base}/feed"></paperfeed-list>`);
    const failed = oneEvent(el, 'error');
    el.reload();
    await failed;
    await el.updateComplete;
    const retry = $<HTMLButtonElement>(el, '[part~="error"] [part~="retry"]')!;
    expect(retry.textContent!.trim()).to.equal('Retry');
    return { el, retry, requests };
  }

  it('Retry that fails again puts focus back on Retry, with the papers and the note still there', async () => {
    const second = deferred<Response>();
    const { el, retry, requests } = await staleList([() => json(items(1, 3)), () => respond('down', { status: 503 }), () => second.promise]);
    retry.focus();
    expect(focusedControl(el)).to.equal('button button retry: Retry');
    const failedAgain = oneEvent(el, 'error');
    retry.click();
    await el.updateComplete;
    expect(titles(el), 'the papers stay while it retries').to.deep.equal(['Paper 1', 'Paper 2', 'Paper 3']);
    expect(status(el), 'the reader who pressed Retry hears it working').to.equal('Loading papers…');
    // The note and its Retry stay while it runs (busy, one click at a time), so focus does not drop to <body>.
    expect(retry.isConnected).to.equal(true);
    expect(retry.getAttribute('aria-disabled')).to.equal('true');
    expect(focusedControl(el)).to.equal('button button retry: Retry');
    expect(el.shadowRoot!.activeElement === retry).to.equal(true);
    retry.click();
    await el.updateComplete;
    expect(requests).to.have.length(3);
    second.resolve(respond('still down', { status: 502 }));
    await failedAgain;
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Paper 1', 'Paper 2', 'Paper 3']);
    const note = $(el, '[part~="error"]')!;
    expect(note.textContent).to.match(/502/);
    expect(status(el)).to.match(/502/);
    const again = $<HTMLButtonElement>(el, '[part~="error"] [part~="retry"]')!;
    expect(again.getAttribute('aria-disabled')).to.equal('false');
    expect(focusedControl(el), 'focus is on Retry').to.equal('button button retry: Retry');
    expect(document.activeElement === el).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('Retry on the error box (nothing loaded) keeps the box and focus while it runs, and after it fails again', async () => {
    const second = deferred<Response>();
    let call = 0;
    const { requests } = installFetch(() => (++call === 1 ? respond('down', { status: 503 }) : second.promise));
    const el = await mount(html`<paperfeed-list src="${base}/feed"></paperfeed-list>`);
    expect(el.state).to.equal('error');
    const retry = $<HTMLButtonElement>(el, '[part~="error"] [part~="retry"]')!;
    retry.focus();
    retry.click();
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('loading');
    expect(status(el)).to.equal('Loading papers…');
    expect(retry.isConnected, 'the box stays while Retry runs').to.equal(true);
    expect(retry.getAttribute('aria-busy')).to.equal('true');
    expect(retry.getAttribute('aria-disabled')).to.equal('true');
    expect(focusedControl(el)).to.equal('button button retry: Retry');
    retry.click();
    await el.updateComplete;
    expect(requests).to.have.length(2);
    second.resolve(respond('still down', { status: 502 }));
    await oneEvent(el, 'loadend');
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect($(el, '[part~="error"]')!.textContent).to.match(/502/);
    expect(retry.getAttribute('aria-disabled')).to.equal('false');
    expect(focusedControl(el)).to.equal('button button retry: Retry');
  });

  it('a reader who goes to another period while Retry runs keeps focus where they put it', async () => {
    const retried = deferred<Response>();
    let call = 0;
    // Papers shown first: a list that never showed one has no period bar to go elsewhere with (issue 12).
    installFetch(() =>
      ++call === 1 ? json(items(5, 6)) : call === 2 ? respond('down', { status: 503 }) : call === 3 ? retried.promise : json(items(1, 2)),
    );
    const el = await mount(html`<paperfeed-list src="https://huggingface.co/api/daily_papers?date=2026-11-20"></paperfeed-list>`);
    const failed = oneEvent(el, 'error');
    el.reload();
    await failed;
    await el.updateComplete;
    const retry = $<HTMLButtonElement>(el, '[part~="retry"]')!;
    retry.focus();
    retry.click();
    await el.updateComplete;
    const previous = button(el, 'Previous')!;
    previous.focus();
    previous.click();
    await settle(el);
    retried.resolve(respond('too late', { status: 503 }));
    expect(titles(el)).to.deep.equal(['Paper 1', 'Paper 2']);
    expect(focusedControl(el), 'focus stays on Previous').to.equal('button button: Previous');
  });

  it('Retry that succeeds puts focus on the first paper', async () => {
    const { el, retry } = await staleList([() => json(items(1, 3)), () => respond('down', { status: 503 }), () => json(items(1, 4))]);
    retry.focus();
    retry.click();
    await oneEvent(el, 'loadend');
    await el.updateComplete;
    expect(titles(el)).to.have.length(4);
    expect($(el, '[part~="error"]')).to.equal(null);
    expect(focusedControl(el)).to.match(/^li /);
  });
});

describe('<paperfeed-list> focus on busy and last controls', () => {
  it('Load more keeps focus while its page loads and takes one click at a time', async () => {
    const page = deferred<Response>();
    const { requests } = installFetch((request) =>
      new URL(request.url).searchParams.get('p') === '1' ? page.promise : json(items(1, 2)),
    );
    const el = await mount(html`<paperfeed-list src="${base}/hf?limit=2" limit="2"></paperfeed-list>`);
    const more = button(el, 'Load more')!;
    more.focus();
    more.click();
    await el.updateComplete;
    expect(more.getAttribute('aria-disabled')).to.equal('true');
    expect(el.shadowRoot!.activeElement === more, 'has focus').to.equal(true);
    more.click();
    await el.updateComplete;
    expect(requests.filter((r: RecordedRequest) => new URL(r.url).searchParams.get('p') === '1')).to.have.length(1);
    page.resolve(json(items(3, 3)));
    await oneEvent(el, 'loadend');
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Paper 1', 'Paper 2', 'Paper 3']);
  });

  it('Next at the newest period is aria-disabled, keeps focus and fetches nothing', async () => {
    const { requests } = installFetch(() => json(items(1, 2)));
    const el = await mount(html`<paperfeed-list src="https://huggingface.co/api/daily_papers"></paperfeed-list>`);
    const next = button(el, 'Next')!;
    expect(next.getAttribute('aria-disabled')).to.equal('true');
    next.focus();
    next.click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement === next, 'has focus').to.equal(true);
    expect(requests).to.have.length(1);
    await expect(el).to.be.accessible();
  });
});

describe('<paperfeed-list> status messages', () => {
  it('announces a typed search once the typing pauses, not on every keystroke', async () => {
    installFetch(() => json(items(1, 12)));
    const el = await mount(html`<paperfeed-list src="${base}/feed"></paperfeed-list>`);
    expect(status(el)).to.equal('12 papers loaded');
    const input = $<HTMLInputElement>(el, 'input[type="search"]')!;
    const settled = statusChange(el);
    for (const text of ['P', 'Pa', 'Paper 1']) {
      input.value = text;
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(status(el)).to.equal('12 papers loaded');
    }
    // "Paper 1" matches Paper 1, 10, 11 and 12.
    expect(titles(el)).to.have.length(4);
    expect(await settled).to.equal('4 papers match “Paper 1”');
  });

  it('announces a query set by a script at once', async () => {
    installFetch(() => json(items(1, 12)));
    const el = await mount(html`<paperfeed-list src="${base}/feed"></paperfeed-list>`);
    el.query = 'Paper 3';
    await el.updateComplete;
    expect(status(el)).to.equal('1 paper matches “Paper 3”');
  });
});

describe('<paperfeed-list> robustness', () => {
  it('a move within the page does not interrupt its fetch', async () => {
    const answer = deferred<Response>();
    const { requests } = installFetch(() => answer.promise);
    const wrap = await fixture<HTMLDivElement>(html`<div><paperfeed-list src="${base}/moved"></paperfeed-list><p></p></div>`);
    const el = wrap.querySelector('paperfeed-list')!;
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    wrap.append(el); // moved after the paragraph: disconnected and connected in one go
    await el.updateComplete;
    answer.resolve(json(items(1, 2)));
    await settle(el);
    expect(requests).to.have.length(1);
    expect(requests[0].signal?.aborted).to.equal(false);
    expect(titles(el)).to.deep.equal(['Paper 1', 'Paper 2']);
  });

  it('searches papers given by a script without authors or tags', async () => {
    const papers = [
      { id: '1', title: 'Alpha', summary: 'x' },
      { id: '2', title: 'Beta', summary: 'y' },
    ] as unknown as Paper[];
    const el = await mount(html`<paperfeed-list .papers=${papers}></paperfeed-list>`);
    el.query = 'alpha';
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Alpha']);
  });

  it('stops its request when removed, and fetches again when put back', async () => {
    let hang = true;
    const { requests } = installFetch((request) => (hang ? hangUntilAborted(request) : json(items(1, 2))));
    const el = await fixture<PaperfeedList>(html`<paperfeed-list src="${base}/slow"></paperfeed-list>`);
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(requests).to.have.length(1);
    const parent = el.parentElement!;
    el.remove();
    await null;
    expect(requests[0].signal?.aborted).to.equal(true);

    hang = false;
    parent.append(el);
    await settle(el);
    expect(requests).to.have.length(2);
    expect(titles(el)).to.deep.equal(['Paper 1', 'Paper 2']);
  });
});

describe('<paperfeed-list> header', () => {
  const header = (el: PaperfeedList) => $(el, '[part="header"]')!;

  it('takes no room without a heading, and shows a heading or the page’s header content', async () => {
    const papers = [{ id: '1', title: 'Alpha', summary: '', authors: [], authorCount: 0, publishedAt: '', tags: [], source: 'custom' }] as Paper[];
    const bare = await mount(html`<paperfeed-list .papers=${papers}></paperfeed-list>`);
    expect(header(bare).getBoundingClientRect().height).to.equal(0);
    expect(header(bare).checkVisibility()).to.equal(false);

    const titled = await mount(html`<paperfeed-list heading="Daily papers" .papers=${papers}></paperfeed-list>`);
    expect(header(titled).checkVisibility()).to.equal(true);
    expect(header(titled).textContent!.trim()).to.equal('Daily papers');

    const late = document.createElement('h2');
    late.slot = 'header';
    late.textContent = 'Our picks';
    const changed = oneEvent($(bare, 'slot[name="header"]')!, 'slotchange');
    bare.append(late);
    await changed;
    await bare.updateComplete;
    expect(header(bare).checkVisibility()).to.equal(true);
    expect(late.getBoundingClientRect().height).to.be.above(0);
  });
});
