// The reader features wired into a card: <paperfeed-card cite save math new>. The card's own
// stories (stories/card.stories.ts) keep its other states; <paperfeed-actions> on its own is in
// stories/reader.stories.ts.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/card/define.js';
import type { CardStrings } from '../src/card/paperfeed-card.js';
import type { Paper } from '../src/feed/paper.js';
import { SAVED_KEY, savedStore } from '../src/reader/saved.js';
import { fullPaper, texPaper } from './fixtures.js';
import { argsOf } from './support.js';

interface CardReaderArgs {
  paper?: Paper;
  variant: 'full' | 'compact';
  headingLevel: number;
  expanded: boolean;
  aiSummary: boolean;
  theme: 'auto' | 'light' | 'dark';
  strings: Partial<CardStrings>;
  cite: boolean;
  save: boolean;
  math: boolean;
  new: boolean;
}

const meta = {
  title: 'Reader/Card actions',
  component: 'paperfeed-card',
  // Every arg reaches the element through argsOf, as in the card's own stories.
  render: (args) => html`<paperfeed-card ${argsOf(args)}></paperfeed-card>`,
  args: {
    paper: fullPaper,
    variant: 'full',
    headingLevel: 3,
    expanded: false,
    aiSummary: false,
    theme: 'auto',
    strings: {},
    cite: true,
    save: true,
    math: true,
    new: false,
  },
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
          'A card with the reader features: `cite` (BibTeX / plain text to the clipboard), `save` (localStorage), `math` (TeX as MathML), `new` (the badge a list with `mark-new` sets).',
      },
    },
  },
  decorators: [(story) => html`<div class="pf-narrow">${story()}</div>`],
  // Each story starts with nothing saved, so states do not leak between stories.
  beforeEach: () => {
    localStorage.removeItem(SAVED_KEY);
    for (const paper of savedStore().papers) savedStore().remove(paper.id);
  },
} satisfies Meta<CardReaderArgs>;

export default meta;
type Story = StoryObj<CardReaderArgs>;

const cardRoot = (canvasElement: HTMLElement) => canvasElement.querySelector('paperfeed-card')!.shadowRoot!;

/** `<paperfeed-card cite save math new>`: every reader action on one card. */
export const AllActions: Story = {
  name: 'All actions',
  args: { paper: texPaper, new: true },
  play: async ({ canvasElement }) => {
    const root = cardRoot(canvasElement);
    await waitFor(() => expect(root.querySelector('.pf-cite-button')).toBeTruthy());
    await waitFor(() => expect(root.querySelector('[part~="title"] math')).toBeTruthy());
    await expect(root.querySelector('[part~="new"]')!.textContent).toBe('New');
  },
};

/** The Cite popover open on a card: the BibTeX entry and the two copy buttons. */
export const CiteOpen: Story = {
  name: 'Cite open',
  play: async ({ canvasElement }) => {
    const root = cardRoot(canvasElement);
    await waitFor(() => expect(root.querySelector('.pf-cite-button')).toBeTruthy());
    await userEvent.click(root.querySelector<HTMLElement>('.pf-cite-button')!);
    await expect(root.querySelector('.pf-cite')!.matches(':popover-open')).toBe(true);
  },
};

/** A saved card: the toggle pressed ("Saved"), the row's status says so. */
export const Saved: Story = {
  name: 'Saved',
  play: async ({ canvasElement }) => {
    const root = cardRoot(canvasElement);
    await waitFor(() => expect(root.querySelector('.pf-save')).toBeTruthy());
    await userEvent.click(root.querySelector<HTMLElement>('.pf-save')!);
    await waitFor(() => expect(root.querySelector('.pf-save')!.getAttribute('aria-pressed')).toBe('true'));
  },
};

/** `math` alone: the title's and abstract's TeX as MathML. */
export const MathOnly: Story = {
  name: 'Math',
  args: { paper: texPaper, cite: false, save: false },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(cardRoot(canvasElement).querySelector('math')).toBeTruthy());
  },
};

/** `new` alone: the badge a list with `mark-new` gives papers newer than the last visit. */
export const New: Story = {
  name: 'New',
  args: { cite: false, save: false, math: false, new: true },
};

/** All actions on a dark card. */
export const Dark: Story = {
  name: 'All actions, dark',
  globals: { scheme: 'dark' },
  args: { paper: texPaper, new: true, theme: 'dark' },
};
