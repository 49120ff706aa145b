// ARCHITECTURE.md stays true: every folder it names (in backticks, ending in `/`) exists, and every
// folder under src/ is named there. Run: node --test test/architecture.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const text = readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8');
const named = new Set([...text.matchAll(/`(src\/(?:[\w.-]+\/)*)`/g)].map((m) => m[1].replace(/\/$/, '')));

function folders(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return [relative(root, path).split('\\').join('/'), ...folders(path)];
    });
}

test('ARCHITECTURE.md names at least the source root and the element folders', () => {
  for (const folder of ['src', 'src/card', 'src/list', 'src/subscribe', 'src/internal', 'src/feed']) {
    assert.ok(named.has(folder), `${folder}/ is not described`);
  }
});

test('every folder ARCHITECTURE.md names exists', () => {
  const missing = [...named].filter((folder) => !existsSync(join(root, folder)) || !statSync(join(root, folder)).isDirectory());
  assert.deepEqual(missing, [], `named in ARCHITECTURE.md but not in the tree: ${missing.join(', ')}`);
});

test('every folder under src/ is named in ARCHITECTURE.md', () => {
  const unnamed = folders(join(root, 'src')).filter((folder) => !named.has(folder));
  assert.deepEqual(unnamed, [], `add a paragraph to ARCHITECTURE.md for: ${unnamed.join(', ')}`);
});
