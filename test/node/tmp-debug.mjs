import { loadEntry, readCorpus } from '/work/wt/feed/test/node/harness.mjs';
const m = await loadEntry();
for (const f of process.argv.slice(2)) { const t = new TextDecoder().decode(readCorpus(f)); console.log(m.prepareXml(t, true).slice(-400)); }
