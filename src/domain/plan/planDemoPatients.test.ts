/** The plan's domain parts over the demo patients' built records, wired as the plan strip will wire them. */
import { describe, expect, it } from 'vitest';
import { DEMO_TEST_NOW, demoRecord, demoResources, type DemoPatientId } from '../../../test/support/demo-record';
import { regimenIntensity } from '../medication/regimen';
import type { ClinicalRecord } from '../record';
import { deadlinesOnSchedule, type ScheduleDeadline } from './deadlinesOnSchedule';
import { injectionSchedule, scheduleDoses } from './injectionSchedule';
import { weightFlag } from './redFlags';

function lmwhOrder(rec: ClinicalRecord) {
  const view = rec.medication.orders.find((o) => o.order.drugClass === 'lmwh' && o.order.isOrder && o.activeNow.state === 'active');
  if (!view) throw new Error('no active LMWH order');
  return view.order;
}

function regimenOf(rec: ClinicalRecord) {
  const o = lmwhOrder(rec);
  const w = rec.weights.latest;
  return regimenIntensity({ drug: o.drug, dose: o.dose, frequency: o.frequency, ...(w ? { weight: { kg: w.kg, atMs: w.ms, source: w.source } } : {}) });
}

function timingOf(id: DemoPatientId, orderId: string | undefined): unknown {
  const mr = demoResources(id).find((r): r is fhir4.MedicationRequest => r.resourceType === 'MedicationRequest' && r.id === orderId);
  return mr?.dosageInstruction?.[0]?.timing;
}

describe('plan over the demo patients', () => {
  it('third-trimester: enoxaparin 40 mg once daily is prophylactic by regimen', async () => {
    const r = regimenOf(await demoRecord('third-trimester'));
    expect(r.intensity).toBe('prophylactic');
    expect(r.guideline.hours).toBe(12);
  });

  it("third-trimester: the 18:00 injections mapped onto the caesarean's deadlines; the source's 48 h omits two more than ASRA's 12 h", async () => {
    const rec = await demoRecord('third-trimester');
    const o = lmwhOrder(rec);
    const card = rec.rules.cards.find((c) => c.event.class === 'caesarean' && c.anchorMs !== null);
    if (!card || card.anchorMs === null) throw new Error('no dated caesarean');
    const schedule = injectionSchedule({
      timing: timingOf('third-trimester', o.id),
      frequency: o.frequency,
      asNeeded: o.asNeeded,
      ...(o.start.known ? { orderStartMs: o.start.value.ms } : {}),
      ...(o.end.known ? { orderEndMs: o.end.value.ms } : {}),
      doses: scheduleDoses(rec.medication.doses, o.drug),
      fromMs: DEMO_TEST_NOW,
      untilMs: card.anchorMs,
      zone: rec.zone,
    });
    expect(schedule.known && schedule.from).toBe('timeOfDay');
    const deadlines: ScheduleDeadline[] = card.deadlines.map((d) => ({ id: d.ruleId, role: d.source.kind === 'source-article' ? 'source' : 'guideline', atMs: d.deadlineMs }));
    const plan = deadlinesOnSchedule(schedule, deadlines, DEMO_TEST_NOW);
    const asra = plan.fits.find((f) => f.id === 'asra2018.stop-before.neuraxial-prophylactic-12h');
    const source = plan.fits.find((f) => f.id === 'source.stop-before.planned-birth-48h');
    expect(asra).toMatchObject({ state: 'keeps', omitted: 0 });
    expect(source).toMatchObject({ state: 'keeps', omitted: 2 });
    const cmp = plan.comparisons.find((c) => c.guidelineId === 'asra2018.stop-before.neuraxial-prophylactic-12h');
    expect(cmp).toMatchObject({ stricter: 'source', extraOmittedBySource: 2 });
  });

  it('bleeding: nadroparin 2850 IU once daily is prophylactic by regimen (no weight needed)', async () => {
    const r = regimenOf(await demoRecord('bleeding'));
    expect(r.intensity === 'unknown' ? r.reason.code : r.row.id).toBe('nadroparin-2850iu-q24h');
  });

  it('planned-surgery: enoxaparin 80 mg every 12 h at 80 kg (weighed 23 days ago) is 1 mg/kg every 12 h, therapeutic; the weight is recent', async () => {
    const rec = await demoRecord('planned-surgery');
    const r = regimenOf(rec);
    expect(r.intensity === 'unknown' ? r.reason.code : r.row.id).toBe('enoxaparin-1mgkg-q12h');
    expect(r.intensity !== 'unknown' && r.match.kind).toBe('per-kg-by-weight');
    expect(weightFlag({ regimen: r, nowMs: DEMO_TEST_NOW }).reasons[0]).toMatchObject({ code: 'plan.flag.weight-adjusted-weight-recent', params: { ageDays: 23 } });
  });
});
