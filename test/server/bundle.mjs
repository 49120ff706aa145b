// The CDN entry (src/paperfeed.ts, all three elements, Lit included) bundled on the fly with the
// esbuild that @web/dev-server-esbuild already installs, so the strict-CSP test and bench/ never depend
// on a prior `npm run build`. Rebuilt only when a file under src/ changed (newest mtime as the key).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = join(ROOT, 'src');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const cache = new Map();

/**
 * The bundle as a string. `minify` defaults to true (what a CDN user loads).
 * @param {{ minify?: boolean, entry?: string }} [options]
 */
export async function bundlePaperfeed({ minify = true, entry = 'src/paperfeed.ts' } = {}) {
  const key = `${entry}|${minify}`;
  const stamp = newestMtime(SRC);
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return hit.code;
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [join(ROOT, entry)],
    absWorkingDir: ROOT,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify,
    write: false,
    logLevel: 'silent',
    // Registration is the define modules' only effect: never let a `sideEffects` list that forgets
    // one of them (package.json once named only dist/ files) turn this into a bundle that defines nothing.
    ignoreAnnotations: true,
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  });
  const code = result.outputFiles[0].text;
  cache.set(key, { stamp, code });
  return code;
}
