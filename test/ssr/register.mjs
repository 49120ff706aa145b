// `node --import ./test/ssr/register.mjs --test …`: lets Node tests import src/**/*.ts directly.
// Each .ts module is transpiled on its own by esbuild with the project's decorator settings (the
// same ones the build uses); `./x.js` specifiers resolve to `./x.ts` the way TypeScript's do.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
