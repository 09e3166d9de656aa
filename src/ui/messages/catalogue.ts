/**
 * The message catalogue: every string a person reads, keyed, in ICU MessageFormat (parameters, plurals, selects).
 * One file per section under `en/` (and, with the same keys, per language); this file joins them. A screen string is
 * traced to its key by searching these files; a key says where it is used (`<section>.<what>`).
 */
import { commonEn } from './en/common';
import { worklistEn } from './en/worklist';

export const EN = {
  ...commonEn,
  ...worklistEn,
} as const;

export type MessageKey = keyof typeof EN;
/** Another language's catalogue has exactly the English keys. */
export type Catalogue = Record<MessageKey, string>;

export type Locale = 'en' | 'ru';
export const CATALOGUES: Partial<Record<Locale, Catalogue>> = { en: EN };
