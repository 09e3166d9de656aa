/**
 * The dose-class basis in words: where a threshold row comes from (`medication.classSource.<id>`).
 */
export const doseBasisEn = {
  'medication.classSource.rcog-37a-table3': 'RCOG Green-top Guideline No. 37a (2015), Table 3: prophylactic LMWH by booking weight (third-party transcription; clinical reference 5.2)',
  'medication.classSource.rcog-37b': 'RCOG GTG 37b (2015), details not retrieved (clinical reference 5.2)',
  'medication.classSource.enoxaparin-label':
    'Enoxaparin product labelling (e.g. Lovenox US prescribing information): 1.5 mg/kg once daily for venous thrombosis; not checked against the clinical reference',
  'medication.classSource.br-j-clin-pharmacol-2010': 'Br J Clin Pharmacol 2010;69(5):520–528, Table 3 (clinical reference 5.5, 8.5)',
  'medication.classSource.fragmin-monograph': 'Fragmin (dalteparin) product monograph, for venous thrombosis; not checked against the clinical reference',
  'medication.classSource.innohep-label': 'Innohep (tinzaparin) product labelling: 175 IU/kg once daily for venous thrombosis; not checked against the clinical reference',
} as const;
