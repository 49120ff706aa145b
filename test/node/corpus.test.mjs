// The real-feeds corpus in Node through the server parser (see test/feed/corpus.ts for the checks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusFiles, loadEntry, readCorpus, readme } from './harness.mjs';

test('every real feed reads in Node with what its file expects, or is listed in the README', async (t) => {
  const files = corpusFiles();
  if (!files) {
    console.log('# real-feeds corpus: ../shared/real-feeds is missing, so the corpus check did not run');
    return;
  }
  const { checkCorpusFile, knownUnreadable, summarize } = await loadEntry();
  const outcomes = [];
  for (const path of files) outcomes.push(await checkCorpusFile(path, readCorpus(path)));
  const { table, failures } = summarize(outcomes, knownUnreadable(readme()));
  t.diagnostic(`real-feeds corpus in Node (server parser):\n${table}`);
  console.log(`real-feeds corpus in Node (server parser):\n${table}`);
  assert.deepEqual(failures, []);
});
