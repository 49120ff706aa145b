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

// Every standard HTML attribute and event prop, typed as React types them.
export const standard = (
  <paperfeed-list
    id="papers"
    className="feed"
    style={{ marginBlock: '1rem', ['--paperfeed-accent' as string]: 'teal' }}
    tabIndex={-1}
    title="Papers"
    hidden={false}
    slot="main"
    lang="en"
    dir="ltr"
    aria-label="Today's papers"
    data-testid="list"
    role="region"
    onClick={(e) => e.currentTarget.reload()}
    onKeyDown={(e) => e.key}
    onFocus={(e) => e.target}
    ref={(el) => el?.reload()}
    key="a"
    src="/feed.json"
  >
    <h2 slot="header">Papers</h2>
  </paperfeed-list>
);
export const cardStandard = <paperfeed-card className="c" style={{ maxWidth: 600 }} tabIndex={0} onMouseEnter={() => {}} paper={paper} expanded />;
export const subscribeStandard = <paperfeed-subscribe id="s" className="x" onClick={(e) => e.clientX} heading="News" />;

// @ts-expect-error: layout is list | grid | compact
export const badLayoutFirst = <paperfeed-list layout="table" />;
// @ts-expect-error: style is an object in React, not a string
export const badStyle = <paperfeed-list style="color: red" />;
// @ts-expect-error: tabIndex is a number
export const badTabIndex = <paperfeed-card tabIndex={{}} />;
// @ts-expect-error: onClick takes a function
export const badClick = <paperfeed-card onClick="alert(1)" />;
// @ts-expect-error: no such prop
export const unknownProp = <paperfeed-card pape={paper} />;
// @ts-expect-error: variant is full | compact
export const badVariant = <paperfeed-card variant="wide" />;
// @ts-expect-error: layout is list | grid | compact
export const badLayout = <paperfeed-list layout="table" />;
// @ts-expect-error: paper must be a Paper
export const badPaper = <paperfeed-card paper="nope" />;
