/** Краткая сводка вверху страницы. The same keys as `en/summary.ts`. */
import type { summaryEn } from '../en/summary';

export const summaryRu = {
  'summary.label': 'Сводка',
  'summary.term.gestation': 'Срок беременности сегодня',
  'summary.term.lmwh': 'Действующее назначение НМГ',
  'summary.term.next': 'Ближайшее запланированное событие',
  'summary.gestation': '{text}, {trimester, select, first {первый триместр} second {второй триместр} third {третий триместр} other {триместр: {trimester}}}',
  'summary.datingSource': 'Основание для срока',
  'summary.notPregnant': 'Не беременна / текущей беременности нет',
  'summary.noPregnancyFound': 'Текущая беременность в карте не найдена',
  'summary.pregnancyStatus': 'Статус беременности {recorded}: {status}',
  'summary.status.notPregnant': 'не беременна',
  'summary.status.pregnant': 'беременна',
  'summary.status.unknown': 'неизвестно',
  'summary.recordedOn': '(записано {date})',
  'summary.undated': '(без даты)',
  'summary.pregnancyIncomplete': 'Данные о беременности прочитаны не полностью: {problem}',
  'summary.ordersIncomplete': 'Назначения препаратов прочитаны не полностью',
  'summary.absenceNotKnown': '{reason} — отсутствие назначения не установлено',
  'summary.noActiveOrder':
    'Нет действующего назначения НМГ (в карте {n, plural, one {# назначение} few {# назначения} many {# назначений} other {# назначения}}, сейчас ни одно не действует)',
  'summary.activeUnknown': 'действует ли сейчас — неизвестно',
  'summary.nextNotKnown': 'Неизвестно: поиск запланированных событий выполнен не полностью',
  'summary.noPlannedEvent': 'Запланированных событий в карте не найдено',
  'summary.noUpcomingEvent': 'В карте нет предстоящего запланированного события с датой',
  'summary.plannedWithoutDate': 'Запланировано без даты: {events}',
  'summary.eventsIncomplete': 'Запланированные события прочитаны не полностью: {problem} — событие, которого здесь нет, может быть запланировано',
} as const satisfies Record<keyof typeof summaryEn, string>;
