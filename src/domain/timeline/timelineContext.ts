/**
 * What every step of the timeline builder shares: the selected pregnancy (or none: calendar axis), the zone, now,
 * the x of an instant and whether an instant lies in the pregnancy.
 */
import { reason, reasonParam, type Reason } from '../reasons';
import type { Pregnancy, PregnancyTimeline } from '../pregnancy';
import { gaWeeksFloat, gestationalAge } from '../pregnancy';
import { known, unknown, type Known } from '../types';
import type { GaWeeksDays } from './timelineTypes';

export interface TimelineContext {
  pregnancy: Pregnancy | undefined;
  index: number | undefined;
  zone: string;
  nowMs: number;
  /** Why there is no GA axis (used when pregnancy is undefined). */
  noDating: Reason;
  inWindow(ms: number): boolean;
  xOf(ms: number): number | undefined;
}

/**
 * The no-dating reason, with the detail: the facts that could not date a pregnancy (the pregnancy module's notes), or
 * the reason a pregnancy was left out (not confirmed after a transfer).
 */
function noDatingReason(said: PregnancyTimeline['reasonIfNone']): Reason {
  if (!said) return reason('timeline.no-dating');
  if (said.code !== 'pregnancy.no-dating') return reason('timeline.no-dating-detail', { detail: reasonParam(said) });
  const notes = said.params?.notes;
  return said.params?.hasNotes === true && notes !== undefined ? reason('timeline.no-dating-detail', { detail: notes }) : reason('timeline.no-dating');
}

export function timelineContext(timeline: PregnancyTimeline, index: number | undefined, zone: string, nowMs: number): TimelineContext {
  const pregnancy = index !== undefined ? timeline.pregnancies[index] : undefined;
  return {
    pregnancy,
    index: pregnancy ? index : undefined,
    zone,
    nowMs,
    noDating: noDatingReason(timeline.reasonIfNone),
    inWindow: (ms) => !pregnancy || (ms >= pregnancy.startMs && ms <= pregnancy.endMs),
    xOf: (ms) => (pregnancy ? gaWeeksFloat(pregnancy, ms, pregnancy.zone ?? zone) : Number.isFinite(ms) ? ms : undefined),
  };
}

/** Gestational age at an instant in weeks and days, or unknown with the reason. */
export function gaAt(ctx: TimelineContext, ms: number): Known<GaWeeksDays> {
  if (!ctx.pregnancy) return unknown(ctx.noDating);
  const ga = gestationalAge(ctx.pregnancy, ms, ctx.zone);
  return ga.known ? known({ weeks: ga.value.weeks, days: ga.value.days }) : unknown(ga.reason);
}

export const outsidePregnancy = (): Reason => reason('timeline.outside-pregnancy');
