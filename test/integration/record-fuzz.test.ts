/**
 * The whole domain is total: random and malformed resources of every type the app reads, including JSON a server
 * could send that breaks naive code ({"toString": false}, NaN-like strings, huge numbers, absurd dates), go through
 * buildClinicalRecord (every module and every rule). No exception, and no NaN or Infinity anywhere in the output.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildClinicalRecord } from '../../src/domain/record';
import { loadUnitConverter, type UnitConverter } from '../../src/domain/labs';
import { recordInputFor } from '../support/demo-record';

const NOW = Date.UTC(2026, 10, 25, 10);
const TYPES = ['Patient', 'Observation', 'MedicationRequest', 'MedicationAdministration', 'MedicationStatement', 'MedicationDispense', 'Medication', 'Procedure', 'ServiceRequest', 'Appointment', 'Encounter', 'Condition', 'AllergyIntolerance', 'DiagnosticReport'] as const;

const poison = fc.constantFrom<unknown>(
  JSON.parse('{"toString": false, "valueOf": false}'),
  JSON.parse('{"toString": 1}'),
  'NaN',
  'Infinity',
  '-0',
  '1e400',
  1e308,
  -1e308,
  '',
  '9999-99-99',
  '2026-02-30',
  '0000-01-01T00:00:00Z',
  '2026-11-25T10:00:00+14:00',
  [],
  {},
  null,
);
const codes = fc.constantFrom('48065-7', '48066-5', '7799-0', '777-3', '29463-7', '11778-8', '8665-2', '82810-3', '854235', '67108', 'B01AB05', 'B01AB02', '177141003', '11466000', '75456002', '723665008', 'N98.1', '102878001', '73397007');
const systems = fc.constantFrom('http://loinc.org', 'http://snomed.info/sct', 'http://www.nlm.nih.gov/research/umls/rxnorm', 'http://www.whocc.no/atc', 'http://hl7.org/fhir/sid/icd-10-cm');
const concept = fc.record({ coding: fc.array(fc.record({ system: fc.oneof(systems, poison), code: fc.oneof(codes, poison), display: fc.oneof(fc.string(), poison) }, { requiredKeys: [] }), { maxLength: 2 }), text: fc.oneof(fc.constantFrom('Clexane 40 mg', 'D-dimer', 'caesarean', 'vaginal bleeding'), poison) }, { requiredKeys: [] });
const date = fc.oneof(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()), fc.constantFrom('2026-11-28', '2026-11-28T08:30', '2026-03-29T01:30:00+00:00'), poison);
const quantity = fc.record({ value: fc.oneof(fc.double(), poison), unit: fc.oneof(fc.constantFrom('mg/L', 'ng/mL', 'ug/mL{FEU}', 'kg', 'mg', '[iU]', 'lbs.'), poison), system: fc.oneof(fc.constant('http://unitsofmeasure.org'), poison), code: fc.oneof(fc.constantFrom('mg/L', 'ng/mL', 'kg', 'mg'), poison), comparator: fc.oneof(fc.constantFrom('<', '>'), poison) }, { requiredKeys: [] });
const field = fc.oneof(concept, quantity, date, poison, fc.jsonValue({ maxDepth: 2 }));

const resource = fc
  .record(
    {
      resourceType: fc.constantFrom(...TYPES),
      id: fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), poison),
      status: fc.oneof(fc.constantFrom('active', 'final', 'preliminary', 'entered-in-error', 'completed', 'preparation', 'booked', 'on-hold'), poison),
      intent: fc.oneof(fc.constantFrom('order', 'plan'), poison),
      code: fc.oneof(concept, poison),
      medicationCodeableConcept: fc.oneof(concept, poison),
      medicationReference: fc.oneof(fc.record({ reference: fc.constantFrom('Medication/m1', '#med', 'Medication/missing') }), poison),
      subject: fc.oneof(fc.constant({ reference: 'Patient/p1' }), poison),
      patient: fc.oneof(fc.constant({ reference: 'Patient/p1' }), poison),
      effectiveDateTime: date,
      authoredOn: date,
      performedDateTime: date,
      occurrenceDateTime: date,
      start: date,
      onsetDateTime: date,
      valueQuantity: fc.oneof(quantity, poison),
      valueDateTime: date,
      valueString: fc.oneof(fc.constantFrom('<0.27 mg/L', 'positive', 'Heterozygous'), poison),
      valueCodeableConcept: fc.oneof(concept, poison),
      interpretation: fc.oneof(fc.array(concept, { maxLength: 2 }), poison),
      referenceRange: fc.oneof(fc.array(fc.record({ high: quantity, low: quantity }, { requiredKeys: [] }), { maxLength: 2 }), poison),
      dosageInstruction: fc.oneof(fc.array(fc.record({ doseAndRate: fc.array(fc.record({ doseQuantity: quantity }), { maxLength: 2 }), timing: fc.record({ repeat: fc.record({ frequency: fc.oneof(fc.integer(), poison), period: fc.oneof(fc.double(), poison), periodUnit: fc.oneof(fc.constantFrom('d', 'h'), poison), boundsPeriod: fc.record({ start: date, end: date }, { requiredKeys: [] }) }, { requiredKeys: [] }) }, { requiredKeys: [] }) }, { requiredKeys: [] }), { maxLength: 2 }), poison),
      clinicalStatus: fc.oneof(concept, poison),
      basedOn: fc.oneof(fc.array(fc.record({ reference: fc.constantFrom('ServiceRequest/s1', 'ServiceRequest/x') })), poison),
      contained: fc.oneof(fc.array(fc.record({ resourceType: fc.constant('Medication'), id: fc.constant('med'), code: concept }), { maxLength: 1 }), poison),
      extra: field,
    },
    { requiredKeys: ['resourceType'] },
  )
  .map((r) => r as unknown as fhir4.Resource);

/** Paths of every NaN or Infinity in a value. */
function nonFinite(v: unknown, path = '$', seen = new Set<unknown>()): string[] {
  if (typeof v === 'number') return Number.isFinite(v) ? [] : [path];
  if (v === null || typeof v !== 'object' || seen.has(v)) return [];
  seen.add(v);
  return Object.entries(v as Record<string, unknown>).flatMap(([k, x]) => nonFinite(x, `${path}.${k}`, seen));
}

let units: UnitConverter;
beforeAll(async () => {
  units = await loadUnitConverter();
});

describe('buildClinicalRecord over random and malformed records', () => {
  it('never throws and never shows NaN or Infinity (2,000 records of up to 12 resources)', () => {
    fc.assert(
      fc.property(fc.array(resource, { maxLength: 12 }), (resources) => {
        const record = buildClinicalRecord(recordInputFor(resources, 'p1', {}, NOW), { nowMs: NOW, zone: 'Europe/London', units });
        // Inputs may hold NaN on purpose; the output must not (the inputs are not part of what is shown).
        const bad = nonFinite({ ...record, groups: undefined, patient: undefined });
        expect(bad).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  }, 120_000);
});
