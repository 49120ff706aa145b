import { isServer } from 'lit';

// Every "how long ago" in paperfeed reads the time here, so tests can freeze it (the way
// relative-time-element's tests use `freezeTime`) instead of waiting or racing the real clock.
type Clock = () => number;

const systemClock: Clock = () => Date.now();
let clock: Clock = systemClock;

/** Milliseconds since the epoch, from the clock in force. */
export function now(): number {
  return clock();
}

/**
 * Replace the clock for every paperfeed element (tests, stories, screenshots). Pass a number to
 * freeze time at that instant, a function for a custom clock, or nothing to restore the real one.
 */
export function setClock(value?: number | Date | Clock): void {
  if (value === undefined) clock = systemClock;
  else if (typeof value === 'function') clock = value;
  else {
    const frozen = +value;
    clock = () => frozen;
  }
}

// A page rendered on the server is read later (a static site: days later), and in another time
// zone than the server's. So what the server writes must not depend on when or where it ran: dates
// are absolute and in UTC ("Dec 1, 2026", never "3 hours ago"). The first client render of that
// DOM (hydration) computes the same fixed text, then the next render writes the live form.
let fixedDepth = 0;

/** True while dates must be written in their fixed form: on the server, and inside `withFixedDates`. */
export function fixedDates(): boolean {
  return isServer || fixedDepth > 0;
}

/** Runs `render` (synchronous) with dates written in their fixed form. */
export function withFixedDates<T>(render: () => T): T {
  fixedDepth++;
  try {
    return render();
  } finally {
    fixedDepth--;
  }
}
