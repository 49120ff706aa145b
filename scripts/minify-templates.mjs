// Build-time minification of Lit template literals: the text inside html`…`/svg`…` and css`…`.
// esbuild and Rolldown minify the code around a template but leave its text as written, so every
// indentation run and CSS comment in our elements used to ship (and count against the budgets).
//
// What it does, and why it cannot change what renders:
// - css`…`: comments go; whitespace runs become one space; the space next to `{ } ; , >` and after
//   `:` goes (never before `:`, so `.a :hover` keeps its descendant combinator); `;}` becomes `}`.
//   Quoted strings are copied as they are.
// - html`…`: in text, whitespace runs become one space (what CSS whitespace collapsing shows anyway);
//   a run is dropped only where it touches a block-level tag (`<div>`, `<p>`, `<li>`, …) on the side
//   where CSS would drop it too (start or end of a line), or where it sits inside <svg> or between
//   <option>s. Inside a tag, attribute gaps become one space and the space before `>` goes;
//   `/>` of a void HTML element becomes `>`. Quoted attribute values, comments, and the content of
//   <pre>, <textarea>, <script>, <style> and <title> are copied as they are. Whitespace next to a
//   binding between inline content (`${a} ${b}`) is kept.
// - Only tags imported from Lit (`lit`, `lit/static-html.js`, `lit-html`, …) are touched, under
//   whatever local name they have (`html as staticHtml`). Bindings are never moved or merged: the
//   number of `${}` holes is checked before and after.
// Templates are found with the TypeScript parser (a devDependency already), not with regexes.
import { readFileSync } from 'node:fs';
import ts from 'typescript';

const LIT_MODULE = /^(?:lit|lit-html|lit-element|@lit\/reactive-element)(?:\/|$)/;
const BIND = '\u0000';

// Whitespace next to these tags is dropped on both sides: they start and end lines (or are flex/grid
// items, or sit in <svg>/<select> where text does not render).
const BLOCK = new Set(
  'address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr legend li main nav ol optgroup option p section summary table tbody td tfoot th thead tr ul style template'.split(
    ' ',
  ),
);
const SVG_CHILD = new Set(
  'path g circle rect line polyline polygon ellipse defs use symbol clippath mask lineargradient radialgradient stop desc'.split(' '),
);
// Whitespace only on the inside of these is dropped (the element itself sits in a line of text).
const INSIDE_ONLY = new Set(['svg', 'button', 'select']);
const RAW_TEXT = new Set(['pre', 'textarea', 'script', 'style', 'title']);
const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '));

const outsideDroppable = (name) => BLOCK.has(name) || SVG_CHILD.has(name);
const insideDroppable = (name) => outsideDroppable(name) || INSIDE_ONLY.has(name);

/** Whether whitespace right after `token` (a tag) may go. */
function dropAfter(token) {
  if (!token || token.type !== 'tag') return false;
  return token.closing || VOID.has(token.name) ? outsideDroppable(token.name) : insideDroppable(token.name);
}

/** Whether whitespace right before `token` (a tag) may go. */
function dropBefore(token) {
  if (!token || token.type !== 'tag') return false;
  return token.closing ? insideDroppable(token.name) : outsideDroppable(token.name);
}

/** Splits an html template (holes marked with BIND) into text, bind, tag, comment and raw tokens. */
function tokenizeHtml(source) {
  const tokens = [];
  let i = 0;
  let text = '';
  const flushText = () => {
    if (text) tokens.push({ type: 'text', value: text });
    text = '';
  };
  while (i < source.length) {
    const c = source[i];
    if (c === BIND) {
      flushText();
      tokens.push({ type: 'bind', value: BIND });
      i++;
      continue;
    }
    if (c === '<' && source.startsWith('<!--', i)) {
      flushText();
      const end = source.indexOf('-->', i + 4);
      const stop = end === -1 ? source.length : end + 3;
      tokens.push({ type: 'verbatim', value: source.slice(i, stop) });
      i = stop;
      continue;
    }
    const next = source[i + 1];
    if (c === '<' && next !== undefined && /[A-Za-z/!\u0000]/.test(next)) {
      flushText();
      // A tag: up to the first `>` outside quotes; holes may sit in it.
      let j = i + 1;
      let quote = '';
      while (j < source.length) {
        const d = source[j];
        if (quote) {
          if (d === quote) quote = '';
        } else if (d === '"' || d === "'") quote = d;
        else if (d === '>') break;
        j++;
      }
      const raw = source.slice(i, j + 1);
      const closing = raw[1] === '/';
      const name = (/^<\/?([A-Za-z][\w-]*)/.exec(raw)?.[1] ?? '').toLowerCase();
      tokens.push({ type: 'tag', value: raw, name, closing });
      i = j + 1;
      if (!closing && RAW_TEXT.has(name)) {
        const close = source.toLowerCase().indexOf(`</${name}`, i);
        const stop = close === -1 ? source.length : close;
        if (stop > i) tokens.push({ type: 'verbatim', value: source.slice(i, stop) });
        i = stop;
      }
      continue;
    }
    text += c;
    i++;
  }
  flushText();
  return tokens;
}

/** The inside of one tag: attribute gaps to one space, no space before `>`, void `/>` to `>`. */
function minifyTag(token) {
  if (token.value.startsWith('<!')) return token.value; // <!doctype …>
  let out = '';
  let quote = '';
  const { value } = token;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quote) {
      out += c;
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
      out += c;
    } else if (/\s/.test(c)) {
      let j = i;
      while (j + 1 < value.length && /\s/.test(value[j + 1])) j++;
      const after = value[j + 1];
      const before = out[out.length - 1];
      // `name=${x} />`: without the space the `/` would join an unquoted bound value.
      const dropped = after === '>' || (after === '/' && value[j + 2] === '>' && before !== BIND && before !== undefined);
      if (!dropped) out += ' ';
      i = j;
    } else out += c;
  }
  if (!token.closing && VOID.has(token.name) && out.endsWith('/>')) {
    out = out.slice(0, -2).replace(/ $/, '') + '>';
  }
  return out;
}

// A whitespace run becomes one space or nothing. Keeping its newlines instead, so that templates
// kept their line count, measured +315 B gzip on the CDN file: the source map is rewritten instead
// (`applyEdits`).
function minifyText(value, before, after) {
  // A backslash in the raw text is an escape (maybe a line continuation): leave such text alone.
  if (value.includes('\\')) return value;
  const runs = value.split(/([ \t\n\r\f]+)/);
  const last = runs.length - 1;
  return runs
    .map((run, k) => {
      if (k % 2 === 0) return run;
      const dropIt = (k === 1 && runs[0] === '' && dropAfter(before)) || (k === last - 1 && runs[last] === '' && dropBefore(after));
      return dropIt ? '' : ' ';
    })
    .join('');
}

/** Minifies the text of one html`…` template, given as its literal strings (raw), one per hole + 1. */
export function minifyHtmlStrings(strings) {
  const source = strings.join(BIND);
  const tokens = tokenizeHtml(source);
  const out = tokens
    .map((token, k) => {
      if (token.type === 'text') return minifyText(token.value, tokens[k - 1], tokens[k + 1]);
      if (token.type === 'tag') return minifyTag(token);
      return token.value;
    })
    .join('');
  const result = out.split(BIND);
  if (result.length !== strings.length) throw new Error('[paperfeed] html minifier moved a binding');
  return result;
}

/** Minifies the text of one css`…` template, given as its literal strings (raw). */
export function minifyCssStrings(strings, cssVars) {
  const source = strings.join(BIND);
  const kept = [];
  let code = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      code += ' ';
      i = stop - 1;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      kept.push(source.slice(i, j + 1));
      code += `\u0001${kept.length - 1}\u0001`;
      i = j;
    } else if (c === '\\') {
      code += source.slice(i, i + 2); // an escape keeps the character after it
      i++;
    } else code += c;
  }
  code = code
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim()
    .replace(PRIVATE_VAR, (name) => cssVars?.get(name) ?? name)
    .replace(/\u0001(\d+)\u0001/g, (_, n) => kept[+n]);
  const result = code.split(BIND);
  if (result.length !== strings.length) throw new Error('[paperfeed] css minifier moved a binding');
  return result;
}

// Private custom properties (`--_accent`, STYLE §4): ours alone, set and read only in our css``.
const PRIVATE_VAR = /--_[A-Za-z][\w-]*/g;

/**
 * Short names for the private custom properties of `files` (`--_card-border` → `--_3`, the most
 * used first), one map for the whole build so that every component agrees. A name that also
 * appears in a string or template that is not css`…` (where a script could set or read it) keeps
 * its name. Public `--paperfeed-*` properties are never renamed.
 */
export function privateCssVars(files) {
  const uses = new Map();
  const elsewhere = new Set();
  for (const path of files) {
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const tags = litTags(file);
    const count = (node, inCss) => {
      for (const [name] of node.getText(file).matchAll(PRIVATE_VAR)) {
        if (inCss) uses.set(name, (uses.get(name) ?? 0) + 1);
        else elsewhere.add(name);
      }
    };
    const visit = (node) => {
      if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && tags.get(node.tag.text) === minifyCssStrings) {
        const template = node.template;
        if (ts.isNoSubstitutionTemplateLiteral(template)) count(template, true);
        else {
          count(template.head, true);
          for (const span of template.templateSpans) {
            count(span.literal, true);
            visit(span.expression);
          }
        }
        return;
      }
      if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) count(node, false);
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  const names = [...uses].filter(([name]) => !elsewhere.has(name)).sort((a, b) => b[1] - a[1]);
  return new Map(names.map(([name], i) => [name, `--_${i.toString(36)}`]));
}

/** The local names under which `html`, `svg` and `css` are imported from Lit in this file. */
function litTags(file) {
  const tags = new Map();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (!LIT_MODULE.test(statement.moduleSpecifier.text)) continue;
    const named = statement.importClause?.namedBindings;
    if (!named || !ts.isNamedImports(named)) continue;
    for (const element of named.elements) {
      const imported = (element.propertyName ?? element.name).text;
      if (imported === 'html' || imported === 'svg') tags.set(element.name.text, minifyHtmlStrings);
      else if (imported === 'css') tags.set(element.name.text, minifyCssStrings);
    }
  }
  return tags;
}

/**
 * The replacements that minify the text of the Lit templates in `code` (TypeScript or JavaScript),
 * as [start, end, text]; everything else stays byte for byte as it was.
 */
export function templateEdits(code, fileName = 'file.ts', cssVars = undefined) {
  const file = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const tags = litTags(file);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && tags.has(node.tag.text)) {
      const template = node.template;
      const pieces = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((span) => span.literal)];
      // Each piece runs from its opening `\`` or `}` to its closing `\`` or `${`.
      const ranges = pieces.map((piece) => {
        const start = piece.getStart(file) + 1;
        const closesTemplate =
          piece.kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral || piece.kind === ts.SyntaxKind.TemplateTail;
        return [start, piece.end - (closesTemplate ? 1 : 2)];
      });
      const before = ranges.map(([start, end]) => code.slice(start, end));
      const after = tags.get(node.tag.text)(before, cssVars);
      ranges.forEach(([start, end], k) => {
        if (after[k] !== before[k]) edits.push([start, end, after[k]]);
      });
    }
    ts.forEachChild(node, visit);
  };
  if (tags.size) visit(file);
  return edits;
}

/**
 * `code` with its Lit templates minified (and `extraEdits`, [start, end, text] replacements that
 * must not overlap the templates' text, applied too) and a source map back to `code`, or
 * `{ code, map: null }` when nothing changes.
 */
export function minifyTemplatesWithMap(code, fileName = 'file.ts', extraEdits = [], { templates = true, cssVars } = {}) {
  const edits = [...(templates ? templateEdits(code, fileName, cssVars) : []), ...extraEdits].sort((a, b) => a[0] - b[0]);
  if (!edits.length) return { code, map: null };
  for (let k = 1; k < edits.length; k++) {
    if (edits[k][0] < edits[k - 1][1]) throw new Error(`[paperfeed] overlapping source edits in ${fileName}`);
  }
  return applyEdits(code, edits, fileName);
}

/** Just the code of `minifyTemplatesWithMap`. */
export const minifyTemplates = (code, fileName) => minifyTemplatesWithMap(code, fileName).code;

// Source map v3 for a list of replacements: a mapping at every word start and line start of the
// text left as it was, and at the start (and each new line) of every replaced range.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function vlq(value) {
  let n = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    let digit = n & 31;
    n >>>= 5;
    if (n) digit |= 32;
    out += B64[digit];
  } while (n);
  return out;
}

function applyEdits(code, edits, fileName) {
  let out = '';
  const lines = [[]];
  let genCol = 0;
  let line = 0;
  let col = 0;
  const mark = () => lines[lines.length - 1].push([genCol, line, col]);
  const emit = (text) => {
    for (const c of text) {
      out += c;
      if (c === '\n') {
        lines.push([]);
        genCol = 0;
      } else genCol += c.length;
    }
  };
  const skip = (text) => {
    for (const c of text) {
      if (c === '\n') {
        line++;
        col = 0;
      } else col += c.length;
    }
  };
  let at = 0;
  const keep = (end) => {
    for (let i = at; i < end; i++) {
      const c = code[i];
      if (i === at || genCol === 0 || (/\w/.test(c) && !/\w/.test(code[i - 1]))) mark();
      emit(c);
      skip(c);
    }
    at = end;
  };
  for (const [start, end, text] of edits) {
    keep(start);
    mark();
    for (const [k, piece] of text.split('\n').entries()) {
      if (k) {
        emit('\n');
        mark();
      }
      emit(piece);
    }
    skip(code.slice(start, end));
    at = end;
  }
  keep(code.length);
  let prev = [0, 0, 0];
  const mappings = lines
    .map((segments) => {
      let lastCol = 0;
      return segments
        .map(([g, l, c]) => {
          const segment = vlq(g - lastCol) + vlq(0) + vlq(l - prev[1]) + vlq(c - prev[2]);
          lastCol = g;
          prev = [g, l, c];
          return segment;
        })
        .join(',');
    })
    .join(';');
  const map = { version: 3, sources: [fileName], sourcesContent: [code], names: [], mappings };
  return { code: out, map };
}

/**
 * esbuild plugin: minifies the Lit templates of every .ts file under `dir` as it is loaded (unless
 * `templates` is false) and applies `extraEdits(path, source)`; the map back to the file goes
 * inline, where esbuild picks it up for its own map.
 */
export function minifyTemplatesPlugin({ dir, extraEdits = () => [], templates = true, cssVars } = {}) {
  return {
    name: 'paperfeed-minify-templates',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
        if (dir && !path.startsWith(dir)) return undefined;
        const { readFile } = await import('node:fs/promises');
        const source = await readFile(path, 'utf8');
        const { code, map } = minifyTemplatesWithMap(source, path, extraEdits(path, source), { templates, cssVars });
        const inline = map
          ? `\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString('base64')}`
          : '';
        return { contents: code + inline, loader: 'ts' };
      });
    },
  };
}

/** Vite/Rolldown plugin (build only): the same for every .ts module under `dir`. */
export function minifyTemplatesVite({ dir, extraEdits = () => [], templates = true, cssVars } = {}) {
  return {
    name: 'paperfeed-minify-templates',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('.ts') || (dir && !id.startsWith(dir))) return null;
      const result = minifyTemplatesWithMap(code, id, extraEdits(id, code), { templates, cssVars });
      return result.map ? result : null;
    },
  };
}
