/**
 * The sources the rules cite, with what was (not) verified. One place, so a citation is written once. What exactly
 * was checked is worded in the catalogue (`evidence.note.<noteId>`, from docs/clinical-reference.md); a published
 * citation stays as published, in its own language.
 */
import type { RuleSource } from './ruleTypes';

export const SOURCE_ARTICLE: RuleSource = {
  kind: 'source-article',
  name: 'The source article (Clexane article)',
  // Not a published work: described in the catalogue (`evidence.citation.source-article`).
  citation: null,
  verification: 'source-text',
  noteId: 'source-article',
};

export const ASRA_2018: RuleSource = {
  kind: 'guideline',
  name: 'ASRA 2018',
  citation:
    'Horlocker TT, et al. Regional Anesthesia in the Patient Receiving Antithrombotic or Thrombolytic Therapy: American Society of Regional Anesthesia and Pain Medicine Evidence-Based Guidelines (Fourth Edition). Reg Anesth Pain Med 2018;43(3):263-309.',
  verification: 'verified',
  noteId: 'asra-2018',
};

export const ASRA_2018_PARTIAL: RuleSource = {
  ...ASRA_2018,
  verification: 'partial',
  noteId: 'asra-2018-restart',
};

export const RCOG_37A: RuleSource = {
  kind: 'guideline',
  name: 'RCOG Green-top 37a (2015)',
  citation:
    'Royal College of Obstetricians and Gynaecologists. Reducing the Risk of Venous Thromboembolism during Pregnancy and the Puerperium. Green-top Guideline No. 37a, April 2015.',
  verification: 'verified',
  noteId: 'rcog-37a',
};

export const RCOG_37A_PARTIAL: RuleSource = {
  ...RCOG_37A,
  verification: 'partial',
  noteId: 'rcog-37a-section8',
};

export const RCOG_37A_TABLE3: RuleSource = {
  ...RCOG_37A,
  verification: 'partial',
  noteId: 'rcog-37a-table3',
};

export const ACOG_ADVISORY_2020: RuleSource = {
  kind: 'guideline',
  name: 'ACOG Practice Advisory 2020',
  citation:
    'American College of Obstetricians and Gynecologists. Practice Advisory: Options for Peripartum Anticoagulation in Areas Affected by Shortage of Unfractionated Heparin. March 2020, reaffirmed October 2022; endorsed by SMFM and SOAP. https://www.acog.org/clinical/clinical-guidance/practice-advisory/articles/2020/03/options-for-peripartum-anticoagulation-in-areas-affected-by-shortage-of-unfractionated-heparin',
  verification: 'verified',
  noteId: 'acog-2020',
};

export const ASH_2018: RuleSource = {
  kind: 'guideline',
  name: 'ASH 2018',
  citation:
    'Bates SM, et al. American Society of Hematology 2018 guidelines for management of venous thromboembolism: venous thromboembolism in the context of pregnancy. Blood Adv 2018;2(22):3317-3359.',
  verification: 'verified',
  noteId: 'ash-2018',
};

export const ESHRE_RPL: RuleSource = {
  kind: 'guideline',
  name: 'ESHRE 2022',
  citation:
    'ESHRE Guideline Group on RPL, Bender Atik R, et al. ESHRE guideline: recurrent pregnancy loss: an update in 2022. Hum Reprod Open 2023;2023(1):hoad002 (PMID 36873081). Earlier edition: ESHRE guideline: recurrent pregnancy loss. Hum Reprod Open 2018: hoy004.',
  verification: 'partial',
  noteId: 'eshre-2022',
};

export const SOAP_2018: RuleSource = {
  kind: 'guideline',
  name: 'SOAP 2018',
  citation:
    'Leffert L, Butwick A, Carvalho B, et al. The Society for Obstetric Anesthesia and Perinatology Consensus Statement on the Anesthetic Management of Pregnant and Postpartum Women Receiving Thromboprophylaxis or Higher Dose Anticoagulants. Anesth Analg 2018;126(3):928-944. doi:10.1213/ANE.0000000000002530',
  verification: 'partial',
  noteId: 'soap-2018',
};

export const DDIMER_STUDIES: RuleSource = {
  kind: 'study',
  name: 'Published studies (D-dimer in pregnancy)',
  citation:
    'Kline JA, et al. Clin Chem 2005 (PMID 15764641); Gutierrez Garcia I, et al. D-dimer during pregnancy: establishing trimester-specific reference intervals. Scand J Clin Lab Invest 2018;78(6):439-442 (PMID 29975107); Murphy N, et al. BJOG 2015 (PMID 24828148).',
  verification: 'verified',
  noteId: 'ddimer-studies',
};

export const ENOXAPARIN_LABEL: RuleSource = {
  kind: 'product-label',
  name: 'Enoxaparin product labelling',
  citation:
    'Enoxaparin (Lovenox) prescribing information, as tabulated in Br J Clin Pharmacol 2010;69(5):520-528, Table 3 (https://pmc.ncbi.nlm.nih.gov/articles/PMC2856053/table/tbl3).',
  verification: 'verified',
  noteId: 'enoxaparin-label',
};

export const GENERAL_LAB_KNOWLEDGE: RuleSource = {
  kind: 'general-knowledge',
  name: 'General laboratory knowledge',
  // No citation: described in the catalogue (`evidence.citation.general-lab`).
  citation: null,
  verification: 'partial',
  noteId: 'general-lab',
};
