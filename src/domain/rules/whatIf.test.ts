import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { whatIfEvent } from './whatIf';

describe('whatIfEvent', () => {
  const zone = 'Europe/London';
  const label = (type: string) => (type === 'caesarean' ? 'Caesarean section' : type);
  it('a caesarean at 08:30 on a summer day is read in the facility zone (UTC+01:00)', () => {
    const r = whatIfEvent({ eventClass: 'caesarean', date: '2026-07-03', time: '08:30', label: '' }, zone, 'whatif:1', label);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.event.when?.start).toBe(Date.UTC(2026, 6, 3, 7, 30));
    expect(r.event.when?.precision).toBe('minute');
    expect(r.event).toMatchObject({ id: 'whatif:1', class: 'caesarean', name: { text: 'Caesarean section' }, enteredHere: true, sources: [] });
  });
  it('a date without a time stays date-only (counts from 00:00 that day in the zone)', () => {
    const r = whatIfEvent({ eventClass: 'other-surgery', date: '2026-12-01', time: '', label: ' Hernia repair ' }, zone, 'w', label);
    expect(r.ok && r.event.when?.precision).toBe('day');
    expect(r.ok && r.event.when?.start).toBe(DateTime.fromISO('2026-12-01', { zone }).toMillis());
    expect(r.ok && r.event.name).toEqual({ text: 'Hernia repair' });
  });
  it('a missing date, an impossible date and an unknown type give messages, never a guessed event', () => {
    expect(whatIfEvent({ eventClass: 'caesarean', date: '', time: '', label: '' }, zone, 'w', label)).toEqual({ ok: false, errors: { date: 'rules.what-if.date-missing' } });
    const bad = whatIfEvent({ eventClass: 'embryo-transfer', date: '2026-02-30', time: '25:00', label: '' }, zone, 'w', label);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.keys(bad.errors).sort()).toEqual(['date', 'eventClass', 'time']);
  });
  it('a wall-clock time skipped by the spring clock change is refused, not shifted', () => {
    const r = whatIfEvent({ eventClass: 'caesarean', date: '2026-03-29', time: '01:30', label: '' }, zone, 'w', label);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.time).toBe('rules.what-if.time-nonexistent');
  });
});
