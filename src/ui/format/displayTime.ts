/**
 * Instants, dates and durations as a reader sees them: in the facility's zone with the offset, month as a word so
 * day and month cannot be swapped ("3 Apr 2026 08:30 (UTC+01:00)", never "03/04"). Pure; the domain keeps epoch ms.
 */
import { DateTime } from 'luxon';
import { luxonZone, type FhirMoment } from '../../domain/time';
import type { Locale } from '../messages/catalogue';

// English month abbreviations from en-US: en-GB writes "Sept" in current ICU data; the patterns fix the day-month order.
const LUXON_LOCALE: Record<Locale, string> = { en: 'en-US', ru: 'ru' };
const PATTERNS: Record<Locale, { date: string; dateTime: string; month: string; weekdayDateTime: string }> = {
  en: { date: 'd LLL yyyy', dateTime: 'd LLL yyyy HH:mm', month: 'LLL yyyy', weekdayDateTime: 'ccc d LLL HH:mm' },
  // Russian needs the genitive month after a day ("3 мая", "3 мар."): luxon's format token MMM; the stand-alone LLL
  // gives the nominative ("3 май", "3 март"). A month on its own is nominative and written out ("апрель 2026").
  ru: { date: 'd MMM yyyy', dateTime: 'd MMM yyyy, HH:mm', month: 'LLLL yyyy', weekdayDateTime: 'ccc, d MMM, HH:mm' },
};

function inZone(ms: number, zone: string, locale: Locale): DateTime {
  return DateTime.fromMillis(ms, { zone: luxonZone(zone), locale: LUXON_LOCALE[locale] });
}

/** "UTC", "UTC+01:00", "UTC-05:00". */
export function offsetLabel(ms: number, zone: string, locale: Locale = 'en'): string {
  const dt = inZone(ms, zone, locale);
  return dt.offset === 0 ? 'UTC' : `UTC${dt.toFormat('ZZ')}`;
}

/** "3 Apr 2026". */
export function formatDate(ms: number, zone: string, locale: Locale = 'en'): string {
  return inZone(ms, zone, locale).toFormat(PATTERNS[locale].date);
}

/** "3 Apr 2026 08:30 (UTC+01:00)"; Russian "3 апр. 2026, 08:30 (UTC+01:00)". */
export function formatInstant(ms: number, zone: string, locale: Locale = 'en'): string {
  return `${inZone(ms, zone, locale).toFormat(PATTERNS[locale].dateTime)} (${offsetLabel(ms, zone, locale)})`;
}

/** "Sat 28 Nov 18:00": short form for schedules within weeks of today (the offset is stated once nearby). */
export function formatWeekdayTime(ms: number, zone: string, locale: Locale = 'en'): string {
  return inZone(ms, zone, locale).toFormat(PATTERNS[locale].weekdayDateTime);
}

/** A FhirMoment at its own precision: "2026", "Apr 2026", "3 Apr 2026", or an instant with offset. */
export function formatMoment(m: FhirMoment, zone: string, locale: Locale = 'en'): string {
  const dt = inZone(m.start, m.offset === 'assumed' ? m.zone : zone, locale);
  switch (m.precision) {
    case 'year':
      return dt.toFormat('yyyy');
    case 'month':
      return dt.toFormat(PATTERNS[locale].month);
    case 'day':
      return dt.toFormat(PATTERNS[locale].date);
    default:
      return formatInstant(m.start, zone, locale);
  }
}

/** ISO 8601 with the zone's offset, for `<time datetime>`. */
export function isoInZone(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone: luxonZone(zone) }).toISO() ?? new Date(ms).toISOString();
}

