/** Причины, которые даёт сборка данных карты (`reason.record.*`). The same keys as `en/record.ts`. */
import type { recordEn } from '../en/record';

export const recordRu = {
  'reason.record.no-current-pregnancy': 'В карте нет текущей беременности.',
  'reason.record.no-booking-weight-not-pregnant': 'Текущей беременности нет, поэтому нет и массы тела при постановке на учёт.',
} as const satisfies Record<keyof typeof recordEn, string>;
