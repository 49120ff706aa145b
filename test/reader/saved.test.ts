import { expect, oneEvent } from '@open-wc/testing';
import { SAVED_KEY, SavedStore, savedStore } from '../../src/reader/saved.js';
import { FakeStorage, paper, papersOf, quotaError, securityError } from './helpers.js';

const a = paper({ id: '2511.04570', title: 'Speculative Cascades', authors: [{ name: 'Mira Okafor' }], publishedAt: '2025-11-07T00:00:00Z' });
const b = paper({ id: '2511.03318', title: 'Counting What Matters', authors: [{ name: 'Jun Takeda' }], publishedAt: '2025-11-05T00:00:00Z' });

describe('reader: saved papers', () => {
  let storage: FakeStorage;
  let events: EventTarget;
  const make = () => new SavedStore({ storage: () => storage, events: events as unknown as Window });

  beforeEach(() => {
    storage = new FakeStorage();
    events = new EventTarget();
  });

  afterEach(() => localStorage.removeItem(SAVED_KEY));

  it('stores nothing until a paper is saved', () => {
    const store = make();
    expect(store.has(a.id)).to.equal(false);
    expect(store.papers).to.deep.equal([]);
    expect(storage.map.size).to.equal(0);
  });

  it('saves, toggles and removes; newest first', () => {
    const store = make();
    expect(store.save(a)).to.deep.equal({ ok: true, saved: true });
    expect(store.toggle(b)).to.deep.equal({ ok: true, saved: true });
    expect(store.papers.map((p) => p.id)).to.deep.equal([b.id, a.id]);
    expect(store.toggle(a)).to.deep.equal({ ok: true, saved: false });
    expect(store.papers.map((p) => p.id)).to.deep.equal([b.id]);
  });

  it('survives a reload (a new store reads what the old one wrote)', () => {
    make().save(a);
    const again = make();
    expect(again.has(a.id)).to.equal(true);
    expect(again.papers[0]).to.deep.equal(a);
  });

  it('really uses localStorage by default, under paperfeed:saved', () => {
    const store = new SavedStore();
    store.save(a);
    expect(JSON.parse(localStorage.getItem(SAVED_KEY)!).entries[0].paper.id).to.equal(a.id);
    expect(new SavedStore().has(a.id)).to.equal(true);
    expect(savedStore()).to.equal(savedStore());
  });

  it('full storage: a clear error, the change kept in memory, what was stored untouched', async () => {
    const store = make();
    store.save(a);
    const before = storage.map.get(SAVED_KEY);
    storage.failWrites = quotaError;
    const changed = oneEvent(store, 'change');
    const result = store.save(b);
    await changed;
    expect(result.ok).to.equal(false);
    expect(result).to.include({ saved: true, error: 'quota' });
    expect((result as { message: string }).message).to.match(/storage .* is full/);
    expect(store.has(b.id), 'kept for this page').to.equal(true);
    expect(storage.map.get(SAVED_KEY), 'stored set untouched').to.equal(before);
    expect(store.error).to.equal('quota');
    // Room again: the next write stores everything, including the paper kept in memory.
    storage.failWrites = undefined;
    expect(store.remove('none').ok).to.equal(true);
    expect(store.save(paper({ id: 'c', title: 'C' })).ok).to.equal(true);
    expect(make().papers.map((p) => p.id)).to.deep.equal(['c', b.id, a.id]);
    expect(store.error).to.equal(undefined);
  });

  it('blocked storage (SecurityError on access): a clear error, saving still works for the page', () => {
    storage.failAll = securityError;
    const store = make();
    expect(store.papers).to.deep.equal([]);
    const result = store.save(a);
    expect(result).to.include({ ok: false, saved: true, error: 'blocked' });
    expect((result as { message: string }).message).to.match(/does not let the page store data/);
    expect(store.has(a.id)).to.equal(true);
  });

  it('never overwrites stored data it cannot read', () => {
    storage.map.set(SAVED_KEY, '{"entries": [truncated');
    const store = make();
    expect(store.papers).to.deep.equal([]);
    const result = store.save(a);
    expect(result).to.include({ ok: false, error: 'unreadable' });
    expect(storage.map.get(SAVED_KEY)).to.equal('{"entries": [truncated');
  });

  it('follows other tabs through the storage event', async () => {
    const store = make();
    store.subscribe();
    store.save(a);
    // Another tab saves b: it writes the whole set, then this tab hears a StorageEvent.
    const other = make();
    other.save(b);
    const changed = oneEvent(store, 'change');
    events.dispatchEvent(new StorageEvent('storage', { key: SAVED_KEY, newValue: storage.map.get(SAVED_KEY)! }));
    await changed;
    expect(store.papers.map((p) => p.id)).to.deep.equal([b.id, a.id]);
    // Events for other keys are ignored; after unsubscribe nothing is heard.
    let count = 0;
    store.addEventListener('change', () => count++);
    events.dispatchEvent(new StorageEvent('storage', { key: 'other' }));
    store.unsubscribe();
    other.remove(b.id);
    events.dispatchEvent(new StorageEvent('storage', { key: SAVED_KEY }));
    expect(count).to.equal(0);
    expect(store.has(b.id)).to.equal(true);
  });

  it('hears a real window StorageEvent on localStorage', async () => {
    const store = new SavedStore();
    store.subscribe();
    expect(store.size).to.equal(0);
    localStorage.setItem(SAVED_KEY, JSON.stringify({ version: 1, entries: [{ paper: a, savedAt: '2025-11-08T00:00:00Z' }] }));
    const changed = oneEvent(store, 'change');
    window.dispatchEvent(new StorageEvent('storage', { key: SAVED_KEY, storageArea: localStorage }));
    await changed;
    store.unsubscribe();
    expect(store.has(a.id)).to.equal(true);
  });

  it('exports BibTeX and JSON', async () => {
    const store = make();
    const papers = await papersOf('arxiv-api.atom.xml');
    papers.forEach((p) => store.save(p));
    const bib = store.toBibtex();
    expect(bib.match(/^@misc\{/gm)).to.have.length(2);
    expect(bib).to.contain('@misc{khisti2024multi,').and.contain('@misc{sun2023spectr,');
    const json = JSON.parse(JSON.stringify(store));
    expect(json.version).to.equal(1);
    expect(json.entries.map((e: { paper: { id: string } }) => e.paper.id)).to.deep.equal(['2410.18234', '2310.15141']);
  });
});
