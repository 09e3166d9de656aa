import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { FINDING_GROUPS, plannedEventSearch, searchesRead, ruleSourceLabel, verificationText, whatIfEvent } from './ui-helpers';

describe('ruleSourceLabel', () => {
  it('labels the source article and each guideline separately', () => {
    expect(ruleSourceLabel({ kind: 'source-article', name: 'The source article (Clexane article)' })).toBe('Source article');
    expect(ruleSourceLabel({ kind: 'guideline', name: 'ASRA 2018' })).toBe('Guideline: ASRA 2018');
    expect(ruleSourceLabel({ kind: 'product-label', name: 'Enoxaparin product labelling' })).toBe('Product label: Enoxaparin product labelling');
    expect(ruleSourceLabel({ kind: 'study', name: 'Published studies (D-dimer in pregnancy)' })).toBe('Study: Published studies (D-dimer in pregnancy)');
  });
  it('names the verification status in words', () => {
    expect(verificationText('verified')).toBe('verified');
    expect(verificationText('partial')).toBe('partial');
    expect(verificationText('source-text')).toBe('source text');
  });
});

describe('plannedEventSearch', () => {
  const ok = { status: 'complete' as const };
  it('is complete only when procedures, service requests, appointments and encounters were all read', () => {
    expect(plannedEventSearch({ procedures: ok, 'service-requests': ok, appointments: ok, encounters: ok })).toEqual({ complete: true });
  });
  it('an Appointment search the server refused is named with its reason', () => {
    const r = plannedEventSearch({ procedures: ok, 'service-requests': ok, appointments: { status: 'unavailable', reason: 'server refused Appointment (403)' }, encounters: ok });
    expect(r).toEqual({ complete: false, reason: 'appointments: unavailable (server refused Appointment (403))' });
  });
  it('a group that was never read is not taken as complete', () => {
    expect(plannedEventSearch({ procedures: ok, 'service-requests': ok, appointments: ok }).reason).toBe('encounters: not read');
  });
});

describe('searchesRead', () => {
  it('names every finding search that was not complete', () => {
    const groups = Object.fromEntries(FINDING_GROUPS.map((g) => [g, { status: 'complete' as const }]));
    expect(searchesRead(groups, FINDING_GROUPS)).toEqual({ complete: true });
    const r = searchesRead({ ...groups, conditions: { status: 'incomplete', reason: 'page 3 failed' } }, FINDING_GROUPS);
    expect(r).toEqual({ complete: false, reason: 'conditions: incomplete (page 3 failed)' });
  });
});

describe('whatIfEvent', () => {
  const zone = 'Europe/London';
  it('a caesarean at 08:30 on a summer day is read in the facility zone (UTC+01:00)', () => {
    const r = whatIfEvent({ eventClass: 'caesarean', date: '2026-07-03', time: '08:30', label: '' }, zone, 'whatif:1');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.event.when?.start).toBe(Date.UTC(2026, 6, 3, 7, 30));
    expect(r.event.when?.precision).toBe('minute');
    expect(r.event).toMatchObject({ id: 'whatif:1', class: 'caesarean', label: 'Caesarean section', enteredHere: true, sources: [] });
  });
  it('a date without a time stays date-only (counts from 00:00 that day in the zone)', () => {
    const r = whatIfEvent({ eventClass: 'other-surgery', date: '2026-12-01', time: '', label: ' Hernia repair ' }, zone, 'w');
    expect(r.ok && r.event.when?.precision).toBe('day');
    expect(r.ok && r.event.when?.start).toBe(DateTime.fromISO('2026-12-01', { zone }).toMillis());
    expect(r.ok && r.event.label).toBe('Hernia repair');
  });
  it('a missing date, an impossible date and an unknown type give messages, never a guessed event', () => {
    expect(whatIfEvent({ eventClass: 'caesarean', date: '', time: '', label: '' }, zone, 'w')).toEqual({ ok: false, errors: { date: 'Enter the date of the event.' } });
    const bad = whatIfEvent({ eventClass: 'embryo-transfer', date: '2026-02-30', time: '25:00', label: '' }, zone, 'w');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.keys(bad.errors).sort()).toEqual(['date', 'eventClass', 'time']);
  });
  it('a wall-clock time skipped by the spring clock change is refused, not shifted', () => {
    const r = whatIfEvent({ eventClass: 'caesarean', date: '2026-03-29', time: '01:30', label: '' }, zone, 'w');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.time).toMatch(/clock change/);
  });
});
