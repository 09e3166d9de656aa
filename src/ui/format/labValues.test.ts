import { describe, expect, it } from 'vitest';
import { createMessages } from '../messages/translator';
import { reportedExactText, reportedText, roundedRecordedText } from './labValues';

const en = createMessages({ locale: 'en', zone: 'UTC' });
const ru = createMessages({ locale: 'ru', zone: 'UTC' });

describe('a recorded value with a generator long decimal (Synthea writes binary fractions)', () => {
  it('is rounded for reading to 4 significant digits, the unit kept as written', () => {
    expect(roundedRecordedText('176.56280847725554 10*3/uL', en)).toBe('176.6 10*3/uL');
    expect(roundedRecordedText('78.58164846065222 kg', en)).toBe('78.58 kg');
    expect(roundedRecordedText('0.8438736100860925 mg/dL', en)).toBe('0.8439 mg/dL');
  });

  it('keeps the comparator and writes the decimal comma in Russian', () => {
    expect(roundedRecordedText('<0.123456 mg/L', en)).toBe('<0.1235 mg/L');
    expect(roundedRecordedText('176.56280847725554 10*3/uL', ru)).toBe('176,6 10*3/uL');
  });

  it('a number with 4 decimals or fewer, or text that is not a bare number, reads as recorded', () => {
    expect(roundedRecordedText('0.6250 mg/L', en)).toBeUndefined();
    expect(roundedRecordedText('206 10*3/uL', en)).toBeUndefined();
    expect(roundedRecordedText('Enoxaparin 40 mg SC daily', en)).toBeUndefined();
    expect(roundedRecordedText('see 1.234567 in the report', en)).toBeUndefined();
  });

  it('the reported text rounds it and writes the unit as clinicians do; the exact text is kept for the tooltip', () => {
    const o = { text: '176.56280847725554 10*3/uL', unit: '10*3/uL', code: '10*3/uL' };
    expect(reportedText(o, en)).toBe('176.6 ×10³/µL');
    expect(reportedExactText(o, en)).toBe('176.56280847725554 10*3/uL');
    const plain = { text: '206 10*3/uL', unit: '10*3/uL', code: '10*3/uL' };
    expect(reportedText(plain, en)).toBe('206 ×10³/µL');
    expect(reportedExactText(plain, en)).toBeUndefined();
  });
});
