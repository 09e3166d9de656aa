/**
 * Coagulation panel and LMWH safety labs (LAB_ANALYTES): each value in its analyte's display unit, with the
 * conversion labelled, the original kept, and anything not interpretable excluded with the reason.
 */
import { LAB_ANALYTES, type LabAnalyte } from '../codes';

import { listParam, unitParam, type Reason } from '../reasons';
import { ANALYTE_VIEWS, labReason, unitNotInterpretable } from './labReasons';
import { effectiveText, isRecord, ISSUED_TIME_REASON, loincCodes, rangesAndInterpretation, readResultTime, readStatus, readValue, sourceOf, type ReadNumber } from './observation';
import { parseUnit, roundSignificant, type UnitConverter } from './ucum';
import type { AnalyteSeries, LabPoint, LabSeries } from './labTypes';
import { byCode } from '../matchedBy';

/** Values above this (in any unit) are treated as data errors. */
const MAX_VALUE = 1e7;

type Rule =
  /** Convert with UCUM to the display unit; `guard` rejects units that convert but mean something else. */
  | { kind: 'ucum'; guard?: (ucum: string) => Reason | undefined }
  /** A fixed set of units treated as numerically equal (labelled). */
  | { kind: 'equal'; units: string[]; label: Reason; unitless?: Reason }
  | { kind: 'creatinine' };

interface AnalyteSpec {
  displayUnit: string;
  rule: Rule;
  note?: Reason;
  /** Per-code overrides (e.g. antithrombin antigen in mg/dL is not the activity in %). */
  excludeCodes?: Record<string, Reason>;
}

const ANTI_XA_UNITS = ["[arb'U]/mL", '[iU]/mL', '[IU]/mL', 'U/mL', "{anti-Xa'U}/mL", "{arb'U}/mL"];
const ANTI_XA_LABEL = labReason('lab.anti-xa-units-equal', { units: listParam(ANTI_XA_UNITS.map(unitParam)) });

/** Display unit, conversion rule and label for every analyte. */
export const ANALYTE_SPECS: Record<LabAnalyte, AnalyteSpec> = {
  pt: { displayUnit: 's', rule: { kind: 'ucum' } },
  inr: { displayUnit: '{INR}', rule: { kind: 'equal', units: ['{INR}', '{ratio}', '1'], label: labReason('lab.ratio-units-as-inr'), unitless: labReason('lab.inr-no-unit') } },
  aptt: { displayUnit: 's', rule: { kind: 'ucum' } },
  fibrinogen: { displayUnit: 'g/L', rule: { kind: 'ucum' } },
  platelets: { displayUnit: '10*9/L', rule: { kind: 'ucum' } },
  thrombinTime: { displayUnit: 's', rule: { kind: 'ucum' } },
  antithrombin: {
    displayUnit: '%',
    rule: { kind: 'ucum' },
    excludeCodes: { '1868-9': labReason('lab.antithrombin-antigen-not-activity', { loinc: '1868-9' }) },
  },
  antiXaLmwh: { displayUnit: '[iU]/mL', rule: { kind: 'equal', units: ANTI_XA_UNITS, label: ANTI_XA_LABEL }, note: labReason('lab.note-anti-xa-lmwh', { loinc: '32684-3' }) },
  antiXaGeneric: {
    displayUnit: '[iU]/mL',
    rule: { kind: 'equal', units: ANTI_XA_UNITS, label: ANTI_XA_LABEL },
    note: labReason('lab.note-anti-xa-generic'),
  },
  haemoglobin: {
    displayUnit: 'g/dL',
    rule: {
      kind: 'ucum',
      guard: (u) => (/mol/.test(u) ? labReason('lab.haemoglobin-molar-not-converted', { unit: unitParam(u) }) : undefined),
    },
  },
  creatinine: { displayUnit: 'umol/L', rule: { kind: 'creatinine' } },
  creatinineClearance: {
    displayUnit: 'mL/min',
    rule: { kind: 'ucum', guard: (u) => (/1\.73/.test(u) ? labReason('lab.clearance-per-bsa') : undefined) },
    note: labReason('lab.note-creatinine-clearance'),
  },
  egfr: {
    displayUnit: 'mL/min/{1.73_m2}',
    rule: { kind: 'ucum', guard: (u) => (/1\.73/.test(u) ? undefined : labReason('lab.egfr-unit-not-per-bsa', { unit: unitParam(u) })) },
    note: labReason('lab.note-egfr'),
  },
};

const CREATININE_UMOL_PER_MG_DL = 88.4;

const CODE_TO_ANALYTE: Record<string, LabAnalyte> = Object.fromEntries(
  (Object.keys(LAB_ANALYTES) as LabAnalyte[]).flatMap((a) => LAB_ANALYTES[a].codes.map((c) => [c, a] as const)),
);

type Conversion = { value: number; conversion: Reason[] } | { reason: Reason };

function unitCandidates(n: ReadNumber, units: UnitConverter): { ucum?: string; note?: Reason; reason?: Reason } {
  const code = n.unitCode !== undefined ? parseUnit(n.unitCode) : undefined;
  const text = n.unitText !== undefined ? parseUnit(n.unitText) : undefined;
  const codeUcum = code?.known && units.isValid(code.value.ucum) ? code.value.ucum : undefined;
  const textUcum = text?.known && units.isValid(text.value.ucum) ? text.value.ucum : undefined;
  if (codeUcum && textUcum) {
    const f = units.convert(1, textUcum, codeUcum);
    if (f.known && Math.abs(f.value - 1) > 1e-9) {
      return { reason: labReason('lab.unit-text-code-disagree', { text: n.unitText, code: n.unitCode, from: unitParam(textUcum), to: unitParam(codeUcum), factor: f.value }) };
    }
  }
  const used = codeUcum !== undefined ? code : textUcum !== undefined ? text : code?.known ? code : text;
  const out: { ucum?: string; note?: Reason } = {};
  if (used?.known) {
    out.ucum = used.value.ucum;
    if (used.value.nonUcumSpelling !== undefined) out.note = used.value.nonUcumSpelling;
  }
  return out;
}

/** The unit's reading note (a non-UCUM spelling), then the conversion's own note. */
const notes = (...rs: (Reason | undefined)[]): Reason[] => rs.filter((r): r is Reason => r !== undefined);
const convertedFrom = (ucum: string): Reason => labReason('lab.converted-from', { unit: unitParam(ucum) });

/** A fixed set of units treated as numerically equal (anti-Xa units, INR ratios). */
function convertEqual(rule: Extract<Rule, { kind: 'equal' }>, spec: AnalyteSpec, n: ReadNumber, u: { ucum?: string; note?: Reason }): Conversion {
  const shown = n.unitText ?? n.unitCode;
  if (u.ucum === undefined) return rule.unitless && shown === undefined ? { value: n.value, conversion: [rule.unitless] } : { reason: unitNotInterpretable([shown]) };
  const hit = rule.units.find((x) => x.toLowerCase() === u.ucum!.toLowerCase());
  if (!hit) return { reason: labReason('lab.unit-not-allowed', { written: shown, allowed: listParam(rule.units.map(unitParam)) }) };
  return { value: n.value, conversion: notes(u.note, hit === spec.displayUnit ? undefined : rule.label) };
}

/** Creatinine: molar units by UCUM; mass units via mg/dL x 88.4. */
function convertCreatinine(n: ReadNumber, ucum: string, note: Reason | undefined, units: UnitConverter): Conversion {
  const molar = units.convert(n.value, ucum, 'umol/L');
  if (molar.known) return { value: molar.value, conversion: notes(note, ucum === 'umol/L' ? undefined : convertedFrom(ucum)) };
  const mass = units.convert(n.value, ucum, 'mg/dL');
  if (mass.known) return { value: roundSignificant(mass.value * CREATININE_UMOL_PER_MG_DL), conversion: notes(note, labReason('lab.creatinine-from-mass', { unit: unitParam(ucum), factor: CREATININE_UMOL_PER_MG_DL })) };
  return { reason: labReason('lab.unit-not-convertible', { from: unitParam(ucum), to: unitParam('umol/L') }) };
}

function convert(spec: AnalyteSpec, n: ReadNumber, units: UnitConverter): Conversion {
  const u = unitCandidates(n, units);
  if (u.reason) return { reason: u.reason };
  const rule = spec.rule;
  if (rule.kind === 'equal') return convertEqual(rule, spec, n, u);
  if (u.ucum === undefined || !units.isValid(u.ucum)) return { reason: unitNotInterpretable([n.unitText ?? n.unitCode]) };
  if (rule.kind === 'creatinine') return convertCreatinine(n, u.ucum, u.note, units);
  const bad = rule.guard?.(u.ucum);
  if (bad) return { reason: bad };
  const c = units.convert(n.value, u.ucum, spec.displayUnit);
  if (!c.known) return { reason: labReason('lab.unit-not-convertible', { from: unitParam(u.ucum), to: unitParam(spec.displayUnit) }) };
  return { value: c.value, conversion: notes(u.note, u.ucum === spec.displayUnit ? undefined : convertedFrom(u.ucum)) };
}

function emptySeries(): LabSeries {
  const out = {} as LabSeries;
  for (const a of Object.keys(LAB_ANALYTES) as LabAnalyte[]) {
    const spec = ANALYTE_SPECS[a];
    const s: AnalyteSeries = { analyte: a, displayUnit: spec.displayUnit, points: [], exclusions: [] };
    if (spec.note) s.note = spec.note;
    out[a] = s;
  }
  return out;
}

/** An Observation read as a point of its analyte, or the reason it is left out. */
type PointOutcome = { point: LabPoint } | { reason: Reason };

/** The value's checks and conversion: a number in the display unit, or the reason it is not one. */
function valueOf(raw: Record<string, unknown>, first: string, spec: AnalyteSpec, units: UnitConverter): { n: ReadNumber; c: { value: number; conversion: Reason[] } } | { reason: Reason } {
  const value = readValue(raw);
  if (value.kind === 'none') return { reason: value.reason };
  if (value.kind !== 'number') return { reason: labReason('lab.not-numeric', { text: value.text.slice(0, 40) }) };
  const codeExclusion = spec.excludeCodes?.[first];
  if (codeExclusion) return { reason: codeExclusion };
  const n = value.n;
  if (n.value < 0 || Math.abs(n.value) > MAX_VALUE) return { reason: labReason('lab.absurd-value', { original: n.original.text }) };
  const c = convert(spec, n, units);
  if ('reason' in c) return { reason: c.reason };
  if (!Number.isFinite(c.value) || c.value > MAX_VALUE) return { reason: labReason('lab.absurd-value', { original: n.original.text }) };
  return { n, c };
}

/** Reads one Observation of a known analyte (codes, status, time, value) into a point in the display unit. */
function readPoint(raw: Record<string, unknown>, codes: string[], units: UnitConverter, zone: string): PointOutcome {
  const first = codes[0]!;
  const analyte = CODE_TO_ANALYTE[first]!;
  const spec = ANALYTE_SPECS[analyte];
  if (new Set(codes.map((c) => CODE_TO_ANALYTE[c])).size > 1) return { reason: labReason('lab.codes-different-analytes', { codes: listParam(codes) }) };
  const status = readStatus(raw);
  if ('excluded' in status) return { reason: status.excluded };
  const when = readResultTime(raw, zone);
  if (!when) return { reason: labReason('lab.no-date') };
  // An anti-Xa level is read against the time since the dose: the report time would make that interval wrong.
  if (when.from === 'issued' && (analyte === 'antiXaLmwh' || analyte === 'antiXaGeneric')) {
    return { reason: labReason('lab.anti-xa-issued-only') };
  }
  const v = valueOf(raw, first, spec, units);
  if ('reason' in v) return v;
  const { n, c } = v;
  const matched = byCode('LOINC', first);
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
  const conv = notes(...c.conversion, n.comparatorFrom === 'value-string' ? labReason('lab.value-parsed-from-text', { text: n.original.text }) : undefined);
  if (conv.length > 0) point.conversion = conv;
  const pointNotes = notes(spec.note, when.from === 'issued' ? ISSUED_TIME_REASON : undefined);
  if (pointNotes.length > 0) point.notes = pointNotes;
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
    else series.exclusions.push({ source: sourceOf(raw, effectiveText(raw), originalTextOf(raw), codes[0] !== undefined ? byCode('LOINC', codes[0]) : undefined), view: ANALYTE_VIEWS[series.analyte], reason: read.reason });
  }
  for (const s of Object.values(out)) {
    s.points.sort((a, b) => a.time.start - b.time.start || (a.source.id ?? '').localeCompare(b.source.id ?? ''));
    const last = s.points.at(-1);
    if (last) s.latest = last;
  }
  return out;
}
