#!/usr/bin/env node
// paperfeed-proxy: the feed proxy (paperfeed/proxy) on Node's http server, for self-hosting and
// local development.
//
//   npx paperfeed-proxy --port 8787 --allow huggingface.co,export.arxiv.org [--allow-private]
//
// Then: <paperfeed-list src="https://export.arxiv.org/api/query?…"
//                       proxy="http://127.0.0.1:8787/?url={url}"></paperfeed-list>
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createProxy, toNodeListener, DEFAULT_ALLOW } from '../dist/proxy.js';

const HELP = `Usage: paperfeed-proxy [options]

  --port <n>          port to listen on (default 8787; 0 picks a free one)
  --host <addr>       address to listen on (default 127.0.0.1; 0.0.0.0 to serve other machines)
  --allow <hosts>     comma-separated feed hosts it may fetch (or repeat --allow); "*.example.org" for subdomains
                      (default ${DEFAULT_ALLOW.join(',')})
  --origins <list>    comma-separated page origins allowed to read answers (default: any)
  --allow-private     also fetch loopback/private addresses (local development only)
  --max-bytes <n>     largest feed body in bytes (default 8 MiB)
  --timeout <ms>      upstream timeout (default 10000)
  --ttl <s>           lifetime of feeds that send no caching headers (default 300)
  --user-agent <ua>   User-Agent sent upstream (put a contact in it)
  -h, --help          this text`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      allow: { type: 'string', multiple: true },
      origins: { type: 'string', multiple: true },
      'allow-private': { type: 'boolean', default: false },
      'max-bytes': { type: 'string' },
      timeout: { type: 'string' },
      ttl: { type: 'string' },
      'user-agent': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  console.error(`[paperfeed] ${error.message}\n\n${HELP}`);
  process.exit(2);
}
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

// --allow a,b and --allow a --allow b both work (each flag may be repeated).
const list = (texts) => texts?.flatMap((text) => text.split(',')).map((s) => s.trim()).filter(Boolean);
const number = (text, name) => {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`[paperfeed] --${name} must be a number; got "${text}".`);
    process.exit(2);
  }
  return n;
};

let proxy;
try {
  proxy = createProxy({
    allow: list(values.allow),
    origins: list(values.origins),
    allowPrivate: values['allow-private'],
    maxBytes: number(values['max-bytes'], 'max-bytes'),
    timeout: number(values.timeout, 'timeout'),
    ttl: number(values.ttl, 'ttl'),
    userAgent: values['user-agent'],
  });
} catch (error) {
  console.error(error.message);
  process.exit(2);
}

const server = createServer(toNodeListener(proxy));
server.on('error', (error) => {
  // Listening failed (the port is taken, or the address is not this machine's): say so, no stack.
  const where = `${values.host}:${values.port}`;
  const reason =
    error.code === 'EADDRINUSE' ? `${where} is already in use; pick another --port (0 picks a free one).`
    : error.code === 'EACCES' ? `${where} needs more privileges; use a port above 1023.`
    : error.code === 'EADDRNOTAVAIL' ? `${values.host} is not an address of this machine; see --host.`
    : `cannot listen on ${where}: ${error.message}`;
  console.error(`[paperfeed] ${reason}`);
  process.exit(1);
});
server.listen(number(values.port, 'port'), values.host, () => {
  const { address, port } = server.address();
  const host = address.includes(':') ? `[${address}]` : address;
  console.log(`paperfeed-proxy listening on http://${host}:${port}/?url={url}`);
  if (values['allow-private']) console.log('[paperfeed] --allow-private: loopback and private addresses are fetched. Local development only.');
});
const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
