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

describe('createLimiter priorities', () => {
  it('starts waiting tasks lowest priority first, in arrival order within a priority', async () => {
    const limit = createLimiter(1);
    const order: string[] = [];
    let release!: () => void;
    const first = limit(() => new Promise<void>((r) => (release = r)));
    const queued = [
      limit(async () => void order.push('late-3'), 3),
      limit(async () => void order.push('a-1'), 1),
      limit(async () => void order.push('page2-0.5'), 0.5),
      limit(async () => void order.push('b-1'), 1),
    ];
    release();
    await Promise.all([first, ...queued]);
    expect(order).toEqual(['page2-0.5', 'a-1', 'b-1', 'late-3']);
  });
});
