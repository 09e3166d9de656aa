/** The D-dimer reference studies in words, keyed by study id (the band's selector and label). Keys `timeline.study.*`. */
export const referenceStudiesEn = {
  'timeline.study.name.biomed-res-int-2020': 'BioMed Res Int 2020 pilot',
  'timeline.study.name.scand-j-clin-lab-invest-2018': 'Scand J Clin Lab Invest 2018',
  'timeline.study.assay.biomed-res-int-2020': 'ELFA',
  'timeline.study.assay.scand-j-clin-lab-invest-2018': 'latex immunoturbidimetry, ACL TOP 300',
  'timeline.study.unitNote.biomed-res-int-2020': 'ng/mL; FEU likely but UNVERIFIED',
  'timeline.study.unitNote.scand-j-clin-lab-invest-2018': 'ug/L (= ng/mL); FEU/DDU UNVERIFIED',
} as const;
