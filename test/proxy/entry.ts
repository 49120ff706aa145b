// One test proxy built from a JSON config, the same in Node and inside workerd (worker.ts bundles
// this file): everything a test needs that is not JSON (a fake clock, a stand-in for DNS, a log of
// upstream requests) is made here from flags.
import { createProxy, type ProxyOptions } from '../../src/proxy.js';

export interface TestConfig extends Omit<ProxyOptions, 'fetch' | 'clock' | 'cache'> {
  /** Host name → IP the injected fetch sends it to (DNS for names such as `feeds.test`). */
  dns?: Record<string, string>;
  /** `memory: false` + this: the Cache API alone. */
  cacheApiOnly?: boolean;
}

export interface FakeClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  advance(ms: number): void;
}

/**
 * Virtual time: `sleep` returns at once in virtual terms, earliest sleeper first, one per
 * macrotask, so each woken request reaches its fetch before the next one wakes. Each sleeper polls
 * with its own timer: in workerd a timer belongs to the request that set it, and dies with it.
 */
export function fakeClock(start = 1_000_000): FakeClock {
  let time = start;
  const sleepers: Array<{ at: number }> = [];
  return {
    now: () => time,
    sleep: (ms) =>
      new Promise<void>((wake) => {
        const me = { at: time + ms };
        sleepers.push(me);
        const check = () => {
          sleepers.sort((a, b) => a.at - b.at);
          if (sleepers[0] !== me) return void setTimeout(check, 0);
          sleepers.shift();
          time = Math.max(time, me.at);
          wake();
        };
        setTimeout(check, 0);
      }),
    advance: (ms) => {
      time += ms;
    },
  };
}

export interface UpstreamCall {
  /** Virtual time of the call. */
  t: number;
  url: string;
}

export function makeTestProxy(config: TestConfig) {
  const { dns = {}, cacheApiOnly, ...options } = config;
  const clock = fakeClock();
  const calls: UpstreamCall[] = [];
  const proxy = createProxy({
    ...options,
    ...(cacheApiOnly ? { memory: false } : { cache: false }),
    clock,
    fetch: (input, init) => {
      calls.push({ t: clock.now(), url: input });
      const url = new URL(input);
      const ip = dns[url.hostname];
      if (ip) url.hostname = ip;
      return fetch(url.href, init);
    },
  });
  return {
    proxy,
    /** `/__test/advance?ms=N` moves the clock; `/__test/calls` lists upstream calls. Anything else: the proxy. */
    async handle(request: Request, env?: unknown, ctx?: { waitUntil(p: Promise<unknown>): void }): Promise<Response> {
      const { pathname, searchParams } = new URL(request.url);
      if (pathname === '/__test/advance') {
        clock.advance(Number(searchParams.get('ms')));
        return Response.json({ now: clock.now() });
      }
      if (pathname === '/__test/calls') return Response.json(calls);
      return proxy.fetch(request, env, ctx);
    },
  };
}
