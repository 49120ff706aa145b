// The reason an HTTP error's body gives, for the reader: arXiv answers a bad query with 400 and an
// Atom feed whose one entry (id http://arxiv.org/api/errors#…) says what was wrong; JSON APIs send
// `{"message": …}`, `{"error": …}` or `{"error": {"message": …}}`. HTML error pages say nothing
// a reader can use and are ignored. The subscribe box does the same with its endpoint's answers.
import { FeedError } from '../errors.js';
import { decodeBody } from '../parse/decode.js';
import { parseBody } from '../parse/detect.js';
import { collapse } from '../parse/text.js';

/** At most this much of an error body is read (an error page can be big; the reason is near the top). */
const MAX_ERROR_BODY = 64 * 1024;

/** The reason in an error body, or '' when it has none a reader can use. */
export function reasonIn(text: string, contentType = ''): string {
  const body = text.trim();
  if (!body || /^<(?:!doctype\s+html|html)/i.test(body)) return '';
  let parsed;
  try {
    parsed = parseBody(body, contentType);
  } catch {
    return '';
  }
  let reason = '';
  if (parsed.kind === 'json') {
    const data = parsed.data as Record<string, unknown> | null;
    const field = (value: unknown): string =>
      typeof value === 'string' ? value : value && typeof value === 'object' ? field((value as Record<string, unknown>).message) : '';
    if (data && typeof data === 'object') reason = field(data.message) || field(data.error) || field(data.detail);
  } else {
    for (const entry of Array.from(parsed.doc.getElementsByTagName('entry'))) {
      const id = entry.getElementsByTagName('id')[0]?.textContent ?? '';
      if (/arxiv\.org\/api\/errors/i.test(id)) reason = entry.getElementsByTagName('summary')[0]?.textContent ?? '';
    }
  }
  return collapse(reason).slice(0, 300);
}

/** `error` with the reason its response's body gives appended to the message (the same error when none). */
export async function withBodyReason(error: FeedError, response: Response): Promise<FeedError> {
  let reason = '';
  try {
    const bytes = new Uint8Array(await response.arrayBuffer());
    const contentType = response.headers.get('content-type') ?? '';
    reason = reasonIn(decodeBody(bytes.subarray(0, MAX_ERROR_BODY), contentType), contentType);
  } catch {
    // A body that cannot be read adds nothing.
  }
  if (!reason) return error;
  const { kind, status, retryAfter, url } = error;
  reason = reason.replace(/[.!]?$/, '.');
  return new FeedError(kind, `${error.message} The server says: ${reason}`, { status, retryAfter, url, reason });
}
