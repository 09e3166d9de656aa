/**
 * LOINC code lists shared by the FHIR layer (what to search for) and the domain (what a result means).
 * Every code here is in docs/clinical-reference.md; its verification status is noted where it is not VERIFIED.
 * Recognition details (unit types, analyte meaning) live beside the normalisers that use them.
 */

/**
 * D-dimer result codes. unitType: what the code itself says about FEU vs DDU ('unknown' = the code does not say);
 * note: a caveat about the code itself, as a lab reason code (worded in the UI's catalogue).
 */
export const DDIMER_CODES: Record<
  string,
  {
    unitType: 'FEU' | 'DDU' | 'unknown';
    scale: 'quantitative' | 'titre' | 'qualitative';
    note?: 'lab.code-deprecated-some-feu' | 'lab.code-deprecated' | 'lab.code-meaning-conflicting' | 'lab.code-titre' | 'lab.code-presence';
  }
> = {
  '48065-7': { unitType: 'FEU', scale: 'quantitative' },
  '48067-3': { unitType: 'FEU', scale: 'quantitative' },
  '71427-9': { unitType: 'FEU', scale: 'quantitative' },
  '48066-5': { unitType: 'DDU', scale: 'quantitative' },
  '48058-2': { unitType: 'DDU', scale: 'quantitative' },
  '91556-1': { unitType: 'DDU', scale: 'quantitative' },
  '7799-0': { unitType: 'unknown', scale: 'quantitative', note: 'lab.code-deprecated-some-feu' },
  '30240-6': { unitType: 'unknown', scale: 'quantitative', note: 'lab.code-deprecated' },
  '3246-6': { unitType: 'unknown', scale: 'quantitative', note: 'lab.code-meaning-conflicting' },
  '38898-3': { unitType: 'unknown', scale: 'titre', note: 'lab.code-titre' },
  '15179-5': { unitType: 'unknown', scale: 'qualitative', note: 'lab.code-presence' },
};

/** Coagulation panel and LMWH safety labs, by analyte (names in the UI's catalogue, `labs.analyte.<analyte>`). */
export const LAB_ANALYTES = {
  pt: { codes: ['5902-2', '5964-2'] },
  inr: { codes: ['6301-6', '34714-6', '46418-0'] },
  aptt: { codes: ['14979-9', '3173-2'] },
  fibrinogen: { codes: ['3255-7'] },
  platelets: { codes: ['777-3', '26515-7'] },
  thrombinTime: { codes: ['3243-3'] },
  antithrombin: { codes: ['27811-9', '27812-7', '1868-9'] },
  antiXaLmwh: { codes: ['32684-3'] },
  // 3274-8 is used by labs for both UFH and LMWH anti-Xa (reference section 8.3); 66483-9 is UFH (PARTIAL).
  antiXaGeneric: { codes: ['3274-8', '13055-9', '66483-9'] },
  haemoglobin: { codes: ['718-7'] },
  creatinine: { codes: ['2160-0', '14682-9'] },
  creatinineClearance: { codes: ['2164-2'] },
  egfr: { codes: ['98979-8', '98980-6', '62238-1', '69405-9'] },
} as const;
export type LabAnalyte = keyof typeof LAB_ANALYTES;

/** Body weight codes (vital-signs category). 8348-5 is pre-pregnancy weight. */
export const WEIGHT_CODES = ['29463-7', '3141-9', '8348-5', '8338-6'] as const;

/** Pregnancy dating and status. */
export const PREGNANCY_CODES = {
  edd: ['11778-8', '11779-6', '11780-4'],
  lmp: ['8665-2'],
  gestationalAge: ['11884-4', '11885-1', '18185-9', '49051-6', '11887-7', '11888-5'],
  gestationalAgeDays: ['49052-4'],
  pregnancyStatus: ['82810-3'],
  deliveryDate: ['93857-1'],
  gravidaPara: ['11996-6', '11977-6', '11637-6', '11639-2'],
  estradiol: ['2243-4', '83096-8', '14715-7'],
} as const;

/** Thrombophilia and antiphospholipid work-up results. */
export const FINDING_LAB_CODES = {
  lupusAnticoagulant: ['34571-0', '6303-2', '57838-5', '50410-0', '3284-7'],
  anticardiolipin: ['3181-5', '3182-3', '8065-5', '8067-1', '24319-6'],
  beta2Glycoprotein: ['44448-9', '44449-7', '16135-6', '16136-4'],
  factorVLeiden: ['21668-9', '21667-1', '13590-5'],
  prothrombinG20210A: ['24475-6'],
  proteinC: ['27818-4', '27820-0'],
  proteinS: ['31102-7', '27823-4', '27821-8'],
} as const;

const flat = (o: Record<string, readonly string[]>): string[] => Object.values(o).flat();

/** Every Observation code the app searches for, grouped as the FHIR layer queries them. */
export const OBSERVATION_QUERY_CODES = {
  ddimer: Object.keys(DDIMER_CODES),
  coagulation: Object.values(LAB_ANALYTES).flatMap((a) => [...a.codes]),
  weight: [...WEIGHT_CODES],
  pregnancy: flat(PREGNANCY_CODES),
  findings: flat(FINDING_LAB_CODES),
} as const;
