// Shared by the stories: a fake `fetch` that answers from fixtures (stories never reach the
// network), and small helpers to look inside the elements' shadow roots the way a user sees them.
import { setFetch } from '../src/feed/net/fetch-hook.js';
import { clearFeedCache } from '../src/feed/load.js';
import { setClock } from '../src/internal/clock.js';
import { configure, expect, waitFor } from 'storybook/test';
import { nothing, type ElementPart } from 'lit';
import { Directive, directive, PartType, type DirectiveResult, type PartInfo } from 'lit/directive.js';

// Testing Library prints the container when a query fails, but cannot print a shadow root and
// throws a TypeError instead of the real message. Print the shadow root's markup ourselves.
configure({
  getElementError: (message, container) => {
    const markup = container instanceof ShadowRoot ? container.innerHTML : (container as Element | null)?.outerHTML;
    const error = new Error(`${message ?? ''}\n\n${(markup ?? '').replace(/<!--[^>]*-->/g, '').slice(0, 3000)}`);
    error.name = 'TestingLibraryElementError';
    return error;
  },
});

export interface FixtureAnswer {
  body: string;
  /** Content-Type header. */
  type: string;
  status?: number;
  headers?: Record<string, string>;
}

/** What a route answers: a fixed answer, or a function of the request (call count starts at 1). */
export type Route = FixtureAnswer | ((url: URL, call: number) => FixtureAnswer | 'hang' | 'network-error');

/** One request the fake fetch received. */
export interface SentRequest {
  url: string;
  method: string;
  contentType: string;
  body: string;
}

export interface FakeFetch {
  (input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** Every URL requested, in order. */
  readonly calls: string[];
  /** Every request with its method, content type and body (as text), in order. */
  readonly requests: SentRequest[];
}

const toUrl = (input: RequestInfo | URL) =>
  new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, location.href);

const abortError = () => new DOMException('The request was aborted.', 'AbortError');

const withoutQuery = (href: string) => href.replace(/[?#].*$/, '');

function bodyText(body: BodyInit | null | undefined): string {
  if (body == null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof FormData) return new URLSearchParams(body as unknown as Record<string, string>).toString();
  return String(body);
}

/**
 * A `fetch` answering from `routes`, keyed by absolute URL. A request matches a route with the
 * same URL, else one with the same URL ignoring the query string (so a list that adds `?date=` or
 * `&p=2` still reaches its feed). Unknown URLs answer 404, so a story that asks for something
 * unexpected shows the error state instead of going online. `'hang'` never answers (until the
 * request is aborted); `'network-error'` rejects like a refused connection.
 */
export function fakeFetch(routes: Record<string, Route>): FakeFetch {
  const calls: string[] = [];
  const requests: SentRequest[] = [];
  const counts = new Map<string, number>();
  const fn = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = toUrl(input);
    calls.push(url.href);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    requests.push({
      url: url.href,
      method: (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase(),
      contentType: headers.get('content-type') ?? '',
      body: bodyText(init?.body),
    });
    const key =
      url.href in routes ? url.href : Object.keys(routes).find((k) => withoutQuery(k) === withoutQuery(url.href));
    const route = key === undefined ? undefined : routes[key];
    const call = (counts.get(key ?? url.href) ?? 0) + 1;
    counts.set(key ?? url.href, call);
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    if (signal?.aborted) return Promise.reject(abortError());
    const answer = typeof route === 'function' ? route(url, call) : route;
    if (answer === 'hang') {
      return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(abortError()), { once: true }));
    }
    if (answer === 'network-error') return Promise.reject(new TypeError('Failed to fetch'));
    const { body, type, status = 200, headers: extra = {} } = answer ?? {
      body: 'Not found',
      type: 'text/plain',
      status: 404,
    };
    return Promise.resolve(
      new Response(status === 204 ? null : body, { status, headers: { 'Content-Type': type, ...extra } }),
    );
  };
  return Object.assign(fn, { calls, requests });
}

let lastFetch: FakeFetch | undefined;

/** The fake fetch the current story installed (its `calls` and `requests`). */
export function sent(): FakeFetch {
  if (!lastFetch) throw new Error('No fake fetch installed: call useFakeFetch in the story\'s beforeEach.');
  return lastFetch;
}

/**
 * For a story's `beforeEach`: installs the fake fetch with a clean feed cache, and restores the
 * real one when the story is left (Storybook runs the returned cleanup).
 */
export function useFakeFetch(routes: Record<string, Route>): () => void {
  clearFeedCache();
  lastFetch = fakeFetch(routes);
  setFetch(lastFetch);
  return () => {
    setFetch();
    clearFeedCache();
  };
}

/**
 * For a story's `beforeEach`: freezes the clock every "3 days ago" is measured from, so a story that
 * shows dates reads the same on every run; the real clock is back when the story is left.
 */
export function useFixedClock(at: string): () => void {
  setClock(new Date(at));
  return () => setClock();
}

/** The element `selector` in the story's canvas, after its first render. */
export async function host<T extends HTMLElement>(canvas: HTMLElement, selector: string): Promise<T> {
  const el = canvas.querySelector<T>(selector);
  await expect(el, `${selector} in the story`).toBeTruthy();
  await (el as { updateComplete?: Promise<unknown> }).updateComplete;
  return el!;
}

/** The element's shadow root, typed as the container `within()` and `querySelector` expect. */
export const shadow = (el: Element): HTMLElement => el.shadowRoot as unknown as HTMLElement;

/** The cards a list shows: its skeletons while loading, then its papers (not those still rendering hidden behind the skeletons). */
export const cardsOf = (list: Element): HTMLElement[] => [
  ...(list.shadowRoot?.querySelectorAll<HTMLElement>('paperfeed-card') ?? []),
].filter((card) => !card.closest('[hidden]'));

/** The cards a list shows for papers (skeletons left out). */
const paperCardsOf = (list: Element): HTMLElement[] => cardsOf(list).filter((card) => (card as HTMLElement & { paper?: unknown }).paper);

/** The visible title of a card (its `title` part), whitespace collapsed. */
export const titleOf = (card: Element): string =>
  (card.shadowRoot?.querySelector('[part~="title"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The visible text of an element and everything in its shadow roots, whitespace collapsed. */
export function visibleText(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
    if (n instanceof HTMLStyleElement || n instanceof HTMLScriptElement) return;
    // A shadow host shows its shadow tree; its light children appear only through slots.
    if (n instanceof Element && n.shadowRoot) return walk(n.shadowRoot);
    const assigned = n instanceof HTMLSlotElement ? n.assignedNodes({ flatten: true }) : [];
    (assigned.length ? assigned : n.childNodes).forEach(walk);
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Every element under `root`, through shadow roots. */
export function deepAll(root: ParentNode, selector: string, found: Element[] = []): Element[] {
  found.push(...root.querySelectorAll(selector));
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) deepAll(el.shadowRoot, selector, found);
  return found;
}

/** Waits until the list shows exactly `count` cards of papers, each with its first render done. */
export async function waitForCards(list: Element, count: number): Promise<HTMLElement[]> {
  await waitFor(() => expect(paperCardsOf(list)).toHaveLength(count), { timeout: 5000 });
  const cards = paperCardsOf(list);
  await Promise.all(cards.map((c) => (c as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete));
  return cards;
}

// ---------------------------------------------------------------------------------------------
// Story args → the element. Every control in the Controls panel is keyed by the element's property
// name (.storybook/argtypes.ts), or by the CSS custom property's own name, so one directive wires
// all of them: no control can be forgotten in a hand-written template (`proxy`, `refresh`, `date`,
// `period`, `papers` and `strings` once were), and .storybook/controls.test.ts checks it.

interface LitClass {
  elementProperties?: Map<PropertyKey, { attribute?: boolean | string }>;
}

/** The attribute a Lit property is mapped to, or undefined for a property-only field. */
function attributeOf(el: Element, key: string): string | undefined {
  const options = (el.constructor as LitClass).elementProperties?.get(key);
  if (!options || options.attribute === false) return undefined;
  return typeof options.attribute === 'string' ? options.attribute : key.toLowerCase();
}

class ArgsDirective extends Directive {
  #applied = new Map<string, unknown>();
  #defaults = new Map<string, unknown>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('argsOf() belongs on an element: <paperfeed-x ${argsOf(args)}>');
  }

  render(_args: Record<string, unknown>) {
    return nothing;
  }

  override update(part: ElementPart, [args]: [Record<string, unknown>]) {
    const el = part.element as HTMLElement & Record<string, unknown>;
    for (const [key, value] of Object.entries(args)) {
      if (this.#applied.has(key) && Object.is(this.#applied.get(key), value)) continue;
      if (key.startsWith('--')) {
        // A CSS custom property control: on the host, where the element's styles read it.
        if (value === undefined || value === '') el.style.removeProperty(key);
        else el.style.setProperty(key, String(value));
      } else if (key in el) {
        const attribute = attributeOf(el, key);
        if (attribute) {
          // Attributes, as a page author writes them (and as the Docs page's code snippet shows them).
          if (value === undefined || value === null || value === false) el.removeAttribute(attribute);
          else el.setAttribute(attribute, value === true ? '' : String(value));
        } else {
          // Property-only fields (`paper`, `papers`, `strings`, …): cleared back to their default.
          if (!this.#defaults.has(key)) this.#defaults.set(key, el[key]);
          el[key] = value === undefined ? this.#defaults.get(key) : value;
        }
      } else {
        continue;
      }
      this.#applied.set(key, value);
    }
    return nothing;
  }
}

/**
 * Applies a story's args to the element it sits on: `<paperfeed-list ${argsOf(args)}>`. Attribute
 * fields become attributes, property-only fields properties, `--paperfeed-*` args CSS custom
 * properties; args the element does not have are left alone.
 */
export const argsOf = directive(ArgsDirective) as (args: object) => DirectiveResult<typeof ArgsDirective>;
