/** @jsxImportSource preact */
// Type-level test for the Preact typings (checked by `npm run typecheck:jsx`, never run).
import type {} from 'paperfeed/preact';

export const ok = <paperfeed-list src="/feed.json" limit={5} layout="compact" onerror={(e) => e.detail.error.kind} />;
// @ts-expect-error: encoding is json | form
export const badEncoding = <paperfeed-subscribe encoding="xml" />;
