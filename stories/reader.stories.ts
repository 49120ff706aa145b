import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { Paper } from '../src/feed/paper.js';
import { mathText } from '../src/reader/math.js';
import { scholarlyArticle } from '../src/reader/metadata.js';
import '../src/reader/define.js';
import { SAVED_KEY, savedStore } from '../src/reader/saved.js';
import { fullPaper, hostilePaper, longPaper, texPaper } from './fixtures.js';

interface ReaderArgs {
  paper: Paper;
  noCite: boolean;
  noSave: boolean;
}

const meta = {
  title: 'Reader/actions, math and metadata',
  component: 'paperfeed-actions',
  render: (args) => html`<paperfeed-actions .paper=${args.paper} ?no-cite=${args.noCite} ?no-save=${args.noSave}></paperfeed-actions>`,
  args: { paper: fullPaper, noCite: false, noSave: false },
  argTypes: {
    paper: { control: 'object', description: 'The `Paper` the actions are for (property only).' },
    noCite: { name: 'no-cite', control: 'boolean' },
    noSave: { name: 'no-save', control: 'boolean' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'What a reader does with a paper, in the browser alone: Cite (BibTeX or plain text to the clipboard), Save (localStorage, synced across tabs), math as MathML, schema.org/COinS metadata for Zotero.',
      },
    },
  },
  // Each story starts with nothing saved, so states do not leak between stories.
  beforeEach: () => {
    localStorage.removeItem(SAVED_KEY);
    for (const paper of savedStore().papers) savedStore().remove(paper.id);
  },
} satisfies Meta<ReaderArgs>;

export default meta;
type Story = StoryObj<ReaderArgs>;

const shadowOf = (canvasElement: HTMLElement) => canvasElement.querySelector('paperfeed-actions')!.shadowRoot!;

export const Default: Story = {};

export const CiteOpen: Story = {
  name: 'Cite open',
  play: async ({ canvasElement }) => {
    const root = shadowOf(canvasElement);
    await waitFor(() => expect(root.querySelector('.pf-cite-button')).toBeTruthy());
    await userEvent.click(root.querySelector<HTMLElement>('.pf-cite-button')!);
    await expect(root.querySelector('.pf-cite')!.matches(':popover-open')).toBe(true);
    await expect(root.querySelector<HTMLTextAreaElement>('textarea')!.value).toMatch(/^@misc\{/);
  },
};

export const Saved: Story = {
  play: async ({ canvasElement }) => {
    const root = shadowOf(canvasElement);
    await waitFor(() => expect(root.querySelector('.pf-save')).toBeTruthy());
    await userEvent.click(root.querySelector<HTMLElement>('.pf-save')!);
    await waitFor(() => expect(root.querySelector('.pf-save')!.getAttribute('aria-pressed')).toBe('true'));
  },
};

export const CiteOnly: Story = { name: 'Cite only', args: { noSave: true } };

export const LongContent: Story = { name: 'Long content', args: { paper: longPaper } };

export const HostileContent: Story = { name: 'Hostile content', args: { paper: hostilePaper } };

export const RTL: Story = {
  render: (args) => html`<div dir="rtl" lang="ar"><paperfeed-actions .paper=${args.paper}></paperfeed-actions></div>`,
};

export const Dark: Story = { globals: { scheme: 'dark' } };

/** Titles and abstracts with TeX: Unicode text first, MathML once temml (its own chunk) has loaded. */
export const MathTitles: Story = {
  name: 'Math',
  render: () => html`<h3>${mathText(texPaper.title)}</h3>
    <p>${mathText(texPaper.summary)}</p>
    <p>${mathText('Inline \\(O(n \\log n)\\) and display: $$\\sum_{i=1}^{n} \\frac{1}{i^2} = \\frac{\\pi^2}{6}$$')}</p>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('math')).toBeTruthy());
  },
};

/** The schema.org microdata a card carries (hidden; shown here as the page's markup would hold it). */
export const Metadata: Story = {
  render: (args) => scholarlyArticle(args.paper, html`<p>${args.paper.title}</p>`),
};
