import { literal, type StaticValue } from 'lit/static-html.js';

// `heading-level` picks the tag from this fixed list only, never from the attribute's text, so the
// `static html` templates that use it can never be handed anything but h1…h6.
const HEADINGS = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/** Reads a `heading-level` value: an integer 1–6, anything else gives `fallback`. */
export function headingLevel(value: unknown, fallback = 3): number {
  const level = Number(value);
  return Number.isInteger(level) && level >= 1 && level <= 6 ? level : fallback;
}

/** The static tag for a level already checked by `headingLevel`. */
export function headingTag(level: number): StaticValue {
  return HEADINGS[headingLevel(level) - 1];
}
