/**
 * Общие слова: длительности, состояния, язык. The same keys as `en/common.ts` (a missing or extra key is a type
 * error). Russian plurals need one/few/many/other: 1 день, 2 дня, 5 дней, 21 день, 22 дня, 11-14 дней; `other`
 * is the form for fractions (1,5 дня).
 */
import type { commonEn } from '../en/common';

export const commonRu = {
  'duration.days': '{n, plural, one {# день} few {# дня} many {# дней} other {# дня}}',
  'duration.hours': '{n, plural, one {# час} few {# часа} many {# часов} other {# часа}}',
  'duration.minutes': '{n, plural, one {# минута} few {# минуты} many {# минут} other {# минуты}}',
  'duration.months': '{n, plural, one {# месяц} few {# месяца} many {# месяцев} other {# месяца}}',
  'duration.join': '{a} {b}',
  'duration.in': 'через {span}',
  'duration.ago': '{span} назад',
  'duration.now': 'сейчас',
  'common.unknownBecause': 'Неизвестно: {reason}',
  'common.unknown': 'Неизвестно',
  'common.listSeparator': ', ',
  'common.missingReason': 'причина не указана',
  'common.language': 'Язык',
  'common.languageName.en': 'English',
  'common.languageName.ru': 'Русский',
} as const satisfies Record<keyof typeof commonEn, string>;
