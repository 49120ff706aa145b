import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/reader/define.js';
import type { PaperfeedActions } from '../../src/reader/paperfeed-actions.js';
import { SAVED_KEY, savedStore } from '../../src/reader/saved.js';
import { papersOf } from './helpers.js';

describe('reader: actions row (<paperfeed-actions>)', () => {
  const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
  let clipboard: string[];
  let refuse = false;
  let execCommand: typeof document.execCommand;

  beforeEach(() => {
    clipboard = [];
    refuse = false;
    execCommand = document.execCommand;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => (refuse ? Promise.reject(new DOMException('no', 'NotAllowedError')) : void clipboard.push(text)) },
    });
    localStorage.removeItem(SAVED_KEY);
  });

  afterEach(() => {
    if (original) Object.defineProperty(navigator, 'clipboard', original);
    else delete (navigator as unknown as Record<string, unknown>).clipboard;
    document.execCommand = execCommand;
    for (const p of savedStore().papers) savedStore().remove(p.id);
    localStorage.removeItem(SAVED_KEY);
  });

  async function mount() {
    const [paper] = await papersOf('arxiv-rss.xml');
    const wrapper = await fixture<HTMLElement>(html`<div><button id="before">before</button><paperfeed-actions .paper=${paper}></paperfeed-actions></div>`);
    const el = wrapper.querySelector('paperfeed-actions') as PaperfeedActions;
    await el.updateComplete;
    const root = el.shadowRoot!;
    const q = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T & Element>(selector)!;
    return { paper, wrapper, el, root, q, focused: () => root.activeElement };
  }

  it('is axe clean closed, with the Cite popover open, and after saving', async () => {
    const { el, q } = await mount();
    await expect(el).to.be.accessible();
    q('.pf-cite-button').click();
    expect(q('.pf-cite').matches(':popover-open')).to.equal(true);
    await expect(el).to.be.accessible();
    q('.pf-cite').hidePopover();
    q('.pf-save').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('names the group after the paper, and renders nothing without a paper', async () => {
    const { q, paper } = await mount();
    expect(q('[role=group]').getAttribute('aria-label')).to.equal(`Actions for ${paper.title}`);
    const empty = await fixture<PaperfeedActions>(html`<paperfeed-actions></paperfeed-actions>`);
    expect(empty.shadowRoot!.querySelector('button')).to.equal(null);
  });

  it('keyboard: Tab to Cite, Enter opens, Enter copies BibTeX, focus returns, the status says so', async () => {
    const { wrapper, el, q, focused, paper } = await mount();
    wrapper.querySelector<HTMLElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(q('.pf-cite-button'));
    await sendKeys({ press: 'Enter' });
    expect(q('.pf-cite').matches(':popover-open')).to.equal(true);
    expect(focused()!.textContent).to.equal('Copy BibTeX');
    expect(q<HTMLTextAreaElement>('textarea').value).to.match(/^@misc\{okafor2025speculative,/);
    const cited = oneEvent(el, 'paperfeed-cite');
    await sendKeys({ press: 'Enter' });
    const event = await cited;
    expect(event.detail).to.include({ format: 'bibtex', ok: true, message: 'BibTeX entry copied.' });
    expect(event.detail.paper).to.equal(paper);
    expect(clipboard).to.have.length(1);
    expect(clipboard[0]).to.contain('eprint={2511.04570}');
    await el.updateComplete;
    expect(q('.pf-cite').matches(':popover-open')).to.equal(false);
    expect(focused()).to.equal(q('.pf-cite-button'));
    expect(q('[role=status]').textContent).to.equal('BibTeX entry copied.');
  });

  it('keyboard: Tab then Space copies the plain-text citation', async () => {
    const { el, q, focused } = await mount();
    q('.pf-cite-button').focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    expect(focused()!.textContent).to.equal('Copy plain text');
    const cited = oneEvent(el, 'paperfeed-cite');
    await sendKeys({ press: 'Space' });
    expect((await cited).detail.format).to.equal('text');
    expect(clipboard[0]).to.match(/^Okafor, M\., Lindqvist, T\., & Raman, P\. \(2025\)\./);
    await el.updateComplete;
    expect(q('[role=status]').textContent).to.equal('Citation copied.');
  });

  it('a failed copy leaves the entry selected for Ctrl+C and says so', async () => {
    refuse = true;
    document.execCommand = (() => false) as typeof document.execCommand;
    const { el, q, focused } = await mount();
    q('.pf-cite-button').click();
    const cited = oneEvent(el, 'paperfeed-cite');
    q('[data-format=bibtex]').click();
    expect((await cited).detail.ok).to.equal(false);
    await el.updateComplete;
    const area = q<HTMLTextAreaElement>('textarea');
    expect(focused()).to.equal(area);
    expect(area.selectionEnd - area.selectionStart).to.equal(area.value.length);
    expect(q('[role=status]').textContent).to.equal('Could not copy. Select the entry and copy it yourself.');
  });

  it('keyboard: Save toggles with Space, shows "Saved", stores the paper, and every row for it follows', async () => {
    const { el, q, paper } = await mount();
    const second = await fixture<PaperfeedActions>(html`<paperfeed-actions .paper=${paper}></paperfeed-actions>`);
    q('.pf-save').focus();
    const saved = oneEvent(el, 'paperfeed-save');
    await sendKeys({ press: 'Space' });
    expect((await saved).detail).to.include({ saved: true, ok: true, message: 'Saved for later.' });
    await el.updateComplete;
    expect(q('.pf-save').getAttribute('aria-pressed')).to.equal('true');
    expect(q('.pf-save').textContent!.trim()).to.equal('Saved');
    expect(JSON.parse(localStorage.getItem(SAVED_KEY)!).entries[0].paper.id).to.equal(paper.id);
    await second.updateComplete;
    expect(second.shadowRoot!.querySelector('.pf-save')!.getAttribute('aria-pressed')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(q('.pf-save').getAttribute('aria-pressed')).to.equal('false');
    expect(q('[role=status]').textContent).to.equal('Removed from saved papers.');
  });

  it('follows a save made in another tab', async () => {
    const { el, q, paper } = await mount();
    localStorage.setItem(SAVED_KEY, JSON.stringify({ version: 1, entries: [{ paper, savedAt: '2025-11-08T00:00:00.000Z' }] }));
    window.dispatchEvent(new StorageEvent('storage', { key: SAVED_KEY, storageArea: localStorage }));
    await waitUntil(() => q('.pf-save').getAttribute('aria-pressed') === 'true', 'the row shows Saved');
    expect(q('.pf-save').textContent!.trim()).to.equal('Saved');
    expect(el.actions.store.has(paper.id)).to.equal(true);
  });

  it('causes no Lit dev-mode warnings', async () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      const { el, q } = await mount();
      q('.pf-save').click();
      await el.updateComplete;
      el.paper = undefined;
      await el.updateComplete;
    } finally {
      console.warn = original;
    }
    expect(warnings.filter((args) => !/Lit is in dev mode/.test(String(args[0])))).to.deep.equal([]);
  });

  it('takes string overrides and hides actions on request', async () => {
    const [paper] = await papersOf('arxiv-rss.xml');
    const el = await fixture<PaperfeedActions>(html`<paperfeed-actions no-save .paper=${paper} .strings=${{ cite: 'Zitieren' }}></paperfeed-actions>`);
    expect(el.shadowRoot!.querySelector('.pf-cite-button')!.textContent).to.equal('Zitieren');
    expect(el.shadowRoot!.querySelector('.pf-save')).to.equal(null);
  });
});

describe('reader: saved view toolbar', () => {
  it('shows the empty text, then export buttons that download BibTeX and JSON', async () => {
    const { renderSavedToolbar } = await import('../../src/reader/actions.js');
    const { SavedStore } = await import('../../src/reader/saved.js');
    const { FakeStorage } = await import('./helpers.js');
    const storage = new FakeStorage();
    const store = new SavedStore({ storage: () => storage, events: new EventTarget() as unknown as Window });
    const empty = await fixture<HTMLElement>(html`<div>${renderSavedToolbar(store)}</div>`);
    expect(empty.textContent!.trim()).to.equal('No saved papers yet. Use “Save” on a paper to keep it here.');
    const papers = await papersOf('arxiv-api.atom.xml');
    papers.forEach((p) => store.save(p));
    const el = await fixture<HTMLElement>(html`<div>${renderSavedToolbar(store)}</div>`);
    const downloads: { name: string; type: string; text: string }[] = [];
    const click = HTMLAnchorElement.prototype.click;
    const create = URL.createObjectURL;
    const blobs = new Map<string, Blob>();
    URL.createObjectURL = (blob: Blob) => {
      const url = `blob:test/${blobs.size}`;
      blobs.set(url, blob);
      return url;
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      const blob = blobs.get(this.getAttribute('href')!)!;
      downloads.push({ name: this.download, type: blob.type, text: '' });
      const entry = downloads[downloads.length - 1];
      void blob.text().then((text) => (entry.text = text));
    };
    try {
      const [bib, json] = el.querySelectorAll('button');
      bib.click();
      json.click();
      await waitUntil(() => downloads.length === 2 && downloads.every((d) => d.text));
    } finally {
      HTMLAnchorElement.prototype.click = click;
      URL.createObjectURL = create;
    }
    expect(downloads.map((d) => [d.name, d.type])).to.deep.equal([
      ['saved-papers.bib', 'application/x-bibtex'],
      ['saved-papers.json', 'application/json'],
    ]);
    expect(downloads[0].text.match(/^@misc\{/gm)).to.have.length(2);
    expect(JSON.parse(downloads[1].text).entries).to.have.length(2);
    expect(el.querySelector('a'), 'no download link left in the page').to.equal(null);
    await expect(el).to.be.accessible();
  });
});
