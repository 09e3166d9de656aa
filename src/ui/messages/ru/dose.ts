/**
 * Дозы, кратность, пути введения, названия препаратов. The same keys as `en/dose.ts`. Drug keys are the INN class
 * the domain recognised, not the brand in the record, so they give the INN (эноксапарин), never a trade name.
 */
import type { doseEn } from '../en/dose';

export const doseRu = {
  'dose.drug.enoxaparin': 'Эноксапарин',
  'dose.drug.dalteparin': 'Далтепарин',
  'dose.drug.nadroparin': 'Надропарин',
  'dose.drug.tinzaparin': 'Тинзапарин',
  'dose.drug.certoparin': 'Цертопарин',
  'dose.drug.lmwh-unspecified': 'НМГ (препарат не указан)',
  'dose.drug.heparin': 'Нефракционированный гепарин',
  'dose.drug.fondaparinux': 'Фондапаринукс',
  'dose.route.subcutaneous': 'подкожно',
  'dose.route.intravenous': 'внутривенно',
  'dose.route.intramuscular': 'внутримышечно',
  'dose.route.oral': 'внутрь',
  'dose.route.other': 'другой путь',
  'dose.routeShort.subcutaneous': 'п/к',
  'dose.amount': '{value} {unit}{perKg, select, true {/кг} other {}}',
  'dose.perDay': '{unit}/сут',
  'dose.every': 'каждые {hours} ч',
  'dose.doseUnknown': 'доза неизвестна',
  'dose.frequencyUnknown': 'кратность неизвестна',
} as const satisfies Record<keyof typeof doseEn, string>;
