// Every text <paperfeed-subscribe> writes itself besides its heading, button and success message
// (those are attributes). Replace any of them through the `strings` property; `{status}` is filled in.

/** Every text the form shows besides the heading, button and success message (those are attributes). */
export interface SubscribeStrings {
  label: string;
  placeholder: string;
  sending: string;
  emptyEmail: string;
  invalidEmail: string;
  network: string;
  timeout: string;
  /** A 4xx answer without a `{ "message" }` of its own. `{status}` is the HTTP status. */
  rejected: string;
  /** A 5xx answer. */
  server: string;
  /** The page gave no usable `action`. */
  notConfigured: string;
}

export const defaultSubscribeStrings: SubscribeStrings = {
  label: 'Email address',
  placeholder: 'you@example.com',
  sending: 'Subscribing…',
  emptyEmail: 'Enter your email address.',
  invalidEmail: 'Enter a valid email address, like name@example.com.',
  network: 'Could not reach the server. Check your connection and try again.',
  timeout: 'The server took too long to answer. Please try again.',
  rejected: 'The subscription was not accepted ({status}). Check the address and try again.',
  server: 'Something went wrong on our side ({status}). Please try again later.',
  notConfigured: 'Subscribing is not available on this page yet.',
};
