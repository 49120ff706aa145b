// Prop types shared by the JSX typings (types/react.d.ts, types/preact.d.ts).
import type {
  PaperfeedCard,
  PaperfeedList,
  PaperfeedSubscribe,
  ListLoadDetail,
  ListErrorDetail,
  PaperfeedSubscribeEvent,
  PaperfeedSubscribedEvent,
  PaperfeedSubscribeErrorEvent,
} from 'paperfeed';

/** Public, writable properties of an element, minus everything it inherits from HTMLElement. */
type OwnProps<E> = Partial<Omit<E, keyof HTMLElement | 'state' | 'render' | 'reload'>>;

interface CommonProps {
  id?: string;
  class?: string;
  className?: string;
  slot?: string;
  hidden?: boolean;
  lang?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
  theme?: 'light' | 'dark' | 'auto';
  'heading-level'?: number | string;
  children?: unknown;
  ref?: unknown;
  key?: string | number;
}

export interface PaperfeedCardProps extends OwnProps<PaperfeedCard>, CommonProps {}

export interface PaperfeedListProps extends Omit<OwnProps<PaperfeedList>, 'limit' | 'timeout' | 'refresh'>, CommonProps {
  limit?: number | string;
  timeout?: number | string;
  refresh?: number | string;
  'no-toolbar'?: boolean;
  'no-periods'?: boolean;
  /** React 19 and Preact add a listener for the event named after `on`. */
  onloadstart?: (event: Event) => void;
  onload?: (event: CustomEvent<ListLoadDetail>) => void;
  onerror?: (event: CustomEvent<ListErrorDetail>) => void;
  onloadend?: (event: Event) => void;
}

export interface PaperfeedSubscribeProps extends Omit<OwnProps<PaperfeedSubscribe>, 'timeout'>, CommonProps {
  timeout?: number | string;
  'button-label'?: string;
  'success-message'?: string;
  'onpaperfeed-subscribe'?: (event: PaperfeedSubscribeEvent) => void;
  'onpaperfeed-subscribed'?: (event: PaperfeedSubscribedEvent) => void;
  'onpaperfeed-subscribe-error'?: (event: PaperfeedSubscribeErrorEvent) => void;
}

export interface PaperfeedIntrinsicElements {
  'paperfeed-card': PaperfeedCardProps;
  'paperfeed-list': PaperfeedListProps;
  'paperfeed-subscribe': PaperfeedSubscribeProps;
}
