/**
 * Dose class (prophylactic / intermediate / therapeutic / unknown) of an anticoagulant order, from the data in
 * doseClassThresholds.ts. Order of checks: RCOG band prophylaxis, band intermediate, then therapeutic (at least
 * (1 - tolerance) x the lowest therapeutic daily dose per kg at the same frequency). Absolute doses need the booking weight.
 */
import { DOSE_CLASS_THRESHOLDS, DOSE_CLASS_TOLERANCE, type DrugThresholds, type TherapeuticRow, TOLERANCE_SOURCE } from './doseClassThresholds';
import { bandFor } from './rcogTable3';
import { tidy } from './safe';
import type { DoseClassResult, LmwhOrder, VerificationStatus } from './types';
import { PLAUSIBLE_KG } from './weights';
import { safeString } from '../text';

const fmt = (n: number) => safeString(tidy(Number(n.toPrecision(4))));

function therapeutic(t: DrugThresholds, perKgPerDay: number, dosesPer24h: number, what: string, weightKg?: number): DoseClassResult | undefined {
  const sameFrequency = t.therapeutic.filter((r) => r.dosesPer24h === dosesPer24h);
  const rows = sameFrequency.length > 0 ? sameFrequency : t.therapeutic;
  if (rows.length === 0) return undefined;
  const perDay = (r: TherapeuticRow) => r.perKgPerDose * r.dosesPer24h;
  const reached = rows.filter((r) => perKgPerDay >= (1 - DOSE_CLASS_TOLERANCE) * perDay(r));
  if (reached.length === 0) return undefined;
  // The highest regimen the dose reaches names the row; the threshold is that row's.
  const row = reached.reduce((a, b) => (perDay(a) >= perDay(b) ? a : b));
  const minPerDay = perDay(row);
  const u = t.unit;
  const scope = sameFrequency.length > 0 ? 'a therapeutic regimen at this frequency' : 'a therapeutic regimen (none in the table at this frequency)';
  return {
    class: 'therapeutic',
    basis: `${what} = ${fmt(perKgPerDay)} ${u}/kg/day: at least ${Math.round((1 - DOSE_CLASS_TOLERANCE) * 100)}% of ${scope} reached, ${row.label} (${fmt(minPerDay)} ${u}/kg/day; ${TOLERANCE_SOURCE})`,
    thresholdId: row.id,
    source: row.source,
    verification: row.verification,
    ...(weightKg !== undefined ? { weightKg } : {}),
  };
}

/** Classifies the dose intensity of an order; unknown with the reason whenever the data do not allow it. */
export function classifyDose(order: LmwhOrder, bookingWeightKg?: number): DoseClassResult {
  if (!order || typeof order !== 'object') return { class: 'unknown', reason: 'no order' };
  const t = DOSE_CLASS_THRESHOLDS[order.drug];
  if (!t) return { class: 'unknown', reason: `no dose-class thresholds for ${order.drug} in the clinical reference` };
  if (!order.dose?.known) return { class: 'unknown', reason: `dose unknown${order.dose && !order.dose.known ? `: ${order.dose.reason}` : ''}` };
  if (!order.frequency?.known) return { class: 'unknown', reason: `frequency unknown${order.frequency && !order.frequency.known ? `: ${order.frequency.reason}` : ''}` };
  const dose = order.dose.value;
  const f = order.frequency.value;
  let value = dose.value;
  let conversion = '';
  let convVerification: VerificationStatus | undefined;
  if (dose.unit !== t.unit) {
    if (t.iuPerMg && dose.unit === 'IU') {
      value = dose.value / t.iuPerMg.value;
      conversion = ` (${dose.value} IU read as ${fmt(value)} mg: ${t.iuPerMg.source})`;
      convVerification = t.iuPerMg.verification;
    } else {
      return { class: 'unknown', reason: `${order.drug} dose in ${dose.unit}: the thresholds are in ${t.unit}` };
    }
  }
  if (!Number.isFinite(value) || value <= 0 || !Number.isFinite(f.dosesPer24h) || f.dosesPer24h <= 0) {
    return { class: 'unknown', reason: 'dose or frequency not usable' };
  }
  const u = t.unit;
  const weaker = (v: VerificationStatus): VerificationStatus => {
    const rank: Record<VerificationStatus, number> = { verified: 2, partial: 1, unverified: 0 };
    return convVerification && rank[convVerification] < rank[v] ? convVerification : v;
  };
  const withConv = (r: DoseClassResult): DoseClassResult => (r.class === 'unknown' ? r : { ...r, basis: r.basis + conversion, verification: weaker(r.verification) });
  const regimen = `${fmt(value)} ${u}${dose.perKg ? '/kg' : ''} every ${fmt(f.intervalHours)} h`;
  const perKgBand = t.prophylactic.find((p) => p.daily.perKg);

  if (dose.perKg) {
    const perKgPerDay = value * f.dosesPer24h;
    if (perKgBand && perKgPerDay <= perKgBand.daily.value * (1 + DOSE_CLASS_TOLERANCE)) {
      return withConv({
        class: 'prophylactic',
        basis: `${regimen} = ${fmt(perKgPerDay)} ${u}/kg/day: at or below the per-kg prophylactic dose ${perKgBand.daily.value} ${u}/kg/day (${perKgBand.band.label} row) within ${DOSE_CLASS_TOLERANCE * 100}% (${TOLERANCE_SOURCE})`,
        thresholdId: perKgBand.id,
        source: t.bandSource,
        verification: t.bandVerification,
      });
    }
    const th = therapeutic(t, perKgPerDay, f.dosesPer24h, regimen);
    if (th) return withConv(th);
    return { class: 'unknown', reason: `${regimen} (${fmt(perKgPerDay)} ${u}/kg/day) is between the per-kg prophylactic and the therapeutic doses in the table` };
  }

  if (bookingWeightKg === undefined || bookingWeightKg === null) {
    return { class: 'unknown', reason: `booking weight needed: the RCOG dose bands are by booking weight (${regimen})` };
  }
  if (!Number.isFinite(bookingWeightKg) || bookingWeightKg < PLAUSIBLE_KG.min || bookingWeightKg > PLAUSIBLE_KG.max) {
    return { class: 'unknown', reason: `booking weight ${safeString(bookingWeightKg)} kg is not usable` };
  }
  const w = bookingWeightKg;
  const daily = value * f.dosesPer24h;
  const perKgPerDay = daily / w;
  // The one Table 3 band for this weight (rcogTable3.ts), shared with the weight-band caution.
  const weightBand = bandFor(w);
  const band = t.prophylactic.find((p) => p.band.id === weightBand?.id);
  if (band) {
    const limit = band.daily.perKg ? band.daily.value * w * (1 + DOSE_CLASS_TOLERANCE) : band.daily.value;
    if (daily <= limit && f.dosesPer24h <= 2) {
      const bandDose = band.daily.perKg ? `${band.daily.value} ${u}/kg/day = ${fmt(band.daily.value * w)} ${u}/day (within ${DOSE_CLASS_TOLERANCE * 100}%, ${TOLERANCE_SOURCE})` : `${band.daily.value} ${u} daily`;
      return withConv({
        class: 'prophylactic',
        basis: `${regimen} (${fmt(daily)} ${u}/day): at or below the prophylactic dose for booking weight ${band.band.label}, ${bandDose}`,
        thresholdId: band.id,
        source: t.bandSource,
        verification: t.bandVerification,
        weightKg: w,
      });
    }
  }
  const inter = t.intermediate.find((i) => i.band.id === weightBand?.id);
  if (inter && value <= inter.perDose && f.dosesPer24h <= inter.dosesPer24h) {
    return withConv({
      class: 'intermediate',
      basis: `${regimen}: within the high-prophylactic (intermediate) dose for booking weight ${inter.band.label}, ${inter.perDose} ${u} every ${24 / inter.dosesPer24h} h`,
      thresholdId: inter.id,
      source: t.bandSource,
      verification: t.bandVerification,
      weightKg: w,
    });
  }
  const th = therapeutic(t, perKgPerDay, f.dosesPer24h, `${regimen} at ${fmt(w)} kg`, w);
  if (th) return withConv(th);
  return {
    class: 'unknown',
    reason: `${regimen} at booking weight ${fmt(w)} kg (${fmt(perKgPerDay)} ${u}/kg/day) matches no prophylactic, intermediate or therapeutic row in the table`,
  };
}
