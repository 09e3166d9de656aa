/**
 * A concurrency bound with priorities: at most `n` tasks run at once; waiting tasks start lowest priority number
 * first, in arrival order within one priority. The record loader gives what the first screen needs a low number and
 * follow-on pages of a started search a lower one than first pages, so they are not starved behind other searches.
 */
export type Limiter = <T>(task: () => Promise<T>, priority?: number) => Promise<T>;

interface Waiter {
  priority: number;
  seq: number;
  start: () => void;
}

export function createLimiter(n: number): Limiter {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('concurrency must be a positive integer');
  let running = 0;
  let seq = 0;
  // A short list kept sorted by insertion: the record loader queues tens of tasks, not thousands.
  const waiting: Waiter[] = [];
  const enqueue = (w: Waiter) => {
    let i = waiting.length;
    while (i > 0 && waiting[i - 1]!.priority > w.priority) i -= 1;
    waiting.splice(i, 0, w);
  };
  return async <T>(task: () => Promise<T>, priority = 0): Promise<T> => {
    // A finishing task hands its slot directly to the next waiter, so `running` never exceeds n.
    if (running >= n) await new Promise<void>((resolve) => enqueue({ priority, seq: seq++, start: resolve }));
    else running += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next.start();
      else running -= 1;
    }
  };
}
