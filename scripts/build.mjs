// `npm run build`:
//   1. dist/**/*.js + .d.ts + maps: the npm modules, emitted by tsc, lit and @lit/task left as imports;
//   2. dist/paperfeed.min.js: the self-contained CDN module (Vite, Lit bundled, minified);
//   3. custom-elements.json: the Custom Elements Manifest, read from the JSDoc.
import { rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const step = (label, cmd, args) => {
  console.log(`\n▶ ${label}`);
  const { status } = spawnSync(cmd, args, { stdio: 'inherit' });
  if (status !== 0) {
    console.error(`[paperfeed] build step failed: ${label}`);
    process.exit(status ?? 1);
  }
};

rmSync('dist', { recursive: true, force: true });
step('npm modules (tsc)', 'npx', ['tsc', '-p', 'tsconfig.build.json']);
step('CDN bundle (vite)', 'npx', ['vite', 'build', '--config', 'vite.config.ts', '--logLevel', 'warn']);
step('custom-elements.json (cem)', 'npx', ['cem', 'analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.styles.ts', '--quiet']);
console.log('\n✔ build done: dist/ and custom-elements.json');
