import { css } from 'lit';

/** The "New" badge (part `new`): small, so a card carries it without loading the actions. */
export const newBadgeStyles = css`
  .pf-new {
    display: inline-block;
    font-size: 0.75em;
    font-weight: 600;
    padding: 0.05em 0.5em;
    border-radius: 1em;
    margin-inline-end: 0.4em;
    vertical-align: 0.1em;
    color: inherit;
    border: 1px solid currentColor;
    background: color-mix(in srgb, var(--_accent, var(--paperfeed-accent, currentColor)) 22%, transparent);
  }
`;
