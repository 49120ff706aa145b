// The reader features: citations, saved papers, math, metadata, "new since last visit".
// Each module is importable on its own so a page pays only for what it uses.
export * from './bibtex.js';
export { copyText } from './clipboard.js';
export * from './saved.js';
export * from './metadata.js';
export * from './last-visit.js';
export * from './actions.js';
export { readerStyles } from './actions.styles.js';
export * from './events.js';
export { readerStrings, type ReaderStringKey } from './strings.js';
export { PaperfeedActions } from './paperfeed-actions.js';
// math.ts is left out on purpose: import 'paperfeed/…/reader/math.js' where math is wanted.
