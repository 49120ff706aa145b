// Themes that hold on any page (issue 12): `theme="light"|"dark"` paints the card's own background
// and text, so every combination of element theme and page colour scheme passes axe, color-contrast
// included; `auto` follows the page.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/card/define.js';
import type { PaperfeedCard } from '../src/card/paperfeed-card.js';
import type { Paper } from '../src/feed/paper.js';
import { setClock } from '../src/internal/clock.js';
import { LOCAL_IMAGE } from './card-papers.js';

const paper: Paper = {
  id: '2511.04570',
  title: 'Speculative Cascades for Parallel Decoding',
  summary:
    'Diffusion language models can decode many tokens at once, but quality drops when too many tokens are committed per step. ' +
    'We propose speculative cascades, which draft in parallel and verify with a small autoregressive model, and we show why.',
  authors: ['Mira Okafor', 'Tomás Lindqvist', 'Priya Raman', 'Wei Zhang'].map((name) => ({ name })),
  authorCount: 4,
  publishedAt: '2025-11-06T00:00:00.000Z',
  upvotes: 87,
  comments: 4,
  url: 'https://huggingface.co/papers/2511.04570',
  arxivUrl: 'https://arxiv.org/abs/2511.04570',
  codeUrl: 'https://github.com/example-lab/spec-cascades',
  codeStars: 412,
  thumbnail: LOCAL_IMAGE,
  tags: ['diffusion language models', 'parallel decoding'],
  // No avatar: the initial letter is text too, and must stay readable.
  submittedBy: { name: 'AK', url: 'https://huggingface.co/akhaliq' },
  organization: { name: 'Example Lab', url: 'https://huggingface.co/example', avatar: LOCAL_IMAGE },
  aiSummary: 'Speculative cascades draft tokens in parallel and verify them autoregressively.',
  source: 'hf',
};

type Scheme = 'light' | 'dark';
/** A host page in each scheme, the way sites write it: declared colour scheme, own colours. */
const PAGE: Record<Scheme, string> = {
  light: 'color-scheme: light; background: #ffffff; color: #1f2328',
  dark: 'color-scheme: dark; background: #0d1117; color: #e6edf3',
};

const luminance = (rgb: string) => {
  const [r, g, b] = rgb.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

async function themed(theme: 'light' | 'dark' | 'auto', page: Scheme, pageStyle = PAGE[page]): Promise<PaperfeedCard> {
  await emulateMedia({ colorScheme: page });
  const wrapper = await fixture(html`<div style="${pageStyle}; padding: 16px">
    <paperfeed-card theme=${theme} ai-summary .paper=${paper}></paperfeed-card>
  </div>`);
  const el = wrapper.querySelector<PaperfeedCard>('paperfeed-card')!;
  await el.updateComplete;
  return el;
}

/** The card's own background, as painted (an opaque colour, not the page's showing through). */
const background = (el: PaperfeedCard) => getComputedStyle(el.shadowRoot!.querySelector('[part~="card"]')!).backgroundColor;

describe('<paperfeed-card> themes on light and dark pages', () => {
  beforeEach(() => setClock(Date.parse('2025-11-10T12:00:00Z')));
  afterEach(async () => {
    setClock();
    await emulateMedia({ colorScheme: 'light' });
  });

  const cases: ['light' | 'dark' | 'auto', Scheme, Scheme][] = [
    // theme, page scheme, the scheme the card must paint
    ['light', 'light', 'light'],
    ['light', 'dark', 'light'],
    ['dark', 'light', 'dark'],
    ['dark', 'dark', 'dark'],
    ['auto', 'light', 'light'],
    ['auto', 'dark', 'dark'],
  ];

  for (const [theme, page, painted] of cases) {
    it(`theme="${theme}" on a ${page} page paints a ${painted} card and passes axe (color-contrast included)`, async () => {
      const el = await themed(theme, page);
      const bg = background(el);
      expect(bg).to.match(/^rgb\(/); // opaque
      if (painted === 'dark') expect(luminance(bg)).to.be.below(0.05);
      else expect(luminance(bg)).to.be.above(0.9);
      // Every text the card paints is on that background, in colours that read on it.
      for (const name of ['title', 'upvotes', 'authors', 'meta', 'ai-summary', 'summary', 'tags', 'links']) {
        expect(el.shadowRoot!.querySelector(`[part~="${name}"]`), name).to.exist;
      }
      const title = luminance(getComputedStyle(el.shadowRoot!.querySelector('[part~="title"]')!).color);
      const [light, dark] = [Math.max(title, luminance(bg)), Math.min(title, luminance(bg))];
      expect((light + 0.05) / (dark + 0.05)).to.be.at.least(7);
      // The fallback letter is text as well.
      expect(el.shadowRoot!.querySelector('.avatar.initial')).to.exist;
      await expect(el).to.be.accessible();
    });
  }

  it('theme="auto" on a dark page that never declared color-scheme stays a readable light card', async () => {
    const el = await themed('auto', 'dark', 'background: #111; color: #eee');
    expect(luminance(background(el))).to.be.above(0.9);
    await expect(el).to.be.accessible();
  });
});
