import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import type { Paper } from '../../src/feed/paper.js';
import { LAST_VISIT_PREFIX, LastVisit, LastVisitController } from '../../src/reader/last-visit.js';
import { FakeStorage, paper, quotaError, securityError } from './helpers.js';

const at = (day: number) => paper({ id: `p${day}`, title: `Paper ${day}`, publishedAt: `2025-11-${String(day).padStart(2, '0')}T00:00:00.000Z` });
const SRC = 'https://rss.arxiv.org/rss/cs.CL';

describe('reader: new since last visit', () => {
  let storage: FakeStorage;
  beforeEach(() => {
    storage = new FakeStorage();
  });

  it('a first visit marks nothing new and records the newest date', () => {
    const visit = new LastVisit(SRC, { storage: () => storage });
    expect(visit.count([at(1), at(2)])).to.equal(0);
    visit.markSeen([at(1), at(2)]);
    expect(JSON.parse(storage.map.get(LAST_VISIT_PREFIX + SRC)!).seen).to.equal('2025-11-02T00:00:00.000Z');
  });

  it('the next visit marks newer papers, and keeps them marked for the page while the mark moves on', () => {
    new LastVisit(SRC, { storage: () => storage }).markSeen([at(1), at(2)]);
    const visit = new LastVisit(SRC, { storage: () => storage });
    const papers = [at(4), at(3), at(2), at(1)];
    expect(papers.map((p) => visit.isNew(p))).to.deep.equal([true, true, false, false]);
    visit.markSeen(papers);
    expect(visit.count(papers), 'still new on this page').to.equal(2);
    expect(new LastVisit(SRC, { storage: () => storage }).count(papers), 'after a reload').to.equal(0);
  });

  it('keeps one mark per feed', () => {
    new LastVisit(SRC, { storage: () => storage }).markSeen([at(5)]);
    expect(new LastVisit('https://other.example/feed', { storage: () => storage }).count([at(9)])).to.equal(0);
    expect(new LastVisit(SRC, { storage: () => storage }).count([at(9)])).to.equal(1);
  });

  it('full or blocked storage: no badges, no errors', () => {
    storage.failWrites = quotaError;
    const visit = new LastVisit(SRC, { storage: () => storage });
    expect(() => visit.markSeen([at(1)])).to.not.throw();
    storage.failAll = securityError;
    expect(new LastVisit(SRC, { storage: () => storage }).count([at(2)])).to.equal(0);
  });

  describe('LastVisitController', () => {
    class NewHost extends LitElement {
      static override properties = { markNew: { type: Boolean, attribute: 'mark-new' }, src: {} };
      markNew = false;
      src = SRC;
      papers: Paper[] = [at(3), at(2)];
      store = storage;
      visit = new LastVisitController(this, { enabled: () => this.markNew, src: () => this.src, papers: () => this.papers, storage: () => this.store });
      override render() {
        const count = this.visit.count();
        return litHtml`<p role="status">${count ? `${count} new since your last visit` : ''}</p>
          <ul>${this.papers.map((p) => litHtml`<li>${this.visit.isNew(p) ? litHtml`<span class="pf-new">New</span> ` : ''}${p.title}</li>`)}</ul>`;
      }
    }
    before(() => customElements.define('test-new-host', NewHost));

    it('stores nothing without mark-new', async () => {
      const el = await fixture<NewHost>(html`<test-new-host></test-new-host>`);
      el.store = storage;
      el.requestUpdate();
      await el.updateComplete;
      expect(storage.map.size).to.equal(0);
      expect(el.shadowRoot!.querySelectorAll('.pf-new')).to.have.length(0);
    });

    it('with mark-new, badges newer papers and counts them for the status', async () => {
      storage.map.set(LAST_VISIT_PREFIX + SRC, JSON.stringify({ seen: '2025-11-02T00:00:00.000Z', at: '2025-11-02T10:00:00.000Z' }));
      const el = document.createElement('test-new-host') as NewHost;
      el.store = storage;
      el.setAttribute('mark-new', '');
      document.body.append(el);
      await el.updateComplete;
      const items = [...el.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.trim());
      expect(items).to.deep.equal(['New Paper 3', 'Paper 2']);
      expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('1 new since your last visit');
      expect(JSON.parse(storage.map.get(LAST_VISIT_PREFIX + SRC)!).seen).to.equal('2025-11-03T00:00:00.000Z');
      await expect(el).to.be.accessible();
      el.remove();
    });
  });
});
