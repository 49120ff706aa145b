// The whole element test suite against src/ as the build rewrites it: Lit templates minified and
// private custom properties shortened (scripts/minify-templates.mjs), private members renamed to `_x` and shortened
// (scripts/mangle-private.mjs, with the npm modules' fixed names). Proves the build-time rewrites
// change nothing a test can see:
//   npx web-test-runner --config scripts/wtr-built.config.mjs --static-logging
import * as esbuild from 'esbuild';
import base from '../web-test-runner.config.mjs';
import { minifyTemplatesWithMap } from './minify-templates.mjs';
import { mangleProps, prefixedNames } from './mangle-private.mjs';
import { SRC, sourceRewrites } from './cdn-plugins.mjs';

const { editsFor, names, cssVars } = await sourceRewrites();

const builtSource = {
  name: 'paperfeed-built-source',
  async transform(context) {
    if (!context.path.startsWith('/src/') || !context.path.endsWith('.ts')) return undefined;
    const path = SRC + context.path.slice('/src'.length);
    const { code } = minifyTemplatesWithMap(context.body, path, editsFor(path, context.body), { cssVars });
    const result = await esbuild.transform(code, {
      loader: 'ts',
      format: 'esm',
      target: 'es2022',
      sourcefile: context.path,
      tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
      ...(names.length && { mangleProps: mangleProps(names), mangleCache: prefixedNames(names) }),
    });
    return { body: result.code };
  },
};

export default {
  ...base,
  coverage: false,
  plugins: [builtSource, ...base.plugins],
};
