import { describe, expect, it } from 'vitest';
import { safeString } from './text';

describe('safeString', () => {
  it.each([
    ['text', 'text'],
    [42, '42'],
    [null, 'null'],
    [undefined, 'undefined'],
    [{ toString: false }, '{"toString":false}'],
    [JSON.parse('{"toString": 1, "valueOf": 2}'), '{"toString":1,"valueOf":2}'],
  ])('%j reads as %s without throwing', (v, s) => expect(safeString(v)).toBe(s));
  it('cuts long JSON', () => expect(safeString({ a: 'x'.repeat(200) }).length).toBe(80));
  it('survives a cycle', () => {
    const o: Record<string, unknown> = {};
    o.self = o;
    expect(safeString(o)).toBe('object');
  });
});
