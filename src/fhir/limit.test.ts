import { describe, expect, it } from 'vitest';
import { createLimiter } from './limit';

describe('createLimiter', () => {
  it('never runs more than n tasks at once and runs them all', async () => {
    const limit = createLimiter(3);
    let running = 0;
    let peak = 0;
    const task = async (i: number) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, (i % 4) + 1));
      running -= 1;
      return i;
    };
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => limit(() => task(i))));
    expect(results).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(peak).toBe(3);
  });

  it('a failing task frees its slot', async () => {
    const limit = createLimiter(1);
    await expect(limit(() => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await expect(limit(() => Promise.resolve(2))).resolves.toBe(2);
  });

  it('refuses a bound below 1', () => {
    expect(() => createLimiter(0)).toThrow(RangeError);
  });
});
