// The reader features wired into a list: `mark-new` on a second visit, and `view="saved"`. The
// list's own stories (stories/list.stories.ts) keep its other states.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/list/define.js';
import { LAST_VISIT_PREFIX } from '../src/reader/last-visit.js';
import { SAVED_KEY, savedStore } from '../src/reader/saved.js';
import { FEEDS, fullPaper, texPaper } from './fixtures.js';
import { listArgTypes, type ListArgs } from './list-args.js';
import { argsOf, useFakeFetch } from './support.js';


const routes = Object.fromEntries(Object.values(FEEDS).map((f) => [f.url, f]));

const meta = {
  title: 'Reader/List: new and saved',
  component: 'paperfeed-list',
  // Every arg reaches the element through argsOf (attributes, properties, CSS custom properties).
  render: (args) => html`<paperfeed-list ${argsOf(args)}></paperfeed-list>`,
  args: {
    format: 'auto',
    layout: 'list',
    sort: 'feed',
    query: '',
    limit: 30,
    headingLevel: 2,
    theme: 'auto',
    noToolbar: false,
    noPeriods: false,
    periods: false,
    lazy: false,
    strings: {},
    cite: false,
    save: false,
    math: false,
    markNew: false,
    view: 'feed',
  },
  // As in stories/list.stories.ts: only what a type name cannot tell (the options of the named
  // unions, number ranges); rows, sections and descriptions come from custom-elements.json.
  argTypes: listArgTypes,
  parameters: {
    docs: {
      description: {
        component:
          'A list with the reader features: `mark-new` (a "New" badge on papers newer than the last visit), `cite`/`save`/`math` on every card, and `view="saved"` (the papers saved in this browser, with Export BibTeX / JSON). Every request is answered from local fixtures.',
      },
    },
  },
  // Each story starts with nothing saved, and every fixture feed answered locally.
  beforeEach: () => {
    localStorage.removeItem(SAVED_KEY);
    for (const paper of savedStore().papers) savedStore().remove(paper.id);
    return useFakeFetch(routes);
  },
} satisfies Meta<ListArgs>;

export default meta;
type Story = StoryObj<ListArgs>;

/** A list with `mark-new` on a second visit: the last visit saw papers up to 6 Nov 2025. */
export const MarkNew: Story = {
  name: 'mark-new',
  args: { src: FEEDS.hfDaily.url, heading: 'Daily papers', markNew: true, cite: true, save: true, noPeriods: true },
  beforeEach: () => {
    const url = FEEDS.hfDaily.url;
    localStorage.setItem(LAST_VISIT_PREFIX + url, JSON.stringify({ seen: '2025-11-06T00:00:00.000Z', at: '2025-11-06T00:00:00.000Z' }));
    return () => localStorage.removeItem(LAST_VISIT_PREFIX + url);
  },
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector('paperfeed-list')!;
    await waitFor(() => expect(list.shadowRoot!.querySelector('[part~="status"]')!.textContent).toMatch(/new since your last visit/));
  },
};

/** `view="saved"` with two papers saved: Export BibTeX / JSON above them. */
export const Saved: Story = {
  name: 'Saved view',
  args: { view: 'saved', heading: 'Saved papers' },
  beforeEach: () => {
    savedStore().save(texPaper);
    savedStore().save(fullPaper);
  },
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector('paperfeed-list')!;
    await waitFor(() => expect(list.shadowRoot!.querySelectorAll('[part~="saved-toolbar"] button')).toHaveLength(2));
  },
};

/** `view="saved"` with nothing saved yet. */
export const SavedEmpty: Story = {
  name: 'Saved view, empty',
  args: { view: 'saved', heading: 'Saved papers' },
};
