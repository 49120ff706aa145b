import { css } from 'lit';

/**
 * Shared by every element: block box, `hidden` wins, the host page's font, and the colour scheme.
 * `theme="auto"` sets no `color-scheme`: the inherited one is the page's, so Canvas/CanvasText are
 * dark only on a page that declares it supports dark (`color-scheme: light dark`), never on a light
 * page just because the reader's OS is dark.
 * `--paperfeed-accent` is mapped once to the private `--_accent`; `--_focus` colours focus rings.
 * No global reduced-motion reset: each animation stops itself (the card's skeleton pulse), since an
 * `animation-duration: 0.01ms !important` on `*` turns an infinite animation, ours or one a page adds
 * through `::part`, into a flicker. No `::before`/`::after` in the box-sizing rule: no element has any.
 */
export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    --_accent: var(--paperfeed-accent, #ff9d00);
    --_fg: var(--paperfeed-color, CanvasText);
    --_bg: var(--paperfeed-background, Canvas);
    --_muted: var(--paperfeed-muted, color-mix(in srgb, currentColor 62%, transparent));
    --_border: var(--paperfeed-border-color, color-mix(in srgb, currentColor 18%, transparent));
    --_radius: var(--paperfeed-radius, 0.75rem);
    /* The accent is often too light for a 3:1 focus ring; mixed with the text colour it keeps the
       hue and passes on light and dark backgrounds. */
    --_focus: var(--paperfeed-focus-color, color-mix(in srgb, var(--_accent) 45%, CanvasText));
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none !important;
  }
  * {
    box-sizing: inherit;
  }
  button,
  input {
    font: inherit;
  }
  /* Not shown, still read by screen readers: labels only assistive tech needs. The subscribe
     honeypot uses the same box (with aria-hidden): bots skip display:none fields, not this one. */
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;
