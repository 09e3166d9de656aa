/** «Исключённые записи». The same keys as `en/exclusions.ts`. */
import type { exclusionsEn } from '../en/exclusions';

export const exclusionsRu = {
  'exclusions.heading': 'Исключённые записи',
  'exclusions.none': 'Ничего не исключено.',
  'exclusions.caption':
    '{records, plural, one {# запись исключена} few {# записи исключены} many {# записей исключено} other {# записи исключено}} из {views, plural, one {# раздела} few {# разделов} many {# разделов} other {# раздела}}, с указанием причины',
  'exclusions.column.view': 'Раздел',
  'exclusions.column.reason': 'Причина',
  'exclusions.column.record': 'Запись',
  'exclusions.group': '{view} ({n})',
  'exclusions.droppedView': 'Не прочитано: относится к другому пациенту или отброшено при чтении из FHIR',
} as const satisfies Record<keyof typeof exclusionsEn, string>;
