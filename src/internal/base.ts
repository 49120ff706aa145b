import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { normalize, oneOf } from './normalize.js';

export type Theme = 'light' | 'dark' | 'auto';
const THEMES: readonly Theme[] = ['light', 'dark', 'auto'];

/**
 * What every paperfeed element shares: the `theme` attribute and the language its dates and numbers
 * are written in. Kept deliberately small; behaviour beyond this goes into controllers.
 */
export class PaperfeedElement extends LitElement {
  /**
   * Colour scheme: `auto` (default) follows the page, `light` or `dark` force one. A junk value reads as `auto`.
   * @default 'auto'
   */
  @property({ reflect: true })
  @normalize(oneOf(THEMES, 'auto'))
  theme: Theme = 'auto';

  /** The language for `Intl`: the nearest `lang` up the tree (through shadow roots), else the browser's. */
  protected get locale(): string {
    let node: Node | null = this;
    while (node) {
      if (node instanceof Element && node.getAttribute('lang')) return node.getAttribute('lang')!;
      node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    }
    return navigator.language || 'en';
  }
}
