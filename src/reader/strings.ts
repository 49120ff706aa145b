import type { Strings } from '../internal/strings.js';

export type ReaderStringKey =
  | 'actions'
  | 'cite'
  | 'citeDialog'
  | 'copyBibtex'
  | 'copyText'
  | 'bibtex'
  | 'copiedBibtex'
  | 'copiedText'
  | 'copyFailed'
  | 'save'
  | 'saved'
  | 'savedMessage'
  | 'removedMessage'
  | 'newBadge'
  | 'newCount'
  | 'newCountOne'
  | 'exportBibtex'
  | 'exportJson'
  | 'savedEmpty';

/** English defaults; `{title}` and `{n}` are filled in. Override any of them with a `strings` object. */
export const readerStrings: Strings<ReaderStringKey> = {
  actions: 'Actions for {title}',
  cite: 'Cite',
  citeDialog: 'Cite {title}',
  copyBibtex: 'Copy BibTeX',
  copyText: 'Copy plain text',
  bibtex: 'BibTeX entry',
  copiedBibtex: 'BibTeX entry copied.',
  copiedText: 'Citation copied.',
  copyFailed: 'Could not copy. Select the entry and copy it yourself.',
  save: 'Save',
  saved: 'Saved',
  savedMessage: 'Saved for later.',
  removedMessage: 'Removed from saved papers.',
  newBadge: 'New',
  newCount: '{n} new since your last visit',
  newCountOne: '1 new since your last visit',
  exportBibtex: 'Export BibTeX',
  exportJson: 'Export JSON',
  savedEmpty: 'No saved papers yet. Use “Save” on a paper to keep it here.',
};
