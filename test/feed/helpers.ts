// Shared helpers for the feed tests: fixtures read from the test server, and a fake `fetch` that
// records every request it gets. Nothing here touches the real network.
import { setFetch } from '../../src/feed/net/fetch-hook.js';

const realFetch = globalThis.fetch.bind(globalThis);

/** The text of a file in test/fixtures (served by the test runner from the repo root). */
export async function readFixture(name: string): Promise<string> {
  const response = await realFetch(new URL(`../fixtures/${name}`, import.meta.url));
  if (!response.ok) throw new Error(`fixture ${name}: ${response.status}`);
  return response.text();
}

/** The text of a file in demo/. */
export async function readDemo(name: string): Promise<string> {
  const response = await realFetch(new URL(`../../demo/${name}`, import.meta.url));
  if (!response.ok) throw new Error(`demo ${name}: ${response.status}`);
  return response.text();
}

export interface RecordedRequest {
  url: string;
  headers: Headers;
  signal?: AbortSignal;
}

export type Handler = (request: RecordedRequest) => Response | Promise<Response>;

/** Installs a fake fetch through the library's hook; `requests` lists what it was asked for. */
export function installFetch(handler: Handler): { requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  setFetch(async (input, init) => {
    const request: RecordedRequest = {
      url: String(input instanceof Request ? input.url : input),
      headers: new Headers(init?.headers),
      signal: init?.signal ?? undefined,
    };
    requests.push(request);
    return handler(request);
  });
  return { requests };
}

/** A Response with a body and a content type (default JSON). */
export function respond(body: string, init: { status?: number; type?: string; headers?: Record<string, string> } = {}): Response {
  return new Response(init.status === 204 ? null : body, {
    status: init.status ?? 200,
    headers: { 'content-type': init.type ?? 'application/json', ...init.headers },
  });
}

/** A fetch that never answers, except by rejecting with an AbortError when its signal aborts. */
export function hangUntilAborted(request: RecordedRequest): Promise<Response> {
  return new Promise((_, reject) => {
    request.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });
}

/** A promise with its resolve exposed, to answer a request exactly when a test wants. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** The rejection of a promise (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
