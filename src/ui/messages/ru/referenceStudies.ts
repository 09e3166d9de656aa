/** Исследования референса Д-димера словами, по id исследования. Ключи `timeline.study.*`. */
import type { referenceStudiesEn } from '../en/referenceStudies';

export const referenceStudiesRu = {
  'timeline.study.name.biomed-res-int-2020': 'пилотное исследование 2020 г.',
  'timeline.study.name.scand-j-clin-lab-invest-2018': 'исследование 2018 г.',
  'timeline.study.assay.biomed-res-int-2020': 'иммуноферментный флуоресцентный анализ (ELFA)',
  'timeline.study.assay.scand-j-clin-lab-invest-2018': 'латексная иммунотурбидиметрия, анализатор ACL TOP 300',
  'timeline.study.unitNote.biomed-res-int-2020': 'нг/мл; вероятно FEU, но НЕ ПРОВЕРЕНО',
  'timeline.study.unitNote.scand-j-clin-lab-invest-2018': 'мкг/л (= нг/мл); FEU или DDU — НЕ ПРОВЕРЕНО',
} as const satisfies Record<keyof typeof referenceStudiesEn, string>;
