/**
 * The reader's language: the stored choice if there is one, else the browser's preferred languages (the first that
 * is Russian or English decides; `ru*` -> Russian), else English. No React, so the launch page uses it too. The only
 * thing stored is the language code itself under LOCALE_STORAGE_KEY: never anything about a patient.
 */
import type { Locale } from './catalogue';

export const LOCALES: readonly Locale[] = ['en', 'ru'];
export const LOCALE_STORAGE_KEY = 'lmwh-monitor.language';

/** The part of Web Storage the language setting needs (injectable for tests). */
export interface LocaleStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** "ru", "ru-RU", "RU-by" -> ru; "en", "en-GB" -> en; any other language -> undefined. */
export function localeFromTag(tag: string): Locale | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : undefined;
}

/** The language to show: a valid stored choice wins, then the first supported browser language, else English. */
export function preferredLocale(languages: readonly string[] | undefined, stored?: string | null): Locale {
  if (isLocale(stored)) return stored;
  for (const tag of languages ?? []) {
    const locale = localeFromTag(tag);
    if (locale) return locale;
  }
  return 'en';
}

/** The browser's preferred languages, most preferred first; empty outside a browser. */
export function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  if (navigator.languages && navigator.languages.length > 0) return navigator.languages;
  return navigator.language ? [navigator.language] : [];
}

/** Web Storage for the language choice, or undefined where storage is blocked (private modes, sandboxed frames). */
export function defaultLocaleStore(): LocaleStore | undefined {
  try {
    // Only the language code is ever written here (see storeLocale).
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

export function readStoredLocale(store: LocaleStore | undefined): string | null {
  try {
    return store?.getItem(LOCALE_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** Remembers the choice; a storage that refuses (quota, blocked) only means the choice is not remembered. */
export function storeLocale(store: LocaleStore | undefined, locale: Locale): void {
  try {
    store?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // not remembered: the next visit follows the browser languages again
  }
}

/** The language at start-up from the stored choice and the browser. */
export function initialLocale(store: LocaleStore | undefined = defaultLocaleStore(), languages: readonly string[] = browserLanguages()): Locale {
  return preferredLocale(languages, readStoredLocale(store));
}

/** `<html lang>` follows the language, so screen readers and hyphenation use the right language. */
export function applyDocumentLang(locale: Locale, doc: Document | undefined = typeof document === 'undefined' ? undefined : document): void {
  if (doc) doc.documentElement.lang = locale;
}
