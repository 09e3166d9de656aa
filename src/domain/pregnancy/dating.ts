/** Chooses one dating among several (recorded EDD > IVF transfer > ultrasound GA > LMP > other GA observation). */
import { dayNumber } from './calendar';
import { noDatingReason, type PregnancyReason } from './pregnancyReasons';
import type { Dating, DatingChoice, DatingMethod } from './pregnancyTypes';

/** Precedence of dating methods, best first. */
export const DATING_PRECEDENCE: readonly DatingMethod[] = ['edd', 'ivf-transfer', 'ultrasound-ga', 'lmp', 'ga-observation'];

/** More than this many days between EDDs is flagged as a disagreement. */
export const DISAGREEMENT_DAYS = 7;

/**
 * Within one method: the most recent record wins, except ultrasound, where the earliest scan wins (an early scan dates
 * a pregnancy best). Records without a date come last.
 */
function withinMethod(a: Dating, b: Dating): number {
  const ra = a.recordedMs;
  const rb = b.recordedMs;
  if (ra === undefined || rb === undefined) return ra === rb ? 0 : ra === undefined ? 1 : -1;
  return a.method === 'ultrasound-ga' ? ra - rb : rb - ra;
}

/** Orders datings by precedence, then within a method, then by EDD and source id (deterministic). */
export function byPrecedence(a: Dating, b: Dating): number {
  return (
    DATING_PRECEDENCE.indexOf(a.method) - DATING_PRECEDENCE.indexOf(b.method) ||
    withinMethod(a, b) ||
    a.eddMs - b.eddMs ||
    (a.source.id ?? '').localeCompare(b.source.id ?? '')
  );
}

/** Days from EDD a to EDD b (calendar days). */
export function eddDifferenceDays(a: Dating, b: Dating): number {
  return (dayNumber(b.eddDate) ?? 0) - (dayNumber(a.eddDate) ?? 0);
}

/** The chosen dating, the alternatives that disagree by more than 7 days (flagged), and all datings considered. */
export function chooseDating(datings: readonly Dating[], notes: readonly PregnancyReason[] = []): DatingChoice {
  const all = [...datings].filter((d) => Number.isFinite(d.eddMs)).sort(byPrecedence);
  const chosen = all[0];
  if (!chosen) return { chosen: undefined, reasonIfNone: noDatingReason(notes), alternatives: [], all: [], notes: [...notes] };
  const alternatives = all
    .slice(1)
    .map((d) => ({ ...d, disagreementDays: eddDifferenceDays(chosen, d) }))
    .filter((d) => Math.abs(d.disagreementDays) > DISAGREEMENT_DAYS);
  return { chosen, alternatives, all, notes: [...notes] };
}
