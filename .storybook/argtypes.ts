// Controls and docs-table rows from the Custom Elements Manifest (custom-elements.json, written by
// `npm run analyze`), one row per thing a page author can use, each in its own section.
//
// Why not Storybook's own extractor (@storybook/web-components `extractArgTypesFromElements`): it
// keys every row by bare name in one object, so a later section overwrites an earlier one with the
// same name (the `heading` attribute became a "css shadow parts" row, the `error` event and slot
// were overwritten by the `error` part), and it lists a field twice, once as the property
// `headingLevel` and once as the attribute `heading-level`. Here:
//   - a field with an attribute is one row in "attributes", named after the attribute, keyed by its
//     property name (the arg the story's render sets); a field without one is a "properties" row;
//   - events, slots, parts and methods are keyed `event:…`, `slot:…`, `part:…`, `method:…`, so
//     they can never collide with a field or with each other;
//   - CSS custom properties are keyed by their own name (`--paperfeed-…`), which no field can have.
// Only fields and CSS custom properties get a control; `stories/support.ts` (`argsOf`) applies
// exactly those to the element, and `.storybook/controls.test.ts` fails on a row that is doubled,
// missing, in the wrong section, or whose control does not reach the element.
import type { ArgTypes, InputType } from 'storybook/internal/types';

export interface ManifestType {
  text?: string;
}
export interface ManifestMember {
  kind: 'field' | 'method';
  name: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
  type?: ManifestType;
  default?: string;
  description?: string;
}
export interface ManifestNamed {
  name: string;
  description?: string;
  type?: ManifestType;
  default?: string;
  fieldName?: string;
}
export interface ManifestDeclaration {
  kind?: string;
  name?: string;
  tagName?: string;
  customElement?: boolean;
  description?: string;
  summary?: string;
  members?: ManifestMember[];
  attributes?: ManifestNamed[];
  events?: ManifestNamed[];
  slots?: ManifestNamed[];
  cssParts?: ManifestNamed[];
  cssProperties?: ManifestNamed[];
}
export interface Manifest {
  modules?: { declarations?: ManifestDeclaration[] }[];
}

/** The section names of the Controls and Docs tables, in the order Storybook shows them. */
export const CATEGORY = {
  attributes: 'attributes',
  properties: 'properties',
  methods: 'methods',
  events: 'events',
  slots: 'slots',
  parts: 'CSS shadow parts',
  cssProperties: 'CSS custom properties',
} as const;

/** Private and protected members (`_variant` behind `variant`, render helpers) are not for page authors. */
const isPublic = (m: ManifestMember) =>
  m.privacy !== 'private' && m.privacy !== 'protected' && !/^[_#]/.test(m.name) && !m.static;

/** The declaration of `tagName` in the manifest, if it has one. */
export function declarationOf(manifest: Manifest | undefined, tagName: string): ManifestDeclaration | undefined {
  for (const mod of manifest?.modules ?? []) {
    for (const declaration of mod.declarations ?? []) if (declaration.tagName === tagName) return declaration;
  }
  return undefined;
}

/** `'day' | 'week' | 'month'` → the three strings; anything else → undefined. */
function literalOptions(typeText: string | undefined): string[] | undefined {
  if (!typeText) return undefined;
  const parts = typeText.split('|').map((p) => p.trim()).filter((p) => p !== 'undefined');
  if (!parts.length || !parts.every((p) => /^'[^']*'$|^"[^"]*"$/.test(p))) return undefined;
  return parts.map((p) => p.slice(1, -1));
}

/** A control for a field, from its TypeScript type as the analyzer wrote it. */
function controlFor(member: ManifestMember): InputType['control'] {
  if (member.readonly) return false;
  const text = (member.type?.text ?? '').replace(/\s*\|\s*undefined$/, '');
  const options = literalOptions(text);
  if (options) return { type: 'inline-radio' };
  if (text === 'boolean') return { type: 'boolean' };
  if (text === 'number') return { type: 'number' };
  if (text === 'string') return { type: 'text' };
  // Functions (a feed `transform`) cannot be edited in a control.
  if (/=>|Transform$|Function/.test(text)) return false;
  // A named union (`CardVariant`, `ListSort`): the story lists its options.
  if (/^[A-Z]\w*$/.test(text) && !/^(Paper|Date)$/.test(text)) return { type: 'text' };
  // Objects and arrays: a `Paper`, `Paper[]`, `Partial<…Strings>`.
  return { type: 'object' };
}

const row = (
  name: string,
  category: string,
  description: string | undefined,
  control: InputType['control'],
  type?: string,
  defaultValue?: string,
): InputType => ({
  name,
  description: description ?? '',
  control,
  table: {
    category,
    ...(type ? { type: { summary: type } } : {}),
    ...(defaultValue !== undefined ? { defaultValue: { summary: defaultValue } } : {}),
  },
});

/** Every row of `tagName`'s Controls/Docs tables, keyed so that no two can collide. */
export function argTypesFromManifest(manifest: Manifest | undefined, tagName: string): ArgTypes {
  const declaration = declarationOf(manifest, tagName);
  if (!declaration) return {};
  const argTypes: ArgTypes = {};
  const add = (key: string, input: InputType) => {
    // Two manifest entries for one key would be one row hiding another: keep the first, loudly.
    if (key in argTypes) console.warn(`[paperfeed] custom-elements.json lists ${tagName} ${key} twice`);
    else argTypes[key] = input;
  };

  for (const member of declaration.members ?? []) {
    if (!isPublic(member)) continue;
    if (member.kind === 'method') {
      add(`method:${member.name}`, row(`${member.name}()`, CATEGORY.methods, member.description, false));
      continue;
    }
    const attribute = member.attribute;
    const alsoProperty = attribute === member.name ? 'Attribute and property.' : `Property: \`${member.name}\`.`;
    const description = attribute
      ? `${member.description ?? ''}\n\n${alsoProperty}`.trim()
      : `${member.description ?? ''}${member.readonly ? '\n\nRead-only.' : '\n\nProperty only (no attribute).'}`.trim();
    const input = row(
      attribute ?? member.name,
      attribute ? CATEGORY.attributes : CATEGORY.properties,
      description,
      controlFor(member),
      member.type?.text,
      member.default,
    );
    const options = literalOptions(member.type?.text);
    if (options) input.options = options;
    add(member.name, input);
  }
  // Attributes the analyzer found without a field (none today): still a row, keyed by attribute.
  const fields = new Set((declaration.members ?? []).map((m) => m.name));
  for (const attribute of declaration.attributes ?? []) {
    if (attribute.fieldName && fields.has(attribute.fieldName)) continue;
    if (attribute.fieldName && /^[_#]/.test(attribute.fieldName)) continue;
    add(`attr:${attribute.name}`, row(attribute.name, CATEGORY.attributes, attribute.description, false, attribute.type?.text));
  }
  for (const event of declaration.events ?? []) {
    add(`event:${event.name}`, row(event.name, CATEGORY.events, event.description, false, event.type?.text));
  }
  for (const slot of declaration.slots ?? []) {
    const name = slot.name || '(default)';
    add(`slot:${slot.name || 'default'}`, row(name, CATEGORY.slots, slot.description, false));
  }
  for (const part of declaration.cssParts ?? []) {
    add(`part:${part.name}`, row(part.name, CATEGORY.parts, part.description, false));
  }
  for (const prop of declaration.cssProperties ?? []) {
    add(prop.name, row(prop.name, CATEGORY.cssProperties, prop.description, { type: 'text' }, prop.type?.text, prop.default));
  }
  return argTypes;
}
