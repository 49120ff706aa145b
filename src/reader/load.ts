// Where the elements get their reader code from: dynamic imports, so a page whose cards and lists
// use no `cite`, `save`, `math` or `view="saved"` never loads them (in the npm modules and in the
// CDN build, where each becomes a chunk beside the shared one).
export const loadActions = () => import('./actions.js');
export const loadMath = () => import('./math.js');
