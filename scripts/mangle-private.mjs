// Shorter names for our own `private _x` class members in the built files (TypeScript `private` is
// gone after compiling; the names stayed in full in every `this._x`).
//
// Only names declared `private _x` on a class in src/ are renamed, never a pattern like /^_/:
// a pattern would also rename data fields read from feeds (Hugging Face items carry `_id`), and
// Lit's own cross-package internals are `_$`-prefixed. Decorated members are left alone: Lit reads
// their names at runtime (`@state()` keys, `changedProperties.has('x')`).
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
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

/**
 * Renames every other undecorated `private` member of src/ (`renderTitle`, `feedTask`, a
 * `private readonly host` parameter property, …) to `_name`, so that the mangling above shortens
 * it too. Renamed by symbol with TypeScript's own rename (the language service), never by name:
 * a `text` field of a feed's part or `Function#apply` keeps its name. Members whose `_name` is
 * already taken somewhere in src/ are left alone.
 * Returns the edits per file ([start, end, text], on the file as it is on disk now) and the new names.
 */
export function privateRenames(files, tsconfigPath) {
  const config = ts.getParsedCommandLineOfConfigFile(tsconfigPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  const texts = new Map(files.map((path) => [path, readFileSync(path, 'utf8')]));
  const service = ts.createLanguageService(
    {
      getScriptFileNames: () => files,
      getScriptVersion: () => '1',
      getScriptSnapshot: (path) => {
        const text = texts.get(path) ?? (ts.sys.fileExists(path) ? ts.sys.readFile(path) : undefined);
        return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
      },
      getCurrentDirectory: () => dirname(tsconfigPath),
      getCompilationSettings: () => config.options,
      getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
      fileExists: ts.sys.fileExists,
      readFile: ts.sys.readFile,
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
    },
    ts.createDocumentRegistry(),
  );
  const program = service.getProgram();
  const taken = new Set();
  const declarations = [];
  for (const path of files) {
    const file = program.getSourceFile(path);
    const visit = (node) => {
      if (ts.isIdentifier(node)) taken.add(node.text);
      const member =
        (ts.isClassElement(node) || (ts.isParameter(node) && ts.isParameterPropertyDeclaration(node, node.parent))) &&
        node.name &&
        ts.isIdentifier(node.name) &&
        !node.name.text.startsWith('_') &&
        ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Private &&
        !(ts.canHaveDecorators(node) && ts.getDecorators(node)?.length);
      if (member) declarations.push({ path, file, name: node.name });
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  const edits = new Map(files.map((path) => [path, new Map()]));
  const names = new Set();
  const skipped = [];
  for (const { path, file, name } of declarations) {
    const renamed = `_${name.text}`;
    const at = name.getStart(file);
    const locations = service.getRenameInfo(path, at, {}).canRename
      ? service.findRenameLocations(path, at, false, false, { providePrefixAndSuffixTextForRename: true })
      : undefined;
    if (taken.has(renamed) || !locations?.length || locations.some((l) => !edits.has(l.fileName))) {
      skipped.push(name.text);
      continue;
    }
    for (const l of locations) {
      const text = `${l.prefixText ?? ''}${renamed}${l.suffixText ?? ''}`;
      edits.get(l.fileName).set(l.textSpan.start, [l.textSpan.start, l.textSpan.start + l.textSpan.length, text]);
    }
    names.add(renamed);
  }
  return {
    /** The edits for `path`, provided `source` is still the text they were computed on. */
    editsFor(path, source) {
      const list = [...(edits.get(path)?.values() ?? [])];
      if (list.length && source !== texts.get(path)) throw new Error(`[paperfeed] ${path} changed during the build`);
      return list;
    },
    names: [...names].sort(),
    skipped,
  };
}
