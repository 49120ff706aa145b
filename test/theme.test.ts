import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/card/define.js';
import '../src/subscribe/define.js';
import '../src/list/define.js';
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

// Issue 12: a list with a forced theme paints its own background, so its heading and labels (its own
// text, not a card's) stay readable on a page of the other scheme; `auto` paints none (the page's).
describe('<paperfeed-list> theme paints its own background', () => {
  const rgbSum = (color: string) => color.match(/\d+/g)!.slice(0, 3).map(Number).reduce((a, b) => a + b, 0);

  for (const [theme, page, dark] of [
    ['dark', 'background: #fff; color: #111; color-scheme: light', true],
    ['light', 'background: #121212; color: #eee; color-scheme: dark', false],
  ] as const) {
    it(`theme="${theme}" on a ${dark ? 'light' : 'dark'} page`, async () => {
      const wrapper = await fixture<HTMLElement>(html`<div style=${page}><paperfeed-list theme=${theme} heading="Papers" .papers=${[paper]}></paperfeed-list></div>`);
      const list = wrapper.querySelector('paperfeed-list')!;
      await list.updateComplete;
      const background = getComputedStyle(list).backgroundColor;
      const heading = getComputedStyle(list.shadowRoot!.querySelector('[part="heading"]')!).color;
      expect(background).to.not.equal('rgba(0, 0, 0, 0)');
      if (dark) {
        expect(rgbSum(background)).to.be.below(3 * 64);
        expect(rgbSum(heading)).to.be.above(3 * 192);
      } else {
        expect(rgbSum(background)).to.be.above(3 * 192);
        expect(rgbSum(heading)).to.be.below(3 * 64);
      }
    });
  }

  it('theme="auto" leaves the page background', async () => {
    const list = await fixture(html`<paperfeed-list .papers=${[paper]}></paperfeed-list>`);
    expect(getComputedStyle(list).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
  });
});
