/** Calendar-date arithmetic ("2027-01-14" strings) for dating: zone-independent days, mapped to instants in a zone. */
import { DateTime } from 'luxon';
import { DAY_MS, luxonZone, type FhirMoment } from '../time';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Days since 1970-01-01 of a calendar date string, undefined when it is not one. */
export function dayNumber(date: string): number | undefined {
  const m = DATE_RE.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return Math.round(ms / DAY_MS);
}

/** The calendar date string of a day number. */
export function dateOfDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Adds days to a calendar date string. */
export function addDays(date: string, days: number): string | undefined {
  const n = dayNumber(date);
  return n === undefined || !Number.isFinite(days) ? undefined : dateOfDayNumber(n + Math.trunc(days));
}

const zoneOrUtc = (zone: string) => luxonZone(zone);

/** The calendar date of an instant in a zone ("2026-06-03"), undefined for a non-finite or out-of-range instant. */
export function calendarDateOf(ms: number, zone: string): string | undefined {
  if (!Number.isFinite(ms)) return undefined;
  const dt = DateTime.fromMillis(ms, { zone: zoneOrUtc(zone) });
  return dt.isValid ? dt.toISODate() ?? undefined : undefined;
}

/** 00:00 of a calendar date in a zone (or the first instant of that day if 00:00 is skipped by DST). */
export function startOfDate(date: string, zone: string): number | undefined {
  const m = DATE_RE.exec(date);
  if (!m || dayNumber(date) === undefined) return undefined;
  const dt = DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, { zone: zoneOrUtc(zone) }).startOf('day');
  return dt.isValid ? dt.toMillis() : undefined;
}

/** The length in ms of the local day containing `ms` (23, 24 or 25 h around DST). */
export function dayLengthAt(ms: number, zone: string): number {
  const dt = DateTime.fromMillis(ms, { zone: zoneOrUtc(zone) }).startOf('day');
  return dt.plus({ days: 1 }).toMillis() - dt.toMillis();
}

/** The calendar date a FhirMoment names: as written for a value without offset, the date in `zone` for an instant. */
export function dateOfMoment(m: FhirMoment, zone: string, asWritten: boolean): string | undefined {
  if (m.precision === 'year' || m.precision === 'month') return undefined;
  if (asWritten || m.offset === 'assumed') return DATE_RE.exec(m.original.trim())?.[0];
  return calendarDateOf(m.start, zone);
}
