// Natural height (issue 12): a card is as tall as its content. For every paper of every fixture feed
// (and the real Hugging Face answers when the checkout has them), in each layout a list gives its
// cards, the blank space between the last thing in the card and the card's bottom edge is at most
// one line (24 px). Before, every card in a size container kept "a typical paper's" height, and
// short papers carried 85-163 px of empty box.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/card/define.js';
import type { PaperfeedCard } from '../src/card/paperfeed-card.js';
import { setClock } from '../src/internal/clock.js';
import { fixturePapers, type NamedPaper } from './card-papers.js';

const MAX_SLACK = 24;

/** Card box bottom minus the bottom of its lowest content element (thumbnail, title row, ..., links). */
function slack(el: PaperfeedCard): number {
  const card = el.shadowRoot!.querySelector('[part~="card"]')!;
  const content = [...card.querySelectorAll('.thumbnail-box, .body > *')].filter((node) => node.getBoundingClientRect().height > 0);
  const bottom = Math.max(...content.map((node) => node.getBoundingClientRect().bottom));
  return el.getBoundingClientRect().bottom - bottom;
}

interface Layout {
  name: string;
  /** The column a card gets: 928 px is a wide list, 300 px a grid column, 358 px a phone. */
  width: number;
  variant?: 'compact';
  expanded?: boolean;
}

const LAYOUTS: Layout[] = [
  { name: 'list (928 px, thumbnail column)', width: 928 },
  { name: 'grid column (300 px)', width: 300 },
  { name: 'phone (358 px)', width: 358 },
  { name: 'compact list (928 px)', width: 928, variant: 'compact' },
  { name: 'compact grid column (300 px)', width: 300, variant: 'compact' },
  { name: 'list, expanded (928 px)', width: 928, expanded: true },
];

/** Renders every paper as a card the way a list does (each card its own size container). */
async function render(papers: NamedPaper[], layout: Layout): Promise<PaperfeedCard[]> {
  const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: ${layout.width}px; display: grid; gap: 16px; align-items: start">
    ${papers.map(
      ({ paper }) =>
        html`<paperfeed-card
          style="container-type: inline-size"
          .paper=${paper}
          variant=${layout.variant ?? 'full'}
          ?expanded=${layout.expanded}
          ai-summary
        ></paperfeed-card>`,
    )}
  </div>`);
  const cards = [...wrapper.querySelectorAll<PaperfeedCard>('paperfeed-card')];
  await Promise.all(cards.map((card) => card.updateComplete));
  return cards;
}

describe('<paperfeed-card> natural height', () => {
  let papers: NamedPaper[] = [];
  let realFeeds = 0;

  before(async () => {
    ({ papers, realFeeds } = await fixturePapers());
  });
  beforeEach(() => setClock(Date.parse('2025-11-10T12:00:00Z')));
  afterEach(() => setClock());

  it('reads the fixture papers (and the real HF feeds when present)', () => {
    expect(papers.length).to.be.greaterThan(50);
    // Logged so a run shows whether the real feeds took part.
    console.log(`[card-height] ${papers.length} papers, ${realFeeds} real feeds`);
  });

  for (const layout of LAYOUTS) {
    it(`leaves at most ${MAX_SLACK} px under the content of every paper: ${layout.name}`, async () => {
      const cards = await render(papers, layout);
      const measured = cards.map((card, i) => ({ name: papers[i].name, slack: Math.round(slack(card) * 10) / 10 }));
      const worst = measured.reduce((a, b) => (b.slack > a.slack ? b : a));
      console.log(`[card-height] ${layout.name}: max slack ${worst.slack} px (${worst.name}), min ${Math.min(...measured.map((m) => m.slack))} px`);
      const over = measured.filter((m) => m.slack > MAX_SLACK);
      expect(over, JSON.stringify(over.slice(0, 5))).to.deep.equal([]);
    });
  }

  it('keeps the skeleton at a typical card height inside a size container', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: 928px">
      <paperfeed-card style="container-type: inline-size"></paperfeed-card>
    </div>`);
    const skeleton = wrapper.querySelector<PaperfeedCard>('paperfeed-card')!;
    await skeleton.updateComplete;
    expect(skeleton.getBoundingClientRect().height).to.be.greaterThan(150);
  });
});
