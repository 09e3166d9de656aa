import { describe, expect, it } from 'vitest';
import { publishDelayMs } from './worklistStore';

describe('pacing the worklist renders while rows arrive', () => {
  it('keeps the 30 ms pace while renders are cheap (the first rows show at once)', () => {
    expect(publishDelayMs(0)).toBe(30);
    expect(publishDelayMs(5)).toBe(30);
  });

  it('waits four times what the last render took, so rendering takes at most about a fifth of the main thread', () => {
    expect(publishDelayMs(100)).toBe(400);
    expect(publishDelayMs(500)).toBe(2_000);
  });

  it('never waits more than 3 s, so a very slow render still shows progress', () => {
    expect(publishDelayMs(5_000)).toBe(3_000);
  });
});
