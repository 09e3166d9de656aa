/**
 * D-dimer normalisation. Recognised by LOINC (every DDIMER_CODES entry, deprecated ones included) and, only when no
 * LOINC coding is present, by a labelled text match. FEU/DDU comes from the LOINC code, the unit annotation and the
 * unit text, in that order; sources that disagree exclude the result. Values are converted (UCUM) to ng/mL of the
 * SAME unit type: FEU is never silently made from DDU.
 */
import { listParam, reasonParam, unitParam, type Reason } from '../reasons';
import { LAB_VIEWS, labReason, unitNotInterpretable } from './labReasons';
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
import { allOf, byCode, byText, type MatchedBy } from '../matchedBy';

/** Values above this many ng/mL are treated as data errors, not results. */
export const DDIMER_MAX_NG_PER_ML = 1e7;

/** Reason given when neither code, annotation nor unit text says FEU or DDU. */
export const UNIT_TYPE_NOT_STATED: Reason = labReason('lab.ddimer-unit-type-not-stated');

const TEXT_MATCH = /\bd[\s-]?dimer/i;
const VIEW_RESULTS = LAB_VIEWS.ddimerResults;
const VIEW_CHART = LAB_VIEWS.ddimerChart;

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

function excluded(obs: Record<string, unknown>, reason: Reason, original?: string, matchedBy?: MatchedBy): DdimerOutcome {
  return { kind: 'excluded', exclusion: { source: sourceOf(obs, effectiveText(obs), original, matchedBy), view: VIEW_RESULTS, reason } };
}

/** One source's statement of FEU or DDU; `what` names the source (a LOINC code, the unit, the unit code). */
interface UnitTypeStatement {
  type: 'FEU' | 'DDU';
  from: UnitTypeSource;
  what: 'loinc' | 'unit' | 'unit-code';
  written: string;
}

interface UnitReading {
  ucum?: string;
  unitNotes: Reason[];
  statements: UnitTypeStatement[];
}

/** Unit text and UCUM code that do not mean the same unit (with the factor between them when there is one). */
const unitsDisagree = (n: ReadNumber, textUcum: string, codeUcum: string, factor: Known<number>): Reason =>
  labReason('lab.unit-text-code-disagree', { text: n.unitText, code: n.unitCode, from: unitParam(textUcum), to: unitParam(codeUcum), factor: factor.known ? factor.value : null });


/** A unit string that states both FEU and DDU: the reason it cannot be trusted, else undefined. */
function bothUnitTypes(written: string | undefined, parsed: ReturnType<typeof parseUnit> | undefined): Reason | undefined {
  if (!parsed || parsed.known || written === undefined) return undefined;
  return /FEU/i.test(written) && /DDU/i.test(written) ? labReason('lab.unit-both-feu-ddu', { written }) : undefined;
}

/** What the unit text and the unit code say about FEU/DDU. */
function unitStatements(n: ReadNumber, text: ReturnType<typeof parseUnit> | undefined, code: ReturnType<typeof parseUnit> | undefined): UnitTypeStatement[] {
  const out: UnitTypeStatement[] = [];
  if (text?.known && text.value.unitType) out.push({ type: text.value.unitType, from: text.value.unitTypeFrom ?? 'unit-text', what: 'unit', written: n.unitText ?? '' });
  if (code?.known && code.value.unitType) out.push({ type: code.value.unitType, from: code.value.unitTypeFrom ?? 'annotation', what: 'unit-code', written: n.unitCode ?? '' });
  return out;
}

/** Reads unit text and UCUM code, checks they agree; the reason when the unit cannot be trusted. */
function readUnits(n: ReadNumber, units: UnitConverter): UnitReading | Reason {
  const text = n.unitText !== undefined ? parseUnit(n.unitText) : undefined;
  const code = n.unitCode !== undefined ? parseUnit(n.unitCode) : undefined;
  const both = bothUnitTypes(n.unitText, text) ?? bothUnitTypes(n.unitCode, code);
  if (both) return both;
  const textUcum = text?.known && units.isValid(text.value.ucum) ? text.value.ucum : undefined;
  const codeUcum = code?.known && units.isValid(code.value.ucum) ? code.value.ucum : undefined;
  if (textUcum !== undefined && codeUcum !== undefined) {
    const factor = units.convert(1, textUcum, codeUcum);
    if (!factor.known || Math.abs(factor.value - 1) > 1e-9) return unitsDisagree(n, textUcum, codeUcum, factor);
  }
  const reading: UnitReading = { statements: unitStatements(n, text, code), unitNotes: [] };
  if (codeUcum !== undefined) {
    reading.ucum = codeUcum;
    if (code?.known && code.value.nonUcumSpelling) reading.unitNotes.push(code.value.nonUcumSpelling);
    if (n.unitText !== undefined && textUcum === undefined) reading.unitNotes.push(labReason('lab.unit-text-not-read-code-used', { text: n.unitText }));
  } else if (textUcum !== undefined) {
    reading.ucum = textUcum;
    if (text?.known && text.value.nonUcumSpelling) reading.unitNotes.push(text.value.nonUcumSpelling);
    if (n.unitCode !== undefined) reading.unitNotes.push(labReason('lab.unit-code-not-ucum-text-used', { code: n.unitCode }));
  } else {
    return unitNotInterpretable([n.unitText, n.unitCode]);
  }
  return reading;
}

interface QuantitativeInput {
  obs: Record<string, unknown>;
  n: ReadNumber;
  units: UnitConverter;
  base: Pick<DdimerResult, 'source' | 'time' | 'status' | 'recognisedBy' | 'matched' | 'referenceRange' | 'interpretation'>;
  statements: UnitTypeStatement[];
  withCode: (r: DdimerResult) => DdimerResult;
  originalText: string | undefined;
  matched: MatchedBy;
}

/** A quantitative D-dimer value: units read and agreed, FEU/DDU from every source, converted to ng/mL. */
function quantitative({ obs, n, units, base, statements, withCode, originalText, matched }: QuantitativeInput): DdimerOutcome {
  if (n.value < 0) return excluded(obs, labReason('lab.value-negative', { value: n.value }), originalText, matched);
  const unitsRead = readUnits(n, units);
  if (!('statements' in unitsRead)) return excluded(obs, unitsRead, originalText, matched);
  const allStatements = [...statements, ...unitsRead.statements];
  const types = new Set(allStatements.map((s) => s.type));
  if (types.size > 1) {
    const who = allStatements.map((s) => reasonParam(labReason('lab.unit-type-statement', { what: s.what, written: s.written, type: s.type })));
    return excluded(obs, labReason('lab.feu-ddu-conflict', { statements: listParam(who) }), originalText, matched);
  }
  const unitType: DdimerUnitType = types.size === 1 ? [...types][0]! : 'unknown';
  const order: UnitTypeSource[] = ['loinc', 'annotation', 'unit-text'];
  const unitTypeFrom = order.find((o) => allStatements.some((s) => s.from === o));
  const ucum = unitsRead.ucum!;
  const converted = units.convert(n.value, ucum, 'ng/mL');
  let ngPerMl: Known<number>;
  if (converted.known) {
    if (converted.value > DDIMER_MAX_NG_PER_ML) return excluded(obs, labReason('lab.ddimer-absurd-value', { original: n.original.text, max: DDIMER_MAX_NG_PER_ML }), originalText, matched);
    ngPerMl = converted;
  } else {
    ngPerMl = unknown(labReason('lab.not-mass-concentration', { unit: unitParam(ucum) }));
  }
  const chart: Known<number> = !ngPerMl.known ? ngPerMl : unitType === 'unknown' ? unknown(UNIT_TYPE_NOT_STATED) : ngPerMl;
  const r: DdimerResult = { ...base, scale: 'quantitative', unitType, ucum, ngPerMl, chart, original: n.original };
  if (unitTypeFrom && unitType !== 'unknown') r.unitTypeFrom = unitTypeFrom;
  const unitNotes = [...unitsRead.unitNotes, ...(n.comparatorFrom === 'value-string' ? [labReason('lab.value-parsed-from-text', { text: n.original.text })] : [])];
  if (unitNotes.length > 0) r.unitNotes = unitNotes;
  if (n.comparator) {
    r.comparator = n.comparator;
    if (n.comparatorFrom) r.comparatorFrom = n.comparatorFrom;
  }
  return { kind: 'result', result: withCode(r) };
}

function normalise(raw: unknown, units: UnitConverter, zone: string): Inner {
  if (!isRecord(raw) || raw.resourceType !== 'Observation') return { kind: 'other' };
  const obs = raw;
  const rec = recognise(obs);
  if (rec.kind === 'other') return { kind: 'other' };
  const matched = rec.kind === 'loinc' ? allOf(...rec.codes.map((c) => byCode('LOINC', c))) : byText(rec.matched);
  const value = readValue(obs);
  const originalText = value.kind === 'number' ? value.n.original.text : value.kind === 'none' ? undefined : value.original.text;

  const status = readStatus(obs);
  if ('excluded' in status) return excluded(obs, status.excluded, originalText, matched);
  const time: FhirMoment | undefined = readEffective(obs, zone);
  if (!time) return excluded(obs, labReason('lab.no-date'), originalText, matched);
  if (value.kind === 'none') return excluded(obs, value.reason, undefined, matched);

  // What the codes say.
  const codeInfo = rec.kind === 'loinc' ? rec.codes.map((c) => ({ code: c, ...DDIMER_CODES[c]! })) : [];
  const scales = new Set(codeInfo.map((c) => c.scale));
  if (scales.size > 1) return excluded(obs, labReason('lab.codes-different-kinds', { codes: listParam(codeInfo.map((c) => c.code)) }), originalText, matched);
  const scale = codeInfo[0]?.scale ?? 'quantitative';
  const codeNotes = codeInfo.flatMap((c) => (c.note ? [labReason(c.note, { loinc: c.code })] : []));
  const statements: UnitTypeStatement[] = codeInfo
    .filter((c): c is typeof c & { unitType: 'FEU' | 'DDU' } => c.unitType !== 'unknown')
    .map((c) => ({ type: c.unitType, from: 'loinc' as const, what: 'loinc' as const, written: c.code }));

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
    if (codeNotes.length > 0) r.codeNotes = codeNotes;
    return r;
  };

  const notQuantity = (kindText: string, reason: Reason, original: DdimerResult['original']): DdimerOutcome => {
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
    const reason = scale === 'titre' ? labReason('lab.titre-not-plotted') : labReason('lab.qualitative-not-plotted');
    return notQuantity(value.text, reason, value.original);
  }
  const n = value.n;
  if (scale === 'titre') return notQuantity(n.original.text, labReason('lab.titre-not-plotted'), n.original);
  if (scale === 'qualitative') return notQuantity(n.original.text, labReason('lab.qualitative-code-with-number'), n.original);

  return quantitative({ obs, n, units, base, statements, withCode, originalText, matched });
}

/** Normalises one D-dimer Observation into a result, or an Exclusion with the reason (never throws). */
export function normaliseDdimer(obs: fhir4.Observation, units: UnitConverter, zone: string): DdimerOutcome {
  const out = normalise(obs, units, zone);
  if (out.kind !== 'other') return out;
  const o = isRecord(obs) ? obs : {};
  return { kind: 'excluded', exclusion: { source: sourceOf(o, effectiveText(o), undefined), view: VIEW_RESULTS, reason: labReason('lab.not-ddimer') } };
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
  if (result.unitType === 'DDU') return unknown(labReason('lab.ddimer-ddu-not-converted'));
  if (result.unitType !== 'FEU') return unknown(UNIT_TYPE_NOT_STATED);
  if (!result.chart.known) return unknown(result.chart.reason);
  if (PER_NG_PER_ML[unit] === undefined) return unknown(labReason('lab.display-unit-not-offered', { written: describe(unit) }));
  return known(ngPerMlIn(result.chart.value, unit));
}

/** A value in ng/mL expressed in a display unit (same unit type; no float noise). */
export function ngPerMlIn(ngPerMl: number, unit: DdimerDisplayUnit): number {
  return roundSignificant(ngPerMl / (PER_NG_PER_ML[unit] ?? 1));
}
