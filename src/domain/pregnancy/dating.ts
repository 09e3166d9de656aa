/**
 * Chooses one dating among several (recorded EDD > IVF transfer > ultrasound GA > LMP > other GA observation), except
 * that a confirmed embryo transfer wins over everything: for an ART pregnancy the EDD is assigned from the embryo age
 * and the transfer date (ACOG Committee Opinion 700). The recorded EDD is then kept as the alternative, with its
 * difference in days.
 */
import { dayNumber } from './calendar';
import { dayParam, noDatingReason, pregnancyReason, type PregnancyReason } from './pregnancyReasons';
import type { ConfirmedTransfer, Dating, DatingChoice, DatingMethod } from './pregnancyTypes';

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

/** Whether a dating is the confirmed transfer's (the same Procedure; by time when the record gives no id). */
export function isConfirmedTransfer(d: Dating, t: ConfirmedTransfer | undefined): boolean {
  if (!t || d.method !== 'ivf-transfer' || d.source.resourceType !== 'Procedure') return false;
  return t.id !== undefined ? d.source.id === t.id : d.recordedMs === t.atMs;
}

/** The confirmed transfer's dating first, then the usual precedence. */
function ordered(datings: readonly Dating[], confirmed: ConfirmedTransfer | undefined): Dating[] {
  const all = [...datings].filter((d) => Number.isFinite(d.eddMs)).sort(byPrecedence);
  const i = all.findIndex((d) => isConfirmedTransfer(d, confirmed));
  return i > 0 ? [all[i]!, ...all.slice(0, i), ...all.slice(i + 1)] : all;
}

/** The recorded EDD a confirmed transfer won over (the most recent one), with its difference and the basis note. */
function recordedEddBeside(chosen: Dating, all: readonly Dating[], confirmed: ConfirmedTransfer | undefined): Pick<DatingChoice, 'recordedEdd'> & { note?: PregnancyReason } {
  const edd = all.find((d) => d.method === 'edd');
  if (!edd || !isConfirmedTransfer(chosen, confirmed)) return {};
  const differenceDays = eddDifferenceDays(chosen, edd);
  const discrepancy = Math.abs(differenceDays) > DISAGREEMENT_DAYS;
  const note = pregnancyReason('pregnancy.basis.confirmed-transfer', {
    edd: dayParam(edd.eddMs),
    days: Math.abs(differenceDays),
    direction: differenceDays > 0 ? 'later' : differenceDays < 0 ? 'earlier' : 'same',
    discrepancy,
    limit: DISAGREEMENT_DAYS,
  });
  return { recordedEdd: { dating: edd, differenceDays, discrepancy }, note };
}

/**
 * The chosen dating, the alternatives that disagree by more than 7 days (flagged), and all datings considered. With
 * `confirmed`, that transfer's dating is chosen first and a recorded EDD is kept beside it with its difference.
 */
export function chooseDating(datings: readonly Dating[], notes: readonly PregnancyReason[] = [], confirmed?: ConfirmedTransfer): DatingChoice {
  const all = ordered(datings, confirmed);
  const chosen = all[0];
  if (!chosen) return { chosen: undefined, reasonIfNone: noDatingReason(notes), alternatives: [], all: [], notes: [...notes] };
  const alternatives = all
    .slice(1)
    .map((d) => ({ ...d, disagreementDays: eddDifferenceDays(chosen, d) }))
    .filter((d) => Math.abs(d.disagreementDays) > DISAGREEMENT_DAYS);
  const { recordedEdd, note } = recordedEddBeside(chosen, all, confirmed);
  return { chosen, alternatives, all, notes: note ? [note, ...notes] : [...notes], ...(recordedEdd ? { recordedEdd } : {}) };
}
