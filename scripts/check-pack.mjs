// Builds, then packs the package the way `npm publish` would (`npm pack --dry-run`) and checks that every `exports` target, the types, custom-elements.json and the CDN file are
// inside. Prints `N passed, M failed` like the other test steps.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
// The build runs here rather than through `prepack`, whose output would mix into the JSON below.
execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
const files = new Set(JSON.parse(out)[0].files.map((f) => f.path));

const targets = new Set([pkg.main, pkg.types, pkg.customElements, 'README.md', 'dist/paperfeed.min.js']);
const collect = (value) => {
  if (typeof value === 'string') targets.add(value);
  else if (value && typeof value === 'object') Object.values(value).forEach(collect);
};
collect(pkg.exports);

let passed = 0;
let failed = 0;
for (const target of [...targets].map((t) => t.replace(/^\.\//, ''))) {
  if (files.has(target)) passed++;
  else {
    failed++;
    console.error(`✗ npm pack is missing ${target}`);
  }
}
const strays = [...files].filter((f) => /(^|\/)(test|stories|demo)\//.test(f) || f.endsWith('.test.js'));
if (strays.length) {
  failed++;
  console.error(`✗ npm pack contains files that are not the library: ${strays.slice(0, 5).join(', ')}`);
} else passed++;
console.log(`pack: ${files.size} files, ${targets.size} export targets checked`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
