/** The rule views' messages are valid ICU MessageFormat (a syntax error would show the raw pattern on screen). */
import { createIntl } from '@formatjs/intl';
import { describe, expect, it } from 'vitest';
import { EN } from './catalogue';

const PREFIXES = ['rule.', 'rules.', 'reason.rules.', 'stopCriteria.', 'whatIf.', 'stopNow.', 'indications.', 'cautions.', 'copyToNote.'];
const intl = createIntl({ locale: 'en', messages: {} });

describe('rule view messages parse', () => {
  const keys = Object.keys(EN).filter((k) => PREFIXES.some((p) => k.startsWith(p)));

  it('finds the rule view messages', () => {
    expect(keys.length).toBeGreaterThan(150);
  });

  it('a select key with a hyphen is a syntax error (the check itself works)', () => {
    expect(() => intl.formatters.getMessageFormat('{s, select, not-read {x} other {y}}', 'en')).toThrow();
  });

  it.each(keys)('%s is valid ICU', (key) => {
    expect(() => intl.formatters.getMessageFormat(EN[key as keyof typeof EN], 'en')).not.toThrow();
  });
});
