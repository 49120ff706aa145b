// Every story's Controls/Docs table against custom-elements.json, in Chromium (`npx vitest run
// --project controls`). Fails when a row is doubled, missing, filed in the wrong section, or is a
// control whose value never reaches the element ("dead"): each story is rendered as Storybook
// renders it (the project's preview.ts, decorators, beforeEach with the fake fetch), then each
// control is changed in turn and the element's property, attribute or CSS custom property must
// show the new value.
//
// The expected rows are computed here straight from the manifest, not with ./argtypes.ts, so a
// mistake in that helper cannot hide itself.
import { afterAll, describe, expect, it } from 'vitest';
import { nothing, render } from 'lit';
import { composeStories, setProjectAnnotations } from 'storybook/preview-api';
import * as rendererAnnotations from '@storybook/web-components/entry-preview';
import * as argTypesAnnotations from '@storybook/web-components/entry-preview-argtypes';
import preview from './preview.js';
import type { Manifest, ManifestDeclaration } from './argtypes.js';
import { fullPaper } from '../stories/fixtures.js';
import type { Paper } from '../src/feed/paper.js';

// What Storybook itself composes for a web-components story: the renderer's annotations, its
// argTypes enhancer (which calls `parameters.docs.extractArgTypes`), then the project's preview.
const project = setProjectAnnotations([rendererAnnotations, argTypesAnnotations, preview]);

const manifest = Object.values(
  import.meta.glob<Manifest>('../custom-elements.json', { eager: true, import: 'default' }),
)[0];
const storyFiles = import.meta.glob<Record<string, unknown>>('../stories/*.stories.ts', { eager: true });

interface Row {
  category: string;
  name: string;
}
const key = (r: Row) => `${r.category} › ${r.name}`;

/** The rows a reader must find for the element: one per attribute-or-property, method, event, slot, part, CSS property. */
function expectedRows(d: ManifestDeclaration): Row[] {
  const rows: Row[] = [];
  for (const m of d.members ?? []) {
    if (m.privacy === 'private' || m.privacy === 'protected' || m.static || /^[_#]/.test(m.name)) continue;
    if (m.kind === 'method') rows.push({ category: 'methods', name: `${m.name}()` });
    else if (m.attribute) rows.push({ category: 'attributes', name: m.attribute });
    else rows.push({ category: 'properties', name: m.name });
  }
  for (const e of d.events ?? []) rows.push({ category: 'events', name: e.name });
  for (const s of d.slots ?? []) rows.push({ category: 'slots', name: s.name || '(default)' });
  for (const p of d.cssParts ?? []) rows.push({ category: 'CSS shadow parts', name: p.name });
  for (const p of d.cssProperties ?? []) rows.push({ category: 'CSS custom properties', name: p.name });
  return rows;
}

interface ArgType {
  name?: string;
  control?: false | { type?: string; min?: number; max?: number; disable?: boolean } | string;
  options?: readonly unknown[];
  table?: { category?: string; disable?: boolean };
}

/** Storybook normalizes a story's `control: false` to `{ disable: true }`. */
const hasControl = (a: ArgType) => !!a.control && !(typeof a.control === 'object' && a.control.disable);
const controlType = (a: ArgType) => (typeof a.control === 'string' ? a.control : a.control ? a.control.type : undefined);

/** A value for `argKey` that differs from `value`, of the kind its control edits. */
function changed(argKey: string, a: ArgType, value: unknown): unknown {
  const type = controlType(a);
  if (a.options?.length) {
    const other = a.options.find((o) => o !== value);
    if (other === undefined) throw new Error(`${argKey}: a control with one option cannot change anything`);
    return other;
  }
  if (argKey.startsWith('--')) return value === '3px' ? '5px' : '3px';
  switch (type) {
    case 'boolean':
      return !value;
    case 'number': {
      const range = typeof a.control === 'object' && a.control ? a.control : {};
      const next = (typeof value === 'number' ? value : (range.min ?? 1)) + 1;
      return range.max !== undefined && next > range.max ? next - 2 : next;
    }
    case 'text':
    case 'color':
    case undefined: {
      const samples: Record<string, string> = {
        src: 'https://changed.example.org/feed.json',
        date: '2025-11-06',
        proxy: 'https://proxy.example.org/?url={url}',
        action: '/api/changed-by-a-control',
      };
      const sample = samples[argKey] ?? 'Changed by a control';
      return value === sample ? `${sample}!` : sample;
    }
    case 'object': {
      if (argKey === 'paper') return value ? { ...(value as Paper), title: 'Changed by a control' } : fullPaper;
      if (Array.isArray(value) || argKey === 'papers') {
        const list = (value as Paper[] | undefined) ?? [];
        return list.length ? list.slice(1) : [fullPaper];
      }
      return { ...(value as object), changedByAControl: 'yes' };
    }
    default:
      throw new Error(`${argKey}: no test value for a "${type}" control`);
  }
}

/** The value the element shows for `argKey` now. */
function readBack(el: HTMLElement, argKey: string): unknown {
  if (argKey.startsWith('--')) return getComputedStyle(el).getPropertyValue(argKey).trim();
  return (el as unknown as Record<string, unknown>)[argKey];
}

const container = document.createElement('div');
document.body.append(container);
afterAll(() => {
  render(nothing, container);
  container.remove();
});

type Composed = ((args?: Record<string, unknown>) => unknown) & {
  id: string;
  storyName: string;
  args: Record<string, unknown>;
  argTypes: Record<string, ArgType>;
  load: () => Promise<void>;
};

for (const [file, module] of Object.entries(storyFiles)) {
  const meta = module.default as { component?: string; title?: string };
  const tag = meta.component;
  describe(`${file} (${tag})`, () => {
    const declaration = manifest?.modules
      ?.flatMap((m) => m.declarations ?? [])
      .find((d) => d.tagName === tag);
    const stories = Object.values(composeStories(module as never, project as never)) as unknown as Composed[];

    it('has a component in custom-elements.json (run `npm run analyze` first)', () => {
      expect(tag, 'meta.component').toBeTruthy();
      expect(declaration, `${tag} in custom-elements.json`).toBeTruthy();
    });

    // The tables can only show what the JSDoc declares: a public `--paperfeed-*` property the
    // element's styles read, without its `@cssprop` tag, has no row. (Private ones are `--_x`.)
    it('declares every --paperfeed-* custom property its styles read (@cssprop)', () => {
      const styles = (customElements.get(tag!) as unknown as { elementStyles?: { cssText?: string }[] }).elementStyles ?? [];
      const read = new Set(styles.flatMap((s) => [...(s.cssText ?? '').matchAll(/var\(\s*(--paperfeed-[\w-]+)/g)].map((m) => m[1])));
      const declared = new Set((declaration?.cssProperties ?? []).map((p) => p.name));
      expect([...read].filter((name) => !declared.has(name)).sort(), `read by <${tag}> but without @cssprop`).toEqual([]);
    });

    for (const story of stories) {
      describe(story.storyName, () => {
        const rows = Object.entries(story.argTypes)
          .filter(([, a]) => !a.table?.disable)
          .map(([argKey, a]) => ({ argKey, category: a.table?.category ?? '(no section)', name: a.name ?? argKey }));

        it('lists each attribute, property, method, event, slot, part and CSS property once, in its section', () => {
          const expected = expectedRows(declaration!).map(key).sort();
          const shown = rows.map(key).sort();
          const doubled = shown.filter((k, i) => shown[i - 1] === k);
          expect(doubled, 'rows shown twice').toEqual([]);
          expect(
            shown.filter((k) => !expected.includes(k)),
            'rows with no such thing in that section of custom-elements.json',
          ).toEqual([]);
          expect(
            expected.filter((k) => !shown.includes(k)),
            'things in custom-elements.json without their row',
          ).toEqual([]);
        });

        it('passes every control through to the element', async () => {
          await story.load();
          const controls = Object.entries(story.argTypes).filter(([, a]) => !a.table?.disable && hasControl(a));
          expect(controls.length).toBeGreaterThan(0);
          const renderWith = async (args: Record<string, unknown>) => {
            render(story(args) as never, container);
            const el = container.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>(tag!);
            expect(el, `<${tag}> rendered by the story`).toBeTruthy();
            await el!.updateComplete;
            return el!;
          };
          // A fresh element per story, as on the canvas.
          render(nothing, container);
          await renderWith({});
          const dead: string[] = [];
          for (const [argKey, argType] of controls) {
            const value = changed(argKey, argType, story.args[argKey]);
            const el = await renderWith({ [argKey]: value });
            const shown = readBack(el, argKey);
            const same = typeof value === 'object' && value !== null ? shown === value : Object.is(shown, value);
            if (!same) dead.push(`${argKey}: set ${JSON.stringify(value)}, element shows ${JSON.stringify(shown)}`);
          }
          render(nothing, container);
          expect(dead, 'controls that do not reach the element').toEqual([]);
        });
      });
    }
  });
}
