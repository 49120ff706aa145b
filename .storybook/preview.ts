import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import { html } from 'lit';
import './preview.css';

// Controls and the docs tables come from the Custom Elements Manifest that `npm run analyze`
// (cem analyze --litelement) writes at the repository root. A glob, not an import, so Storybook
// still starts (without generated docs) when the file has not been built yet.
const manifests = import.meta.glob<Manifest>('../custom-elements.json', { eager: true, import: 'default' });
const manifest = Object.values(manifests)[0];
if (manifest) setCustomElementsManifest(publicOnly(manifest));

interface Member {
  name: string;
  privacy?: string;
}
interface Manifest {
  modules?: { declarations?: { members?: Member[]; attributes?: { fieldName?: string }[] }[] }[];
}

/**
 * The docs tables show the public API only: the analyzer also lists private and protected members
 * (the `_variant` behind the `variant` accessor, render helpers), which are not for page authors.
 */
function publicOnly(source: Manifest): Manifest {
  const hidden = (m: Member) => m.privacy === 'private' || m.privacy === 'protected' || /^[_#]/.test(m.name);
  const copy = structuredClone(source);
  for (const mod of copy.modules ?? []) {
    for (const declaration of mod.declarations ?? []) {
      if (declaration.members) declaration.members = declaration.members.filter((m) => !hidden(m));
      if (declaration.attributes) {
        declaration.attributes = declaration.attributes.filter((a) => !a.fieldName || !/^[_#]/.test(a.fieldName));
      }
    }
  }
  return copy;
}

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

function applyToElements(root: ParentNode, scheme: Scheme | undefined, still: boolean): void {
  for (const el of paperfeedElements(root)) {
    // The toolbar only overrides when a scheme is chosen; otherwise the story's own `theme` stands.
    if (scheme && el.getAttribute('theme') !== scheme) el.setAttribute('theme', scheme);
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
    if (wrapper) applyToElements(wrapper, scheme, still);
  };
  requestAnimationFrame(() => {
    apply();
    const wrapper = document.getElementById(wrapperId);
    if (!wrapper || (!scheme && !still)) return;
    const observer = new MutationObserver(apply);
    observer.observe(wrapper, { childList: true, subtree: true });
    observers.set(wrapperId, observer);
  });
  // Nested shadow roots are invisible to the observer: a few late passes catch cards that a list
  // renders after its data arrives.
  if (scheme || still) for (const delay of [50, 250, 1000]) setTimeout(apply, delay);

  return html`<div class="pf-story" id=${wrapperId} dir=${dir} data-scheme=${scheme ?? 'auto'}>${story()}</div>`;
};

const preview: Preview = {
  decorators: [withToolbar],
  globalTypes: {
    scheme: {
      description: 'Colour scheme: sets the `theme` attribute on every paperfeed element and the page background',
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
    controls: { expanded: true },
    a11y: {
      // Report violations in the a11y panel and fail the story test on them.
      test: 'error',
    },
  },
  tags: ['autodocs'],
};

export default preview;
