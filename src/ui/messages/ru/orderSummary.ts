/**
 * Назначение антикоагулянта кратко и название препарата (МНН, как в ru/dose.ts; торговое название из карты
 * показывается как записано). The same keys as `en/orderSummary.ts`; numbers with the decimal comma.
 */
import type { orderSummaryEn } from '../en/orderSummary';

export const orderSummaryRu = {
  'reason.order.summary':
    '{drug} {hasDose, select, true {{dose, number} {unit}{perKg, select, true {/кг} other {}}} other {доза неизвестна}}{route, select, subcutaneous { п/к} intravenous { внутривенно} intramuscular { внутримышечно} oral { внутрь} none {} other { другой путь}} {hasFrequency, select, true {каждые {interval, number} ч} other {кратность неизвестна}}',
  'reason.order.join': '{a}; {b}',
  'reason.drug.enoxaparin': 'Эноксапарин',
  'reason.drug.dalteparin': 'Далтепарин',
  'reason.drug.nadroparin': 'Надропарин',
  'reason.drug.tinzaparin': 'Тинзапарин',
  'reason.drug.certoparin': 'Цертопарин',
  'reason.drug.lmwh-unspecified': 'НМГ (препарат не указан)',
  'reason.drug.heparin': 'Нефракционированный гепарин',
  'reason.drug.fondaparinux': 'Фондапаринукс',
} as const satisfies Record<keyof typeof orderSummaryEn, string>;
