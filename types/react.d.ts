// JSX typings for React 19: `import type {} from 'paperfeed/react';` once in your app.
//
// Each element takes every standard HTML attribute and event prop React knows (`style`,
// `className`, `id`, `tabIndex`, `title`, `hidden`, `slot`, `onClick`, `aria-*`, `ref`, `key`, …),
// typed as React types them, plus its own properties and attributes (types/elements.d.ts).
// React 19 sets a custom element's props as properties when the element has one of that name
// (`paper`, `papers`, `strings`), else as attributes, and `on<event>` props add listeners for
// `<event>` exactly as written (`onload` → `load`, `onpaperfeed-subscribed`).
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { PaperfeedCard, PaperfeedList, PaperfeedSubscribe } from 'paperfeed';
import type { PaperfeedCardProps, PaperfeedListProps, PaperfeedSubscribeProps } from './elements.js';

/** React's props for an HTML element `E` (as React types them), plus the element's own props `P`. */
type ReactElementProps<E extends HTMLElement, P> = DetailedHTMLProps<HTMLAttributes<E>, E> &
  Omit<P, keyof DetailedHTMLProps<HTMLAttributes<E>, E>>;

export type PaperfeedCardReactProps = ReactElementProps<PaperfeedCard, PaperfeedCardProps>;
export type PaperfeedListReactProps = ReactElementProps<PaperfeedList, PaperfeedListProps>;
export type PaperfeedSubscribeReactProps = ReactElementProps<PaperfeedSubscribe, PaperfeedSubscribeProps>;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'paperfeed-card': PaperfeedCardReactProps;
      'paperfeed-list': PaperfeedListReactProps;
      'paperfeed-subscribe': PaperfeedSubscribeReactProps;
    }
  }
}
