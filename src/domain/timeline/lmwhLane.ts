/**
 * The LMWH lane: each order's period placed on the axis (an open end drawn to now), gaps between periods, and the
 * orders that cannot be placed, with the reason.
 */
import { reason, reasonParam } from '../reasons';
import type { OrderView } from '../record';
import { sourceKey } from '../sourceRef';
import { known, unknown, type Known } from '../types';
import type { DosePerKg } from '../medication';
import { outsidePregnancy, type TimelineContext } from './timelineContext';
import type { LaneGap, LaneSegment, LmwhLane, NotPlotted } from './timelineTypes';

export type RawSegment = Omit<LaneSegment, 'x1' | 'x2' | 'clippedStart' | 'clippedEnd'>;

function perKgOf(v: OrderView): LaneSegment['perKg'] {
  const withKind = (k: Known<DosePerKg>, weightKind: 'booking' | 'latest') => (k.known ? known({ ...k.value, weightKind }) : undefined);
  const found = withKind(v.perKgBooking, 'booking') ?? withKind(v.perKgLatest, 'latest');
  if (found) return found;
  const why = !v.perKgBooking.known ? v.perKgBooking.reason : !v.perKgLatest.known ? v.perKgLatest.reason : '';
  return unknown(why || reason('timeline.no-weight'));
}

/** Order periods in time (not yet on the axis), and the orders that cannot be placed. */
export function orderPeriods(orders: readonly OrderView[], ctx: TimelineContext): { raw: RawSegment[]; notPlaced: NotPlotted[] } {
  const raw: RawSegment[] = [];
  const notPlaced: NotPlotted[] = [];
  for (const v of orders) {
    const o = v.order;
    if (!o.start.known) {
      notPlaced.push({ source: o.source, reason: reason('timeline.start-unknown', { why: typeof o.start.reason === 'string' ? o.start.reason : reasonParam(o.start.reason) }) });
      continue;
    }
    const startMs = o.start.value.ms;
    const endMs = o.end.known ? o.end.value.ms : Math.max(ctx.nowMs, startMs);
    const p = ctx.pregnancy;
    if (p && (endMs <= p.startMs || startMs > p.endMs)) {
      notPlaced.push({ source: o.source, reason: outsidePregnancy() });
      continue;
    }
    raw.push({ key: `${sourceKey(o.source)}#${raw.length}`, order: o, perKg: perKgOf(v), startMs, endMs, openEnd: !o.end.known, source: o.source });
  }
  return { raw, notPlaced };
}

/** Periods on the axis (clipped to its domain, flagged when clipped), sorted by start. */
export function placeSegments(raw: readonly RawSegment[], ctx: TimelineContext, domain: [number, number], notPlaced: NotPlotted[]): LaneSegment[] {
  const [lo, hi] = domain;
  const segments: LaneSegment[] = [];
  for (const s of raw) {
    const a = ctx.xOf(s.startMs);
    const b = ctx.xOf(s.endMs);
    if (a === undefined || b === undefined) {
      notPlaced.push({ source: s.source, reason: reason('timeline.period-not-placeable') });
      continue;
    }
    segments.push({ ...s, x1: Math.max(a, lo), x2: Math.min(Math.max(b, a), hi), clippedStart: a < lo, clippedEnd: b > hi });
  }
  return segments.sort((p, q) => p.startMs - q.startMs);
}

/** Stretches with no order between two periods. */
export function laneGaps(segments: readonly LaneSegment[]): LaneGap[] {
  const gaps: LaneGap[] = [];
  let coveredTo: { ms: number; x: number } | undefined;
  for (const s of segments) {
    if (coveredTo && s.startMs > coveredTo.ms) gaps.push({ x1: coveredTo.x, x2: s.x1, fromMs: coveredTo.ms, toMs: s.startMs });
    if (!coveredTo || s.endMs > coveredTo.ms) coveredTo = { ms: s.endMs, x: s.x2 };
  }
  return gaps;
}

export function lmwhLane(raw: readonly RawSegment[], notPlaced: NotPlotted[], ctx: TimelineContext, domain: [number, number]): LmwhLane {
  const segments = placeSegments(raw, ctx, domain, notPlaced);
  return { segments, gaps: laneGaps(segments), notPlaced };
}
