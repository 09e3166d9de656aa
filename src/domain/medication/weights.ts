/**
 * Body weights from Observations (LOINC 29463-7, 3141-9, 8338-6; 8348-5 pre-pregnancy kept and labelled), in kg:
 * g and [lb_av] converted exactly, lb text accepted and labelled, anything else excluded with the reason.
 * bookingWeight: the first body weight on or after the start of pregnancy (the weight RCOG bands use).
 */
import { type Exclusion, type Known, known, SYSTEMS, unknown } from '../types';
import { DAY_MS, parseFhirDate } from '../time';
import { arr, codings, get, num, obj, str, tidy } from './safe';
import type { BodyWeight, BodyWeights, BookingWeight, DosePerKg, LmwhOrder } from './medicationTypes';
import { safeString } from '../text';
import type { Reason } from '../reasons';
import { medReason, MEDICATION_VIEWS, whyParam } from './medicationReasons';
import { byCode } from '../matchedBy';

const VIEW = MEDICATION_VIEWS.weights;
const BODY_CODES = ['29463-7', '3141-9', '8338-6'];
const PRE_PREGNANCY = '8348-5';
/** Exact: 1 international avoirdupois pound = 0.45359237 kg. */
export const KG_PER_LB = 0.45359237;
/** Plausible adult body weight (app choice, not a guideline): outside it the value is excluded. */
export const PLAUSIBLE_KG = { min: 20, max: 400 } as const;
const INCLUDED_STATUS = ['final', 'amended', 'corrected', 'preliminary'];

function toKg(q: unknown): { kg: number; note?: Reason } | { error: Reason } {
  const value = num(get(q, 'value'));
  const code = str(get(q, 'code'));
  const unit = str(get(q, 'unit'));
  const system = str(get(q, 'system'));
  if (value === undefined) return { error: medReason('med.weight-value-missing', { value: safeString(get(q, 'value')) }) };
  if (str(get(q, 'comparator'))) return { error: medReason('med.weight-has-comparator') };
  const ucum = system === SYSTEMS.ucum || system === undefined ? code : undefined;
  if (ucum === 'kg') return { kg: value };
  if (ucum === 'g') return { kg: value / 1000, note: medReason('med.weight-from-grams', { value }) };
  if (ucum === '[lb_av]') return { kg: value * KG_PER_LB, note: medReason('med.weight-from-pounds', { value, kgPerLb: KG_PER_LB }) };
  const t = (unit ?? code ?? '').toLowerCase().trim();
  if (t === 'kg' || t === 'kgs' || t === 'kilogram' || t === 'kilograms') return { kg: value, note: medReason('med.weight-text-unit-kg', { unit: unit ?? code }) };
  if (['lb', 'lbs', 'lbs.', 'lb.', 'pound', 'pounds', '[lb_av]'].includes(t)) {
    return { kg: value * KG_PER_LB, note: medReason('med.weight-text-unit-pounds', { unit: unit ?? code, kgPerLb: KG_PER_LB }) };
  }
  if (t === 'g' || t === 'gram' || t === 'grams') return { kg: value / 1000, note: medReason('med.weight-text-unit-grams', { unit: unit ?? code }) };
  return { error: unit ?? code ? medReason('med.weight-unit-not-readable', { unit: unit ?? code }) : medReason('med.weight-unit-missing') };
}

/** Body weights (kg) from Observations with their dates and sources, and the exclusions. Never throws. */
export function bodyWeights(observations: fhir4.Observation[], zone: string): BodyWeights {
  const weights: BodyWeight[] = [];
  const exclusions: Exclusion[] = [];
  for (const o of arr(observations)) {
    if (get(o, 'resourceType') !== 'Observation') continue;
    const loinc = codings(get(o, 'code')).find((c) => c.system === SYSTEMS.loinc && c.code && (BODY_CODES.includes(c.code) || c.code === PRE_PREGNANCY))?.code;
    if (!loinc) continue;
    const q = get(o, 'valueQuantity');
    const dateRaw = get(o, 'effectiveDateTime') ?? get(o, 'effectiveInstant') ?? get(get(o, 'effectivePeriod'), 'start');
    const original = obj(q) ? `${safeString(get(q, 'value') ?? '?')} ${safeString(get(q, 'code') ?? get(q, 'unit') ?? '')}`.trim() : undefined;
    const source = {
      resourceType: 'Observation',
      id: str(get(o, 'id')),
      ...(typeof dateRaw === 'string' ? { date: dateRaw } : {}),
      ...(original ? { original } : {}),
      matchedBy: byCode('LOINC', loinc),
    };
    const status = str(get(o, 'status'));
    if (!status || !INCLUDED_STATUS.includes(status)) {
      exclusions.push({ source, view: VIEW, reason: status ? medReason('med.status-excluded', { status }) : medReason('med.no-status') });
      continue;
    }
    if (!obj(q)) {
      exclusions.push({ source, view: VIEW, reason: medReason('med.weight-no-value') });
      continue;
    }
    const r = toKg(q);
    if ('error' in r) {
      exclusions.push({ source, view: VIEW, reason: r.error });
      continue;
    }
    if (!Number.isFinite(r.kg) || r.kg < PLAUSIBLE_KG.min || r.kg > PLAUSIBLE_KG.max) {
      exclusions.push({ source, view: VIEW, reason: medReason('med.weight-implausible', { original, min: PLAUSIBLE_KG.min, max: PLAUSIBLE_KG.max }) });
      continue;
    }
    const moment = parseFhirDate(dateRaw, zone);
    if (!moment) {
      exclusions.push({ source, view: VIEW, reason: dateRaw === undefined ? medReason('med.weight-no-date') : medReason('med.weight-date-not-readable', { value: safeString(dateRaw) }) });
      continue;
    }
    weights.push({
      kg: tidy(r.kg),
      kind: loinc === PRE_PREGNANCY ? 'pre-pregnancy' : 'body',
      loinc,
      moment,
      ms: moment.start,
      original: original ?? '',
      ...(r.note || loinc === PRE_PREGNANCY ? { notes: [loinc === PRE_PREGNANCY ? medReason('med.weight-pre-pregnancy') : undefined, r.note].filter((n): n is Reason => n !== undefined) } : {}),
      source,
    });
  }
  weights.sort((a, b) => a.ms - b.ms);
  return { weights, exclusions };
}

/** The first body weight on or after the start of pregnancy (the RCOG booking weight); pre-pregnancy weights are not used. */
export function bookingWeight(weights: BodyWeight[], pregnancyStartMs: number): Known<BookingWeight> {
  if (!Number.isFinite(pregnancyStartMs)) return unknown(medReason('med.booking-no-pregnancy-start'));
  const body = arr(weights)
    .filter((w): w is BodyWeight => obj(w) !== undefined && (w as BodyWeight).kind === 'body' && Number.isFinite((w as BodyWeight).ms) && Number.isFinite((w as BodyWeight).moment?.end))
    // A date-only weight on the start day counts (its day reaches past the start).
    .filter((w) => w.moment.end > pregnancyStartMs)
    .sort((a, b) => a.ms - b.ms);
  const w = body[0];
  if (!w) return unknown(medReason('med.booking-no-weight-in-pregnancy'));
  return known({ weight: w, daysAfterPregnancyStart: Math.max(0, Math.floor((w.ms - pregnancyStartMs) / DAY_MS)) });
}

/** The most recent body weight (pre-pregnancy weights are not used). */
export function latestWeight(weights: BodyWeight[]): Known<BodyWeight> {
  const body = arr(weights).filter((w): w is BodyWeight => obj(w) !== undefined && (w as BodyWeight).kind === 'body' && Number.isFinite((w as BodyWeight).ms));
  if (body.length === 0) return unknown(medReason('med.no-body-weight'));
  return known(body.reduce((a, b) => (b.ms > a.ms ? b : a)));
}

/** Dose per kg of a named weight: per dose, and per day when the frequency is known. */
export function dosePerKg(order: LmwhOrder, weight: BodyWeight): Known<DosePerKg> {
  if (!order?.dose?.known) return unknown(order?.dose && !order.dose.known ? medReason('med.per-kg-dose-unknown-because', { why: whyParam(order.dose.reason) }) : medReason('med.per-kg-dose-unknown'));
  const d = order.dose.value;
  if (d.perKg) return unknown(medReason('med.per-kg-already'));
  if (!weight || !Number.isFinite(weight.kg) || weight.kg <= 0) return unknown(medReason('med.per-kg-no-weight'));
  const unitPerDose = d.unit === 'mg' ? ('mg/kg' as const) : ('IU/kg' as const);
  const perDoseValue = d.value / weight.kg;
  const perDay: DosePerKg['perDay'] = order.frequency?.known
    ? known({ value: tidy(perDoseValue * order.frequency.value.dosesPer24h), unit: d.unit === 'mg' ? 'mg/kg/day' : 'IU/kg/day' })
    : unknown(order.frequency && !order.frequency.known ? medReason('med.per-kg-frequency-unknown-because', { why: whyParam(order.frequency.reason) }) : medReason('med.per-kg-frequency-unknown'));
  return known({
    perDose: { value: tidy(perDoseValue), unit: unitPerDose },
    perDay,
    weight: { kg: weight.kg, ms: weight.ms, moment: weight.moment, source: weight.source },
  });
}
