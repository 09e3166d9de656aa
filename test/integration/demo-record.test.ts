/**
 * The whole domain over the demo patients: demoPatients(now) -> RecordInput (every group complete) -> ClinicalRecord.
 * Checks the facts a clinician must see for each scenario, with a fixed clock.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { demoPatients } from '../../mocks/data/index.mjs';
import { QUERY_GROUPS, type RecordInput } from '../../src/domain/input';
import { buildClinicalRecord, type ClinicalRecord } from '../../src/domain/record';
import { loadUnitConverter, type UnitConverter } from '../../src/domain/labs';

const ZONE = 'Europe/London';
const NOW = DateTime.fromISO('2026-11-25T10:00:00', { zone: ZONE }).toMillis();

type Demo = { id: string; resources: fhir4.Resource[] };

function inputFor(resources: fhir4.Resource[], patientId: string, incomplete: string[] = []): RecordInput {
  const groups = Object.fromEntries(
    QUERY_GROUPS.map((g) => [g, { group: g, status: incomplete.includes(g) ? 'incomplete' : 'complete', reason: incomplete.includes(g) ? 'a page failed' : undefined, warnings: [], count: 0 }]),
  ) as unknown as RecordInput['groups'];
  return { patientId, resources, groups, dropped: [], readAt: NOW };
}

let units: UnitConverter;
const records = new Map<string, ClinicalRecord>();
let demos: Demo[];
beforeAll(async () => {
  units = await loadUnitConverter();
  demos = demoPatients(NOW) as Demo[];
  for (const d of demos) records.set(d.id, buildClinicalRecord(inputFor(d.resources, d.id), { nowMs: NOW, zone: ZONE, units }));
});
const rec = (id: string) => records.get(id)!;

describe('third-trimester demo patient', () => {
  it('is 35 weeks pregnant today, dated by the recorded EDD', () => {
    const r = rec('third-trimester');
    expect(r.gaToday.known && r.gaToday.value.weeks).toBe(35);
    expect(r.currentPregnancy?.dating.chosen.method).toBe('edd');
  });
  it('the caesarean recorded as ServiceRequest and Appointment is one event in 3 days, source rule deadline exactly 48 h before', () => {
    const r = rec('third-trimester');
    const cs = r.rules.cards.filter((c) => c.event.class === 'caesarean');
    expect(cs).toHaveLength(1);
    const card = cs[0]!;
    expect(card.event.sources.map((s) => s.resourceType).sort()).toEqual(['Appointment', 'ServiceRequest']);
    const csAt = DateTime.fromMillis(NOW, { zone: ZONE }).plus({ days: 3 }).set({ hour: 8, minute: 30, second: 0, millisecond: 0 }).toMillis();
    const source = card.deadlines.find((l) => l.ruleId === 'source.stop-before.planned-birth-48h')!;
    expect(source.deadlineMs).toBe(csAt - 48 * 3_600_000);
    expect(source.status).toBe('stop-not-documented');
  });
  it('plots the D-dimer results except the entered-in-error one; DDU stays DDU', () => {
    const r = rec('third-trimester');
    expect(r.ddimer.results).toHaveLength(10);
    expect(r.ddimer.results.filter((x) => x.unitType === 'DDU')).toHaveLength(1);
    expect(r.exclusions.some((e) => e.reason.code === 'lab.status-excluded' && e.reason.params?.status === 'entered-in-error')).toBe(true);
  });
  it('the last recorded enoxaparin dose is yesterday 18:00', () => {
    const last = rec('third-trimester').medication.lastDoses.find((d) => d.drug === 'enoxaparin')!;
    expect(DateTime.fromMillis(last.ms, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm')).toBe('2026-11-24 18:00');
  });
  it('the enoxaparin order is active, prophylactic, with a booking weight', () => {
    const o = rec('third-trimester').medication.orders[0]!;
    expect(o.activeNow.state).toBe('active');
    expect(o.doseClass.class).toBe('prophylactic');
    expect(rec('third-trimester').weights.booking.known).toBe(true);
  });
});

describe('stop-now and status across patients', () => {
  it('the bleeding patient raises a stop-now trigger; the third-trimester patient does not', () => {
    expect(rec('bleeding').rules.triggers.length).toBeGreaterThan(0);
    expect(rec('third-trimester').rules.triggers).toHaveLength(0);
  });
  it('the nadroparin order coded only by ATC in a contained Medication is recognised as LMWH', () => {
    const o = rec('bleeding').medication.orders[0]!;
    expect(o.order.drug).toBe('nadroparin');
    expect(o.order.recognition.recognisedBy).not.toBe('text');
  });
  it('the planned-surgery patient: surgery card says the source gives no interval; therapeutic class uses 24 h', () => {
    const r = rec('planned-surgery');
    const card = r.rules.cards.find((c) => c.event.class === 'other-surgery')!;
    expect(card).toBeDefined();
    expect(r.medication.orders[0]!.doseClass.class).toBe('therapeutic');
    expect(card.deadlines.some((l) => l.ruleId === 'asra2018.stop-before.neuraxial-therapeutic-24h')).toBe(true);
  });
  it('no-lmwh patient: a what-if caesarean says "No LMWH order found"', async () => {
    const { evaluateEvent } = await import('../../src/domain/rules');
    const r = rec('no-lmwh');
    const when = { original: 'what-if', precision: 'minute' as const, start: NOW + 5 * 86_400_000, end: NOW + 5 * 86_400_000 + 60_000, offset: 'explicit' as const, zone: ZONE };
    const card = evaluateEvent({ id: 'what-if', class: 'caesarean', name: { text: 'Theatre slot' }, when, sources: [], enteredHere: true }, r.rules.context);
    expect(card.deadlines.find((l) => l.ruleId === 'source.stop-before.planned-birth-48h')!.status).toBe('no-lmwh-order');
  });
  it('an incomplete medication search makes the status Unknown, never "No LMWH order found"', () => {
    const d = demos.find((x) => x.id === 'no-lmwh')!;
    const r = buildClinicalRecord(inputFor(d.resources, d.id, ['medication-requests']), { nowMs: NOW, zone: ZONE, units });
    expect(r.medication.complete).toBe(false);
    expect(r.rules.context.medicationsComplete).toBe(false);
  });
  it('recurrent-miscarriage patient: antiphospholipid antibodies, lupus anticoagulant and Factor V Leiden are found as indications', () => {
    const kinds = rec('recurrent-miscarriage').rules.context.indicationFacts.filter((f) => f.status === 'present').map((f) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(['antiphospholipid-antibodies', 'lupus-anticoagulant', 'factor-v-leiden', 'recurrent-miscarriage']));
  });
  it('many-labs patient: two pregnancies, the current one chosen', () => {
    const r = rec('many-labs');
    expect(r.pregnancy.pregnancies.length).toBe(2);
    expect(r.pregnancy.isCurrent).toBe(true);
    expect(r.ddimer.results.length).toBeGreaterThan(50);
  });
});
