/**
 * Dose intensity by regimen (docs/clinical-reference.md 9.1): ASRA 2018, SOAP 2018 and ACOG PB 196 name intensity by
 * the regimen given, not by the weight. A fixed regimen (enoxaparin 40 mg once daily) is prophylactic without any
 * weight; a weight is needed only to match an absolute dose to a weight-adjusted regimen (80 mg every 12 h at 80 kg
 * is 1 mg/kg every 12 h). The RCOG booking-weight band is a separate caution, not the intensity.
 *
 * The table exists once, as data: each row names its drug, dose, interval, intensity, reference section, source and
 * verification status. Codes, numbers and reasons only; the UI's catalogue words them.
 */
import { reason, type Reason } from '../reasons';
import type { SourceRef } from '../types';
import { DOSE_CLASS_THRESHOLDS } from './doseClassThresholds';
import type { AnticoagulantDrug, DoseAmount, DoseFrequency, VerificationStatus } from './medicationTypes';
import type { Known } from '../types';

export type RegimenIntensity = 'prophylactic' | 'intermediate' | 'therapeutic';
export type RegimenDrug = 'enoxaparin' | 'dalteparin' | 'tinzaparin' | 'nadroparin';

/** One row of the regimen table (reference 9.1). */
export interface RegimenRow {
  id: string;
  drug: RegimenDrug;
  intensity: RegimenIntensity;
  /** Per dose: mg or anti-Xa IU, per kg when the regimen is weight-adjusted. */
  dose: { value: number; unit: 'mg' | 'IU'; perKg: boolean };
  intervalHours: 12 | 24;
  /** Section of docs/clinical-reference.md the row comes from. */
  reference: '9.1';
  source: RegimenSourceId;
  verification: VerificationStatus;
  /** 'strong': several independent secondary sources agree (the reference's "PARTIAL-strong"). */
  verificationStrength?: 'strong';
}

/** The sources the table cites (worded by the UI; the citation text lives in docs/clinical-reference.md 9.1). */
export type RegimenSourceId = 'acog-pb196-asra-2018-soap-2018' | 'fraxiparine-smpc';

export const REGIMEN_SOURCES: Record<RegimenSourceId, { citation: string }> = {
  'acog-pb196-asra-2018-soap-2018': {
    citation:
      'ACOG Practice Bulletin 196 definitions as reproduced by perinatology.com "VTE prophylaxis" quick reference; ASRA 2018 (section 5.1); SOAP 2018 summary (UpToDate excerpt)',
  },
  'fraxiparine-smpc': { citation: 'Fraxiparine SmPC / prescribing information (product label copies: MIMS, German Fachinformation)' },
};

const row = (
  id: string,
  drug: RegimenDrug,
  intensity: RegimenIntensity,
  dose: RegimenRow['dose'],
  intervalHours: 12 | 24,
  strong: boolean,
  source: RegimenSourceId = 'acog-pb196-asra-2018-soap-2018',
): RegimenRow => ({ id, drug, intensity, dose, intervalHours, reference: '9.1', source, verification: 'partial', ...(strong ? { verificationStrength: 'strong' as const } : {}) });

const mg = (value: number, perKg = false) => ({ value, unit: 'mg' as const, perKg });
const iu = (value: number, perKg = false) => ({ value, unit: 'IU' as const, perKg });

/** The regimen table (reference 9.1). Tinzaparin and nadroparin have no intermediate row there. */
export const REGIMEN_TABLE: readonly RegimenRow[] = [
  row('enoxaparin-40mg-q24h', 'enoxaparin', 'prophylactic', mg(40), 24, true),
  row('enoxaparin-30mg-q12h', 'enoxaparin', 'prophylactic', mg(30), 12, true),
  row('enoxaparin-40mg-q12h', 'enoxaparin', 'intermediate', mg(40), 12, true),
  row('enoxaparin-1mgkg-q12h', 'enoxaparin', 'therapeutic', mg(1, true), 12, true),
  row('enoxaparin-1.5mgkg-q24h', 'enoxaparin', 'therapeutic', mg(1.5, true), 24, true),
  row('dalteparin-5000iu-q24h', 'dalteparin', 'prophylactic', iu(5000), 24, true),
  row('dalteparin-5000iu-q12h', 'dalteparin', 'intermediate', iu(5000), 12, true),
  row('dalteparin-100iukg-q12h', 'dalteparin', 'therapeutic', iu(100, true), 12, true),
  row('dalteparin-200iukg-q24h', 'dalteparin', 'therapeutic', iu(200, true), 24, true),
  row('tinzaparin-4500iu-q24h', 'tinzaparin', 'prophylactic', iu(4500), 24, false),
  row('tinzaparin-175iukg-q24h', 'tinzaparin', 'therapeutic', iu(175, true), 24, false),
  row('nadroparin-2850iu-q24h', 'nadroparin', 'prophylactic', iu(2850), 24, false, 'fraxiparine-smpc'),
];

/**
 * How a dose is matched to a row: the app's choice, not a guideline's. Fixed doses must match exactly (after a unit
 * conversion); a weight-adjusted dose may differ from the regimen's per-kg dose by up to `weightAdjusted` (a
 * fraction), because syringes come in fixed sizes (dalteparin 200 IU/kg is given as 10 000-18 000 IU syringes by
 * weight band, up to about 12% off the exact per-kg dose).
 */
export const REGIMEN_MATCH_TOLERANCE = { fixed: 0, weightAdjusted: 0.15, label: 'app-choice' } as const;

/** The ASRA 2018 line a regimen intensity selects (reference 5.1, 9.1). */
export interface GuidelineInterval {
  hours: 12 | 24;
  /** 'asra-prophylactic' / 'asra-therapeutic': VERIFIED lines; the others are the app's conservative choice. */
  basis: 'asra-prophylactic' | 'asra-therapeutic' | 'app-conservative-intermediate' | 'app-conservative-unknown';
}

/**
 * The neuraxial interval for an intensity: prophylactic 12 h, therapeutic 24 h (ASRA 2018, VERIFIED). No verified
 * interval for intermediate-dose LMWH was found (reference 9.1): the longer 24 h, as the app's conservative choice;
 * unknown intensity likewise.
 */
export function guidelineIntervalFor(intensity: RegimenIntensity | 'unknown'): GuidelineInterval {
  switch (intensity) {
    case 'prophylactic':
      return { hours: 12, basis: 'asra-prophylactic' };
    case 'therapeutic':
      return { hours: 24, basis: 'asra-therapeutic' };
    case 'intermediate':
      return { hours: 24, basis: 'app-conservative-intermediate' };
    default:
      return { hours: 24, basis: 'app-conservative-unknown' };
  }
}

export type RegimenReasonCode =
  | 'regimen.drug-not-in-table'
  | 'regimen.dose-unknown'
  | 'regimen.frequency-unknown'
  | 'regimen.frequency-not-in-table'
  | 'regimen.unit-not-comparable'
  | 'regimen.weight-needed'
  | 'regimen.weight-not-usable'
  | 'regimen.no-row-matches';

export type RegimenReason = Reason<RegimenReasonCode>;

/** A body weight the match used: kg, when it was taken, and its record. */
export interface RegimenWeight {
  kg: number;
  atMs: number;
  source: SourceRef;
}

export interface RegimenInput {
  drug: AnticoagulantDrug;
  dose: Known<DoseAmount>;
  frequency: Known<DoseFrequency>;
  /** Needed only when the dose is absolute and no fixed regimen matches it. */
  weight?: RegimenWeight;
}

/** How the dose met the row. */
export type RegimenMatch =
  | { kind: 'fixed-exact' }
  | { kind: 'per-kg-as-written'; perKgDose: number }
  | { kind: 'per-kg-by-weight'; perKgDose: number; weight: RegimenWeight };

export type RegimenClass =
  | {
      intensity: RegimenIntensity;
      row: RegimenRow;
      match: RegimenMatch;
      /** The regimen is weight-adjusted (a per-kg row): the dose depends on a weight. */
      weightAdjusted: boolean;
      /** Set when the dose was converted before matching (enoxaparin written in anti-Xa IU). */
      conversion?: { from: 'IU'; to: 'mg'; iuPerMg: number; verification: VerificationStatus };
      guideline: GuidelineInterval;
      tolerance: typeof REGIMEN_MATCH_TOLERANCE;
    }
  | { intensity: 'unknown'; reason: RegimenReason; guideline: GuidelineInterval; tolerance: typeof REGIMEN_MATCH_TOLERANCE };

const PLAUSIBLE_WEIGHT_KG = { min: 20, max: 400 } as const;
const isRegimenDrug = (d: string): d is RegimenDrug => REGIMEN_TABLE.some((r) => r.drug === d);

function unknownClass(code: RegimenReasonCode, params?: Record<string, string | number | boolean | undefined>): RegimenClass {
  return { intensity: 'unknown', reason: reason(code, params), guideline: guidelineIntervalFor('unknown'), tolerance: REGIMEN_MATCH_TOLERANCE };
}

/** The dose in the table's unit for the drug; enoxaparin in IU is read with the label equivalence (PARTIAL). */
function inTableUnit(drug: RegimenDrug, d: DoseAmount): { value: number; unit: 'mg' | 'IU'; conversion?: NonNullable<Extract<RegimenClass, { row: RegimenRow }>['conversion']> } | undefined {
  const unit = REGIMEN_TABLE.find((r) => r.drug === drug)!.dose.unit;
  if (d.unit === unit) return { value: d.value, unit };
  const eq = DOSE_CLASS_THRESHOLDS[drug]?.iuPerMg;
  if (unit === 'mg' && d.unit === 'IU' && eq) {
    return { value: d.value / eq.value, unit, conversion: { from: 'IU', to: 'mg', iuPerMg: eq.value, verification: eq.verification } };
  }
  return undefined;
}

const withinTolerance = (actual: number, expected: number): boolean => Math.abs(actual - expected) <= expected * REGIMEN_MATCH_TOLERANCE.weightAdjusted + 1e-9;
const sameNumber = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, b);

function classified(r: RegimenRow, match: RegimenMatch, conversion: Extract<RegimenClass, { row: RegimenRow }>['conversion']): RegimenClass {
  return {
    intensity: r.intensity,
    row: r,
    match,
    weightAdjusted: r.dose.perKg,
    ...(conversion ? { conversion } : {}),
    guideline: guidelineIntervalFor(r.intensity),
    tolerance: REGIMEN_MATCH_TOLERANCE,
  };
}

/**
 * The intensity of an LMWH regimen from the drug, the dose, the interval and (only for weight-adjusted regimens) a
 * weight. Unknown with a reason whenever the data do not allow a match; never a guess.
 */
export function regimenIntensity(input: RegimenInput): RegimenClass {
  const { drug, dose, frequency, weight } = input;
  if (!isRegimenDrug(drug)) return unknownClass('regimen.drug-not-in-table', { drug });
  if (!dose.known) return unknownClass('regimen.dose-unknown', { drug });
  if (!frequency.known) return unknownClass('regimen.frequency-unknown', { drug });
  const interval = frequency.value.intervalHours;
  const rows = REGIMEN_TABLE.filter((r) => r.drug === drug && r.intervalHours === interval);
  if (rows.length === 0) return unknownClass('regimen.frequency-not-in-table', { drug, intervalHours: interval });
  const amount = inTableUnit(drug, dose.value);
  if (!amount) return unknownClass('regimen.unit-not-comparable', { drug, unit: dose.value.unit });
  const { value, conversion } = amount;
  if (dose.value.perKg) {
    const hit = rows.find((r) => r.dose.perKg && withinTolerance(value, r.dose.value));
    return hit ? classified(hit, { kind: 'per-kg-as-written', perKgDose: value }, conversion) : unknownClass('regimen.no-row-matches', { drug, value, perKg: true, intervalHours: interval });
  }
  const fixed = rows.find((r) => !r.dose.perKg && sameNumber(value, r.dose.value));
  if (fixed) return classified(fixed, { kind: 'fixed-exact' }, conversion);
  const perKgRows = rows.filter((r) => r.dose.perKg);
  if (perKgRows.length === 0) return unknownClass('regimen.no-row-matches', { drug, value, perKg: false, intervalHours: interval });
  if (!weight) return unknownClass('regimen.weight-needed', { drug, value, intervalHours: interval });
  if (!Number.isFinite(weight.kg) || weight.kg < PLAUSIBLE_WEIGHT_KG.min || weight.kg > PLAUSIBLE_WEIGHT_KG.max) {
    return unknownClass('regimen.weight-not-usable', { drug, kg: weight.kg });
  }
  const perKgDose = value / weight.kg;
  const hit = perKgRows.find((r) => withinTolerance(perKgDose, r.dose.value));
  if (!hit) return unknownClass('regimen.no-row-matches', { drug, value, perKg: false, intervalHours: interval, perKgDose, kg: weight.kg });
  return classified(hit, { kind: 'per-kg-by-weight', perKgDose, weight }, conversion);
}
