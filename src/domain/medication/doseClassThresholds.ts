/**
 * Dose-class thresholds per drug, as data, each row with its source and verification status
 * (docs/clinical-reference.md 5.2, 5.5, 8.5). RCOG GTG 37a Table 3 is PARTIAL (third-party transcription).
 * Drugs without a row here (nadroparin, certoparin, heparin, fondaparinux, unspecified LMWH) are classed 'unknown':
 * the reference gives no thresholds for them.
 */
import type { AnticoagulantDrug, VerificationStatus } from './types';

/** A booking-weight band. RCOG writes integer bands (<50, 50–90, 91–130, 131–170, >170); read here as kg ranges. */
export interface WeightBand {
  min: number;
  minInclusive: boolean;
  /** null: no upper limit. */
  max: number | null;
  maxInclusive: boolean;
  label: string;
}

export interface ProphylacticRow {
  id: string;
  band: WeightBand;
  /** Daily dose (mg or IU) for the band, or per kg per day above the bands. */
  daily: { value: number; perKg: boolean };
  /** RCOG '*': may be given in 2 divided doses. */
  mayBeDivided: boolean;
}

export interface IntermediateRow {
  id: string;
  band: WeightBand;
  perDose: number;
  dosesPer24h: number;
}

export interface TherapeuticRow {
  id: string;
  perKgPerDose: number;
  dosesPer24h: number;
  label: string;
  source: string;
  verification: VerificationStatus;
}

export interface DrugThresholds {
  drug: AnticoagulantDrug;
  unit: 'mg' | 'IU';
  prophylactic: ProphylacticRow[];
  intermediate: IntermediateRow[];
  therapeutic: TherapeuticRow[];
  bandSource: string;
  bandVerification: VerificationStatus;
  /** Enoxaparin only: anti-Xa IU per mg, to read an order written in IU. */
  iuPerMg?: { value: number; source: string; verification: VerificationStatus };
}

/**
 * Syringe-rounding tolerance (app choice, not from a guideline): therapeutic when the daily dose per kg is at least
 * (1 - TOL) x the lowest therapeutic regimen; per-kg prophylaxis up to (1 + TOL) x the per-kg band dose.
 */
export const DOSE_CLASS_TOLERANCE = 0.2;
export const TOLERANCE_SOURCE = 'app choice for syringe rounding (not from a guideline)';

export const RCOG_37A_TABLE_3 =
  'RCOG Green-top Guideline No. 37a (2015), Table 3: prophylactic LMWH by booking weight (third-party transcription; reference 5.2)';

/** RCOG booking-weight bands. */
export const BANDS = {
  under50: { min: 0, minInclusive: false, max: 50, maxInclusive: false, label: '< 50 kg' },
  from50to90: { min: 50, minInclusive: true, max: 90, maxInclusive: true, label: '50–90 kg' },
  from91to130: { min: 90, minInclusive: false, max: 130, maxInclusive: true, label: '91–130 kg' },
  from131to170: { min: 130, minInclusive: false, max: 170, maxInclusive: true, label: '131–170 kg' },
  over170: { min: 170, minInclusive: false, max: null, maxInclusive: false, label: '> 170 kg' },
} satisfies Record<string, WeightBand>;

/** True when a weight falls in a band. */
export function inBand(kg: number, b: WeightBand): boolean {
  const aboveMin = b.minInclusive ? kg >= b.min : kg > b.min;
  const belowMax = b.max === null ? true : b.maxInclusive ? kg <= b.max : kg < b.max;
  return aboveMin && belowMax;
}

function bands(drug: string, d: [number, number, number, number, number], divided: [boolean, boolean, boolean, boolean, boolean]): ProphylacticRow[] {
  const keys = ['under50', 'from50to90', 'from91to130', 'from131to170', 'over170'] as const;
  return keys.map((k, i) => ({ id: `${drug}-prophylactic-${k}`, band: BANDS[k], daily: { value: d[i]!, perKg: k === 'over170' }, mayBeDivided: divided[i]! }));
}

/** The thresholds table. */
export const DOSE_CLASS_THRESHOLDS: Partial<Record<AnticoagulantDrug, DrugThresholds>> = {
  enoxaparin: {
    drug: 'enoxaparin',
    unit: 'mg',
    prophylactic: bands('enoxaparin', [20, 40, 60, 80, 0.6], [false, false, true, true, true]),
    intermediate: [{ id: 'enoxaparin-intermediate-50to90', band: BANDS.from50to90, perDose: 40, dosesPer24h: 2 }],
    therapeutic: [
      { id: 'enoxaparin-therapeutic-1mgkg-q12h', perKgPerDose: 1, dosesPer24h: 2, label: '1 mg/kg every 12 h', source: 'RCOG GTG 37b (2015), details not retrieved (reference 5.2)', verification: 'UNVERIFIED' },
      { id: 'enoxaparin-therapeutic-1.5mgkg-daily', perKgPerDose: 1.5, dosesPer24h: 1, label: '1.5 mg/kg once daily', source: 'label regimen given in the issue brief; not in the reference', verification: 'UNVERIFIED' },
      { id: 'enoxaparin-therapeutic-1mgkg-daily-renal', perKgPerDose: 1, dosesPer24h: 1, label: '1 mg/kg once daily (CrCl < 30 mL/min)', source: 'Br J Clin Pharmacol 2010;69(5):520–528 Table 3 (reference 5.5, 8.5)', verification: 'VERIFIED' },
    ],
    bandSource: RCOG_37A_TABLE_3,
    bandVerification: 'PARTIAL',
    iuPerMg: { value: 100, source: 'label equivalence 1 mg ≈ 100 anti-Xa IU (reference 2.2)', verification: 'PARTIAL' },
  },
  dalteparin: {
    drug: 'dalteparin',
    unit: 'IU',
    prophylactic: bands('dalteparin', [2500, 5000, 7500, 10000, 75], [false, false, false, false, false]),
    intermediate: [{ id: 'dalteparin-intermediate-50to90', band: BANDS.from50to90, perDose: 5000, dosesPer24h: 2 }],
    therapeutic: [
      { id: 'dalteparin-therapeutic-100iukg-q12h', perKgPerDose: 100, dosesPer24h: 2, label: '100 IU/kg every 12 h', source: 'regimen given in the issue brief; not in the reference', verification: 'UNVERIFIED' },
      { id: 'dalteparin-therapeutic-200iukg-daily', perKgPerDose: 200, dosesPer24h: 1, label: '200 IU/kg once daily', source: 'regimen given in the issue brief; not in the reference', verification: 'UNVERIFIED' },
    ],
    bandSource: RCOG_37A_TABLE_3,
    bandVerification: 'PARTIAL',
  },
  tinzaparin: {
    drug: 'tinzaparin',
    unit: 'IU',
    prophylactic: bands('tinzaparin', [3500, 4500, 7000, 9000, 75], [false, false, true, true, true]),
    intermediate: [{ id: 'tinzaparin-intermediate-50to90', band: BANDS.from50to90, perDose: 4500, dosesPer24h: 2 }],
    therapeutic: [
      { id: 'tinzaparin-therapeutic-175iukg-daily', perKgPerDose: 175, dosesPer24h: 1, label: '175 IU/kg once daily', source: 'regimen given in the issue brief; not in the reference', verification: 'UNVERIFIED' },
    ],
    bandSource: RCOG_37A_TABLE_3,
    bandVerification: 'PARTIAL',
  },
};
