/** hCG results, pregnancy status, ultrasound dating and estradiol results (Observation), each with its source. */
import type { UnitConverter } from '../labs';
import { known, SYSTEMS, type Exclusion } from '../types';
import { asArray, codingsOf, isObject, notesOf, str, textsOf } from '../events/fhirRead';
import {
  ESTRADIOL_MASS_LOINC,
  ESTRADIOL_MOLAR_LOINC,
  ESTRADIOL_PMOL_PER_PG,
  HCG_CODES,
  NEGATIVE_ANSWERS,
  NEGATIVE_INTERPRETATIONS,
  POSITIVE_ANSWERS,
  POSITIVE_INTERPRETATIONS,
  PREGNANCY_STATUS_ANSWERS,
  PREGNANCY_STATUS_LOINC,
  ULTRASOUND_GA_LOINC,
} from './ivfCodes';
import { ivfReason, observedMoment, refOf, unknownBecause } from './ivfRead';
import { IVF_VIEW, type EstradiolResult, type HcgResult, type PregnancyStatusRecord, type UltrasoundRecord } from './ivfTypes';
import { byAnswer, byCode, noMatch } from '../matchedBy';

type Res = Record<string, unknown>;
const UNUSABLE = new Set(['entered-in-error', 'cancelled', 'registered']);

const loincOf = (o: Res): string | undefined => codingsOf(o.code).find((c) => c.system === SYSTEMS.loinc && c.code !== undefined)?.code;

interface Usable {
  obs: Res;
  code: string;
  atMs: number;
  date: string;
}

/** Observations with one of `codes`, a usable status and a readable time; the others are excluded with the reason. */
function usable(observations: Res[], codes: readonly string[], zone: string, excluded: Exclusion[]): Usable[] {
  const out: Usable[] = [];
  for (const o of observations) {
    const code = loincOf(o);
    if (!code || !codes.includes(code)) continue;
    const m = observedMoment(o, zone);
    const source = refOf(o, m?.original, undefined, byCode('LOINC', code));
    if (typeof o.status === 'string' && UNUSABLE.has(o.status)) excluded.push({ source, view: IVF_VIEW, reason: ivfReason('ivf.result-status-excluded', { status: o.status }) });
    else if (!m) excluded.push({ source, view: IVF_VIEW, reason: ivfReason('ivf.result-time-unreadable') });
    else out.push({ obs: o, code, atMs: m.start, date: m.original });
  }
  return out.sort((a, b) => a.atMs - b.atMs);
}

const codesOfConcepts = (v: unknown): string[] => codingsOf(v).map((c) => c.code).filter((c): c is string => c !== undefined);

function quantity(o: Res): HcgResult['value'] | undefined {
  const q = isObject(o.valueQuantity) ? o.valueQuantity : undefined;
  if (!q || typeof q.value !== 'number' || !Number.isFinite(q.value)) return undefined;
  const out: NonNullable<HcgResult['value']> = { value: q.value, unit: str(q.unit) ?? str(q.code) };
  if (typeof q.comparator === 'string') out.comparator = q.comparator;
  return out;
}

/** Positive/negative from a coded or written answer, the interpretation, or (quantitative) the reference range. */
function hcgOutcome(o: Res, value: HcgResult['value']): Pick<HcgResult, 'outcome' | 'outcomeFrom'> {
  const answers = codesOfConcepts(o.valueCodeableConcept);
  if (answers.some((c) => POSITIVE_ANSWERS.has(c))) return { outcome: 'positive', outcomeFrom: 'coded-answer' };
  if (answers.some((c) => NEGATIVE_ANSWERS.has(c))) return { outcome: 'negative', outcomeFrom: 'coded-answer' };
  const written = [...textsOf(o.valueCodeableConcept), str(o.valueString) ?? ''].join(' ');
  if (/\bpositive\b|\bdetected\b/i.test(written) && !/\bnot detected\b|\bnegative\b/i.test(written)) return { outcome: 'positive', outcomeFrom: 'text-answer' };
  if (/\bnegative\b|\bnot detected\b/i.test(written)) return { outcome: 'negative', outcomeFrom: 'text-answer' };
  const interp = codesOfConcepts(o.interpretation);
  if (interp.some((c) => POSITIVE_INTERPRETATIONS.has(c))) return { outcome: 'positive', outcomeFrom: 'interpretation' };
  if (interp.some((c) => NEGATIVE_INTERPRETATIONS.has(c))) return { outcome: 'negative', outcomeFrom: 'interpretation' };
  const high = asArray(o.referenceRange).map((r) => (isObject(r) && isObject(r.high) ? r.high.value : undefined)).find((v) => typeof v === 'number');
  if (value && !value.comparator && typeof high === 'number') return { outcome: value.value > high ? 'positive' : 'negative', outcomeFrom: 'reference-range' };
  return { outcome: 'not-classified', outcomeFrom: 'none' };
}

export function hcgResults(observations: Res[], zone: string, excluded: Exclusion[]): HcgResult[] {
  return usable(observations, Object.keys(HCG_CODES), zone, excluded).map(({ obs, code, atMs, date }) => {
    const spec = HCG_CODES[code]!;
    const value = quantity(obs);
    const { outcome, outcomeFrom } = hcgOutcome(obs, value);
    const original = value ? `${value.comparator ?? ''}${value.value}${value.unit ? ` ${value.unit}` : ''}` : textsOf(obs.valueCodeableConcept)[0] ?? str(obs.valueString);
    const r: HcgResult = { specimen: spec.specimen, scale: spec.scale, atMs, outcome, outcomeFrom, source: refOf(obs, date, original, byCode('LOINC', code)) };
    if (value) r.value = value;
    if (outcome === 'not-classified') r.reason = ivfReason('ivf.hcg-not-interpreted');
    return r;
  });
}

export function pregnancyStatuses(observations: Res[], zone: string, excluded: Exclusion[]): PregnancyStatusRecord[] {
  return usable(observations, [PREGNANCY_STATUS_LOINC], zone, excluded).map(({ obs, atMs, date }) => {
    const answerCode = codesOfConcepts(obs.valueCodeableConcept).find((c) => PREGNANCY_STATUS_ANSWERS[c] !== undefined);
    const answer = answerCode ? PREGNANCY_STATUS_ANSWERS[answerCode]! : 'unknown';
    const original = textsOf(obs.valueCodeableConcept)[0];
    return { atMs, answer, matched: answerCode ? byAnswer(byCode('LOINC', PREGNANCY_STATUS_LOINC), byCode(answerCode.startsWith('LA') ? 'LOINC' : 'SNOMED', answerCode)) : noMatch(), notes: notesOf(obs), source: refOf(obs, date, original, byCode('LOINC', PREGNANCY_STATUS_LOINC)) };
  });
}

export function ultrasoundDatings(observations: Res[], zone: string, excluded: Exclusion[]): UltrasoundRecord[] {
  return usable(observations, ULTRASOUND_GA_LOINC, zone, excluded).map(({ obs, atMs, date, code }) => ({ atMs, source: refOf(obs, date, undefined, byCode('LOINC', code)) }));
}

const MASS_UNITS = ['pg/mL', 'ng/L', 'ng/dL', 'ng/mL', 'pg/dL'];
const MOLAR_UNITS = ['pmol/L', 'nmol/L', 'fmol/mL'];
const SPELLED: Readonly<Record<string, string>> = { 'pg/ml': 'pg/mL', 'ng/l': 'ng/L', 'ng/dl': 'ng/dL', 'ng/ml': 'ng/mL', 'pmol/l': 'pmol/L', 'nmol/l': 'nmol/L' };

/** pg/mL and pmol/L from a reported estradiol value: UCUM within mass or molar units, then the molar mass. */
function estradiolUnits(value: number, unit: string | undefined, code: string, units: UnitConverter): Pick<EstradiolResult, 'reportedAs' | 'pgPerMl' | 'pmolPerL'> {
  const ucum = unit === undefined ? undefined : (SPELLED[unit.trim().toLowerCase()] ?? unit.trim());
  const molarByCode = (ESTRADIOL_MOLAR_LOINC as readonly string[]).includes(code);
  const kind = ucum && MASS_UNITS.includes(ucum) ? 'mass' : ucum && MOLAR_UNITS.includes(ucum) ? 'molar' : undefined;
  if (!ucum || !kind || (kind === 'mass') === molarByCode) {
    const r = unknownBecause<number>('ivf.estradiol-unit-not-convertible', { unit: unit ?? null, code });
    return { reportedAs: unknownBecause('ivf.estradiol-unit-not-convertible', { unit: unit ?? null, code }), pgPerMl: r, pmolPerL: r };
  }
  const base = units.convert(value, ucum, kind === 'mass' ? 'pg/mL' : 'pmol/L');
  if (!base.known) {
    const r = unknownBecause<number>('ivf.estradiol-unit-not-convertible', { unit: ucum, code });
    return { reportedAs: known(kind), pgPerMl: r, pmolPerL: r };
  }
  const round = (v: number) => Number(v.toPrecision(6));
  const pg = kind === 'mass' ? base.value : round(base.value / ESTRADIOL_PMOL_PER_PG);
  const pmol = kind === 'molar' ? base.value : round(base.value * ESTRADIOL_PMOL_PER_PG);
  return { reportedAs: known(kind), pgPerMl: known(pg), pmolPerL: known(pmol) };
}

export function estradiolResults(observations: Res[], units: UnitConverter, zone: string, excluded: Exclusion[]): EstradiolResult[] {
  const out: EstradiolResult[] = [];
  for (const { obs, code, atMs, date } of usable(observations, [...ESTRADIOL_MASS_LOINC, ...ESTRADIOL_MOLAR_LOINC], zone, excluded)) {
    const q = quantity(obs);
    const source = refOf(obs, date, q ? `${q.comparator ?? ''}${q.value}${q.unit ? ` ${q.unit}` : ''}` : undefined, byCode('LOINC', code));
    if (!q) {
      excluded.push({ source, view: IVF_VIEW, reason: ivfReason('ivf.estradiol-value-unreadable') });
      continue;
    }
    const interpretation = codesOfConcepts(obs.interpretation);
    out.push({ atMs, reported: q, ...estradiolUnits(q.value, q.unit, code, units), interpretation, source });
  }
  return out;
}

