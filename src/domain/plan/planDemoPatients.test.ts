/** The plan's domain parts over the demo patients' built records, wired as the plan strip will wire them. */
import { describe, expect, it } from 'vitest';
import { DEMO_TEST_NOW, DEMO_TEST_ZONE, demoRecord, demoResources, recordInputFor, type DemoPatientId } from '../../../test/support/demo-record';
import { loadUnitConverter } from '../labs';
import { buildClinicalRecord } from '../record';
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

  const withoutLmwh = (statuses = {}) => async () => {
    const resources = demoResources('planned-surgery').filter((r) => r.resourceType !== 'MedicationRequest' && r.resourceType !== 'MedicationAdministration');
    return buildClinicalRecord(recordInputFor(resources, 'planned-surgery', statuses), { nowMs: DEMO_TEST_NOW, zone: DEMO_TEST_ZONE, units: await loadUnitConverter() });
  };

  it('a laparoscopy planned for a patient with no LMWH order or dose: no last-dose deadline, the card says no LMWH order was found; the plan has no order', async () => {
    const rec = await withoutLmwh()();
    const lap = rec.rules.cards.find((c) => 'text' in c.event.name && c.event.name.text.includes('aparoscopy'));
    expect(lap?.anchorMs).not.toBeNull();
    expect(lap?.deadlines).toEqual([]);
    expect(lap?.noLmwhOrderReason?.code).toBe('rules.card.no-lmwh-order');
    expect(rec.plan.order).toBeUndefined();
    expect(rec.plan.noLmwhOrder).toBe(true);
    expect(rec.plan.cards).toEqual([]);
  });

  it('the same laparoscopy with an incomplete medication search: the deadlines are still computed (no order found is not no drug)', async () => {
    const rec = await withoutLmwh({ 'medication-requests': 'incomplete' })();
    const lap = rec.rules.cards.find((c) => 'text' in c.event.name && c.event.name.text.includes('aparoscopy'));
    expect(lap?.deadlines.some((d) => d.deadlineMs !== null)).toBe(true);
    expect(lap?.noLmwhOrderReason).toBeUndefined();
  });

  it('third-trimester without any body weight: 40 mg once daily still gives the 12 h ASRA line (dose class by regimen)', async () => {
    const resources = demoResources('third-trimester').filter((r) => !(r.resourceType === 'Observation' && (r.code?.coding ?? []).some((c) => c.code === '29463-7')));
    const rec = buildClinicalRecord(recordInputFor(resources, 'third-trimester'), { nowMs: DEMO_TEST_NOW, zone: DEMO_TEST_ZONE, units: await loadUnitConverter() });
    expect(rec.weights.latest).toBeUndefined();
    const card = rec.rules.cards.find((c) => c.event.class === 'caesarean');
    expect(card?.doseClass).toBe('prophylactic');
    expect(card?.deadlines.map((d) => d.ruleId)).toContain('asra2018.stop-before.neuraxial-prophylactic-12h');
  });

  it('planned-surgery: the order keeps its reason (the DVT) and its timing; the plan resolves the reason to the Condition', async () => {
    const rec = await demoRecord('planned-surgery');
    expect(rec.plan.order?.order.reasonReferences?.[0]?.reference).toMatch(/^Condition\//);
    expect(rec.plan.order?.reasons[0]).toMatchObject({ kind: 'reference', resolved: { text: 'Left calf deep vein thrombosis' } });
    expect(rec.plan.redFlags[0]).toMatchObject({ code: 'renal-clearance-below-30', state: 'present' });
  });

  it('third-trimester: the order keeps timeOfDay 18:00 and the caesarean card is mapped on it once per card', async () => {
    const rec = await demoRecord('third-trimester');
    expect(rec.plan.order?.order.timing).toEqual({ repeat: { timeOfDay: ['18:00:00'], when: [] } });
    const idx = rec.rules.cards.findIndex((c) => c.event.class === 'caesarean');
    const cp = rec.plan.cards.find((c) => c.cardIndex === idx);
    expect(cp?.schedule.known && cp.schedule.from).toBe('timeOfDay');
    expect(rec.plan.nextCardIndex).toBe(idx);
  });

  it('third-trimester: pregnancy is context, not an indication', async () => {
    const rec = await demoRecord('third-trimester');
    expect(rec.rules.indications.map((i) => i.kind)).not.toContain('ongoing-pregnancy-monitoring');
    expect(rec.plan.indications.context.ongoingPregnancy).toBe(true);
  });
});
