/**
 * The catalogues the translator reads, per language, filled at run time. The app page's first render needs only a
 * few words (the "Connecting to the EHR…" and launch screens: `bootCatalogue.ts`); the whole catalogue (about 20 kB
 * gzip per language) arrives as its own chunk in parallel with the launch (`loadFullCatalogue`), so it does not count
 * against the page's initial JavaScript. Registering merges into the same live objects, so a translator created
 * earlier sees the words that arrive later.
 */
import type { Catalogue, Locale } from './catalogue';

const live: Record<Locale, Partial<Catalogue>> = { en: {}, ru: {} };
let version = 0;

/** Adds words (English falls back for Russian keys not yet registered in Russian: register English first). */
export function registerCatalogues(words: Partial<Record<Locale, Partial<Catalogue>>>): void {
  if (words.en) {
    Object.assign(live.en, words.en);
    for (const [k, v] of Object.entries(words.en)) if (!(k in live.ru)) (live.ru as Record<string, string>)[k] = v;
  }
  if (words.ru) Object.assign(live.ru, words.ru);
  version += 1;
}

// How units are written for a reader ("×10⁹/L" for UCUM 10*9/L): set with the full catalogue (format/units.ts), so
// the unit table is not part of the first render's JavaScript; until then a unit is shown as its code.
let writeUnit: (code: string, locale: Locale) => string = (code) => code;
export const setUnitWriter = (fn: (code: string, locale: Locale) => string): void => {
  writeUnit = fn;
};
export const unitWriter = (): ((code: string, locale: Locale) => string) => writeUnit;

/** The live catalogue of a language. */
export const catalogueFor = (locale: Locale): Partial<Catalogue> => live[locale];

/** Changes whenever words are registered (a provider re-renders on it). */
export const catalogueVersion = (): number => version;

/** The whole catalogue of every language, as its own chunk; resolves once it is registered. */
export function loadFullCatalogue(): Promise<void> {
  return import('./catalogue').then(() => undefined);
}
