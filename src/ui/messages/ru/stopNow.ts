/**
 * Баннеры «отменить сейчас», панель показаний и панель предостережений. The same keys as `en/stopNow.ts` (three
 * objects, as there). Terms from docs/glossary-ru.md.
 */
import type { cautionsEn, indicationsEn, stopNowEn } from '../en/stopNow';

export const stopNowRu = {
  'stopNow.title.genital-bleeding': 'Записаны кровянистые выделения из половых путей',
  'stopNow.title.labour-onset': 'Записано начало родовой деятельности',
  'stopNow.recorded': 'записано',
  'stopNow.record': 'Запись',
  'stopNow.dateNotRecorded': 'дата не записана',
  'stopNow.orders': '{n, plural, one {Назначение НМГ} few {Назначения НМГ} many {Назначения НМГ} other {Назначения НМГ}} в данных карты:',
} as const satisfies Record<keyof typeof stopNowEn, string>;

export const indicationsRu = {
  'indications.kind.ohss': 'Синдром гиперстимуляции яичников (СГЯ)',
  'indications.kind.ohss-risk': 'Риск СГЯ',
  'indications.kind.high-dose-estrogen': 'Терапия эстрогенами (эстрадиолом)',
  'indications.kind.recurrent-miscarriage': 'Привычное невынашивание беременности',
  'indications.kind.antiphospholipid-antibodies': 'Антифосфолипидные антитела',
  'indications.kind.lupus-anticoagulant': 'Волчаночный антикоагулянт',
  'indications.kind.raised-d-dimer': 'Повышенный Д-димер (отмечен лабораторией)',
  'indications.kind.factor-v-leiden': 'Мутация фактора V Лейден',
  'indications.kind.ongoing-pregnancy-monitoring': 'Текущая беременность (контроль)',
  'indications.status.present': 'выявлено',
  'indications.status.tested-negative': 'результат отрицательный',
  'indications.status.unclear': 'неясно',
  'indications.heading': 'Показания из источника, найденные в данных карты',
  'indications.disclaimer':
    'Это факты из данных карты, показанные рядом с тем, что говорят источник и руководства. Это не рекомендация к лечению.',
  'indications.incomplete': 'Данные карты не удалось прочитать полностью ({problems}): часть находок может отсутствовать.',
  'indications.empty': 'В данных карты не найдено.',
  'indications.emptyIncomplete': 'В прочитанных данных ничего не найдено.',
  'indications.found': 'Найдено в данных карты:',
  'indications.noRecord': 'С этой находкой не связана ни одна запись.',
  'indications.beside': 'Рядом — где руководства расходятся с источником:',
  'indications.evidence.fact': '{label}{count} [{status}]',
  'indications.evidence.losses':
    " ({n, plural, one {# потеря} few {# потери} many {# потерь} other {# потери}}{fewer, select, true {: меньше 2, названных источником} other {}})",
  'indications.evidence.at': '{text}, {at}',
  'indications.evidence.pregnancy': 'Текущая беременность',
  'indications.evidence.pregnancyEdd': 'Текущая беременность, ПДР {edd}',
  'indications.evidence.transfer': 'Перенос эмбрионов {at}',
  'indications.evidence.transferNoDate': 'Перенос эмбрионов (дата не записана)',
} as const satisfies Record<keyof typeof indicationsEn, string>;

export const cautionsRu = {
  'cautions.heading': 'Предостережения',
  'cautions.empty':
    'К тому, что показывают данные карты, не относится ни одно предостережение{someNotChecked, select, true {; часть проверок выполнить не удалось (ниже)} other {}}.',
  'cautions.inRecord': 'В данных карты:',
  'cautions.beside': 'Руководства рядом ({n})',
  'cautions.record': 'Запись',
  'cautions.records': 'Записи ({n})',
  'cautions.notChecked': 'Не проверено',
  'cautions.notCheckedItem': 'Не проверено: {reason}',
} as const satisfies Record<keyof typeof cautionsEn, string>;
