/** Оболочка экрана пациентки: заголовок, загрузка, ошибки, строка «данные прочитаны». The same keys as `en/patientView.ts`. */
import type { patientViewEn } from '../en/patientView';

export const patientViewRu = {
  // The product's name, as the EHR's apps menu lists it.
  'patientView.quiet.summary': 'Нечего предпринимать: нет назначения НМГ, беременности, запланированной процедуры, Д-димера или показания из списка источника. Все просмотренные разделы (шкала, процедуры, анализы, препараты, показания, предостережения, заметка, исключённые записи)',
  'patientView.title': 'LMWH Monitor',
  'patientView.loading': 'Чтение медицинской карты из МИС…',
  'patientView.skeleton.summary': 'Сводка',
  'patientView.skeleton.ddimer': 'Д-димер в течение беременности',
  'patientView.skeleton.events': 'Запланированные процедуры и роды',
  'patientView.skeleton.coag': 'Гемостазиограмма',
  'patientView.readOn': 'Данные карты прочитаны',
  'patientView.zone': '; время указано для часового пояса {zone}.',
  'patientView.retry': 'Повторить',
  'patientView.error.forbidden': 'МИС отказала в доступе к карте этой пациентки (403).',
  'patientView.error.notFound': 'МИС не нашла эту пациентку (404).',
  'patientView.error.http': 'МИС ответила ошибкой ({status}).',
  'patientView.error.network': 'Нет связи с МИС. Проверьте подключение и повторите.',
  'patientView.error.other': 'Карту прочитать не удалось.',
  'patientView.sessionExpired':
    'Сеанс завершён: запустите LMWH Monitor из МИС заново. Показанное было прочитано до завершения сеанса; непрочитанные разделы перечислены ниже.',
  'patientView.section.stopNow': 'Сигналы к немедленной отмене НМГ',
  'patientView.section.summary': 'Сводка',
  'patientView.section.timeline': 'Д-димер в течение беременности',
  'patientView.section.stopCriteria': 'Запланированные процедуры и роды',
  'patientView.section.coagulation': 'Гемостазиограмма',
  'patientView.section.medications': 'Препараты',
  'patientView.section.indications': 'Показания и предостережения',
} as const satisfies Record<keyof typeof patientViewEn, string>;
