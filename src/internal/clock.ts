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
