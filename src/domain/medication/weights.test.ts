import { describe, expect, it } from 'vitest';
import { bodyWeights, bookingWeight, dosePerKg, KG_PER_LB, latestWeight } from './weights';
import { normaliseOrder } from './order';
import type { LmwhOrder } from './medicationTypes';

const ZONE = 'Europe/Berlin';
const LOINC = 'http://loinc.org';
const obs = (id: string, code: string, valueQuantity: unknown, date = '2026-02-10T09:00:00Z', status = 'final'): fhir4.Observation =>
  ({ resourceType: 'Observation', id, status, code: { coding: [{ system: LOINC, code }] }, effectiveDateTime: date, valueQuantity } as fhir4.Observation);
const ucum = (value: number, code: string) => ({ value, unit: code, system: 'http://unitsofmeasure.org', code });

describe('bodyWeights', () => {
  it.each([
    ['29463-7 in kg', obs('w', '29463-7', ucum(72.5, 'kg')), 72.5, undefined],
    ['3141-9 in g', obs('w', '3141-9', ucum(72500, 'g')), 72.5, [{ code: 'med.weight-from-grams', params: { value: 72500 } }]],
    ['8338-6 in [lb_av], exactly', obs('w', '8338-6', ucum(160, '[lb_av]')), Number.parseFloat((160 * KG_PER_LB).toPrecision(12)), [{ code: 'med.weight-from-pounds', params: { value: 160, kgPerLb: 0.45359237 } }]],
    ["text 'lbs.'", obs('w', '29463-7', { value: 200, unit: 'lbs.' }), 90.718474, [{ code: 'med.weight-text-unit-pounds', params: { unit: 'lbs.', kgPerLb: 0.45359237 } }]],
    ["text 'lb'", obs('w', '29463-7', { value: 100, unit: 'lb' }), 45.359237, [{ code: 'med.weight-text-unit-pounds', params: { unit: 'lb', kgPerLb: 0.45359237 } }]],
  ])('%s', (_n, o, kg, note) => {
    const { weights, exclusions } = bodyWeights([o], ZONE);
    expect(exclusions).toEqual([]);
    expect(weights[0]?.kg).toBe(kg);
    expect(weights[0]?.notes).toEqual(note);
    expect(weights[0]?.source).toMatchObject({ resourceType: 'Observation', id: 'w', date: '2026-02-10T09:00:00Z' });
  });
  it('160 lb is 72.5747792 kg', () => {
    expect(bodyWeights([obs('w', '29463-7', ucum(160, '[lb_av]'))], ZONE).weights[0]?.kg).toBe(72.5747792);
  });
  it('8348-5 pre-pregnancy weight is kept and labelled', () => {
    expect(bodyWeights([obs('w', '8348-5', ucum(68, 'kg'))], ZONE).weights[0]).toMatchObject({ kind: 'pre-pregnancy', notes: [{ code: 'med.weight-pre-pregnancy' }] });
  });
  it.each([
    ['an unknown unit (stone)', obs('w', '29463-7', { value: 11, unit: 'st' }), { code: 'med.weight-unit-not-readable', params: { unit: 'st' } }],
    ['no unit', obs('w', '29463-7', { value: 70 }), { code: 'med.weight-unit-missing' }],
    ['no value', obs('w', '29463-7', undefined), { code: 'med.weight-no-value' }],
    ['entered-in-error', obs('w', '29463-7', ucum(70, 'kg'), undefined, 'entered-in-error'), { code: 'med.status-excluded', params: { status: 'entered-in-error' } }],
    ['an implausible 7000 kg (grams sent as kg)', obs('w', '29463-7', ucum(7000, 'kg')), { code: 'med.weight-implausible', params: { original: '7000 kg', min: 20, max: 400 } }],
    ['no date', { ...obs('w', '29463-7', ucum(70, 'kg')), effectiveDateTime: undefined }, { code: 'med.weight-no-date' }],
  ])('%s is excluded with the reason', (_n, o, reason) => {
    const r = bodyWeights([o as fhir4.Observation], ZONE);
    expect(r.weights).toEqual([]);
    expect(r.exclusions[0]?.reason).toEqual(reason);
    expect(r.exclusions[0]?.view).toBe('med.weights');
  });
  it('other observations are ignored', () => {
    expect(bodyWeights([obs('x', '718-7', ucum(12, 'g/dL'))], ZONE)).toEqual({ weights: [], exclusions: [] });
  });
});

describe('bookingWeight and latestWeight', () => {
  const start = Date.UTC(2026, 0, 5, 12); // start of pregnancy (e.g. LMP)
  const { weights } = bodyWeights(
    [
      obs('pre', '8348-5', ucum(66, 'kg'), '2026-01-20'),
      obs('before', '29463-7', ucum(65, 'kg'), '2025-12-01'),
      obs('booking', '29463-7', ucum(70, 'kg'), '2026-03-01'),
      obs('later', '29463-7', ucum(78, 'kg'), '2026-06-01'),
    ],
    ZONE,
  );
  it('the booking weight is the first body weight on or after the start of pregnancy', () => {
    expect(bookingWeight(weights, start)).toMatchObject({ known: true, value: { weight: { kg: 70, source: { id: 'booking' } }, daysAfterPregnancyStart: 54 } });
  });
  it('a date-only weight on the start day counts', () => {
    const w = bodyWeights([obs('same-day', '29463-7', ucum(71, 'kg'), '2026-01-05')], ZONE).weights;
    expect(bookingWeight(w, start)).toMatchObject({ known: true, value: { weight: { kg: 71 } } });
  });
  it('no weight after the start is unknown', () => {
    expect(bookingWeight(weights.filter((w) => w.source.id === 'before'), start)).toEqual({ known: false, reason: { code: 'med.booking-no-weight-in-pregnancy' } });
  });
  it('an unknown pregnancy start is unknown', () => {
    expect(bookingWeight(weights, Number.NaN).known).toBe(false);
  });
  it('the latest weight is the most recent body weight (not the pre-pregnancy one)', () => {
    expect(latestWeight(weights)).toMatchObject({ known: true, value: { kg: 78 } });
    expect(latestWeight([])).toEqual({ known: false, reason: { code: 'med.no-body-weight' } });
  });
});

describe('dosePerKg', () => {
  const order = (dose: fhir4.Quantity, timing: fhir4.Timing = { repeat: { frequency: 2, period: 1, periodUnit: 'd' } }) => {
    const r = normaliseOrder(
      { resourceType: 'MedicationRequest', id: 'o', status: 'active', intent: 'order', subject: {}, medicationCodeableConcept: { text: 'Fragmin' }, dosageInstruction: [{ timing, doseAndRate: [{ doseQuantity: dose }] }] },
      [],
      ZONE,
    );
    return (r as { order: LmwhOrder }).order;
  };
  const w = bodyWeights([obs('w', '29463-7', ucum(80, 'kg'))], ZONE).weights[0]!;
  it('dalteparin 5000 IU twice daily at 80 kg is 62.5 IU/kg per dose and 125 IU/kg/day, naming the weight', () => {
    expect(dosePerKg(order(ucum(5000, '[iU]')), w)).toMatchObject({
      known: true,
      value: { perDose: { value: 62.5, unit: 'IU/kg' }, perDay: { known: true, value: { value: 125, unit: 'IU/kg/day' } }, weight: { kg: 80, source: { id: 'w' } } },
    });
  });
  it('unknown frequency: per dose known, per day unknown', () => {
    const r = dosePerKg(order(ucum(5000, '[iU]'), { code: { text: 'as directed' } }), w);
    expect(r).toMatchObject({ known: true, value: { perDay: { known: false } } });
  });
  it('unknown dose: unknown', () => {
    expect(dosePerKg(order({ value: 1, unit: 'syringe' }), w).known).toBe(false);
  });
});
