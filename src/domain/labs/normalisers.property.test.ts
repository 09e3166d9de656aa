import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { DDIMER_CODES, LAB_ANALYTES } from '../codes';
import { findFacts } from '../findings';
import { ddimerSeries, normaliseDdimer, toDisplayUnit } from './ddimer';
import { labSeries } from './coagulation';
import { loadUnitConverter, parseUnit, type UnitConverter } from './ucum';

let units: UnitConverter;
beforeAll(async () => {
  units = await loadUnitConverter();
});

/** Every number anywhere in a value; used to prove no NaN or Infinity leaks into outputs. */
function numbers(v: unknown, out: number[] = [], seen = new Set<unknown>()): number[] {
  if (typeof v === 'number') out.push(v);
  else if (typeof v === 'object' && v !== null && !seen.has(v)) {
    seen.add(v);
    for (const x of Object.values(v)) numbers(x, out, seen);
  }
  return out;
}

const weird = fc.oneof(fc.anything({ maxDepth: 2, maxKeys: 3 }), fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1, 0, null, '', ' ', '{}', []));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof(a, weird);
const loinc = fc.constantFrom(...Object.keys(DDIMER_CODES), ...Object.values(LAB_ANALYTES).flatMap((a) => [...a.codes]), '21668-9', '6303-2', '27821-8', '1234-5');
const unitStr = fc.oneof(
  fc.constantFrom('ng/mL', 'mg/L', 'ug/mL', 'ug/L', 'mcg/mL', '\u00b5g/mL', '\u03bcg/mL', 'ng/mL{FEU}', 'ng/mL{DDU}', 'mg/L FEU', 'ug FEU/mL', 'ng/mL DDU', 'ng/mL FEU/DDU', "[arb'U]/mL", 'U/mL', 'IU/mL', 's', '%', '10*3/uL', 'g/dL', 'mmol/L', 'mL/min/{1.73_m2}', 'mL/min', '((((', '{FEU}', 'FEU', 'kg', '10*9/L'),
  fc.string({ maxLength: 12 }),
);
const date = fc.oneof(
  fc.constantFrom('2026-04-03', '2026-04-03T08:30:00Z', '2026-02-30', '0001-01-01', '9999-12-31', '2026', '2026-13', 'yesterday', '2026-04-03T25:61:00+99:00'),
  fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'Invalid' : d.toISOString())),
);
const quantity = fc.record(
  {
    value: maybe(fc.oneof(fc.double(), fc.double({ min: 0, max: 1e9, noNaN: true }))),
    unit: maybe(unitStr),
    code: maybe(unitStr),
    system: maybe(fc.constantFrom('http://unitsofmeasure.org', 'urn:local')),
    comparator: maybe(fc.constantFrom('<', '<=', '>', '>=', 'ad')),
  },
  { requiredKeys: [] },
);
const concept = fc.record(
  {
    coding: maybe(fc.array(fc.record({ system: maybe(fc.constantFrom('http://loinc.org', 'http://snomed.info/sct', 'x')), code: maybe(loinc), display: maybe(fc.string()) }, { requiredKeys: [] }), { maxLength: 3 })),
    text: maybe(fc.constantFrom('D-dimer', 'DDimer', 'negative', 'Heterozygous', 'not detected', 'vaginal bleeding')),
  },
  { requiredKeys: [] },
);
const observation = fc.record(
  {
    resourceType: fc.oneof(fc.constant('Observation'), weird),
    id: maybe(fc.string()),
    status: maybe(fc.constantFrom('final', 'preliminary', 'amended', 'corrected', 'entered-in-error', 'cancelled', 'registered', 'unknown')),
    code: maybe(concept),
    effectiveDateTime: maybe(date),
    effectivePeriod: maybe(fc.record({ start: maybe(date), end: maybe(date) }, { requiredKeys: [] })),
    valueQuantity: maybe(quantity),
    valueString: maybe(fc.oneof(fc.constantFrom('<0.27 mg/L', '>20', 'negative', 'Not detected', '1:4', '0,5 mg/L', '-3 mg/L', '1e400 ng/mL'), fc.string())),
    valueCodeableConcept: maybe(concept),
    valueInteger: maybe(fc.integer()),
    dataAbsentReason: maybe(concept),
    referenceRange: maybe(fc.array(weird, { maxLength: 2 })),
    interpretation: maybe(fc.array(fc.oneof(concept, weird), { maxLength: 2 })),
  },
  { requiredKeys: [] },
);

const RUNS = 10_000;

describe('normalisers are total over random and malformed Observations', () => {
  it(`normaliseDdimer / ddimerSeries: no exception, no NaN or Infinity, FEU/DDU only when a source said so (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.array(observation, { maxLength: 3 }), (obsList) => {
        const list = obsList as unknown as fhir4.Observation[];
        for (const obs of list) {
          const out = normaliseDdimer(obs, units, 'Europe/Berlin');
          expect(numbers(out).every(Number.isFinite)).toBe(true);
          if (out.kind !== 'result') continue;
          const r = out.result;
          const q = (obs as { valueQuantity?: { unit?: unknown; code?: unknown } }).valueQuantity;
          const said = [r.loinc ? DDIMER_CODES[r.loinc]?.unitType : undefined, ...(r.matched.by === 'all' ? r.matched.parts : [r.matched]).map((m) => (m.by === 'code' ? DDIMER_CODES[m.code]?.unitType : undefined))];
          const texts = [q?.unit, q?.code, (obs as { valueString?: unknown }).valueString].filter((t): t is string => typeof t === 'string');
          if (r.unitType !== 'unknown') {
            expect(said.includes(r.unitType) || texts.some((t) => t.toUpperCase().includes(r.unitType))).toBe(true);
          }
          if (r.chart.known) {
            expect(r.unitType).not.toBe('unknown');
            expect(r.scale).toBe('quantitative');
            expect(r.chart.value).toBeGreaterThanOrEqual(0);
            expect(r.chart.value).toBeLessThanOrEqual(1e7);
          }
          expect(['entered-in-error', 'cancelled']).not.toContain(r.status);
          for (const u of ['ng/mL', 'mg/L', 'ug/mL'] as const) {
            const d = toDisplayUnit(r, u);
            if (d.known) expect(r.unitType).toBe('FEU');
          }
        }
        const s = ddimerSeries(list, units, 'UTC');
        expect(numbers(s).every(Number.isFinite)).toBe(true);
        for (let i = 1; i < s.results.length; i++) expect(s.results[i]!.time.start).toBeGreaterThanOrEqual(s.results[i - 1]!.time.start);
      }),
      { numRuns: RUNS },
    );
  });

  it(`labSeries: no exception, no NaN or Infinity, every point has a date and a non-negative value (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.array(observation, { maxLength: 4 }), (obsList) => {
        const s = labSeries(obsList as unknown as fhir4.Observation[], units, 'America/New_York');
        expect(numbers(s).every(Number.isFinite)).toBe(true);
        for (const series of Object.values(s)) {
          for (const p of series.points) {
            expect(p.value).toBeGreaterThanOrEqual(0);
            expect(p.status).not.toBe('entered-in-error');
            expect(p.displayUnit).toBe(series.displayUnit);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('the normalisers survive inputs that are not objects at all', () => {
    for (const bad of [null, undefined, 42, 'Observation', [], [null], [42, 'x', [], {}]]) {
      expect(() => normaliseDdimer(bad as unknown as fhir4.Observation, units, 'UTC')).not.toThrow();
      expect(() => ddimerSeries(bad as unknown as fhir4.Observation[], units, 'UTC')).not.toThrow();
      expect(() => labSeries(bad as unknown as fhir4.Observation[], units, 'UTC')).not.toThrow();
      expect(() => findFacts(bad as unknown as fhir4.Resource[], 'UTC')).not.toThrow();
    }
    expect(normaliseDdimer(null as unknown as fhir4.Observation, units, 'UTC')).toMatchObject({ kind: 'excluded' });
  });

  it(`parseUnit and the converter never throw on random strings (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.oneof(unitStr, fc.string({ maxLength: 100 }), weird), fc.oneof(unitStr, weird), fc.oneof(fc.double(), weird), (a, b, v) => {
        const p = parseUnit(a);
        if (p.known) expect(typeof p.value.ucum).toBe('string');
        const c = units.convert(v as number, a as string, b as string);
        if (c.known) expect(Number.isFinite(c.value)).toBe(true);
        expect(typeof units.isValid(a as string)).toBe('boolean');
      }),
      { numRuns: RUNS },
    );
  });
});

const condition = fc.record(
  {
    resourceType: fc.oneof(fc.constantFrom('Condition', 'AllergyIntolerance', 'Observation'), weird),
    id: maybe(fc.string()),
    code: maybe(
      fc.record(
        {
          coding: maybe(
            fc.array(
              fc.record(
                {
                  system: maybe(fc.constantFrom('http://snomed.info/sct', 'http://hl7.org/fhir/sid/icd-10-cm', 'http://www.nlm.nih.gov/research/umls/rxnorm', 'http://loinc.org')),
                  code: maybe(fc.constantFrom('73397007', 'O26.21', 'N98.1', 'D75.821', '67108', '21668-9', '6303-2', '19169002', 'O03')),
                },
                { requiredKeys: [] },
              ),
              { maxLength: 3 },
            ),
          ),
          text: maybe(fc.constantFrom('heparin', 'ovarian hyperstimulation', 'in labour', 'vaginal bleeding')),
        },
        { requiredKeys: [] },
      ),
    ),
    clinicalStatus: maybe(fc.record({ coding: maybe(fc.array(fc.record({ code: maybe(fc.constantFrom('active', 'resolved', 'inactive', 'relapse')) }, { requiredKeys: [] }))) }, { requiredKeys: [] })),
    verificationStatus: maybe(fc.record({ coding: maybe(fc.array(fc.record({ code: maybe(fc.constantFrom('confirmed', 'refuted', 'entered-in-error')) }, { requiredKeys: [] }))) }, { requiredKeys: [] })),
    onsetDateTime: maybe(date),
    recordedDate: maybe(date),
    abatementDateTime: maybe(date),
    status: maybe(fc.constantFrom('final', 'entered-in-error')),
    effectiveDateTime: maybe(date),
    valueString: maybe(fc.constantFrom('Heterozygous', 'not detected', 'equivocal')),
    valueQuantity: maybe(quantity),
    interpretation: maybe(fc.array(fc.oneof(concept, weird), { maxLength: 2 })),
  },
  { requiredKeys: [] },
);

describe('findFacts is total over random and malformed Conditions, allergies and Observations', () => {
  it(`no exception, no NaN or Infinity, refuted/entered-in-error never a fact (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.array(condition, { maxLength: 4 }), (resources) => {
        const r = findFacts(resources as unknown as fhir4.Resource[], 'Asia/Kolkata');
        expect(numbers(r).every(Number.isFinite)).toBe(true);
        for (const f of r.facts) {
          expect(['present', 'history', 'tested-negative', 'unclear']).toContain(f.status);
          expect(JSON.stringify(f.detail)).not.toMatch(/"code":"findings\.verification","params":\{"status":"(refuted|entered-in-error)"/);
          if (f.source.resourceType === 'Observation') expect(f.recognisedBy).toBe('loinc');
        }
      }),
      { numRuns: RUNS },
    );
  });
});
