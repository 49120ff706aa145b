// The test Worker run by workerd (through miniflare): one test proxy per Worker, configured by the
// CONFIG binding (JSON).
import { makeTestProxy } from './entry.js';

let instance: ReturnType<typeof makeTestProxy> | undefined;

export default {
  fetch(request: Request, env: { CONFIG: string }, ctx: { waitUntil(p: Promise<unknown>): void }): Promise<Response> {
    instance ??= makeTestProxy(JSON.parse(env.CONFIG));
    return instance.handle(request, env, ctx);
  },
};
