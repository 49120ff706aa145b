import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import '../src/list/define.js';
import type { PaperfeedList } from '../src/list/paperfeed-list.js';
import { FEEDS, type StoryFeed } from './fixtures.js';
import { cardsOf, deepAll, host, sent, shadow, titleOf, useFakeFetch, visibleText, waitForCards, type Route } from './support.js';

interface ListArgs {
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
}

// URLs of their own: the request that never answers must not be shared with another story's list.
const slowFeed = 'https://slow.example.org/papers.json';
const flakyFeed = 'https://flaky.example.org/daily_papers.json';
const emptyFeed: StoryFeed = {
  url: 'https://reading.example.org/quiet-week.json',
  body: JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'A quiet week', items: [] }),
  type: 'application/feed+json',
  count: 0,
  first: '',
};

const routes: Record<string, Route> = {
  ...Object.fromEntries(Object.values(FEEDS).map((f) => [f.url, f])),
  [slowFeed]: () => 'hang',
  [flakyFeed]: (_url, call) =>
    call === 1 ? { status: 500, body: 'Internal Server Error', type: 'text/plain' } : FEEDS.seed,
  [emptyFeed.url]: emptyFeed,
};

const meta = {
  title: 'Elements/paperfeed-list',
  component: 'paperfeed-list',
  render: (args) => html`
    <paperfeed-list
      src=${ifDefined(args.src)}
      format=${args.format}
      layout=${args.layout}
      sort=${args.sort}
      query=${args.query}
      limit=${args.limit}
      heading=${ifDefined(args.heading)}
      heading-level=${args.headingLevel}
      theme=${ifDefined(args.theme === 'auto' ? undefined : args.theme)}
      ?no-toolbar=${args.noToolbar}
      ?no-periods=${args.noPeriods}
    ></paperfeed-list>
  `,
  args: {
    src: FEEDS.seed.url,
    format: 'auto',
    layout: 'list',
    sort: 'feed',
    query: '',
    limit: 30,
    heading: 'Trending papers',
    headingLevel: 2,
    theme: 'auto',
    noToolbar: false,
    noPeriods: false,
  },
  argTypes: {
    src: { control: 'text', description: 'Feed URL. Stories answer it from local fixtures, never the network.' },
    format: { control: 'select', options: ['auto', 'hf', 'jsonfeed', 'rss', 'atom'] },
    layout: { control: 'inline-radio', options: ['list', 'grid', 'compact'] },
    sort: { control: 'inline-radio', options: ['feed', 'date', 'upvotes'] },
    query: { control: 'text' },
    limit: { control: { type: 'number', min: 1 } },
    heading: { control: 'text' },
    headingLevel: { name: 'heading-level', control: { type: 'number', min: 1, max: 6 } },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    noToolbar: { name: 'no-toolbar', control: 'boolean' },
    noPeriods: { name: 'no-periods', control: 'boolean' },
  },
  // Every feed any story asks for, answered locally. One table for all stories (each with a URL of
  // its own), because a docs page renders every story at once under one fetch hook.
  beforeEach: () => useFakeFetch(routes),
  parameters: {
    docs: {
      description: {
        component:
          'Fetches a feed (Hugging Face daily papers, arXiv API or RSS, JSON Feed, RSS, Atom) and shows it as cards with search, sort and paging. In these stories every request is answered from local fixtures through `setFetch`.',
      },
    },
  },
} satisfies Meta<ListArgs>;

export default meta;
type Story = StoryObj<ListArgs>;

/** Replaces an input's text the way a person does: select what is there, type over it. */
// (userEvent.clear refuses inputs inside a shadow root: it checks document.activeElement.)
const retype = (input: HTMLInputElement, text: string) =>
  userEvent.type(input, text, { initialSelectionStart: 0, initialSelectionEnd: input.value.length });

const list = (canvas: HTMLElement) => host<PaperfeedList>(canvas, 'paperfeed-list');
const waitForState = (el: Element, state: string) =>
  waitFor(() => expect(el).toHaveAttribute('state', state), { timeout: 5000 });

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitForState(el, 'loaded');
    // The seed holds 36 papers; the first page shows `limit` (30) and offers the rest.
    const cards = await waitForCards(el, 30);
    await expect(titleOf(cards[0])).toContain(FEEDS.seed.first);
    const view = within(shadow(el));
    await expect(view.getByRole('heading', { level: 2 })).toHaveTextContent('Trending papers');
    await expect(view.getByRole('list')).toHaveAttribute('aria-busy', 'false');
    await expect(view.getByRole('status')).toHaveTextContent('36 papers loaded');
    await expect(view.getByRole('button', { name: 'Load more' })).toBeVisible();
    // A Hugging Face daily-papers source gets the day / week / month bar.
    await expect(view.getByRole('group', { name: 'Period' })).toBeVisible();
    await expect(sent().calls).toHaveLength(1);
  },
};

export const Grid: Story = {
  args: { layout: 'grid', limit: 6 },
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitForCards(el, 6);
    const ul = shadow(el).querySelector('ul')!;
    const style = getComputedStyle(ul);
    await expect(style.display).toBe('grid');
    // Several columns side by side at desktop width.
    await expect(style.gridTemplateColumns.split(' ').length).toBeGreaterThan(1);
    const [a, b] = cardsOf(el).map((c) => c.getBoundingClientRect());
    await expect(Math.abs(a.top - b.top)).toBeLessThan(1);
  },
};

export const Compact: Story = {
  args: { layout: 'compact', limit: 10 },
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    const cards = await waitForCards(el, 10);
    for (const card of cards) {
      await expect(card).toHaveAttribute('variant', 'compact');
      await expect(card.shadowRoot!.querySelector('[part~="summary"]')).toBeNull();
    }
  },
};

export const Loading: Story = {
  // The feed never answers.
  args: { src: slowFeed },
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitForState(el, 'loading');
    const view = within(shadow(el));
    await expect(view.getByRole('status')).toHaveTextContent('Loading papers…');
    const ul = shadow(el).querySelector('ul')!;
    await expect(ul).toHaveAttribute('aria-busy', 'true');
    // Skeleton cards of the final size hold the space.
    const skeletons = cardsOf(el);
    await expect(skeletons).toHaveLength(6);
    await expect(skeletons[0].getBoundingClientRect().height).toBeGreaterThan(100);
    await expect(view.queryByRole('heading', { level: 3 })).toBeNull();
  },
};

export const Empty: Story = {
  args: { src: emptyFeed.url, heading: 'This week' },
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitForState(el, 'empty');
    await expect(shadow(el).querySelector('[part~="empty"]')).toHaveTextContent('No papers found.');
    await expect(cardsOf(el)).toHaveLength(0);
  },
};

export const ErrorWithRetry: Story = {
  name: 'Error with Retry',
  // The first request fails with a 500; the feed is back when the reader presses Retry.
  args: { src: flakyFeed },
  play: async ({ canvasElement, step }) => {
    const el = await list(canvasElement);
    const view = within(shadow(el));
    await step('the error is shown with its reason', async () => {
      await waitForState(el, 'error');
      await expect(shadow(el).querySelector('[part~="error"]')).toHaveTextContent('500');
      await expect(view.getByRole('status')).toHaveTextContent('500');
      await expect(cardsOf(el)).toHaveLength(0);
    });
    await step('Retry loads the feed', async () => {
      await userEvent.click(view.getByRole('button', { name: 'Retry' }));
      await waitForState(el, 'loaded');
      await waitForCards(el, 30);
      await expect(sent().calls).toHaveLength(2);
    });
  },
};

/** One story per feed format: the list reads the fixture and shows each item as a card. */
const formatStory = (feed: StoryFeed, heading: string, extra: Partial<ListArgs> = {}): Story => ({
  args: { src: feed.url, heading, ...extra },
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitForState(el, 'loaded');
    const cards = await waitForCards(el, feed.count);
    await expect(titleOf(cards[0])).toContain(feed.first);
    // Whatever the format, every link on the cards is an http(s) URL.
    for (const a of deepAll(shadow(el), 'a[href]')) await expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
  },
});

export const FormatHfDaily: Story = {
  name: 'Format: Hugging Face daily papers',
  ...formatStory(FEEDS.hfDaily, 'Daily papers, 7 November 2025'),
};
export const FormatHfSearch: Story = {
  name: 'Format: Hugging Face paper search',
  ...formatStory(FEEDS.hfSearch, 'Search: inference scaling'),
};
export const FormatArxivApi: Story = {
  name: 'Format: arXiv API (Atom)',
  ...formatStory(FEEDS.arxivApi, 'arXiv: speculative decoding'),
};
export const FormatArxivRss: Story = {
  name: 'Format: arXiv RSS',
  ...formatStory(FEEDS.arxivRss, 'New in cs.CL'),
};
export const FormatJsonFeed: Story = {
  name: 'Format: JSON Feed',
  ...formatStory(FEEDS.jsonFeed, 'Lab reading list'),
};
export const FormatRss: Story = {
  name: 'Format: RSS 2.0',
  ...formatStory(FEEDS.rss2, 'ML Paper Digest'),
};
export const FormatAtom: Story = {
  name: 'Format: Atom',
  ...formatStory(FEEDS.atom, 'Systems Reading Group'),
};

export const SortedFiltered: Story = {
  name: 'Sorted and filtered',
  args: { sort: 'upvotes', query: 'parallel', noPeriods: true },
  play: async ({ canvasElement, step }) => {
    const el = await list(canvasElement);
    await waitForState(el, 'loaded');
    const view = within(shadow(el));
    await step('only papers mentioning "parallel", most upvoted first', async () => {
      const cards = cardsOf(el);
      await expect(cards.length).toBeGreaterThan(1);
      await expect(cards.length).toBeLessThan(FEEDS.seed.count);
      await expect(titleOf(cards[0])).toContain('Hogwild!');
      for (const card of cards) await expect(visibleText(card).toLowerCase()).toContain('parallel');
    });
    await step('typing a new query filters again', async () => {
      const search = view.getByRole<HTMLInputElement>('searchbox', { name: 'Search papers' });
      await expect(search).toHaveValue('parallel');
      await retype(search, 'speculative');
      await waitFor(() => expect(titleOf(cardsOf(el)[0])).toContain('Towards Optimal Multi-draft Speculative Decoding'));
      for (const card of cardsOf(el)) await expect(visibleText(card).toLowerCase()).toContain('speculative');
    });
    await step('a query nothing matches shows the empty state', async () => {
      const search = view.getByRole<HTMLInputElement>('searchbox', { name: 'Search papers' });
      await retype(search, 'zebra crossing');
      await waitForState(el, 'empty');
      await expect(shadow(el).querySelector('[part~="empty"]')).toHaveTextContent('No papers match “zebra crossing”.');
    });
    // Filtering and sorting never fetch again.
    await expect(sent().calls).toHaveLength(1);
  },
};

export const Paging: Story = {
  args: { limit: 10, layout: 'compact' },
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitForCards(el, 10);
    const view = within(shadow(el));
    await userEvent.click(view.getByRole('button', { name: 'Load more' }));
    await waitForCards(el, 20);
    // Focus moves to the first new paper, so keyboard and screen-reader users continue from there.
    const items = shadow(el).querySelectorAll('li');
    await expect(el.shadowRoot!.activeElement).toBe(items[10]);
    await userEvent.click(view.getByRole('button', { name: 'Load more' }));
    await waitForCards(el, 30);
    await userEvent.click(view.getByRole('button', { name: 'Load more' }));
    await waitForCards(el, 36);
    // All 36 shown: nothing more to load, and paging never refetched.
    await expect(view.queryByRole('button', { name: 'Load more' })).toBeNull();
    await expect(sent().calls).toHaveLength(1);
  },
};

export const HuggingFacePeriods: Story = {
  name: 'Hugging Face day / week / month',
  args: { src: 'https://huggingface.co/api/daily_papers?date=2025-11-07', heading: 'Daily papers', limit: 5 },
  play: async ({ canvasElement, step }) => {
    const el = await list(canvasElement);
    await waitForState(el, 'loaded');
    const view = within(shadow(el));
    const periods = within(view.getByRole('group', { name: 'Period' }));
    await expect(periods.getByRole('button', { name: 'Day' })).toHaveAttribute('aria-pressed', 'true');
    await expect(shadow(el).querySelector('[part~="period-label"]')!.textContent).toMatch(/2025/);
    await step('Week asks the API for the ISO week of that day', async () => {
      await userEvent.click(periods.getByRole('button', { name: 'Week' }));
      await waitFor(() => expect(sent().calls.at(-1)).toContain('week=2025-W45'));
      await expect(periods.getByRole('button', { name: 'Week' })).toHaveAttribute('aria-pressed', 'true');
      await waitForState(el, 'loaded');
    });
    await step('Previous steps back one week', async () => {
      await userEvent.click(periods.getByRole('button', { name: 'Previous' }));
      await waitFor(() => expect(sent().calls.at(-1)).toContain('week=2025-W44'));
      await waitForState(el, 'loaded');
      await expect(shadow(el).querySelector('[part~="period-label"]')).toHaveTextContent('Week 44, 2025');
    });
    await step('Month asks for the month', async () => {
      await userEvent.click(periods.getByRole('button', { name: 'Month' }));
      await waitFor(() => expect(sent().calls.at(-1)).toContain('month=2025-'));
      await waitForState(el, 'loaded');
    });
  },
};

export const Dark: Story = {
  args: { theme: 'dark', limit: 4 },
  globals: { scheme: 'dark' },
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitForCards(el, 4);
    await expect(getComputedStyle(el).colorScheme).toBe('dark');
    await waitFor(() => expect(cardsOf(el).every((c) => getComputedStyle(c).colorScheme === 'dark')).toBe(true));
  },
};

export const RTL: Story = {
  args: { limit: 4, heading: 'الأوراق الرائجة' },
  globals: { dir: 'rtl' },
  render: (args) => html`<div lang="ar" dir="rtl">${meta.render(args)}</div>`,
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    const cards = await waitForCards(el, 4);
    await expect(getComputedStyle(shadow(el).querySelector('ul')!).direction).toBe('rtl');
    await expect(getComputedStyle(cards[0].shadowRoot!.querySelector('[part~="card"]')!).direction).toBe('rtl');
  },
};
