import { html, type TemplateResult } from 'lit';

/** Reads a `heading-level` value: an integer 1–6, anything else gives `fallback`. */
export function headingLevel(value: unknown, fallback = 3): number {
  const level = Number(value);
  return Number.isInteger(level) && level >= 1 && level <= 6 ? level : fallback;
}

/**
 * A native `<h1>`…`<h6>` for every element's heading. Each level is a fixed tag in its own template
 * (no `static-html` tag binding): the level can only ever pick one of these six, and Lit's template
 * minifier reads fixed tags. `name` is the heading's part, class and id (`title`, `heading`).
 * dir="auto": a feed's text may run the other way from the page (an English title on an Arabic
 * page); the heading then takes its direction from its own first strong character.
 */
export function heading(level: number, name: string, content: unknown, hidden = false): TemplateResult {
  switch (headingLevel(level)) {
    case 1:
      return html`<h1 part=${name} class=${name} id=${name} dir="auto" ?hidden=${hidden}>${content}</h1>`;
    case 2:
      return html`<h2 part=${name} class=${name} id=${name} dir="auto" ?hidden=${hidden}>${content}</h2>`;
    case 3:
      return html`<h3 part=${name} class=${name} id=${name} dir="auto" ?hidden=${hidden}>${content}</h3>`;
    case 4:
      return html`<h4 part=${name} class=${name} id=${name} dir="auto" ?hidden=${hidden}>${content}</h4>`;
    case 5:
      return html`<h5 part=${name} class=${name} id=${name} dir="auto" ?hidden=${hidden}>${content}</h5>`;
    default:
      return html`<h6 part=${name} class=${name} id=${name} dir="auto" ?hidden=${hidden}>${content}</h6>`;
  }
}
