/**
 * What every step of the timeline builder shares: the selected pregnancy (or none: calendar axis), the zone, now,
 * the x of an instant and whether an instant lies in the pregnancy.
 */
import { reason, type Reason } from '../reasons';
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

/** The no-dating reason, with the pregnancy module's detail (the part after its general sentence) when it gave one. */
function noDatingReason(reasonIfNone: PregnancyTimeline['reasonIfNone']): Reason {
  const said: unknown = reasonIfNone;
  if (typeof said === 'string' && said.includes(';')) return reason('timeline.no-dating-detail', { detail: said.slice(said.indexOf(';') + 1).trim() });
  if (said && typeof said === 'object') return reason('timeline.no-dating-detail', { detail: { kind: 'reason', reason: said as Reason } });
  return reason('timeline.no-dating');
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
