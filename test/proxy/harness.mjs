// Runs the test proxies in Node or inside workerd (miniflare), behind one interface:
//   const h = await startNode(configs) | await startWorkerd(configs);
//   const p = h.proxy('name');  p.fetch(url, init) → Response;  p.advance(ms);  p.calls();  p.settled()
//   await h.close();
import * as esbuild from 'esbuild';

const ROOT = new URL('../../', import.meta.url).pathname;

export async function bundle(entry) {
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

/** The proxy's own address in tests; any origin works, the handler reads only `?url=`. */
export const PROXY = 'http://proxy.test/';
export const via = (feedUrl) => `${PROXY}?url=${encodeURIComponent(feedUrl)}`;

export async function startNode(configs) {
  const code = await bundle('test/proxy/entry.ts');
  const { makeTestProxy } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  const instances = new Map(Object.entries(configs).map(([name, config]) => [name, makeTestProxy(config)]));
  return {
    runtime: 'node',
    proxy(name) {
      const instance = instances.get(name);
      const pending = [];
      const ctx = { waitUntil: (p) => pending.push(p) };
      const call = (url, init) => instance.handle(new Request(url, init), {}, ctx);
      return {
        fetch: call,
        advance: (ms) => call(`${PROXY}__test/advance?ms=${ms}`),
        calls: async () => (await call(`${PROXY}__test/calls`)).json(),
        /** Resolves when the background work handed to waitUntil so far has finished. */
        settled: () => Promise.allSettled(pending),
      };
    },
    close: async () => {},
  };
}

export async function startWorkerd(configs) {
  const { Miniflare } = await import('miniflare');
  const script = await bundle('test/proxy/worker.ts');
  const mf = new Miniflare({
    cf: false,
    workers: Object.entries(configs).map(([name, config]) => ({
      name,
      modules: true,
      script,
      compatibilityDate: '2026-04-01',
      bindings: { CONFIG: JSON.stringify(config) },
      // dispatchFetch + routes, not getWorker(): miniflare's getWorker() goes through a /cdn-cgi/
      // path whose guard refuses any Origin header, and the tests send one.
      routes: [`${name}.proxy.test/*`],
    })),
  });
  await mf.ready;
  return {
    runtime: 'workerd',
    proxy(name) {
      const call = (url, init) => mf.dispatchFetch(url.replace(PROXY, `http://${name}.proxy.test/`), init);
      return {
        fetch: call,
        advance: (ms) => call(`${PROXY}__test/advance?ms=${ms}`).then((r) => r.text()),
        calls: async () => (await call(`${PROXY}__test/calls`)).json(),
        // workerd runs waitUntil work on its own; tests wait for its upstream request instead.
        settled: async () => {},
      };
    },
    close: () => mf.dispose(),
  };
}
