// What happens to feed XML before a parser sees it, in one linear pass (indexOf and char codes; no
// regular expression runs over the whole body, so a huge or hostile body cannot make it backtrack).
//
// Always:
// - Attributes named `on…` are renamed `x-on…`. Chromium checks the page's CSP whenever a parser
//   creates an inline event-handler attribute, even in an inert DOMParser document where it can never
//   run, and reports a `script-src-attr` violation to the host page (the TypePad Atom feed's
//   `type="xhtml"` content has `onclick`s). Adapters never read such attributes.
// - Character references to C1 controls (`&#146;`) become the Windows-1252 character they were meant
//   to be (see decode.ts), as feedparser does.
// With `recover` (only after the strict parse failed, so a well-formed feed is read exactly as written):
// - a DOCTYPE is dropped (feed readers never load DTDs; XHTML and Netscape RSS 0.91 DTDs are common);
// - named references XML does not define (`&nbsp;`, `&eacute;`) become the character HTML gives them,
//   and an `&` that starts no reference becomes `&amp;`;
// - a namespace prefix that is used but never declared (`itunes:`) is declared on the root element;
// - an end tag cut off at the very end (`</rss`) gets its `>`.
// Mismatched or unclosed elements are not guessed at: that body is refused.
import { parseDocument } from './parse-document.js';
import { CP1252 } from './decode.js';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c > 127;
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** Returns the body to parse; the same string when nothing needed changing. */
export function prepareXml(text: string, recover = false): string {
  const steps = prepareSteps(text, recover);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `prepareXml` as steps: it pauses (yields) every 256 constructs, so that a caller can spread a
 * 5 MB body over several tasks (slices.ts); its return value is prepareXml's.
 */
export function* prepareSteps(text: string, recover = false): Generator<void, string> {
  const out: string[] = [];
  let from = 0; // text[from, i) is not yet copied to out
  let changed = false;
  const used = new Set<string>();
  const declared = new Set<string>(['xml', 'xmlns']);
  let rootSlot = -1; // index in out where undeclared prefixes go (end of the root's start tag)
  const named = new Map<string, string>();

  const cut = (at: number, replacement: string, resume: number) => {
    out.push(text.slice(from, at), replacement);
    from = resume;
    changed = true;
  };

  // Handles a `&` at i in text or an attribute value; returns where to continue.
  const reference = (i: number): number => {
    let j = i + 1;
    if (text.charCodeAt(j) === 35) {
      // &#123; or &#x1F;
      j++;
      const hex = text.charCodeAt(j) === 120 || text.charCodeAt(j) === 88;
      if (hex) j++;
      const start = j;
      while (j < text.length && j - start < 8 && (hex ? /[0-9a-fA-F]/.test(text[j]) : /[0-9]/.test(text[j]))) j++;
      if (j > start && text.charCodeAt(j) === 59) {
        const code = parseInt(text.slice(start, j), hex ? 16 : 10);
        if (code >= 0x80 && code <= 0x9f && CP1252[code - 0x80].charCodeAt(0) !== code) cut(i, CP1252[code - 0x80], j + 1);
        return j + 1;
      }
    } else if (isNameStart(text.charCodeAt(j))) {
      while (j < text.length && j - i < 40 && isNameChar(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) === 59) {
        const name = text.slice(i + 1, j);
        if (recover && !XML_ENTITIES.has(name)) {
          let value = named.get(name);
          if (value === undefined) named.set(name, (value = escapeXml(htmlEntity(name))));
          cut(i, value || `&amp;${name};`, j + 1);
        }
        return j + 1;
      }
    }
    if (recover) cut(i, '&amp;', i + 1);
    return i + 1;
  };

  const prefixOf = (name: string) => {
    const colon = name.indexOf(':');
    return colon > 0 ? name.slice(0, colon) : '';
  };

  // The next `&` and `&#` at or after a position. Positions only grow, so each search starts where
  // the last one ended and the whole pass stays linear (a fresh indexOf per attribute would scan on
  // to the next `&` of the document each time).
  let amp = -1;
  let numeric = -1;
  const nextAmp = (from: number) => {
    if (amp < from) {
      const found = text.indexOf('&', from);
      amp = found < 0 ? Infinity : found;
    }
    return amp;
  };
  const nextNumeric = (from: number) => {
    if (numeric < from) {
      const found = text.indexOf('&#', from);
      numeric = found < 0 ? Infinity : found;
    }
    return numeric;
  };
  // All references in [from, to).
  const references = (from: number, to: number) => {
    if (!recover && nextNumeric(from) >= to) return;
    for (let at = nextAmp(from); at < to; at = nextAmp(at + 1)) reference(at);
  };

  let i = 0;
  let depth = 0;
  let constructs = 0;
  while (i < text.length) {
    if ((++constructs & 255) === 0) yield;
    const lt = text.indexOf('<', i);
    const stop = lt < 0 ? text.length : lt;
    references(i, stop);
    if (lt < 0) break;
    i = lt;
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      i = end < 0 ? text.length : end + 3;
    } else if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      i = end < 0 ? text.length : end + 3;
    } else if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      const next = end < 0 ? text.length : end + 2;
      // An XML declaration after a comment (feedparser's files put their header first) is an error;
      // the body is already decoded, so it says nothing any more.
      if (recover && i > 0 && /^<\?xml\s/.test(text.slice(i, i + 6))) cut(i, '', next);
      i = next;
    } else if (text.startsWith('<!', i)) {
      // <!DOCTYPE …> with an optional [internal subset]
      let j = i + 2;
      let bracket = false;
      for (; j < text.length; j++) {
        const c = text.charCodeAt(j);
        if (c === 91) bracket = true;
        else if (c === 93) bracket = false;
        else if (c === 62 && !bracket) break;
      }
      if (recover) {
        // Its internal entities (`<!ENTITY id "tag:example.com,">`) still mean what they say.
        for (const m of text.slice(i, j).matchAll(/<!ENTITY\s+([\w.-]+)\s+(?:"([^"]*)"|'([^']*)')/g)) {
          named.set(m[1], (m[2] ?? m[3]).replace(/&(?!(?:#\d+|#x[\da-f]+|amp|lt|gt|quot|apos);)/gi, '&amp;'));
        }
        cut(i, '', j + 1);
      }
      i = j + 1;
    } else if (text.charCodeAt(i + 1) === 47) {
      depth--;
      const end = text.indexOf('>', i);
      // The last end tag cut off before its `>` (`</rss` at the end of feedparser's entity tests).
      // Elements left open are not closed: a body cut short is a broken download, not a feed to guess at.
      if (recover && end < 0 && /^<\/[\w:.-]+\s*$/.test(text.slice(i))) cut(text.length, '>', text.length);
      i = end < 0 ? text.length : end + 1;
    } else {
      // A start tag: its name, then attributes.
      let j = i + 1;
      while (j < text.length && isNameChar(text.charCodeAt(j))) j++;
      if (j === i + 1) {
        // `<` that starts no tag ("a < b" in text)
        if (recover) cut(i, '&lt;', i + 1);
        i++;
        continue;
      }
      const isRoot = depth === 0;
      if (recover) used.add(prefixOf(text.slice(i + 1, j)));
      for (;;) {
        while (j < text.length && isSpace(text.charCodeAt(j))) j++;
        const c = text.charCodeAt(j);
        if (j >= text.length || c === 62 || (c === 47 && text.charCodeAt(j + 1) === 62)) break;
        const nameStart = j;
        for (let c = text.charCodeAt(j); j < text.length && !isSpace(c) && c !== 61 && c !== 62 && c !== 47; c = text.charCodeAt(++j));
        if (j === nameStart) {
          j++;
          continue;
        }
        const name = text.slice(nameStart, j);
        if ((name.charCodeAt(0) | 32) === 111 && (name.charCodeAt(1) | 32) === 110) cut(nameStart, 'x-', nameStart);
        if (recover) {
          if (name.startsWith('xmlns:')) declared.add(name.slice(6));
          else used.add(prefixOf(name));
        }
        while (j < text.length && isSpace(text.charCodeAt(j))) j++;
        if (text.charCodeAt(j) !== 61) continue;
        j++;
        while (j < text.length && isSpace(text.charCodeAt(j))) j++;
        const quote = text[j];
        if (quote === '"' || quote === "'") {
          const end = text.indexOf(quote, j + 1);
          const close = end < 0 ? text.length : end;
          references(j + 1, close);
          j = close + 1;
        } else {
          while (j < text.length && !isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 62) j++;
        }
      }
      const selfClosing = text.charCodeAt(j) === 47;
      if (isRoot && recover && rootSlot < 0) {
        out.push(text.slice(from, j));
        from = j;
        rootSlot = out.length;
        out.push('');
      }
      if (!selfClosing) depth++;
      i = selfClosing ? j + 2 : j + 1;
    }
  }
  used.delete('');
  const missing = [...used].filter((prefix) => !declared.has(prefix));
  if (missing.length && rootSlot >= 0) {
    out[rootSlot] = missing.map((prefix) => ` xmlns:${prefix}="urn:x-undeclared:${prefix}"`).join('');
    changed = true;
  }
  if (!changed) return text;
  out.push(text.slice(from));
  return out.join('');
}

function escapeXml(value: string): string {
  return value.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** What the HTML parser makes of `&name;` (it knows every HTML entity); '' for a name HTML lacks. */
function htmlEntity(name: string): string {
  const text = parseDocument(`<p>&${name};</p>`, 'text/html').body?.textContent ?? '';
  // An unknown name comes back as written; HTML also reads a known prefix without its `;`
  // ("&notit;" → "¬it;"), which is not this entity either.
  return text && !text.endsWith(';') && text.length <= 2 ? text : '';
}
