/** Слова общих форматтеров (доза, кратность, статус назначения). The same keys as `en/format.ts`. */
import type { formatEn } from '../en/format';

export const formatRu = {
  'format.dose': '{value} {unit}{perKg, select, yes {/кг} other {}}',
  'format.doseUnknown': 'доза неизвестна',
  'format.doseUnknownBecause': 'доза неизвестна ({reason})',
  'format.frequency': 'каждые {hours} ч',
  'format.frequencyUnknown': 'кратность неизвестна',
  'format.frequencyUnknownBecause': 'кратность неизвестна ({reason})',
  'format.routeSc': 'п/к',
  'format.statusUnknown': 'статус неизвестен',
  'format.notAnOrder': '{status}; {why}',
  'format.aPlanNotAnOrder': 'план, а не назначение к введению',
} as const satisfies Record<keyof typeof formatEn, string>;
