import { describe, expect, it } from 'vitest';
import { createMessages } from '../messages/translator';
import { analyteName, conversionText } from './labValues';

const fromUnit = (code: string) => ({ code: 'lab.converted-from', params: { unit: { kind: 'unit' as const, code } } });

describe('conversion notes as the lab panel shows them', () => {
  const m = createMessages({ locale: 'en', zone: 'UTC' });
  const ru = createMessages({ locale: 'ru', zone: 'UTC' });
  it('a platelet count converted from 10*3/uL names the unit as clinicians write it', () => {
    expect(conversionText([fromUnit('10*3/uL')], m)).toBe('converted from ×10³/µL');
    expect(conversionText([fromUnit('10*3/uL')], m)).not.toMatch(/10\*3/);
  });
  it('in Russian, the unit as Russian labs write it', () => {
    expect(conversionText([fromUnit('mg/dL')], ru)).toBe('пересчитано из мг/дл');
  });
  it('a spelling note and a conversion are both said, in order', () => {
    const spelling = { code: 'lab.unit-non-ucum-spelling', params: { written: 'x10^9/L', unit: { kind: 'unit' as const, code: '10*9/L' } } };
    expect(conversionText([spelling, fromUnit('10*3/uL')], m)).toBe("non-UCUM spelling 'x10^9/L' read as ×10⁹/L; converted from ×10³/µL");
  });
  it('no note stays no note', () => {
    expect(conversionText(undefined, m)).toBeUndefined();
    expect(conversionText([], m)).toBeUndefined();
  });
  it('analyte names come from the catalogue in the reader\'s language', () => {
    expect(analyteName('fibrinogen', m)).toBe('Fibrinogen');
    expect(analyteName('fibrinogen', ru)).toBe('Фибриноген');
    expect(analyteName('aptt', ru)).toBe('АЧТВ');
  });
});
