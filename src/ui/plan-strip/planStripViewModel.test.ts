import { describe, expect, it } from 'vitest';
import { demoRecord, demoRecordAtFirstScreen, type DemoPatientId } from '../../../test/support/demo-record';
import type { FacilityZone } from '../../domain/facilityZone';
import { createMessages } from '../messages/translator';
import { buildPlanStripView } from './planStripViewModel';

const m = createMessages({ locale: 'en', zone: 'Europe/London' });
const ZONE: FacilityZone = { zone: 'Europe/London', from: 'ehr-config', rejected: [] };

async function view(id: DemoPatientId, zone: FacilityZone = ZONE) {
  const r = await demoRecord(id);
  return buildPlanStripView({ plan: r.plan, cards: r.rules.cards, facilityZone: zone }, m);
}

describe('buildPlanStripView over the demo patients', () => {
  it('third-trimester: 40 mg once daily is prophylactic by regimen; the caesarean deadlines sit on the 18:00 schedule; the source is stricter by two injections', async () => {
    const v = await view('third-trimester');
    expect(v.order).toMatchObject({ drug: 'Enoxaparin', dose: '40 mg', frequency: 'every 24 h', doseClass: 'Prophylactic', doseClassBasis: 'by regimen' });
    expect(v.next?.text).toBe('Next: Elective caesarean section, 28 Nov 2026 08:30 (UTC) (in 2 days 22 hours)');
    const asra = v.deadlines.find((d) => d.ruleId === 'asra2018.stop-before.neuraxial-prophylactic-12h');
    expect(asra).toMatchObject({ onSchedule: 'last scheduled injection that keeps to it: Fri 27 Nov 18:00', omits: 'omits no scheduled injection' });
    expect(asra?.deadline?.iso).toBe('2026-11-27T20:30:00.000+00:00');
    expect(v.deadlines.find((d) => d.ruleId === 'source.stop-before.planned-birth-48h')).toMatchObject({ onSchedule: 'last scheduled injection that keeps to it: Wed 25 Nov 18:00', omits: 'omits 2 scheduled injections' });
    expect(v.comparisons).toEqual(['The source is stricter (2 more injections omitted)']);
    expect(v.lastDose.text).toBe('Last recorded dose: 24 Nov 2026 18:00 (UTC) (administered)');
  });

  it('planned-surgery: 80 mg every 12 h is therapeutic by regimen, the DVT is the order reason, the renal flag is first with its record', async () => {
    const v = await view('planned-surgery');
    expect(v.order?.doseClass).toBe('Therapeutic');
    expect(v.order?.reasons.map((r) => r.text)).toEqual(['Reason: Left calf deep vein thrombosis']);
    expect(v.flags[0]).toMatchObject({ code: 'renal-clearance-below-30' });
    expect(v.flags[0]?.text).toContain('Creatinine clearance 28 mL/min');
    expect(v.flags[0]?.sources[0]?.resourceType).toBe('Observation');
    expect(v.flags[0]?.references[0]).toBe('Reference 9.3 (verified)');
    expect(v.deadlines.find((d) => d.ruleId === 'asra2018.stop-before.neuraxial-therapeutic-24h')?.omits).toBe('omits 2 scheduled injections');
  });

  it('recurrent-miscarriage: APS without aspirin is a flag with the APS condition as its source', async () => {
    const v = await view('recurrent-miscarriage');
    const aps = v.flags.find((f) => f.code === 'aps-without-aspirin');
    expect(aps?.title).toBe('Antiphospholipid syndrome without aspirin');
    expect(aps?.sources.map((s) => s.resourceType)).toContain('Condition');
  });

  it('bleeding: nadroparin 2850 IU daily is prophylactic without a weight; the bleeding flag gives the last and the next scheduled dose', async () => {
    const v = await view('bleeding');
    expect(v.order?.doseClass).toBe('Prophylactic');
    expect(v.flags[0]?.text).toBe('Bleeding recorded 24 Nov 2026 21:15 (UTC) while on LMWH. Last recorded dose: 24 Nov 2026 20:00 (UTC). Next scheduled injection: 25 Nov 2026 20:00 (UTC).');
  });

  it('no-lmwh: "No LMWH order found" and no deadline at all', async () => {
    const v = await view('no-lmwh');
    expect(v.order).toBeUndefined();
    expect(v.noOrder).toBe('No LMWH order found');
    expect(v.noDeadline).toBe('No last-dose deadline: there is no LMWH order.');
    expect(v.deadlines).toEqual([]);
  });

  it('many-labs: 60 mg once daily matches no regimen row: dose class unknown, with the reason', async () => {
    const v = await view('many-labs');
    expect(v.order?.doseClass).toBe('Dose class unknown');
    expect(v.order?.doseClassBasis).toBe('by regimen: the dose matches no regimen in the table (reference 9.1)');
  });

  it('planned-surgery while the lab results are still read: the renal flag is not shown yet, the strip says what is still read, the rest as usual', async () => {
    const r = await demoRecordAtFirstScreen('planned-surgery');
    const v = buildPlanStripView({ plan: r.plan, cards: r.rules.cards, facilityZone: ZONE }, m);
    expect(v.flags.map((f) => f.code)).not.toContain('renal-clearance-below-30');
    expect(v.readingFlags).toBe('Still being checked (results still being read): Renal function, Platelets, Antiphospholipid syndrome without aspirin');
    expect(v.order?.doseClass).toBe('Therapeutic');
    expect(v.deadlines.find((d) => d.ruleId === 'asra2018.stop-before.neuraxial-therapeutic-24h')?.omits).toBe('omits 2 scheduled injections');
    const whole = await view('planned-surgery');
    expect(whole.readingFlags).toBeUndefined();
    const ru = buildPlanStripView({ plan: r.plan, cards: r.rules.cards, facilityZone: ZONE }, createMessages({ locale: 'ru', zone: 'Europe/London' }));
    expect(ru.readingFlags).toMatch(/^Ещё проверяются \(результаты ещё читаются\): Функция почек/);
  });

  it('no-lmwh while the lab results are still read: no flag found "so far", never "in the record"', async () => {
    const r = await demoRecordAtFirstScreen('no-lmwh');
    const v = buildPlanStripView({ plan: r.plan, cards: r.rules.cards, facilityZone: ZONE }, m);
    expect(v.flags).toEqual([]);
    expect(v.noFlags).toBe('No red flag found in what has been read so far');
    expect((await view('no-lmwh')).noFlags).toBe('No red flag found in the record');
  });

  it('the zone line says where the zone came from', async () => {
    expect((await view('no-lmwh')).zone).toBe('Times in Europe/London (set for this EHR)');
    expect((await view('no-lmwh', { zone: 'America/New_York', from: 'user', rejected: [] })).zone).toBe('Times in America/New_York (your choice)');
  });

  it('Russian: the strip speaks Russian with the same data', async () => {
    const r = await demoRecord('no-lmwh');
    const v = buildPlanStripView({ plan: r.plan, cards: r.rules.cards, facilityZone: ZONE }, createMessages({ locale: 'ru', zone: 'Europe/London' }));
    expect(v.noOrder).toBe('Назначение НМГ не найдено');
  });
});
