/**
 * Gestational age as clinicians write it: "35w 5d"; Russian "35 нед. 5 дн." (abbreviations, so no plural forms).
 * Total: a negative or non-finite day count gives '' (the caller shows unknown with its reason).
 */
import type { Locale } from '../messages/catalogue';

const GESTATION_UNITS: Record<Locale, { weeks: string; days: string; space: string }> = {
  en: { weeks: 'w', days: 'd', space: '' },
  ru: { weeks: 'нед.', days: 'дн.', space: '\u00a0' },
};

export function formatGestation(totalDays: number, locale: Locale = 'en'): string {
  if (!Number.isFinite(totalDays) || totalDays < 0) return '';
  const whole = Math.floor(totalDays);
  const u = GESTATION_UNITS[locale];
  return `${Math.floor(whole / 7)}${u.space}${u.weeks} ${whole % 7}${u.space}${u.days}`;
}
