// Starts each list's feed request while the element code is still downloading (issue 15): without
// it a reader waits for the script, then for the feed, one after the other.
//
// For every `<paperfeed-list src>` already in the page (not `lazy`, which waits for the viewport) it
// adds `<link rel="preload" as="fetch" crossorigin href="…">` for the URL the list will request
// (its `proxy` template applied, as the fetcher does). When the list's code arrives, the page's one
// fetcher calls `fetch()` for the same URL and the browser hands it the preloaded response instead
// of asking the server again (one request per feed: bench/first-card.mjs counts them). This costs
// the CDN entry no import: starting the request through the fetcher itself would make the entry wait
// for the fetcher's chunk first, one more round trip before the feed starts.
// A page can write the same `<link>` in its own <head>; it then starts even earlier, while the
// HTML is still parsing, and the primer sees it and adds nothing.

/** The feed URLs preloaded, in page order (bench/first-card.mjs and scripts/check-cdn.mjs read it). */
export function primeFeeds(doc: Document = document): string[] {
  const primed: string[] = [];
  const existing = new Set(
    [...doc.querySelectorAll<HTMLLinkElement>('link[rel~="preload"][as="fetch"]')].map((link) => link.href),
  );
  for (const list of doc.querySelectorAll('paperfeed-list[src]')) {
    if (list.hasAttribute('lazy')) continue;
    const url = httpUrl(list.getAttribute('src') ?? '', doc.baseURI);
    const proxy = list.getAttribute('proxy');
    if (!url || (proxy && !proxy.includes('{url}'))) continue;
    const href = httpUrl(proxy ? proxy.replaceAll('{url}', encodeURIComponent(url)) : url, doc.baseURI);
    if (!href || existing.has(href)) continue;
    existing.add(href);
    const link = doc.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    // `fetch()` runs in CORS mode with same-origin credentials: `crossorigin` (anonymous) matches it,
    // without which the browser would not reuse the preloaded response.
    link.crossOrigin = 'anonymous';
    link.href = href;
    doc.head.append(link);
    primed.push(href);
  }
  return primed;
}

/** An absolute http(s) URL, or undefined (the fetcher checks again and explains a bad `src`). */
function httpUrl(value: string, base: string): string | undefined {
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
