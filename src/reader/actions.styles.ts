import { css } from 'lit';
import { mathStyles } from './math.styles.js';
import { newBadgeStyles } from './badge.styles.js';

export { newBadgeStyles };

/** Styles for the actions row, the Cite popover and the New badge; add to the host's `static styles`. */
export const readerStyles = [
  mathStyles,
  newBadgeStyles,
  css`
  .pf-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin-block-start: 0.5em;
  }
  .pf-actions button {
    font: inherit;
    font-size: 0.875em;
    color: inherit;
    background: transparent;
    border: 1px solid color-mix(in srgb, currentColor 40%, transparent);
    border-radius: 0.375em;
    padding: 0.2em 0.7em;
    cursor: pointer;
  }
  .pf-actions button:hover {
    background: color-mix(in srgb, currentColor 8%, transparent);
  }
  .pf-actions button:focus-visible,
  .pf-cite button:focus-visible,
  .pf-cite textarea:focus-visible {
    outline: 2px solid var(--_accent, var(--paperfeed-accent, currentColor));
    outline-offset: 2px;
  }
  .pf-actions button[aria-pressed='true'] {
    background: color-mix(in srgb, var(--_accent, var(--paperfeed-accent, currentColor)) 18%, transparent);
    border-color: var(--_accent, var(--paperfeed-accent, currentColor));
  }
  .pf-actions-status {
    font-size: 0.875em;
  }
  .pf-actions-status:empty {
    display: none;
  }
  .pf-cite {
    color: CanvasText;
    background: Canvas;
    border: 1px solid color-mix(in srgb, CanvasText 30%, transparent);
    border-radius: 0.5em;
    padding: 0.75em;
    max-inline-size: min(36em, 90vw);
    /* Next to its Cite button where anchor positioning exists; centred by the UA otherwise. */
    position-area: block-end span-inline-end;
    position-try-fallbacks: flip-block;
    margin: 0.25em;
  }
  .pf-cite-buttons {
    display: flex;
    gap: 0.5em;
    flex-wrap: wrap;
    margin-block-end: 0.5em;
  }
  .pf-cite label {
    display: block;
    font-size: 0.875em;
  }
  .pf-cite textarea {
    display: block;
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 9em;
    margin-block-start: 0.25em;
    font-family: ui-monospace, monospace;
    font-size: 0.8125em;
    color: inherit;
    background: transparent;
  }
  @media (prefers-reduced-motion: no-preference) {
    .pf-actions button {
      transition: background-color 120ms ease;
    }
  }
`,
];
