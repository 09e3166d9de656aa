import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { demoRecord, DEMO_TEST_NOW, DEMO_TEST_ZONE } from '../../../test/support/demo-record';
import { deadlinesOnSchedule, type InjectionSchedule } from '../../domain/plan';
import type { ClinicalRecord } from '../../domain/record';
import { reason } from '../../domain/reasons';
import { createMessages } from '../messages/translator';
import { buildDoseCalendarView, type DoseCalendarView } from './doseCalendarViewModel';

const m = createMessages({ locale: 'en', zone: DEMO_TEST_ZONE });
const SOURCE_48H = 'source.stop-before.planned-birth-48h';
const ASRA_12H = 'asra2018.stop-before.neuraxial-prophylactic-12h';

const slice = (r: ClinicalRecord) => ({ plan: r.plan, cards: r.rules.cards, nowMs: DEMO_TEST_NOW, zone: DEMO_TEST_ZONE });

function available(v: DoseCalendarView) {
  if (!v.available) throw new Error(`no calendar: ${v.why}`);
  return v;
}

/** Each day as "label: entry; entry". */
const lines = (v: DoseCalendarView) => available(v).days.map((d) => `${d.label}: ${d.entries.map((e) => e.text).join('; ')}`);

/** The record with the order's injection time unknown (no time in the order and no timed dose), refitted. */
function withUnknownTime(r: ClinicalRecord): ClinicalRecord {
  const schedule: InjectionSchedule = { known: false, reason: reason('plan.schedule.time-unknown') };
  const cards = r.plan.cards.map((cp) => {
    const card = r.rules.cards[cp.cardIndex]!;
    const deadlines = card.deadlines.map((d) => ({ id: d.ruleId, role: d.source.kind === 'source-article' ? ('source' as const) : ('guideline' as const), atMs: d.deadlineMs }));
    return { ...cp, schedule, onSchedule: deadlinesOnSchedule(schedule, deadlines, DEMO_TEST_NOW) };
  });
  return { ...r, plan: { ...r.plan, cards } };
}

describe('the patient dose calendar', () => {
  it('third-trimester under the source’s 48 h rule: last injection Wed 18:00, the next two skipped, the caesarean on Sat, three days after', async () => {
    const v = available(buildDoseCalendarView(slice(await demoRecord('third-trimester')), m));
    expect(v.ruleId).toBe(SOURCE_48H);
    expect(v.plan).toBe('From your care team’s plan: Enoxaparin 40 mg, every 24 h.');
    expect(v.rule).toBe('The last injection before the planned event follows this rule: Source article (48 h before).');
    expect(lines(v)).toEqual([
      'Wednesday 25 November: Last injection at 18:00: no more injections after this one',
      'Thursday 26 November: No injection at 18:00 (stopped before the planned event)',
      'Friday 27 November: No injection at 18:00 (stopped before the planned event)',
      'Saturday 28 November: No injection; Elective caesarean section at 08:30',
      'Sunday 29 November: No injection until your team tells you to restart',
      'Monday 30 November: No injection until your team tells you to restart',
      'Tuesday 1 December: No injection until your team tells you to restart',
    ]);
    expect(v.days[0]?.entries[0]?.iso).toBe('2026-11-25T18:00:00.000+00:00');
    expect(v.timeNote).toBeUndefined();
  });

  it('third-trimester under ASRA 2018’s 12 h line: injections Wed and Thu, the last on Fri 18:00', async () => {
    const v = available(buildDoseCalendarView(slice(await demoRecord('third-trimester')), m, ASRA_12H));
    expect(v.ruleId).toBe(ASRA_12H);
    expect(v.ruleChoices.map((c) => c.id)).toEqual([SOURCE_48H, ASRA_12H]);
    expect(lines(v).slice(0, 3)).toEqual([
      'Wednesday 25 November: Injection at 18:00',
      'Thursday 26 November: Injection at 18:00',
      'Friday 27 November: Last injection at 18:00: no more injections after this one',
    ]);
  });

  it('no verified restart number: "your team will tell you when to restart" (a partly verified 4 h is not written)', async () => {
    const v = available(buildDoseCalendarView(slice(await demoRecord('third-trimester')), m));
    expect(v.restart).toBe('Restarting: your team will tell you when to restart.');
  });

  it('unknown injection time: no time is shown for the injections, only the deadline as "no later than"', async () => {
    const v = available(buildDoseCalendarView(slice(withUnknownTime(await demoRecord('third-trimester'))), m));
    expect(v.timeNote).toContain('is not written in the plan');
    expect(lines(v).slice(0, 3)).toEqual([
      'Wednesday 25 November: Injection as planned (time not in the plan)',
      'Thursday 26 November: Last injection no later than 08:30',
      'Friday 27 November: No injection',
    ]);
    expect(lines(v).join('\n')).not.toContain('18:00');
  });

  it('the source’s deadline before the next scheduled injection: "no more injections" today, the later injections skipped', async () => {
    const r = await demoRecord('third-trimester');
    const evening = DateTime.fromISO('2026-11-25T19:00:00', { zone: DEMO_TEST_ZONE }).toMillis(); // after Wednesday's 18:00
    const cards = r.plan.cards.map((cp) => {
      if (!cp.schedule.known) throw new Error('schedule expected');
      const schedule: InjectionSchedule = { ...cp.schedule, injections: cp.schedule.injections.filter((t) => t > evening) };
      const card = r.rules.cards[cp.cardIndex]!;
      const deadlines = card.deadlines.map((d) => ({ id: d.ruleId, role: d.source.kind === 'source-article' ? ('source' as const) : ('guideline' as const), atMs: d.deadlineMs }));
      return { ...cp, schedule, onSchedule: deadlinesOnSchedule(schedule, deadlines, evening) };
    });
    const v = available(buildDoseCalendarView({ plan: { ...r.plan, cards }, cards: r.rules.cards, nowMs: evening, zone: DEMO_TEST_ZONE }, m));
    expect(lines(v).slice(0, 2)).toEqual([
      'Wednesday 25 November: No more injections before the planned event: the last one has already been given',
      'Thursday 26 November: No injection at 18:00 (stopped before the planned event)',
    ]);
  });

  it('no-lmwh: no calendar, with the reason', async () => {
    const v = buildDoseCalendarView(slice(await demoRecord('no-lmwh')), m);
    expect(v).toEqual({ available: false, title: 'Your injection calendar', why: 'No calendar: there is no LMWH order in the record.' });
  });

  it('Russian: the calendar speaks Russian with the same days', async () => {
    const v = available(buildDoseCalendarView(slice(await demoRecord('third-trimester')), createMessages({ locale: 'ru', zone: DEMO_TEST_ZONE })));
    expect(v.title).toBe('Ваш календарь инъекций');
    expect(v.days[0]?.entries[0]?.text).toBe('Последняя инъекция в 18:00: после неё инъекций больше нет');
    expect(v.days).toHaveLength(7);
  });
});
