import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import '../src/list/define.js';
import type { PaperfeedList } from '../src/list/paperfeed-list.js';
import type { Paper } from '../src/feed/paper.js';
import { listArgTypes, type ListArgs } from './list-args.js';
import { FEEDS, papersOf, type StoryFeed } from './fixtures.js';
import {
  argsOf,
  cardsOf,
  deepAll,
  host,
  sent,
  shadow,
  titleOf,
  useFakeFetch,
  useFixedClock,
  visibleText,
  waitForCards,
  type Route,
} from './support.js';


// URLs of their own: the request that never answers must not be shared with another story's list.
/** The cards a reader sees: an empty or failed feed keeps hidden skeletons for their room (no layout shift). */
const visibleCards = (list: Element) => cardsOf(list).filter((card) => card.checkVisibility({ visibilityProperty: true }));

const slowFeed = 'https://slow.example.org/papers.json';
const flakyFeed = 'https://flaky.example.org/daily_papers.json';
const emptyFeed: StoryFeed = {
  url: 'https://reading.example.org/quiet-week.json',
  body: JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'A quiet week', items: [] }),
  type: 'application/feed+json',
  count: 0,
  first: '',
};

// The states below each have URLs of their own too (see above).
const slottedSlowFeed = 'https://slow.example.org/slotted/papers.json';
const timeoutFeed = 'https://slow.example.org/timeout/papers.json';
const downFeed = 'https://down.example.org/daily_papers.json';
const unreachableFeed = 'https://no-cors.example.net/papers.json';
const lazyFeed = 'https://lazy.example.org/daily_papers.json';
const hostileFeedUrl = 'https://hostile.example.org/feed.json';

/** A JSON Feed of `papers` (the seed's, re-served), with a `next_url` when the source pages. */
function jsonFeedOf(papers: Paper[], next?: string): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Reading group picks',
    next_url: next,
    items: papers.map((paper) => ({
      id: paper.id,
      url: paper.url,
      title: paper.title,
      content_text: paper.summary,
      date_published: paper.publishedAt,
      tags: paper.tags,
    })),
  });
}

// Two paged feeds: page 1 answers at once, its `next_url` never answers (Load more in progress) or
// always fails (Load more failed).
const seedPapers = papersOf(FEEDS.seed);
const PAGE_SIZE = 4;
const pagedFeed = (name: string): StoryFeed => ({
  url: `https://reading.example.org/${name}/feed.json`,
  body: jsonFeedOf(seedPapers.slice(0, PAGE_SIZE), `https://reading.example.org/${name}/feed-2.json`),
  type: 'application/feed+json',
  count: PAGE_SIZE,
  first: seedPapers[0].title,
});
const slowPages = pagedFeed('slow-pages');
const brokenPages = pagedFeed('broken-pages');
const nextPageOf = (feed: StoryFeed) => feed.url.replace('feed.json', 'feed-2.json');

declare global {
  interface Window {
    pfPwned?: boolean;
  }
}

/** Markup, script and `javascript:`/`data:` URLs in every field a feed can fill, as a JSON Feed. */
const hostileFeed: StoryFeed = {
  url: hostileFeedUrl,
  type: 'application/feed+json',
  count: 3,
  first: 'Markup in a title stays text',
  body: JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: '<script>window.pfPwned=true</script>',
    items: [
      {
        id: 'hostile-1',
        url: 'javascript:window.pfPwned=true',
        title: '<img src=x onerror="window.pfPwned=true">Markup in a title stays text',
        content_text:
          '<script>window.pfPwned=true</script><b onmouseover="window.pfPwned=true">Bold?</b> {{constructor.constructor("alert(1)")()}}',
        image: 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="parent.pfPwned=true"/>',
        authors: [{ name: '<img src=x onerror="window.pfPwned=true">', url: 'javascript:alert(1)' }],
        tags: ['<svg onload=alert(1)>'],
        date_published: '2025-06-20T09:00:00Z',
      },
      {
        id: 'hostile-2',
        url: ' JaVaScRiPt:window.pfPwned=true',
        external_url: 'data:text/html,<script>parent.pfPwned=true</script>',
        title: '</li></ul><a href="javascript:window.pfPwned=true">Breaking out of the list</a>',
        content_html: '<p>An HTML abstract<img src=x onerror="window.pfPwned=true"><iframe src="javascript:parent.pfPwned=true"></iframe> reads as text.</p>',
        banner_image: 'java\tscript:window.pfPwned=true',
        date_published: '2025-06-19',
      },
      {
        id: 'hostile-3',
        url: 'https://hostile.example.org/papers/plain',
        title: 'A plain paper next to the hostile ones',
        content_text: 'It renders as usual.',
        date_published: '2025-06-18',
      },
    ],
  }),
};

const stateRoutes: Record<string, Route> = {
  [slottedSlowFeed]: () => 'hang',
  [timeoutFeed]: () => 'hang',
  [downFeed]: { status: 500, body: 'Internal Server Error', type: 'text/plain' },
  [unreachableFeed]: () => 'network-error',
  [lazyFeed]: FEEDS.seed,
  [hostileFeed.url]: hostileFeed,
  [slowPages.url]: slowPages,
  [nextPageOf(slowPages)]: () => 'hang',
  [brokenPages.url]: brokenPages,
  [nextPageOf(brokenPages)]: { status: 500, body: 'Internal Server Error', type: 'text/plain' },
};

const routes: Record<string, Route> = {
  ...Object.fromEntries(Object.values(FEEDS).map((f) => [f.url, f])),
  [slowFeed]: () => 'hang',
  [flakyFeed]: (_url, call) =>
    call === 1 ? { status: 500, body: 'Internal Server Error', type: 'text/plain' } : FEEDS.seed,
  [emptyFeed.url]: emptyFeed,
  ...stateRoutes,
};

const meta = {
  title: 'Elements/paperfeed-list',
  component: 'paperfeed-list',
  // Every arg reaches the element through argsOf (attributes, properties, CSS custom properties).
  render: (args) => html`<paperfeed-list ${argsOf(args)}></paperfeed-list>`,
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
    periods: false,
    lazy: false,
    strings: {},
  },
  // Rows, sections and descriptions come from custom-elements.json (.storybook/argtypes.ts); here
  // only what a type name cannot tell (the options of the named unions, number ranges) and what is
  // special about the stories (their feeds answer from fixtures).
  argTypes: listArgTypes,
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
    // Skeleton cards of a typical paper's size hold the space: as many as fit in one screen from
    // the list's top (at least one, at most six), measured before the first paint.
    const skeletons = cardsOf(el);
    await expect(skeletons.length).toBeGreaterThanOrEqual(1);
    await expect(skeletons.length).toBeLessThanOrEqual(6);
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
    await expect(visibleCards(el)).toHaveLength(0);
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
      await expect(visibleCards(el)).toHaveLength(0);
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

// ---------------------------------------------------------------------------------------------
// States a designer needs to see besides the ones above: slots, a search with no matches, paging
// in progress or failed, a lazy list off-screen, the timeout and network texts, hostile feed data.
// Stories that show dates freeze the clock, so "3 days ago" reads the same on every run.
const fixedClock = () => useFixedClock('2025-07-01T12:00:00Z');

/** A light-DOM child is shown only when the list renders a slot for it (checkVisibility: it has a box). */
// Seen, not only laid out: an empty or failed feed keeps invisible copies of the skeletons (or of the
// page's `loading` content) for their room.
const shown = (node: Element | null) => !!node && node.checkVisibility({ visibilityProperty: true });

/** The list with something in each of its five slots; which ones show depends on the state. */
const slottedRender = (args: ListArgs) => html`
  <paperfeed-list ${argsOf(args)}>
    <div slot="header">
      <h2>Reading group picks</h2>
      <p>Chosen every Friday by the lab, from Hugging Face Daily Papers.</p>
    </div>
    <p slot="loading">Fetching this week’s picks…</p>
    <p slot="empty">Nothing was picked this week. <a href="https://reading.example.org/archive">Browse the archive</a>.</p>
    <p slot="error">The reading list is offline for a moment.</p>
    <p slot="footer">Papers via <a href="https://huggingface.co/papers">Hugging Face Daily Papers</a>.</p>
  </paperfeed-list>
`;
const slotted = (canvas: HTMLElement, name: string) => canvas.querySelector(`[slot="${name}"]`);

export const SlotsHeaderFooter: Story = {
  name: 'Slots: header and footer',
  args: { limit: 3, noPeriods: true },
  render: slottedRender,
  beforeEach: fixedClock,
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitForState(el, 'loaded');
    const cards = await waitForCards(el, 3);
    // The page's own header replaces the `heading` text.
    await expect(shown(slotted(canvasElement, 'header'))).toBe(true);
    await expect(within(canvasElement).getByRole('heading', { level: 2, name: 'Reading group picks' })).toBeVisible();
    await expect(visibleText(el)).toContain('Chosen every Friday by the lab');
    await expect(visibleText(el)).not.toContain('Trending papers');
    // The footer sits below the last card.
    const footer = slotted(canvasElement, 'footer')!;
    await expect(shown(footer)).toBe(true);
    await expect(footer.getBoundingClientRect().top).toBeGreaterThanOrEqual(cards[2].getBoundingClientRect().bottom);
    await expect(within(footer as HTMLElement).getByRole('link')).toHaveAttribute('href', 'https://huggingface.co/papers');
    // The other states' slots stay out of sight.
    for (const name of ['loading', 'empty', 'error']) await expect(shown(slotted(canvasElement, name))).toBe(false);
  },
};

export const SlotLoading: Story = {
  name: 'Slots: loading',
  // The feed never answers.
  args: { src: slottedSlowFeed, noPeriods: true },
  render: slottedRender,
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitForState(el, 'loading');
    // The page's loading text stands in for the skeleton cards; the live region still announces.
    await expect(shown(slotted(canvasElement, 'loading'))).toBe(true);
    await expect(visibleText(el)).toContain('Fetching this week’s picks…');
    // The skeleton list is the slot's fallback: still in the shadow root, but not rendered.
    await expect(shown(shadow(el).querySelector('[part~="list"]'))).toBe(false);
    await expect(within(shadow(el)).getByRole('status')).toHaveTextContent('Loading papers…');
    await expect(shown(slotted(canvasElement, 'header'))).toBe(true);
    await expect(shown(slotted(canvasElement, 'footer'))).toBe(true);
    for (const name of ['empty', 'error']) await expect(shown(slotted(canvasElement, name))).toBe(false);
  },
};

export const SlotEmpty: Story = {
  name: 'Slots: empty',
  args: { src: emptyFeed.url },
  render: slottedRender,
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitForState(el, 'empty');
    const empty = shadow(el).querySelector('[part~="empty"]')!;
    await expect(visibleText(empty)).toBe('Nothing was picked this week. Browse the archive .');
    // The default text is only the slot's fallback now, and the live region speaks the page's text.
    await expect(shown(empty)).toBe(true);
    await expect(shadow(el).querySelector('[role="status"]')!.textContent!.trim()).toMatch(/^Nothing was picked this week\. Browse the archive/);
    await expect(empty.querySelector<HTMLSlotElement>('slot[name="empty"]')!.assignedElements()).toHaveLength(1);
    await expect(within(canvasElement).getByRole('link', { name: 'Browse the archive' })).toBeVisible();
    await expect(visibleCards(el)).toHaveLength(0);
    for (const name of ['loading', 'error']) await expect(shown(slotted(canvasElement, name))).toBe(false);
  },
};

export const SlotError: Story = {
  name: 'Slots: error',
  // Always a 500.
  args: { src: downFeed, noPeriods: true },
  render: slottedRender,
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitForState(el, 'error');
    const view = within(shadow(el));
    // The page's words replace the message on screen; Retry stays, and the live region still
    // gives screen readers the reason.
    const error = shadow(el).querySelector('[part~="error"]')!;
    await expect(visibleText(error)).toContain('The reading list is offline for a moment.');
    await expect(visibleText(error)).not.toContain('500');
    await expect(view.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(view.getByRole('status')).toHaveTextContent('The feed could not be loaded (error 500).');
    for (const name of ['loading', 'empty']) await expect(shown(slotted(canvasElement, name))).toBe(false);
  },
};

export const NoMatches: Story = {
  name: 'Search with no matches',
  args: { query: 'zebra crossing', noPeriods: true },
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitForState(el, 'empty');
    const view = within(shadow(el));
    await expect(shadow(el).querySelector('[part~="empty"]')).toHaveTextContent('No papers match “zebra crossing”.');
    await expect(view.getByRole('status')).toHaveTextContent('No papers match “zebra crossing”.');
    await expect(view.getByRole('searchbox', { name: 'Search papers' })).toHaveValue('zebra crossing');
    await expect(visibleCards(el)).toHaveLength(0);
    // The feed itself loaded: only the query hides its papers.
    await expect(sent().calls).toHaveLength(1);
  },
};

export const LoadMoreInProgress: Story = {
  name: 'Load more in progress',
  // Page 1 answers; the next page (the feed's `next_url`) never does.
  args: { src: slowPages.url, heading: 'Reading group picks', limit: PAGE_SIZE },
  beforeEach: fixedClock,
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitForState(el, 'loaded');
    await waitForCards(el, PAGE_SIZE);
    const view = within(shadow(el));
    const more = view.getByRole<HTMLButtonElement>('button', { name: 'Load more' });
    await expect(more).toHaveAttribute('aria-busy', 'false');
    await userEvent.click(more);
    await waitFor(() => expect(more).toHaveAttribute('aria-busy', 'true'));
    // Unavailable while the page loads (`disabled`, or `aria-disabled` where focus should stay on
    // it): another click sends nothing.
    await expect(more.disabled || more.getAttribute('aria-disabled') === 'true').toBe(true);
    more.click();
    await el.updateComplete;
    await expect(sent().calls).toEqual([slowPages.url, nextPageOf(slowPages)]);
    // The papers already shown stay while the next page loads.
    await expect(cardsOf(el)).toHaveLength(PAGE_SIZE);
    await expect(el).toHaveAttribute('state', 'loaded');
  },
};

export const LoadMoreFailed: Story = {
  name: 'Load more failed (inline Retry)',
  // Page 1 answers; the next page always fails with a 500.
  args: { src: brokenPages.url, heading: 'Reading group picks', limit: PAGE_SIZE },
  beforeEach: fixedClock,
  play: async ({ canvasElement, step }) => {
    const el = await list(canvasElement);
    await waitForState(el, 'loaded');
    await waitForCards(el, PAGE_SIZE);
    const view = within(shadow(el));
    const message = 'The feed could not be loaded (error 500).';
    await step('the failure shows under the papers, with Retry in place of Load more', async () => {
      await userEvent.click(view.getByRole('button', { name: 'Load more' }));
      const retry = await view.findByRole('button', { name: 'Retry' });
      await expect(retry).toHaveAttribute('aria-busy', 'false');
      await expect(retry).not.toHaveAttribute('aria-disabled', 'true');
      await expect(shadow(el).querySelector('.more')).toHaveTextContent(message);
      await expect(view.getByRole('status')).toHaveTextContent(message);
      await expect(view.queryByRole('button', { name: 'Load more' })).toBeNull();
      // The first page stays: the list itself is not in its error state.
      await expect(cardsOf(el)).toHaveLength(PAGE_SIZE);
      await expect(el).toHaveAttribute('state', 'loaded');
    });
    await step('Retry asks for the page again', async () => {
      await userEvent.click(view.getByRole('button', { name: 'Retry' }));
      await waitFor(() => expect(sent().calls).toHaveLength(3));
      await expect(sent().calls[2]).toBe(nextPageOf(brokenPages));
      await waitFor(() => expect(view.getByRole('button', { name: 'Retry' })).toHaveAttribute('aria-busy', 'false'));
      await expect(shadow(el).querySelector('.more')).toHaveTextContent(message);
    });
  },
};

/** Resolves once an IntersectionObserver like the list's (200px margin) has looked at `target`: whether it is near the viewport. */
function nearViewport(target: Element): Promise<boolean> {
  return new Promise((resolve) => {
    const observer = new IntersectionObserver(
      (entries) => {
        observer.disconnect();
        resolve(entries.some((entry) => entry.isIntersecting));
      },
      { rootMargin: '200px' },
    );
    observer.observe(target);
  });
}

export const LazyOffScreen: Story = {
  name: 'Lazy, off-screen',
  args: { src: lazyFeed, lazy: true, limit: 3, heading: 'Further down the page' },
  beforeEach: fixedClock,
  parameters: {
    docs: {
      description: {
        story:
          'With `lazy` the list fetches nothing until it comes within 200px of the viewport: until then it holds its skeletons. Scroll the box to bring it near.',
      },
    },
  },
  render: (args) => html`
    <style>
      .pf-lazy-box {
        block-size: 24rem;
        overflow: auto;
        border: 1px dashed currentColor;
        padding: 0.5rem 1rem;
      }
      .pf-lazy-spacer {
        block-size: 60rem;
      }
    </style>
    <div class="pf-lazy-box" tabindex="0" role="region" aria-label="Page with a lazy list further down">
      <p class="pf-lazy-spacer">The article goes on here; the list is far below.</p>
      ${meta.render(args)}
    </div>
  `,
  play: async ({ canvasElement, step }) => {
    const el = await list(canvasElement);
    const view = within(shadow(el));
    await step('off-screen: skeletons and no request', async () => {
      // The list's observer was created first, so it has had its first look too.
      await expect(await nearViewport(el)).toBe(false);
      await el.updateComplete;
      await expect(el).toHaveAttribute('state', 'loading');
      await expect(sent().calls).toHaveLength(0);
      await expect(cardsOf(el)).toHaveLength(3);
      await expect(shadow(el).querySelector('ul')).toHaveAttribute('aria-busy', 'true');
      await expect(view.getByRole('status')).toHaveTextContent('Loading papers…');
    });
    await step('scrolled near: one request, then the papers', async () => {
      el.scrollIntoView({ block: 'end' });
      await waitForState(el, 'loaded');
      const cards = await waitForCards(el, 3);
      await expect(titleOf(cards[0])).toContain(FEEDS.seed.first);
      await expect(sent().calls).toEqual([lazyFeed]);
    });
  },
};

/** The error state with `message` shown and announced, a visible Retry, and no paper cards. */
async function showsError(canvasElement: HTMLElement, message: string): Promise<void> {
  const el = await list(canvasElement);
  await waitForState(el, 'error');
  const view = within(shadow(el));
  await expect(shadow(el).querySelector('[part~="error"]')).toHaveTextContent(message);
  await expect(view.getByRole('status')).toHaveTextContent(message);
  await expect(view.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(visibleCards(el)).toHaveLength(0);
}

export const Timeout: Story = {
  name: 'Error: timeout',
  // The feed never answers; the list gives up after half a second.
  args: { src: timeoutFeed, timeout: 500 },
  play: ({ canvasElement }) => showsError(canvasElement, 'The feed took too long to answer. Try again in a moment.'),
};

export const NetworkError: Story = {
  name: 'Error: network or CORS',
  // The request is refused before any answer, as a fetch is when the server sends no CORS headers.
  args: { src: unreachableFeed },
  play: ({ canvasElement }) =>
    showsError(
      canvasElement,
      'The feed could not be reached. Check your connection and try again.',
    ),
};

export const HostileContent: Story = {
  name: 'Hostile content',
  args: { src: hostileFeed.url, heading: 'Papers from an untrusted feed' },
  beforeEach: fixedClock,
  play: async ({ canvasElement }) => {
    const el = await list(canvasElement);
    await waitForState(el, 'loaded');
    const cards = await waitForCards(el, hostileFeed.count);
    const root = shadow(el);
    // Markup in the feed is shown as the characters it is made of...
    await expect(titleOf(cards[0])).toBe('<img src=x onerror="window.pfPwned=true">Markup in a title stays text');
    await expect(visibleText(cards[0])).toContain('<script>window.pfPwned=true</script>');
    await expect(visibleText(cards[0])).toContain('<svg onload=alert(1)>');
    await expect(titleOf(cards[1])).toBe('</li></ul><a href="javascript:window.pfPwned=true">Breaking out of the list</a>');
    await expect(visibleText(cards[1])).toContain('An HTML abstract reads as text.');
    await expect(titleOf(cards[2])).toBe('A plain paper next to the hostile ones');
    // ...the list keeps its own shape (one item per paper)...
    await expect(root.querySelectorAll('[part~="list"] > li')).toHaveLength(hostileFeed.count);
    // ...and nothing it describes exists or runs: no element from the data, only http(s) URLs.
    await expect(deepAll(root, 'script, iframe, object, embed, img, b, [onload], [onerror], [onmouseover]')).toHaveLength(0);
    for (const node of deepAll(root, '[href], [src]')) {
      await expect(node.getAttribute('href') ?? node.getAttribute('src')).toMatch(/^https?:\/\//);
    }
    await expect(within(cards[2].shadowRoot as unknown as HTMLElement).getByRole('link')).toHaveAttribute(
      'href',
      'https://hostile.example.org/papers/plain',
    );
    await expect(window.pfPwned).toBeUndefined();
  },
};
