/** Первый экран страницы приложения, до завершения запуска. The same keys as `en/launching.ts`. */
import type { launchingEn } from '../en/launching';

export const launchingRu = {
  'launching.title': 'LMWH Monitor',
  'launching.connecting': 'Подключение к МИС…',
} as const satisfies Record<keyof typeof launchingEn, string>;
