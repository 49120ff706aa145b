// Type-level test (checked by `npm run typecheck:jsx`, never run): the React 19 typings accept
// the elements' real props and reject wrong ones.
import type {} from 'paperfeed/react';
import type { Paper } from 'paperfeed';

declare const paper: Paper;

export const ok = (
  <>
    <paperfeed-list src="/feed.json" limit={10} layout="grid" sort="upvotes" onload={(e) => e.detail.papers.length} />
    <paperfeed-card paper={paper} variant="compact" heading-level={4} />
    <paperfeed-subscribe action="/api/subscribe" encoding="form" onpaperfeed-subscribe={(e) => e.detail.email} />
  </>
);

// @ts-expect-error: layout is list | grid | compact
export const badLayout = <paperfeed-list layout="table" />;
// @ts-expect-error: paper must be a Paper
export const badPaper = <paperfeed-card paper="nope" />;
