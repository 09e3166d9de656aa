/**
 * The message catalogue: every string a person reads, keyed, in ICU MessageFormat (parameters, plurals, selects).
 * One file per section under `en/` (and, with the same keys, per language); this file joins them. A screen string is
 * traced to its key by searching these files; a key says where it is used (`<section>.<what>`).
 */
import { availabilityEn } from './en/availability';
import { commonEn } from './en/common';
import { doseEn } from './en/dose';
import { exclusionsEn } from './en/exclusions';
import { medicationEn } from './en/medication';
import { patientViewEn } from './en/patientView';
import { provenanceEn } from './en/provenance';
import { recordEn } from './en/record';
import { screensEn } from './en/screens';
import { summaryEn } from './en/summary';

export const EN = {
  ...commonEn,
  ...availabilityEn,
  ...doseEn,
  ...exclusionsEn,
  ...medicationEn,
  ...patientViewEn,
  ...provenanceEn,
  ...recordEn,
  ...screensEn,
  ...summaryEn,
} as const;

export type MessageKey = keyof typeof EN;
/** Another language's catalogue has exactly the English keys. */
export type Catalogue = Record<MessageKey, string>;

export type Locale = 'en' | 'ru';
export const CATALOGUES: Partial<Record<Locale, Catalogue>> = { en: EN };
