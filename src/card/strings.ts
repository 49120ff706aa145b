import { isPluralText, type PluralText } from '../internal/format.js';

/**
 * Every text `<paperfeed-card>` writes itself, besides the paper's own. Replace any of them through
 * the card's `strings` property, or through `<paperfeed-list>`'s `strings`, which hands the same
 * object to its cards: keys the card does not know are ignored, so one record can hold the texts
 * of the list, its cards and the subscribe form. Card keys are named for the card's content
 * (`upvotes`, `submittedBy`, `showMore`) and no list or subscribe key has the same name.
 *
 * Placeholders: `{n}` is a count written in the element's language (`1.234` in German), `{name}`
 * a person or organization, `{title}` the paper's title. A text with `{n}` is a `PluralText`: one
 * template, or one per `Intl.PluralRules` category of the language (`{ one, other }` in English and
 * German, `{ one, few, many, other }` in Polish), `other` required. The language is the nearest
 * `lang` attribute up the tree.
 */
export interface CardStrings {
  /** The abstract's toggle while folded. */
  showMore: string;
  /** The abstract's toggle while unfolded. */
  showLess: string;
  /** After the first named authors: "+ {n} more". */
  moreAuthors: PluralText;
  /** After the first keywords of a folded card: "+ {n} more". */
  moreTags: PluralText;
  /** When only an author count is known: "{n} authors". */
  authors: PluralText;
  /** Spoken text of the upvote box (which shows the number only): "{n} upvotes". */
  upvotes: PluralText;
  /** Spoken text of the comment count: "{n} comments". */
  comments: PluralText;
  /** Who put the paper on Hugging Face's daily list; `{name}` becomes their name (a link to their profile). */
  submittedBy: string;
  /** Heading of the short machine-written summary shown with the `ai-summary` attribute. */
  aiSummary: string;
  arxiv: string;
  pdf: string;
  code: string;
  /** Accessible name of the Code link when stars are known: "Code, {n} stars". */
  codeStars: PluralText;
  project: string;
  /** Accessible name of the links list. */
  links: string;
  /** Accessible name of the keyword list. */
  tags: string;
  /**
   * Alternative text of the thumbnail; `{title}` is the paper's title. Empty by default: the image
   * sits next to the title it would repeat, so screen readers skip it.
   */
  thumbnailAlt: string;
}

/** The card's English texts. */
export const defaultCardStrings: CardStrings = {
  showMore: 'Show more',
  showLess: 'Show less',
  moreAuthors: '+ {n} more',
  moreTags: '+ {n} more',
  authors: { one: '{n} author', other: '{n} authors' },
  upvotes: { one: '{n} upvote', other: '{n} upvotes' },
  comments: { one: '{n} comment', other: '{n} comments' },
  submittedBy: 'Submitted by {name}',
  aiSummary: 'AI summary',
  arxiv: 'arXiv',
  pdf: 'PDF',
  code: 'Code',
  codeStars: { one: 'Code, {n} star', other: 'Code, {n} stars' },
  project: 'Project page',
  links: 'Links',
  tags: 'Keywords',
  thumbnailAlt: '',
};

/** Keys whose text may vary with a count; the others accept plain strings only. */
const PLURAL_KEYS = new Set<keyof CardStrings>(['moreAuthors', 'moreTags', 'authors', 'upvotes', 'comments', 'codeStars']);

/**
 * `overrides` over the English defaults. Only known keys with a usable value are taken (a string,
 * or for a count text a `{ other, ... }` record of strings): a page may pass JSON it did not write,
 * and a missing or junk key must fall back to English, never render `undefined`.
 */
export function cardStrings(overrides: unknown): CardStrings {
  if (!overrides || typeof overrides !== 'object') return defaultCardStrings;
  const merged: Record<string, unknown> = { ...defaultCardStrings };
  for (const key of Object.keys(defaultCardStrings) as (keyof CardStrings)[]) {
    const value = (overrides as Record<string, unknown>)[key];
    if (typeof value === 'string' || (PLURAL_KEYS.has(key) && isPluralText(value))) merged[key] = value;
  }
  return merged as unknown as CardStrings;
}
