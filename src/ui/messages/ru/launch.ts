/** Страница запуска. The same keys as `en/launch.ts`; plain `{name}` placeholders only (no FormatJS on that page). */
import type { launchEn } from '../en/launch';

export const launchRu = {
  'launch.launching': 'Запуск Монитора НМГ',
  'launch.readingConfig': 'Чтение конфигурации запуска…',
  'launch.connecting': ' Подключение к {label}…',
  'launch.connectFailed.title': 'Монитор НМГ не смог подключиться',
  'launch.connectFailed.text': 'Не удалось прочитать настройки входа сервера {label} ({iss}), поэтому вход не начат. Проверьте подключение к сети и запустите Монитор НМГ снова.',
  'launch.configFailed': 'Не удалось загрузить конфигурацию запуска.',
  'launch.cannotLaunch': 'Монитор НМГ не может быть запущен',
  'launch.refused.title': 'Запуск отклонён',
  'launch.refused.unconfiguredIss': 'Этот запуск просил Монитор НМГ подключиться к серверу FHIR {iss}, которого нет среди настроенных серверов. Этому серверу ничего не отправлено.',
  'launch.refused.placeholderClientId': '{label} ({iss}) указан в списке, но его идентификатор клиента ещё не настроен в конфигурации Монитора НМГ.',
  'launch.refused.invalidIss': 'Адрес сервера FHIR в ссылке запуска не является веб-адресом: {iss}.',
  'launch.refused.missingIss': 'В ссылке запуска есть код запуска, но нет адреса сервера FHIR.',
  'launch.refused.unsupportedParameter': 'Ссылка запуска содержит параметры, которые Монитор НМГ не принимает ({parameters}).',
  'launch.refused.advice': 'Если эта ссылка пришла из вашей МИС, попросите команду, которая развёртывает Монитор НМГ, добавить сервер в конфигурацию запуска ({file}). Иначе закройте эту страницу.',
  'launch.picker.title': 'Запуск Монитора НМГ',
  'launch.picker.intro': 'Самостоятельный запуск: выберите сервер FHIR. Он попросит вас войти и выбрать пациента.',
  'launch.picker.server': 'Сервер FHIR',
  'launch.picker.other': 'Другой сервер FHIR',
  'launch.picker.address': 'Адрес сервера',
  'launch.picker.trust': 'Я доверяю этому серверу',
  'launch.picker.unlisted': '{address} нет в конфигурации Монитора НМГ. Приложение использует свой идентификатор клиента по умолчанию ({clientId}) и направит вас на страницу входа этого сервера. Продолжайте, только если знаете этот сервер.',
  'launch.picker.submit': 'Запустить',
  'launch.picker.enterAddress': 'Введите адрес сервера FHIR.',
  'launch.picker.needsTrust': 'Этого сервера нет в конфигурации Монитора НМГ. Отметьте «Я доверяю этому серверу», чтобы продолжить.',
} as const satisfies Record<keyof typeof launchEn, string>;
