import { LitElement, isServer, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { normalize, oneOf } from './normalize.js';
import { withFixedDates } from './clock.js';

export type Theme = 'light' | 'dark' | 'auto';
const THEMES: readonly Theme[] = ['light', 'dark', 'auto'];

/** The language a server render uses when neither the element nor its host carries a `lang`. */
export const SERVER_LANG = 'en';

/**
 * The page's base URL for resolving relative URLs; undefined on the server, which has no page: there
 * only absolute URLs resolve (a feed's own links are absolute once the engine read them).
 */
export function pageBase(): string | undefined {
  return isServer ? undefined : document.baseURI;
}

/** What @lit-labs/ssr's DOM shim gives a server-side element: its attributes and the element whose shadow root holds it. */
interface ServerElement {
  getAttribute?(name: string): string | null;
  __host?: ServerElement;
}

/**
 * What every paperfeed element shares: the `theme` attribute and the language its dates and numbers
 * are written in. Kept deliberately small; behaviour beyond this goes into controllers.
 *
 * Rendering on the server (@lit-labs/ssr) and hydrating what the server wrote are deterministic:
 * the language comes from `lang` attributes only (never `navigator`), and dates are written in
 * their fixed form (absolute, UTC; see `withFixedDates` in clock.ts), so the first client render
 * writes exactly the server's text. The render right after hydration writes the live form
 * ("3 hours ago", the reader's time zone and language).
 */
export class PaperfeedElement extends LitElement {
  /**
   * Colour scheme: `auto` (default) follows the page, `light` or `dark` force one. A junk value reads as `auto`.
   * @default 'auto'
   */
  @property({ reflect: true })
  @normalize(oneOf(THEMES, 'auto'))
  theme: Theme = 'auto';

  /** This element's shadow root came from the server (declarative shadow DOM) and has not been rendered over yet. */
  #hydrating = false;

  /**
   * The language for `Intl`: the nearest `lang` up the tree (through shadow roots), else the browser's.
   * On the server, and while hydrating, the nearest `lang` on this element or its shadow hosts, else "en".
   */
  protected get locale(): string {
    if (isServer || this.#hydrating) return serverLang(this as unknown as ServerElement, this.#hydrating ? this : undefined);
    let node: Node | null = this;
    while (node) {
      if (node instanceof Element && node.getAttribute('lang')) return node.getAttribute('lang')!;
      node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    }
    return navigator.language || SERVER_LANG;
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    // A declarative shadow root is already attached when the element upgrades: the first render
    // hydrates it (with @lit-labs/ssr-client's support module loaded first).
    this.#hydrating = !isServer && !!this.shadowRoot;
    return super.createRenderRoot();
  }

  protected override update(changed: PropertyValues): void {
    if (!this.#hydrating) return super.update(changed);
    // The first client render of server-written DOM only binds to it: it must compute the very text
    // the server wrote. Then one more render writes what differs (relative dates, local time zone).
    withFixedDates(() => super.update(changed));
    this.#hydrating = false;
    this.requestUpdate();
  }
}

/**
 * `lang` as the server sees it: on the element, else on the element whose shadow root holds it
 * (the DOM shim's `__host`, set by @lit-labs/ssr's render-value.js `addElementToEventPath`), else "en".
 * While hydrating in a browser, the same walk through real shadow hosts: the server could not see
 * the page's `<html lang>`, so neither does the hydrating render.
 */
function serverLang(element: ServerElement, client?: Element): string {
  if (client) {
    let node: Element | null = client;
    while (node) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
      const root = node.getRootNode();
      node = root instanceof ShadowRoot ? root.host : null;
    }
    return SERVER_LANG;
  }
  for (let node: ServerElement | undefined = element; node; node = node.__host) {
    const lang = node.getAttribute?.('lang');
    if (lang) return lang;
  }
  return SERVER_LANG;
}
