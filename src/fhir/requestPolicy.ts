/**
 * How the record loader sends each request: under the shared priority bound, with a timeout per attempt, and with a
 * few waits and retries when the server says it is busy (429, 503), honouring Retry-After up to a cap and a small
 * total budget. After that the error goes to the part of the record that asked (a named reason, never a hang).
 * A fatal error (the session ended) aborts every other request of the load.
 */
import { RequestTimeoutError } from './errors';
import { httpStatusOf, isFatal, type FhirRequester } from './failures';
import type { Limiter } from './limit';

export interface RequestPolicy {
  /** ms one attempt may take before it is abandoned (default 15,000). */
  timeoutMs: number;
  /** Retries after a 429 or 503 answer (default 3). */
  maxRetries: number;
  /** Longest single wait, whatever Retry-After asks (default 10,000 ms). */
  maxRetryWaitMs: number;
  /** Longest total waiting per request across its retries (default 20,000 ms). */
  retryBudgetMs: number;
  /** Waits `ms` (abortable); injectable so tests do not wait. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}

export const DEFAULT_REQUEST_POLICY: RequestPolicy = {
  timeoutMs: 15_000,
  maxRetries: 3,
  maxRetryWaitMs: 10_000,
  retryBudgetMs: 20_000,
  sleep: abortableSleep,
};

const BUSY = new Set([429, 503]);

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** The wait before retry number `attempt` (1-based): Retry-After when given, else 1 s, 2 s, 4 s; capped. */
export function retryWait(error: unknown, attempt: number, policy: Pick<RequestPolicy, 'maxRetryWaitMs'>): number {
  const asked = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  const wait = typeof asked === 'number' && Number.isFinite(asked) && asked >= 0 ? asked : 1000 * 2 ** (attempt - 1);
  return Math.min(wait, policy.maxRetryWaitMs);
}

export interface GuardedRequesterInput {
  requester: FhirRequester;
  limit: Limiter;
  policy: RequestPolicy;
  /** The load's controller: aborted by the caller, or here on the first fatal error. */
  controller: AbortController;
}

/** A FhirRequester for the loader: bound, timeout, retries, shared abort. Options' `priority` orders the queue. */
export function guardedRequester({ requester, limit, policy, controller }: GuardedRequesterInput): FhirRequester {
  const signal = controller.signal;
  // The fatal check runs inside the slot, so the abort happens before the slot passes to a waiting request.
  const attempt = (url: string, priority: number) =>
    limit(async () => {
      signal.throwIfAborted();
      try {
        return await withTimeout((s) => requester.get(url, { signal: s }), signal, policy.timeoutMs);
      } catch (error) {
        if (isFatal(error) && !signal.aborted) controller.abort(error);
        throw error;
      }
    }, priority);
  return {
    serverUrl: requester.serverUrl,
    async get(url, options = {}) {
      const priority = options.priority ?? 0;
      let waited = 0;
      for (let retries = 0; ; retries++) {
        try {
          return await attempt(url, priority);
        } catch (error) {
          const status = httpStatusOf(error);
          const wait = retryWait(error, retries + 1, policy);
          if (status === undefined || !BUSY.has(status) || retries >= policy.maxRetries || waited + wait > policy.retryBudgetMs || signal.aborted) {
            if (retries > 0 && typeof error === 'object' && error !== null) Object.assign(error, { retries });
            throw error;
          }
          waited += wait;
          await policy.sleep(wait, signal);
        }
      }
    },
  };
}

/** Runs one attempt with its own signal, abandoned with RequestTimeoutError after `ms` (even if it ignores the signal). */
export async function withTimeout<T>(run: (signal: AbortSignal) => Promise<T>, outer: AbortSignal, ms: number): Promise<T> {
  const inner = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onOuterAbort: (() => void) | undefined;
  const stop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const timeout = new RequestTimeoutError(ms);
      reject(timeout);
      inner.abort(timeout);
    }, ms);
    onOuterAbort = () => {
      reject(outer.reason);
      inner.abort(outer.reason);
    };
    outer.addEventListener('abort', onOuterAbort, { once: true });
  });
  stop.catch(() => undefined);
  try {
    return await Promise.race([run(inner.signal), stop]);
  } catch (error) {
    // The attempt may reject with its abort reason before the timer's rejection is seen.
    if (!outer.aborted && inner.signal.reason instanceof RequestTimeoutError) throw inner.signal.reason;
    throw error;
  } finally {
    clearTimeout(timer);
    if (onOuterAbort) outer.removeEventListener('abort', onOuterAbort);
  }
}
