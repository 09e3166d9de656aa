/**
 * The sources the rules cite, in the app's own words: each source's full name, the citation of a source that is not
 * a published work, and what exactly was (not) checked for each verification note (docs/clinical-reference.md).
 * Keys `evidence.name.<slug>`, `evidence.citation.<slug>`, `evidence.note.<noteId>`. Published citations are not here:
 * they stay as published.
 */
export const sourceNotesEn = {
  'evidence.name.source-article': 'The source article (Clexane article)',
  'evidence.name.asra-2018': 'ASRA 2018',
  'evidence.name.rcog-37a': 'RCOG Green-top 37a (2015)',
  'evidence.name.acog-pb196': 'ACOG Practice Bulletin 196 (2018)',
  'evidence.name.acog-2020': 'ACOG Practice Advisory 2020',
  'evidence.name.ash-2018': 'ASH 2018',
  'evidence.name.eshre-2022': 'ESHRE 2022',
  'evidence.name.soap-2018': 'SOAP 2018',
  'evidence.name.ddimer-studies': 'Published studies (D-dimer in pregnancy)',
  'evidence.name.enoxaparin-label': 'Enoxaparin product labelling',
  'evidence.name.general-lab': 'General laboratory knowledge',
  'evidence.citation.source-article':
    '"How to use Clexane correctly?" (patient information article on LMWH in reproductive medicine); copy in docs/source/clexane-article.txt',
  'evidence.citation.general-lab': 'General laboratory knowledge (citation not verified here).',
  'evidence.note.source-article': "The clinical source's own text, restated in concise own words.",
  'evidence.note.asra-2018':
    'Clinical reference 5.1: 12 h (prophylactic) / 24 h (therapeutic) before neuraxial and the platelet count when on heparin > 4 days are VERIFIED.',
  'evidence.note.asra-2018-restart': 'Clinical reference 5.1: the ASRA detail on restarting after catheter removal is PARTIAL (secondary sources only).',
  'evidence.note.rcog-37a':
    'Clinical reference 8.5: risk-factor appendix (OHSS first trimester, IVF/ART) and postnatal duration (6 weeks / 10 days) VERIFIED from a copy of the primary.',
  'evidence.note.rcog-37a-section8':
    'Clinical reference 8.5: PARTIAL-strong. The wording matches a verbatim reproduction of RCOG 37a section 8; the primary RCOG PDF was not opened.',
  'evidence.note.rcog-37a-table3': 'Clinical reference 5.2 / 8.5: Table 3 weight bands are PARTIAL (third-party transcription, not checked against the primary).',
  'evidence.note.acog-2020': 'Clinical reference 8.5: conversion to UFH at or near 36 weeks "is not required" VERIFIED.',
  'evidence.note.ash-2018': 'Clinical reference 5.3: ASH suggests against routine anti-Xa monitoring (conditional) VERIFIED.',
  'evidence.note.eshre-2022':
    'Checked here (search of stored pages): the recommendation wording was seen in the 2017 edition (hoy004, treatment table, PMC6276652); the 2022 update exists (PMC9982362) but whether it changed this recommendation was not checked.',
  'evidence.note.soap-2018':
    "Checked here (search of stored pages): the citation and scope were verified from bibliographic records; the statement's LMWH hour intervals were not read, so no SOAP number is shown.",
  'evidence.note.ddimer-studies': 'Clinical reference 8.4: study designs and headline findings VERIFIED from abstracts.',
  'evidence.note.enoxaparin-label':
    'Clinical reference 8.5: the < 30 mL/min threshold (treatment dose 1 mg/kg once daily) VERIFIED from a peer-reviewed table of product labels; the label itself was not opened.',
  'evidence.note.general-lab': 'Citation not verified here: shown as a qualitative note only, with no number.',
} as const;
