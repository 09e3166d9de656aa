/**
 * D-dimer normalisation. Recognised by LOINC (every DDIMER_CODES entry, deprecated ones included) and, only when no
 * LOINC coding is present, by a labelled text match. FEU/DDU comes from the LOINC code, the unit annotation and the
 * unit text, in that order; sources that disagree exclude the result. Values are converted (UCUM) to ng/mL of the
 * SAME unit type: FEU is never silently made from DDU.
 */
import { legacyReasonText } from '../reasons';
import { DDIMER_CODES } from '../codes';
import type { FhirMoment } from '../time';
import { known, unknown, type Exclusion, type Known } from '../types';
import {
  conceptText,
  describe,
  effectiveText,
  isRecord,
  loincCodes,
  rangesAndInterpretation,
  readEffective,
  readStatus,
  readValue,
  sourceOf,
  type ReadNumber,
} from './observation';
import { parseUnit, roundSignificant, type UnitConverter } from './ucum';
import type { DdimerDisplayUnit, DdimerOutcome, DdimerResult, DdimerSeries, DdimerUnitType, UnitTypeSource } from './labTypes';

/** Values above this many ng/mL are treated as data errors, not results. */
export const DDIMER_MAX_NG_PER_ML = 1e7;

/** Reason shown when neither code, annotation nor unit text says FEU or DDU. */
export const UNIT_TYPE_NOT_STATED = 'unit type (FEU or DDU) not stated';

const TEXT_MATCH = /\bd[\s-]?dimer/i;
const VIEW_RESULTS = 'D-dimer results';
const VIEW_CHART = 'D-dimer chart';

type Recognition =
  | { kind: 'loinc'; codes: string[] }
  | { kind: 'text'; matched: string }
  | { kind: 'other' };

function recognise(obs: Record<string, unknown>): Recognition {
  const loinc = loincCodes(obs);
  const dd = loinc.filter((c) => c in DDIMER_CODES);
  if (dd.length > 0) return { kind: 'loinc', codes: [...new Set(dd)] };
  if (loinc.length > 0) return { kind: 'other' };
  const text = conceptText(obs.code);
  const m = TEXT_MATCH.exec(text);
  return m ? { kind: 'text', matched: m[0] } : { kind: 'other' };
}

type Inner = DdimerOutcome | { kind: 'other' };

function excluded(obs: Record<string, unknown>, reason: string, original?: string, matchedBy?: string): DdimerOutcome {
  return { kind: 'excluded', exclusion: { source: sourceOf(obs, effectiveText(obs), original, matchedBy), view: VIEW_RESULTS, reason } };
}

interface UnitReading {
  ucum?: string;
  unitNote?: string;
  statements: { type: 'FEU' | 'DDU'; from: UnitTypeSource; what: string }[];
}

/** Reads unit text and UCUM code, checks they agree; a string reason when the unit cannot be trusted. */
function readUnits(n: ReadNumber, units: UnitConverter): UnitReading | string {
  const statements: UnitReading['statements'] = [];
  const text = n.unitText !== undefined ? parseUnit(n.unitText) : undefined;
  const code = n.unitCode !== undefined ? parseUnit(n.unitCode) : undefined;
  if (text && !text.known && n.unitText !== undefined && /FEU/i.test(n.unitText) && /DDU/i.test(n.unitText)) return legacyReasonText(text.reason);
  if (code && !code.known && n.unitCode !== undefined && /FEU/i.test(n.unitCode) && /DDU/i.test(n.unitCode)) return legacyReasonText(code.reason);
  if (text?.known && text.value.unitType) statements.push({ type: text.value.unitType, from: text.value.unitTypeFrom ?? 'unit-text', what: `unit '${n.unitText}'` });
  if (code?.known && code.value.unitType) statements.push({ type: code.value.unitType, from: code.value.unitTypeFrom ?? 'annotation', what: `unit code '${n.unitCode}'` });
  const textUcum = text?.known && units.isValid(text.value.ucum) ? text.value.ucum : undefined;
  const codeUcum = code?.known && units.isValid(code.value.ucum) ? code.value.ucum : undefined;
  if (textUcum !== undefined && codeUcum !== undefined) {
    const factor = units.convert(1, textUcum, codeUcum);
    if (!factor.known || Math.abs(factor.value - 1) > 1e-9) {
      const how = factor.known ? ` (1 ${textUcum} = ${factor.value} ${codeUcum})` : ' (not convertible)';
      return `unit text '${n.unitText}' and UCUM code '${n.unitCode}' disagree${how}`;
    }
  }
  const reading: UnitReading = { statements };
  const notes: string[] = [];
  if (codeUcum !== undefined) {
    reading.ucum = codeUcum;
    if (code?.known && code.value.nonUcumSpelling) notes.push(code.value.nonUcumSpelling);
    if (n.unitText !== undefined && textUcum === undefined) notes.push(`unit text '${n.unitText}' not read; UCUM code used`);
  } else if (textUcum !== undefined) {
    reading.ucum = textUcum;
    if (text?.known && text.value.nonUcumSpelling) notes.push(text.value.nonUcumSpelling);
    if (n.unitCode !== undefined) notes.push(`unit code '${n.unitCode}' is not UCUM; unit text used`);
  } else {
    const shown = [n.unitText, n.unitCode].filter((u) => u !== undefined).map((u) => `'${u}'`);
    return shown.length === 0 ? 'no unit: the value cannot be interpreted' : `unit ${shown.join(' / ')} is not interpretable`;
  }
  if (notes.length > 0) reading.unitNote = notes.join('; ');
  return reading;
}

interface QuantitativeInput {
  obs: Record<string, unknown>;
  n: ReadNumber;
  units: UnitConverter;
  base: Pick<DdimerResult, 'source' | 'time' | 'status' | 'recognisedBy' | 'matched' | 'referenceRange' | 'interpretation'>;
  statements: UnitReading['statements'];
  withCode: (r: DdimerResult) => DdimerResult;
  originalText: string | undefined;
  matched: string;
}

/** A quantitative D-dimer value: units read and agreed, FEU/DDU from every source, converted to ng/mL. */
function quantitative({ obs, n, units, base, statements, withCode, originalText, matched }: QuantitativeInput): DdimerOutcome {
  if (n.value < 0) return excluded(obs, `absurd value ${n.value} (negative)`, originalText, matched);
  const unitsRead = readUnits(n, units);
  if (typeof unitsRead === 'string') return excluded(obs, unitsRead, originalText, matched);
  const allStatements = [...statements, ...unitsRead.statements];
  const types = new Set(allStatements.map((s) => s.type));
  if (types.size > 1) {
    const who = allStatements.map((s) => `${s.what} says ${s.type}`).join(', ');
    return excluded(obs, `FEU/DDU sources conflict: ${who}`, originalText, matched);
  }
  const unitType: DdimerUnitType = types.size === 1 ? [...types][0]! : 'unknown';
  const order: UnitTypeSource[] = ['loinc', 'annotation', 'unit-text'];
  const unitTypeFrom = order.find((o) => allStatements.some((s) => s.from === o));
  const ucum = unitsRead.ucum!;
  const converted = units.convert(n.value, ucum, 'ng/mL');
  let ngPerMl: Known<number>;
  if (converted.known) {
    if (converted.value > DDIMER_MAX_NG_PER_ML) return excluded(obs, `absurd value ${n.original.text} (above ${DDIMER_MAX_NG_PER_ML} ng/mL)`, originalText, matched);
    ngPerMl = converted;
  } else {
    ngPerMl = unknown(`${ucum} is not a mass concentration: cannot be expressed in ng/mL`);
  }
  const chart: Known<number> = !ngPerMl.known ? ngPerMl : unitType === 'unknown' ? unknown(UNIT_TYPE_NOT_STATED) : ngPerMl;
  const r: DdimerResult = { ...base, scale: 'quantitative', unitType, ucum, ngPerMl, chart, original: n.original };
  if (unitTypeFrom && unitType !== 'unknown') r.unitTypeFrom = unitTypeFrom;
  if (unitsRead.unitNote) r.unitNote = unitsRead.unitNote;
  if (n.comparator) {
    r.comparator = n.comparator;
    if (n.comparatorFrom) r.comparatorFrom = n.comparatorFrom;
  }
  if (n.comparatorFrom === 'value-string') r.unitNote = [r.unitNote, `value parsed from text '${n.original.text}'`].filter(Boolean).join('; ');
  return { kind: 'result', result: withCode(r) };
}

function normalise(raw: unknown, units: UnitConverter, zone: string): Inner {
  if (!isRecord(raw) || raw.resourceType !== 'Observation') return { kind: 'other' };
  const obs = raw;
  const rec = recognise(obs);
  if (rec.kind === 'other') return { kind: 'other' };
  const matched = rec.kind === 'loinc' ? rec.codes.map((c) => `LOINC ${c}`).join(', ') : `text match: '${rec.matched}' (no LOINC coding)`;
  const value = readValue(obs);
  const originalText = value.kind === 'number' ? value.n.original.text : value.kind === 'none' ? undefined : value.original.text;

  const status = readStatus(obs);
  if ('excluded' in status) return excluded(obs, status.excluded, originalText, matched);
  const time: FhirMoment | undefined = readEffective(obs, zone);
  if (!time) return excluded(obs, 'no date', originalText, matched);
  if (value.kind === 'none') return excluded(obs, value.reason, undefined, matched);

  // What the codes say.
  const codeInfo = rec.kind === 'loinc' ? rec.codes.map((c) => ({ code: c, ...DDIMER_CODES[c]! })) : [];
  const scales = new Set(codeInfo.map((c) => c.scale));
  if (scales.size > 1) return excluded(obs, `codes of different kinds (${matched})`, originalText, matched);
  const scale = codeInfo[0]?.scale ?? 'quantitative';
  const codeNote = codeInfo.map((c) => c.note).filter(Boolean).join('; ') || undefined;
  const statements: UnitReading['statements'] = codeInfo
    .filter((c): c is typeof c & { unitType: 'FEU' | 'DDU' } => c.unitType !== 'unknown')
    .map((c) => ({ type: c.unitType, from: 'loinc' as const, what: `LOINC ${c.code}` }));

  const base = {
    source: sourceOf(obs, effectiveText(obs), originalText, matched),
    time,
    status: status.mark,
    recognisedBy: rec.kind,
    matched,
    ...rangesAndInterpretation(obs),
  };
  const withCode = (r: DdimerResult): DdimerResult => {
    if (rec.kind === 'loinc' && rec.codes.length === 1) r.loinc = rec.codes[0];
    if (codeNote) r.codeNote = codeNote;
    return r;
  };

  const notQuantity = (kindText: string, reason: string, original: DdimerResult['original']): DdimerOutcome => {
    const types = new Set(statements.map((s) => s.type));
    const unitType: DdimerUnitType = types.size === 1 ? [...types][0]! : 'unknown';
    const r: DdimerResult = {
      ...base,
      scale: scale === 'quantitative' ? 'qualitative' : scale,
      unitType,
      ngPerMl: unknown(reason),
      qualitative: kindText,
      chart: unknown(reason),
      original,
    };
    if (unitType !== 'unknown') r.unitTypeFrom = 'loinc';
    return { kind: 'result', result: withCode(r) };
  };

  if (value.kind === 'text' || value.kind === 'coded') {
    const reason = scale === 'titre' ? 'titre, not a mass concentration: not plotted' : 'qualitative result: not plotted';
    return notQuantity(value.text, reason, value.original);
  }
  const n = value.n;
  if (scale === 'titre') return notQuantity(n.original.text, 'titre, not a mass concentration: not plotted', n.original);
  if (scale === 'qualitative') return notQuantity(n.original.text, 'qualitative (presence) code with a number: not plotted', n.original);

  return quantitative({ obs, n, units, base, statements, withCode, originalText, matched });
}

/** Normalises one D-dimer Observation into a result, or an Exclusion with the reason (never throws). */
export function normaliseDdimer(obs: fhir4.Observation, units: UnitConverter, zone: string): DdimerOutcome {
  const out = normalise(obs, units, zone);
  if (out.kind !== 'other') return out;
  const o = isRecord(obs) ? obs : {};
  return { kind: 'excluded', exclusion: { source: sourceOf(o, effectiveText(o), undefined), view: VIEW_RESULTS, reason: 'not a D-dimer result' } };
}

/** All D-dimer results among the observations, sorted by time, with every exclusion (results and chart). */
export function ddimerSeries(observations: readonly fhir4.Observation[], units: UnitConverter, zone: string): DdimerSeries {
  const results: DdimerResult[] = [];
  const exclusions: Exclusion[] = [];
  for (const obs of Array.isArray(observations) ? observations : []) {
    const out = normalise(obs, units, zone);
    if (out.kind === 'other') continue;
    if (out.kind === 'excluded') {
      exclusions.push(out.exclusion);
      continue;
    }
    results.push(out.result);
    if (!out.result.chart.known) exclusions.push({ source: out.result.source, view: VIEW_CHART, reason: out.result.chart.reason });
  }
  results.sort((a, b) => a.time.start - b.time.start || (a.source.id ?? '').localeCompare(b.source.id ?? ''));
  return { results, exclusions };
}

const PER_NG_PER_ML: Record<DdimerDisplayUnit, number> = { 'ng/mL': 1, 'mg/L': 1000, 'ug/mL': 1000 };

/** An FEU result in the unit chosen in the UI (ng/mL, mg/L = ug/mL); DDU and unknown types are not converted. */
export function toDisplayUnit(result: DdimerResult, unit: DdimerDisplayUnit): Known<number> {
  if (result.unitType === 'DDU') return unknown('DDU result: shown in its own unit (ng/mL DDU), not converted');
  if (result.unitType !== 'FEU') return unknown(UNIT_TYPE_NOT_STATED);
  if (!result.chart.known) return unknown(result.chart.reason);
  if (PER_NG_PER_ML[unit] === undefined) return unknown(`unit '${describe(unit)}' is not offered`);
  return known(ngPerMlIn(result.chart.value, unit));
}

/** A value in ng/mL expressed in a display unit (same unit type; no float noise). */
export function ngPerMlIn(ngPerMl: number, unit: DdimerDisplayUnit): number {
  return roundSignificant(ngPerMl / (PER_NG_PER_ML[unit] ?? 1));
}
