/**
 * Codes the IVF cycle model reads, each with its verification status in docs/clinical-reference.md (section 10.1).
 * Codes first; the text patterns are labelled fallbacks (a match says "text '<what matched>'").
 */
import { SYSTEMS } from '../types';

/** The app's local IVF code system (the embryo-age Observation of the demo EHR uses it). */
export const IVF_LOCAL_SYSTEM = 'https://lmwh-monitor.example/fhir/CodeSystem/ivf';
export const EMBRYO_AGE_LOCAL_CODE = 'embryo-age-at-transfer';

/** SNOMED CT procedures (VERIFIED, reference section 8.2). 236894009 is a frozen embryo transfer. */
export const OOCYTE_RETRIEVAL_SNOMED = ['177037000', '177042008', '265082003'] as const;
export const EMBRYO_TRANSFER_SNOMED = ['75456002', '236894009', '448543003'] as const;
export const FROZEN_TRANSFER_SNOMED = ['236894009'] as const;

/**
 * hCG (pregnancy test) LOINC codes, all members of the VSAC "Pregnancy Test" value set (VERIFIED, section 10.1).
 * Quantitative codes are Units/volume (mIU/mL = [IU]/L).
 */
export const HCG_CODES: Readonly<Record<string, { specimen: 'urine' | 'serum'; scale: 'qualitative' | 'quantitative' }>> = {
  '2106-3': { specimen: 'urine', scale: 'qualitative' },
  '2112-1': { specimen: 'urine', scale: 'qualitative' },
  '80384-1': { specimen: 'urine', scale: 'qualitative' },
  '2118-8': { specimen: 'serum', scale: 'qualitative' },
  '2110-5': { specimen: 'serum', scale: 'qualitative' },
  '80385-8': { specimen: 'serum', scale: 'qualitative' },
  '21198-7': { specimen: 'serum', scale: 'quantitative' },
  '19080-1': { specimen: 'serum', scale: 'quantitative' },
  '83086-9': { specimen: 'serum', scale: 'quantitative' },
  '45194-8': { specimen: 'serum', scale: 'quantitative' },
};

/** Pregnancy status (82810-3) and its answers (section 1.6); SNOMED answers some EHRs send instead. */
export const PREGNANCY_STATUS_LOINC = '82810-3';
export const PREGNANCY_STATUS_ANSWERS: Readonly<Record<string, 'pregnant' | 'not-pregnant' | 'unknown'>> = {
  'LA15173-0': 'pregnant',
  'LA26683-5': 'not-pregnant',
  'LA4489-6': 'unknown',
  '77386006': 'pregnant',
  '60001007': 'not-pregnant',
};

/** Ultrasound gestational-age estimate (11888-5, section 8.3): a pregnancy seen on ultrasound. */
export const ULTRASOUND_GA_LOINC = ['11888-5'] as const;

/** Estradiol: 2243-4 and 83096-8 mass, 14715-7 molar (section 8.3). */
export const ESTRADIOL_MASS_LOINC = ['2243-4', '83096-8'] as const;
export const ESTRADIOL_MOLAR_LOINC = ['14715-7'] as const;
/** 1 pg/mL estradiol = 3.671 pmol/L (molar mass 272.38 g/mol; reference section 1.6 and 8.3). */
export const ESTRADIOL_PMOL_PER_PG = 3.671;

/** Qualitative answers: SNOMED positive/negative/detected/not detected, LOINC Positive/Negative answers. */
export const POSITIVE_ANSWERS: ReadonlySet<string> = new Set(['10828004', '260373001', 'LA6576-8']);
export const NEGATIVE_ANSWERS: ReadonlySet<string> = new Set(['260385009', '260415000', 'LA6577-6']);
/** v3 ObservationInterpretation codes that classify a pregnancy test. H: above the non-pregnant range. */
export const POSITIVE_INTERPRETATIONS: ReadonlySet<string> = new Set(['POS', 'DET', 'H', 'HH']);
export const NEGATIVE_INTERPRETATIONS: ReadonlySet<string> = new Set(['NEG', 'ND', 'N']);

/** OHSS: ICD-10-CM N98.1 (VERIFIED). No SNOMED code is verified, so SNOMED-only records are read by text. */
export const OHSS_ICD10 = ['N98.1'] as const;
export const OHSS_TEXT = /ovarian hyper-?stimulation|\bOHSS\b/i;
export const OHSS_RISK_TEXT = /\brisk\b/i;
/** Condition.severity (FHIR R4 condition-severity value set): SNOMED 255604002 mild, 6736007 moderate, 24484000 severe. */
export const SEVERITY_SNOMED: Readonly<Record<string, 'mild' | 'moderate' | 'severe'>> = {
  '255604002': 'mild',
  '6736007': 'moderate',
  '24484000': 'severe',
};
export const SEVERITY_TEXT = /\b(mild|moderate|severe|critical)\b/i;

/** A drug group the cycle reads: ATC codes (PARTIAL unless noted in section 10.1) and text names. */
export interface DrugGroup {
  atc: readonly string[];
  rxnorm: readonly string[];
  text: RegExp;
}

/** Gonadotropins for stimulation (ATC G03GA, follitropins, menotropins, corifollitropin). */
export const GONADOTROPINS: DrugGroup = {
  atc: ['G03GA02', 'G03GA04', 'G03GA05', 'G03GA06', 'G03GA07', 'G03GA09', 'G03GA10'],
  rxnorm: [],
  text: /follitropin|menotropin|urofollitropin|Gonal-?f|Puregon|Follistim|Menopur|Elonva|Rekovelle|Pergoveris|Ovaleap|Bemfola/i,
};
/** hCG given as the trigger (choriogonadotropin alfa, urinary hCG). */
export const HCG_TRIGGER: DrugGroup = {
  atc: ['G03GA01', 'G03GA08'],
  rxnorm: [],
  text: /choriogonadotropin|chorionic gonadotrop|Ovitrelle|Ovidrel|Pregnyl|Novarel/i,
};
/** GnRH agonists given as the trigger. */
export const GNRH_AGONIST_TRIGGER: DrugGroup = {
  atc: ['L02AE01', 'L02AE02', 'L02AE04'],
  rxnorm: [],
  text: /triptorelin|leuprorelin|leuprolide|buserelin|Decapeptyl|Gonapeptyl|Lupron|Suprefact/i,
};
/** Progesterone for luteal support: ATC G03DA04 (VERIFIED), RxNorm 8727 (PARTIAL). */
export const PROGESTERONE: DrugGroup = {
  atc: ['G03DA04'],
  rxnorm: ['8727'],
  text: /progesterone|Utrogestan|Crinone|Cyclogest|Prolutex|Endometrin|Lubion/i,
};
/** Estradiol orders are recognised by the medication module (recogniseOtherRelevant): one home for those codes. */
/** "High dose" as written on an estrogen order: the app never judges the dose itself. */
export const HIGH_DOSE_TEXT = /high[\s-]dose/i;

/** Planned hCG tests: any hCG code above on a ServiceRequest/Appointment, or this text. */
export const HCG_TEST_TEXT = /\bb?-?hCG\b|beta[\s-]?hCG|pregnancy test|choriogonadotropin/i;

/** Text for fresh / frozen transfers (labelled fallback). */
export const FROZEN_TEXT = /\bfrozen\b|\bFET\b|cryo|thaw(ed)?/i;
export const FRESH_TEXT = /\bfresh\b/i;
/** Embryo age from text: "day 5", "day-3", "D5 embryo". Plain "blastocyst" does not say day 5 or 6. */
export const EMBRYO_DAY_TEXT = /\b(?:day[\s-]?|D)([2-7])\b/gi;
export const BLASTOCYST_TEXT = /\bblastocysts?\b/i;

export const CODE_LABEL: Readonly<Record<string, string>> = {
  [SYSTEMS.snomed]: 'SNOMED',
  [SYSTEMS.loinc]: 'LOINC',
  [SYSTEMS.atc]: 'ATC',
  [SYSTEMS.rxnorm]: 'RxNorm',
  [SYSTEMS.icd10cm]: 'ICD-10-CM',
  [SYSTEMS.icd10]: 'ICD-10',
};

/** Every Observation code the cycle reads that the FHIR layer's searches must include. */
export const IVF_OBSERVATION_LOINC: readonly string[] = [
  ...Object.keys(HCG_CODES),
  PREGNANCY_STATUS_LOINC,
  ...ULTRASOUND_GA_LOINC,
  ...ESTRADIOL_MASS_LOINC,
  ...ESTRADIOL_MOLAR_LOINC,
];
