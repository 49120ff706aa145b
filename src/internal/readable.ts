// Paper titles and abstracts carry TeX (`$\ell_p$-norm`) and markdown emphasis (`**top-H**`). We
// show them as readable TEXT: math becomes Unicode where Unicode has the symbol, emphasis becomes
// flags the element turns into <strong>/<em> with Lit templates. Nothing here produces markup, so
// hostile input stays literal text. It is deliberately small: the common 95% of arXiv titles, not TeX.

/** A run of text with its emphasis. Render `text` as text, never as HTML. */
export interface TextPart {
  text: string;
  strong?: boolean;
  em?: boolean;
}

// Stand-ins for `_` and `*` produced by math (`x_{i,j}` → `x_(i,j)`), so the emphasis pass that
// runs afterwards cannot pair them with markers in the prose. Private-use code points never occur in feeds
// we care about; they are turned back at the end.
const UNDERSCORE = '\uE000';
const ASTERISK = '\uE001';

const GREEK: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
  theta: 'θ', vartheta: 'ϑ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π',
  rho: 'ρ', varrho: 'ϱ', sigma: 'σ', varsigma: 'ς', tau: 'τ', upsilon: 'υ', phi: 'ϕ', varphi: 'φ',
  chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π',
  Sigma: 'Σ', Upsilon: 'Υ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
};

const SYMBOLS: Record<string, string> = {
  ...GREEK,
  ell: 'ℓ', infty: '∞', partial: '∂', nabla: '∇', forall: '∀', exists: '∃', emptyset: '∅',
  varnothing: '∅', neg: '¬', times: '×', cdot: '·', div: '÷', pm: '±', mp: '∓', ast: '∗', star: '⋆',
  circ: '∘', bullet: '•', oplus: '⊕', otimes: '⊗', odot: '⊙', leq: '≤', le: '≤', geq: '≥', ge: '≥',
  neq: '≠', ne: '≠', approx: '≈', sim: '∼', simeq: '≃', equiv: '≡', propto: '∝', ll: '≪', gg: '≫',
  in: '∈', notin: '∉', subset: '⊂', subseteq: '⊆', supset: '⊃', supseteq: '⊇', cup: '∪', cap: '∩',
  setminus: '∖', to: '→', rightarrow: '→', leftarrow: '←', gets: '←', Rightarrow: '⇒', Leftarrow: '⇐',
  leftrightarrow: '↔', Leftrightarrow: '⇔', mapsto: '↦', implies: '⟹', iff: '⟺', uparrow: '↑',
  downarrow: '↓', sum: '∑', prod: '∏', int: '∫', oint: '∮', ldots: '…', cdots: '⋯', dots: '…',
  vdots: '⋮', langle: '⟨', rangle: '⟩', lceil: '⌈', rceil: '⌉', lfloor: '⌊', rfloor: '⌋', mid: '|',
  vert: '|', lvert: '|', rvert: '|', Vert: '‖', lVert: '‖', rVert: '‖', '|': '‖', top: '⊤', bot: '⊥',
  perp: '⊥', prime: '′', dagger: '†', land: '∧', wedge: '∧', lor: '∨', vee: '∨', checkmark: '✓',
  // Spacing commands read as one space (or none).
  ',': ' ', ';': ' ', ':': ' ', ' ': ' ', '!': '', quad: ' ', qquad: ' ', '\\': ' ',
  // Sizing and style switches carry no text.
  left: '', right: '', big: '', Big: '', bigg: '', Bigg: '', bigl: '', bigr: '', Bigl: '', Bigr: '',
  displaystyle: '', textstyle: '', limits: '', nolimits: '',
};

// Commands whose one argument is shown as is, or transformed.
const COMBINING = (mark: string) => (text: string) => (Array.from(text).length === 1 ? text + mark : text);
const WRAPPERS: Record<string, (text: string) => string> = {
  mathrm: (t) => t, mathit: (t) => t, mathbf: (t) => t, mathsf: (t) => t, mathtt: (t) => t,
  mathcal: (t) => t, mathscr: (t) => t, mathfrak: (t) => t, boldsymbol: (t) => t, bm: (t) => t,
  text: (t) => t, textbf: (t) => t, textit: (t) => t, textrm: (t) => t, texttt: (t) => t, emph: (t) => t,
  operatorname: (t) => t, mbox: (t) => t,
  mathbb: (t) => Array.from(t, doubleStruck).join(''),
  hat: COMBINING('\u0302'), widehat: COMBINING('\u0302'), bar: COMBINING('\u0304'),
  overline: COMBINING('\u0305'), tilde: COMBINING('\u0303'), widetilde: COMBINING('\u0303'),
  vec: COMBINING('\u20D7'), dot: COMBINING('\u0307'),
  sqrt: (t) => (Array.from(t).length === 1 ? `√${t}` : `√(${t})`),
};

const STRUCK: Record<string, string> = { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' };
function doubleStruck(ch: string): string {
  if (STRUCK[ch]) return STRUCK[ch];
  const code = ch.charCodeAt(0);
  if (code >= 65 && code <= 90) return String.fromCodePoint(0x1d538 + code - 65);
  if (code >= 97 && code <= 122) return String.fromCodePoint(0x1d552 + code - 97);
  if (code >= 48 && code <= 57) return String.fromCodePoint(0x1d7d8 + code - 48);
  return ch;
}

const pairs = (from: string, to: string) => {
  const a = Array.from(from);
  const b = Array.from(to);
  return Object.fromEntries(a.map((ch, i) => [ch, b[i]]));
};
const SUPER: Record<string, string> = {
  ...pairs('0123456789+-−=()abcdefghijklmnoprstuvwxyzTn', '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᵀⁿ'),
  // Marks that are already written raised.
  '′': '′', '″': '″', '∗': '∗', '*': '∗', '†': '†', '⊤': 'ᵀ',
};
const SUB: Record<string, string> = pairs('0123456789+-−=()aehijklmnoprstuvxβγρφχ', '₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ');

function script(text: string, marker: '^' | '_'): string {
  const table = marker === '^' ? SUPER : SUB;
  const chars = Array.from(text);
  if (chars.length && chars.every((ch) => table[ch])) return chars.map((ch) => table[ch]).join('');
  return chars.length > 1 ? `${marker}(${text})` : marker + text;
}

/** Reads one argument at `i`: a `{group}`, a `\command`, or one character. Returns [source, next index]. */
function nextArg(src: string, i: number): [string, number] {
  while (src[i] === ' ') i++;
  if (src[i] === '{') {
    let depth = 0;
    for (let j = i; j < src.length; j++) {
      if (src[j] === '\\') j++;
      else if (src[j] === '{') depth++;
      else if (src[j] === '}' && --depth === 0) return [src.slice(i + 1, j), j + 1];
    }
    return [src.slice(i + 1), src.length];
  }
  const command = /^\\(?:[a-zA-Z]+|.)/.exec(src.slice(i));
  if (command) return [command[0], i + command[0].length];
  const ch = src.codePointAt(i);
  if (ch === undefined) return ['', i];
  const one = String.fromCodePoint(ch);
  return [one, i + one.length];
}

/** Turns the inside of `$…$` into readable text. */
export function texToText(src: string): string {
  return convert(src).normalize('NFC');
}

/** Math as it goes into prose: `_`/`*` it produced are shielded from the emphasis pass. */
const mathInProse = (src: string) => texToText(src).replace(/_/g, UNDERSCORE).replace(/\*/g, ASTERISK);

function convert(src: string): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') {
      const match = /^\\([a-zA-Z]+|.?)/.exec(src.slice(i))!;
      const name = match[1];
      i += match[0].length;
      if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
        const [a, afterA] = nextArg(src, i);
        const [b, afterB] = nextArg(src, afterA);
        i = afterB;
        const wrap = (t: string) => (Array.from(t).length > 1 ? `(${t})` : t);
        out += `${wrap(convert(a))}/${wrap(convert(b))}`;
      } else if (Object.hasOwn(WRAPPERS, name)) {
        if (name === 'sqrt' && src[i] === '[') i = src.indexOf(']', i) + 1 || src.length; // drop the root index
        const [arg, next] = nextArg(src, i);
        i = next;
        out += WRAPPERS[name](convert(arg));
      } else if (Object.hasOwn(SYMBOLS, name)) {
        out += SYMBOLS[name];
      } else {
        // An escaped character (`\%`, `\{`, `\_`) or an operator name (`\log`, `\max`) reads as itself;
        // so do names the tables inherit from Object (`\toString`: own keys only).
        out += name;
      }
    } else if (c === '^' || c === '_') {
      const [arg, next] = nextArg(src, i + 1);
      i = next;
      out += script(convert(arg), c);
    } else if (c === '{' || c === '}') {
      i++;
    } else {
      out += c === '~' ? ' ' : c;
      i++;
    }
  }
  return out;
}

// `$$…$$`, `\(…\)`, `\[…\]`, and `$…$` where the opening `$` is followed and the closing one
// preceded by a non-space and not followed by a digit (pandoc's rule), so "$5 and $10" stays prose.
const MATH = /\$\$([\s\S]+?)\$\$|\\\(([\s\S]+?)\\\)|\\\[([\s\S]+?)\\\]|\$(?=\S)((?:\\.|[^$\\])*?(?:\\.|[^\s$\\]))\$(?!\d)/g;

// `**x**`/`__x__` strong, `*x*`/`_x_` emphasis. Single markers need a non-letter outside and a
// non-space inside, so `snake_case_name` and `2*3*4` stay as written; `__` needs a non-letter
// outside too (`a__b__c`), and Python's common dunder names (`__init__`) never open it.
const EMPHASIS =
  /(\*\*|(?<![\p{L}\p{N}_])__(?!(?:init|call|main|name|new|repr|str|dict|class|getitem)__))(?=[^\s*_])([\s\S]*?[^\s])\1(?!(?<=_)[\p{L}\p{N}_])|(?<![\p{L}\p{N}\\*])\*(?=[^\s*])([^*]*?[^\s*])\*(?![\p{L}\p{N}*])|(?<![\p{L}\p{N}_])_(?=[^\s_])([^_]*?[^\s_])_(?![\p{L}\p{N}_])/gu;

function emphasis(text: string, strong: boolean, out: TextPart[]): void {
  let last = 0;
  for (const match of text.matchAll(EMPHASIS)) {
    push(out, text.slice(last, match.index), strong, false);
    if (match[2] !== undefined) emphasis(match[2], true, out);
    else push(out, match[3] ?? match[4], strong, true);
    last = match.index! + match[0].length;
  }
  push(out, text.slice(last), strong, false);
}

function push(out: TextPart[], text: string, strong: boolean, em: boolean): void {
  if (!text) return;
  const prev = out[out.length - 1];
  if (prev && !!prev.strong === strong && !!prev.em === em) {
    prev.text += text;
    return;
  }
  const part: TextPart = { text };
  if (strong) part.strong = true;
  if (em) part.em = true;
  out.push(part);
}

const restore = (text: string) => text.replaceAll(UNDERSCORE, '_').replaceAll(ASTERISK, '*');

/** Splits a title or abstract into readable text runs: TeX as Unicode, markdown emphasis as flags. */
export function readableParts(input: unknown): TextPart[] {
  if (typeof input !== 'string' || !input) return [];
  const prose = input
    .replace(MATH, (_, display, inline, block, dollar) => mathInProse(display ?? inline ?? block ?? dollar))
    .replace(/\s+/g, ' ')
    .trim();
  const parts: TextPart[] = [];
  emphasis(prose, false, parts);
  for (const part of parts) part.text = restore(part.text);
  return parts;
}

/** The same as plain text (for `alt`, `title` and accessible names). */
export function readableText(input: unknown): string {
  return readableParts(input)
    .map((part) => part.text)
    .join('');
}
