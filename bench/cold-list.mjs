// The first list on a cold page (issue 18): a fresh browser per load, a blog page with a heading, a
// paragraph and one <paperfeed-list> of 30 Hugging Face papers (answered after 150 ms), the elements
// bundled from src/ by esbuild (minified). Prints, per load, every Long Animation Frame of 50 ms or
// more with the scripts that ran in it (invoker, ms, forced style and layout ms), from navigation on.
// Usage: node bench/cold-list.mjs [loads=3]
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { feedBody, makePapers } from '../test/server/feeds.mjs';
import { launch, machine } from './lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const loads = Number(process.argv[2] ?? 3);
const esbuild = await import('esbuild');
const code = (
  await esbuild.build({
    stdin: { contents: `export * from './src/paperfeed.ts';`, resolveDir: root, loader: 'ts' },
    absWorkingDir: root,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  })
).outputFiles[0].text;
const feed = feedBody('hf', makePapers(30));
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>cold</title></head><body>
<h1>A blog</h1><p>Some text above the list.</p>
<script>
  window.frames_ = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.duration < 50) continue;
      window.frames_.push({ start: Math.round(e.startTime), ms: Math.round(e.duration),
        scripts: e.scripts.map((s) => \`\${s.invoker.replace(location.origin, '')} \${Math.round(s.duration)} (layout \${Math.round(s.forcedStyleAndLayoutDuration)})\`).join(' | ') });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
</script>
<script type="module">
  import '/paperfeed.js';
  const list = document.createElement('paperfeed-list');
  list.setAttribute('src', '/feed');
  list.addEventListener('loadend', () => (window.done = performance.now()));
  document.body.append(list);
</script></body></html>`;
const server = createServer((req, res) => {
  if (req.url === '/paperfeed.js') {
    res.writeHead(200, { 'content-type': 'application/javascript' });
    return res.end(code);
  }
  if (req.url === '/feed') {
    setTimeout(() => {
      res.writeHead(200, { 'content-type': feed.type });
      res.end(feed.body);
    }, 150);
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end(page);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
for (let i = 0; i < loads; i++) {
  const browser = await launch();
  const tab = await browser.newPage();
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  await tab.waitForFunction(() => window.done);
  await tab.waitForTimeout(300);
  const { done, frames } = await tab.evaluate(() => ({ done: Math.round(window.done), frames: window.frames_ }));
  console.log(`load ${i + 1}: loadend at ${done} ms; frames of 50 ms or more:`);
  for (const f of frames) console.log(`  at ${f.start} ms: ${f.ms} ms — ${f.scripts || '(no script over 5 ms)'}`);
  await browser.close();
}
server.close();
console.log(machine());
