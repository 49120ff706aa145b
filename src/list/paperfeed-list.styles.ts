import { css } from 'lit';

// Logical properties throughout (inline/block, not left/right) so `dir="rtl"` needs no extra rules.
export const styles = css`
  :host {
    --_gap: var(--paperfeed-list-gap, 1rem);
    --_column: var(--paperfeed-list-column-width, 18rem);
    color: var(--_fg);
  }
  /* A forced theme paints its own background: the heading, labels, status and period bar are the
     list's text, and white-on-white (theme="dark" on a light page) or the mirror is unreadable. The
     cards paint their own already. \`auto\` keeps the page's background (test/list-states.test.ts). */
  :host([theme='light']),
  :host([theme='dark']) {
    background: var(--_bg);
    padding: var(--paperfeed-list-padding, 1rem);
    border-radius: var(--_radius);
  }

  /* While the first load runs the search box, sort menu and period bar keep their room, unseen and
     inert: the cards arriving then do not push the page. An empty or failed list that never showed
     a paper renders none of them (nothing to search). */
  .controls.reserved {
    visibility: hidden;
  }

  .header {
    margin-block-end: 0.75rem;
  }
  .heading {
    margin: 0;
    font-size: 1.375em;
    font-weight: 700;
    line-height: 1.25;
  }

  .toolbar,
  .periods {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem 1rem;
    margin-block-end: var(--_gap);
  }
  .periods {
    align-items: center;
    justify-content: space-between;
  }
  .views,
  .steps {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem;
  }
  .period-label {
    min-inline-size: 10ch;
    text-align: center;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .field.search {
    flex: 1 1 14rem;
  }
  input,
  select,
  button {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding-block: 0.375rem;
    padding-inline: 0.625rem;
    min-block-size: 2.25rem;
  }
  button {
    cursor: pointer;
  }
  button:hover:not([aria-disabled='true']) {
    background: color-mix(in srgb, currentColor 8%, var(--_bg));
  }
  /* aria-disabled, not disabled: a busy or last control keeps focus (and says why it does nothing). */
  button[aria-disabled='true'] {
    cursor: default;
    opacity: 0.55;
  }
  button[aria-pressed='true'] {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 22%, var(--_bg));
    font-weight: 600;
  }
  :is(input, select, button, li):focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  :host([layout='compact']) .list {
    gap: calc(var(--_gap) / 2);
  }
  /* Cards rendering behind the skeletons (PaceController's staging). */
  .list[hidden] {
    display: none !important;
  }
  :host([layout='grid']) .list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_column)), 1fr));
    /* Each card as tall as its content: stretched to its row's tallest, a short paper carried a
       blank box (issue 12: at most one line of slack in any layout). */
    align-items: start;
  }
  li {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
    border-radius: var(--_radius);
  }
  /* Cards past the first screenful (the skeletons the list measured to fit in a screen) skip layout
     and paint until scrolled near (bench/render.mjs: 1,000 cards went from 1.91x to about 1.05x of a
     plain-DOM renderer), at a typical card's placeholder height. The first cards are left out: a new
     item is first laid out at its placeholder size, which would shift the text below a short list
     (bench/cls.mjs). \`auto\` remembers a card's real height once it has been seen. */
  li.later {
    content-visibility: auto;
    contain-intrinsic-size: auto 20rem;
  }
  :host([layout='compact']) li.later {
    contain-intrinsic-size: auto 8rem;
  }
  /* A size container: the card lays itself out for its own width (thumbnail column when wide) and
     reserves the skeleton's height (src/card/paperfeed-card.styles.ts). */
  li > paperfeed-card {
    flex: 1;
    container-type: inline-size;
  }

  /* arXiv feeds never carry thumbnails: the skeleton cards promise none (src/card/paperfeed-card.styles.ts). */
  :host([src*='arxiv.org' i]) {
    --_skeleton-thumbnail: none;
  }

  /* The skeletons keep room for the "Load more" row that a feed longer than \`limit\` brings (its
     margin and a button of the inherited line height), so it does not push the text below. Padding,
     not margin: a margin would collapse with the next element's on the host page. */
  slot > .list {
    padding-block-end: calc(var(--_gap) + max(2.25rem, 1lh + 0.75rem + 2px));
  }

  /* The empty and error box: the size of its message (and Retry), not of the skeletons it replaces.
     Issue 12: keeping six skeletons' height made a failed feed 2,101 px tall on a desktop and
     3,835 px on a phone. The shift this costs on the rare failure is measured in bench/cls.mjs. */
  .message {
    padding-block: 1.25rem;
    padding-inline: 1rem;
    text-align: center;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .message-body {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.75rem;
  }
  .error-text {
    margin: 0;
  }
  .more {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.5rem;
    margin-block-start: var(--_gap);
  }

`;
