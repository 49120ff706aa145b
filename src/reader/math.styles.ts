import { css } from 'lit';

/** The visually-hidden class the formulas' readings use; add to the host's `static styles` (also in `readerStyles`). */
export const mathStyles = css`
  .pf-sr {
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
  math[display='block'] {
    margin-block: 0.25em;
  }
`;
