import { describe, expect, it } from 'vitest';
import { createMessages } from '../translator';
import type { MessageKey } from '../catalogue';
import { formatEn } from './format';
import { labsEn } from './labs';
import { timelineEn } from './timeline';

/** Every parameter name a message uses, given a value that takes the `other` branch of selects. */
const params = (text: string) => Object.fromEntries([...text.matchAll(/\{(\w+)/g)].map((x) => [x[1]!, 1]));

describe('timeline, labs and format messages parse as ICU MessageFormat', () => {
  const m = createMessages({ zone: 'UTC' });
  const all = { ...formatEn, ...labsEn, ...timelineEn } as Record<string, string>;
  for (const [key, text] of Object.entries(all)) {
    it(`${key} is formatted, not shown as its source`, () => {
      const out = m.t(key as MessageKey, params(text));
      expect(out).not.toMatch(/, (select|plural),/);
      expect(out).not.toMatch(/\{\w+\}/);
    });
  }
});
