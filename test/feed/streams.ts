// A Response whose body the test writes piece by piece, so a test can look at what paperfeed shows
// while a feed is still arriving. Nothing here touches the network.
import type { RecordedRequest } from './helpers.js';

export interface StreamedResponse {
  response: Response;
  /** Enqueue text (UTF-8 encoded) or raw bytes. */
  send(chunk: string | Uint8Array): void;
  close(): void;
  /** Break the body as a dropped connection does: the reader rejects with a TypeError. */
  fail(): void;
  /** Resolves when the reader wants more than has been sent (it has consumed everything so far). */
  drained(): Promise<void>;
}

/**
 * A streamed response. With `request`, aborting the request's signal errors the body the way a real
 * `fetch` does (a fake fetch would otherwise keep the body open after the caller left).
 */
export function streamedResponse(request?: RecordedRequest, type = 'application/json'): StreamedResponse {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let waiting: (() => void) | undefined;
  let open = true;
  const body = new ReadableStream<Uint8Array>(
    {
      start: (c) => {
        controller = c;
      },
      pull: () => {
        waiting?.();
        waiting = undefined;
      },
    },
    { highWaterMark: 0 },
  );
  request?.signal?.addEventListener('abort', () => {
    if (open) controller.error(new DOMException('The user aborted a request.', 'AbortError'));
    open = false;
  });
  return {
    response: new Response(body, { headers: { 'content-type': type } }),
    send: (chunk) => controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk),
    close: () => {
      open = false;
      controller.close();
    },
    fail: () => {
      open = false;
      controller.error(new TypeError('network error'));
    },
    drained: () => new Promise((resolve) => (waiting = resolve)),
  };
}

/** An HF daily-papers item with the given title (and a few fields a card shows). */
export const hfItem = (n: number, title = `Streamed paper ${n}`, extra: Record<string, unknown> = {}) => ({
  paper: {
    id: `2511.${String(n).padStart(5, '0')}`,
    title,
    summary: `Abstract of paper ${n}.`,
    authors: [{ name: `Author ${n}` }],
    upvotes: n,
    publishedAt: '2025-11-03T00:00:00.000Z',
    ...extra,
  },
});

/** `[item, item, ` … the opening of an HF array body with `items`, ready for more. */
export const openArray = (items: unknown[]): string => `[${items.map((item) => `${JSON.stringify(item)},`).join('')}`;
