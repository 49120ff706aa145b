import { css } from 'lit';
import { visuallyHiddenBox } from '../internal/host.styles.js';

/** The visually-hidden class the formulas' readings use; add to the host's `static styles` (also in `readerStyles`). */
export const mathStyles = css`
  .pf-sr {
    ${visuallyHiddenBox}
  }
  math[display='block'] {
    margin-block: 0.25em;
  }
`;
