// Writes the README's per-element API tables from custom-elements.json (made by `cem analyze`),
// between `<!-- api:TAG -->` and `<!-- /api:TAG -->`. `--check` only compares and fails when the
// README is out of date, so the docs can never drift from the code.
import { readFileSync, writeFileSync } from 'node:fs';

const check = process.argv.includes('--check');
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const readme = readFileSync('README.md', 'utf8');

const cell = (v) => (v == null || v === '' ? '' : String(v).replace(/\|/g, '\\|').replace(/\n+/g, ' ').trim());
const code = (v) => (v ? `\`${cell(v)}\`` : '');
const table = (title, head, rows) =>
  rows.length
    ? `**${title}**\n\n| ${head.join(' | ')} |\n| ${head.map(() => '---').join(' | ')} |\n${rows
        .map((r) => `| ${r.join(' | ')} |`)
        .join('\n')}\n`
    : '';

function section(decl) {
  const members = (decl.members ?? []).filter(
    (m) => m.kind === 'field' && m.privacy !== 'private' && m.privacy !== 'protected' && !m.static && !m.name.startsWith('_'),
  );
  const attrs = decl.attributes ?? [];
  const attrFields = new Set(attrs.map((a) => a.fieldName));
  const methods = (decl.members ?? []).filter(
    (m) => m.kind === 'method' && m.privacy !== 'private' && m.privacy !== 'protected' && !m.static && !m.name.startsWith('_'),
  );
  return [
    table(
      'Attributes',
      ['Attribute', 'Property', 'Type', 'Default', 'Description'],
      attrs.map((a) => [code(a.name), code(a.fieldName), code(a.type?.text), code(a.default), cell(a.description)]),
    ),
    table(
      'Properties (JavaScript only)',
      ['Property', 'Type', 'Default', 'Description'],
      members.filter((m) => !attrFields.has(m.name)).map((m) => [code(m.name), code(m.type?.text), code(m.default), cell(m.description)]),
    ),
    table('Methods', ['Method', 'Description'], methods.map((m) => [code(`${m.name}()`), cell(m.description)])),
    table('Events', ['Event', 'Description'], (decl.events ?? []).map((e) => [code(e.name), cell(e.description)])),
    table('Slots', ['Slot', 'Description'], (decl.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)])),
    table('CSS parts', ['Part', 'Description'], (decl.cssParts ?? []).map((p) => [code(p.name), cell(p.description)])),
    table(
      'CSS custom properties',
      ['Property', 'Default', 'Description'],
      (decl.cssProperties ?? []).map((p) => [code(p.name), code(p.default), cell(p.description)]),
    ),
  ]
    .filter(Boolean)
    .join('\n');
}

let next = readme;
let missing = [];
// A nameless entry is a manifest the analyzer misread (an inline `dispatchEvent(new XEvent())` is
// listed a second time, without its name): editors and framework wrappers would read it too.
const nameless = (manifest.modules ?? []).flatMap((mod) =>
  (mod.declarations ?? []).flatMap((decl) =>
    ['attributes', 'events', 'slots', 'cssParts', 'cssProperties']
      .filter((key) => key !== 'slots' && (decl[key] ?? []).some((entry) => !entry.name))
      .map((key) => `${decl.name}.${key}`),
  ),
);
if (nameless.length) {
  console.error(`[paperfeed] custom-elements.json has nameless entries in ${nameless.join(', ')}: name the event in a constant before dispatchEvent.`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
for (const mod of manifest.modules ?? []) {
  for (const decl of mod.declarations ?? []) {
    if (!decl.customElement || !decl.tagName) continue;
    const re = new RegExp(`(<!-- api:${decl.tagName} -->\\n)[\\s\\S]*?(<!-- /api:${decl.tagName} -->)`);
    if (!re.test(next)) {
      missing.push(decl.tagName);
      continue;
    }
    next = next.replace(re, (_, open, close) => `${open}\n${section(decl)}\n${close}`);
  }
}
if (missing.length) console.warn(`[paperfeed] README has no API markers for: ${missing.join(', ')}`);

if (check) {
  if (next !== readme) {
    console.error('[paperfeed] README API tables are out of date: run `npm run docs` and commit README.md.');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  console.log('README API tables match custom-elements.json');
  console.log('1 passed, 0 failed');
} else {
  writeFileSync('README.md', next);
  console.log('README API tables written from custom-elements.json');
}
