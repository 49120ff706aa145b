/**
 * UI text is a flat record of templates. `{name}` placeholders are replaced by `fill`; everything
 * is rendered as text by Lit, so an override can never inject markup.
 */
export type Strings<K extends string> = Record<K, string>;

/** Replaces `{name}` placeholders; unknown names are left as written so a typo is visible. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

/**
 * Merges a `strings` override over the defaults, keeping only string values for known keys: a
 * page may pass JSON it did not write, and a missing key must fall back, not render `undefined`.
 */
export function mergeStrings<K extends string>(defaults: Strings<K>, overrides: unknown): Strings<K> {
  if (!overrides || typeof overrides !== 'object') return defaults;
  const merged = { ...defaults };
  for (const key of Object.keys(defaults) as K[]) {
    const value = (overrides as Record<string, unknown>)[key];
    if (typeof value === 'string') merged[key] = value;
  }
  return merged;
}
