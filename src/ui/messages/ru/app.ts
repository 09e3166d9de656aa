/** Заголовок приложения и заглушки разделов. The same keys as `en/app.ts`. */
import type { appEn } from '../en/app';

export const appRu = {
  'app.name': 'Монитор НМГ',
  'app.facilityZone': 'Часовой пояс учреждения',
  'app.reload': 'Перечитать карту',
  'app.grantedAccess': 'Доступ, предоставленный МИС',
  'app.grantedAccessHint': 'Как сообщила МИС; приложение всё равно запрашивает все типы записей и показывает ответ сервера.',
  'app.sectionReading': '{title}: данные ещё читаются из МИС…',
  'app.scopes.line': '{type}: {access, select, full {чтение} restricted {чтение (только {queries})} other {нет в предоставленных правах доступа}}',
  'app.scopes.or': ' или ',
  'app.scopes.refresh-offline': 'Продление сеанса: предоставлено ({scopes})',
  'app.scopes.refresh-online': 'Продление сеанса: предоставлено ({scopes})',
  'app.scopes.refresh-none': 'Продление сеанса: не предоставлено (сеанс закончится, когда истечёт токен доступа)',
  'app.scopes.ehr-launch': 'Запущено из МИС ({scopes})',
  'app.scopes.standalone-picker': 'Самостоятельный запуск с выбором пациентки ({scopes})',
  'app.scopes.user-identity': 'Личность пользователя: {scopes}',
  'app.scopes.other-scopes': 'Другие права доступа: {scopes}',
} as const satisfies Record<keyof typeof appEn, string>;
