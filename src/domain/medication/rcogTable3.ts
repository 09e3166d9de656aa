/**
 * RCOG Green-top Guideline No. 37a (2015), Table 3: prophylactic LMWH by booking weight, encoded once. The dose class
 * (classify) and the weight-band caution (rules) both read their band from `bandFor`, so one weight can never fall in
 * two bands. Status PARTIAL: a third-party transcription, not checked against the primary (docs/clinical-reference.md
 * 5.2, 8.5).
 *
 * Band edges. The table prints whole kilograms: < 50, 50–90, 91–130, 131–170, > 170. A booking weight is rounded to
 * the nearest whole kilogram (halves up) and that whole number is placed in the printed band: 90.4 kg -> 90 kg ->
 * 50–90; 90.5 kg -> 91 kg -> 91–130; 130.5 kg -> 131 kg -> 131–170; 170.5 kg -> 171 kg -> > 170. The per-kg dose of
 * the > 170 kg band uses the weight as recorded, not the rounded one.
 */

export type WeightBandId = 'under50' | 'from50to90' | 'from91to130' | 'from131to170' | 'over170';

/** A daily dose for a band: a fixed amount, or an amount per kg of booking weight (the > 170 kg band). */
export type BandDose = number | { perKg: number };

/** One row of Table 3 (prophylactic, daily totals). */
export interface WeightBand {
  id: WeightBandId;
  /** Whole kg, inclusive (the first band starts at 0). */
  minKg: number;
  /** Whole kg, inclusive; null: no upper limit. */
  maxKg: number | null;
  /** The band as the table prints it (quoted from the source, ASCII hyphen). */
  label: string;
  enoxaparinMg: BandDose;
  dalteparinIU: BandDose;
  tinzaparinIU: BandDose;
  /** Table 3 '*': may be given in 2 divided doses. */
  mayBeDivided: { enoxaparin: boolean; dalteparin: boolean; tinzaparin: boolean };
}

export const RCOG_TABLE3_PROPHYLACTIC: readonly WeightBand[] = [
  { id: 'under50', minKg: 0, maxKg: 49, label: '< 50 kg', enoxaparinMg: 20, dalteparinIU: 2500, tinzaparinIU: 3500, mayBeDivided: { enoxaparin: false, dalteparin: false, tinzaparin: false } },
  { id: 'from50to90', minKg: 50, maxKg: 90, label: '50-90 kg', enoxaparinMg: 40, dalteparinIU: 5000, tinzaparinIU: 4500, mayBeDivided: { enoxaparin: false, dalteparin: false, tinzaparin: false } },
  { id: 'from91to130', minKg: 91, maxKg: 130, label: '91-130 kg', enoxaparinMg: 60, dalteparinIU: 7500, tinzaparinIU: 7000, mayBeDivided: { enoxaparin: true, dalteparin: false, tinzaparin: true } },
  { id: 'from131to170', minKg: 131, maxKg: 170, label: '131-170 kg', enoxaparinMg: 80, dalteparinIU: 10000, tinzaparinIU: 9000, mayBeDivided: { enoxaparin: true, dalteparin: false, tinzaparin: true } },
  {
    id: 'over170',
    minKg: 171,
    maxKg: null,
    label: '> 170 kg',
    enoxaparinMg: { perKg: 0.6 },
    dalteparinIU: { perKg: 75 },
    tinzaparinIU: { perKg: 75 },
    mayBeDivided: { enoxaparin: true, dalteparin: false, tinzaparin: true },
  },
];

/** Table 3, high prophylactic (intermediate): the 50–90 kg band only, 12-hourly. Daily totals (twice the dose). */
export const RCOG_TABLE3_INTERMEDIATE_50_90: WeightBand = {
  id: 'from50to90',
  minKg: 50,
  maxKg: 90,
  label: '50-90 kg (high prophylactic, 12-hourly)',
  enoxaparinMg: 80,
  dalteparinIU: 10000,
  tinzaparinIU: 9000,
  mayBeDivided: { enoxaparin: false, dalteparin: false, tinzaparin: false },
};

/** The intermediate regimen per dose and its frequency (the daily totals above, halved). */
export const RCOG_TABLE3_INTERMEDIATE_DOSES_PER_24H = 2;

/** The whole-kg weight the bands are read with (nearest kg, halves up). */
export function bandWeightKg(weightKg: number): number {
  return Math.floor(weightKg + 0.5);
}

/** The Table 3 band of a booking weight; undefined when the weight is not a positive finite number. */
export function bandFor(weightKg: number): WeightBand | undefined {
  if (typeof weightKg !== 'number' || !Number.isFinite(weightKg) || weightKg <= 0) return undefined;
  const kg = bandWeightKg(weightKg);
  return RCOG_TABLE3_PROPHYLACTIC.find((b) => kg >= b.minKg && (b.maxKg === null || kg <= b.maxKg));
}

/** The band's daily dose for one drug at a weight (per-kg bands use the weight as recorded). */
export function bandDailyDose(band: WeightBand, drug: 'enoxaparin' | 'dalteparin' | 'tinzaparin', weightKg: number): number {
  const v = drug === 'enoxaparin' ? band.enoxaparinMg : drug === 'dalteparin' ? band.dalteparinIU : band.tinzaparinIU;
  return typeof v === 'number' ? v : v.perKg * weightKg;
}
