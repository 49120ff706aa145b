// The reader features wired into a list: `mark-new` on a second visit, and `view="saved"`. The
// list's own stories (stories/list.stories.ts) keep its other states.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/list/define.js';
import type { Paper } from '../src/feed/paper.js';
import type { PaperfeedListStrings } from '../src/list/strings.js';
import type { CardStrings } from '../src/card/strings.js';
import { LAST_VISIT_PREFIX } from '../src/reader/last-visit.js';
import { SAVED_KEY, savedStore } from '../src/reader/saved.js';
import { FEEDS, fullPaper, texPaper } from './fixtures.js';
import { argsOf, useFakeFetch } from './support.js';

interface ListReaderArgs {
  src?: string;
  format: 'auto' | 'hf' | 'jsonfeed' | 'rss' | 'atom';
  layout: 'list' | 'grid' | 'compact';
  sort: 'feed' | 'date' | 'upvotes';
  query: string;
  limit: number;
  heading?: string;
  headingLevel: number;
  theme: 'auto' | 'light' | 'dark';
  noToolbar: boolean;
  noPeriods: boolean;
  lazy: boolean;
  timeout?: number;
  maxBytes?: number;
  proxy?: string;
  refresh?: number;
  date?: string;
  period?: 'day' | 'week' | 'month';
  periods: boolean;
  papers?: Paper[];
  strings: Partial<PaperfeedListStrings & CardStrings>;
  cite: boolean;
  save: boolean;
  math: boolean;
  markNew: boolean;
  view: 'feed' | 'saved';
}

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
  argTypes: {
    src: { description: 'Feed URL. Stories answer it from local fixtures, never the network.' },
    format: { control: 'select', options: ['auto', 'hf', 'jsonfeed', 'rss', 'atom'] },
    layout: { control: 'inline-radio', options: ['list', 'grid', 'compact'] },
    sort: { control: 'inline-radio', options: ['feed', 'date', 'upvotes'] },
    limit: { control: { type: 'number', min: 1 } },
    headingLevel: { name: 'heading-level', control: { type: 'number', min: 1, max: 6 } },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    timeout: { control: { type: 'number', min: 1 } },
    maxBytes: { name: 'max-bytes', control: { type: 'number', min: 1 } },
    refresh: { control: { type: 'number', min: 1 } },
    period: { control: 'inline-radio', options: ['day', 'week', 'month'] },
    view: { control: 'inline-radio', options: ['feed', 'saved'] },
  },
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
} satisfies Meta<ListReaderArgs>;

export default meta;
type Story = StoryObj<ListReaderArgs>;

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
