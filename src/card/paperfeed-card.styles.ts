import { css } from 'lit';

// Public custom properties are read once, here, into private `--_x` names (Material Web's pattern);
// every rule below uses only the private ones. Logical properties throughout, so `dir="rtl"` works.
export const cardStyles = css`
  :host {
    --_padding: var(--paperfeed-card-padding, 1rem);
    --_gap: var(--paperfeed-card-gap, 0.5rem);
    --_card-bg: var(--paperfeed-card-background, var(--_bg));
    --_card-border: var(--paperfeed-card-border, 1px solid var(--_border));
    --_card-radius: var(--paperfeed-card-radius, var(--_radius));
    --_shadow: var(--paperfeed-card-shadow, none);
    --_title-size: var(--paperfeed-card-title-size, 1.0625rem);
    --_lines: var(--paperfeed-card-summary-lines, 3);
    --_ratio: var(--paperfeed-card-thumbnail-ratio, 16 / 9);
    --_chip-bg: color-mix(in srgb, currentColor 7%, transparent);
    --_avatar: var(--paperfeed-card-avatar-size, 1.25rem);
  }

  .card {
    display: flex;
    flex-direction: column;
    overflow: hidden;
    color: var(--_fg);
    background: var(--_card-bg);
    border: var(--_card-border);
    border-radius: var(--_card-radius);
    box-shadow: var(--_shadow);
    line-height: 1.45;
    text-align: start;
  }

  .body {
    /* Skeletons only: a card with a paper is as tall as its content (issue 12: reserving this for
       every card left 85-163 px of blank box under most demo papers).
       Reserved block size: a typical paper (2 title lines, authors, meta, a clamped abstract and its
       toggle, keywords, one row of links), summed from the rows' line heights (font size x
       line-height; 1.26875em: 0.875em text, 1.178125em: 0.8125em text) plus chip and link padding
       and borders. Narrow cards count title lines (--_rt), small lines (--_rs) and rows of links
       (--_rl) differently. */
    /* prettier-ignore */
    --_reserve: calc(2*var(--_padding) + var(--_rt, 2)*1.3*var(--_title-size) + var(--_rs, 3)*1.26875em + var(--_lines)*1.45em + 1.178125em + 0.25rem + var(--_rl, 1)*(1.178125em + 0.875rem + 2px) - 0.375rem + 6*var(--_gap));
    flex: 1;
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    padding: var(--_padding);
    min-inline-size: 0;
  }
  /* Only inside a size container (every card of <paperfeed-list>): a skeleton placed alone is its bones. */
  @container (min-width: 0) {
    .skeleton .body {
      min-block-size: var(--_reserve);
    }
  }
  /* Narrow (grid columns, phones): titles wrap once more, links take two rows. With natural card
     heights the skeleton aims at the median card: at 300 px the fixture and real HF papers measure
     526 px (median), and four small lines here made 553. */
  @container (width < 40rem) {
    .body {
      --_rt: 3;
      --_rs: 3;
      --_rl: 2;
    }
  }
  p,
  ul {
    margin: 0;
  }

  a {
    color: inherit;
    text-underline-offset: 0.15em;
  }

  a:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
    border-radius: 0.25rem;
  }

  /* Thumbnail: the box keeps the ratio before the image arrives, so nothing moves. */
  .thumbnail-box {
    aspect-ratio: var(--_ratio);
    inline-size: 100%;
    background: var(--_chip-bg);
    overflow: hidden;
  }
  .thumbnail-box img {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }

  /* Wide: the thumbnail becomes a column at the start, beside the text, as on a wide list page. */
  @container (width >= 40rem) {
    .card {
      flex-direction: row;
    }
    .thumbnail-box {
      flex: none;
      align-self: start;
      inline-size: min(30%, 16rem);
      margin: var(--_padding);
      margin-inline-end: 0;
      border-radius: calc(var(--_card-radius) / 2);
    }
  }

  /* Title with Hugging Face's upvote box at its start. The box comes after the heading in the DOM,
     so a screen reader meets the title first ("Title", then "87 upvotes"). */
  .head {
    display: flex;
    align-items: flex-start;
    gap: 0.75rem;
  }
  .head .title {
    flex: 1;
    min-inline-size: 0;
  }
  .upvotes {
    order: -1;
    flex: none;
    display: flex;
    flex-direction: column;
    align-items: center;
    min-inline-size: 2.75rem;
    margin: 0;
    padding-block: 0.3rem;
    padding-inline: 0.4rem;
    border: 1px solid var(--_border);
    border-radius: 0.5rem;
    font-size: 0.9375em;
    font-weight: 600;
    line-height: 1.2;
    font-variant-numeric: tabular-nums;
  }
  .upvotes .icon {
    inline-size: 0.8em;
    block-size: 0.8em;
    color: var(--_accent);
  }

  .title {
    margin: 0;
    font-size: var(--_title-size);
    font-weight: 600;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  .title a {
    text-decoration: none;
  }
  .title a:hover {
    text-decoration: underline;
  }

  .authors,
  .meta {
    color: var(--_muted);
    font-size: 0.875em;
  }

  /* "+ 1 more" never breaks after its "+". */
  .more {
    white-space: nowrap;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
  }
  .comments,
  .submitter,
  .organization {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-inline-size: 0;
  }
  .comments {
    gap: 0.25rem;
  }

  /* Avatars: a fixed box before the image arrives (img width/height say the same), round for people,
     rounded squares for organizations as on Hugging Face. */
  .avatar {
    flex: none;
    inline-size: var(--_avatar);
    block-size: var(--_avatar);
    border-radius: 50%;
    object-fit: cover;
    background: var(--_chip-bg);
  }
  .avatar.org {
    border-radius: 0.25rem;
  }
  .avatar.initial {
    display: inline-grid;
    place-items: center;
    /* Tinted with the accent so the letter reads as an avatar, not a stray character. */
    background: color-mix(in srgb, var(--_accent) 28%, var(--_card-bg));
    color: var(--_fg);
    font-size: calc(var(--_avatar) * 0.55);
    font-weight: 600;
    line-height: 1;
  }
  .icon {
    inline-size: 0.75em;
    block-size: 0.75em;
    flex: none;
  }
  .stars .icon {
    color: var(--_accent);
  }

  .ai-summary {
    padding-block: 0.375rem;
    padding-inline: 0.625rem;
    border-inline-start: 3px solid var(--_accent);
    border-radius: 0.25rem;
    background: var(--_chip-bg);
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  .ai-summary .label {
    font-weight: 600;
    margin-inline-end: 0.25rem;
  }

  .summary {
    overflow-wrap: anywhere;
  }
  .summary.clamped {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--_lines);
    line-clamp: var(--_lines);
    overflow: hidden;
  }

  .toggle {
    align-self: start;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font-weight: 600;
    font-size: 0.875em;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }

  .tags,
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    padding: 0;
    list-style: none;
    font-size: 0.8125em;
  }
  .tags li {
    padding-block: 0.125rem;
    padding-inline: 0.5rem;
    border-radius: 999px;
    background: var(--_chip-bg);
  }
  .tags li.more {
    background: none;
    color: var(--_muted);
  }
  .links a {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    padding-block: 0.25rem;
    padding-inline: 0.625rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    text-decoration: none;
  }
  .links a:hover {
    border-color: var(--_accent);
  }
  .stars {
    display: inline-flex;
    align-items: center;
    gap: 0.2rem;
    color: var(--_muted);
  }


  /* Compact: one tight block, no thumbnail, no abstract. */
  :host([variant='compact']) .body {
    --_reserve: calc(1.5*var(--_padding) + 1.3*var(--_title-size) + 2.5375em + 0.5rem);
    gap: 0.25rem;
    padding: calc(var(--_padding) * 0.75);
  }
  /* Narrow columns: compact titles of real HF feeds mostly take two lines (median at 358 px: 141 px
     tall, a quarter at 119 px or less; measured on the fixture and real HF papers). */
  @container (width < 40rem) {
    :host([variant='compact']) .body {
      --_reserve: calc(1.5*var(--_padding) + 2*1.3*var(--_title-size) + 2.5375em + 0.5rem);
    }
  }
  /* The upvote box on one line ("▲ 87"), no taller than the title's first line. */
  :host([variant='compact']) .head {
    gap: 0.5rem;
  }
  :host([variant='compact']) .upvotes {
    flex-direction: row;
    gap: 0.25rem;
    min-inline-size: 0;
    padding-block: 0.05rem;
    padding-inline: 0.375rem;
    font-size: 0.875em;
  }

  /* Skeleton: each bone is one line box of its row's font (1lh), drawn about 1em tall; the reserved
     size above makes the skeleton as tall as a typical card. A gentle pulse unless motion is reduced. */
  .bone {
    display: block;
    background: var(--_chip-bg);
    border-radius: 0.25rem;
  }
  .body .bone {
    block-size: 1lh;
    scale: 1 0.7;
  }
  .short {
    inline-size: 60%;
  }
  /* <paperfeed-list> sets --_skeleton-thumbnail: none when its feed brings no thumbnails (arXiv):
     the skeleton then promises none, which matters where the thumbnail sits above the text. */
  .skeleton .thumbnail-box {
    display: var(--_skeleton-thumbnail, block);
  }
  /* A list pauses the pulse of the skeletons it keeps hidden for their room (empty or failed feed). */
  .skeleton .bone {
    animation: pulse 1.6s ease-in-out infinite;
    animation-play-state: var(--_skeleton-pulse, running);
  }
  @keyframes pulse {
    50% {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton .bone {
      animation: none;
    }
  }

  @media (forced-colors: active) {
    .card {
      border: 1px solid CanvasText;
    }
    .bone {
      background: GrayText;
    }
  }
`;
