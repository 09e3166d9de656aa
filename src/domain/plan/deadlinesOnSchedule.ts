/**
 * Each last-dose deadline placed on the injection schedule: the last scheduled injection that keeps to it, and how
 * many scheduled injections before the event the rule omits. Then the source's rule beside each guideline line:
 * which is stricter (the earlier deadline) and what that costs in omitted injections. Numbers and codes only.
 */
import { reason, type Reason } from '../reasons';
import type { InjectionSchedule, ScheduleReason } from './injectionSchedule';

/** A deadline as the rules compute it: the rule's id, whose it is, and the instant (null: the rule gives none). */
export interface ScheduleDeadline {
  id: string;
  role: 'source' | 'guideline';
  atMs: number | null;
}

export type DeadlineFit =
  | { id: string; role: ScheduleDeadline['role']; state: 'keeps'; atMs: number; lastKeepingMs: number; omitted: number; omittedMs: number[] }
  /** The deadline is after now but before the first scheduled injection: every scheduled injection is omitted. */
  | { id: string; role: ScheduleDeadline['role']; state: 'before-first-scheduled'; atMs: number; nextScheduledMs: number; omitted: number; omittedMs: number[] }
  | { id: string; role: ScheduleDeadline['role']; state: 'deadline-passed'; atMs: number; omitted: number; omittedMs: number[] }
  /** No injection is scheduled between now and the event (the order ends, or is not current). */
  | { id: string; role: ScheduleDeadline['role']; state: 'nothing-scheduled'; atMs: number; omitted: 0; omittedMs: [] }
  | { id: string; role: ScheduleDeadline['role']; state: 'no-deadline' }
  | { id: string; role: ScheduleDeadline['role']; state: 'schedule-unknown'; atMs: number; reason: ScheduleReason };

export type ComparisonReasonCode = 'plan.compare.source-gives-no-interval' | 'plan.compare.guideline-gives-no-deadline';

export type RuleComparison =
  | {
      sourceId: string;
      guidelineId: string;
      /** The rule with the earlier deadline; 'same' when they coincide. */
      stricter: 'source' | 'guideline' | 'same';
      /** How much earlier the source's deadline is (negative: later). */
      sourceEarlierByMs: number;
      /** Scheduled injections the source's rule omits beyond the guideline's (negative: fewer); undefined when the schedule is unknown. */
      extraOmittedBySource: number | undefined;
    }
  | { sourceId: string; guidelineId: string; stricter: 'not-comparable'; reason: Reason<ComparisonReasonCode> };

/** One deadline on the schedule, between `nowMs` and the event. */
export function fitDeadline(schedule: InjectionSchedule, d: ScheduleDeadline, nowMs: number): DeadlineFit {
  const base = { id: d.id, role: d.role };
  if (d.atMs === null || !Number.isFinite(d.atMs)) return { ...base, state: 'no-deadline' };
  const atMs = d.atMs;
  if (!schedule.known) return { ...base, state: 'schedule-unknown', atMs, reason: schedule.reason };
  const inj = schedule.injections;
  if (inj.length === 0) return { ...base, state: 'nothing-scheduled', atMs, omitted: 0, omittedMs: [] };
  const omittedMs = inj.filter((t) => t > atMs);
  const omitted = omittedMs.length;
  if (atMs < nowMs) return { ...base, state: 'deadline-passed', atMs, omitted, omittedMs };
  const keeping = inj.filter((t) => t <= atMs);
  if (keeping.length === 0) return { ...base, state: 'before-first-scheduled', atMs, nextScheduledMs: inj[0]!, omitted, omittedMs };
  return { ...base, state: 'keeps', atMs, lastKeepingMs: keeping[keeping.length - 1]!, omitted, omittedMs };
}

const omittedOf = (f: DeadlineFit): number | undefined => ('omitted' in f ? f.omitted : undefined);

/** The source's rule beside one guideline line. */
export function compareRules(source: DeadlineFit, guideline: DeadlineFit): RuleComparison {
  const ids = { sourceId: source.id, guidelineId: guideline.id };
  if (source.state === 'no-deadline') return { ...ids, stricter: 'not-comparable', reason: reason('plan.compare.source-gives-no-interval') };
  if (guideline.state === 'no-deadline') return { ...ids, stricter: 'not-comparable', reason: reason('plan.compare.guideline-gives-no-deadline') };
  const diff = guideline.atMs - source.atMs;
  const so = omittedOf(source);
  const go = omittedOf(guideline);
  return {
    ...ids,
    stricter: diff > 0 ? 'source' : diff < 0 ? 'guideline' : 'same',
    sourceEarlierByMs: diff,
    extraOmittedBySource: so !== undefined && go !== undefined ? so - go : undefined,
  };
}

export interface DeadlinesOnSchedule {
  fits: DeadlineFit[];
  /** Every source rule beside every guideline line. */
  comparisons: RuleComparison[];
}

/** Every deadline of an event on the schedule, and each source rule compared with each guideline line. */
export function deadlinesOnSchedule(schedule: InjectionSchedule, deadlines: readonly ScheduleDeadline[], nowMs: number): DeadlinesOnSchedule {
  const fits = deadlines.map((d) => fitDeadline(schedule, d, nowMs));
  const sources = fits.filter((f) => f.role === 'source');
  const guidelines = fits.filter((f) => f.role === 'guideline');
  return { fits, comparisons: sources.flatMap((s) => guidelines.map((g) => compareRules(s, g))) };
}
