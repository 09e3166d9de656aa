/** fast-check generators of random and malformed FHIR resources, for the property tests (not part of the app). */
import fc from 'fast-check';

const SYSTEMS = ['http://loinc.org', 'http://snomed.info/sct', 'http://www.cms.gov/Medicare/Coding/ICD10', 'http://www.ama-assn.org/go/cpt', 'https://lmwh-monitor.example/fhir/CodeSystem/ivf', 'urn:local'];
const CODES = [
  '11778-8', '11779-6', '11780-4', '8665-2', '11884-4', '11885-1', '18185-9', '49051-6', '49052-4', '11887-7', '11888-5', '82810-3',
  'LA15173-0', 'LA26683-5', 'LA4489-6', 'embryo-age-at-transfer', '11466000', '177141003', '236958009', '289259007', '66348005',
  '75456002', '236894009', '177037000', '73632009', '10D00Z1', '10E0XZZ', '59510', '59400', '55398-2', '12345',
];
const TEXTS = ['Embryo transfer', 'day 5 blastocyst', 'Day 3 embryo', 'C-section', 'CS', 'induction', 'Egg collection', 'surgery', 'Embryo age at transfer', 'visit', ''];

/** A date-ish value: valid FHIR dates at every precision, with and without offsets, and malformed ones. */
export const dateish: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2035, 0, 1) }).chain((ms) => {
    const iso = new Date(ms).toISOString();
    return fc.constantFrom(iso, iso.slice(0, 10), iso.slice(0, 19), iso.slice(0, 7), iso.slice(0, 4), `${iso.slice(0, 19)}+05:30`, `${iso.slice(0, 16)}-11:00`);
  }),
  fc.constantFrom('2026-02-30', '2027-02-29', '2028-02-29', '03/04/2026', '', 'T', '2026-13-01', '9999-01-01', '2026-04-03T25:00:00Z'),
  fc.string(),
  fc.anything(),
);

const coding = fc.record(
  { system: fc.oneof(fc.constantFrom(...SYSTEMS), fc.anything()), code: fc.oneof(fc.constantFrom(...CODES), fc.anything()), display: fc.oneof(fc.constantFrom(...TEXTS), fc.anything()) },
  { requiredKeys: [] },
);
/** A CodeableConcept, often well-formed, sometimes not. */
export const concept: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ coding: fc.array(coding, { maxLength: 3 }), text: fc.oneof(fc.constantFrom(...TEXTS), fc.string()) }, { requiredKeys: [] }),
  fc.anything(),
);
const quantity = fc.record(
  {
    value: fc.oneof(fc.integer({ min: -5, max: 400 }), fc.double(), fc.constantFrom(Number.NaN, Infinity, -Infinity), fc.anything()),
    unit: fc.oneof(fc.constantFrom('wk', 'd', 'mo', 'h', 'days', ''), fc.anything()),
    code: fc.oneof(fc.constantFrom('wk', 'd', 'mo', 'h'), fc.anything()),
  },
  { requiredKeys: [] },
);
const reference = fc.oneof(
  fc.record({ reference: fc.oneof(fc.constantFrom('ServiceRequest/s1', 'Procedure/p1', 'Appointment/a1', 'https://x/fhir/ServiceRequest/s1/_history/3', 'Procedure/', '/'), fc.string()) }),
  fc.anything(),
);
const id = fc.oneof(fc.constantFrom('s1', 'p1', 'a1', 'e1', 'o1'), fc.string({ maxLength: 6 }), fc.constant(undefined));
const status = fc.oneof(
  fc.constantFrom('final', 'amended', 'preliminary', 'registered', 'entered-in-error', 'cancelled', 'completed', 'preparation', 'in-progress', 'not-done', 'active', 'draft', 'revoked', 'on-hold', 'proposed', 'pending', 'booked', 'arrived', 'checked-in', 'noshow', 'fulfilled', 'planned'),
  fc.anything(),
);
const period = fc.oneof(fc.record({ start: dateish, end: dateish }, { requiredKeys: [] }), fc.anything());

/** A random or malformed Observation, Procedure, ServiceRequest, Appointment or Encounter, or anything at all. */
export const resource: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    {
      resourceType: fc.constant('Observation'),
      id,
      status,
      code: concept,
      valueDateTime: dateish,
      valueQuantity: quantity,
      valueCodeableConcept: concept,
      effectiveDateTime: dateish,
      effectivePeriod: period,
      issued: dateish,
      partOf: fc.array(reference, { maxLength: 2 }),
      component: fc.array(fc.record({ code: concept, valueQuantity: quantity }, { requiredKeys: [] }), { maxLength: 2 }),
    },
    { requiredKeys: ['resourceType'] },
  ),
  fc.record(
    {
      resourceType: fc.constant('Procedure'),
      id,
      status,
      code: concept,
      performedDateTime: dateish,
      performedPeriod: period,
      basedOn: fc.array(reference, { maxLength: 2 }),
      note: fc.array(fc.oneof(fc.record({ text: fc.oneof(fc.constantFrom(...TEXTS), fc.string()) }), fc.anything()), { maxLength: 2 }),
    },
    { requiredKeys: ['resourceType'] },
  ),
  fc.record(
    {
      resourceType: fc.constant('ServiceRequest'),
      id,
      status,
      code: concept,
      category: fc.array(concept, { maxLength: 2 }),
      doNotPerform: fc.oneof(fc.boolean(), fc.anything()),
      occurrenceDateTime: dateish,
      occurrencePeriod: period,
      occurrenceTiming: fc.oneof(fc.record({ event: fc.array(dateish, { maxLength: 3 }), repeat: fc.record({ boundsPeriod: period }) }, { requiredKeys: [] }), fc.anything()),
    },
    { requiredKeys: ['resourceType'] },
  ),
  fc.record(
    {
      resourceType: fc.constant('Appointment'),
      id,
      status,
      serviceType: fc.array(concept, { maxLength: 2 }),
      appointmentType: concept,
      reasonCode: fc.array(concept, { maxLength: 2 }),
      specialty: fc.array(concept, { maxLength: 2 }),
      start: dateish,
      basedOn: fc.array(reference, { maxLength: 2 }),
    },
    { requiredKeys: ['resourceType'] },
  ),
  fc.record(
    {
      resourceType: fc.constant('Encounter'),
      id,
      status,
      type: fc.array(concept, { maxLength: 2 }),
      reasonCode: fc.array(concept, { maxLength: 2 }),
      period,
      basedOn: fc.array(reference, { maxLength: 2 }),
      appointment: fc.array(reference, { maxLength: 2 }),
    },
    { requiredKeys: ['resourceType'] },
  ),
  fc.anything(),
);

/** Facility zones, including an invalid one and an empty string. */
export const zone = fc.constantFrom('UTC', 'Europe/London', 'Pacific/Auckland', 'America/Los_Angeles', 'Asia/Kolkata', 'Mars/Olympus', '');

/** "Now": any instant 1990-2035, or a non-finite number. */
export const nowMs = fc.oneof(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2035, 0, 1) }), fc.constantFrom(Number.NaN, Infinity));

/** Every number inside a value (deep), for "no NaN or Infinity" checks. */
export function numbersIn(v: unknown, seen = new Set<unknown>()): number[] {
  if (typeof v === 'number') return [v];
  if (typeof v !== 'object' || v === null || seen.has(v)) return [];
  seen.add(v);
  return Object.values(v).flatMap((x) => numbersIn(x, seen));
}
