import { describe, expect, it } from 'vitest';
import { applyDocumentLang, initialLocale, LOCALE_STORAGE_KEY, localeFromTag, preferredLocale, storeLocale, type LocaleStore } from './locale';

function memoryStore(initial: Record<string, string> = {}): LocaleStore & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
}

describe('preferred language', () => {
  it('a Russian browser gets Russian, whatever the region', () => {
    expect(preferredLocale(['ru-RU', 'en-US'])).toBe('ru');
    expect(preferredLocale(['ru'])).toBe('ru');
    expect(preferredLocale(['RU-by'])).toBe('ru');
  });

  it('an English or other-language browser gets English', () => {
    expect(preferredLocale(['en-GB', 'ru'])).toBe('en');
    expect(preferredLocale(['de-DE', 'fr'])).toBe('en');
    expect(preferredLocale([])).toBe('en');
    expect(preferredLocale(undefined)).toBe('en');
  });

  it('the first supported language in the preference list decides', () => {
    expect(preferredLocale(['de-DE', 'ru-RU', 'en'])).toBe('ru');
    expect(preferredLocale(['uk-UA', 'en-GB', 'ru'])).toBe('en');
  });

  it('a stored choice wins over the browser; a stored value that is not a language is ignored', () => {
    expect(preferredLocale(['ru-RU'], 'en')).toBe('en');
    expect(preferredLocale(['en-GB'], 'ru')).toBe('ru');
    expect(preferredLocale(['ru-RU'], 'fr')).toBe('ru');
    expect(preferredLocale(['en'], '{"patient":"x"}')).toBe('en');
  });

  it('language tags map by their primary subtag only', () => {
    expect(localeFromTag('ru_RU')).toBe('ru');
    expect(localeFromTag(' en-gb ')).toBe('en');
    expect(localeFromTag('rue')).toBeUndefined();
    expect(localeFromTag('')).toBeUndefined();
  });
});

describe('remembering the language', () => {
  it('stores only the language code under the one key', () => {
    const store = memoryStore();
    storeLocale(store, 'ru');
    expect(store.data).toEqual({ [LOCALE_STORAGE_KEY]: 'ru' });
    expect(initialLocale(store, ['en-GB'])).toBe('ru');
  });

  it('a storage that throws (blocked, quota) leaves the browser language in charge', () => {
    const broken: LocaleStore = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(() => storeLocale(broken, 'ru')).not.toThrow();
    expect(initialLocale(broken, ['ru-RU'])).toBe('ru');
    expect(initialLocale(undefined, ['en'])).toBe('en');
  });

  it('the document language follows the choice', () => {
    applyDocumentLang('ru', document);
    expect(document.documentElement.lang).toBe('ru');
    applyDocumentLang('en', document);
    expect(document.documentElement.lang).toBe('en');
  });
});
