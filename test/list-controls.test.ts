// Tests: src/list/toolbar.ts (the toolbar template and `syncToolbar` after each render).
// The list's search box and sort menu always show `query` and `sort`, also in the case Lit's own
// dirty check misses: the user changed the control, and a script set the property back to the value
// of the last render before the next one (nothing changed from Lit's point of view). Guards the
// behaviour whatever implements it (the `live` directive, or a sync in `updated()`).
import { expect, fixture, html } from '@open-wc/testing';
import '../src/list/define.js';
import type { PaperfeedList } from '../src/list/paperfeed-list.js';
import type { Paper } from '../src/feed/paper.js';

const paper = (n: number): Paper => ({
  id: `p${n}`,
  source: 'custom',
  title: `Paper ${n}`,
  summary: '',
  authors: [],
  authorCount: 0,
  publishedAt: '',
  tags: [],
});

describe('<paperfeed-list> controls follow their properties', () => {
  it('the search box shows the query a script set back before the render', async () => {
    const el = await fixture<PaperfeedList>(html`<paperfeed-list .papers=${[paper(1), paper(2)]}></paperfeed-list>`);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
    input.value = 'Paper 2';
    input.dispatchEvent(new Event('input'));
    el.query = '';
    await el.updateComplete;
    expect(input.value).to.equal('');
    expect(el.shadowRoot!.querySelectorAll('paperfeed-card')).to.have.length(2);
  });

  it('the sort menu shows the sort a script set back before the render', async () => {
    const el = await fixture<PaperfeedList>(html`<paperfeed-list .papers=${[paper(1), paper(2)]}></paperfeed-list>`);
    const select = el.shadowRoot!.querySelector('select')!;
    select.value = 'date';
    select.dispatchEvent(new Event('change'));
    el.sort = 'feed';
    await el.updateComplete;
    expect(select.value).to.equal('feed');
  });

  it('typing still updates the query and the cards', async () => {
    const el = await fixture<PaperfeedList>(html`<paperfeed-list .papers=${[paper(1), paper(2)]}></paperfeed-list>`);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
    input.value = 'Paper 2';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(el.query).to.equal('Paper 2');
    expect(input.value).to.equal('Paper 2');
    expect(el.shadowRoot!.querySelectorAll('paperfeed-card')).to.have.length(1);
  });
});
