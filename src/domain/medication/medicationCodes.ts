/**
 * Medication codes as data, each with its verification status from docs/clinical-reference.md (sections 2 and 8.1).
 * ATC codes are matched by EXACT code: the group B01AB also holds antithrombin (B01AB02), which is not an LMWH.
 * Tinzaparin and nadroparin have no verified RxNorm code and have none here (reference 8.1, 8.6).
 */
import type { AnticoagulantDrug, DrugClass, OtherRelevantDrug, StrengthHint, VerificationStatus } from './medicationTypes';

export interface CodeEntry<D> {
  drug: D;
  status: VerificationStatus;
  /** What the code denotes, e.g. "IN", "SCD 0.4 mL 100 mg/mL prefilled syringe". */
  note: string;
  strength?: Omit<StrengthHint, 'from'>;
}

/** Drug class of each anticoagulant. */
export const DRUG_CLASS: Record<AnticoagulantDrug, DrugClass> = {
  enoxaparin: 'lmwh',
  dalteparin: 'lmwh',
  nadroparin: 'lmwh',
  tinzaparin: 'lmwh',
  certoparin: 'lmwh',
  'lmwh-unspecified': 'lmwh',
  heparin: 'ufh',
  fondaparinux: 'fondaparinux',
};

type A = CodeEntry<AnticoagulantDrug>;
const mg = (amount: number, ml: number, perMl: number): Omit<StrengthHint, 'from'> => ({
  amount: { value: amount, unit: 'mg' },
  volumeMl: ml,
  concentration: { value: perMl, unit: 'mg/mL' },
});
const iu = (amount: number | undefined, ml: number | undefined, perMl: number): Omit<StrengthHint, 'from'> => ({
  ...(amount !== undefined ? { amount: { value: amount, unit: 'IU' as const } } : {}),
  ...(ml !== undefined ? { volumeMl: ml } : {}),
  concentration: { value: perMl, unit: 'IU/mL' },
});
const sbd = (drug: AnticoagulantDrug, brand: string): A => ({ drug, status: 'verified', note: `SBD [${brand}]` });

/** RxNorm anticoagulant codes (reference 8.1: VSAC expansions). */
export const RXNORM_ANTICOAGULANTS: Record<string, A> = {
  // enoxaparin
  '67108': { drug: 'enoxaparin', status: 'verified', note: 'IN enoxaparin' },
  '221095': { drug: 'enoxaparin', status: 'verified', note: 'PIN enoxaparin sodium' },
  '225036': { drug: 'enoxaparin', status: 'verified', note: 'BN Lovenox' },
  '854228': { drug: 'enoxaparin', status: 'verified', note: 'SCD 0.3 mL enoxaparin sodium 100 mg/mL prefilled syringe', strength: mg(30, 0.3, 100) },
  '854235': { drug: 'enoxaparin', status: 'verified', note: 'SCD 0.4 mL enoxaparin sodium 100 mg/mL prefilled syringe', strength: mg(40, 0.4, 100) },
  '854238': { drug: 'enoxaparin', status: 'verified', note: 'SCD 0.6 mL enoxaparin sodium 100 mg/mL prefilled syringe', strength: mg(60, 0.6, 100) },
  '854241': { drug: 'enoxaparin', status: 'verified', note: 'SCD 0.8 mL enoxaparin sodium 100 mg/mL prefilled syringe', strength: mg(80, 0.8, 100) },
  '854245': { drug: 'enoxaparin', status: 'verified', note: 'SCD 0.8 mL enoxaparin sodium 150 mg/mL prefilled syringe', strength: mg(120, 0.8, 150) },
  '854248': { drug: 'enoxaparin', status: 'verified', note: 'SCD 1 mL enoxaparin sodium 100 mg/mL prefilled syringe', strength: mg(100, 1, 100) },
  '854252': { drug: 'enoxaparin', status: 'verified', note: 'SCD 1 mL enoxaparin sodium 150 mg/mL prefilled syringe', strength: mg(150, 1, 150) },
  '854255': {
    drug: 'enoxaparin',
    status: 'verified',
    note: 'SCD enoxaparin sodium 100 mg/mL injectable solution (multi-dose vial)',
    strength: { concentration: { value: 100, unit: 'mg/mL' } },
  },
  '854232': sbd('enoxaparin', 'Lovenox'),
  '854236': sbd('enoxaparin', 'Lovenox'),
  '854239': sbd('enoxaparin', 'Lovenox'),
  '854242': sbd('enoxaparin', 'Lovenox'),
  '854247': sbd('enoxaparin', 'Lovenox'),
  '854249': sbd('enoxaparin', 'Lovenox'),
  '854253': sbd('enoxaparin', 'Lovenox'),
  '854256': sbd('enoxaparin', 'Lovenox'),
  // dalteparin (27340 is NOT dalteparin: reference 8.1)
  '67109': { drug: 'dalteparin', status: 'verified', note: 'IN dalteparin' },
  '82137': { drug: 'dalteparin', status: 'verified', note: 'PIN dalteparin sodium' },
  '281554': { drug: 'dalteparin', status: 'verified', note: 'BN Fragmin' },
  '978725': { drug: 'dalteparin', status: 'verified', note: 'SCD 0.2 mL dalteparin 12 500 UNT/mL', strength: iu(2500, 0.2, 12500) },
  '978733': { drug: 'dalteparin', status: 'verified', note: 'SCD 0.2 mL dalteparin 25 000 UNT/mL', strength: iu(5000, 0.2, 25000) },
  '978736': { drug: 'dalteparin', status: 'verified', note: 'SCD 0.3 mL dalteparin 25 000 UNT/mL', strength: iu(7500, 0.3, 25000) },
  '978740': { drug: 'dalteparin', status: 'verified', note: 'SCD 0.5 mL dalteparin 25 000 UNT/mL', strength: iu(12500, 0.5, 25000) },
  '978744': { drug: 'dalteparin', status: 'verified', note: 'SCD 0.6 mL dalteparin 25 000 UNT/mL', strength: iu(15000, 0.6, 25000) },
  '978746': { drug: 'dalteparin', status: 'verified', note: 'SCD 0.72 mL dalteparin 25 000 UNT/mL', strength: iu(18000, 0.72, 25000) },
  '978755': { drug: 'dalteparin', status: 'verified', note: 'SCD 1 mL dalteparin 10 000 UNT/mL', strength: iu(10000, 1, 10000) },
  '978759': { drug: 'dalteparin', status: 'verified', note: 'SCD dalteparin 10 000 UNT/mL injectable solution', strength: iu(undefined, undefined, 10000) },
  '978777': { drug: 'dalteparin', status: 'verified', note: 'SCD dalteparin 25 000 UNT/mL injectable solution', strength: iu(undefined, undefined, 25000) },
  '2618839': { drug: 'dalteparin', status: 'verified', note: 'SCD 4 mL dalteparin 2 500 UNT/mL injection', strength: iu(10000, 4, 2500) },
  '978727': sbd('dalteparin', 'Fragmin'),
  '978735': sbd('dalteparin', 'Fragmin'),
  '978737': sbd('dalteparin', 'Fragmin'),
  '978741': sbd('dalteparin', 'Fragmin'),
  '978745': sbd('dalteparin', 'Fragmin'),
  '978747': sbd('dalteparin', 'Fragmin'),
  '978757': sbd('dalteparin', 'Fragmin'),
  '978778': sbd('dalteparin', 'Fragmin'),
  // unfractionated heparin
  '5224': { drug: 'heparin', status: 'verified', note: 'IN heparin' },
  '314659': { drug: 'heparin', status: 'verified', note: 'PIN heparin sodium, porcine' },
  // 1361574: VSAC "Anticoagulants for All Indications" (OID 2.16.840.1.113762.1.4.1248.22, eCQM Update 2025-05-08)
  // lists it as "heparin sodium, porcine 20000 UNT/ML Injectable Solution" (canvas-medical/canvas-plugins
  // canvas_sdk/value_set/v2026/medication.py); openFDA NDC records of heparin sodium (e.g. 63739-964, 0781-3540) map
  // to it. Used by the CMS108 low-dose UFH test cases (MALDUHep*).
  // No strength hint: RxNorm writes heparin in USP units (UNT), and this table does not equate them with IU.
  '1361574': { drug: 'heparin', status: 'verified', note: 'SCD heparin sodium, porcine 20 000 UNT/mL injectable solution' },
  // 1361607: no public source in reach gives its RxNorm display. Seen only in anticoagulant code lists without names
  // (4CE Phase 1.1 i2b2 med map, class COAGB = ATC B01AA/AB/AE/AF/AX), in a dose-unit table as a UNITS / IV product,
  // and in the CMS108 test case MAUHepEDendTimeOnIPEncStrtTm ("Unfractionated Heparin during ED", numerator pass).
  // Meaning (an unfractionated heparin product) only partly confirmed; product, strength and form UNKNOWN.
  '1361607': { drug: 'heparin', status: 'partial', note: 'heparin product (UFH); RxNorm display not retrieved, strength unknown' },
  // fondaparinux
  '321208': { drug: 'fondaparinux', status: 'verified', note: 'IN fondaparinux' },
  '322154': { drug: 'fondaparinux', status: 'verified', note: 'PIN fondaparinux sodium' },
  '322155': { drug: 'fondaparinux', status: 'verified', note: 'BN Arixtra' },
  '861360': { drug: 'fondaparinux', status: 'verified', note: 'SCD 0.5 mL fondaparinux 5 mg/mL', strength: mg(2.5, 0.5, 5) },
  '861363': { drug: 'fondaparinux', status: 'verified', note: 'SCD 0.4 mL fondaparinux 12.5 mg/mL', strength: mg(5, 0.4, 12.5) },
  '861365': { drug: 'fondaparinux', status: 'verified', note: 'SCD 0.6 mL fondaparinux 12.5 mg/mL', strength: mg(7.5, 0.6, 12.5) },
  '861356': { drug: 'fondaparinux', status: 'verified', note: 'SCD 0.8 mL fondaparinux 12.5 mg/mL', strength: mg(10, 0.8, 12.5) },
};

/** ATC codes, exact (reference 2.1). B01AB02 antithrombin is deliberately absent. */
export const ATC_ANTICOAGULANTS: Record<string, A> = {
  B01AB01: { drug: 'heparin', status: 'verified', note: 'heparin' },
  B01AB04: { drug: 'dalteparin', status: 'verified', note: 'dalteparin' },
  B01AB05: { drug: 'enoxaparin', status: 'verified', note: 'enoxaparin' },
  B01AB06: { drug: 'nadroparin', status: 'verified', note: 'nadroparin' },
  B01AB10: { drug: 'tinzaparin', status: 'verified', note: 'tinzaparin' },
  B01AB13: { drug: 'certoparin', status: 'verified', note: 'certoparin' },
  B01AX05: { drug: 'fondaparinux', status: 'verified', note: 'fondaparinux' },
};

/** SNOMED CT substances (and one product), reference 2.1. */
export const SNOMED_ANTICOAGULANTS: Record<string, A> = {
  '372562003': { drug: 'enoxaparin', status: 'verified', note: 'substance enoxaparin' },
  '372563008': { drug: 'dalteparin', status: 'verified', note: 'substance dalteparin' },
  '699946002': { drug: 'nadroparin', status: 'verified', note: 'substance nadroparin' },
  '412608008': { drug: 'tinzaparin', status: 'verified', note: 'substance tinzaparin' },
  '395961003': { drug: 'certoparin', status: 'verified', note: 'substance certoparin' },
  '372877000': { drug: 'heparin', status: 'verified', note: 'substance heparin' },
  '708189008': { drug: 'fondaparinux', status: 'verified', note: 'substance fondaparinux' },
  '775768002': { drug: 'enoxaparin', status: 'partial', note: 'product containing only enoxaparin' },
};

/**
 * Names for the text fallback (whole word, case-insensitive). Order matters: specific drugs first; "heparin" only
 * when not part of "low molecular weight heparin".
 */
export const ANTICOAGULANT_NAMES: { drug: AnticoagulantDrug; names: string[] }[] = [
  { drug: 'enoxaparin', names: ['enoxaparin', 'clexane', 'klexane', 'lovenox', 'inhixa'] },
  { drug: 'dalteparin', names: ['dalteparin', 'fragmin'] },
  { drug: 'nadroparin', names: ['nadroparin', 'fraxiparine', 'fraxiparin', 'fraxodi'] },
  { drug: 'tinzaparin', names: ['tinzaparin', 'innohep'] },
  { drug: 'certoparin', names: ['certoparin'] },
  { drug: 'fondaparinux', names: ['fondaparinux', 'arixtra'] },
  { drug: 'lmwh-unspecified', names: ['low molecular weight heparin', 'low-molecular-weight heparin', 'LMW heparin', 'LMWH'] },
  { drug: 'heparin', names: ['heparin'] },
];

type O = CodeEntry<OtherRelevantDrug>;
/** RxNorm estradiol (reference 8.1, VERIFIED via two code lists) and aspirin (1191: not in the reference). */
export const RXNORM_OTHER: Record<string, O> = {
  '4083': { drug: 'estradiol', status: 'verified', note: 'IN estradiol' },
  '24395': { drug: 'estradiol', status: 'verified', note: 'related estradiol code (ICEES list)' },
  '405416': { drug: 'estradiol', status: 'verified', note: 'related estradiol code (ICEES list)' },
  '60661': { drug: 'estradiol', status: 'verified', note: 'related estradiol code (ICEES list)' },
  '1191': { drug: 'aspirin', status: 'unverified', note: 'IN aspirin (not in the reference)' },
};
/** ATC estradiol (VERIFIED secondary) and aspirin (not in the reference). */
export const ATC_OTHER: Record<string, O> = {
  G03CA03: { drug: 'estradiol', status: 'verified', note: 'estradiol' },
  B01AC06: { drug: 'aspirin', status: 'unverified', note: 'acetylsalicylic acid, platelet aggregation inhibitor (not in the reference)' },
  N02BA01: { drug: 'aspirin', status: 'unverified', note: 'acetylsalicylic acid, analgesic (not in the reference)' },
};
/** Names for the other-drug text fallback. */
export const OTHER_NAMES: { drug: OtherRelevantDrug; names: string[] }[] = [
  { drug: 'estradiol', names: ['estradiol', 'oestradiol', 'progynova', 'estrofem'] },
  { drug: 'aspirin', names: ['aspirin', 'acetylsalicylic'] },
];

/** Code system URIs (and OIDs) accepted per terminology. */
export const MED_SYSTEMS = {
  rxnorm: ['http://www.nlm.nih.gov/research/umls/rxnorm', 'urn:oid:2.16.840.1.113883.6.88'],
  atc: ['http://www.whocc.no/atc', 'urn:oid:2.16.840.1.113883.6.73'],
  snomed: ['http://snomed.info/sct', 'urn:oid:2.16.840.1.113883.6.96'],
} as const;
