// Type-level test (checked by `npm run typecheck:jsx`, never run): Vue 3's GlobalComponents know
// the elements' props, standard attributes and typed event handlers, and reject wrong props.
import type {} from 'paperfeed/vue';
import type { GlobalComponents } from 'vue';
import type { Paper } from 'paperfeed';

declare const paper: Paper;
type PropsOf<K extends keyof GlobalComponents> = InstanceType<GlobalComponents[K]>['$props'];

export const card: PropsOf<'paperfeed-card'> = { paper, variant: 'compact', 'heading-level': 3, class: 'c', style: { color: 'red' }, id: 'x', tabindex: 0, title: 't', onClick: (e: MouseEvent) => e.clientX };
export const list: PropsOf<'paperfeed-list'> = { src: '/feed.json', limit: 10, layout: 'grid', onLoad: (e) => e.detail.papers.length, onError: (e) => e.detail.error.kind };
export const subscribe: PropsOf<'paperfeed-subscribe'> = { action: '/api', 'onPaperfeed-subscribed': (e) => e.detail };

// @ts-expect-error: variant is full | compact
export const badVariant: PropsOf<'paperfeed-card'> = { variant: 'wide' };
// @ts-expect-error: paper must be a Paper
export const badPaper: PropsOf<'paperfeed-card'> = { paper: 'nope' };
// @ts-expect-error: layout is list | grid | compact
export const badLayout: PropsOf<'paperfeed-list'> = { layout: 'table' };
// @ts-expect-error: a load detail has papers, not items
export const badDetail: PropsOf<'paperfeed-list'> = { onLoad: (e) => e.detail.items };
// @ts-expect-error: no such prop
export const unknownProp: PropsOf<'paperfeed-card'> = { pape: paper };
