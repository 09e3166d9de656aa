import { reasonText } from '../../test/support/reasonText';
import { describe, expect, it } from 'vitest';
import { parseRetryAfter, RequestTimeoutError } from './errors';
import { failureReason } from './failures';
import { createLimiter } from './limit';
import { guardedRequester, retryWait, withTimeout, DEFAULT_REQUEST_POLICY } from './requestPolicy';

const busy = (status: number, retryAfterMs?: number) => Object.assign(new Error('busy'), { name: 'FhirHttpError', status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates; ignores what it cannot read', () => {
    const now = Date.UTC(2026, 2, 1, 9, 30, 0);
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 09:30:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 09:29:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('retryWait', () => {
  it('honours Retry-After up to the cap, else backs off 1 s, 2 s, 4 s', () => {
    expect(retryWait(busy(429, 3000), 1, { maxRetryWaitMs: 10_000 })).toBe(3000);
    expect(retryWait(busy(429, 60_000), 1, { maxRetryWaitMs: 10_000 })).toBe(10_000);
    expect([1, 2, 3].map((n) => retryWait(busy(503), n, { maxRetryWaitMs: 10_000 }))).toEqual([1000, 2000, 4000]);
  });
});

describe('withTimeout', () => {
  it('abandons an attempt that ignores its signal with RequestTimeoutError, and aborts the attempt\'s signal', async () => {
    let seen: AbortSignal | undefined;
    const never = (s: AbortSignal) => {
      seen = s;
      return new Promise<never>(() => undefined);
    };
    const error = await withTimeout(never, new AbortController().signal, 20).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(seen?.aborted).toBe(true);
    expect(reasonText(failureReason(error, { resourceType: 'Encounter', action: 'search' }))).toBe('no answer to the Encounter search within 20 ms');
  });

  it('an abort by the caller wins over the timeout and keeps its own reason', async () => {
    const outer = new AbortController();
    const p = withTimeout(() => new Promise<never>(() => undefined), outer.signal, 10_000);
    outer.abort(new DOMException('stop', 'AbortError'));
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('guardedRequester', () => {
  it('does not retry other errors, and stops every later request after a fatal one', async () => {
    const calls: string[] = [];
    const controller = new AbortController();
    const get = guardedRequester({
      requester: {
        serverUrl: 'https://ehr.example/fhir',
        async get(url) {
          calls.push(url);
          if (url === 'a') throw busy(500);
          if (url === 'b') throw Object.assign(new Error('ended'), { name: 'SessionExpiredError' });
          return {};
        },
      },
      limit: createLimiter(1),
      policy: { ...DEFAULT_REQUEST_POLICY, sleep: async () => undefined },
      controller,
    });
    await expect(get.get('a')).rejects.toMatchObject({ status: 500 });
    await expect(get.get('b')).rejects.toMatchObject({ name: 'SessionExpiredError' });
    await expect(get.get('c')).rejects.toMatchObject({ name: 'SessionExpiredError' });
    expect(calls).toEqual(['a', 'b']);
    expect(controller.signal.aborted).toBe(true);
  });
});
