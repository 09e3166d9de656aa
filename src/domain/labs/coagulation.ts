/**
 * Coagulation panel and LMWH safety labs (LAB_ANALYTES): each value in its analyte's display unit, with the
 * conversion labelled, the original kept, and anything not interpretable excluded with the reason.
 */
import { LAB_ANALYTES, type LabAnalyte } from '../codes';

import { effectiveText, isRecord, ISSUED_TIME_LABEL, loincCodes, rangesAndInterpretation, readResultTime, readStatus, readValue, sourceOf, type ReadNumber } from './observation';
import { parseUnit, roundSignificant, type UnitConverter } from './ucum';
import type { AnalyteSeries, LabPoint, LabSeries } from './labTypes';

/** Values above this (in any unit) are treated as data errors. */
const MAX_VALUE = 1e7;

type Rule =
  /** Convert with UCUM to the display unit; `guard` rejects units that convert but mean something else. */
  | { kind: 'ucum'; guard?: (ucum: string) => string | undefined }
  /** A fixed set of units treated as numerically equal (labelled). */
  | { kind: 'equal'; units: string[]; label: string; unitless?: string }
  | { kind: 'creatinine' };

interface AnalyteSpec {
  displayUnit: string;
  rule: Rule;
  note?: string;
  /** Per-code overrides (e.g. antithrombin antigen in mg/dL is not the activity in %). */
  excludeCodes?: Record<string, string>;
}

const ANTI_XA_UNITS = ["[arb'U]/mL", '[iU]/mL', '[IU]/mL', 'U/mL', "{anti-Xa'U}/mL", "{arb'U}/mL"];
const ANTI_XA_LABEL = "anti-Xa units ([arb'U]/mL, [iU]/mL, U/mL, IU/mL) treated as numerically equal";

/** Display unit, conversion rule and label for every analyte. */
export const ANALYTE_SPECS: Record<LabAnalyte, AnalyteSpec> = {
  pt: { displayUnit: 's', rule: { kind: 'ucum' } },
  inr: { displayUnit: '{INR}', rule: { kind: 'equal', units: ['{INR}', '{ratio}', '1'], label: 'ratio units treated as INR', unitless: 'no unit: INR is a ratio' } },
  aptt: { displayUnit: 's', rule: { kind: 'ucum' } },
  fibrinogen: { displayUnit: 'g/L', rule: { kind: 'ucum' } },
  platelets: { displayUnit: '10*9/L', rule: { kind: 'ucum' } },
  thrombinTime: { displayUnit: 's', rule: { kind: 'ucum' } },
  antithrombin: {
    displayUnit: '%',
    rule: { kind: 'ucum' },
    excludeCodes: { '1868-9': 'antithrombin antigen mass (1868-9) is not comparable with activity in %' },
  },
  antiXaLmwh: { displayUnit: '[iU]/mL', rule: { kind: 'equal', units: ANTI_XA_UNITS, label: ANTI_XA_LABEL }, note: 'LMWH-calibrated anti-Xa (LOINC 32684-3)' },
  antiXaGeneric: {
    displayUnit: '[iU]/mL',
    rule: { kind: 'equal', units: ANTI_XA_UNITS, label: ANTI_XA_LABEL },
    note: 'heparin anti-Xa, calibration (LMWH or unfractionated) not stated by the code: take the heparin type from the medication',
  },
  haemoglobin: {
    displayUnit: 'g/dL',
    rule: {
      kind: 'ucum',
      guard: (u) => (/mol/.test(u) ? 'haemoglobin in mmol/L: the conversion depends on a convention (Fe-based x0.6206), not applied' : undefined),
    },
  },
  creatinine: { displayUnit: 'umol/L', rule: { kind: 'creatinine' } },
  creatinineClearance: {
    displayUnit: 'mL/min',
    rule: { kind: 'ucum', guard: (u) => (/1\.73/.test(u) ? 'clearance per 1.73 m2 is not the absolute CrCl the enoxaparin label uses' : undefined) },
    note: 'creatinine clearance (mL/min): the measure the enoxaparin label threshold (CrCl < 30 mL/min) uses',
  },
  egfr: {
    displayUnit: 'mL/min/{1.73_m2}',
    rule: { kind: 'ucum', guard: (u) => (/1\.73/.test(u) ? undefined : `eGFR unit '${u}' is not per 1.73 m2`) },
    note: 'eGFR (per 1.73 m2) is not validated in pregnancy and is not the CrCl the enoxaparin label uses',
  },
};

const CREATININE_UMOL_PER_MG_DL = 88.4;

const CODE_TO_ANALYTE: Record<string, LabAnalyte> = Object.fromEntries(
  (Object.keys(LAB_ANALYTES) as LabAnalyte[]).flatMap((a) => LAB_ANALYTES[a].codes.map((c) => [c, a] as const)),
);

type Conversion = { value: number; conversion?: string } | { reason: string };

function unitCandidates(n: ReadNumber, units: UnitConverter): { ucum?: string; note?: string; reason?: string } {
  const code = n.unitCode !== undefined ? parseUnit(n.unitCode) : undefined;
  const text = n.unitText !== undefined ? parseUnit(n.unitText) : undefined;
  const codeUcum = code?.known && units.isValid(code.value.ucum) ? code.value.ucum : undefined;
  const textUcum = text?.known && units.isValid(text.value.ucum) ? text.value.ucum : undefined;
  if (codeUcum && textUcum) {
    const f = units.convert(1, textUcum, codeUcum);
    if (f.known && Math.abs(f.value - 1) > 1e-9) return { reason: `unit text '${n.unitText}' and UCUM code '${n.unitCode}' disagree (1 ${textUcum} = ${f.value} ${codeUcum})` };
  }
  const used = codeUcum !== undefined ? code : textUcum !== undefined ? text : code?.known ? code : text;
  const out: { ucum?: string; note?: string } = {};
  if (used?.known) {
    out.ucum = used.value.ucum;
    if (used.value.nonUcumSpelling !== undefined) out.note = used.value.nonUcumSpelling;
  }
  return out;
}

function convert(spec: AnalyteSpec, n: ReadNumber, units: UnitConverter): Conversion {
  const u = unitCandidates(n, units);
  if (u.reason) return { reason: u.reason };
  const shown = n.unitText ?? n.unitCode;
  const withNote = (c: string | undefined): string | undefined => [u.note, c].filter(Boolean).join('; ') || undefined;
  const rule = spec.rule;
  if (rule.kind === 'equal') {
    if (u.ucum === undefined) return rule.unitless && shown === undefined ? { value: n.value, conversion: rule.unitless } : { reason: shown ? `unit '${shown}' is not interpretable` : 'no unit: the value cannot be interpreted' };
    const hit = rule.units.find((x) => x.toLowerCase() === u.ucum!.toLowerCase());
    if (!hit) return { reason: `unit '${shown}' is not one of ${rule.units.join(', ')}` };
    return { value: n.value, conversion: withNote(hit === spec.displayUnit ? undefined : rule.label) };
  }
  if (u.ucum === undefined || !units.isValid(u.ucum)) return { reason: shown ? `unit '${shown}' is not interpretable` : 'no unit: the value cannot be interpreted' };
  if (rule.kind === 'ucum') {
    const bad = rule.guard?.(u.ucum);
    if (bad) return { reason: bad };
    const c = units.convert(n.value, u.ucum, spec.displayUnit);
    if (!c.known) return { reason: `unit '${shown}' cannot be converted to ${spec.displayUnit}` };
    return { value: c.value, conversion: withNote(u.ucum === spec.displayUnit ? undefined : `converted from ${u.ucum}`) };
  }
  // creatinine: molar units by UCUM; mass units via mg/dL x 88.4
  const molar = units.convert(n.value, u.ucum, 'umol/L');
  if (molar.known) return { value: molar.value, conversion: withNote(u.ucum === 'umol/L' ? undefined : `converted from ${u.ucum}`) };
  const mass = units.convert(n.value, u.ucum, 'mg/dL');
  if (mass.known) return { value: roundSignificant(mass.value * CREATININE_UMOL_PER_MG_DL), conversion: withNote(`converted from ${u.ucum} (1 mg/dL = 88.4 umol/L)`) };
  return { reason: `unit '${shown}' cannot be converted to umol/L` };
}

function emptySeries(): LabSeries {
  const out = {} as LabSeries;
  for (const a of Object.keys(LAB_ANALYTES) as LabAnalyte[]) {
    const spec = ANALYTE_SPECS[a];
    const s: AnalyteSeries = { analyte: a, label: LAB_ANALYTES[a].label, displayUnit: spec.displayUnit, points: [], exclusions: [] };
    if (spec.note) s.note = spec.note;
    out[a] = s;
  }
  return out;
}

/** An Observation read as a point of its analyte, or the reason it is left out. */
type PointOutcome = { point: LabPoint } | { reason: string };

/** The value's checks and conversion: a number in the display unit, or the reason it is not one. */
function valueOf(raw: Record<string, unknown>, first: string, spec: AnalyteSpec, units: UnitConverter): { n: ReadNumber; c: { value: number; conversion?: string } } | { reason: string } {
  const value = readValue(raw);
  if (value.kind === 'none') return { reason: value.reason };
  if (value.kind !== 'number') return { reason: `not a numeric result ('${value.text.slice(0, 40)}')` };
  const codeExclusion = spec.excludeCodes?.[first];
  if (codeExclusion) return { reason: codeExclusion };
  const n = value.n;
  if (n.value < 0 || Math.abs(n.value) > MAX_VALUE) return { reason: `absurd value ${n.original.text}` };
  const c = convert(spec, n, units);
  if ('reason' in c) return { reason: c.reason };
  if (!Number.isFinite(c.value) || c.value > MAX_VALUE) return { reason: `absurd value ${n.original.text}` };
  return { n, c };
}

/** Reads one Observation of a known analyte (codes, status, time, value) into a point in the display unit. */
function readPoint(raw: Record<string, unknown>, codes: string[], units: UnitConverter, zone: string): PointOutcome {
  const first = codes[0]!;
  const analyte = CODE_TO_ANALYTE[first]!;
  const spec = ANALYTE_SPECS[analyte];
  if (new Set(codes.map((c) => CODE_TO_ANALYTE[c])).size > 1) return { reason: `codes for different analytes (${codes.join(', ')})` };
  const status = readStatus(raw);
  if ('excluded' in status) return { reason: status.excluded };
  const when = readResultTime(raw, zone);
  if (!when) return { reason: 'no date' };
  // An anti-Xa level is read against the time since the dose: the report time would make that interval wrong.
  if (when.from === 'issued' && (analyte === 'antiXaLmwh' || analyte === 'antiXaGeneric')) {
    return { reason: 'no specimen time (effective[x]): only issued (report time), which cannot time an anti-Xa level against the dose' };
  }
  const v = valueOf(raw, first, spec, units);
  if ('reason' in v) return v;
  const { n, c } = v;
  const matched = `LOINC ${first}`;
  const point: LabPoint = {
    analyte,
    loinc: first,
    matched,
    value: c.value,
    displayUnit: spec.displayUnit,
    original: n.original,
    time: when.time,
    status: status.mark,
    ...rangesAndInterpretation(raw),
    source: sourceOf(raw, effectiveText(raw), n.original.text, matched),
  };
  if (n.comparator) point.comparator = n.comparator;
  const conv = [c.conversion, n.comparatorFrom === 'value-string' ? `value parsed from text '${n.original.text}'` : undefined].filter(Boolean).join('; ');
  if (conv) point.conversion = conv;
  const note = [spec.note, when.from === 'issued' ? ISSUED_TIME_LABEL : undefined].filter(Boolean).join('; ');
  if (note) point.note = note;
  return { point };
}

/** The value as written, for the exclusion's source. */
function originalTextOf(raw: Record<string, unknown>): string | undefined {
  const value = readValue(raw);
  return value.kind === 'number' ? value.n.original.text : value.kind === 'none' ? undefined : value.original.text;
}

/** One series per analyte: points in the display unit sorted by time, the latest point, and exclusions. */
export function labSeries(observations: readonly fhir4.Observation[], units: UnitConverter, zone: string): LabSeries {
  const out = emptySeries();
  for (const raw of Array.isArray(observations) ? observations : []) {
    if (!isRecord(raw) || raw.resourceType !== 'Observation') continue;
    const codes = loincCodes(raw).filter((c) => c in CODE_TO_ANALYTE);
    if (codes[0] === undefined) continue;
    const series = out[CODE_TO_ANALYTE[codes[0]]!];
    const read = readPoint(raw, codes, units, zone);
    if ('point' in read) series.points.push(read.point);
    else series.exclusions.push({ source: sourceOf(raw, effectiveText(raw), originalTextOf(raw), `LOINC ${codes[0]}`), view: `${series.label} results`, reason: read.reason });
  }
  for (const s of Object.values(out)) {
    s.points.sort((a, b) => a.time.start - b.time.start || (a.source.id ?? '').localeCompare(b.source.id ?? ''));
    const last = s.points.at(-1);
    if (last) s.latest = last;
  }
  return out;
}
