import { describe, expect, it } from 'vitest';
import { lastDosePerDrug, recordedDoses } from './doses';
import { byCode } from '../matchedBy';

const RX = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const ZONE = 'America/New_York';
const enox = { coding: [{ system: RX, code: '854228' }] };
const dalte = { coding: [{ system: RX, code: '67109' }] };

// eCQM-style MedicationAdministration: enoxaparin 854228 without display.
const admin = (id: string, over: Partial<fhir4.MedicationAdministration> = {}): fhir4.MedicationAdministration => ({
  resourceType: 'MedicationAdministration',
  id,
  status: 'completed',
  medicationCodeableConcept: enox,
  subject: { reference: 'Patient/p' },
  effectiveDateTime: '2026-04-01T20:00:00-04:00',
  dosage: { dose: { value: 30, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } },
  ...over,
});
const statement = (id: string, over: Partial<fhir4.MedicationStatement> = {}): fhir4.MedicationStatement => ({
  resourceType: 'MedicationStatement', id, status: 'active', medicationCodeableConcept: enox, subject: { reference: 'Patient/p' },
  effectiveDateTime: '2026-04-02T08:00:00-04:00', ...over,
});
const dispense = (id: string, over: Partial<fhir4.MedicationDispense> = {}): fhir4.MedicationDispense => ({
  resourceType: 'MedicationDispense', id, status: 'completed', medicationCodeableConcept: enox, whenHandedOver: '2026-04-03T10:00:00-04:00', ...over,
});

describe('recordedDoses', () => {
  it('eCQM enoxaparin 854228 administration without display is an administered LMWH dose', () => {
    const { doses, exclusions } = recordedDoses([admin('a1')], [], ZONE);
    expect(exclusions).toEqual([]);
    expect(doses[0]).toMatchObject({
      kind: 'administered', label: 'administered', drug: 'enoxaparin', drugClass: 'lmwh', status: 'completed',
      time: { known: true, value: { ms: Date.UTC(2026, 3, 2, 0), from: 'effectiveDateTime' } },
      dose: { known: true, value: { value: 30, unit: 'mg' } },
      source: { resourceType: 'MedicationAdministration', id: 'a1', date: '2026-04-01T20:00:00-04:00', matchedBy: byCode('RxNorm', '854228') },
    });
  });
  it('an in-progress administration is kept', () => {
    expect(recordedDoses([admin('a1', { status: 'in-progress' })], [], ZONE).doses).toHaveLength(1);
  });
  it.each([['not-done'], ['entered-in-error'], ['stopped'], ['on-hold'], ['unknown']] as const)('a %s administration is excluded with the reason', (status) => {
    const r = recordedDoses([admin('a1', { status })], [], ZONE);
    expect(r.doses).toEqual([]);
    expect(r.exclusions).toEqual([expect.objectContaining({ view: 'med.doses', reason: { code: 'med.status-excluded', params: { status } } })]);
  });
  it('an administration over a period uses the end of the period', () => {
    const r = recordedDoses([admin('a1', { effectiveDateTime: undefined, effectivePeriod: { start: '2026-04-01T20:00:00Z', end: '2026-04-01T20:05:00Z' } })], [], ZONE);
    expect(r.doses[0]?.time).toMatchObject({ known: true, value: { ms: Date.UTC(2026, 3, 1, 20, 5), from: 'effectivePeriod.end' } });
  });
  it('a date-only administration counts from 00:00 that day and keeps day precision', () => {
    const t = recordedDoses([admin('a1', { effectiveDateTime: '2026-04-01' })], [], ZONE).doses[0]?.time;
    expect(t).toMatchObject({ known: true, value: { ms: Date.UTC(2026, 3, 1, 4), moment: { precision: 'day' } } });
  });
  it('an unreadable time is unknown, not dropped', () => {
    expect(recordedDoses([admin('a1', { effectiveDateTime: 'yesterday' })], [], ZONE).doses[0]?.time).toEqual({ known: false, reason: { code: 'med.effective-not-readable', params: { value: 'yesterday' } } });
  });
  it('a patient statement is labelled patient-reported', () => {
    expect(recordedDoses([statement('s1')], [], ZONE).doses[0]).toMatchObject({ kind: 'reported', label: 'patient-reported' });
  });
  it('an open reported period says the time of the last dose is not stated', () => {
    const d = recordedDoses([statement('s1', { effectiveDateTime: undefined, effectivePeriod: { start: '2026-03-01' } })], [], ZONE).doses[0];
    expect(d?.time).toEqual({ known: false, reason: { code: 'med.reported-open-period', params: { since: '2026-03-01' } } });
  });
  it.each([['entered-in-error'], ['not-taken'], ['intended'], ['stopped']] as const)('a %s statement is excluded', (status) => {
    expect(recordedDoses([statement('s1', { status })], [], ZONE).exclusions).toHaveLength(1);
  });
  it('a dispense is labelled as not a proof of injection', () => {
    expect(recordedDoses([dispense('d1')], [], ZONE).doses[0]).toMatchObject({ kind: 'dispensed', label: 'dispensed, not a proof of injection', time: { known: true } });
  });
  it.each([['cancelled'], ['entered-in-error'], ['in-progress'], ['declined']] as const)('a %s dispense is excluded', (status) => {
    expect(recordedDoses([dispense('d1', { status })], [], ZONE).exclusions[0]?.reason).toEqual({ code: 'med.status-excluded', params: { status } });
  });
  it('non-anticoagulants are ignored; other resource types are ignored', () => {
    const r = recordedDoses([admin('a1', { medicationCodeableConcept: { text: 'paracetamol' } }), { resourceType: 'Patient', id: 'p' }], [], ZONE);
    expect(r).toEqual({ doses: [], exclusions: [] });
  });
  it('an administration whose Medication is missing from the record is excluded with the reason', () => {
    const r = recordedDoses([admin('a1', { medicationCodeableConcept: undefined, medicationReference: { reference: 'Medication/zz' } })], [], ZONE);
    expect(r.exclusions[0]?.reason).toEqual({ code: 'med.not-identifiable', params: { why: { kind: 'reason', reason: { code: 'med.medication-not-in-record', params: { reference: 'Medication/zz' } } } } });
  });
  it('an administered 0.3 mL is 30 mg when the referenced Medication gives 100 mg/mL', () => {
    const med: fhir4.Medication = {
      resourceType: 'Medication', id: 'm', code: enox,
      ingredient: [{ itemCodeableConcept: { text: 'enoxaparin' }, strength: { numerator: { value: 100, code: 'mg', system: 'http://unitsofmeasure.org' }, denominator: { value: 1, code: 'mL', system: 'http://unitsofmeasure.org' } } }],
    };
    const r = recordedDoses([admin('a1', { medicationCodeableConcept: undefined, medicationReference: { reference: 'Medication/m' }, dosage: { dose: { value: 0.3, code: 'mL', system: 'http://unitsofmeasure.org' } } })], [med], ZONE);
    expect(r.doses[0]?.dose).toMatchObject({ known: true, value: { value: 30, unit: 'mg', fromVolume: { ml: 0.3 } } });
  });
});

describe('lastDosePerDrug', () => {
  it('the last enoxaparin dose is the later dispense, labelled dispensed; the last administration is kept beside it', () => {
    const { doses } = recordedDoses([admin('a1'), statement('s1'), dispense('d1'), admin('a0', { effectiveDateTime: '2026-03-30T20:00:00-04:00' })], [], ZONE);
    const [last] = lastDosePerDrug(doses);
    expect(last).toMatchObject({ drug: 'enoxaparin', kind: 'dispensed', ms: Date.UTC(2026, 3, 3, 14), source: { id: 'd1' } });
    expect(last?.latestByKind.administered?.source.id).toBe('a1');
    expect(last?.latestByKind.reported?.source.id).toBe('s1');
  });
  it('per drug: enoxaparin and dalteparin each get their own last dose', () => {
    const { doses } = recordedDoses([admin('a1'), admin('b1', { medicationCodeableConcept: dalte, effectiveDateTime: '2026-04-05T08:00:00Z' })], [], ZONE);
    expect(lastDosePerDrug(doses).map((l) => [l.drug, l.source.id])).toEqual([['dalteparin', 'b1'], ['enoxaparin', 'a1']]);
  });
  it('at the same instant an administration wins over a report', () => {
    const { doses } = recordedDoses([statement('s1', { effectiveDateTime: '2026-04-01T20:00:00-04:00' }), admin('a1')], [], ZONE);
    expect(lastDosePerDrug(doses)[0]?.kind).toBe('administered');
  });
  it('doses without a time are counted but never used as the last dose', () => {
    const { doses } = recordedDoses([admin('a1'), admin('a2', { effectiveDateTime: 'garbage' })], [], ZONE);
    expect(lastDosePerDrug(doses)[0]).toMatchObject({ withoutTime: 1, source: { id: 'a1' } });
  });
  it('no timed dose: no last dose for that drug', () => {
    const { doses } = recordedDoses([admin('a2', { effectiveDateTime: undefined })], [], ZONE);
    expect(lastDosePerDrug(doses)).toEqual([]);
  });
});
