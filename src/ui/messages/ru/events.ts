/**
 * Как прочитаны запланированные и прошедшие события: что исключено и почему, примечания к событию, записанному
 * несколькими ресурсами, названия видов событий (термины из docs/glossary-ru.md). The same keys as `en/events.ts`.
 */
import type { eventsEn } from '../en/events';

export const eventsRu = {
  'reason.event.class.caesarean': 'Кесарево сечение',
  'reason.event.class.induction-or-planned-birth': 'Родовозбуждение или плановое родоразрешение',
  'reason.event.class.other-surgery': 'Операция',
  'reason.event.class.embryo-transfer': 'Перенос эмбрионов',
  'reason.event.class.oocyte-retrieval': 'Пункция фолликулов',
  'reason.event.class.hcg-test': 'Анализ на ХГЧ',
  'reason.event.class.delivery': 'Роды',
  'reason.event.class.other': 'Другая процедура',
  'reason.event.classes-disagree': 'записи расходятся в виде события: {records}',
  'reason.event.record-class': '{record} {cls} ({matched})',
  'reason.event.dates-disagree': 'записи дают разные даты: {records}; взята самая ранняя',
  'reason.event.record-date': '{record} {when}',
  'reason.event.record-note': '{record}: {note}',
  'reason.event.date-not-readable': 'дату {written, select, null {(не дата)} other {«{written}»}} не удалось прочитать',
  'reason.event.do-not-perform': 'в назначении указано «не выполнять»',
  'reason.event.on-hold': 'назначение приостановлено: не считается запланированным',
  'reason.event.planned-date-passed': 'плановая дата {when} прошла, а выполненная процедура не записана',
  'reason.event.status.entered-in-error': 'статус {status}: внесено по ошибке',
  'reason.event.status.cancelled': 'статус {status}: отменено',
  'reason.event.status.revoked': 'статус {status}: отозвано',
  'reason.event.status.noshow': 'статус {status}: пациентка не явилась',
  'reason.event.status.not-done': 'статус {status}: не выполнено',
  'exclusions.view.event.planned': 'Запланированные события',
} as const satisfies Record<keyof typeof eventsEn, string>;
