import type { FeedFormat } from '../feed/paper.js';
import type { ListSort } from './controllers/filter.js';

// The values `<paperfeed-list>`'s attributes accept, and their defaults.

export type ListLayout = 'list' | 'grid' | 'compact';

export const FORMATS: readonly FeedFormat[] = ['auto', 'hf', 'jsonfeed', 'rss', 'atom'];
export const LAYOUTS: readonly ListLayout[] = ['list', 'grid', 'compact'];
export const SORTS: readonly ListSort[] = ['feed', 'trending', 'date', 'upvotes'];
export const DEFAULT_LIMIT = 30;
export const DEFAULT_HEADING_LEVEL = 2;

/** The card parts a page can style through the list, as `card-<part>`. */
export const CARD_PARTS =
  'card, title: card-title, authors: card-authors, summary: card-summary, meta: card-meta, links: card-links, thumbnail: card-thumbnail, tags: card-tags, toggle: card-toggle, actions: card-actions, cite: card-cite, new: card-new';

/** A number attribute; a removed attribute reads as undefined (the default), junk as NaN (normalized by the reader). */
export const numberAttribute = { fromAttribute: (value: string | null) => (value === null ? undefined : Number(value)) };
