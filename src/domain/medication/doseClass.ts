/**
 * Dose class (prophylactic / intermediate / therapeutic / unknown) of an anticoagulant order, from the data in
 * doseClassThresholds.ts. Order of checks: RCOG band prophylaxis, band intermediate, then therapeutic (at least
 * (1 - tolerance) x the lowest therapeutic daily dose per kg at the same frequency). Absolute doses need the booking weight.
 */
import { DOSE_CLASS_THRESHOLDS, DOSE_CLASS_TOLERANCE, type DrugThresholds, type TherapeuticRow } from './doseClassThresholds';
import { bandFor, type WeightBand } from './rcogTable3';
import { tidy } from './safe';
import type { DoseClassResult, LmwhOrder, VerificationStatus } from './medicationTypes';
import { PLAUSIBLE_KG } from './weights';
import { reasonParam, unitParam, type Reason, type ReasonParam } from '../reasons';
import { medReason, whyParam } from './medicationReasons';

/** Four significant digits: the precision the basis shows (a calculated mg/kg, not a measured value). */
const fmt = (n: number): number => tidy(Number(n.toPrecision(4)));
const TOLERANCE_PERCENT = Math.round(DOSE_CLASS_TOLERANCE * 100);

/** The thresholds' unit as a unit code, so the UI writes it as the reader's language does ("mg"/"мг", "IU"/"МЕ"). */
const unitOf = (t: DrugThresholds): ReasonParam => unitParam(t.unit === 'IU' ? '[IU]' : t.unit);

/** A booking-weight band in numbers ("< 50 kg", "50–90 kg", "> 170 kg"), worded by the catalogue ("50–90 кг" in Russian). */
export const bandParam = (b: WeightBand): ReasonParam =>
  reasonParam(
    b.minKg <= 0
      ? medReason('med.weight-band', { side: 'below', kg: (b.maxKg ?? 0) + 1 })
      : b.maxKg === null
        ? medReason('med.weight-band', { side: 'above', kg: b.minKg - 1 })
        : medReason('med.weight-band', { side: 'range', kg: b.minKg, maxKg: b.maxKg }),
  );

/** A therapeutic row's regimen ("1 mg/kg every 12 h", "1 mg/kg once daily (CrCl < 30 mL/min)"), worded by the catalogue. */
const rowParam = (row: TherapeuticRow, t: DrugThresholds): ReasonParam =>
  reasonParam(medReason('med.therapeutic-row', { perKg: row.perKgPerDose, unit: unitOf(t), daily: row.dosesPer24h === 1, intervalHours: fmt(24 / row.dosesPer24h), renal: row.id.endsWith('-renal') }));

function therapeutic(t: DrugThresholds, perKgPerDay: number, dosesPer24h: number, what: Reason, weightKg?: number): DoseClassResult | undefined {
  const sameFrequency = t.therapeutic.filter((r) => r.dosesPer24h === dosesPer24h);
  const rows = sameFrequency.length > 0 ? sameFrequency : t.therapeutic;
  if (rows.length === 0) return undefined;
  const perDay = (r: TherapeuticRow) => r.perKgPerDose * r.dosesPer24h;
  const reached = rows.filter((r) => perKgPerDay >= (1 - DOSE_CLASS_TOLERANCE) * perDay(r));
  if (reached.length === 0) return undefined;
  // The highest regimen the dose reaches names the row; the threshold is that row's.
  const row = reached.reduce((a, b) => (perDay(a) >= perDay(b) ? a : b));
  const minPerDay = perDay(row);
  const u = unitOf(t);
  return {
    class: 'therapeutic',
    basis: medReason('med.class-therapeutic', {
      what: reasonParam(what),
      perKgPerDay: fmt(perKgPerDay),
      unit: u,
      percent: 100 - TOLERANCE_PERCENT,
      sameFrequency: sameFrequency.length > 0,
      row: rowParam(row, t),
      rowPerDay: fmt(minPerDay),
    }),
    thresholdId: row.id,
    source: row.source,
    verification: row.verification,
    ...(weightKg !== undefined ? { weightKg } : {}),
  };
}

/** The order's dose in the table's unit, with its frequency; or why it cannot be compared. */
interface Regimen {
  t: DrugThresholds;
  value: number;
  perKg: boolean;
  dosesPer24h: number;
  intervalHours: number;
  /** The regimen as a reason (shown inside every basis). */
  text: Reason;
  /** Adds the IU -> mg reading to a basis and lowers its verification to the equivalence's. */
  withConv: (r: DoseClassResult) => DoseClassResult;
}

const unknownClass = (reason: Reason): DoseClassResult => ({ class: 'unknown', reason });
const RANK: Record<VerificationStatus, number> = { verified: 2, partial: 1, unverified: 0 };

/** Step 1: dose and frequency read, the unit matched to the thresholds' (enoxaparin IU read as mg). */
function readRegimen(order: LmwhOrder): Regimen | DoseClassResult {
  if (!order || typeof order !== 'object') return unknownClass(medReason('med.class-no-order'));
  const t = DOSE_CLASS_THRESHOLDS[order.drug];
  if (!t) return unknownClass(medReason('med.class-no-thresholds', { drug: order.drug }));
  if (!order.dose?.known) return unknownClass(order.dose && !order.dose.known ? medReason('med.class-dose-unknown-because', { why: whyParam(order.dose.reason) }) : medReason('med.class-dose-unknown'));
  if (!order.frequency?.known) {
    return unknownClass(order.frequency && !order.frequency.known ? medReason('med.class-frequency-unknown-because', { why: whyParam(order.frequency.reason) }) : medReason('med.class-frequency-unknown'));
  }
  const dose = order.dose.value;
  const f = order.frequency.value;
  let value = dose.value;
  let conversion: { reason: Reason; verification: VerificationStatus } | undefined;
  if (dose.unit !== t.unit) {
    if (!(t.iuPerMg && dose.unit === 'IU')) return unknownClass(medReason('med.class-unit-mismatch', { drug: order.drug, unit: dose.unit, thresholdUnit: t.unit }));
    value = dose.value / t.iuPerMg.value;
    conversion = { reason: medReason('med.class-iu-read-as-mg', { iu: dose.value, mg: fmt(value), iuPerMg: t.iuPerMg.value }), verification: t.iuPerMg.verification };
  }
  if (!Number.isFinite(value) || value <= 0 || !Number.isFinite(f.dosesPer24h) || f.dosesPer24h <= 0) return unknownClass(medReason('med.class-not-usable'));
  const withConv = (r: DoseClassResult): DoseClassResult =>
    r.class === 'unknown' || !conversion
      ? r
      : {
          ...r,
          basis: medReason('med.class-with-conversion', { basis: reasonParam(r.basis), conversion: reasonParam(conversion.reason) }),
          verification: RANK[conversion.verification] < RANK[r.verification] ? conversion.verification : r.verification,
        };
  const text = medReason('med.regimen', { value: fmt(value), unit: unitOf(t), perKg: dose.perKg, intervalHours: fmt(f.intervalHours) });
  return { t, value, perKg: dose.perKg, dosesPer24h: f.dosesPer24h, intervalHours: f.intervalHours, text, withConv };
}

/** Step 2a: an order written per kg (no weight needed): the per-kg band dose, else a therapeutic regimen. */
function classifyPerKg(r: Regimen): DoseClassResult {
  const { t, text: regimen } = r;
  const perKgPerDay = r.value * r.dosesPer24h;
  const perKgBand = t.prophylactic.find((p) => p.daily.perKg);
  if (perKgBand && perKgPerDay <= perKgBand.daily.value * (1 + DOSE_CLASS_TOLERANCE)) {
    return r.withConv({
      class: 'prophylactic',
      basis: medReason('med.class-prophylactic-per-kg', { regimen: reasonParam(regimen), perKgPerDay: fmt(perKgPerDay), unit: unitOf(t), bandPerKg: perKgBand.daily.value, band: bandParam(perKgBand.band), percent: TOLERANCE_PERCENT }),
      thresholdId: perKgBand.id,
      source: t.bandSource,
      verification: t.bandVerification,
    });
  }
  const th = therapeutic(t, perKgPerDay, r.dosesPer24h, regimen);
  if (th) return r.withConv(th);
  return unknownClass(medReason('med.class-between-per-kg', { regimen: reasonParam(regimen), perKgPerDay: fmt(perKgPerDay), unit: unitOf(t) }));
}

/** Step 2b: an absolute dose by booking weight: the Table 3 band (one bandFor, shared with the caution), then therapeutic. */
function classifyByWeight(r: Regimen, w: number): DoseClassResult {
  const { t, text: regimen } = r;
  const u = unitOf(t);
  const daily = r.value * r.dosesPer24h;
  const weightBand = bandFor(w);
  const band = t.prophylactic.find((p) => p.band.id === weightBand?.id);
  if (band && r.dosesPer24h <= 2 && daily <= (band.daily.perKg ? band.daily.value * w * (1 + DOSE_CLASS_TOLERANCE) : band.daily.value)) {
    const bandDose = band.daily.perKg
      ? medReason('med.band-dose-per-kg', { perKg: band.daily.value, unit: u, perDay: fmt(band.daily.value * w), percent: TOLERANCE_PERCENT })
      : medReason('med.band-dose-daily', { value: band.daily.value, unit: u });
    return r.withConv({
      class: 'prophylactic',
      basis: medReason('med.class-prophylactic-band', { regimen: reasonParam(regimen), daily: fmt(daily), unit: u, band: bandParam(band.band), bandDose: reasonParam(bandDose) }),
      thresholdId: band.id,
      source: t.bandSource,
      verification: t.bandVerification,
      weightKg: w,
    });
  }
  const inter = t.intermediate.find((i) => i.band.id === weightBand?.id);
  if (inter && r.value <= inter.perDose && r.dosesPer24h <= inter.dosesPer24h) {
    return r.withConv({
      class: 'intermediate',
      basis: medReason('med.class-intermediate', { regimen: reasonParam(regimen), band: bandParam(inter.band), perDose: inter.perDose, unit: u, intervalHours: 24 / inter.dosesPer24h }),
      thresholdId: inter.id,
      source: t.bandSource,
      verification: t.bandVerification,
      weightKg: w,
    });
  }
  const th = therapeutic(t, daily / w, r.dosesPer24h, medReason('med.regimen-at-weight', { regimen: reasonParam(regimen), kg: fmt(w) }), w);
  if (th) return r.withConv(th);
  return unknownClass(medReason('med.class-no-row', { regimen: reasonParam(regimen), kg: fmt(w), perKgPerDay: fmt(daily / w), unit: u }));
}

/** Classifies the dose intensity of an order; unknown with the reason whenever the data do not allow it. */
export function classifyDose(order: LmwhOrder, bookingWeightKg?: number): DoseClassResult {
  const r = readRegimen(order);
  if ('class' in r) return r;
  if (r.perKg) return classifyPerKg(r);
  if (bookingWeightKg === undefined || bookingWeightKg === null) return unknownClass(medReason('med.class-booking-weight-needed', { regimen: reasonParam(r.text) }));
  if (!Number.isFinite(bookingWeightKg) || bookingWeightKg < PLAUSIBLE_KG.min || bookingWeightKg > PLAUSIBLE_KG.max) {
    return unknownClass(medReason('med.class-booking-weight-not-usable', { kg: String(bookingWeightKg) }));
  }
  return classifyByWeight(r, bookingWeightKg);
}
