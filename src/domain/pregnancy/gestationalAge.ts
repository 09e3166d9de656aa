/**
 * Gestational age: completed days since 00:00 of (EDD - 280 days) in the facility zone, counted in calendar days so DST
 * and date-only values do not shift it. "35w 2d"; trimester first < 14w0d, second 14w0d-27w6d, third >= 28w0d.
 */
import { formatDate } from '../time';
import { known, unknown, type Known, type SourceRef } from '../types';
import { calendarDateOf, dayLengthAt, dayNumber, formatCalendarDate, startOfDate, dateOfDayNumber } from './calendar';
import type { Dating, GestationalAge, Pregnancy, Trimester } from './pregnancyTypes';

/** What a gestational age can be computed from: a pregnancy, a dating, or the EDD's epoch ms (read in the zone). */
export type GaBasis = Pregnancy | Dating | number;

/** A gestational age beyond this many days is not shown (the pregnancy has ended or the dating is wrong). */
export const MAX_GA_DAYS = 45 * 7;

interface Resolved {
  eddDate: string;
  startDay: number;
  basis: string;
  source: SourceRef | undefined;
  deliveryMs: number | undefined;
}

const METHOD_TEXT: Record<Dating['method'], string> = {
  edd: 'recorded EDD',
  'ivf-transfer': 'embryo transfer',
  'ultrasound-ga': 'ultrasound gestational age',
  lmp: 'last menstrual period',
  'ga-observation': 'recorded gestational age',
};

function sourceText(s: SourceRef): string {
  return `${s.resourceType} ${s.id ?? '(no id)'}`;
}

function resolve(basis: GaBasis, zone: string): Resolved | undefined {
  if (typeof basis === 'number') {
    const eddDate = calendarDateOf(basis, zone);
    const n = eddDate ? dayNumber(eddDate) : undefined;
    if (!eddDate || n === undefined) return undefined;
    return { eddDate, startDay: n - 280, basis: `dated by EDD ${formatCalendarDate(eddDate)} (source not given)`, source: undefined, deliveryMs: undefined };
  }
  if (typeof basis !== 'object' || basis === null) return undefined;
  const dating: Dating | undefined = 'dating' in basis ? basis.dating?.chosen : basis;
  const eddDate = 'eddDate' in basis && typeof basis.eddDate === 'string' ? basis.eddDate : undefined;
  const n = eddDate ? dayNumber(eddDate) : undefined;
  if (!eddDate || n === undefined) return undefined;
  const how = dating ? `${METHOD_TEXT[dating.method]}: ${dating.description} (${sourceText(dating.source)})` : `EDD ${formatCalendarDate(eddDate)}`;
  const deliveryMs = 'delivery' in basis ? basis.delivery?.atMs : undefined;
  return { eddDate, startDay: n - 280, basis: `dated by ${how}`, source: dating?.source, deliveryMs };
}

/** Trimester of a gestational age in completed days. */
export function trimesterOf(totalDays: number): Trimester {
  return totalDays < 14 * 7 ? 'first' : totalDays < 28 * 7 ? 'second' : 'third';
}

/** "35w 2d" for a number of completed days. */
export function formatGa(totalDays: number): string {
  return `${Math.floor(totalDays / 7)}w ${totalDays % 7}d`;
}

/** Gestational age at an instant, in the facility zone; unknown (with the reason) outside the pregnancy. */
export function gestationalAge(basis: GaBasis, instantMs: number, zone: string): Known<GestationalAge> {
  if (!Number.isFinite(instantMs)) return unknown('no valid time given');
  const r = resolve(basis, zone);
  if (!r) return unknown('no usable EDD');
  const date = calendarDateOf(instantMs, zone);
  const day = date ? dayNumber(date) : undefined;
  if (day === undefined) return unknown('the time cannot be placed in the facility time zone');
  const totalDays = day - r.startDay;
  if (totalDays < 0) return unknown(`before the start of this pregnancy (${formatCalendarDate(dateOfDayNumber(r.startDay))}, EDD - 280 days)`);
  if (r.deliveryMs !== undefined && Number.isFinite(r.deliveryMs) && date !== undefined) {
    const deliveryDay = calendarDateOf(r.deliveryMs, zone);
    if (deliveryDay !== undefined && date > deliveryDay) return unknown(`after the recorded delivery on ${formatDate(r.deliveryMs, zone)}`);
  }
  if (totalDays > MAX_GA_DAYS) return unknown(`more than 45 weeks after the start of this pregnancy: it has ended or the dating is wrong`);
  return known({
    weeks: Math.floor(totalDays / 7),
    days: totalDays % 7,
    totalDays,
    text: formatGa(totalDays),
    trimester: trimesterOf(totalDays),
    basis: r.basis,
    source: r.source,
  });
}

/** Gestational age in fractional weeks for chart axes (negative before the start); undefined when it cannot be computed. */
export function gaWeeksFloat(basis: GaBasis, instantMs: number, zone: string): number | undefined {
  if (!Number.isFinite(instantMs)) return undefined;
  const r = resolve(basis, zone);
  const date = calendarDateOf(instantMs, zone);
  const day = date ? dayNumber(date) : undefined;
  const dayStart = date ? startOfDate(date, zone) : undefined;
  if (!r || day === undefined || dayStart === undefined) return undefined;
  const fraction = Math.min(Math.max((instantMs - dayStart) / dayLengthAt(instantMs, zone), 0), 0.999999);
  const weeks = (day - r.startDay + fraction) / 7;
  return Number.isFinite(weeks) ? weeks : undefined;
}

/** 00:00 (in the zone; default the pregnancy's own) of the day it reaches `weeks`w `days`d; undefined for invalid input. */
export function instantForGa(basis: GaBasis, weeks: number, days: number, zoneArg?: string): number | undefined {
  const zone = zoneArg ?? (typeof basis === 'object' && basis !== null && typeof basis.zone === 'string' ? basis.zone : 'UTC');
  if (!Number.isInteger(weeks) || !Number.isInteger(days) || weeks < 0 || days < 0 || days > 6 || weeks * 7 + days > MAX_GA_DAYS) return undefined;
  const r = resolve(basis, zone);
  if (!r) return undefined;
  return startOfDate(dateOfDayNumber(r.startDay + weeks * 7 + days), zone);
}

/** A sentence stating the dating source, e.g. "dated by recorded EDD: EDD 14 Jan 2027 recorded 3 Jun 2026 (Observation e1)". */
export function datingStatement(basis: GaBasis, zone: string): string {
  return resolve(basis, zone)?.basis ?? 'no usable EDD';
}
