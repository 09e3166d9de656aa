import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { readFrequency } from '../medication/dosage';
import { injectionSchedule, minutesOfDay, patternInstants, scheduleDoses, type ScheduleDose, type ScheduleInput } from './injectionSchedule';
import { compareRules, deadlinesOnSchedule, fitDeadline } from './deadlinesOnSchedule';

const ZONE = 'Europe/London';
const at = (iso: string, zone = ZONE): number => DateTime.fromISO(iso, { zone }).toMillis();
const iso = (ms: number, zone = ZONE): string => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
const NOW = at('2026-11-25T10:00');
const CAESAREAN = at('2026-11-28T08:30');
const HOUR = 3_600_000;

const dailyAt = (...timeOfDay: string[]) => ({ repeat: { frequency: timeOfDay.length, period: 1, periodUnit: 'd', timeOfDay } });
const ONCE_DAILY = { repeat: { frequency: 1, period: 1, periodUnit: 'd' } };
const TWICE_DAILY = { repeat: { frequency: 2, period: 1, periodUnit: 'd' } };

function dose(when: string, extra: Partial<ScheduleDose> = {}): ScheduleDose {
  return { atMs: at(when), hasClockTime: true, kind: 'administered', source: { resourceType: 'MedicationAdministration', id: `ma-${when}` }, ...extra };
}

function input(timing: unknown, extra: Partial<ScheduleInput> = {}): ScheduleInput {
  return { timing, frequency: readFrequency(timing), doses: [], fromMs: NOW, untilMs: CAESAREAN, zone: ZONE, ...extra };
}

describe('injection schedule from the order timing', () => {
  it('enoxaparin once daily at 18:00 before an 08:30 caesarean: three evening injections in the facility zone', () => {
    const s = injectionSchedule(input(dailyAt('18:00:00')));
    expect(s.known).toBe(true);
    if (!s.known) return;
    expect(s.from).toBe('timeOfDay');
    expect(s.injections.map((t) => iso(t))).toEqual(['2026-11-25T18:00', '2026-11-26T18:00', '2026-11-27T18:00']);
  });

  it('timeOfDay is wall-clock time: 18:00 stays 18:00 across the spring clock change (17:00 UTC after it)', () => {
    const s = injectionSchedule(input(dailyAt('18:00:00'), { fromMs: at('2026-03-28T10:00'), untilMs: at('2026-03-30T10:00') }));
    if (!s.known) throw new Error('unexpected');
    expect(s.injections.map((t) => new Date(t).toISOString())).toEqual(['2026-03-28T18:00:00.000Z', '2026-03-29T17:00:00.000Z']);
  });

  it('the same timing read in New York gives other instants: the zone is the facility zone, not the machine', () => {
    const s = injectionSchedule(input(dailyAt('18:00'), { zone: 'America/New_York' }));
    if (!s.known) throw new Error('unexpected');
    expect(iso(s.injections[0]!, 'America/New_York')).toBe('2026-11-25T18:00');
    expect(s.injections[0]).toBe(at('2026-11-25T23:00'));
  });

  it('twice daily at 08:00 and 20:00 lists both times each day, stopping before the event', () => {
    const s = injectionSchedule(input(dailyAt('08:00', '20:00')));
    if (!s.known) throw new Error('unexpected');
    expect(s.injections.map((t) => iso(t))).toEqual(['2026-11-25T20:00', '2026-11-26T08:00', '2026-11-26T20:00', '2026-11-27T08:00', '2026-11-27T20:00', '2026-11-28T08:00']);
  });

  it('one time of day with a twice-daily frequency is a contradiction: unknown, not guessed', () => {
    const timing = { repeat: { frequency: 2, period: 1, periodUnit: 'd', timeOfDay: ['08:00'] } };
    const s = injectionSchedule(input(timing));
    expect(s).toEqual({ known: false, reason: { code: 'plan.schedule.time-of-day-conflicts-with-frequency', params: { times: 1, dosesPer24h: 2 } } });
  });

  it('an unreadable timeOfDay is unknown with the written value', () => {
    const s = injectionSchedule(input({ repeat: { frequency: 1, period: 1, periodUnit: 'd', timeOfDay: ['6 pm'] } }));
    expect(s.known ? '' : s.reason.code).toBe('plan.schedule.time-of-day-unreadable');
  });

  it('the order period bounds the schedule: an order ending on the 27th at 00:00 schedules nothing after it', () => {
    const s = injectionSchedule(input(dailyAt('18:00'), { orderEndMs: at('2026-11-27T00:00') }));
    if (!s.known) throw new Error('unexpected');
    expect(s.injections.map((t) => iso(t))).toEqual(['2026-11-25T18:00', '2026-11-26T18:00']);
  });

  it('an order starting tomorrow schedules nothing today', () => {
    const s = injectionSchedule(input(dailyAt('18:00'), { orderStartMs: at('2026-11-26T00:00') }));
    if (!s.known) throw new Error('unexpected');
    expect(iso(s.injections[0]!)).toBe('2026-11-26T18:00');
  });

  it('an as-needed order has no schedule', () => {
    expect(injectionSchedule(input(dailyAt('18:00'), { asNeeded: true }))).toEqual({ known: false, reason: { code: 'plan.schedule.as-needed' } });
  });
});

describe('injection schedule from recorded doses when the order gives no time', () => {
  it('once daily, last administered at 19:30: the schedule continues at 19:30 each day', () => {
    const s = injectionSchedule(input(ONCE_DAILY, { doses: [dose('2026-11-23T19:30'), dose('2026-11-24T19:30')] }));
    if (!s.known) throw new Error('unexpected');
    expect(s.from).toBe('recorded-doses');
    expect(s.basisDose).toEqual({ resourceType: 'MedicationAdministration', id: 'ma-2026-11-24T19:30' });
    expect(s.injections.map((t) => iso(t))).toEqual(['2026-11-25T19:30', '2026-11-26T19:30', '2026-11-27T19:30']);
  });

  it('twice daily from a dose at 08:05: 08:05 and 20:05', () => {
    const s = injectionSchedule(input(TWICE_DAILY, { doses: [dose('2026-11-25T08:05')] }));
    if (!s.known) throw new Error('unexpected');
    expect(s.pattern).toEqual({ kind: 'daily-times', minutesOfDay: [8 * 60 + 5, 20 * 60 + 5] });
  });

  it("an administered dose (09:00) is preferred to a later patient-reported one (07:00): tomorrow's injection is at 09:00", () => {
    const s = injectionSchedule(input(ONCE_DAILY, { doses: [dose('2026-11-24T09:00'), dose('2026-11-25T07:00', { kind: 'reported' })] }));
    if (!s.known) throw new Error('unexpected');
    expect(iso(s.injections[0]!)).toBe('2026-11-26T09:00');
  });

  it('a date-only dose record or a dispense gives no injection time: unknown', () => {
    const s = injectionSchedule(input(ONCE_DAILY, { doses: [dose('2026-11-24T00:00', { hasClockTime: false }), dose('2026-11-24T15:00', { kind: 'dispensed' })] }));
    expect(s).toEqual({ known: false, reason: { code: 'plan.schedule.time-unknown' } });
  });

  it("'when' EVE without a clock time and without a timed dose: unknown, the when code kept", () => {
    const s = injectionSchedule(input({ repeat: { frequency: 1, period: 1, periodUnit: 'd', when: ['EVE'] } }));
    expect(s).toEqual({ known: false, reason: { code: 'plan.schedule.when-without-clock-time', params: { when: 'EVE' } } });
  });

  it("'when' EVE with a timed dose takes the dose's clock time and keeps the when code", () => {
    const s = injectionSchedule(input({ repeat: { frequency: 1, period: 1, periodUnit: 'd', when: ['EVE'] } }, { doses: [dose('2026-11-24T18:45')] }));
    if (!s.known) throw new Error('unexpected');
    expect(s.whenCodes).toEqual(['EVE']);
    expect(iso(s.injections[0]!)).toBe('2026-11-25T18:45');
  });

  it('twice daily from a dose at 20:00 keeps 08:00 and 20:00 on the wall clock across the autumn clock change', () => {
    const s = injectionSchedule(input(TWICE_DAILY, { doses: [dose('2026-10-24T20:00')], fromMs: at('2026-10-24T21:00'), untilMs: at('2026-10-26T09:00') }));
    if (!s.known) throw new Error('unexpected');
    expect(s.injections.map((t) => iso(t))).toEqual(['2026-10-25T08:00', '2026-10-25T20:00', '2026-10-26T08:00']);
    // 13 h apart in absolute time over the night the clocks go back: the wall clock, not a fixed 12 h step.
    expect(s.injections[0]! - at('2026-10-24T20:00')).toBe(13 * HOUR);
  });

  it('every other day from a dose two days ago continues on calendar days', () => {
    const s = injectionSchedule(input({ code: { coding: [{ code: 'QOD' }] } }, { doses: [dose('2026-11-23T18:00')] }));
    if (!s.known) throw new Error('unexpected');
    expect(s.pattern.kind).toBe('every-n-days');
    expect(s.injections.map((t) => iso(t))).toEqual(['2026-11-25T18:00', '2026-11-27T18:00']);
  });

  it('a frequency that cannot be read leaves the schedule unknown', () => {
    expect(injectionSchedule(input({ code: { text: 'as directed' } }, { doses: [dose('2026-11-24T18:00')] }))).toEqual({ known: false, reason: { code: 'plan.schedule.frequency-unknown' } });
  });
});

describe('deadlines on the schedule', () => {
  const schedule = injectionSchedule(input(dailyAt('18:00')));
  const asra12 = { id: 'asra2018.stop-before.neuraxial-prophylactic-12h', role: 'guideline' as const, atMs: CAESAREAN - 12 * HOUR };
  const source48 = { id: 'source.stop-before.planned-birth-48h', role: 'source' as const, atMs: CAESAREAN - 48 * HOUR };

  it('the 12 h line before an 08:30 caesarean keeps the 18:00 injection the evening before and omits none', () => {
    const f = fitDeadline(schedule, asra12, NOW);
    expect(f).toMatchObject({ state: 'keeps', omitted: 0 });
    if (f.state !== 'keeps') return;
    expect(iso(f.lastKeepingMs)).toBe('2026-11-27T18:00');
  });

  it("the source's 48 h rule keeps only tonight's injection and omits two", () => {
    const f = fitDeadline(schedule, source48, NOW);
    expect(f).toMatchObject({ state: 'keeps', omitted: 2 });
    if (f.state !== 'keeps') return;
    expect(iso(f.lastKeepingMs)).toBe('2026-11-25T18:00');
    expect(f.omittedMs.map((t) => iso(t))).toEqual(['2026-11-26T18:00', '2026-11-27T18:00']);
  });

  it("the source's rule is stricter than the 12 h line by 36 h and costs two injections", () => {
    const r = deadlinesOnSchedule(schedule, [source48, asra12], NOW);
    expect(r.comparisons).toEqual([
      { sourceId: source48.id, guidelineId: asra12.id, stricter: 'source', sourceEarlierByMs: 36 * HOUR, extraOmittedBySource: 2 },
    ]);
  });

  it('a deadline later today but before the 18:00 injection keeps no scheduled injection: all are omitted', () => {
    const f = fitDeadline(schedule, { id: 'x', role: 'guideline', atMs: at('2026-11-25T14:00') }, NOW);
    expect(f).toMatchObject({ state: 'before-first-scheduled', omitted: 3 });
    if (f.state === 'before-first-scheduled') expect(iso(f.nextScheduledMs)).toBe('2026-11-25T18:00');
  });

  it('a deadline already passed omits every scheduled injection', () => {
    expect(fitDeadline(schedule, { id: 'x', role: 'source', atMs: at('2026-11-24T08:30') }, NOW)).toMatchObject({ state: 'deadline-passed', omitted: 3 });
  });

  it('when the guideline line is the earlier one, it is the stricter and the source omits fewer injections', () => {
    const guideline24 = { id: 'g24', role: 'guideline' as const, atMs: CAESAREAN - 24 * HOUR };
    const source12 = { id: 's12', role: 'source' as const, atMs: CAESAREAN - 12 * HOUR };
    expect(deadlinesOnSchedule(schedule, [source12, guideline24], NOW).comparisons).toEqual([
      { sourceId: 's12', guidelineId: 'g24', stricter: 'guideline', sourceEarlierByMs: -12 * HOUR, extraOmittedBySource: -1 },
    ]);
  });

  it('a rule without an interval has no deadline and cannot be compared', () => {
    const none = fitDeadline(schedule, { id: 'source.stop-before.any-surgery', role: 'source', atMs: null }, NOW);
    expect(none).toEqual({ id: 'source.stop-before.any-surgery', role: 'source', state: 'no-deadline' });
    expect(compareRules(none, fitDeadline(schedule, asra12, NOW))).toMatchObject({ stricter: 'not-comparable', reason: { code: 'plan.compare.source-gives-no-interval' } });
  });

  it('with the injection time unknown the deadline is still compared, but the cost in injections is unknown', () => {
    const unknownSchedule = injectionSchedule(input(ONCE_DAILY));
    const r = deadlinesOnSchedule(unknownSchedule, [source48, asra12], NOW);
    expect(r.fits[0]).toMatchObject({ state: 'schedule-unknown', reason: { code: 'plan.schedule.time-unknown' } });
    expect(r.comparisons[0]).toMatchObject({ stricter: 'source', extraOmittedBySource: undefined });
  });

  it('an order ending before the event schedules nothing: no injection to omit', () => {
    const ended = injectionSchedule(input(dailyAt('18:00'), { orderEndMs: at('2026-11-25T12:00') }));
    expect(fitDeadline(ended, asra12, NOW)).toMatchObject({ state: 'nothing-scheduled', omitted: 0 });
  });
});

describe('schedule building blocks', () => {
  it('reads FHIR times with and without seconds, and rejects others', () => {
    expect(minutesOfDay(['20:00:00', '08:30'])).toEqual([510, 1200]);
    expect(minutesOfDay(['24:00'])).toBeUndefined();
  });

  it('a fixed step not dividing a day runs on absolute time', () => {
    const t0 = at('2026-11-25T09:00');
    expect(patternInstants({ kind: 'fixed-step', anchorMs: t0, stepMs: 36 * HOUR }, NOW, NOW + 4 * 24 * HOUR, ZONE)).toEqual([t0 + 36 * HOUR, t0 + 72 * HOUR]);
  });
});

describe('recorded doses as the schedule reads them', () => {
  it('a date-only administration has no clock time; other drugs and doses without a time are left out', async () => {
    const { dose: recorded } = await import('../../../test/support/monitoringBuilders');
    const out = scheduleDoses([recorded('2026-11-24T18:00'), recorded('2026-11-23'), recorded(undefined), recorded('2026-11-24T09:00', 'administered', 'dalteparin')], 'enoxaparin');
    expect(out.map((d) => [d.source.id, d.hasClockTime])).toEqual([
      ['dose-2026-11-24T18:00', true],
      ['dose-2026-11-23', false],
    ]);
  });
});
