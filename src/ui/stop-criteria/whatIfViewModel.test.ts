import { describe, expect, it } from 'vitest';
import { whatIfEvent } from '../../domain/rules/whatIf';
import { createMessages } from '../messages/translator';
import { whatIfErrors, whatIfReadBack, whatIfTypeLabel } from './whatIfViewModel';

const zone = 'Europe/London';
const m = createMessages({ locale: 'en', zone });

describe('what-if form words', () => {
  it('an empty label takes the type name', () => {
    const r = whatIfEvent({ eventClass: 'caesarean', date: '2026-07-03', time: '08:30', label: '' }, zone, 'w', (t) => whatIfTypeLabel(t, m));
    expect(r.ok && r.event.name).toEqual({ text: 'Caesarean section' });
  });

  it('error codes become the sentences the form shows', () => {
    expect(whatIfErrors({ date: 'rules.what-if.date-missing', time: 'rules.what-if.time-nonexistent' }, m)).toEqual({
      date: 'Enter the date of the event.',
      time: 'This time does not exist on that day in the facility time zone (clock change): enter another time.',
    });
  });

  it('the slot is read back unambiguously, date-only saying from 00:00', () => {
    expect(whatIfReadBack({ eventClass: 'caesarean', date: '2026-07-03', time: '08:30', label: '' }, zone, m)).toBe('3 Jul 2026 08:30 (UTC+01:00)');
    expect(whatIfReadBack({ eventClass: 'caesarean', date: '2026-07-03', time: '', label: '' }, zone, m)).toBe('3 Jul 2026 (date only: from 00:00)');
    expect(whatIfReadBack({ eventClass: 'caesarean', date: '', time: '', label: '' }, zone, m)).toBeUndefined();
  });
});
