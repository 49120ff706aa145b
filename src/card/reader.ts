// The card's reader features (Cite, Save, math) load on first use: a page whose cards set none of
// `cite`, `save` and `math` never fetches src/reader/actions.js or src/reader/math.js (and temml is
// a further chunk, loaded by math.js only for a text that holds a formula). Metadata and the "New"
// badge are cheap and live in the card itself.
import { isServer, nothing, type CSSResultGroup, type CSSResultOrNative, type ReactiveElement, type TemplateResult } from 'lit';
import type { Paper } from '../feed/paper.js';
import type { ActionsOptions, ReaderActionsController } from '../reader/actions.js';
import { loadActions, loadMath } from '../reader/load.js';

type MathText = typeof import('../reader/math.js').mathText;

/** Holds the lazily loaded reader modules of one card; `pending` settles once they are in. */
export class CardReader {
  #host: ReactiveElement;
  #actions?: ReaderActionsController;
  #mathText?: MathText;
  #loading = new Set<Promise<unknown>>();
  #asked = { actions: false, math: false };

  constructor(host: ReactiveElement) {
    this.#host = host;
  }

  /** What is still loading (the card's `updateComplete` waits for it). */
  get pending(): Promise<unknown> | undefined {
    return this.#loading.size ? Promise.all(this.#loading) : undefined;
  }

  /** Starts loading what the card's attributes ask for; the card renders again once it is in. */
  want(actions: boolean, math: boolean): void {
    if (isServer) return;
    if (actions && !this.#asked.actions) {
      this.#asked.actions = true;
      this.#load(loadActions().then(({ ReaderActionsController, readerStyles }) => {
          this.#adopt(readerStyles);
          this.#actions = new ReaderActionsController(this.#host);
        }));
    }
    if (math && !this.#asked.math) {
      this.#asked.math = true;
      this.#load(loadMath().then(({ mathText, mathStyles }) => {
          this.#adopt(mathStyles);
          this.#mathText = mathText;
        }));
    }
  }

  /** Adds a loaded feature's styles to the card's shadow root (Lit's static styles are set once). */
  #adopt(styles: CSSResultGroup): void {
    const root = this.#host.renderRoot;
    if (!(root instanceof ShadowRoot)) return;
    const sheets = ([styles] as unknown[])
      .flat(Infinity)
      .map((style) => (style instanceof CSSStyleSheet ? style : (style as Exclude<CSSResultOrNative, CSSStyleSheet>).styleSheet))
      .filter((sheet): sheet is CSSStyleSheet => !!sheet && !root.adoptedStyleSheets.includes(sheet));
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
  }

  #load(promise: Promise<unknown>): void {
    const tracked = promise
      .catch((error) => console.warn('[paperfeed] a reader feature of <paperfeed-card> failed to load; check the network and your bundler', error))
      .finally(() => {
        this.#loading.delete(tracked);
        this.#host.requestUpdate();
      });
    this.#loading.add(tracked);
  }

  /** The actions row (Cite, Save), once its module is in. */
  actions(paper: Paper, options: ActionsOptions): TemplateResult | typeof nothing {
    return this.#actions ? this.#actions.render(paper, options) : nothing;
  }

  /** A title or abstract: as MathML once math.js is in (and `math` is on), else the readable text. */
  text(value: unknown, math: boolean, readable: () => unknown): unknown {
    return math && this.#mathText ? this.#mathText(value) : readable();
  }
}
