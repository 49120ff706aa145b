// Test-only routes that give the Chromium tests the real-feeds corpus (read-only, loopback callers
// only) and what the server path makes of it:
//   GET /__corpus/files            {"available": bool, "files": ["arxiv/…", …], "fixtures": ["atom.xml", …]}
//   GET /__corpus/file?path=P      the bytes of ../shared/real-feeds/P, or of test/fixtures/X for P = fixtures/X
//   GET /__corpus/node-outputs     {path: output} for every corpus file and fixture, computed in this
//                                  Node process through paperfeed/feed's server parser (test/node/harness.mjs),
//                                  for the differential test in test/feed/corpus.test.ts
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { CORPUS, ROOT, corpusFiles, loadEntry } from '../node/harness.mjs';

const FIXTURES = join(ROOT, 'test/fixtures');
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export const fixtureFiles = () => readdirSync(FIXTURES).filter((name) => /\.(xml|json)$/.test(name)).sort();

/** The file a corpus path names, or undefined when it leaves its folder. */
function fileOf(path) {
  const [dir, rel] = path.startsWith('fixtures/') ? [FIXTURES, path.slice('fixtures/'.length)] : [CORPUS, path];
  const file = resolve(dir, rel);
  return file.startsWith(dir + sep) && existsSync(file) ? file : undefined;
}

let outputs;
async function nodeOutputs() {
  outputs ??= (async () => {
    const { checkCorpusFile } = await loadEntry();
    const result = {};
    const paths = [...(corpusFiles() ?? []), ...fixtureFiles().map((name) => `fixtures/${name}`)];
    for (const path of paths) result[path] = (await checkCorpusFile(path, new Uint8Array(readFileSync(fileOf(path))))).output;
    return result;
  })();
  return outputs;
}

export async function corpusRoute(ctx, next) {
  if (!ctx.path.startsWith('/__corpus/')) return next();
  if (!LOOPBACK.has(ctx.req.socket.remoteAddress ?? '')) {
    ctx.status = 403;
    return;
  }
  if (ctx.method !== 'GET') {
    ctx.status = 405;
    return;
  }
  ctx.set('Cache-Control', 'no-store');
  if (ctx.path === '/__corpus/files') {
    const files = corpusFiles();
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ available: !!files, files: files ?? [], fixtures: fixtureFiles() });
    return;
  }
  if (ctx.path === '/__corpus/file') {
    const file = fileOf(String(ctx.query.path ?? ''));
    if (!file) {
      ctx.status = 404;
      return;
    }
    ctx.type = 'application/octet-stream';
    ctx.body = readFileSync(file);
    return;
  }
  if (ctx.path === '/__corpus/node-outputs') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(await nodeOutputs());
    return;
  }
  ctx.status = 404;
}
