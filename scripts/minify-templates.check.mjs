// Cases for scripts/minify-templates.mjs, the places where minifying could change what renders.
// `node scripts/minify-templates.check.mjs` prints `N passed, M failed`.
import { minifyCssStrings, minifyHtmlStrings, minifyTemplates } from './minify-templates.mjs';

const html = [
  ['block tags lose the whitespace around them', ['<div>\n  <p>a</p>\n  <p>b</p>\n</div>'], ['<div><p>a</p><p>b</p></div>']],
  ['inline tags keep one space between them', ['<span>a</span>\n    <span>b</span>'], ['<span>a</span> <span>b</span>']],
  ['a space between two bindings stays', ['', ' ', ''], ['', ' ', '']],
  ['a leading space before inline content stays', [' <span class="more">', '</span>'], [' <span class="more">', '</span>']],
  ['text whitespace collapses to one space, never to none', ['<p>\n  a\n   b  ', '\n</p>'], ['<p>a b ', '</p>']],
  ['void element: `/>` becomes `>` after a bound value', ['<img\n  src=', '\n  alt="x"\n/>'], ['<img src=', ' alt="x">']],
  ['non-void `/>` keeps a space after an unquoted bound value', ['<path d=', ' />'], ['<path d=', ' />']],
  ['svg content loses whitespace, the svg itself is inline', ['a <svg viewBox="0 0 1 1">\n  <path d="M0 0" />\n</svg> b'], ['a <svg viewBox="0 0 1 1"><path d="M0 0"/></svg> b']],
  ['quoted attribute values are kept as written', ['<p title="a   b"\n   class="x  y">'], ['<p title="a   b" class="x  y">']],
  ['<pre> content is kept as written', ['<pre>  a\n   b </pre>'], ['<pre>  a\n   b </pre>']],
  ['button content loses its edges, not its outside', ['<span>x</span>\n<button>\n  ', '\n</button>\n<span>y</span>'], ['<span>x</span> <button>', '</button> <span>y</span>']],
  ['a label keeps the space between its text and input', ['<label><span>a</span>\n  <input type="search" .value=', ' /></label>'], ['<label><span>a</span> <input type="search" .value=', '></label>']],
  ['a tag name from a binding is treated as inline', ['<', ' part="title">', '</', '>\n<span>x</span>'], ['<', ' part="title">', '</', '> <span>x</span>']],
  ['comments are kept', ['<div><!-- keep  me --></div>'], ['<div><!-- keep  me --></div>']],
  ['attribute bindings keep the space before their name', ['<a\n  href=', '\n  aria-label=', '\n  >x</a\n>'], ['<a href=', ' aria-label=', '>x</a>']],
];

const css = [
  ['descendant space before a pseudo-class stays', ['.a :hover { color : red ; }'], ['.a :hover{color :red}']],
  ['combinators and lists tighten', ['.a > .b ,\n .c {\n  x: y;\n}'], ['.a>.b,.c{x:y}']],
  ['comments go', ['/* note */\n:host {\n  /* inner */ display: block;\n}'], [':host{display:block}']],
  ['strings are kept', ['.a::before { content: "a  ;  b"; }'], ['.a::before{content:"a  ;  b"}']],
  ['calc keeps its operator spaces', ['.a { width: calc(100% - 2 * var(--x)); }'], ['.a{width:calc(100% - 2 * var(--x))}']],
  ['a binding stays in place', ['.a { color: ', '; }'], ['.a{color:', '}']],
];

let passed = 0;
let failed = 0;
const check = (label, actual, expected) => {
  const ok = JSON.stringify(actual) === JSON.stringify(expected);
  if (ok) passed++;
  else {
    failed++;
    console.log(`✗ ${label}\n    got      ${JSON.stringify(actual)}\n    expected ${JSON.stringify(expected)}`);
  }
};
for (const [label, input, expected] of html) check(`html: ${label}`, minifyHtmlStrings(input), expected);
for (const [label, input, expected] of css) check(`css: ${label}`, minifyCssStrings(input), expected);

// Whole files: only templates tagged with Lit's own html/css change, under any local name.
check(
  'file: Lit tags under an alias are minified, other tags and strings are not',
  minifyTemplates(
    "import { html as h } from 'lit';\nimport { css } from 'lit';\nconst a = h`<div>\n  <p>x</p>\n</div>`;\n" +
      'const b = other`<div>\n  <p>x</p>\n</div>`;\nconst c = css`.a {\n  color: red;\n}`;\nconst d = `<div>\n  </div>`;\n',
  ),
  "import { html as h } from 'lit';\nimport { css } from 'lit';\nconst a = h`<div><p>x</p></div>`;\n" +
    'const b = other`<div>\n  <p>x</p>\n</div>`;\nconst c = css`.a{color:red}`;\nconst d = `<div>\n  </div>`;\n',
);
check(
  'file: a template nested in a binding is minified on its own',
  minifyTemplates("import { html } from 'lit';\nx = html`<ul>\n  ${items.map((i) => html`<li>\n  ${i}\n</li>`)}\n</ul>`;\n"),
  "import { html } from 'lit';\nx = html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`;\n",
);
check('file: no Lit import, nothing changes', minifyTemplates('const a = html`<div>\n  </div>`;\n'), 'const a = html`<div>\n  </div>`;\n');

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
