/**
 * Dose-class thresholds per drug, as data, each row with its source and verification status
 * (docs/clinical-reference.md 5.2, 5.5, 8.5). RCOG GTG 37a Table 3 is PARTIAL (third-party transcription).
 * Drugs without a row here (nadroparin, certoparin, heparin, fondaparinux, unspecified LMWH) are classed 'unknown':
 * the reference gives no thresholds for them.
 */
import { RCOG_TABLE3_INTERMEDIATE_DOSES_PER_24H, RCOG_TABLE3_INTERMEDIATE_50_90, RCOG_TABLE3_PROPHYLACTIC, type WeightBand } from './rcogTable3';
import type { AnticoagulantDrug, VerificationStatus } from './medicationTypes';

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
  source: DoseClassSourceId;
  verification: VerificationStatus;
}

export interface DrugThresholds {
  drug: AnticoagulantDrug;
  unit: 'mg' | 'IU';
  prophylactic: ProphylacticRow[];
  intermediate: IntermediateRow[];
  therapeutic: TherapeuticRow[];
  bandSource: DoseClassSourceId;
  bandVerification: VerificationStatus;
  /** Enoxaparin only: anti-Xa IU per mg, to read an order written in IU. */
  iuPerMg?: { value: number; source: string; verification: VerificationStatus };
}

/**
 * Syringe-rounding tolerance (app choice, not from a guideline): therapeutic when the daily dose per kg is at least
 * (1 - TOL) x the lowest therapeutic regimen; per-kg prophylaxis up to (1 + TOL) x the per-kg band dose.
 */
export const DOSE_CLASS_TOLERANCE = 0.2;

/**
 * Where a threshold row comes from, as a code the catalogue words (`medication.classSource.<id>`):
 * rcog-37a-table3 = RCOG Green-top Guideline No. 37a (2015), Table 3, prophylactic LMWH by booking weight
 * (third-party transcription; reference 5.2); rcog-37b = RCOG GTG 37b (2015), details not retrieved (reference 5.2);
 * enoxaparin-label = Lovenox US prescribing information, 1.5 mg/kg once daily; br-j-clin-pharmacol-2010 =
 * Br J Clin Pharmacol 2010;69(5):520-528 Table 3 (reference 5.5, 8.5); fragmin-monograph, innohep-label = the
 * products' labelling. The label rows are not checked against the clinical reference.
 */
export type DoseClassSourceId = 'rcog-37a-table3' | 'rcog-37b' | 'enoxaparin-label' | 'br-j-clin-pharmacol-2010' | 'fragmin-monograph' | 'innohep-label';

export const RCOG_37A_TABLE_3: DoseClassSourceId = 'rcog-37a-table3';

type BandDrug = 'enoxaparin' | 'dalteparin' | 'tinzaparin';

/** The Table 3 rows for one drug, each pointing at the one band definition in rcogTable3.ts. */
function bands(drug: BandDrug): ProphylacticRow[] {
  return RCOG_TABLE3_PROPHYLACTIC.map((band) => {
    const v = drug === 'enoxaparin' ? band.enoxaparinMg : drug === 'dalteparin' ? band.dalteparinIU : band.tinzaparinIU;
    const daily = typeof v === 'number' ? { value: v, perKg: false } : { value: v.perKg, perKg: true };
    return { id: `${drug}-prophylactic-${band.id}`, band, daily, mayBeDivided: band.mayBeDivided[drug] };
  });
}

/** The high-prophylactic (intermediate) row for one drug: Table 3 gives it for 50–90 kg only. */
function intermediate(drug: BandDrug): IntermediateRow[] {
  const b = RCOG_TABLE3_INTERMEDIATE_50_90;
  const daily = drug === 'enoxaparin' ? b.enoxaparinMg : drug === 'dalteparin' ? b.dalteparinIU : b.tinzaparinIU;
  if (typeof daily !== 'number') return [];
  return [{ id: `${drug}-intermediate-50to90`, band: b, perDose: daily / RCOG_TABLE3_INTERMEDIATE_DOSES_PER_24H, dosesPer24h: RCOG_TABLE3_INTERMEDIATE_DOSES_PER_24H }];
}

/** The thresholds table. */
export const DOSE_CLASS_THRESHOLDS: Partial<Record<AnticoagulantDrug, DrugThresholds>> = {
  enoxaparin: {
    drug: 'enoxaparin',
    unit: 'mg',
    prophylactic: bands('enoxaparin'),
    intermediate: intermediate('enoxaparin'),
    therapeutic: [
      { id: 'enoxaparin-therapeutic-1mgkg-q12h', perKgPerDose: 1, dosesPer24h: 2, label: '1 mg/kg every 12 h', source: 'rcog-37b', verification: 'unverified' },
      { id: 'enoxaparin-therapeutic-1.5mgkg-daily', perKgPerDose: 1.5, dosesPer24h: 1, label: '1.5 mg/kg once daily', source: 'enoxaparin-label', verification: 'unverified' },
      { id: 'enoxaparin-therapeutic-1mgkg-daily-renal', perKgPerDose: 1, dosesPer24h: 1, label: '1 mg/kg once daily (CrCl < 30 mL/min)', source: 'br-j-clin-pharmacol-2010', verification: 'verified' },
    ],
    bandSource: RCOG_37A_TABLE_3,
    bandVerification: 'partial',
    iuPerMg: { value: 100, source: 'label equivalence 1 mg ≈ 100 anti-Xa IU (reference 2.2)', verification: 'partial' },
  },
  dalteparin: {
    drug: 'dalteparin',
    unit: 'IU',
    prophylactic: bands('dalteparin'),
    intermediate: intermediate('dalteparin'),
    therapeutic: [
      { id: 'dalteparin-therapeutic-100iukg-q12h', perKgPerDose: 100, dosesPer24h: 2, label: '100 IU/kg every 12 h', source: 'fragmin-monograph', verification: 'unverified' },
      { id: 'dalteparin-therapeutic-200iukg-daily', perKgPerDose: 200, dosesPer24h: 1, label: '200 IU/kg once daily', source: 'fragmin-monograph', verification: 'unverified' },
    ],
    bandSource: RCOG_37A_TABLE_3,
    bandVerification: 'partial',
  },
  tinzaparin: {
    drug: 'tinzaparin',
    unit: 'IU',
    prophylactic: bands('tinzaparin'),
    intermediate: intermediate('tinzaparin'),
    therapeutic: [
      { id: 'tinzaparin-therapeutic-175iukg-daily', perKgPerDose: 175, dosesPer24h: 1, label: '175 IU/kg once daily', source: 'innohep-label', verification: 'unverified' },
    ],
    bandSource: RCOG_37A_TABLE_3,
    bandVerification: 'partial',
  },
};
