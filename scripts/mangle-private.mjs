// Shorter names for our own `private _x` class members in the built files (TypeScript `private` is
// gone after compiling; the names stayed in full in every `this._x`).
//
// Only names declared `private _x` on a class in src/ are renamed, never a pattern like /^_/:
// a pattern would also rename data fields read from feeds (Hugging Face items carry `_id`), and
// Lit's own cross-package internals are `_$`-prefixed. Decorated members are left alone: Lit reads
// their names at runtime (`@state()` keys, `changedProperties.has('x')`).
import { readFileSync } from 'node:fs';
import ts from 'typescript';

/** Names of the undecorated `private _x` class members declared in `files`, found with the TS parser. */
export function privateNames(files) {
  const names = new Set();
  for (const path of files) {
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (
        ts.isClassElement(node) &&
        node.name &&
        ts.isIdentifier(node.name) &&
        /^_[A-Za-z0-9]/.test(node.name.text) &&
        ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Private &&
        !(ts.canHaveDecorators(node) && ts.getDecorators(node)?.length)
      ) {
        names.add(node.name.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return [...names].sort();
}

/** esbuild's `mangleProps` for exactly these names (Go regex syntax: no lookarounds). */
export const mangleProps = (names) => new RegExp(`^(?:${names.map((n) => n.replace(/\$/g, '\\$')).join('|')})$`);

/**
 * A fixed `mangleCache` giving each name `_` + base-36 index. For the npm modules: they extend Lit
 * classes that esbuild does not see (lit stays external), and Lit's minified build has one-letter
 * members (`this.l` in ReactiveElement), which a free choice of short names could hit.
 */
export const prefixedNames = (names) => Object.fromEntries(names.map((name, i) => [name, `_${i.toString(36)}`]));

/**
 * Vite/Rolldown plugin for the CDN bundle: renames the names in the whole chunk (Lit included) with
 * esbuild before Rolldown minifies it. esbuild sees every property name in the chunk, so the short
 * names it picks collide with none of them.
 */
export function manglePrivateVite(names) {
  return {
    name: 'paperfeed-mangle-private',
    apply: 'build',
    async renderChunk(code, chunk) {
      if (!names.length) return null;
      const esbuild = await import('esbuild');
      const result = await esbuild.transform(code, {
        mangleProps: mangleProps(names),
        sourcemap: 'external',
        sourcefile: chunk.fileName,
        legalComments: 'inline',
      });
      return { code: result.code, map: result.map };
    },
  };
}
