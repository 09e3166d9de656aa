/** The sources the rules cite, with what was (not) verified. One place, so a citation is written once. */
import type { RuleSource } from './ruleTypes';

export const SOURCE_ARTICLE: RuleSource = {
  kind: 'source-article',
  name: 'The source article (Clexane article)',
  citation: '"How to use Clexane correctly?" (patient information article on LMWH in reproductive medicine); copy in docs/source/clexane-article.txt',
  verification: 'source-text',
  verificationNote: "The clinical source's own text, restated in concise own words.",
};

export const ASRA_2018: RuleSource = {
  kind: 'guideline',
  name: 'ASRA 2018',
  citation:
    'Horlocker TT, et al. Regional Anesthesia in the Patient Receiving Antithrombotic or Thrombolytic Therapy: American Society of Regional Anesthesia and Pain Medicine Evidence-Based Guidelines (Fourth Edition). Reg Anesth Pain Med 2018;43(3):263-309.',
  verification: 'verified',
  verificationNote: 'docs/clinical-reference.md 5.1: 12 h (prophylactic) / 24 h (therapeutic) before neuraxial and the platelet count when on heparin > 4 days are VERIFIED.',
};

export const ASRA_2018_PARTIAL: RuleSource = {
  ...ASRA_2018,
  verification: 'partial',
  verificationNote: 'docs/clinical-reference.md 5.1: the ASRA detail on restarting after catheter removal is PARTIAL (secondary sources only).',
};

export const RCOG_37A: RuleSource = {
  kind: 'guideline',
  name: 'RCOG Green-top 37a (2015)',
  citation:
    'Royal College of Obstetricians and Gynaecologists. Reducing the Risk of Venous Thromboembolism during Pregnancy and the Puerperium. Green-top Guideline No. 37a, April 2015.',
  verification: 'verified',
  verificationNote: 'docs/clinical-reference.md 8.5: risk-factor appendix (OHSS first trimester, IVF/ART) and postnatal duration (6 weeks / 10 days) VERIFIED from a copy of the primary.',
};

export const RCOG_37A_PARTIAL: RuleSource = {
  ...RCOG_37A,
  verification: 'partial',
  verificationNote:
    'docs/clinical-reference.md 8.5: PARTIAL-strong. The wording matches a verbatim reproduction of RCOG 37a section 8; the primary RCOG PDF was not opened.',
};

export const RCOG_37A_TABLE3: RuleSource = {
  ...RCOG_37A,
  verification: 'partial',
  verificationNote: 'docs/clinical-reference.md 5.2 / 8.5: Table 3 weight bands are PARTIAL (third-party transcription, not checked against the primary).',
};

export const ACOG_ADVISORY_2020: RuleSource = {
  kind: 'guideline',
  name: 'ACOG Practice Advisory 2020',
  citation:
    'American College of Obstetricians and Gynecologists. Practice Advisory: Options for Peripartum Anticoagulation in Areas Affected by Shortage of Unfractionated Heparin. March 2020, reaffirmed October 2022; endorsed by SMFM and SOAP. https://www.acog.org/clinical/clinical-guidance/practice-advisory/articles/2020/03/options-for-peripartum-anticoagulation-in-areas-affected-by-shortage-of-unfractionated-heparin',
  verification: 'verified',
  verificationNote: 'docs/clinical-reference.md 8.5: conversion to UFH at or near 36 weeks "is not required" VERIFIED.',
};

export const ASH_2018: RuleSource = {
  kind: 'guideline',
  name: 'ASH 2018',
  citation:
    'Bates SM, et al. American Society of Hematology 2018 guidelines for management of venous thromboembolism: venous thromboembolism in the context of pregnancy. Blood Adv 2018;2(22):3317-3359.',
  verification: 'verified',
  verificationNote: 'docs/clinical-reference.md 5.3: ASH suggests against routine anti-Xa monitoring (conditional) VERIFIED.',
};

export const ESHRE_RPL: RuleSource = {
  kind: 'guideline',
  name: 'ESHRE 2022',
  citation:
    'ESHRE Guideline Group on RPL, Bender Atik R, et al. ESHRE guideline: recurrent pregnancy loss: an update in 2022. Hum Reprod Open 2023;2023(1):hoad002 (PMID 36873081). Earlier edition: ESHRE guideline: recurrent pregnancy loss. Hum Reprod Open 2018: hoy004.',
  verification: 'partial',
  verificationNote:
    'Checked here (search of stored pages): the recommendation wording was seen in the 2017 edition (hoy004, treatment table, PMC6276652); the 2022 update exists (PMC9982362) but whether it changed this recommendation was not checked.',
};

export const SOAP_2018: RuleSource = {
  kind: 'guideline',
  name: 'SOAP 2018',
  citation:
    'Leffert L, Butwick A, Carvalho B, et al. The Society for Obstetric Anesthesia and Perinatology Consensus Statement on the Anesthetic Management of Pregnant and Postpartum Women Receiving Thromboprophylaxis or Higher Dose Anticoagulants. Anesth Analg 2018;126(3):928-944. doi:10.1213/ANE.0000000000002530',
  verification: 'partial',
  verificationNote:
    'Checked here (search of stored pages): the citation and scope were verified from bibliographic records; the statement\'s LMWH hour intervals were not read, so no SOAP number is shown.',
};

export const DDIMER_STUDIES: RuleSource = {
  kind: 'study',
  name: 'Published studies (D-dimer in pregnancy)',
  citation:
    'Kline JA, et al. Clin Chem 2005 (PMID 15764641); Gutierrez Garcia I, et al. D-dimer during pregnancy: establishing trimester-specific reference intervals. Scand J Clin Lab Invest 2018;78(6):439-442 (PMID 29975107); Murphy N, et al. BJOG 2015 (PMID 24828148).',
  verification: 'verified',
  verificationNote: 'docs/clinical-reference.md 8.4: study designs and headline findings VERIFIED from abstracts.',
};

export const ENOXAPARIN_LABEL: RuleSource = {
  kind: 'product-label',
  name: 'Enoxaparin product labelling',
  citation:
    'Enoxaparin (Lovenox) prescribing information, as tabulated in Br J Clin Pharmacol 2010;69(5):520-528, Table 3 (https://pmc.ncbi.nlm.nih.gov/articles/PMC2856053/table/tbl3).',
  verification: 'verified',
  verificationNote:
    'docs/clinical-reference.md 8.5: the < 30 mL/min threshold (treatment dose 1 mg/kg once daily) VERIFIED from a peer-reviewed table of product labels; the label itself was not opened.',
};

export const GENERAL_LAB_KNOWLEDGE: RuleSource = {
  kind: 'general-knowledge',
  name: 'General laboratory knowledge',
  citation: 'General laboratory knowledge (citation not verified here).',
  verification: 'partial',
  verificationNote: 'Citation not verified here: shown as a qualitative note only, with no number.',
};
