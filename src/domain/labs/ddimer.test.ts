import { isReason, type Reason } from '../reasons';
import { beforeAll, describe, expect, it } from 'vitest';
import { ddimerSeries, normaliseDdimer, toDisplayUnit, UNIT_TYPE_NOT_STATED } from './ddimer';
import { loadUnitConverter, type UnitConverter } from './ucum';
import type { DdimerOutcome, DdimerResult } from './labTypes';
import { byCode } from '../matchedBy';

let units: UnitConverter;
beforeAll(async () => {
  units = await loadUnitConverter();
});

const ZONE = 'Europe/Berlin';

/** A D-dimer Observation with sensible defaults; pass overrides for the field under test. */
function dd(code: string | undefined, value: Partial<fhir4.Quantity> | undefined, extra: Partial<fhir4.Observation> = {}): fhir4.Observation {
  const obs: fhir4.Observation = {
    resourceType: 'Observation',
    id: 'dd1',
    status: 'final',
    code: code ? { coding: [{ system: 'http://loinc.org', code }] } : { text: 'D-dimer' },
    effectiveDateTime: '2026-04-03T08:30:00+02:00',
    ...extra,
  };
  if (value) obs.valueQuantity = { system: 'http://unitsofmeasure.org', ...value };
  return obs;
}

function result(out: DdimerOutcome): DdimerResult {
  if (out.kind !== 'result') throw new Error(`expected a result, got exclusion: ${JSON.stringify(out.exclusion.reason)}`);
  return out.result;
}
function reason(out: DdimerOutcome): Reason {
  if (out.kind !== 'excluded') throw new Error('expected an exclusion');
  if (!isReason(out.exclusion.reason)) throw new Error(`expected a reason code, got text: ${out.exclusion.reason}`);
  return out.exclusion.reason;
}
const unit = (code: string) => ({ kind: 'unit' as const, code });

describe('D-dimer in every unit and code gives the right normalised value', () => {
  it.each<[string, fhir4.Observation, number, 'FEU' | 'DDU']>([
    ['0.62 mg/L FEU is 620 ng/mL FEU', dd('48065-7', { value: 0.62, unit: 'mg/L', code: 'mg/L' }), 620, 'FEU'],
    ['1.2 ug/mL{FEU} is 1200 ng/mL FEU', dd('7799-0', { value: 1.2, unit: 'ug/mL{FEU}', code: 'ug/mL{FEU}' }), 1200, 'FEU'],
    ['300 ng/mL under 48066-5 stays 300 ng/mL DDU', dd('48066-5', { value: 300, unit: 'ng/mL', code: 'ng/mL' }), 300, 'DDU'],
    ['450 ug/L FEU (48067-3) is 450 ng/mL FEU', dd('48067-3', { value: 450, unit: 'ug/L', code: 'ug/L' }), 450, 'FEU'],
    ['0.5 µg/mL (micro sign) under 71427-9 is 500 ng/mL FEU', dd('71427-9', { value: 0.5, unit: '\u00b5g/mL' }), 500, 'FEU'],
    ['0.5 μg/mL (Greek mu) under 48065-7 is 500 ng/mL FEU', dd('48065-7', { value: 0.5, unit: '\u03bcg/mL' }), 500, 'FEU'],
    ['0.4 mcg/mL under 48065-7 is 400 ng/mL FEU', dd('48065-7', { value: 0.4, unit: 'mcg/mL' }), 400, 'FEU'],
    ['250 ng/ml (lower-case) under 48058-2 is 250 ng/mL DDU', dd('48058-2', { value: 250, unit: 'ng/ml' }), 250, 'DDU'],
    ['0.3 mg/l under 91556-1 is 300 ng/mL DDU', dd('91556-1', { value: 0.3, unit: 'mg/l' }), 300, 'DDU'],
    ['"ng/mL FEU" unit text under 30240-6 is FEU from the unit text', dd('30240-6', { value: 700, unit: 'ng/mL FEU' }), 700, 'FEU'],
    ['"mg/L FEU" unit text under 3246-6 is FEU', dd('3246-6', { value: 0.9, unit: 'mg/L FEU' }), 900, 'FEU'],
    ['"ug FEU/mL" unit text under 7799-0 is FEU', dd('7799-0', { value: 0.45, unit: 'ug FEU/mL' }), 450, 'FEU'],
    ['"ng/mL DDU" unit text under 7799-0 is DDU', dd('7799-0', { value: 210, unit: 'ng/mL DDU' }), 210, 'DDU'],
    ['{DDU} annotation under 7799-0 is DDU', dd('7799-0', { value: 0.21, unit: 'ug/mL', code: 'ug/mL{DDU}' }), 210, 'DDU'],
  ])('%s', (_name, obs, ngPerMl, unitType) => {
    const r = result(normaliseDdimer(obs, units, ZONE));
    expect(r.ngPerMl).toEqual({ known: true, value: ngPerMl });
    expect(r.chart).toEqual({ known: true, value: ngPerMl });
    expect(r.unitType).toBe(unitType);
  });

  it('unit type from the LOINC code is labelled as such', () => {
    expect(result(normaliseDdimer(dd('48065-7', { value: 0.62, unit: 'mg/L', code: 'mg/L' }), units, ZONE)).unitTypeFrom).toBe('loinc');
    expect(result(normaliseDdimer(dd('7799-0', { value: 1.2, code: 'ug/mL{FEU}' }), units, ZONE)).unitTypeFrom).toBe('annotation');
    expect(result(normaliseDdimer(dd('7799-0', { value: 1.2, unit: 'ug/mL FEU' }), units, ZONE)).unitTypeFrom).toBe('unit-text');
  });

  it('a non-UCUM spelling is labelled', () => {
    const r = result(normaliseDdimer(dd('48065-7', { value: 0.4, unit: 'mcg/mL' }), units, ZONE));
    expect(r.unitNotes).toContainEqual({ code: 'lab.unit-non-ucum-spelling', params: { written: 'mcg/mL', unit: unit('ug/mL') } });
  });

  it('original value, unit, code, reference range, interpretation and source travel with the result', () => {
    const obs = dd('48065-7', { value: 0.62, unit: 'mg/L', code: 'mg/L' }, {
      referenceRange: [{ high: { value: 0.5, unit: 'mg/L' } }],
      interpretation: [{ coding: [{ code: 'H' }] }],
    });
    const r = result(normaliseDdimer(obs, units, ZONE));
    expect(r.original).toMatchObject({ value: 0.62, unit: 'mg/L', code: 'mg/L', text: '0.62 mg/L' });
    expect(r.referenceRange).toEqual(obs.referenceRange);
    expect(r.interpretation).toEqual(obs.interpretation);
    expect(r.source).toEqual({ resourceType: 'Observation', id: 'dd1', date: '2026-04-03T08:30:00+02:00', original: '0.62 mg/L', matchedBy: byCode('LOINC', '48065-7') });
    expect(r.time.start).toBe(Date.UTC(2026, 3, 3, 6, 30));
  });
});

describe('FEU/DDU is never guessed', () => {
  it('7799-0 in ug/mL without FEU/DDU: unit type unknown, excluded from normalised views', () => {
    const r = result(normaliseDdimer(dd('7799-0', { value: 0.45, unit: 'ug/mL', code: 'ug/mL' }), units, ZONE));
    expect(r.unitType).toBe('unknown');
    expect(r.unitTypeFrom).toBeUndefined();
    expect(r.ngPerMl).toEqual({ known: true, value: 450 });
    expect(r.chart).toEqual({ known: false, reason: UNIT_TYPE_NOT_STATED });
    expect(toDisplayUnit(r, 'ng/mL').known).toBe(false);
  });
  it('48065-7 (FEU) with a {DDU} annotation is excluded: FEU/DDU sources conflict', () => {
    expect(reason(normaliseDdimer(dd('48065-7', { value: 300, code: 'ng/mL{DDU}' }), units, ZONE))).toEqual({
      code: 'lab.feu-ddu-conflict',
      params: {
        statements: {
          kind: 'list',
          items: [
            { kind: 'reason', reason: { code: 'lab.unit-type-statement', params: { what: 'loinc', written: '48065-7', type: 'FEU' } } },
            { kind: 'reason', reason: { code: 'lab.unit-type-statement', params: { what: 'unit-code', written: 'ng/mL{DDU}', type: 'DDU' } } },
          ],
        },
      },
    });
  });
  it('unit text "ng/mL DDU" with a {FEU} code annotation is excluded as conflicting', () => {
    expect(reason(normaliseDdimer(dd('7799-0', { value: 300, unit: 'ng/mL DDU', code: 'ng/mL{FEU}' }), units, ZONE)).code).toBe('lab.feu-ddu-conflict');
  });
  it('a unit stating both FEU and DDU is excluded', () => {
    expect(reason(normaliseDdimer(dd('7799-0', { value: 300, unit: 'ng/mL FEU/DDU' }), units, ZONE))).toEqual({ code: 'lab.unit-both-feu-ddu', params: { written: 'ng/mL FEU/DDU' } });
  });
  it('a DDU value is never converted to FEU', () => {
    const r = result(normaliseDdimer(dd('48066-5', { value: 300, unit: 'ng/mL', code: 'ng/mL' }), units, ZONE));
    expect(toDisplayUnit(r, 'ng/mL')).toEqual({ known: false, reason: { code: 'lab.ddimer-ddu-not-converted' } });
  });
});

describe('the x1000 traps', () => {
  it.each<[string, fhir4.Observation, Reason]>([
    [
      'unit mcg/mL with code ug/L is excluded: unit text and UCUM code disagree',
      dd('30240-6', { value: 0.62, unit: 'mcg/mL', code: 'ug/L' }),
      { code: 'lab.unit-text-code-disagree', params: { text: 'mcg/mL', code: 'ug/L', from: unit('ug/mL'), to: unit('ug/L'), factor: 1000 } },
    ],
    ['unit mg/L with code ng/mL is excluded', dd('48065-7', { value: 0.62, unit: 'mg/L', code: 'ng/mL' }), { code: 'lab.unit-text-code-disagree', params: expect.objectContaining({ factor: 1000 }) }],
    ['unit seconds with code ng/mL is excluded', dd('48065-7', { value: 0.62, unit: 's', code: 'ng/mL' }), { code: 'lab.unit-text-code-disagree', params: expect.objectContaining({ factor: null }) }],
  ])('%s', (_n, obs, expected) => expect(reason(normaliseDdimer(obs, units, ZONE))).toEqual(expected));
  it('unit mg/L with code mg/L{FEU} agrees (annotations have no UCUM meaning)', () => {
    expect(result(normaliseDdimer(dd('7799-0', { value: 0.62, unit: 'mg/L', code: 'mg/L{FEU}' }), units, ZONE)).chart).toEqual({ known: true, value: 620 });
  });
});

describe('comparators, qualitative results and titres', () => {
  it('<0.27 mg/L keeps its comparator', () => {
    const r = result(normaliseDdimer(dd('48065-7', { value: 0.27, comparator: '<', unit: 'mg/L', code: 'mg/L' }), units, ZONE));
    expect(r.comparator).toBe('<');
    expect(r.comparatorFrom).toBe('quantity');
    expect(r.ngPerMl).toEqual({ known: true, value: 270 });
    expect(r.original.text).toBe('<0.27 mg/L');
  });
  it('valueString "<0.27 mg/L" is parsed, labelled and keeps its comparator', () => {
    const r = result(normaliseDdimer(dd('48065-7', undefined, { valueString: '<0.27 mg/L' }), units, ZONE));
    expect(r.comparator).toBe('<');
    expect(r.comparatorFrom).toBe('value-string');
    expect(r.ngPerMl).toEqual({ known: true, value: 270 });
    expect(r.unitNotes).toContainEqual({ code: 'lab.value-parsed-from-text', params: { text: '<0.27 mg/L' } });
  });
  it('valueString ">20 ug/mL" under 48065-7 keeps >', () => {
    const r = result(normaliseDdimer(dd('48065-7', undefined, { valueString: '>20 ug/mL' }), units, ZONE));
    expect([r.comparator, r.chart]).toEqual(['>', { known: true, value: 20000 }]);
  });
  it('qualitative "negative" under 15179-5 is kept but not plotted', () => {
    const r = result(normaliseDdimer(dd('15179-5', undefined, { valueString: 'negative' }), units, ZONE));
    expect(r.scale).toBe('qualitative');
    expect(r.qualitative).toBe('negative');
    expect(r.chart.known).toBe(false);
  });
  it('a coded qualitative value is kept but not plotted', () => {
    const r = result(normaliseDdimer(dd('15179-5', undefined, { valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '260385009', display: 'Negative' }] } }), units, ZONE));
    expect([r.qualitative, r.chart.known]).toEqual(['Negative', false]);
  });
  it('a titre (38898-3) is kept but not plotted', () => {
    const r = result(normaliseDdimer(dd('38898-3', undefined, { valueString: '1:4' }), units, ZONE));
    expect(r.scale).toBe('titre');
    expect(r.chart).toEqual({ known: false, reason: { code: 'lab.titre-not-plotted' } });
  });
  it('a series lists the chart exclusion with its reason', () => {
    const s = ddimerSeries([dd('15179-5', undefined, { valueString: 'negative' })], units, ZONE);
    expect(s.results).toHaveLength(1);
    expect(s.exclusions).toEqual([expect.objectContaining({ view: 'lab.ddimer-chart', reason: { code: 'lab.qualitative-not-plotted' } })]);
  });
});

describe('status, value and date', () => {
  it.each<[string, fhir4.Observation, Reason]>([
    ['entered-in-error not plotted', dd('48065-7', { value: 0.62, unit: 'mg/L' }, { status: 'entered-in-error' }), { code: 'lab.status-excluded', params: { status: 'entered-in-error' } }],
    ['cancelled not plotted', dd('48065-7', { value: 0.62, unit: 'mg/L' }, { status: 'cancelled' }), { code: 'lab.status-excluded', params: { status: 'cancelled' } }],
    ['no value (dataAbsentReason) excluded', dd('48065-7', undefined, { dataAbsentReason: { text: 'Sample haemolysed' } }), { code: 'lab.no-value-data-absent', params: { why: 'Sample haemolysed' } }],
    ['no value at all excluded', dd('48065-7', undefined), { code: 'lab.no-value' }],
    ['no date excluded', dd('48065-7', { value: 0.62, unit: 'mg/L' }, { effectiveDateTime: undefined }), { code: 'lab.no-date' }],
    ['unreadable date excluded as no date', dd('48065-7', { value: 0.62, unit: 'mg/L' }, { effectiveDateTime: '03/04/2026' }), { code: 'lab.no-date' }],
    ['negative value is absurd', dd('48065-7', { value: -1, unit: 'mg/L' }), { code: 'lab.value-negative', params: { value: -1 } }],
    ['20 000 mg/L is absurd (2e7 ng/mL)', dd('48065-7', { value: 20000, unit: 'mg/L' }), { code: 'lab.ddimer-absurd-value', params: { original: '20000 mg/L', max: 1e7 } }],
    ['no unit cannot be interpreted', dd('48065-7', { value: 0.62 }), { code: 'lab.unit-missing' }],
    ['an unknown unit is excluded', dd('48065-7', { value: 0.62, unit: 'blobs' }), { code: 'lab.unit-not-interpretable', params: { units: { kind: 'list', items: ['blobs'] } } }],
  ])('%s', (_n, obs, expected) => expect(reason(normaliseDdimer(obs, units, ZONE))).toEqual(expected));

  it.each([['preliminary'], ['amended'], ['corrected']] as const)('%s result is kept and marked', (status) => {
    expect(result(normaliseDdimer(dd('48065-7', { value: 0.62, unit: 'mg/L' }, { status }), units, ZONE)).status).toBe(status);
  });
  it('effectivePeriod.start is used as the time', () => {
    const r = result(normaliseDdimer(dd('48065-7', { value: 0.62, unit: 'mg/L' }, { effectiveDateTime: undefined, effectivePeriod: { start: '2026-04-01' } }), units, ZONE));
    expect(r.time.original).toBe('2026-04-01');
  });
});

describe('recognition', () => {
  it.each(['48065-7', '48066-5', '48067-3', '48058-2', '71427-9', '91556-1', '7799-0', '30240-6', '3246-6', '38898-3', '15179-5'])('LOINC %s is recognised as D-dimer', (code) => {
    const out = normaliseDdimer(dd(code, { value: 0.5, unit: 'mg/L' }), units, ZONE);
    const source = out.kind === 'result' ? out.result.source : out.exclusion.source;
    expect(source.matchedBy).toEqual(byCode('LOINC', code));
  });
  it.each(['D-dimer', 'D dimer', 'DDimer', 'd-dimer quant'])('text "%s" without LOINC is a labelled text match', (text) => {
    const r = result(normaliseDdimer(dd(undefined, { value: 0.62, unit: 'mg/L FEU' }, { code: { text } }), units, ZONE));
    expect(r.recognisedBy).toBe('text');
    expect(r.matched.by).toBe('text');
  });
  it('text "D-dimer" is not used when a (non-D-dimer) LOINC coding is present', () => {
    const obs = dd(undefined, { value: 0.62, unit: 'mg/L' }, { code: { text: 'D-dimer', coding: [{ system: 'http://loinc.org', code: '3255-7' }] } });
    expect(reason(normaliseDdimer(obs, units, ZONE))).toEqual({ code: 'lab.not-ddimer' });
    expect(ddimerSeries([obs], units, ZONE)).toEqual({ results: [], exclusions: [] });
  });
  it('deprecated 7799-0 carries its note', () => {
    expect(result(normaliseDdimer(dd('7799-0', { value: 0.5, unit: 'mg/L' }), units, ZONE)).codeNotes).toEqual([{ code: 'lab.code-deprecated-some-feu', params: { loinc: '7799-0' } }]);
  });
  it('7799-0 in [arb\'U]/mL is kept but has no ng/mL value', () => {
    const r = result(normaliseDdimer(dd('7799-0', { value: 3, unit: "[arb'U]/mL", code: "[arb'U]/mL" }), units, ZONE));
    expect(r.ngPerMl.known).toBe(false);
    expect(r.chart.known).toBe(false);
  });
});

describe('series and display unit', () => {
  it('sorts by time and collects exclusions', () => {
    const later = dd('48065-7', { value: 0.9, unit: 'mg/L' }, { id: 'b', effectiveDateTime: '2026-05-01' });
    const earlier = dd('48065-7', { value: 0.5, unit: 'mg/L' }, { id: 'a', effectiveDateTime: '2026-04-01' });
    const bad = dd('48065-7', { value: 0.5, unit: 'mg/L' }, { id: 'c', status: 'entered-in-error' });
    const s = ddimerSeries([later, bad, earlier], units, ZONE);
    expect(s.results.map((r) => r.source.id)).toEqual(['a', 'b']);
    expect(s.exclusions).toEqual([expect.objectContaining({ view: 'lab.ddimer-results', reason: { code: 'lab.status-excluded', params: { status: 'entered-in-error' } } })]);
  });
  it.each([['ng/mL', 620], ['mg/L', 0.62], ['ug/mL', 0.62]] as const)('620 ng/mL FEU shown in %s is %s', (unit, v) => {
    const r = result(normaliseDdimer(dd('48065-7', { value: 0.62, unit: 'mg/L' }), units, ZONE));
    expect(toDisplayUnit(r, unit)).toEqual({ known: true, value: v });
  });
});

describe('malformed reference ranges and interpretations never reach the output', () => {
  it('a NaN coding in interpretation and a string range limit are dropped, the good parts kept', async () => {
    const units = await loadUnitConverter();
    const obs = {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '48065-7' }] },
      effectiveDateTime: '2026-04-03T08:30:00+01:00',
      valueQuantity: { value: 0.62, unit: 'mg/L', system: 'http://unitsofmeasure.org', code: 'mg/L' },
      interpretation: [{ coding: Number.NaN }, { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'H' }] }],
      referenceRange: [{ high: { value: 'x', unit: 'mg/L' } }, { high: { value: 0.5, unit: 'mg/L' } }, 7],
    } as unknown as fhir4.Observation;
    const out = normaliseDdimer(obs, units, 'Europe/London');
    expect(out.kind).toBe('result');
    if (out.kind !== 'result') return;
    expect(out.result.interpretation).toEqual([{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'H' }] }]);
    expect(out.result.referenceRange).toEqual([{ high: { unit: 'mg/L' } }, { high: { value: 0.5, unit: 'mg/L' } }]);
  });
});
