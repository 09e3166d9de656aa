/** Плашка пациента и колонтитул печати. The same keys as `en/patientBanner.ts`. */
import type { patientBannerEn } from '../en/patientBanner';

export const patientBannerRu = {
  'patientBanner.label': 'Пациент',
  'patientBanner.loading': 'Загрузка данных пациента…',
  'patientBanner.error': 'Не удалось загрузить данные пациента: {reason}.',
  'patientBanner.dateOfBirth': 'Дата рождения',
  'patientBanner.age': 'Возраст',
  'patientBanner.sex': 'Пол',
  'patientBanner.sex.female': 'Женский',
  'patientBanner.sex.male': 'Мужской',
  'patientBanner.sex.other': 'Другой',
  'patientBanner.age.years': '{n, plural, one {# год} few {# года} many {# лет} other {# года}}',
  'patientBanner.mrn': '№ мед. карты',
  'patientBanner.identifier': 'Идентификатор',
  'patientBanner.systemNotStated': 'система не указана',
  'patientBanner.printed': 'Напечатано {printedAt}',
  'patientBanner.printLine': '{name} · Дата рождения {birthDate} · {idLabel} {idValue} · Напечатано {printedAt}',
} as const satisfies Record<keyof typeof patientBannerEn, string>;
