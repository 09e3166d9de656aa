/**
 * Reading FHIR Dosage parts: dose amount (mg, anti-Xa IU, per kg; mL only with a known concentration), frequency
 * (timing.repeat or timing.code) and route. Each returns Known<...>; nothing is guessed.
 */
import { type Known, known, SYSTEMS, unknown } from '../types';
import { recogniseAnticoagulant } from './recognise';
import { arr, codings, get, num, obj, str, tidy } from './safe';
import type { DoseAmount, DoseFrequency, RouteInfo } from './medicationTypes';
import { safeString } from '../text';
import { listParam, type Reason } from '../reasons';
import { medReason } from './medicationReasons';

type BaseUnit = { unit: 'mg' | 'IU' | 'mL'; perKg: boolean; factor: number; note?: Reason };

const UCUM_UNITS: Record<string, BaseUnit> = {
  mg: { unit: 'mg', perKg: false, factor: 1 },
  g: { unit: 'mg', perKg: false, factor: 1000 },
  '[iU]': { unit: 'IU', perKg: false, factor: 1 },
  '[IU]': { unit: 'IU', perKg: false, factor: 1 },
  mL: { unit: 'mL', perKg: false, factor: 1 },
  'mg/kg': { unit: 'mg', perKg: true, factor: 1 },
  '[iU]/kg': { unit: 'IU', perKg: true, factor: 1 },
  '[IU]/kg': { unit: 'IU', perKg: true, factor: 1 },
  U: { unit: 'IU', perKg: false, factor: 1, note: medReason('med.unit-u-read-as-iu') },
  'U/kg': { unit: 'IU', perKg: true, factor: 1, note: medReason('med.unit-u-per-kg-read-as-iu-per-kg') },
};

/** Unit text as people write it (lower-case, trailing dot removed). */
const TEXT_UNITS: Record<string, BaseUnit> = {
  mg: { unit: 'mg', perKg: false, factor: 1 },
  milligram: { unit: 'mg', perKg: false, factor: 1 },
  milligrams: { unit: 'mg', perKg: false, factor: 1 },
  iu: { unit: 'IU', perKg: false, factor: 1 },
  '[iu]': { unit: 'IU', perKg: false, factor: 1 },
  'i.u': { unit: 'IU', perKg: false, factor: 1 },
  'international units': { unit: 'IU', perKg: false, factor: 1 },
  'anti-xa iu': { unit: 'IU', perKg: false, factor: 1 },
  "{anti-xa'u}": { unit: 'IU', perKg: false, factor: 1 },
  'anti-xa units': { unit: 'IU', perKg: false, factor: 1 },
  units: { unit: 'IU', perKg: false, factor: 1 },
  unit: { unit: 'IU', perKg: false, factor: 1 },
  u: { unit: 'IU', perKg: false, factor: 1 },
  ml: { unit: 'mL', perKg: false, factor: 1 },
  millilitre: { unit: 'mL', perKg: false, factor: 1 },
  milliliter: { unit: 'mL', perKg: false, factor: 1 },
  'mg/kg': { unit: 'mg', perKg: true, factor: 1 },
  'iu/kg': { unit: 'IU', perKg: true, factor: 1 },
  '[iu]/kg': { unit: 'IU', perKg: true, factor: 1 },
  'units/kg': { unit: 'IU', perKg: true, factor: 1 },
  'u/kg': { unit: 'IU', perKg: true, factor: 1 },
};

/** Upper limits of a single dose as written; above them the value is treated as not interpretable (app choice). */
const PLAUSIBLE_MAX = { mg: 1000, IU: 100_000, mL: 20, 'mg/kg': 10, 'IU/kg': 1000 } as const;

/** Reads a unit from a Quantity-ish value: UCUM code first, then the unit text (labelled). */
export function readUnit(q: unknown): { base: BaseUnit; written: string } | undefined {
  const code = str(get(q, 'code'));
  const unitText = str(get(q, 'unit'));
  const system = str(get(q, 'system'));
  if (code && (system === SYSTEMS.ucum || system === undefined) && Object.prototype.hasOwnProperty.call(UCUM_UNITS, code)) {
    const base = UCUM_UNITS[code]!;
    return { base, written: code };
  }
  const t = (unitText ?? code)?.toLowerCase().replace(/\.$/, '').trim();
  if (t && Object.prototype.hasOwnProperty.call(TEXT_UNITS, t)) {
    const base = TEXT_UNITS[t]!;
    const written = unitText ?? code ?? t;
    const isUcumWritten = Object.prototype.hasOwnProperty.call(UCUM_UNITS, written);
    return { base: isUcumWritten && !base.note ? base : { ...base, note: medReason('med.unit-text-read-as', { written, unit: `${base.unit}${base.perKg ? '/kg' : ''}` }) }, written };
  }
  return undefined;
}

/** A concentration per mL (mg/mL or IU/mL) from a Ratio-ish value. */
export function readConcentration(ratio: unknown): { value: number; unit: 'mg/mL' | 'IU/mL'; original: string } | undefined {
  const n = get(ratio, 'numerator');
  const d = get(ratio, 'denominator');
  const nv = num(get(n, 'value'));
  const dv = num(get(d, 'value'));
  const nu = readUnit(n);
  const du = readUnit(d);
  if (nv === undefined || dv === undefined || !nu || !du || nv <= 0 || dv <= 0) return undefined;
  if (nu.base.perKg || du.base.perKg || nu.base.unit === 'mL' || du.base.unit !== 'mL') return undefined;
  const value = (nv * nu.base.factor) / (dv * du.base.factor);
  if (!Number.isFinite(value) || value <= 0) return undefined;
  const unit = nu.base.unit === 'mg' ? 'mg/mL' : 'IU/mL';
  return { value: tidy(value), unit, original: `${nv} ${nu.written} / ${dv} ${du.written}` };
}

/**
 * The anticoagulant's strength per mL from Medication.ingredient: the only ingredient with a strength, or the one
 * whose item is a recognised anticoagulant.
 */
export function concentrationFromMedication(medication: unknown): { value: number; unit: 'mg/mL' | 'IU/mL'; original: string } | undefined {
  const withStrength = arr(get(medication, 'ingredient')).filter((i) => obj(get(i, 'strength')));
  if (withStrength.length === 0) return undefined;
  if (withStrength.length === 1) return readConcentration(get(withStrength[0], 'strength'));
  const anti = withStrength.filter((i) => recogniseAnticoagulant(get(i, 'itemCodeableConcept') as fhir4.CodeableConcept | undefined));
  return anti.length === 1 ? readConcentration(get(anti[0], 'strength')) : undefined;
}

/** Reads one dose Quantity into mg or IU (mL converted only with a concentration). */
export function readDoseQuantity(
  q: unknown,
  concentration: { value: number; unit: 'mg/mL' | 'IU/mL'; original: string } | undefined,
): Known<DoseAmount> {
  if (!obj(q)) return unknown(medReason('med.no-dose-quantity'));
  const value = num(get(q, 'value'));
  const writtenUnit = str(get(q, 'code')) ?? str(get(q, 'unit')) ?? '';
  const original = `${safeString(get(q, 'value') ?? '?')} ${writtenUnit}`.trim();
  if (value === undefined) return unknown(medReason('med.dose-value-missing', { original }));
  if (str(get(q, 'comparator'))) return unknown(medReason('med.dose-has-comparator', { comparator: safeString(get(q, 'comparator')), original }));
  if (value <= 0) return unknown(medReason('med.dose-not-positive', { original }));
  const u = readUnit(q);
  if (!u) return unknown(writtenUnit ? medReason('med.dose-unit-not-readable', { unit: writtenUnit, original }) : medReason('med.dose-unit-missing', { original }));
  const base = u.base;
  const limitKey = base.perKg ? (`${base.unit}/kg` as 'mg/kg' | 'IU/kg') : base.unit;
  const amount = value * base.factor;
  if (!(amount <= PLAUSIBLE_MAX[limitKey])) return unknown(medReason('med.dose-implausible', { original, max: PLAUSIBLE_MAX[limitKey], unit: limitKey }));
  const note = base.note ? { unitNote: base.note } : {};
  if (base.unit === 'mL') {
    if (!concentration) return unknown(medReason('med.dose-volume-without-concentration', { original }));
    const converted = amount * concentration.value;
    const unit = concentration.unit === 'mg/mL' ? 'mg' : 'IU';
    if (!Number.isFinite(converted) || !(converted <= PLAUSIBLE_MAX[unit])) return unknown(medReason('med.dose-volume-implausible', { original, concentration: concentration.original }));
    return known({
      value: tidy(converted),
      unit,
      perKg: false,
      original,
      fromVolume: { ml: amount, concentration: `${concentration.value} ${concentration.unit} (${concentration.original})` },
      ...note,
    });
  }
  return known({ value: tidy(amount), unit: base.unit, perKg: base.perKg, original, ...note });
}

function rateType(entry: unknown): string | undefined {
  const t = get(entry, 'type');
  const c = codings(t)[0];
  return (c?.code ?? str(get(t, 'text')))?.toLowerCase();
}

/**
 * The dose of one Dosage: doseAndRate[].doseQuantity; with several entries the 'admin-amount' one, then 'ordered',
 * then 'calculated'; a dose range or a disagreement is unknown.
 */
export function readDosageDose(
  dosage: unknown,
  concentration: { value: number; unit: 'mg/mL' | 'IU/mL'; original: string } | undefined,
): Known<DoseAmount> {
  const entries = arr(get(dosage, 'doseAndRate')).filter((e) => obj(e));
  if (entries.length === 0) return unknown(medReason('med.no-dose-and-rate'));
  const withQty = entries.filter((e) => obj(get(e, 'doseQuantity')));
  if (withQty.length === 0) {
    const range = entries.find((e) => obj(get(e, 'doseRange')));
    if (range) {
      const lo = get(get(get(range, 'doseRange'), 'low'), 'value');
      const hi = get(get(get(range, 'doseRange'), 'high'), 'value');
      return unknown(medReason('med.dose-range', { low: safeString(lo ?? '?'), high: safeString(hi ?? '?') }));
    }
    return unknown(medReason('med.no-dose-quantity-in-dose-and-rate'));
  }
  const read = withQty.map((e) => ({ type: rateType(e), dose: readDoseQuantity(get(e, 'doseQuantity'), concentration) }));
  for (const pref of ['admin-amount', 'ordered', 'calculated']) {
    const hit = read.find((r) => r.type === pref && r.dose.known);
    if (hit && hit.dose.known) return known({ ...hit.dose.value, entry: pref });
  }
  const okay = read.filter((r) => r.dose.known);
  if (okay.length === 0) return read[0]!.dose;
  const first = okay[0]!.dose;
  if (!first.known) return first;
  const same = okay.every((r) => r.dose.known && r.dose.value.value === first.value.value && r.dose.value.unit === first.value.unit && r.dose.value.perKg === first.value.perKg);
  if (same) return first;
  return unknown(medReason('med.dose-entries-disagree', { entries: listParam(okay.map((r) => (r.dose.known ? r.dose.value.original : ''))) }));
}

const HOURS: Record<string, number> = { s: 1 / 3600, min: 1 / 60, h: 1, d: 24, wk: 168 };

const TIMING_CODES: Record<string, { dosesPer24h: number; intervalHours: number }> = {
  QD: { dosesPer24h: 1, intervalHours: 24 },
  BID: { dosesPer24h: 2, intervalHours: 12 },
  TID: { dosesPer24h: 3, intervalHours: 8 },
  QID: { dosesPer24h: 4, intervalHours: 6 },
  AM: { dosesPer24h: 1, intervalHours: 24 },
  PM: { dosesPer24h: 1, intervalHours: 24 },
  BED: { dosesPer24h: 1, intervalHours: 24 },
  QOD: { dosesPer24h: 0.5, intervalHours: 48 },
  Q4H: { dosesPer24h: 6, intervalHours: 4 },
  Q6H: { dosesPer24h: 4, intervalHours: 6 },
  Q8H: { dosesPer24h: 3, intervalHours: 8 },
  Q12H: { dosesPer24h: 2, intervalHours: 12 },
  Q24H: { dosesPer24h: 1, intervalHours: 24 },
  WK: { dosesPer24h: 1 / 7, intervalHours: 168 },
};

function freq(dosesPer24h: number, intervalHours: number, original: string, note?: Reason): Known<DoseFrequency> {
  if (!Number.isFinite(dosesPer24h) || !Number.isFinite(intervalHours) || dosesPer24h <= 0 || intervalHours <= 0) {
    return unknown(medReason('med.frequency-not-readable', { original }));
  }
  if (intervalHours < 1 || intervalHours > 24 * 31) return unknown(medReason('med.frequency-implausible', { original }));
  return known({ dosesPer24h: tidy(dosesPer24h), intervalHours: tidy(intervalHours), original, ...(note ? { note } : {}) });
}

/** Doses per 24 h and interval from Timing: repeat (frequency/period/periodUnit, or timeOfDay), else timing.code. */
export function readFrequency(timing: unknown): Known<DoseFrequency> {
  if (!obj(timing)) return unknown(medReason('med.no-timing'));
  const repeat = get(timing, 'repeat');
  if (obj(repeat)) {
    if (get(repeat, 'frequencyMax') !== undefined || get(repeat, 'periodMax') !== undefined) {
      return unknown(
        medReason('med.frequency-range', {
          frequency: safeString(get(repeat, 'frequency')),
          frequencyMax: safeString(get(repeat, 'frequencyMax') ?? get(repeat, 'frequency')),
          period: safeString(get(repeat, 'period')),
          periodMax: safeString(get(repeat, 'periodMax') ?? get(repeat, 'period')),
          periodUnit: safeString(get(repeat, 'periodUnit')),
        }),
      );
    }
    if (arr(get(repeat, 'dayOfWeek')).length > 0) return unknown(medReason('med.frequency-weekdays-only'));
    const period = num(get(repeat, 'period'));
    const unitRaw = get(repeat, 'periodUnit');
    const frequencyRaw = get(repeat, 'frequency');
    const frequency = num(frequencyRaw);
    if (period !== undefined || unitRaw !== undefined || frequencyRaw !== undefined) {
      const unit = str(unitRaw);
      if (period === undefined || period <= 0) return unknown(medReason('med.timing-no-period', { period: safeString(get(repeat, 'period')) }));
      if (!unit || !(unit in HOURS)) return unknown(medReason('med.timing-period-unit-not-fixed', { unit: safeString(unitRaw) }));
      if (frequencyRaw !== undefined && (frequency === undefined || frequency < 1 || !Number.isInteger(frequency))) {
        return unknown(medReason('med.timing-frequency-not-whole', { frequency: safeString(frequencyRaw) }));
      }
      const f = frequency ?? 1;
      const periodHours = period * HOURS[unit]!;
      const original = `${f} per ${period} ${unit}`;
      return freq((f * 24) / periodHours, periodHours / f, original, frequency === undefined ? medReason('med.frequency-default-once-per-period') : undefined);
    }
    const tod = arr(get(repeat, 'timeOfDay')).filter((t) => typeof t === 'string');
    if (tod.length > 0) return freq(tod.length, 24 / tod.length, `at ${tod.join(', ')} daily`);
  }
  const code = get(timing, 'code');
  for (const c of codings(code)) {
    const k = c.code?.toUpperCase();
    if (k && Object.prototype.hasOwnProperty.call(TIMING_CODES, k)) {
      const t = TIMING_CODES[k]!;
      return freq(t.dosesPer24h, t.intervalHours, `timing.code ${k}`);
    }
  }
  const text = str(get(code, 'text'));
  return unknown(text ? medReason('med.frequency-text-only', { text }) : medReason('med.no-frequency'));
}

const ROUTE_SNOMED: Record<string, RouteInfo['kind']> = {
  '34206005': 'subcutaneous',
  '47625008': 'intravenous',
  '78421000': 'intramuscular',
  '26643006': 'oral',
};
const ROUTE_TEXT: [RegExp, RouteInfo['kind']][] = [
  [/\b(subcutaneous|subcut|subq|sub-q|sc|s\.c|sq|s\/c|sc use)\b/i, 'subcutaneous'],
  [/\b(intravenous|iv|i\.v)\b/i, 'intravenous'],
  [/\b(intramuscular|im|i\.m)\b/i, 'intramuscular'],
  [/\b(oral|by mouth|po|p\.o)\b/i, 'oral'],
];

/** The route of a dosage: SNOMED code first, then text (labelled); unknown when none is written. */
export function readRoute(route: unknown): Known<RouteInfo> {
  if (!obj(route)) return unknown(medReason('med.no-route'));
  const cds = codings(route);
  for (const c of cds) {
    if (c.system === SYSTEMS.snomed && c.code && Object.prototype.hasOwnProperty.call(ROUTE_SNOMED, c.code)) {
      return known({ kind: ROUTE_SNOMED[c.code]!, recognisedBy: 'snomed', original: `SNOMED ${c.code}${c.display ? ` ${c.display}` : ''}` });
    }
  }
  const texts = [str(get(route, 'text')), ...cds.map((c) => c.display)].filter((t): t is string => !!t);
  for (const t of texts) {
    for (const [re, kind] of ROUTE_TEXT) if (re.test(t)) return known({ kind, recognisedBy: 'text', original: `text '${t}'` });
  }
  const any = texts[0] ?? cds.map((c) => `${c.system ?? ''} ${c.code ?? ''}`.trim())[0];
  return any ? known({ kind: 'other', recognisedBy: 'text', original: any }) : unknown(medReason('med.route-no-code-or-text'));
}
