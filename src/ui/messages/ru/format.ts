/** Слова общих форматтеров (доза, кратность, статус назначения). The same keys as `en/format.ts`. */
import type { formatEn } from '../en/format';

export const formatRu = {
  'format.doseUnknownBecause': 'доза неизвестна ({reason})',
  'format.frequencyUnknownBecause': 'кратность неизвестна ({reason})',
  'format.statusUnknown': 'статус неизвестен',
  'format.notAnOrder': '{status}; {why}',
  'format.aPlanNotAnOrder': 'план, а не назначение к введению',
} as const satisfies Record<keyof typeof formatEn, string>;
