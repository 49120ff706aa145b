// Node 20 cannot import TypeScript: the Node tests bundle test/node/entry.ts with esbuild (the npm
// packages stay external, so the server entry loads @xmldom/xmldom and linkedom as a user's Node
// would) into node_modules/.cache, where bare imports resolve, then import that bundle.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS = join(ROOT, '../shared/real-feeds');

let loaded;
/** The bundled test entry (built once per process). */
export async function loadEntry() {
  if (!loaded) {
    const outfile = join(ROOT, 'node_modules/.cache/paperfeed-node', `entry-${process.pid}.mjs`);
    await build({
      entryPoints: [join(ROOT, 'test/node/entry.ts')],
      bundle: true,
      platform: 'neutral',
      format: 'esm',
      outfile,
      packages: 'external',
      tsconfig: join(ROOT, 'tsconfig.json'),
      logLevel: 'error',
    });
    loaded = import(pathToFileURL(outfile).href);
  }
  return loaded;
}

/** Every file of the corpus (relative paths, sorted), or undefined when ../shared is missing. */
export function corpusFiles() {
  if (!existsSync(CORPUS)) return undefined;
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name !== 'PROVENANCE.md') files.push(relative(CORPUS, path));
    }
  };
  walk(CORPUS);
  return files.sort();
}

export const readCorpus = (path) => new Uint8Array(readFileSync(join(CORPUS, path)));
export const readme = () => readFileSync(join(ROOT, 'README.md'), 'utf8');
