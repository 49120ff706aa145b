import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import { action } from 'storybook/actions';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { argTypesFromManifest, declarationOf, type Manifest } from './argtypes.js';
import './preview.css';

// Controls and the docs tables come from the Custom Elements Manifest that `npm run analyze`
// (cem analyze --litelement) writes at the repository root. A glob, not an import, so Storybook
// still starts (without generated docs) when the file has not been built yet.
const manifests = import.meta.glob<Manifest>('../custom-elements.json', { eager: true, import: 'default' });
const manifest = Object.values(manifests)[0];
// Storybook's own `getCustomElements()` still serves the component descriptions on the Docs page.
if (manifest) setCustomElementsManifest(manifest);

/** The manifest's events of the story's element, logged to the Actions panel (see `withEvents`). */
const eventsOf = (tagName: unknown): string[] =>
  typeof tagName === 'string' ? (declarationOf(manifest, tagName)?.events ?? []).map((e) => e.name) : [];

type Scheme = 'light' | 'dark' | 'auto';

/** Every paperfeed element under `root`, through shadow roots (a list renders its cards in its own). */
function paperfeedElements(root: ParentNode, found: Element[] = []): Element[] {
  for (const el of root.querySelectorAll('*')) {
    if (el.localName.startsWith('paperfeed-')) found.push(el);
    if (el.shadowRoot) paperfeedElements(el.shadowRoot, found);
  }
  return found;
}

// A page cannot switch the `prefers-reduced-motion` media query on, so the toolbar's "reduce"
// adopts this sheet into every paperfeed shadow root, which is what the media query does inside
// the elements' own styles (src/internal/host.styles.ts).
const stillSheet = new CSSStyleSheet();
stillSheet.replaceSync(
  '*, *::before, *::after { animation-duration: 0.01ms !important; animation-iteration-count: 1 !important; transition-duration: 0.01ms !important; scroll-behavior: auto !important; }',
);

function applyToElements(root: ParentNode, still: boolean): void {
  for (const el of paperfeedElements(root)) {
    const shadowRoot = el.shadowRoot;
    if (!shadowRoot) continue;
    const has = shadowRoot.adoptedStyleSheets.includes(stillSheet);
    if (still && !has) shadowRoot.adoptedStyleSheets = [...shadowRoot.adoptedStyleSheets, stillSheet];
    if (!still && has) shadowRoot.adoptedStyleSheets = shadowRoot.adoptedStyleSheets.filter((s) => s !== stillSheet);
  }
}

// Elements render asynchronously (a list's cards appear after its fetch), so the toolbar settings
// are re-applied whenever a story's DOM changes, for as long as it is shown. One observer per
// rendered story: a docs page shows many stories at once.
const observers = new Map<string, MutationObserver>();

const withToolbar: Decorator = (story, { globals, id, viewMode }) => {
  const scheme = (['light', 'dark', 'auto'] as const).find((s) => s === globals.scheme);
  const dir = globals.dir === 'rtl' ? 'rtl' : 'ltr';
  const still = globals.motion === 'reduce';
  const wrapperId = `pf-story--${id}`;

  // On a story's own canvas the whole page follows the toolbar. A docs page holds every story of a
  // component, each with its own globals (RTL, Dark), so there only the story's wrapper changes.
  if (viewMode !== 'docs') {
    const page = document.documentElement;
    page.dir = dir;
    page.dataset.scheme = scheme ?? 'auto';
    page.style.colorScheme = scheme === 'light' || scheme === 'dark' ? scheme : 'light dark';
  }

  observers.get(wrapperId)?.disconnect();
  observers.delete(wrapperId);
  const apply = () => {
    const wrapper = document.getElementById(wrapperId);
    if (wrapper) applyToElements(wrapper, still);
  };
  requestAnimationFrame(() => {
    apply();
    const wrapper = document.getElementById(wrapperId);
    if (!wrapper || !still) return;
    const observer = new MutationObserver(apply);
    observer.observe(wrapper, { childList: true, subtree: true });
    observers.set(wrapperId, observer);
  });
  // Nested shadow roots are invisible to the observer: a few late passes catch cards that a list
  // renders after its data arrives.
  if (still) for (const delay of [50, 250, 1000]) setTimeout(apply, delay);

  return html`<div class="pf-story" id=${wrapperId} dir=${dir} data-scheme=${scheme ?? 'auto'}>${story()}</div>`;
};

// The list's fetch events (`loadstart`, `load`, `error`, `loadend`) do not bubble, so a listener on
// the story's wrapper catches them in the capture phase, which every event passes through. Each one
// the story's element fires shows in the Actions panel with its `detail`.
const withEvents: Decorator = (story, { component }) => {
  const names = eventsOf(component);
  if (!names.length) return story();
  const listeners = names.map((name) => ({
    name,
    log: action(name),
    handleEvent(event: Event) {
      if ((event.target as Element | null)?.localName === component) this.log((event as CustomEvent).detail ?? '(no detail)');
    },
  }));
  // Lit calls a replaced ref callback with `undefined` before the new one runs: the listeners of
  // the previous render go away, so a re-render never logs an event twice.
  let wrapper: Element | undefined;
  const attach = (el?: Element) => {
    for (const l of listeners) {
      if (el) el.addEventListener(l.name, l, { capture: true });
      else wrapper?.removeEventListener(l.name, l, { capture: true });
    }
    wrapper = el;
  };
  return html`<div class="pf-events" ${ref(attach)}>${story()}</div>`;
};

const preview: Preview = {
  decorators: [withEvents, withToolbar],
  globalTypes: {
    scheme: {
      description:
        'Colour scheme of the page around the element (its background and `color-scheme`). The element\'s own `theme` is its control, so every page × theme pair can be seen',
      toolbar: {
        title: 'Scheme',
        icon: 'contrast',
        items: [
          { value: 'auto', title: 'Auto (follow the system)', icon: 'mirror' },
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction of the page',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
    motion: {
      description: 'Reduced motion inside the elements',
      toolbar: {
        title: 'Motion',
        icon: 'play',
        items: [
          { value: 'full', title: 'Full motion' },
          { value: 'reduce', title: 'Reduced motion' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { dir: 'ltr', motion: 'full' },
  parameters: {
    layout: 'padded',
    docs: {
      // One row per attribute, property, method, event, slot, part and CSS custom property, each in
      // its own section and keyed so that none hides another (./argtypes.ts).
      extractArgTypes: (tagName: string) => argTypesFromManifest(manifest, tagName),
      // "Show code" shows the element as a page author writes it, without the preview's wrappers.
      source: { excludeDecorators: true },
    },
    controls: { expanded: true },
    a11y: {
      // Report violations in the a11y panel and fail the story test on them.
      test: 'error',
    },
  },
  tags: ['autodocs'],
};

export default preview;
