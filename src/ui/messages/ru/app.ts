/** Заголовок приложения и заглушки разделов. The same keys as `en/app.ts`. */
import type { appEn } from '../en/app';

export const appRu = {
  'app.name': 'Монитор НМГ',
  'app.facilityZone': 'Часовой пояс учреждения',
  'app.reload': 'Перечитать карту',
  'app.grantedAccess': 'Доступ, предоставленный МИС',
  'app.grantedAccessHint': 'Как сообщила МИС; приложение всё равно запрашивает все типы записей и показывает ответ сервера.',
  'app.sectionReading': '{title}: данные ещё читаются из МИС…',
} as const satisfies Record<keyof typeof appEn, string>;
