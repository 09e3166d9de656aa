/**
 * The timeline's x axis: gestational weeks around what is drawn (at least 4 weeks, ticks every 1 or 2 weeks), or
 * calendar days (epoch ms, 6 ticks) when the pregnancy cannot be dated; the trimester columns on a GA axis.
 */
import { DAY_MS, startOfDay } from '../time';
import type { TimelineContext } from './timelineContext';
import type { TimelineAxis, TrimesterBand } from './timelineTypes';

/** Instants that must be visible: points, events, today, order periods. */
export interface AxisExtent {
  pointMs: number[];
  eventMs: number[];
  periods: { startMs: number; endMs: number }[];
  todayInside: boolean;
}

function gaAxis(ctx: TimelineContext, extent: AxisExtent): TimelineAxis {
  const pregnancy = ctx.pregnancy!;
  const endWeeks = ctx.xOf(pregnancy.endMs) ?? 42;
  const xs: number[] = [];
  for (const ms of [...extent.pointMs, ...extent.eventMs, ...(extent.todayInside ? [ctx.nowMs] : [])]) {
    const x = ctx.xOf(ms);
    if (x !== undefined) xs.push(x);
  }
  for (const s of extent.periods) {
    for (const ms of [s.startMs, s.endMs]) {
      const x = ctx.xOf(ms);
      if (x !== undefined) xs.push(Math.min(Math.max(x, 0), endWeeks));
    }
  }
  let lo = xs.length > 0 ? Math.max(0, Math.floor(Math.min(...xs)) - 1) : 0;
  let hi = xs.length > 0 ? Math.min(Math.ceil(endWeeks), Math.ceil(Math.max(...xs)) + 1) : 42;
  if (hi - lo < 4) {
    hi = lo + 4;
    if (lo < 0) lo = 0;
  }
  return { kind: 'ga', pregnancyIndex: ctx.index!, pregnancy, domain: [lo, hi], ticks: gaTicks(lo, hi) };
}

/** Whole-week ticks, every week up to 24 weeks shown, else every second week. */
export function gaTicks(lo: number, hi: number): number[] {
  const step = hi - lo > 24 ? 2 : 1;
  const ticks: number[] = [];
  for (let w = Math.ceil(lo / step) * step; w <= hi; w += step) ticks.push(w);
  return ticks;
}

function calendarAxis(ctx: TimelineContext, extent: AxisExtent): TimelineAxis {
  const ms = [...extent.pointMs, ...extent.eventMs, ctx.nowMs, ...extent.periods.flatMap((s) => [s.startMs, s.endMs])];
  const lo = startOfDay(Math.min(...ms), ctx.zone) - DAY_MS;
  const hi = startOfDay(Math.max(...ms), ctx.zone) + 2 * DAY_MS;
  return { kind: 'calendar', reason: ctx.noDating, domain: [lo, hi], ticks: calendarTicks(lo, hi, ctx.zone) };
}

/** Seven day-start ticks spread over [lo, hi] (fewer when days repeat). */
export function calendarTicks(lo: number, hi: number, zone: string): number[] {
  const n = 6;
  return Array.from({ length: n + 1 }, (_, i) => startOfDay(lo + ((hi - lo) * i) / n, zone)).filter((t, i, a) => a.indexOf(t) === i);
}

export function timelineAxis(ctx: TimelineContext, extent: AxisExtent): TimelineAxis {
  return ctx.pregnancy && ctx.index !== undefined ? gaAxis(ctx, extent) : calendarAxis(ctx, extent);
}

/** Trimester columns (1st to 13w 6d, 2nd 14w 0d to 27w 6d, 3rd from 28w 0d), clipped to the axis. */
export function trimesterBands(domain: [number, number]): TrimesterBand[] {
  const raw: TrimesterBand[] = [
    { trimester: 'first', x1: 0, x2: 14 },
    { trimester: 'second', x1: 14, x2: 28 },
    { trimester: 'third', x1: 28, x2: Math.max(domain[1], 28) },
  ];
  return raw.map((b) => ({ ...b, x1: Math.max(b.x1, domain[0]), x2: Math.min(b.x2, domain[1]) })).filter((b) => b.x2 > b.x1);
}
