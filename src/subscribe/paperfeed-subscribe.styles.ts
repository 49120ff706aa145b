import { css } from 'lit';

// Public custom properties are read once into private `--_x` names; rules use only those.
// Logical properties throughout, so the form mirrors under `dir="rtl"`.
export const subscribeStyles = css`
  :host {
    --_padding: var(--paperfeed-subscribe-padding, 1.25rem);
    --_gap: var(--paperfeed-subscribe-gap, 0.75rem);
    --_box-bg: var(--paperfeed-subscribe-background, var(--_bg));
    --_box-border: var(--paperfeed-subscribe-border, 1px solid var(--_border));
    --_button-bg: var(--paperfeed-subscribe-button-background, var(--_accent));
    --_button-fg: var(--paperfeed-subscribe-button-color, color-mix(in srgb, var(--_button-bg) 12%, black));
    --_field-border: color-mix(in srgb, currentColor 50%, transparent);
    --_error: var(--paperfeed-error-color, light-dark(#b3261e, #ffb4ab));
    --_success: var(--paperfeed-success-color, light-dark(#146c2e, #7dd99a));
  }

  form {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    padding: var(--_padding);
    color: var(--_fg);
    background: var(--_box-bg);
    border: var(--_box-border);
    border-radius: var(--_radius);
    text-align: start;
  }

  .heading {
    margin: 0;
    font-size: 1.125rem;
    line-height: 1.3;
  }

  .description {
    color: var(--_muted);
  }
  [hidden] {
    display: none !important;
  }
  .description ::slotted(*) {
    margin: 0;
  }

  label {
    font-weight: 600;
    font-size: 0.875em;
    margin-block-end: calc(var(--_gap) * -0.5);
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  input {
    flex: 1 1 14rem;
    min-inline-size: 0;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_field-border);
    border-radius: 0.5rem;
  }
  input[aria-invalid='true'] {
    border-color: var(--_error);
  }

  button {
    flex: none;
    padding-block: 0.5rem;
    padding-inline: 1.25rem;
    color: var(--_button-fg);
    background: var(--_button-bg);
    border: 1px solid transparent;
    border-radius: 0.5rem;
    font-weight: 600;
    cursor: pointer;
  }
  button:hover {
    background: color-mix(in srgb, var(--_button-bg) 88%, black);
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }

  input:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  /* Never display:none while empty: a live region must already be in the accessibility tree when
     its message arrives, or screen readers skip it. One line is reserved so nothing jumps either. */
  .status {
    min-block-size: 1.45em;
    font-size: 0.875em;
  }
  .status.invalid,
  .status.error {
    color: var(--_error);
  }
  .status.success {
    color: var(--_success);
    font-weight: 600;
  }

  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
  }
`;
