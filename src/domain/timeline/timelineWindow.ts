/**
 * The timeline's default window: what matters now is the last weeks before today and the next planned event, so the
 * chart opens on the 12 weeks before today up to one week past the next planned event (today, deadlines and the event
 * get the width they need to be read). The whole pregnancy stays one control away (the full axis). Pure geometry.
 */
import { DAY_MS } from '../time';
import { calendarTicks, gaTicks } from './timelineAxis';
import type { TimelineAxis, TimelineData } from './timelineTypes';

/** Weeks of history the window shows before today. */
export const WINDOW_WEEKS_BEFORE = 12;
/** Weeks shown past the next planned event (or past today when none is planned). */
export const WINDOW_WEEKS_AFTER = 1;

const WEEK_MS = 7 * DAY_MS;
const weeksOnAxis = (axis: TimelineAxis, weeks: number): number => (axis.kind === 'ga' ? weeks : weeks * WEEK_MS);

/** The x of the first planned event (not a stop deadline) at or after today, if any. */
export function nextPlannedX(data: Pick<TimelineData, 'events'>, todayX: number): number | undefined {
  const xs = data.events.filter((e) => e.planned && e.kind !== 'stop-deadline' && e.x >= todayX).map((e) => e.x);
  return xs.length > 0 ? Math.min(...xs) : undefined;
}

/**
 * [from, to] on the axis: 12 weeks before today to a week past the next planned event, inside the axis. Undefined
 * when today is not on the axis or the window would not be narrower than the axis (nothing to choose between).
 */
export function focusWindow(data: Pick<TimelineData, 'axis' | 'today' | 'events'>): [number, number] | undefined {
  const { axis, today } = data;
  if (today.x === undefined) return undefined;
  const [lo, hi] = axis.domain;
  const end = Math.max(today.x, nextPlannedX(data, today.x) ?? today.x) + weeksOnAxis(axis, WINDOW_WEEKS_AFTER);
  const from = Math.max(lo, today.x - weeksOnAxis(axis, WINDOW_WEEKS_BEFORE));
  const to = Math.min(hi, axis.kind === 'ga' ? Math.ceil(end) : end + DAY_MS);
  const start = axis.kind === 'ga' ? Math.floor(from) : from;
  if (start <= lo && to >= hi) return undefined;
  return [start, to];
}

const inside = (x: number, [lo, hi]: [number, number]) => x >= lo && x <= hi;

/** The timeline cut to a window: axis domain and ticks, and only the points, events and lane parts inside it. */
export function windowTimeline(data: TimelineData, domain: [number, number], zone: string): TimelineData {
  const [lo, hi] = domain;
  const ticks = data.axis.kind === 'ga' ? gaTicks(lo, hi) : calendarTicks(lo, hi, zone);
  const lane = data.lane;
  return {
    ...data,
    axis: { ...data.axis, domain: [lo, hi], ticks },
    feu: data.feu.filter((p) => inside(p.x, domain)),
    ddu: data.ddu.filter((p) => inside(p.x, domain)),
    trimesterBands: data.trimesterBands.map((b) => ({ ...b, x1: Math.max(b.x1, lo), x2: Math.min(b.x2, hi) })).filter((b) => b.x2 > b.x1),
    events: data.events.filter((e) => inside(e.x, domain)),
    lane: {
      ...lane,
      segments: lane.segments
        .filter((s) => s.x2 >= lo && s.x1 <= hi)
        .map((s) => ({ ...s, clippedStart: s.clippedStart || s.x1 < lo, clippedEnd: s.clippedEnd || s.x2 > hi })),
      gaps: lane.gaps.filter((g) => g.x2 >= lo && g.x1 <= hi),
    },
  };
}
