import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { Paper } from '../src/feed/paper.js';
import { mathText } from '../src/reader/math.js';
import { scholarlyArticle } from '../src/reader/metadata.js';
import type { ReaderStringKey } from '../src/reader/strings.js';
import type { Strings } from '../src/internal/strings.js';
import '../src/reader/define.js';
import { SAVED_KEY, savedStore } from '../src/reader/saved.js';
import { fullPaper, hostilePaper, longPaper, texPaper } from './fixtures.js';
import { argsOf } from './support.js';

interface ReaderArgs {
  paper: Paper;
  noCite: boolean;
  noSave: boolean;
  strings: Partial<Strings<ReaderStringKey>>;
}

const meta = {
  title: 'Reader/actions, math and metadata',
  component: 'paperfeed-actions',
  // Every arg reaches the element through argsOf (attributes, properties, CSS custom properties);
  // rows, sections and descriptions come from custom-elements.json (.storybook/argtypes.ts).
  render: (args) => html`<paperfeed-actions ${argsOf(args)}></paperfeed-actions>`,
  args: { paper: fullPaper, noCite: false, noSave: false, strings: {} },
  parameters: {
    docs: {
      description: {
        component:
          'What a reader does with a paper, in the browser alone: Cite (BibTeX or plain text to the clipboard), Save (localStorage, synced across tabs), math as MathML, schema.org/COinS metadata for Zotero. The same features on a card and a list: "Reader/Card actions" and "Reader/List: new and saved".',
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
  render: (args) => html`<div dir="rtl" lang="ar"><paperfeed-actions ${argsOf(args)}></paperfeed-actions></div>`,
};

export const Dark: Story = { globals: { scheme: 'dark' } };

/**
 * Titles and abstracts with TeX: Unicode text first, MathML once temml (its own chunk) has loaded;
 * the paper's actions below them. (On a card: "Reader/Card actions", Math.)
 */
export const MathTitles: Story = {
  name: 'Math',
  args: { paper: texPaper },
  render: (args) => html`<h3>${mathText(args.paper.title)}</h3>
    <p>${mathText(args.paper.summary)}</p>
    <p>${mathText('Inline \\(O(n \\log n)\\) and display: $$\\sum_{i=1}^{n} \\frac{1}{i^2} = \\frac{\\pi^2}{6}$$')}</p>
    <paperfeed-actions ${argsOf(args)}></paperfeed-actions>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('math')).toBeTruthy());
  },
};

/** The schema.org microdata a card carries (hidden; shown here as the page's markup would hold it), with the paper's actions. */
export const Metadata: Story = {
  render: (args) =>
    scholarlyArticle(args.paper, html`<p>${args.paper.title}</p><paperfeed-actions ${argsOf(args)}></paperfeed-actions>`),
};
