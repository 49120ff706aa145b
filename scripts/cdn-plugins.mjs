// Rolldown plugins for the CDN file (vite.config.ts `build.rolldownOptions.plugins`), so that a plain
// `npx vite build` makes the same dist/paperfeed.min.js as `npm run build`:
// - keep the src/*/define.ts modules: package.json's `sideEffects` names dist/ files only, and
//   without this Rolldown drops the imports whose only effect is registering the tags (the file
//   then defined no element at all: found by scripts/check-cdn.mjs, 27 Nov 2026);
// - minify the text of Lit templates and shorten our private `--_x` custom properties
//   (scripts/minify-templates.mjs);
// - rename our other private members to `_x` and shorten every `private _x` (scripts/mangle-private.mjs).
// PAPERFEED_BUILD=no-minify-templates,no-css-vars,no-mangle turns the last ones off, for bisecting.
// The TypeScript parser they use loads only when a build starts, never for `npm start`.
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const SRC = resolve(import.meta.dirname, '../src');

/** Every .ts module under src/. */
export const sourceFiles = (dir = SRC) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });

/** Which build-time rewrites are on (all by default). */
export function buildOptions(env = process.env.PAPERFEED_BUILD ?? '') {
  const off = new Set(env.split(',').map((s) => s.trim()));
  return {
    minifyTemplates: !off.has('no-minify-templates'),
    cssVars: !off.has('no-minify-templates') && !off.has('no-css-vars'),
    mangle: !off.has('no-mangle'),
  };
}

/**
 * The rewrites for one build: `editsFor(path, source)` renames undecorated private members to `_x`
 * (TypeScript rename), `names` lists every `private _x` to shorten, and `cssVars` gives our private
 * `--_x` custom properties short names.
 */
export async function sourceRewrites({ mangle, cssVars: renameVars } = buildOptions()) {
  const files = sourceFiles();
  const cssVars = renameVars ? (await import('./minify-templates.mjs')).privateCssVars(files) : undefined;
  if (!mangle) return { editsFor: () => [], names: [], cssVars };
  const { privateNames, privateRenames } = await import('./mangle-private.mjs');
  const renames = privateRenames(files, resolve(SRC, '../tsconfig.build.json'));
  return { editsFor: renames.editsFor, names: [...new Set([...privateNames(files), ...renames.names])].sort(), cssVars };
}

const isDefineModule = (id) => id.startsWith(SRC) && /[\\/]define\.ts$/.test(id);

export function cdnPlugins(options = buildOptions()) {
  let minify;
  let mangle;
  return [
    {
      name: 'paperfeed-cdn',
      async buildStart() {
        const rewrite = await sourceRewrites(options);
        minify = (await import('./minify-templates.mjs')).minifyTemplatesVite({
          dir: SRC,
          templates: options.minifyTemplates,
          extraEdits: rewrite.editsFor,
          cssVars: rewrite.cssVars,
        });
        if (rewrite.names.length) mangle = (await import('./mangle-private.mjs')).manglePrivateVite(rewrite.names);
      },
      // `load`, not `transform`: Vite's own TypeScript transform runs before plugins given in
      // rolldownOptions, and the rewrites need the source exactly as it is on disk.
      async load(id) {
        if (!id.startsWith(SRC) || !id.endsWith('.ts')) return null;
        const code = await readFile(id, 'utf8');
        const result = minify.transform(code, id) ?? { code, map: null };
        return isDefineModule(id) ? { ...result, moduleSideEffects: true } : result;
      },
      renderChunk(code, chunk) {
        return mangle?.renderChunk(code, chunk) ?? null;
      },
    },
  ];
}
