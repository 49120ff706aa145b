/** `scheduler.yield()` where there is one (it resumes ahead of other queued tasks), else a task. */
export const yieldToMain = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?(): Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : yieldToTimers();
};

/**
 * A new task at the back of the queue: timers that are due (a request's timeout) run first. A loop
 * that only ever resumes through `scheduler.yield()` goes ahead of them every time, so a fast endless
 * body kept a 300 ms timeout from firing until the body ended (issue 18).
 */
export const yieldToTimers = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));
