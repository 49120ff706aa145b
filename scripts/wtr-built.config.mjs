// The whole element test suite against src/ as the build transforms it: Lit templates minified
// (scripts/minify-templates.mjs) and `private _x` members renamed (scripts/mangle-private.mjs, the
// npm modules' fixed names). Proves the build-time rewrites change nothing a test can see:
//   npx web-test-runner --config scripts/wtr-built.config.mjs --static-logging
import * as esbuild from 'esbuild';
import base from '../web-test-runner.config.mjs';
import { minifyTemplates } from './minify-templates.mjs';
import { mangleProps, prefixedNames, privateNames } from './mangle-private.mjs';
import { sourceFiles } from './cdn-plugins.mjs';

const names = privateNames(sourceFiles());

const builtSource = {
  name: 'paperfeed-built-source',
  async transform(context) {
    if (!context.path.startsWith('/src/') || !context.path.endsWith('.ts')) return undefined;
    const code = minifyTemplates(context.body, context.path);
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
