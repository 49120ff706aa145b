// Shared by the fault tests: talk to the test routes (test/server/routes.mjs) and watch for errors
// that escape the elements.

let counter = 0;
/** A key no other test (or earlier run against the same server) uses. */
export const uniqueKey = (label: string): string =>
  `${label}-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/** The fault routes exist only when the dev server runs with `paperfeedTestRoutes`. */
export async function routesInstalled(): Promise<boolean> {
  try {
    const response = await fetch('/__fault/feed/ok?n=0');
    return response.ok && (response.headers.get('content-type') ?? '').includes('json');
  } catch {
    return false;
  }
}

export async function recover(key: string): Promise<void> {
  const response = await fetch(`/__fault/recover?key=${encodeURIComponent(key)}`, { method: 'POST' });
  if (response.status !== 204) throw new Error(`recover answered ${response.status}`);
}

export interface FeedLogEntry {
  route: string;
  title: string | null;
  outcome: 'answered' | 'aborted' | 'gave-up' | 'hanging';
}

export async function feedLog(key: string): Promise<FeedLogEntry[]> {
  const response = await fetch(`/__fault/log?key=${encodeURIComponent(key)}`, { cache: 'no-store' });
  return ((await response.json()) as { entries: FeedLogEntry[] }).entries;
}

export interface SubscribeRecord {
  method: string;
  mode: string;
  contentType: string;
  body: string;
}

export async function subscribeLog(key: string): Promise<SubscribeRecord[]> {
  const response = await fetch(`/__fault/subscribe/log?key=${encodeURIComponent(key)}`, { cache: 'no-store' });
  return ((await response.json()) as { requests: SubscribeRecord[] }).requests;
}

/** A loopback URL whose port was just closed: connecting is refused. */
export async function refusedUrl(): Promise<string> {
  const response = await fetch('/__fault/closed-port', { cache: 'no-store' });
  return ((await response.json()) as { url: string }).url;
}

/** Polls `check` every 50 ms until it returns a value other than undefined (the server side has no event to await). */
export async function until<T>(check: () => Promise<T | undefined>, what: string, timeout = 4000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Records window `error` and `unhandledrejection` events between `start()` and `stop()`. */
export function uncaughtRecorder() {
  const seen: string[] = [];
  const onError = (event: ErrorEvent) => seen.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => seen.push(`unhandledrejection: ${String(event.reason)}`);
  return {
    seen,
    start() {
      seen.length = 0;
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onRejection);
    },
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}
