/**
 * Gestational age: completed days since 00:00 of (EDD - 280 days) in the facility zone, counted in calendar days so DST
 * and date-only values do not shift it. Weeks and completed days as numbers (the UI writes "35w 2d"); trimester first
 * < 14w0d, second 14w0d-27w6d, third >= 28w0d.
 */
import { reasonParam } from '../reasons';
import { sourceKey } from '../sourceRef';
import { known, unknown, type Known, type SourceRef } from '../types';
import { calendarDateOf, dayLengthAt, dayNumber, startOfDate, dateOfDayNumber } from './calendar';
import { datingMethodReason, dayParam, pregnancyReason, type PregnancyReason } from './pregnancyReasons';
import type { Dating, GestationalAge, Pregnancy, Trimester } from './pregnancyTypes';

/** What a gestational age can be computed from: a pregnancy, a dating, or the EDD's epoch ms (read in the zone). */
export type GaBasis = Pregnancy | Dating | number;

/** A gestational age beyond this many days is not shown (the pregnancy has ended or the dating is wrong). */
export const MAX_GA_DAYS = 45 * 7;

interface Resolved {
  eddDate: string;
  startDay: number;
  /** How it is dated, without "dated by" ('pregnancy.dating-how' or 'pregnancy.dating-edd-only'). */
  how: PregnancyReason;
  source: SourceRef | undefined;
  deliveryMs: number | undefined;
}

function resolveEddMs(eddMs: number, zone: string): Resolved | undefined {
  const eddDate = calendarDateOf(eddMs, zone);
  const n = eddDate ? dayNumber(eddDate) : undefined;
  if (!eddDate || n === undefined) return undefined;
  const how = pregnancyReason('pregnancy.dating-edd-only', { edd: dayParam(startOfDate(eddDate, zone)), sourceGiven: false });
  return { eddDate, startDay: n - 280, how, source: undefined, deliveryMs: undefined };
}

function resolve(basis: GaBasis, zone: string): Resolved | undefined {
  if (typeof basis === 'number') return resolveEddMs(basis, zone);
  if (typeof basis !== 'object' || basis === null) return undefined;
  const dating: Dating | undefined = 'dating' in basis ? basis.dating?.chosen : basis;
  const eddDate = 'eddDate' in basis && typeof basis.eddDate === 'string' ? basis.eddDate : undefined;
  const n = eddDate ? dayNumber(eddDate) : undefined;
  if (!eddDate || n === undefined) return undefined;
  const how = dating
    ? pregnancyReason('pregnancy.dating-how', { method: reasonParam(datingMethodReason(dating.method)), description: reasonParam(dating.description), source: sourceKey(dating.source) })
    : pregnancyReason('pregnancy.dating-edd-only', { edd: dayParam(startOfDate(eddDate, zone)), sourceGiven: true });
  const deliveryMs = 'delivery' in basis ? basis.delivery?.atMs : undefined;
  return { eddDate, startDay: n - 280, how, source: dating?.source, deliveryMs };
}

const datedBy = (r: Resolved): PregnancyReason => pregnancyReason('pregnancy.dated-by', { how: reasonParam(r.how) });

/** Trimester of a gestational age in completed days. */
export function trimesterOf(totalDays: number): Trimester {
  return totalDays < 14 * 7 ? 'first' : totalDays < 28 * 7 ? 'second' : 'third';
}

/** Gestational age at an instant, in the facility zone; unknown (with the reason) outside the pregnancy. */
export function gestationalAge(basis: GaBasis, instantMs: number, zone: string): Known<GestationalAge> {
  if (!Number.isFinite(instantMs)) return unknown(pregnancyReason('pregnancy.ga.no-valid-time'));
  const r = resolve(basis, zone);
  if (!r) return unknown(pregnancyReason('pregnancy.no-usable-edd'));
  const date = calendarDateOf(instantMs, zone);
  const day = date ? dayNumber(date) : undefined;
  if (day === undefined) return unknown(pregnancyReason('pregnancy.ga.not-placeable'));
  const totalDays = day - r.startDay;
  if (totalDays < 0) return unknown(pregnancyReason('pregnancy.ga.before-start', { start: dayParam(startOfDate(dateOfDayNumber(r.startDay), zone)) }));
  if (r.deliveryMs !== undefined && Number.isFinite(r.deliveryMs) && date !== undefined) {
    const deliveryDay = calendarDateOf(r.deliveryMs, zone);
    if (deliveryDay !== undefined && date > deliveryDay) return unknown(pregnancyReason('pregnancy.ga.after-delivery', { delivery: dayParam(r.deliveryMs) }));
  }
  if (totalDays > MAX_GA_DAYS) return unknown(pregnancyReason('pregnancy.ga.beyond-45-weeks'));
  return known({ weeks: Math.floor(totalDays / 7), days: totalDays % 7, totalDays, trimester: trimesterOf(totalDays), basis: datedBy(r), source: r.source });
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

/** The dating source as a reason: "dated by recorded EDD: EDD 14 Jan 2027 recorded 3 Jun 2026 (Observation/e1)". */
export function datingStatement(basis: GaBasis, zone: string): PregnancyReason {
  const r = resolve(basis, zone);
  return r ? datedBy(r) : pregnancyReason('pregnancy.no-usable-edd');
}

/** How it is dated, without "dated by": "recorded EDD: EDD 14 Jan 2027 recorded 3 Jun 2026 (Observation/e1)". */
export function datingBasis(basis: GaBasis, zone: string): PregnancyReason {
  return resolve(basis, zone)?.how ?? pregnancyReason('pregnancy.no-usable-edd');
}
