// The proxy on Node's own http server (what `npx paperfeed-proxy` runs). Typed structurally so
// that this module needs no Node typings, and a Worker bundle that never calls it pays nothing.
import type { FeedProxy } from './proxy.js';

/** The parts of `http.IncomingMessage` used here. */
export interface NodeRequestLike {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}

/** The parts of `http.ServerResponse` used here. */
export interface NodeResponseLike {
  writeHead(status: number, headers: Record<string, string>): unknown;
  write(chunk: Uint8Array): boolean;
  end(): unknown;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  destroyed?: boolean;
}

/**
 * A `(req, res)` listener for `http.createServer` that hands each request to the proxy. Only the
 * method, the path with its query and the headers are passed on (the proxy reads no body: every
 * method that has one is refused with 405).
 */
export function toNodeListener(proxy: FeedProxy): (req: NodeRequestLike, res: NodeResponseLike) => void {
  return (req, res) => {
    void handle(proxy, req, res);
  };
}

async function handle(proxy: FeedProxy, req: NodeRequestLike, res: NodeResponseLike): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    try {
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    } catch {
      // A header value fetch() cannot hold: the proxy reads none but Origin and the preflight ones.
    }
  }
  let response: Response;
  try {
    // The Host header is the visitor's to choose: never part of the URL the proxy parses.
    const path = req.url?.startsWith('/') ? req.url : '/';
    // fetch() cannot even hold CONNECT, TRACE or TRACK: refused here as the proxy refuses any other method.
    const method = /^(CONNECT|TRACE|TRACK)$/i.test(req.method ?? '') ? 'PUT' : (req.method ?? 'GET');
    response = await proxy.fetch(new Request(`http://localhost${path}`, { method, headers }));
    if (method !== req.method && response.status === 405) {
      response = new Response(JSON.stringify({ error: `The method ${req.method} is not allowed; use GET.` }), response);
    }
  } catch (error) {
    res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.write(new TextEncoder().encode(JSON.stringify({ error: `The proxy failed: ${String(error)}` })));
    res.end();
    return;
  }
  res.writeHead(response.status, Object.fromEntries(response.headers));
  const reader = response.body?.getReader();
  let closed = false;
  res.once('close', () => {
    closed = true;
    reader?.cancel().catch(() => {});
  });
  try {
    for (;;) {
      const read = await reader?.read();
      if (!read || read.done || closed) break;
      if (!res.write(read.value)) {
        await new Promise<void>((resolve) => {
          res.once('drain', resolve);
          res.once('close', resolve);
        });
      }
    }
  } finally {
    if (!res.destroyed) res.end();
  }
}
