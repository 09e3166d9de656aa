import { describe, expect, it } from 'vitest';
import { isActiveAt, normaliseOrder, normaliseOrders } from './order';
import type { LmwhOrder } from './medicationTypes';
import { byCode, byText } from '../matchedBy';

const RX = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const SCT = 'http://snomed.info/sct';
const ZONE = 'Europe/London';

function mr(over: Partial<fhir4.MedicationRequest> = {}, dosage: Partial<fhir4.Dosage> = {}): fhir4.MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: 'mr1',
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    authoredOn: '2026-03-01T09:00:00Z',
    medicationCodeableConcept: { coding: [{ system: RX, code: '854235' }], text: 'Enoxaparin 40 mg/0.4 mL' },
    dosageInstruction: [
      {
        text: 'Enoxaparin 40 mg SC once daily',
        route: { coding: [{ system: SCT, code: '34206005', display: 'Subcutaneous route' }] },
        timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', boundsPeriod: { start: '2026-03-02T18:00:00Z', end: '2026-04-30' } } },
        doseAndRate: [{ doseQuantity: { value: 40, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } }],
        ...dosage,
      },
    ],
    ...over,
  };
}
function order(r: fhir4.MedicationRequest, meds: fhir4.Medication[] = []): LmwhOrder {
  const res = normaliseOrder(r, meds, ZONE);
  if (res.kind !== 'order') throw new Error(`expected an order, got ${JSON.stringify(res)}`);
  return res.order;
}
const q = (value: number, code: string) => ({ value, unit: code, system: 'http://unitsofmeasure.org', code });

describe('normaliseOrder: recognition and the source', () => {
  it('enoxaparin 40 mg SC daily from 2 Mar to 30 Apr is an order with every part known', () => {
    const o = order(mr());
    expect(o).toMatchObject({ drug: 'enoxaparin', drugClass: 'lmwh', isOrder: true, asNeeded: false });
    expect(o.dose).toEqual({ known: true, value: { value: 40, unit: 'mg', perKg: false, original: '40 mg' } });
    expect(o.frequency).toMatchObject({ known: true, value: { dosesPer24h: 1, intervalHours: 24 } });
    expect(o.route).toMatchObject({ known: true, value: { kind: 'subcutaneous', recognisedBy: 'snomed' } });
    expect(o.start).toMatchObject({ known: true, value: { ms: Date.UTC(2026, 2, 2, 18), from: 'boundsPeriod.start' } });
    // date-only end: through the end of 30 Apr in London (BST, UTC+1) = 30 Apr 23:00 UTC
    expect(o.end).toMatchObject({ known: true, value: { ms: Date.UTC(2026, 3, 30, 23), from: 'boundsPeriod.end' } });
    expect(o.source).toEqual({ resourceType: 'MedicationRequest', id: 'mr1', date: '2026-03-01T09:00:00Z', original: 'Enoxaparin 40 mg SC once daily', matchedBy: byCode('RxNorm', '854235') });
  });
  it('without a dosage text the source carries a composed description', () => {
    const o = order(mr({}, { text: undefined }));
    expect(o.source.original).toBe('enoxaparin 40 mg every 24 h subcutaneous');
  });
  it('a non-anticoagulant (metronidazole) is not an order here', () => {
    const r = normaliseOrder(mr({ medicationCodeableConcept: { coding: [{ system: RX, code: '317428', display: 'metronidazole 500 MG' }] } }), [], ZONE);
    expect(r.kind).toBe('not-anticoagulant');
  });
  it('a reference to a Medication that is not in the record is excluded with the reason (not silently dropped)', () => {
    const r = normaliseOrder(mr({ medicationCodeableConcept: undefined, medicationReference: { reference: 'Medication/gone' } }), [], ZONE);
    expect(r).toMatchObject({ kind: 'excluded', exclusion: { view: 'med.orders', reason: { code: 'med.not-identifiable', params: { why: { kind: 'reason', reason: { code: 'med.medication-not-in-record', params: { reference: 'Medication/gone' } } } } } } });
  });
  it('an unresolved reference whose display says Lovenox is recognised by text, labelled', () => {
    const o = order(mr({ medicationCodeableConcept: undefined, medicationReference: { reference: 'Medication/gone', display: 'Lovenox 40 mg' } }));
    expect(o.recognition).toMatchObject({ recognisedBy: 'text' });
    expect(o.recognition.matched).toEqual(byText('Lovenox'));
    expect(o.recognition.fromReferenceDisplay).toMatchObject({ code: 'med.medication-not-in-record' });
  });
  it('a medication with no code and no text is excluded', () => {
    expect(normaliseOrder(mr({ medicationCodeableConcept: {} }), [], ZONE)).toMatchObject({ kind: 'excluded', exclusion: { reason: { code: 'med.no-code-no-text' } } });
  });
});

describe('normaliseOrder: status, intent, doNotPerform', () => {
  it.each([['cancelled'], ['entered-in-error']] as const)('%s is excluded with an Exclusion', (status) => {
    expect(normaliseOrder(mr({ status }), [], ZONE)).toMatchObject({ kind: 'excluded', exclusion: { reason: { code: 'med.status-excluded', params: { status } } }, recognition: { drug: 'enoxaparin' } });
  });
  it.each([['on-hold'], ['stopped'], ['completed'], ['draft'], ['unknown']] as const)('%s is kept with its status', (status) => {
    expect(order(mr({ status })).status).toEqual({ known: true, value: status });
  });
  it('a missing status is unknown, not active', () => {
    const { status: _s, ...rest } = mr();
    expect(order(rest as fhir4.MedicationRequest).status).toEqual({ known: false, reason: { code: 'med.no-status' } });
  });
  it('doNotPerform: true ("do not give enoxaparin") is excluded, never an order to give', () => {
    expect(normaliseOrder(mr({ doNotPerform: true }), [], ZONE)).toMatchObject({ kind: 'excluded', exclusion: { reason: { code: 'med.do-not-perform' } } });
  });
  it.each([['order'], ['original-order'], ['reflex-order'], ['filler-order'], ['instance-order']] as const)('intent %s is an order', (intent) => {
    expect(order(mr({ intent })).isOrder).toBe(true);
  });
  it.each([['plan'], ['proposal']] as const)('intent %s is kept but is not an order', (intent) => {
    const o = order(mr({ intent }));
    expect(o.isOrder).toBe(false);
    expect(o.notAnOrderReason).toEqual({ code: 'med.intent-not-order', params: { intent } });
  });
});

describe('normaliseOrder: dose amount', () => {
  const medWithStrength = (num: { value: number; code: string }, den = 1): fhir4.Medication => ({
    resourceType: 'Medication', id: 'm1', code: { coding: [{ system: RX, code: '854255' }] },
    ingredient: [{ itemCodeableConcept: { text: 'enoxaparin sodium' }, strength: { numerator: q(num.value, num.code), denominator: q(den, 'mL') } }],
  });
  const byRef = (dose: fhir4.Dosage['doseAndRate']) => mr({ medicationCodeableConcept: undefined, medicationReference: { reference: 'Medication/m1' } }, { doseAndRate: dose });
  it('0.4 mL of a 100 mg/mL Medication is 40 mg, converted and labelled', () => {
    const o = order(byRef([{ doseQuantity: q(0.4, 'mL') }]), [medWithStrength({ value: 100, code: 'mg' })]);
    expect(o.dose).toMatchObject({ known: true, value: { value: 40, unit: 'mg', fromVolume: { ml: 0.4 } } });
  });
  it('0.2 mL of dalteparin 25 000 IU/mL is 5000 IU', () => {
    const med = { ...medWithStrength({ value: 25000, code: '[iU]' }), code: { coding: [{ system: RX, code: '67109' }] } };
    expect(order(byRef([{ doseQuantity: q(0.2, 'mL') }]), [med]).dose).toMatchObject({ known: true, value: { value: 5000, unit: 'IU' } });
  });
  it('0.4 mL without an ingredient strength is unknown (the SCD code alone is not used to convert)', () => {
    const o = order(mr({}, { doseAndRate: [{ doseQuantity: q(0.4, 'mL') }] }));
    expect(o.dose).toMatchObject({ known: false, reason: { code: 'med.dose-volume-without-concentration' } });
  });
  it.each([
    [q(5000, '[iU]'), { value: 5000, unit: 'IU' }],
    [{ value: 5000, unit: 'IU' }, { value: 5000, unit: 'IU' }],
    [{ value: 4000, unit: 'anti-Xa IU' }, { value: 4000, unit: 'IU' }],
    [{ value: 5000, unit: 'units' }, { value: 5000, unit: 'IU', unitNote: { code: 'med.unit-text-read-as', params: { written: 'units', unit: 'IU' } } }],
    [q(1, 'mg/kg'), { value: 1, unit: 'mg', perKg: true }],
    [q(100, '[iU]/kg'), { value: 100, unit: 'IU', perKg: true }],
    [q(0.04, 'g'), { value: 40, unit: 'mg' }],
  ])('dose %j reads as %j', (doseQuantity, expected) => {
    expect(order(mr({}, { doseAndRate: [{ doseQuantity }] })).dose).toMatchObject({ known: true, value: expected });
  });
  it.each([
    ['a syringe count', { value: 1, unit: 'syringe' }, 'med.dose-unit-not-readable'],
    ['no unit', { value: 40 }, 'med.dose-unit-missing'],
    ['zero', q(0, 'mg'), 'med.dose-not-positive'],
    ['a string value', { value: '40', unit: 'mg' }, 'med.dose-value-missing'],
    ['an absurd amount', q(40000, 'mg'), 'med.dose-implausible'],
    ['a comparator', { ...q(40, 'mg'), comparator: '<' }, 'med.dose-has-comparator'],
  ])('%s is unknown with the reason', (_n, doseQuantity, reason) => {
    const o = order(mr({}, { doseAndRate: [{ doseQuantity: doseQuantity as fhir4.Quantity }] }));
    expect(o.dose.known).toBe(false);
    expect(o.dose).toMatchObject({ known: false, reason: { code: reason } });
  });
  it('Epic sends calculated and admin-amount: admin-amount wins', () => {
    const doseAndRate = [
      { type: { coding: [{ code: 'calculated' }] }, doseQuantity: q(70, 'mg') },
      { type: { coding: [{ code: 'admin-amount' }] }, doseQuantity: q(80, 'mg') },
    ];
    expect(order(mr({}, { doseAndRate })).dose).toMatchObject({ known: true, value: { value: 80, entry: 'admin-amount' } });
  });
  it('admin-amount in mL without a strength falls back to the calculated mg, labelled', () => {
    const doseAndRate = [
      { type: { coding: [{ code: 'calculated' }] }, doseQuantity: q(40, 'mg') },
      { type: { coding: [{ code: 'admin-amount' }] }, doseQuantity: q(0.4, 'mL') },
    ];
    expect(order(mr({}, { doseAndRate })).dose).toMatchObject({ known: true, value: { value: 40, entry: 'calculated' } });
  });
  it('two untyped dose entries that disagree are unknown', () => {
    const o = order(mr({}, { doseAndRate: [{ doseQuantity: q(40, 'mg') }, { doseQuantity: q(60, 'mg') }] }));
    expect(o.dose).toMatchObject({ known: false, reason: { code: 'med.dose-entries-disagree' } });
  });
  it('a dose range is unknown', () => {
    const o = order(mr({}, { doseAndRate: [{ doseRange: { low: q(20, 'mg'), high: q(40, 'mg') } }] }));
    expect(o.dose).toEqual({ known: false, reason: { code: 'med.dose-range', params: { low: '20', high: '40' } } });
  });
  it('no doseAndRate is unknown', () => {
    expect(order(mr({}, { doseAndRate: undefined })).dose.known).toBe(false);
  });
  it('two dosage instructions with different doses make the dose unknown', () => {
    const base = mr();
    const d0 = base.dosageInstruction![0]!;
    const o = order({ ...base, dosageInstruction: [d0, { ...d0, doseAndRate: [{ doseQuantity: q(60, 'mg') }] }] });
    expect(o.dose).toEqual({ known: false, reason: { code: 'med.dosages-disagree-dose', params: { n: 2 } } });
  });
});

describe('normaliseOrder: frequency', () => {
  const t = (timing: fhir4.Timing) => order(mr({}, { timing })).frequency;
  it.each([
    ['2 per 1 d', { repeat: { frequency: 2, period: 1, periodUnit: 'd' } }, 2, 12],
    ['every 12 h', { repeat: { frequency: 1, period: 12, periodUnit: 'h' } }, 2, 12],
    ['every 24 h', { repeat: { frequency: 1, period: 24, periodUnit: 'h' } }, 1, 24],
    ['every other day', { repeat: { frequency: 1, period: 2, periodUnit: 'd' } }, 0.5, 48],
    ['timing.code BID', { code: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation', code: 'BID' }] } }, 2, 12],
    ['timing.code QD', { code: { coding: [{ code: 'QD' }] } }, 1, 24],
    ['timing.code Q12H', { code: { coding: [{ code: 'Q12H' }] } }, 2, 12],
    ['timeOfDay 08:00 and 20:00', { repeat: { timeOfDay: ['08:00:00', '20:00:00'] } }, 2, 12],
  ] as [string, fhir4.Timing, number, number][])('%s', (_n, timing, per24, interval) => {
    expect(t(timing)).toMatchObject({ known: true, value: { dosesPer24h: per24, intervalHours: interval } });
  });
  it('a period without a frequency is read as once per period (FHIR default), with a note', () => {
    expect(t({ repeat: { period: 12, periodUnit: 'h' } })).toMatchObject({ known: true, value: { intervalHours: 12, note: { code: 'med.frequency-default-once-per-period' } } });
  });
  it.each([
    ['no timing', undefined, 'med.no-timing'],
    ['a frequency range', { repeat: { frequency: 1, frequencyMax: 2, period: 1, periodUnit: 'd' } }, 'med.frequency-range'],
    ['a month period', { repeat: { frequency: 1, period: 1, periodUnit: 'mo' } }, 'med.timing-period-unit-not-fixed'],
    ['weekdays only', { repeat: { frequency: 1, period: 1, periodUnit: 'd', dayOfWeek: ['mon'] } }, 'med.frequency-weekdays-only'],
    ['text only', { code: { text: 'twice a day' } }, 'med.frequency-text-only'],
    ['a fractional frequency', { repeat: { frequency: 1.5, period: 1, periodUnit: 'd' } }, 'med.timing-frequency-not-whole'],
  ] as [string, fhir4.Timing | undefined, string][])('%s is unknown', (_n, timing, reason) => {
    const f = order(mr({}, { timing })).frequency;
    expect(f.known).toBe(false);
    expect(f).toMatchObject({ known: false, reason: { code: reason } });
  });
});

describe('normaliseOrder: route', () => {
  it.each([
    [{ coding: [{ system: SCT, code: '47625008' }] }, 'intravenous', 'snomed'],
    [{ text: 'Subcutaneous' }, 'subcutaneous', 'text'],
    [{ text: 's.c.' }, 'subcutaneous', 'text'],
    [{ coding: [{ system: 'http://local', code: 'SC', display: 'SC use' }] }, 'subcutaneous', 'text'],
    [{ text: 'intradermal' }, 'other', 'text'],
  ])('%j is %s', (route, kind, by) => {
    expect(order(mr({}, { route })).route).toMatchObject({ known: true, value: { kind, recognisedBy: by } });
  });
  it('no route is unknown', () => {
    expect(order(mr({}, { route: undefined })).route).toEqual({ known: false, reason: { code: 'med.no-route' } });
  });
});

describe('normaliseOrder: treatment period', () => {
  const repeat = (r: fhir4.TimingRepeat) => ({ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' as const, ...r } } });
  it('boundsDuration 10 days counts from the start', () => {
    const o = order(mr({}, repeat({ boundsDuration: { value: 10, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' } as fhir4.Duration, boundsPeriod: { start: '2026-03-02T18:00:00Z' } })));
    expect(o.end).toMatchObject({ known: true, value: { ms: Date.UTC(2026, 2, 12, 18), from: 'boundsDuration' } });
  });
  it('count 10 at 12 h from the start ends 120 h later; the last dose is due at 108 h', () => {
    const o = order(mr({}, { timing: { repeat: { frequency: 1, period: 12, periodUnit: 'h', count: 10, boundsPeriod: { start: '2026-03-02T08:00:00Z' } } } }));
    expect(o.end).toMatchObject({ known: true, value: { ms: Date.UTC(2026, 2, 7, 8), lastDoseDueMs: Date.UTC(2026, 2, 6, 20), from: 'count' } });
  });
  it('no boundsPeriod start: the start is authoredOn, labelled', () => {
    const o = order(mr({}, repeat({})));
    expect(o.start).toMatchObject({ known: true, value: { from: 'authoredOn', ms: Date.UTC(2026, 2, 1, 9) } });
  });
  it('dispenseRequest.validityPeriod is NOT the treatment period: the end stays unknown', () => {
    const o = order(mr({ dispenseRequest: { validityPeriod: { start: '2026-03-01', end: '2026-03-31' } } }, repeat({})));
    expect(o.end).toEqual({ known: false, reason: { code: 'med.no-end' } });
  });
  it('an end before the start is unknown', () => {
    const o = order(mr({}, repeat({ boundsPeriod: { start: '2026-03-02', end: '2026-03-01' } })));
    expect(o.end.known).toBe(false);
  });
  it('no start at all (no bounds, no authoredOn) is unknown, and so is a count-based end', () => {
    const o = order(mr({ authoredOn: undefined }, repeat({ count: 5 })));
    expect(o.start.known).toBe(false);
    expect(o.end).toEqual({ known: false, reason: { code: 'med.count-without-start', params: { count: 5 } } });
  });
  it('a date-only start counts from 00:00 that day in the facility zone', () => {
    const o = order(mr({}, repeat({ boundsPeriod: { start: '2026-07-01' } })));
    expect(o.start).toMatchObject({ known: true, value: { ms: Date.UTC(2026, 5, 30, 23) } });
  });
});

describe('isActiveAt', () => {
  const o = order(mr());
  const inside = Date.UTC(2026, 3, 10);
  it.each([
    ['inside the period of an active order', o, inside, 'active'],
    ['before the start', o, Date.UTC(2026, 2, 1), 'inactive'],
    ['on the last day (date-only end 30 Apr) at 22:00 London', o, Date.UTC(2026, 3, 30, 21), 'active'],
    ['after the end', o, Date.UTC(2026, 4, 1), 'inactive'],
    ['on hold', order(mr({ status: 'on-hold' })), inside, 'inactive'],
    ['a plan', order(mr({ intent: 'plan' })), inside, 'inactive'],
    ['stopped, inside the planned period: the stop date is unknown', order(mr({ status: 'stopped' })), inside, 'unknown'],
    ['completed, inside the planned period', order(mr({ status: 'completed' })), inside, 'active'],
    ['status unknown', order(mr({ status: 'unknown' })), inside, 'unknown'],
  ] as [string, LmwhOrder, number, string][])('%s: %s', (_n, ord, instant, state) => {
    expect(isActiveAt(ord, instant).state).toBe(state);
  });
  it('an active order with no end is active, and says the end is unknown', () => {
    const ord = order(mr({}, { timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } } }));
    expect(isActiveAt(ord, Date.UTC(2030, 0, 1))).toEqual({ state: 'active', reason: { code: 'med.active-end-unknown' } });
  });
  it('a NaN instant is unknown', () => {
    expect(isActiveAt(o, Number.NaN).state).toBe('unknown');
  });
});

describe('normaliseOrders', () => {
  it('collects orders and exclusions, leaving out non-anticoagulants', () => {
    const r = normaliseOrders([mr(), mr({ id: 'x', status: 'entered-in-error' }), mr({ id: 'y', medicationCodeableConcept: { text: 'Paracetamol' } })], [], ZONE);
    expect(r.orders.map((o) => o.id)).toEqual(['mr1']);
    expect(r.exclusions.map((e) => e.source.id)).toEqual(['x']);
  });
});
