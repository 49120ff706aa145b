import type { Paper } from '../paper.js';

/** What every adapter returns before `loadFeed` wraps it into a FeedResult. */
export interface AdapterResult {
  papers: Paper[];
  /** The feed's own title, if it has one. */
  title?: string;
  /** Absolute URL of the next page, when the source pages. */
  next?: string;
  /** Items dropped because they were not objects or had no title. */
  skipped: number;
}

/** Where the body came from: `url` resolves relative links and builds the `next` page URL. */
export interface AdapterContext {
  url: string;
}
