/**
 * The visible language switch ("English" / "Русский") and the hook that holds the choice: starts from the stored
 * choice or the browser languages, remembers only the language code, and keeps `<html lang>` in step.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Locale, MessageKey } from './catalogue';
import { useMessages } from './MessagesProvider';
import { applyDocumentLang, defaultLocaleStore, initialLocale, LOCALES, storeLocale } from './locale';

const LANGUAGE_NAME_KEY: Record<Locale, MessageKey> = { en: 'common.languageName.en', ru: 'common.languageName.ru' };

/** The reader's language and a setter that remembers it. */
export function useLocaleSetting(): [Locale, (locale: Locale) => void] {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale());
  useEffect(() => applyDocumentLang(locale), [locale]);
  const setLocale = useCallback((next: Locale) => {
    storeLocale(defaultLocaleStore(), next);
    setLocaleState(next);
  }, []);
  return [locale, setLocale];
}

export function LanguageSwitch({ locale, onChange }: { locale: Locale; onChange: (locale: Locale) => void }) {
  const m = useMessages();
  return (
    <div className="setting language-switch" role="group" aria-label={m.t('common.language')}>
      {LOCALES.map((l) => (
        <button key={l} type="button" className="button" lang={l} aria-pressed={l === locale} onClick={() => l !== locale && onChange(l)}>
          {m.t(LANGUAGE_NAME_KEY[l])}
        </button>
      ))}
    </div>
  );
}
