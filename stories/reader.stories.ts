import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { Paper } from '../src/feed/paper.js';
import { mathText } from '../src/reader/math.js';
import { scholarlyArticle } from '../src/reader/metadata.js';
import '../src/reader/define.js';
import '../src/card/define.js';
import '../src/list/define.js';
import { LAST_VISIT_PREFIX } from '../src/reader/last-visit.js';
import { SAVED_KEY, savedStore } from '../src/reader/saved.js';
import { FEEDS, fullPaper, hostilePaper, longPaper, texPaper } from './fixtures.js';
import { useFakeFetch } from './support.js';

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

// ---- The same features wired into the elements: <paperfeed-card cite save math new>, and a list
// with `mark-new` or `view="saved"`. (The card's and list's own stories keep their other states.)

const card = (paper: Paper, attrs: { theme?: string } = {}) =>
  html`<paperfeed-card cite save math .paper=${paper} theme=${attrs.theme ?? 'auto'}></paperfeed-card>`;
const cardRoot = (canvasElement: HTMLElement) => canvasElement.querySelector('paperfeed-card')!.shadowRoot!;

/** `<paperfeed-card cite save math new>`: every reader action on one card. */
export const CardAllActions: Story = {
  name: 'Card: all actions',
  render: () => html`<paperfeed-card cite save math new .paper=${texPaper}></paperfeed-card>`,
  play: async ({ canvasElement }) => {
    const root = cardRoot(canvasElement);
    await waitFor(() => expect(root.querySelector('.pf-cite-button')).toBeTruthy());
    await waitFor(() => expect(root.querySelector('[part~="title"] math')).toBeTruthy());
    await expect(root.querySelector('[part~="new"]')!.textContent).toBe('New');
  },
};

/** The Cite popover open on a card: the BibTeX entry and the two copy buttons. */
export const CardCiteOpen: Story = {
  name: 'Card: Cite open',
  render: () => card(fullPaper),
  play: async ({ canvasElement }) => {
    const root = cardRoot(canvasElement);
    await waitFor(() => expect(root.querySelector('.pf-cite-button')).toBeTruthy());
    await userEvent.click(root.querySelector<HTMLElement>('.pf-cite-button')!);
    await expect(root.querySelector('.pf-cite')!.matches(':popover-open')).toBe(true);
  },
};

/** A saved card: the toggle pressed ("Saved"), the row's status says so. */
export const CardSaved: Story = {
  name: 'Card: saved',
  render: () => card(fullPaper),
  play: async ({ canvasElement }) => {
    const root = cardRoot(canvasElement);
    await waitFor(() => expect(root.querySelector('.pf-save')).toBeTruthy());
    await userEvent.click(root.querySelector<HTMLElement>('.pf-save')!);
    await waitFor(() => expect(root.querySelector('.pf-save')!.getAttribute('aria-pressed')).toBe('true'));
  },
};

/** `math`: the title's and abstract's TeX as MathML. */
export const CardMath: Story = {
  name: 'Card: math',
  render: () => html`<paperfeed-card math .paper=${texPaper}></paperfeed-card>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(cardRoot(canvasElement).querySelector('math')).toBeTruthy());
  },
};

/** `new`: the badge a list with `mark-new` gives papers newer than the last visit. */
export const CardNew: Story = {
  name: 'Card: new',
  render: () => html`<paperfeed-card new .paper=${fullPaper}></paperfeed-card>`,
};

/** All actions on a dark card. */
export const CardDark: Story = {
  name: 'Card: all actions, dark',
  globals: { scheme: 'dark' },
  render: () => html`<paperfeed-card cite save math new theme="dark" .paper=${texPaper}></paperfeed-card>`,
};

/** A list with `mark-new` on a second visit: the last visit saw papers up to 6 Nov 2025. */
export const ListMarkNew: Story = {
  name: 'List: mark-new',
  beforeEach: () => {
    const url = FEEDS.hfDaily.url;
    localStorage.setItem(LAST_VISIT_PREFIX + url, JSON.stringify({ seen: '2025-11-06T00:00:00.000Z', at: '2025-11-06T00:00:00.000Z' }));
    const restore = useFakeFetch({ [url]: FEEDS.hfDaily });
    return () => {
      restore();
      localStorage.removeItem(LAST_VISIT_PREFIX + url);
    };
  },
  render: () => html`<paperfeed-list mark-new cite save no-periods src=${FEEDS.hfDaily.url} heading="Daily papers"></paperfeed-list>`,
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector('paperfeed-list')!;
    await waitFor(() => expect(list.shadowRoot!.querySelector('[part~="status"]')!.textContent).toMatch(/new since your last visit/));
  },
};

/** `view="saved"` with two papers saved: Export BibTeX / JSON above them. */
export const ListSaved: Story = {
  name: 'List: saved view',
  beforeEach: () => {
    savedStore().save(texPaper);
    savedStore().save(fullPaper);
  },
  render: () => html`<paperfeed-list view="saved" heading="Saved papers"></paperfeed-list>`,
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector('paperfeed-list')!;
    await waitFor(() => expect(list.shadowRoot!.querySelectorAll('[part~="saved-toolbar"] button')).toHaveLength(2));
  },
};

/** `view="saved"` with nothing saved yet. */
export const ListSavedEmpty: Story = {
  name: 'List: saved view, empty',
  render: () => html`<paperfeed-list view="saved" heading="Saved papers"></paperfeed-list>`,
};
