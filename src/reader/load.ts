// Where the elements get their reader code from. In the npm modules these are dynamic imports, so a
// page whose cards and lists use no `cite`, `save`, `math` or `view="saved"` never loads them. The
// CDN build swaps this file for load.static.ts (an alias in vite.config.ts): its one file carries
// them, because Rolldown would otherwise split Lit out of it into a second file the page must load.
export const loadActions = () => import('./actions.js');
export const loadMath = () => import('./math.js');
