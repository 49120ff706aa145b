// A local upstream on 127.0.0.1 for the proxy tests: each test installs the routes it needs.
import { createServer } from 'node:http';
import { EventEmitter } from 'node:events';

export async function startUpstream() {
  const routes = new Map();
  const seen = []; // { path, headers }
  const events = new EventEmitter();
  const sockets = new Set();
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    seen.push({ path: url.pathname + url.search, headers: req.headers });
    events.emit('request', url.pathname + url.search);
    const route = routes.get(url.pathname);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('no route');
      return;
    }
    route(req, res, url);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    route: (path, handler) => routes.set(path, handler),
    /** Requests seen for this path (with its query), or for every path when none is given. */
    hits: (path) => seen.filter((s) => path === undefined || s.path === path).length,
    seen,
    /** Resolves when the upstream has seen `count` requests for `path` in all. */
    waitForHits(path, count) {
      return new Promise((resolve) => {
        const check = () => {
          if (this.hits(path) >= count) {
            events.off('request', check);
            resolve();
          }
        };
        events.on('request', check);
        check();
      });
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * Streams `total` bytes in 64 KiB writes, waiting for 'drain' (never 50 MB in memory); resolves
 * `done` with the bytes handed to the socket before it finished or the client went away.
 */
export function streamBytes(res, total, headers = {}) {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  let sent = 0;
  let resolveDone;
  const done = new Promise((resolve) => (resolveDone = resolve));
  res.writeHead(200, { 'content-type': 'application/rss+xml', ...headers });
  const finish = () => resolveDone(sent);
  res.on('close', finish);
  const pump = () => {
    while (sent < total) {
      if (res.destroyed) return finish();
      sent += chunk.length;
      if (!res.write(chunk)) return res.once('drain', pump);
    }
    res.end();
  };
  pump();
  return done;
}
