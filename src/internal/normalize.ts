/**
 * Property decorator: every value written to the property (from its attribute or from script) is
 * passed through `fn` first, so a junk value reads back as the default and never throws (RT's
 * `get format()`). Put it under `@property()`: Lit 3 wraps an accessor that is already there, adding
 * `requestUpdate`, reflection and attribute conversion around this one.
 */
export function normalize<T>(fn: (value: unknown) => T) {
  return (proto: object, name: string): void => {
    const key = Symbol(name);
    Object.defineProperty(proto, name, {
      get(this: Record<symbol, T | undefined>): T {
        return this[key] ?? fn(undefined);
      },
      set(this: Record<symbol, T | undefined>, value: unknown) {
        this[key] = fn(value);
      },
      configurable: true,
      enumerable: true,
    });
  };
}

/** A normalizer for string enumerations: one of `allowed`, else `fallback`. */
export const oneOf =
  <T extends string>(allowed: readonly T[], fallback: T) =>
  (value: unknown): T =>
    allowed.includes(value as T) ? (value as T) : fallback;

/** A positive number from an attribute or property, else undefined. */
export function positive(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  return Number.isFinite(number) && number > 0 ? number : undefined;
}
