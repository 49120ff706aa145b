// Type-level test (checked by `npm run typecheck:jsx`, never run): the README's npm example compiles,
// list events carry their detail types, and a transform may return partial papers.
import 'paperfeed/list.js';
import type { PaperInput, PaperfeedList } from 'paperfeed';

const list = document.querySelector('paperfeed-list')!;
export const typed: PaperfeedList = list;

list.addEventListener('load', (e) => console.log(e.detail.papers.length, 'papers'));
list.addEventListener('error', (e) => console.log(e.detail.error.kind, e.detail.error.message));
list.addEventListener('loadend', (e) => e.timeStamp);
list.addEventListener('click', (e) => e.clientX);
list.addEventListener('some-other-event', (e) => e.type);

// @ts-expect-error: a load detail has papers, not items
list.addEventListener('load', (e) => e.detail.items);
// @ts-expect-error: the error detail is a FeedError, whose kind is a string union, not a number
list.addEventListener('error', (e) => e.detail.error.kind === 1);

list.transform = (body) => (body as { items: { t: string; who: string[] }[] }).items.map((x) => ({ title: x.t, authors: x.who }));
export const input: PaperInput = { title: 'Only a title' };
// @ts-expect-error: a transform's papers need a title
export const untitled: PaperInput = { summary: 'no title' };
