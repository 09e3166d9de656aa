import { beforeAll, describe, expect, it } from 'vitest';
import { labSeries } from './coagulation';
import { loadUnitConverter, type UnitConverter } from './ucum';
import type { LabAnalyte } from '../codes';
import type { Reason } from '../reasons';
import { byCode } from '../matchedBy';

const unit = (code: string) => ({ kind: 'unit' as const, code });
const convertedFrom = (code: string): Reason => ({ code: 'lab.converted-from', params: { unit: unit(code) } });
const spelling = (written: string, code: string): Reason => ({ code: 'lab.unit-non-ucum-spelling', params: { written, unit: unit(code) } });
const ANTI_XA_EQUAL: Reason = {
  code: 'lab.anti-xa-units-equal',
  params: { units: { kind: 'list', items: ["[arb'U]/mL", '[iU]/mL', '[IU]/mL', 'U/mL', "{anti-Xa'U}/mL", "{arb'U}/mL"].map(unit) } },
};

let units: UnitConverter;
beforeAll(async () => {
  units = await loadUnitConverter();
});
const ZONE = 'Europe/London';

function lab(code: string, q: Partial<fhir4.Quantity> | undefined, extra: Partial<fhir4.Observation> = {}): fhir4.Observation {
  const obs: fhir4.Observation = {
    resourceType: 'Observation',
    id: `o-${code}`,
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code }] },
    effectiveDateTime: '2026-04-03T08:30:00Z',
    ...extra,
  };
  if (q) obs.valueQuantity = q;
  return obs;
}
const ucum = (value: number, code: string, unit = code): Partial<fhir4.Quantity> => ({ value, unit, code, system: 'http://unitsofmeasure.org' });

describe('conversions into the analyte display unit', () => {
  it.each<[string, fhir4.Observation, LabAnalyte, number, Reason[] | undefined]>([
    ['fibrinogen 350 mg/dL is 3.5 g/L', lab('3255-7', ucum(350, 'mg/dL')), 'fibrinogen', 3.5, [convertedFrom('mg/dL')]],
    ['fibrinogen 3.5 g/L stays 3.5 g/L', lab('3255-7', ucum(3.5, 'g/L')), 'fibrinogen', 3.5, undefined],
    ['platelets 250 10*3/uL are 250 10*9/L', lab('777-3', ucum(250, '10*3/uL')), 'platelets', 250, [convertedFrom('10*3/uL')]],
    ['platelets 180 x10^9/L (non-UCUM spelling) are 180 10*9/L', lab('26515-7', { value: 180, unit: 'x10^9/L' }), 'platelets', 180, [spelling('x10^9/L', '10*9/L')]],
    ['haemoglobin 121 g/L is 12.1 g/dL', lab('718-7', ucum(121, 'g/L')), 'haemoglobin', 12.1, [convertedFrom('g/L')]],
    ['creatinine 0.8 mg/dL is 70.72 umol/L', lab('2160-0', ucum(0.8, 'mg/dL')), 'creatinine', 70.72, [{ code: 'lab.creatinine-from-mass', params: { unit: unit('mg/dL'), factor: 88.4 } }]],
    ['creatinine 62 umol/L stays 62 umol/L', lab('14682-9', ucum(62, 'umol/L')), 'creatinine', 62, undefined],
    ['PT 12.5 s', lab('5902-2', ucum(12.5, 's')), 'pt', 12.5, undefined],
    ['aPTT 32 sec (spelling)', lab('14979-9', { value: 32, unit: 'sec' }), 'aptt', 32, [spelling('sec', 's')]],
    ['INR 1.1 {INR}', lab('6301-6', ucum(1.1, '{INR}')), 'inr', 1.1, undefined],
    ['INR 1.0 without a unit (a ratio)', lab('6301-6', { value: 1.0 }), 'inr', 1, [{ code: 'lab.inr-no-unit' }]],
    ['antithrombin 95 %', lab('27811-9', ucum(95, '%')), 'antithrombin', 95, undefined],
    ["anti-Xa 0.6 [arb'U]/mL (LMWH-calibrated) is 0.6, units treated as equal", lab('32684-3', ucum(0.6, "[arb'U]/mL")), 'antiXaLmwh', 0.6, [ANTI_XA_EQUAL]],
    ['anti-Xa 0.8 IU/mL under 3274-8 is 0.8 in the generic series', lab('3274-8', { value: 0.8, unit: 'IU/mL' }), 'antiXaGeneric', 0.8, [spelling('IU/mL', '[iU]/mL')]],
    ['anti-Xa 0.5 U/mL under 32684-3', lab('32684-3', ucum(0.5, 'U/mL')), 'antiXaLmwh', 0.5, [ANTI_XA_EQUAL]],
    ['CrCl 85 mL/min', lab('2164-2', ucum(85, 'mL/min')), 'creatinineClearance', 85, undefined],
    ['eGFR 95 mL/min/1.73m2 (spelling)', lab('98979-8', { value: 95, unit: 'mL/min/1.73m2' }), 'egfr', 95, [spelling('mL/min/1.73m2', 'mL/min/{1.73_m2}')]],
  ])('%s', (_n, obs, analyte, value, conversion) => {
    const s = labSeries([obs], units, ZONE)[analyte];
    expect(s.exclusions).toEqual([]);
    expect(s.points).toHaveLength(1);
    expect(s.points[0]!.value).toBe(value);
    expect(s.points[0]!.conversion).toEqual(conversion);
    expect(s.latest).toBe(s.points[0]);
  });
});

describe('labels kept apart', () => {
  it('LMWH-calibrated and calibration-not-stated anti-Xa are separate series, each labelled', () => {
    const s = labSeries([lab('32684-3', ucum(0.6, "[arb'U]/mL")), lab('3274-8', ucum(0.7, "[arb'U]/mL"))], units, ZONE);
    expect(s.antiXaLmwh.points.map((p) => p.value)).toEqual([0.6]);
    expect(s.antiXaGeneric.points.map((p) => p.value)).toEqual([0.7]);
    expect(s.antiXaGeneric.note).toEqual({ code: 'lab.note-anti-xa-generic' });
    expect(s.antiXaLmwh.note).toEqual({ code: 'lab.note-anti-xa-lmwh', params: { loinc: '32684-3' } });
  });
  it('eGFR is labelled as not validated in pregnancy; CrCl is the label measure', () => {
    const s = labSeries([lab('98979-8', ucum(95, 'mL/min/{1.73_m2}')), lab('2164-2', ucum(85, 'mL/min'))], units, ZONE);
    expect(s.egfr.points[0]!.notes).toEqual([{ code: 'lab.note-egfr' }]);
    expect(s.creatinineClearance.note).toEqual({ code: 'lab.note-creatinine-clearance' });
  });
});

describe('excluded with a reason', () => {
  it.each<[string, fhir4.Observation, LabAnalyte, Reason]>([
    ['haemoglobin in mmol/L (convention-dependent)', lab('718-7', ucum(7.5, 'mmol/L')), 'haemoglobin', { code: 'lab.haemoglobin-molar-not-converted', params: { unit: unit('mmol/L') } }],
    ['eGFR in plain mL/min is not per 1.73 m2', lab('98979-8', ucum(95, 'mL/min')), 'egfr', { code: 'lab.egfr-unit-not-per-bsa', params: { unit: unit('mL/min') } }],
    ['CrCl per 1.73 m2 is not the label CrCl', lab('2164-2', ucum(85, 'mL/min/{1.73_m2}')), 'creatinineClearance', { code: 'lab.clearance-per-bsa' }],
    ['antithrombin antigen in mg/dL is not activity in %', lab('1868-9', ucum(25, 'mg/dL')), 'antithrombin', { code: 'lab.antithrombin-antigen-not-activity', params: { loinc: '1868-9' } }],
    ['fibrinogen in seconds cannot be converted', lab('3255-7', ucum(3, 's')), 'fibrinogen', { code: 'lab.unit-not-convertible', params: { from: unit('s'), to: unit('g/L') } }],
    ['platelets without a unit', lab('777-3', { value: 250 }), 'platelets', { code: 'lab.unit-missing' }],
    ['anti-Xa in mg/L is not an anti-Xa unit', lab('32684-3', ucum(0.6, 'mg/L')), 'antiXaLmwh', { code: 'lab.unit-not-allowed', params: expect.objectContaining({ written: 'mg/L' }) }],
    [
      'fibrinogen with unit g/L and code mg/dL disagree',
      lab('3255-7', { value: 3, unit: 'g/L', code: 'mg/dL', system: 'http://unitsofmeasure.org' }),
      'fibrinogen',
      { code: 'lab.unit-text-code-disagree', params: { text: 'g/L', code: 'mg/dL', from: unit('g/L'), to: unit('mg/dL'), factor: 100 } },
    ],
    ['entered-in-error PT', lab('5902-2', ucum(12, 's'), { status: 'entered-in-error' }), 'pt', { code: 'lab.status-excluded', params: { status: 'entered-in-error' } }],
    ['PT without a date', lab('5902-2', ucum(12, 's'), { effectiveDateTime: undefined }), 'pt', { code: 'lab.no-date' }],
    ['PT with a text value', lab('5902-2', undefined, { valueString: 'clotted sample' }), 'pt', { code: 'lab.not-numeric', params: { text: 'clotted sample' } }],
    ['negative platelet count', lab('777-3', ucum(-5, '10*9/L')), 'platelets', { code: 'lab.absurd-value', params: { original: '-5 10*9/L' } }],
  ])('%s', (_n, obs, analyte, expected) => {
    const s = labSeries([obs], units, ZONE)[analyte];
    expect(s.points).toEqual([]);
    expect(s.latest).toBeUndefined();
    expect(s.exclusions).toHaveLength(1);
    expect(s.exclusions[0]!.view).toBe(`lab.results.${analyte}`);
    expect(s.exclusions[0]!.reason).toEqual(expected);
  });
});

describe('series', () => {
  it('points are sorted by time; latest is the newest; comparator, status, ranges and source travel', () => {
    const a = lab('777-3', ucum(250, '10*9/L'), { id: 'a', effectiveDateTime: '2026-04-01' });
    const b = lab('777-3', { ...ucum(100, '10*9/L'), comparator: '<' }, {
      id: 'b',
      effectiveDateTime: '2026-04-05',
      status: 'preliminary',
      referenceRange: [{ low: { value: 150 } }],
      interpretation: [{ coding: [{ code: 'L' }] }],
    });
    const s = labSeries([b, a], units, ZONE).platelets;
    expect(s.points.map((p) => p.source.id)).toEqual(['a', 'b']);
    expect(s.latest?.source).toEqual({ resourceType: 'Observation', id: 'b', date: '2026-04-05', original: '<100 10*9/L', matchedBy: byCode('LOINC', '777-3') });
    expect(s.latest).toMatchObject({ comparator: '<', status: 'preliminary', referenceRange: [{ low: { value: 150 } }] });
  });
  it('every analyte has a series even when nothing was found', () => {
    const s = labSeries([], units, ZONE);
    expect(Object.keys(s)).toHaveLength(13);
    expect(s.fibrinogen).toMatchObject({ displayUnit: 'g/L', points: [], exclusions: [] });
  });
  it('observations of other analytes are ignored, not excluded', () => {
    const s = labSeries([lab('48065-7', ucum(0.5, 'mg/L'))], units, ZONE);
    expect(Object.values(s).flatMap((x) => [...x.points, ...x.exclusions])).toEqual([]);
  });
});

describe('results with a value but no effective[x]: issued (the report time) as a labelled fallback', () => {
  const issuedOnly = (code: string, q: Partial<fhir4.Quantity>, extra: Partial<fhir4.Observation> = {}): fhir4.Observation =>
    lab(code, q, { effectiveDateTime: undefined, issued: '2026-11-01T09:00:00.000+00:00', ...extra });

  it('an amended INR 3.5 {INR} with only issued is kept, marked amended, timed at issued and labelled as report time', () => {
    const s = labSeries([issuedOnly('34714-6', { value: 3.5, unit: '{INR}' }, { status: 'amended' })], units, ZONE).inr;
    expect(s.exclusions).toEqual([]);
    expect(s.points).toHaveLength(1);
    const p = s.points[0]!;
    expect(p).toMatchObject({ value: 3.5, status: 'amended', loinc: '34714-6', notes: [{ code: 'lab.time-from-issued' }] });
    expect(new Date(p.time.start).toISOString()).toBe('2026-11-01T09:00:00.000Z');
    expect(p.time.original).toBe('2026-11-01T09:00:00.000+00:00');
    expect(p.source).toMatchObject({ date: '2026-11-01T09:00:00.000+00:00', dateFrom: 'issued' });
    expect(s.latest).toBe(p);
  });

  it('the analyte note and the report-time label are both kept (eGFR with only issued)', () => {
    const p = labSeries([issuedOnly('98979-8', { value: 95, unit: 'mL/min/{1.73_m2}', code: 'mL/min/{1.73_m2}', system: 'http://unitsofmeasure.org' })], units, ZONE).egfr.points[0]!;
    expect(p.notes).toEqual([{ code: 'lab.note-egfr' }, { code: 'lab.time-from-issued' }]);
  });

  it('a result with an effective time keeps it and is not labelled, even when issued is also given', () => {
    const p = labSeries([lab('34714-6', { value: 2.1, unit: '{INR}' }, { issued: '2026-04-04T10:00:00Z' })], units, ZONE).inr.points[0]!;
    expect(new Date(p.time.start).toISOString()).toBe('2026-04-03T08:30:00.000Z');
    expect(p.notes).toBeUndefined();
    expect(p.source.date).toBe('2026-04-03T08:30:00Z');
  });

  it('an effective time that is present but unreadable is not replaced by issued: excluded with "no date"', () => {
    const s = labSeries([lab('34714-6', { value: 2.1, unit: '{INR}' }, { effectiveDateTime: 'yesterday', issued: '2026-04-04T10:00:00Z' })], units, ZONE).inr;
    expect(s.points).toEqual([]);
    expect(s.exclusions.map((x) => x.reason)).toEqual([{ code: 'lab.no-date' }]);
  });

  it('neither effective[x] nor issued: excluded with "no date"', () => {
    const s = labSeries([lab('34714-6', { value: 2.1, unit: '{INR}' }, { effectiveDateTime: undefined })], units, ZONE).inr;
    expect(s.exclusions.map((x) => x.reason)).toEqual([{ code: 'lab.no-date' }]);
  });

  it.each([
    ['32684-3', 'antiXaLmwh'],
    ['3274-8', 'antiXaGeneric'],
  ] as const)('anti-Xa %s with only issued is excluded: the report time cannot time the level against the dose', (code, analyte) => {
    const s = labSeries([issuedOnly(code, ucum(0.6, "[arb'U]/mL"))], units, ZONE)[analyte];
    expect(s.points).toEqual([]);
    expect(s.exclusions).toHaveLength(1);
    expect(s.exclusions[0]!.reason).toEqual({ code: 'lab.anti-xa-issued-only' });
    expect(s.exclusions[0]!.source).toMatchObject({ date: '2026-11-01T09:00:00.000+00:00', dateFrom: 'issued' });
  });
});
