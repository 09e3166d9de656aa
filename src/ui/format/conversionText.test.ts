import { describe, expect, it } from 'vitest';
import { createMessages } from '../messages/translator';
import { conversionText } from './labValues';

describe('conversion notes as the lab panel shows them', () => {
  const m = createMessages({ locale: 'en', zone: 'UTC' });
  it('a platelet count converted from 10*3/uL names the unit as clinicians write it', () => {
    expect(conversionText('converted from 10*3/uL', m)).toBe('converted from ×10³/µL');
    expect(conversionText('converted from 10*3/uL', m)).not.toMatch(/10\*3/);
  });
  it('no note stays no note', () => {
    expect(conversionText(undefined, m)).toBeUndefined();
  });
});
