// Paper titles and abstracts carry TeX (`$\ell_p$-norm`) and markdown emphasis (`**top-H**`). We
// show them as readable TEXT: math becomes Unicode where Unicode has the symbol, emphasis becomes
// flags the element turns into <strong>/<em> with Lit templates. Nothing here produces markup, so
// hostile input stays literal text. It is deliberately small: the common 95% of arXiv titles, not TeX.
import { clip } from '../feed/limits.js';

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
/** True when `text` is one code point (without splitting a long text into an array). */
const isOne = (text: string) => text.length === 1 || (text.length === 2 && text.codePointAt(0)! > 0xffff);
const COMBINING = (mark: string) => (text: string) => (isOne(text) ? text + mark : text);
const WRAPPERS: Record<string, (text: string) => string> = {
  mathrm: (t) => t, mathit: (t) => t, mathbf: (t) => t, mathsf: (t) => t, mathtt: (t) => t,
  mathcal: (t) => t, mathscr: (t) => t, mathfrak: (t) => t, boldsymbol: (t) => t, bm: (t) => t,
  text: (t) => t, textbf: (t) => t, textit: (t) => t, textrm: (t) => t, texttt: (t) => t, emph: (t) => t,
  operatorname: (t) => t, mbox: (t) => t,
  mathbb: (t) => (t.length > 64 ? t : Array.from(t, doubleStruck).join('')),
  hat: COMBINING('\u0302'), widehat: COMBINING('\u0302'), bar: COMBINING('\u0304'),
  overline: COMBINING('\u0305'), tilde: COMBINING('\u0303'), widetilde: COMBINING('\u0303'),
  vec: COMBINING('\u20D7'), dot: COMBINING('\u0307'),
  sqrt: (t) => (isOne(t) ? `√${t}` : `√(${t})`),
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
  // Raised or lowered letters exist for short scripts only; a long one is never all mappable in practice.
  if (text.length <= 64) {
    const chars = Array.from(text);
    if (chars.length && chars.every((ch) => table[ch])) return chars.map((ch) => table[ch]).join('');
  }
  return isOne(text) || !text ? marker + text : `${marker}(${text})`;
}

/**
 * Groups nested deeper than this are shown as their TeX source, and emphasis nested deeper as plain
 * text: real titles nest a few levels (`\mathbb{R}^{d_{k}}`); 10,000 levels of `^{` overflowed the
 * call stack (issue 18). It also bounds the work: each level rescans its group at most once.
 */
export const MAX_DEPTH = 8;
/** Emphasis inside strong inside strong… is read this deep; real text nests one level. */
const MAX_EMPHASIS_DEPTH = 4;
/**
 * Titles and abstracts are read up to this many characters and cut there with an ellipsis. arXiv
 * limits abstracts to 1,920 characters; the longest in the real feeds checked (../shared/real-feeds,
 * arXiv and Hugging Face) is 1,933, the longest title 125. The feed engine already cuts titles at
 * 1,000 and summaries at 10,000 (feed/limits.ts); this bounds papers a page hands to a card directly.
 */
export const MAX_TEXT = 10_000;

const COMMAND = /\\([a-zA-Z]+|.?)/y;

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
  if (src[i] === '\\') {
    COMMAND.lastIndex = i;
    const command = COMMAND.exec(src)![0];
    if (command.length > 1) return [command, i + command.length];
  }
  const ch = src.codePointAt(i);
  if (ch === undefined) return ['', i];
  const one = String.fromCodePoint(ch);
  return [one, i + one.length];
}

/** Turns the inside of `$…$` into readable text. */
export function texToText(src: string): string {
  return convert(src, 0).normalize('NFC');
}

/** Math as it goes into prose: `_`/`*` it produced are shielded from the emphasis pass. */
const mathInProse = (src: string) => texToText(src).replace(/_/g, UNDERSCORE).replace(/\*/g, ASTERISK);

// Linear in the input for a bounded depth: every character is read once per level it is nested in,
// and below MAX_DEPTH a group is shown as written.
function convert(src: string, depth: number): string {
  if (depth > MAX_DEPTH) return src;
  const inner = (text: string) => convert(text, depth + 1);
  let out = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') {
      COMMAND.lastIndex = i;
      const match = COMMAND.exec(src)!;
      const name = match[1];
      i += match[0].length;
      if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
        const [a, afterA] = nextArg(src, i);
        const [b, afterB] = nextArg(src, afterA);
        i = afterB;
        const wrap = (t: string) => (t && !isOne(t) ? `(${t})` : t);
        out += `${wrap(inner(a))}/${wrap(inner(b))}`;
      } else if (Object.hasOwn(WRAPPERS, name)) {
        if (name === 'sqrt' && src[i] === '[') i = src.indexOf(']', i) + 1 || src.length; // drop the root index
        const [arg, next] = nextArg(src, i);
        i = next;
        out += WRAPPERS[name](inner(arg));
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
      out += script(inner(arg), c);
    } else if (c === '{' || c === '}') {
      i++;
    } else {
      out += c === '~' ? ' ' : c;
      i++;
    }
  }
  return out;
}

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);
const WORD = /[\p{L}\p{N}]/u;
/** The code point that ends just before `i` (a surrogate pair read whole). */
function before(s: string, i: number): string {
  if (i <= 0) return '';
  const low = s.charCodeAt(i - 1);
  return i >= 2 && low >= 0xdc00 && low <= 0xdfff ? s.slice(i - 2, i) : s[i - 1];
}
/** The code point that starts at `i`. */
function at(s: string, i: number): string {
  const code = s.codePointAt(i);
  return code === undefined ? '' : String.fromCodePoint(code);
}
const isWord = (ch: string) => ch !== '' && WORD.test(ch);

/**
 * Replaces math with readable text, in one pass: `$$…$$`, `\(…\)`, `\[…\]`, and `$…$` where the
 * opening `$` is followed and the closing one preceded by a non-space and not followed by a digit
 * (pandoc's rule), so "$5 and $10" stays prose. It reads what the regular expression it replaces
 * read, without retrying every opener against the rest of the text: 50,000 unclosed `\(` took
 * seconds that way (issue 18). Once a closer is missing, no later opener of that kind looks for it.
 */
function replaceMath(src: string): string {
  let out = '';
  let i = 0;
  let plainFrom = 0;
  const missing = new Set<string>();
  let dollarFailsUntil = -1;
  const emit = (from: number, to: number, text: string) => {
    out += src.slice(plainFrom, from) + mathInProse(text);
    plainFrom = i = to;
  };
  const delimited = (open: string, close: string): boolean => {
    if (!src.startsWith(open, i) || missing.has(close)) return false;
    const end = src.indexOf(close, i + open.length + 1);
    if (end < 0) {
      missing.add(close);
      return false;
    }
    emit(i, end + close.length, src.slice(i + open.length, end));
    return true;
  };
  while (i < src.length) {
    const c = src[i];
    if (c === '$') {
      if (delimited('$$', '$$')) continue;
      if (i >= dollarFailsUntil && !isSpace(src[i + 1]) && i + 1 < src.length) {
        // The content: escapes (`\$`) or any character but `$`; it ends at the first unescaped `$`.
        let j = i + 1;
        let escaped = false;
        while (j < src.length && src[j] !== '$') {
          escaped = src[j] === '\\';
          if (!escaped) j++;
          else if (j + 1 >= src.length || /[\n\r\u2028\u2029]/.test(src[j + 1])) break;
          else j += 2;
        }
        const closes = src[j] === '$' && j > i + 1 && (escaped || !isSpace(src[j - 1])) && !/\d/.test(src[j + 1] ?? '');
        if (closes) {
          emit(i, j + 1, src.slice(i + 1, j));
          continue;
        }
        // Every `$` up to j is escaped inside this same run, so starting there fails the same way.
        dollarFailsUntil = j;
      }
      i++;
    } else if (c === '\\') {
      if (delimited('\\(', '\\)') || delimited('\\[', '\\]')) continue;
      i++;
    } else {
      i++;
    }
  }
  return out + src.slice(plainFrom);
}

const DUNDER = /(?:init|call|main|name|new|repr|str|dict|class|getitem)__/y;

/**
 * Markdown emphasis: `**x**`/`__x__` strong, `*x*`/`_x_` emphasis. Single markers need a non-letter
 * outside and a non-space inside, so `snake_case_name` and `2*3*4` stay as written; `__` needs a
 * non-letter outside too (`a__b__c`), and Python's common dunder names (`__init__`) never open it.
 * An opener pairs with the first closer that fits after it. The closers of each kind are listed once
 * and found by binary search, so unclosed markers cost nothing more (100,000 characters of `**x `
 * blocked the page 6 s with a lazy regular expression; issue 18). Strong text is read again for
 * emphasis inside it, down to MAX_EMPHASIS_DEPTH levels, then kept as plain text.
 */
function emphasis(text: string, strong: boolean, out: TextPart[], depth = 0): void {
  if (depth > MAX_EMPHASIS_DEPTH) {
    push(out, text, strong, false);
    return;
  }
  const n = text.length;
  // Closers of `**` and `__`: the marker, a non-space before it, and for `__` no word character after.
  const closers: Record<string, number[]> = { '**': [], __: [] };
  for (let p = 1; p + 1 < n; p++) {
    const c = text[p];
    if ((c !== '*' && c !== '_') || text[p + 1] !== c || isSpace(text[p - 1])) continue;
    if (c === '_') {
      const after = at(text, p + 2);
      if (after === '_' || isWord(after)) continue;
    }
    closers[c + c].push(p);
  }
  const firstCloser = (list: number[], from: number): number => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < list.length ? list[lo] : -1;
  };
  let last = 0;
  let i = 0;
  while (i < n) {
    const c = text[i];
    if (c !== '*' && c !== '_') {
      i++;
      continue;
    }
    const prev = before(text, i);
    const next = text[i + 2];
    // Strong: `**` anywhere, `__` after a non-word character and not opening a dunder name.
    if (text[i + 1] === c && next !== undefined && !isSpace(next) && next !== '*' && next !== '_') {
      let opens = true;
      if (c === '_') {
        DUNDER.lastIndex = i + 2;
        opens = !(prev === '_' || isWord(prev)) && !DUNDER.test(text);
      }
      const close = opens ? firstCloser(closers[c + c], i + 3) : -1;
      if (close >= 0) {
        push(out, text.slice(last, i), strong, false);
        emphasis(text.slice(i + 2, close), true, out, depth + 1);
        i = last = close + 2;
        continue;
      }
    }
    // Emphasis: a single marker outside a word, with no marker of its kind inside.
    const inside = text[i + 1];
    const blocked = prev === c || isWord(prev) || (c === '*' && prev === '\\');
    if (!blocked && inside !== undefined && !isSpace(inside) && inside !== c) {
      const close = text.indexOf(c, i + 2);
      if (close > 0 && !isSpace(text[close - 1]) && !(close + 1 < n && (text[close + 1] === c || isWord(at(text, close + 1))))) {
        push(out, text.slice(last, i), strong, false);
        push(out, text.slice(i + 1, close), strong, true);
        i = last = close + 1;
        continue;
      }
    }
    i++;
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

/**
 * Splits a title or abstract into readable text runs: TeX as Unicode, markdown emphasis as flags.
 * Time is linear in the text (up to `MAX_TEXT` characters are read; a longer text is cut with an
 * ellipsis) and nesting deeper than `MAX_DEPTH` is shown as written.
 */
export function readableParts(input: unknown, max = MAX_TEXT): TextPart[] {
  if (typeof input !== 'string' || !input) return [];
  const prose = replaceMath(clip(input, max)).replace(/\s+/g, ' ').trim();
  const parts: TextPart[] = [];
  emphasis(prose, false, parts);
  for (const part of parts) part.text = restore(part.text);
  return parts;
}

/** The same as plain text (for `alt`, `title` and accessible names). */
export function readableText(input: unknown, max = MAX_TEXT): string {
  return readableParts(input, max)
    .map((part) => part.text)
    .join('');
}
