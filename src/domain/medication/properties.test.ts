import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyDose } from './doseClass';
import { lastDosePerDrug, recordedDoses } from './doses';
import { isActiveAt, normaliseOrder } from './order';
import { recogniseAnticoagulant, recogniseOtherRelevant } from './recognise';
import { resolveMedication } from './resolve';
import { bodyWeights, bookingWeight, dosePerKg, latestWeight } from './weights';
import { matchedData } from '../matchedBy';

/** A reason code of this module (never a sentence, never empty). */
const isMedReason = (r: unknown): boolean => typeof r === 'object' && r !== null && /^med\.[a-z-]+$/.test(String((r as { code?: unknown }).code));

/** Walks a value and fails on NaN/Infinity numbers, on a Known that is known:true without a value, and on an unknown without a reason code. */
function assertClean(v: unknown, path = '$', seen = new Set<unknown>()): void {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`non-finite number at ${path}`);
    return;
  }
  if (typeof v !== 'object' || v === null || seen.has(v)) return;
  seen.add(v);
  const o = v as Record<string, unknown>;
  if (o.known === true && !('value' in o)) throw new Error(`known without value at ${path}`);
  if (o.known === false && !isMedReason(o.reason)) throw new Error(`unknown without reason at ${path}`);
  if (o.class === 'unknown' && !isMedReason(o.reason)) throw new Error(`unknown class without reason at ${path}`);
  for (const [k, x] of Object.entries(o)) {
    // Echoed input (FHIR resources, the original moment text) is not an output value.
    if (k === 'medication' || k === 'concept') continue;
    assertClean(x, `${path}.${k}`, seen);
  }
}

const junk = fc.oneof(
  fc.constant(undefined), fc.constant(null), fc.boolean(), fc.string(), fc.integer(),
  fc.double(), fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY), fc.constant(-1e308), fc.constant(1e308),
  fc.constantFrom('NaN', 'Infinity', '-1', '', ' ', '1e999', '0x10', '40 mg'), fc.constant([]), fc.constant({}),
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof(a, junk);
const dateish = maybe(fc.oneof(
  fc.constantFrom('2026-03-01', '2026-03-01T08:00:00Z', '2026-02-30', '0001-01-01', '9999-12-31T23:59:59Z', '2026', '2026-13', '2026-03-01T25:00', 'tomorrow'),
  fc.date({ min: new Date('1700-01-01'), max: new Date('2300-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
));
const unitish = maybe(fc.constantFrom('mg', 'g', '[iU]', 'IU', 'units', 'mL', 'ml', 'mg/kg', '[iU]/kg', 'kg', '[lb_av]', 'lbs.', 'syringe', 'U', 'mmol'));
const quantity = fc.record({ value: maybe(fc.oneof(fc.double({ noNaN: false }), fc.integer({ min: -10, max: 100000 }))), unit: unitish, code: unitish, system: maybe(fc.constantFrom('http://unitsofmeasure.org', 'urn:x')), comparator: maybe(fc.constantFrom('<', '>')) }, { requiredKeys: [] });
const coding = fc.record({
  system: maybe(fc.constantFrom('http://www.nlm.nih.gov/research/umls/rxnorm', 'http://www.whocc.no/atc', 'http://snomed.info/sct', 'http://loinc.org')),
  code: maybe(fc.constantFrom('854235', '854228', '67109', '5224', 'B01AB05', 'B01AB02', 'B01AB', '372562003', '29463-7', '8348-5', '4083', '1191', 'BID', 'Q12H', '34206005')),
  display: maybe(fc.constantFrom('Clexane', 'heparin', 'low molecular weight heparin', 'aspirin', 'x')),
}, { requiredKeys: [] });
const concept = maybe(fc.record({ coding: maybe(fc.array(maybe(coding), { maxLength: 3 })), text: maybe(fc.constantFrom('Fragmin 5000', 'Innohep', 'nothing', 'Heparin')) }, { requiredKeys: [] }));
const timing = maybe(fc.record({
  repeat: maybe(fc.record({
    frequency: maybe(fc.oneof(fc.integer({ min: -2, max: 1e9 }), fc.double())), period: maybe(fc.oneof(fc.integer({ min: -2, max: 1e9 }), fc.double())),
    periodUnit: maybe(fc.constantFrom('s', 'min', 'h', 'd', 'wk', 'mo', 'a', 'x')), count: maybe(fc.integer({ min: -5, max: 1e9 })),
    boundsPeriod: maybe(fc.record({ start: dateish, end: dateish }, { requiredKeys: [] })),
    boundsDuration: maybe(fc.record({ value: maybe(fc.double()), code: unitish }, { requiredKeys: [] })),
    timeOfDay: maybe(fc.array(maybe(fc.string()), { maxLength: 4 })), frequencyMax: maybe(fc.integer()),
  }, { requiredKeys: [] })),
  code: concept,
}, { requiredKeys: [] }));
const dosage = maybe(fc.record({
  text: maybe(fc.string()),
  timing,
  route: concept,
  asNeededBoolean: maybe(fc.boolean()),
  doseAndRate: maybe(fc.array(maybe(fc.record({ type: concept, doseQuantity: maybe(quantity), doseRange: maybe(fc.record({ low: maybe(quantity), high: maybe(quantity) })) }, { requiredKeys: [] })), { maxLength: 3 })),
}, { requiredKeys: [] }));
const medication = fc.record({
  resourceType: fc.constantFrom('Medication', 'Medication', 'Patient'),
  id: maybe(fc.constantFrom('m1', 'm2', 'med1')),
  code: concept,
  ingredient: maybe(fc.array(maybe(fc.record({ itemCodeableConcept: concept, strength: maybe(fc.record({ numerator: maybe(quantity), denominator: maybe(quantity) }, { requiredKeys: [] })) }, { requiredKeys: [] })), { maxLength: 2 })),
}, { requiredKeys: ['resourceType'] });
const medRef = maybe(fc.record({ reference: maybe(fc.constantFrom('Medication/m1', '#med1', 'http://x/Medication/m2', 'Substance/1', '#', 'Medication/')), display: maybe(fc.constantFrom('Lovenox', 'x')) }, { requiredKeys: [] }));
const medUse = fc.record({
  resourceType: fc.constantFrom('MedicationRequest', 'MedicationAdministration', 'MedicationStatement', 'MedicationDispense', 'Observation'),
  id: maybe(fc.string()),
  status: maybe(fc.constantFrom('active', 'completed', 'in-progress', 'entered-in-error', 'cancelled', 'on-hold', 'stopped', 'not-done', 'unknown', 'draft')),
  intent: maybe(fc.constantFrom('order', 'plan', 'proposal', 'filler-order', 'bogus')),
  doNotPerform: maybe(fc.boolean()),
  authoredOn: dateish,
  medicationCodeableConcept: concept,
  medicationReference: medRef,
  contained: maybe(fc.array(medication, { maxLength: 2 })),
  dosageInstruction: maybe(fc.array(dosage, { maxLength: 3 })),
  dosage: maybe(fc.oneof(dosage, fc.array(dosage, { maxLength: 2 }), fc.record({ dose: maybe(quantity), text: maybe(fc.string()) }, { requiredKeys: [] }))),
  effectiveDateTime: dateish,
  effectivePeriod: maybe(fc.record({ start: dateish, end: dateish }, { requiredKeys: [] })),
  whenHandedOver: dateish,
}, { requiredKeys: ['resourceType'] });
const observation = fc.record({
  resourceType: fc.constantFrom('Observation', 'Observation', 'Condition'),
  id: maybe(fc.string()),
  status: maybe(fc.constantFrom('final', 'amended', 'entered-in-error', 'preliminary', 'registered')),
  code: maybe(fc.record({ coding: maybe(fc.array(maybe(coding), { maxLength: 2 })) }, { requiredKeys: [] })),
  valueQuantity: maybe(quantity),
  effectiveDateTime: dateish,
  effectivePeriod: maybe(fc.record({ start: dateish }, { requiredKeys: [] })),
}, { requiredKeys: ['resourceType'] });
const zone = fc.constantFrom('UTC', 'Europe/London', 'America/New_York', 'Mars/Olympus', '');

const RUNS = { numRuns: 10_000 };

describe('the output checker itself', () => {
  it('rejects NaN, Infinity, a known without value and an unknown without reason', () => {
    expect(() => assertClean({ a: [{ b: Number.NaN }] })).toThrow('non-finite number at $.a.0.b');
    expect(() => assertClean({ x: Number.POSITIVE_INFINITY })).toThrow();
    expect(() => assertClean({ known: true })).toThrow('known without value');
    expect(() => assertClean({ known: false, reason: '' })).toThrow('unknown without reason');
    expect(() => assertClean({ known: false, reason: 'a sentence' })).toThrow('unknown without reason');
    expect(() => assertClean({ known: false, reason: { code: 'med.no-status' } })).not.toThrow();
    expect(() => assertClean({ known: true, value: 1 })).not.toThrow();
  });
});

describe('normalisers never throw on random and malformed resources and never output NaN/Infinity', () => {
  it('recognition, resolution and order normalisation (10 000 resources)', () => {
    fc.assert(
      fc.property(medUse, fc.array(medication, { maxLength: 3 }), zone, fc.oneof(fc.double(), fc.integer()), fc.option(fc.double()), (r, meds, z, instant, kg) => {
        const res = resolveMedication(r as never, meds as never);
        expect(typeof res.resolved).toBe('boolean');
        const rec = recogniseAnticoagulant(r.medicationCodeableConcept as never, meds[0] as never);
        recogniseOtherRelevant(r.medicationCodeableConcept as never, meds[0] as never);
        if (rec) expect(matchedData(rec.matched).length).toBeGreaterThan(0);
        const o = normaliseOrder(r as never, meds as never, z);
        assertClean(o);
        if (o.kind === 'order') {
          const a = isActiveAt(o.order, instant);
          expect(['active', 'inactive', 'unknown']).toContain(a.state);
          const c = classifyDose(o.order, kg ?? undefined);
          assertClean(c);
          // Nothing unknown shown as known: a dose class needs a known dose and frequency.
          if (c.class !== 'unknown') expect(o.order.dose.known && o.order.frequency.known).toBe(true);
          if (o.order.dose.known) expect(o.order.dose.value.value).toBeGreaterThan(0);
          // A dispense validity period is never the end of treatment.
          if (o.order.end.known) expect(['boundsPeriod.end', 'boundsDuration', 'count']).toContain(o.order.end.value.from);
        }
      }),
      RUNS,
    );
  }, 120_000);

  it('recorded doses and last dose per drug (10 000 resource lists)', () => {
    fc.assert(
      fc.property(fc.array(medUse, { maxLength: 4 }), fc.array(medication, { maxLength: 2 }), zone, (rs, meds, z) => {
        const r = recordedDoses(rs as never, meds as never, z);
        assertClean(r);
        for (const d of r.doses) expect(['administered', 'reported', 'dispensed']).toContain(d.kind);
        const last = lastDosePerDrug(r.doses);
        assertClean(last);
        for (const l of last) expect(l.dose.time.known).toBe(true);
      }),
      RUNS,
    );
  }, 120_000);

  it('weights, booking weight and dose per kg (10 000 observation lists)', () => {
    fc.assert(
      fc.property(fc.array(observation, { maxLength: 4 }), zone, fc.oneof(fc.double(), fc.integer()), medUse, (obs, z, start, r) => {
        const w = bodyWeights(obs as never, z);
        assertClean(w);
        for (const x of w.weights) expect(x.kg).toBeGreaterThan(0);
        assertClean(bookingWeight(w.weights, start));
        assertClean(latestWeight(w.weights));
        const o = normaliseOrder({ ...r, resourceType: 'MedicationRequest', medicationCodeableConcept: { text: 'Clexane' } } as never, [], z);
        if (o.kind === 'order' && w.weights[0]) assertClean(dosePerKg(o.order, w.weights[0]));
      }),
      RUNS,
    );
  }, 120_000);

  it('entirely arbitrary JSON values do not throw', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        normaliseOrder(a as never, [b] as never, 'UTC');
        recordedDoses([a, b] as never, [b] as never, 'UTC');
        bodyWeights([a, b] as never, 'UTC');
        resolveMedication(a as never, b as never);
        recogniseAnticoagulant(a as never, b as never);
        lastDosePerDrug([a, b] as never);
        latestWeight([a, b] as never);
        bookingWeight([a] as never, 0);
      }),
      RUNS,
    );
  }, 120_000);
});
