// Math in titles and abstracts as MathML (native in current Chromium, Firefox and Safari), through
// temml. temml is imported only when a text actually contains math, so a page without math never
// loads it (a chunk of its own). temml returns markup as a STRING; that string is parsed in an
// inert document (DOMParser: no scripts, no loads) and only allow-listed MathML elements and
// attributes are copied into new nodes made with createElementNS. Nothing feed-derived ever reaches
// innerHTML. The Unicode text from `readable.ts` stays the first render, the fallback on any error,
// and what assistive technology reads: each formula is `<span class="pf-sr">ℓₚ</span>` (visually
// hidden) + `<math aria-hidden="true">`, so a heading's accessible name is the same text as before.
// (Not aria-label: a label holding feed text such as "javascript:…" reads as a URL to scanners.)
import { type TemplateResult, html } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
import { readableParts, texToText, type TextPart } from '../internal/readable.js';

export const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

// The same delimiters readable.ts reads (pandoc's rule for `$`, so "$5 and $10" is prose).
const MATH = /\$\$([\s\S]+?)\$\$|\\\(([\s\S]+?)\\\)|\\\[([\s\S]+?)\\\]|\$(?=\S)((?:\\.|[^$\\])*?(?:\\.|[^\s$\\]))\$(?!\d)/g;

const HAS_MATH = new RegExp(MATH.source);

/** MathML Core presentation elements, plus `semantics`/`annotation` (text only). No `annotation-xml`, no `maction`. */
const ELEMENTS = new Set([
  'math', 'mrow', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace', 'msub', 'msup', 'msubsup', 'mfrac', 'msqrt',
  'mroot', 'mstyle', 'mpadded', 'mphantom', 'menclose', 'munder', 'mover', 'munderover', 'mtable', 'mtr',
  'mtd', 'mlabeledtr', 'mmultiscripts', 'mprescripts', 'none', 'merror', 'semantics', 'annotation',
]);

/** Layout attributes only: no href, no event handlers, no style, no class/id, no xlink, no src. */
const ATTRIBUTES = new Set([
  'display', 'displaystyle', 'scriptlevel', 'mathvariant', 'mathsize', 'dir', 'lspace', 'rspace', 'stretchy',
  'symmetric', 'fence', 'separator', 'form', 'largeop', 'movablelimits', 'accent', 'accentunder',
  'linethickness', 'columnalign', 'rowalign', 'columnspacing', 'rowspacing', 'columnlines', 'rowlines',
  'frame', 'framespacing', 'width', 'height', 'depth', 'voffset', 'minsize', 'maxsize', 'notation', 'align',
  'columnspan', 'rowspan', 'encoding',
]);

/** Attribute values are lengths, keywords and numbers; anything with a scheme, parens or escapes is dropped. */
const SAFE_VALUE = /^[\w\s.,%+#-]*$/;

/** One run of a title or abstract: prose (with emphasis flags) or a formula's TeX. */
export type MathSegment = { kind: 'text'; parts: TextPart[] } | { kind: 'math'; tex: string; display: boolean; text: string };

/** True when `text` holds a formula in one of the delimiters titles use. */
export function hasMath(text: unknown): text is string {
  if (typeof text !== 'string' || !text) return false;
  // A non-global copy: test() on the global one would move its lastIndex, which matchAll then copies.
  return HAS_MATH.test(text);
}

/** Splits a text into prose and formulas. */
export function mathSegments(text: string): MathSegment[] {
  const out: MathSegment[] = [];
  let last = 0;
  const prose = (chunk: string) => {
    if (!chunk) return;
    // readableParts trims; keep the spaces that separate prose from a formula.
    const parts = readableParts(chunk);
    if (/^\s/.test(chunk) && parts[0]) parts[0] = { ...parts[0], text: ' ' + parts[0].text };
    if (/\s$/.test(chunk) && parts.length) parts[parts.length - 1] = { ...parts[parts.length - 1], text: parts[parts.length - 1].text + ' ' };
    if (parts.length) out.push({ kind: 'text', parts });
    else if (/\s/.test(chunk)) out.push({ kind: 'text', parts: [{ text: ' ' }] });
  };
  for (const match of text.matchAll(MATH)) {
    prose(text.slice(last, match.index));
    const tex = match[1] ?? match[2] ?? match[3] ?? match[4];
    out.push({ kind: 'math', tex, display: match[1] !== undefined || match[3] !== undefined, text: texToText(tex) });
    last = match.index! + match[0].length;
  }
  prose(text.slice(last));
  return out;
}

/** A copy of `source` holding only allow-listed MathML, built with createElementNS; null when it is not a `<math>`. */
export function sanitizeMathML(source: Element, doc: Document = document): MathMLElement | null {
  if (source.namespaceURI !== MATHML_NS || source.localName !== 'math') return null;
  return copy(source, doc) as MathMLElement | null;
}

function copy(source: Element, doc: Document): Element | null {
  if (source.namespaceURI !== MATHML_NS || !ELEMENTS.has(source.localName)) return null;
  const el = doc.createElementNS(MATHML_NS, source.localName);
  for (const attr of Array.from(source.attributes)) {
    if (attr.namespaceURI !== null) continue; // xlink:href, xml:base, xmlns:* and the like
    const name = attr.localName.toLowerCase();
    if (!ATTRIBUTES.has(name) || !SAFE_VALUE.test(attr.value)) continue;
    if (name === 'encoding' && source.localName !== 'annotation') continue;
    el.setAttribute(name, attr.value);
  }
  for (const child of Array.from(source.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) el.append(doc.createTextNode(child.textContent ?? ''));
    else if (child.nodeType === Node.ELEMENT_NODE && source.localName !== 'annotation') {
      const kept = copy(child as Element, doc);
      if (kept) el.append(kept);
    }
  }
  return el;
}

/** MathML markup (a string) to a sanitized `<math>`, parsed in an inert document. */
export function mathFromMarkup(markup: string, doc: Document = document): MathMLElement | null {
  // DOMParser's document has no browsing context: nothing in it runs or loads.
  const inert = new DOMParser().parseFromString(`<!doctype html><body>${markup}`, 'text/html');
  const math = inert.body.firstElementChild;
  return math ? sanitizeMathML(math, doc) : null;
}

type Temml = typeof import('temml').default;
let temmlPromise: Promise<Temml> | undefined;

/** temml, loaded on first need (its own chunk). */
export function loadTemml(): Promise<Temml> {
  return (temmlPromise ??= import('temml').then((module) => module.default));
}

/** One formula as sanitized MathML (hidden from assistive technology: pair it with its reading); null if temml cannot read it. */
export async function renderFormula(tex: string, options: { display?: boolean } = {}): Promise<MathMLElement | null> {
  const temml = await loadTemml();
  let markup: string;
  try {
    // trust: false refuses \href, \url, \includegraphics, \htmlClass and friends at the source too.
    markup = temml.renderToString(tex, { displayMode: !!options.display, throwOnError: true, trust: false, maxExpand: 200, maxSize: [20, 20] });
  } catch {
    return null;
  }
  const math = mathFromMarkup(markup);
  if (!math) return null;
  math.setAttribute('aria-hidden', 'true');
  if (options.display) math.setAttribute('display', 'block');
  return math;
}

export interface Formula {
  math: MathMLElement;
  /** The Unicode reading, for assistive technology. */
  text: string;
}

/** A text's runs, formulas as MathML; undefined when one formula could not be read (keep the Unicode text). */
export async function renderMathText(text: string): Promise<Array<TextPart[] | Formula> | undefined> {
  const out: Array<TextPart[] | Formula> = [];
  for (const segment of mathSegments(text)) {
    if (segment.kind === 'text') out.push(segment.parts);
    else {
      const math = await renderFormula(segment.tex, { display: segment.display });
      if (!math) return undefined;
      out.push({ math, text: segment.text });
    }
  }
  return out;
}

const formula = ({ math, text }: Formula) => html`<span class="pf-sr">${text}</span>${math}`;

export { mathStyles } from './math.styles.js';

const runs = (parts: TextPart[]) =>
  parts.map((part) =>
    part.strong && part.em
      ? html`<strong><em>${part.text}</em></strong>`
      : part.strong
        ? html`<strong>${part.text}</strong>`
        : part.em
          ? html`<em>${part.text}</em>`
          : part.text,
  );

/** The readable Unicode rendering (what the card shows today). */
export const renderReadable = (text: unknown): TemplateResult => html`${runs(readableParts(text))}`;

class MathTextDirective extends AsyncDirective {
  #text?: string;
  #math?: unknown[];

  render(text: unknown): unknown {
    if (text !== this.#text) {
      this.#text = typeof text === 'string' ? text : undefined;
      this.#math = undefined;
      if (hasMath(text)) void this.#upgrade(text);
    }
    // A re-render of the host for another reason keeps the MathML already shown.
    return this.#math ?? renderReadable(text);
  }

  async #upgrade(text: string): Promise<void> {
    const result = await renderMathText(text).catch(() => undefined);
    if (!result || text !== this.#text) return;
    this.#math = result.flatMap((item) => (Array.isArray(item) ? runs(item) : [formula(item)]));
    if (this.isConnected) this.setValue(this.#math);
  }
}

/**
 * Renders a title or abstract: Unicode text at once (and on the server), then MathML once temml has
 * loaded, only if the text has math. `${mathText(paper.title)}` in place of the readable text.
 */
export const mathText = directive(MathTextDirective);
