// Rolldown plugins for the CDN file (vite.config.ts `build.rolldownOptions.plugins`), so that a plain
// `npx vite build` makes the same dist/paperfeed.min.js as `npm run build`:
// - keep the src/*/define.ts modules: package.json's `sideEffects` names dist/ files only, and
//   without this Rolldown drops the imports whose only effect is registering the tags (the file
//   then defined no element at all: found by scripts/check-cdn.mjs, 27 Nov 2026);
// - minify the text of Lit templates (scripts/minify-templates.mjs);
// - shorten our `private _x` members (scripts/mangle-private.mjs).
// PAPERFEED_BUILD=no-minify-templates,no-mangle turns the last two off, for bisecting.
// The TypeScript parser they use loads only when a build starts, never for `npm start`.
import { readdirSync } from 'node:fs';
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
  return { minifyTemplates: !off.has('no-minify-templates'), mangle: !off.has('no-mangle') };
}

const isDefineModule = (id) => id.startsWith(SRC) && /[\\/]define\.ts$/.test(id);

export function cdnPlugins(options = buildOptions()) {
  let minify;
  let mangle;
  return [
    {
      name: 'paperfeed-cdn',
      async buildStart() {
        if (options.minifyTemplates) minify = (await import('./minify-templates.mjs')).minifyTemplatesVite({ dir: SRC });
        if (options.mangle) {
          const { manglePrivateVite, privateNames } = await import('./mangle-private.mjs');
          mangle = manglePrivateVite(privateNames(sourceFiles()));
        }
      },
      transform(code, id) {
        const result = minify?.transform(code, id) ?? null;
        if (!isDefineModule(id)) return result;
        return { code: result?.code ?? code, map: result?.map ?? null, moduleSideEffects: true };
      },
      renderChunk(code, chunk) {
        return mangle?.renderChunk(code, chunk) ?? null;
      },
    },
  ];
}
