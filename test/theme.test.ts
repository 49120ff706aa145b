import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/card/define.js';
import '../src/subscribe/define.js';
import type { PaperfeedCard } from '../src/card/paperfeed-card.js';
import type { Paper } from '../src/feed/paper.js';

const paper: Paper = {
  id: '1',
  title: 'A paper on a light page',
  summary: 'Short.',
  authors: [{ name: 'Ada Lovelace' }],
  authorCount: 1,
  publishedAt: '2024-10-28T00:00:00.000Z',
  tags: [],
  source: 'custom',
};

const cardBackground = (el: PaperfeedCard) => getComputedStyle(el.shadowRoot!.querySelector('[part~="card"]')!).backgroundColor;
const WHITE = 'rgb(255, 255, 255)';

describe('theme="auto" follows the page, not the OS', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('stays light on a light page when the reader prefers dark', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await fixture<PaperfeedCard>(html`<paperfeed-card .paper=${paper}></paperfeed-card>`);
    expect(cardBackground(el)).to.equal(WHITE);
    const subscribe = await fixture(html`<paperfeed-subscribe action="/subscribe"></paperfeed-subscribe>`);
    expect(getComputedStyle(subscribe).colorScheme).to.equal('normal');
  });

  it('turns dark on a page that declares dark support when the reader prefers dark', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const wrapper = await fixture<HTMLElement>(
      html`<div style="color-scheme: light dark"><paperfeed-card .paper=${paper}></paperfeed-card></div>`,
    );
    const el = wrapper.querySelector<PaperfeedCard>('paperfeed-card')!;
    await el.updateComplete;
    expect(cardBackground(el)).to.not.equal(WHITE);
    const [r, g, b] = cardBackground(el).match(/\d+/g)!.map(Number);
    expect(r + g + b).to.be.below(3 * 64);
  });

  it('theme="dark" forces dark on a light page', async () => {
    const el = await fixture<PaperfeedCard>(html`<paperfeed-card theme="dark" .paper=${paper}></paperfeed-card>`);
    expect(cardBackground(el)).to.not.equal(WHITE);
  });
});
