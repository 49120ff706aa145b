// German card texts for stories and tests: a plain module (no Vite `?raw` imports), so the browser
// tests can import it too.
import type { CardStrings } from '../src/card/strings.js';

/** Every card text in German: a page sets these on a card (or on its list, which hands them to its cards). */
export const germanCardStrings: CardStrings = {
  showMore: 'Mehr anzeigen',
  showLess: 'Weniger anzeigen',
  moreAuthors: '+ {n} weitere',
  moreTags: '+ {n} weitere',
  authors: { one: '{n} Autor', other: '{n} Autoren' },
  upvotes: { one: '{n} Stimme', other: '{n} Stimmen' },
  comments: { one: '{n} Kommentar', other: '{n} Kommentare' },
  submittedBy: 'Eingereicht von {name}',
  aiSummary: 'KI-Zusammenfassung',
  arxiv: 'arXiv',
  pdf: 'PDF',
  code: 'Quellcode',
  codeStars: { one: 'Quellcode, {n} Stern', other: 'Quellcode, {n} Sterne' },
  project: 'Projektseite',
  links: 'Verweise',
  tags: 'Schlagwörter',
  thumbnailAlt: '',
};
