// The one place paperfeed reaches the network. Tests and stories swap it for a fake so nothing
// ever touches a live endpoint (include-fragment-element overrides `fetch` the same way).
type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

let hook: FetchLike | undefined;

/** Replace the `fetch` used by every paperfeed element on the page; call with no argument to restore. */
export function setFetch(fn?: FetchLike): void {
  hook = fn;
}

/** The `fetch` in force now: the hook if one is set, else the global `fetch`. */
export function currentFetch(): FetchLike {
  return hook ?? ((input, init) => globalThis.fetch(input, init));
}
