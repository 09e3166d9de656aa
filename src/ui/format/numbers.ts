/**
 * Numbers for display: rounded to what a clinician reads (at most `maxDecimals`, trailing zeros dropped), in the
 * reader's locale (decimal comma in Russian). The exact value stays in the data and in the Source disclosure.
 */
import type { Locale } from '../messages/catalogue';

const NUMBER_LOCALE: Record<Locale, string> = { en: 'en-GB', ru: 'ru-RU' };

/** Formatters by locale, decimals and grouping: building an Intl.NumberFormat costs far more than formatting with one. */
const formatters = new Map<string, Intl.NumberFormat>();

/** "620", "0.62", "1 250" (ru), never "371.41200461138556". */
export function formatNumber(value: number, locale: Locale = 'en', maxDecimals = 2): string {
  if (!Number.isFinite(value)) return '';
  const useGrouping = Math.abs(value) >= 10_000;
  const key = `${locale}|${maxDecimals}|${useGrouping ? 1 : 0}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(NUMBER_LOCALE[locale], { maximumFractionDigits: maxDecimals, useGrouping });
    formatters.set(key, formatter);
  }
  return formatter.format(value);
}

/** Decimals a value was reported with ("0.50" -> 2), so a display keeps the lab's precision. */
export function reportedDecimals(raw: string | number | undefined): number {
  const text = typeof raw === 'number' ? String(raw) : (raw ?? '');
  const m = /\.(\d+)(?:e|$)/i.exec(text.trim());
  return m?.[1] ? m[1].length : 0;
}
