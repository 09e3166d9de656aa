/** Состояния страницы приложения целиком. The same keys as `en/screens.ts`. */
import type { screensEn } from '../en/screens';

export const screensRu = {
  // The product's name, as the EHR's apps menu lists it.
  'screens.howTo.title': 'LMWH Monitor нужно запустить из МИС',
  'screens.howTo.intro':
    'Страница открыта без запуска, поэтому LMWH Monitor не знает, какую пациентку и какую МИС показывать. Карта пациентки читается, только когда приложение запускает МИС (или лаунчер SMART).',
  'screens.howTo.fromEhr': 'Из МИС',
  'screens.howTo.fromEhrText': 'Откройте карту пациентки и запустите LMWH Monitor из меню приложений МИС.',
  'screens.howTo.sandboxBefore': 'С локальной тестовой МИС: откройте',
  'screens.howTo.sandboxLink': 'страницу тестовой МИС',
  'screens.howTo.sandboxAfter': ', выберите демонстрационную пациентку и нажмите кнопку запуска LMWH Monitor.',
  'screens.howTo.fromLauncher': 'Из лаунчера SMART Health IT',
  'screens.howTo.launcherBefore': 'На launch.smarthealthit.org выберите запуск из МИС для врача (R4 provider EHR launch), укажите App Launch URL',
  'screens.howTo.launcherMiddle': 'и адрес перенаправления (redirect URL)',
  'screens.howTo.launcherAfter': ', затем запустите.',
  'screens.howTo.standalone': 'Автономный запуск',
  'screens.howTo.standaloneLink': 'Выберите FHIR-сервер и пациентку',
  'screens.howTo.standaloneAfter': 'на странице запуска.',
  'screens.error.title': 'LMWH Monitor запустить не удалось',
  'screens.error.standaloneBefore': 'Можно также начать автономный запуск со',
  'screens.error.standaloneLink': 'страницы запуска',
  'screens.error.standaloneAfter': '.',
  'screens.expired.title': 'Сеанс завершён',
  'screens.expired.alert': 'Сеанс завершён: запустите LMWH Monitor из МИС заново.',
  'screens.expired.text': 'Доступ МИС для этого запуска истёк и не был продлён. Ничего из показанного ранее не изменено и не сохранено.',
} as const satisfies Record<keyof typeof screensEn, string>;
