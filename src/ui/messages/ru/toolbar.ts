/** Кнопка перечитывания на панели приложения. The same keys as `en/toolbar.ts`. */
import type { toolbarEn } from '../en/toolbar';

export const toolbarRu = {
  'toolbar.reading': 'Чтение…',
  'toolbar.reloadList': 'Обновить список',
} as const satisfies Record<keyof typeof toolbarEn, string>;
