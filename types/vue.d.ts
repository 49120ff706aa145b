// Vue 3 typings: `import type {} from 'paperfeed/vue';` once (e.g. in env.d.ts). Vue's language
// tools then check the props of <paperfeed-card>, <paperfeed-list> and <paperfeed-subscribe> in
// templates. Tell Vue's compiler they are custom elements:
//   app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('paperfeed-')
//   (with Vite: vue({ template: { compilerOptions: { isCustomElement: … } } }))
// Bind objects as properties: <paperfeed-card :paper.prop="paper" />; listen with @load, @error,
// @paperfeed-subscribed (the `detail` is typed through the `on…` props below).
import type { DefineComponent, HTMLAttributes, ReservedProps } from 'vue';
import type { ListErrorDetail, ListLoadDetail, PaperfeedSubscribeErrorEvent, PaperfeedSubscribeEvent, PaperfeedSubscribedEvent } from 'paperfeed';
import type { PaperfeedCardProps, PaperfeedListProps, PaperfeedSubscribeProps } from './elements.js';

/** Standard attributes: typed as Vue types them (`class` and `style` take Vue's array/object forms). */
type Standard = 'id' | 'class' | 'className' | 'style' | 'slot' | 'hidden' | 'lang' | 'dir' | 'children' | 'ref' | 'key';
/** Vue's attributes for any HTML element, plus the element's own props `P` (its typed `onLoad`/`onError` win over Vue's plain-Event ones). */
type VueProps<P> = Omit<HTMLAttributes, Exclude<keyof P, Standard>> & ReservedProps & Omit<P, Standard>;

export type PaperfeedCardVueProps = VueProps<PaperfeedCardProps>;
export type PaperfeedListVueProps = VueProps<
  Omit<PaperfeedListProps, 'onloadstart' | 'onload' | 'onerror' | 'onloadend'> & {
    onLoadstart?: (event: Event) => void;
    onLoad?: (event: CustomEvent<ListLoadDetail>) => void;
    onError?: (event: CustomEvent<ListErrorDetail>) => void;
    onLoadend?: (event: Event) => void;
  }
>;
export type PaperfeedSubscribeVueProps = VueProps<
  Omit<PaperfeedSubscribeProps, 'onpaperfeed-subscribe' | 'onpaperfeed-subscribed' | 'onpaperfeed-subscribe-error'> & {
    'onPaperfeed-subscribe'?: (event: PaperfeedSubscribeEvent) => void;
    'onPaperfeed-subscribed'?: (event: PaperfeedSubscribedEvent) => void;
    'onPaperfeed-subscribe-error'?: (event: PaperfeedSubscribeErrorEvent) => void;
  }
>;

declare module 'vue' {
  interface GlobalComponents {
    'paperfeed-card': DefineComponent<PaperfeedCardVueProps>;
    'paperfeed-list': DefineComponent<PaperfeedListVueProps>;
    'paperfeed-subscribe': DefineComponent<PaperfeedSubscribeVueProps>;
  }
}
