import type { Plugin } from 'vite';

/**
 * A local newsletter endpoint for the demo: POST /api/subscribe with JSON `{"email": ...}` or a
 * urlencoded form. It records each address in memory, prints it, and answers like a real service:
 * 201 on success, 400 with `{message}` for a bad address, 409 for one it already has.
 */
export function subscribeEndpoint(): Plugin {
  const addresses = new Set<string>();
  return {
    name: 'paperfeed-demo-subscribe',
    configureServer(server) {
      server.middlewares.use('/api/subscribe', (req, res) => {
        const send = (status: number, body: object) => {
          res.statusCode = status;
          res.setHeader('Content-Type', 'application/json');
          res.end(JSON.stringify(body));
        };
        if (req.method !== 'POST') return send(405, { message: 'Use POST.' });
        let raw = '';
        req.setEncoding('utf8');
        req.on('data', (chunk: string) => {
          raw += chunk;
          if (raw.length > 10_000) req.destroy();
        });
        req.on('end', () => {
          let email = '';
          try {
            const type = req.headers['content-type'] ?? '';
            email = type.includes('json')
              ? String(JSON.parse(raw).email ?? '')
              : (new URLSearchParams(raw).get('email') ?? '');
          } catch {
            return send(400, { message: 'The request body is not valid JSON.' });
          }
          email = email.trim();
          if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return send(400, { message: 'That does not look like an email address.' });
          if (addresses.has(email.toLowerCase())) return send(409, { message: `${email} is already subscribed.` });
          addresses.add(email.toLowerCase());
          server.config.logger.info(`[paperfeed demo] subscribed ${email} (${addresses.size} in total)`, { timestamp: true });
          send(201, { message: `Thanks! ${email} will get the trending papers.` });
        });
      });
    },
  };
}
