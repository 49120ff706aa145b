import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import '../src/card/define.js';
import type { CardStrings, PaperfeedCard } from '../src/card/paperfeed-card.js';
import type { Paper } from '../src/feed/paper.js';
import {
  brokenAvatarPaper,
  brokenThumbnailPaper,
  fullPaper,
  germanCardStrings,
  hfCardPaper,
  hostilePaper,
  longPaper,
  noAvatarPaper,
  noThumbnailPaper,
  rtlPaper,
  seedPaper,
  texPaper,
} from './fixtures.js';
import { argsOf, deepAll, host, shadow, useFixedClock, visibleText } from './support.js';

interface CardArgs {
  paper?: Paper;
  variant: 'full' | 'compact';
  headingLevel: number;
  expanded: boolean;
  aiSummary: boolean;
  theme: 'auto' | 'light' | 'dark';
  strings: Partial<CardStrings>;
}

const meta = {
  title: 'Elements/paperfeed-card',
  component: 'paperfeed-card',
  render: (args) => html`<paperfeed-card ${argsOf(args)}></paperfeed-card>`,
  args: { paper: fullPaper, variant: 'full', headingLevel: 3, expanded: false, aiSummary: false, theme: 'auto', strings: {} },
  // Rows, sections and descriptions come from custom-elements.json (.storybook/argtypes.ts); here
  // only what a type name cannot tell: the options of the named unions.
  argTypes: {
    variant: { control: 'inline-radio', options: ['full', 'compact'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
  },
  parameters: {
    docs: {
      description: {
        component:
          'One paper from any feed. Set `paper` (a `Paper` from `loadFeed`); everything in it is shown as text, and only http(s) links are ever rendered.',
      },
    },
  },
  decorators: [(story) => html`<div class="pf-narrow">${story()}</div>`],
} satisfies Meta<CardArgs>;

export default meta;
type Story = StoryObj<CardArgs>;

const card = (canvas: HTMLElement) => host<PaperfeedCard>(canvas, 'paperfeed-card');
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const el = await card(canvasElement);
    const view = within(shadow(el));
    const title = view.getByRole('heading', { level: 3 });
    await expect(title).toHaveTextContent(fullPaper.title);
    const link = within(title).getByRole('link');
    await expect(link).toHaveAttribute('href', fullPaper.url);
    await expect(part(el, 'authors')).toHaveTextContent(fullPaper.authors[0].name);
    await expect(el.shadowRoot!.querySelector('time[datetime]')).toBeTruthy();
    await expect(part(el, 'upvotes')).toHaveTextContent(`${fullPaper.upvotes} upvotes`);
    await expect(view.getByRole('link', { name: /^Code/ })).toHaveAttribute('href', fullPaper.codeUrl);
    await expect(view.getByRole('link', { name: 'arXiv' })).toHaveAttribute('href', fullPaper.arxivUrl);
    // The thumbnail is decorative (alt=""): beside the title, it would only repeat it.
    await expect(part(el, 'thumbnail')).toHaveAttribute('alt', '');
    for (const tag of new Set(fullPaper.tags)) await expect(part(el, 'tags')).toHaveTextContent(tag);
  },
};

export const Compact: Story = {
  args: { variant: 'compact' },
  play: async ({ canvasElement }) => {
    const el = await card(canvasElement);
    await expect(el).toHaveAttribute('variant', 'compact');
    await expect(within(shadow(el)).getByRole('heading')).toHaveTextContent(fullPaper.title);
    await expect(part(el, 'authors')).toBeTruthy();
    // Compact drops the thumbnail, abstract, keywords and links.
    for (const name of ['thumbnail', 'summary', 'tags', 'links']) await expect(part(el, name)).toBeNull();
  },
};

export const Expanded: Story = {
  args: { paper: longPaper, expanded: true },
  play: async ({ canvasElement }) => {
    const el = await card(canvasElement);
    const view = within(shadow(el));
    // Expanded lists every author and the whole abstract.
    await expect(part(el, 'authors')).toHaveTextContent('Author Number 24');
    await expect(part(el, 'authors')).not.toHaveTextContent(/more/);
    const toggle = view.getByRole('button', { name: 'Show less' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(toggle);
    await el.updateComplete;
    await expect(view.getByRole('button', { name: 'Show more' })).toHaveAttribute('aria-expanded', 'false');
    await expect(el.expanded).toBe(false);
  },
};

export const LongContent: Story = {
  name: 'Long content',
  args: { paper: longPaper },
  play: async ({ canvasElement }) => {
    const el = await card(canvasElement);
    const view = within(shadow(el));
    // Three names, then a count of the rest.
    await expect(part(el, 'authors')).toHaveTextContent('+ 21 more');
    await expect(part(el, 'authors')).not.toHaveTextContent('Author Number 4 ');
    // The abstract is clamped: it takes less room than its text needs, until "Show more".
    const summary = part(el, 'summary')!;
    const clampedHeight = summary.getBoundingClientRect().height;
    await expect(summary.scrollHeight).toBeGreaterThan(clampedHeight);
    const toggle = view.getByRole('button', { name: 'Show more' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    await el.updateComplete;
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(summary.getBoundingClientRect().height).toBeGreaterThan(clampedHeight);
    await expect(part(el, 'authors')).toHaveTextContent('Author Number 24');
    // Long words and titles wrap inside the card instead of pushing it wider.
    const article = part(el, 'card')!;
    await expect(article.scrollWidth).toBeLessThanOrEqual(article.clientWidth + 1);
    await expect(part(el, 'upvotes')).toHaveTextContent('1,234');
  },
};

declare global {
  interface Window {
    pfPwned?: boolean;
  }
}

/**
 * The HF fixture's hostile item after the adapter, with hostile values put straight back into the
 * paper as well, so the card's own defence is tested and not only the adapter's.
 */
const hostile: Paper = {
  ...hostilePaper,
  url: 'javascript:window.pfPwned=true',
  pdfUrl: ' JaVaScRiPt:window.pfPwned=true',
  codeUrl: 'java\tscript:window.pfPwned=true',
  projectUrl: 'data:text/html,<script>parent.pfPwned=true</script>',
  thumbnail: 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="parent.pfPwned=true"/>',
  summary: '<script>window.pfPwned=true</script><b onmouseover="window.pfPwned=true">Bold?</b> ${7*7} {{constructor.constructor("alert(1)")()}}',
  authors: [{ name: '<img src=x onerror="window.pfPwned=true">', url: 'javascript:alert(1)' }],
  authorCount: 1,
  tags: ['<svg onload=alert(1)>'],
  organization: { name: '<a href="javascript:alert(1)">Org</a>', url: 'vbscript:msgbox(1)', avatar: 'javascript:window.pfPwned=true' },
  submittedBy: { name: '<b onmouseover="window.pfPwned=true">AK</b>', url: 'javascript:alert(1)', avatar: 'data:image/svg+xml,<svg onload="parent.pfPwned=true"/>' },
};

export const HostileContent: Story = {
  name: 'Hostile content',
  args: { paper: hostile, expanded: true },
  play: async ({ canvasElement }) => {
    const el = await card(canvasElement);
    const root = el.shadowRoot!;
    // Markup in the data is shown as the characters it is made of.
    await expect(part(el, 'title')).toHaveTextContent('Hostile Titles Stay Text');
    await expect(part(el, 'summary')).toHaveTextContent('<script>window.pfPwned=true</script>');
    await expect(part(el, 'authors')).toHaveTextContent('<img src=x onerror=');
    await expect(visibleText(el)).toContain('<svg onload=alert(1)>');
    // ...and nothing it describes exists or runs.
    await expect(deepAll(root, 'script, iframe, object, embed, svg[onload], img[onerror], b, [onmouseover]')).toHaveLength(0);
    await expect(root.querySelector('img')).toBeNull();
    for (const a of deepAll(root, '[href], [src]')) {
      const url = a.getAttribute('href') ?? a.getAttribute('src') ?? '';
      await expect(url).toMatch(/^https?:\/\//);
    }
    await expect(window.pfPwned).toBeUndefined();
  },
};

export const TexInTitles: Story = {
  name: 'TeX in titles',
  args: { paper: texPaper, expanded: true },
  play: async ({ canvasElement }) => {
    const el = await card(canvasElement);
    const title = part(el, 'title')!;
    // `$\ell_p$` reads as ℓ with a subscript, `**Top-H**` as bold text: no TeX or markdown syntax left.
    await expect(title).toHaveTextContent('ℓ');
    await expect(title.textContent).not.toMatch(/[$\\*]/);
    await expect(title.querySelector('strong')).toHaveTextContent('Top-H');
    const summary = part(el, 'summary')!;
    await expect(summary).toHaveTextContent('≥');
    await expect(summary).toHaveTextContent('α ∈ (0, 1]');
    await expect(summary.textContent).not.toMatch(/[$\\]/);
  },
};

export const NoThumbnail: Story = {
  name: 'No thumbnail',
  args: { paper: noThumbnailPaper },
  play: async ({ canvasElement }) => {
    const el = await card(canvasElement);
    await expect(part(el, 'thumbnail')).toBeNull();
    await expect(el.shadowRoot!.querySelector('.thumbnail-box, img[part~="thumbnail"]')).toBeNull();
    await expect(within(shadow(el)).getByRole('heading')).toHaveTextContent(noThumbnailPaper.title);
  },
};

export const FailedThumbnail: Story = {
  name: 'Failed thumbnail',
  args: { paper: brokenThumbnailPaper },
  beforeEach: () => useFixedClock('2025-11-10T12:00:00Z'),
  play: async ({ canvasElement }) => {
    const el = await card(canvasElement);
    // The image was asked for (so the card did render it) and cannot be decoded: the card drops it
    // instead of showing a broken-image icon...
    await waitFor(() => expect(performance.getEntriesByName(brokenThumbnailPaper.thumbnail!)).not.toHaveLength(0));
    await waitFor(() => expect(part(el, 'thumbnail')).toBeNull(), { timeout: 5000 });
    // The box goes with it: no grey slab above the title.
    await expect(el.shadowRoot!.querySelector('.thumbnail-box')).toBeNull();
    await expect(within(shadow(el)).queryByRole('img')).toBeNull();
    // ...and everything else reads as in the default card.
    const view = within(shadow(el));
    await expect(view.getByRole('heading', { level: 3 })).toHaveTextContent(brokenThumbnailPaper.title);
    await expect(view.getByRole('link', { name: 'arXiv' })).toHaveAttribute('href', brokenThumbnailPaper.arxivUrl);
    await expect(el.shadowRoot!.querySelector('time')).toHaveTextContent('3 days ago');
  },
};

export const HuggingFace: Story = {
  name: 'Hugging Face (avatars, upvotes, AI summary)',
  args: { paper: hfCardPaper, aiSummary: true },
  beforeEach: () => useFixedClock('2025-11-10T12:00:00Z'),
  play: async ({ canvasElement }) => {
    const el = await card(canvasElement);
    // The upvote box, beside the title, spoken as "87 upvotes".
    await expect(part(el, 'upvotes')).toHaveTextContent(`${hfCardPaper.upvotes} upvotes`);
    await expect(part(el, 'submitter')).toHaveTextContent('Submitted by AK');
    await expect(within(part(el, 'submitter')!).getByRole('link', { name: 'AK' })).toHaveAttribute('href', 'https://huggingface.co/akhaliq');
    const avatars = [...el.shadowRoot!.querySelectorAll('img[part~="avatar"]')];
    await expect(avatars).toHaveLength(2);
    for (const img of avatars) {
      await expect(img).toHaveAttribute('loading', 'lazy');
      await expect(img).toHaveAttribute('referrerpolicy', 'no-referrer');
      await expect(img).toHaveAttribute('width', '20');
    }
    await expect(part(el, 'ai-summary')).toHaveTextContent(hfCardPaper.aiSummary!);
  },
};

export const AvatarFallbacks: Story = {
  name: 'Avatar fallbacks (missing, broken)',
  // Two fixed papers side by side: the `paper` control has nothing to change here.
  argTypes: { paper: { control: false } },
  render: (args) => html`${meta.render({ ...args, paper: noAvatarPaper })} ${meta.render({ ...args, paper: brokenAvatarPaper })}`,
  play: async ({ canvasElement }) => {
    const [missing, broken] = [...canvasElement.querySelectorAll<PaperfeedCard>('paperfeed-card')];
    await missing.updateComplete;
    // No URL: the first letter of each name, hidden from screen readers (the name is beside it).
    const letters = (el: PaperfeedCard) => [...el.shadowRoot!.querySelectorAll('span[part~="avatar"]')].map((a) => a.textContent);
    await expect(letters(missing)).toEqual(['R', 'C']);
    // A URL that fails: the image is asked for, fails, and the letter takes its place.
    await waitFor(() => expect(letters(broken)).toEqual(['J', 'E']), { timeout: 5000 });
    await expect(broken.shadowRoot!.querySelector('img[part~="avatar"]')).toBeNull();
  },
};

export const German: Story = {
  name: 'German (strings, lang="de")',
  args: { paper: hfCardPaper, aiSummary: true, strings: germanCardStrings },
  beforeEach: () => useFixedClock('2025-11-10T12:00:00Z'),
  render: (args) => html`<div lang="de">${meta.render(args)}</div>`,
  play: async ({ canvasElement }) => {
    const el = await card(canvasElement);
    await expect(part(el, 'upvotes')).toHaveTextContent(`${hfCardPaper.upvotes} Stimmen`);
    await expect(part(el, 'submitter')).toHaveTextContent('Eingereicht von AK');
    await expect(part(el, 'ai-summary')).toHaveTextContent('KI-Zusammenfassung');
    await expect(within(shadow(el)).getByRole('list', { name: 'Verweise' })).toBeTruthy();
    await expect(el.shadowRoot!.querySelector('time')).toHaveTextContent('vor 3 Tagen');
  },
};

export const AuthorCountOnly: Story = {
  name: 'Seed paper (author count only)',
  args: { paper: seedPaper },
  play: async ({ canvasElement }) => {
    const el = await card(canvasElement);
    // The seed page gives "8 authors" and no names.
    await expect(part(el, 'authors')).toHaveTextContent(`${seedPaper.authorCount} authors`);
    await expect(within(shadow(el)).getByRole('button', { name: 'Show more' })).toBeTruthy();
  },
};

export const RTL: Story = {
  args: { paper: rtlPaper },
  globals: { dir: 'rtl' },
  render: (args) => html`<div lang="ar" dir="rtl">${meta.render(args)}</div>`,
  play: async ({ canvasElement }) => {
    const el = await card(canvasElement);
    const article = part(el, 'card')!;
    await expect(getComputedStyle(article).direction).toBe('rtl');
    await expect(part(el, 'title')).toHaveTextContent(rtlPaper.title);
    // The card starts at the right edge: its title sits at the inline start of the body.
    const titleBox = part(el, 'title')!.getBoundingClientRect();
    const cardBox = article.getBoundingClientRect();
    await expect(cardBox.right - titleBox.right).toBeLessThan(cardBox.width / 4);
    // Dates follow the page's language (Arabic marks its date parts right-to-left).
    await expect(el.shadowRoot!.querySelector('time')!.textContent).toMatch(/[\u200f\u0600-\u06FF\u0660-\u0669]/);
  },
};

const luminance = (color: string) => {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
};

export const Dark: Story = {
  args: { theme: 'dark' },
  globals: { scheme: 'dark' },
  play: async ({ canvasElement }) => {
    const el = await card(canvasElement);
    await expect(el).toHaveAttribute('theme', 'dark');
    await expect(getComputedStyle(el).colorScheme).toBe('dark');
    // Light text on a dark card.
    await expect(luminance(getComputedStyle(part(el, 'title')!).color)).toBeGreaterThan(0.6);
    const background = getComputedStyle(part(el, 'card')!).backgroundColor;
    if (background !== 'rgba(0, 0, 0, 0)') await expect(luminance(background)).toBeLessThan(0.3);
  },
};

export const Loading: Story = {
  name: 'Loading (no paper yet)',
  args: { paper: undefined },
  play: async ({ canvasElement }) => {
    const el = await card(canvasElement);
    // A skeleton the size of a card, hidden from assistive technology.
    const article = part(el, 'card')!;
    await expect(article).toHaveAttribute('aria-hidden', 'true');
    await expect(article.getBoundingClientRect().height).toBeGreaterThan(100);
    await expect(within(shadow(el)).queryByRole('heading')).toBeNull();
  },
};
