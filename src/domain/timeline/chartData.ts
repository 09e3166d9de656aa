/**
 * Timeline chart data: turns a ClinicalRecord and the selected pregnancy into what the timeline draws (points in
 * ng/mL of their unit type, trimester bands, today, the LMWH lane, event markers, stop deadlines) and what it leaves
 * out, with the reasons. Pure: no React, no clock, no words; every x is in the same units (gestational weeks as a
 * float, or epoch ms on the calendar fallback axis when the pregnancy cannot be dated).
 */
import { reason } from '../reasons';
import type { ClinicalRecord } from '../record';
import type { PregnancyTimeline } from '../pregnancy';
import { datingBasis } from '../pregnancy';
import { ddimerPart } from './ddimerPoints';
import { eventMarks } from './eventMarks';
import { lmwhLane, orderPeriods } from './lmwhLane';
import { timelineAxis, trimesterBands } from './timelineAxis';
import { timelineContext, type TimelineContext } from './timelineContext';
import type { DatingInfo, TimelineData, TodayMark } from './timelineTypes';

export * from './timelineTypes';

/** What the timeline reads from the record. */
export type TimelineInput = Pick<ClinicalRecord, 'nowMs' | 'zone' | 'pregnancy' | 'ddimer' | 'medication' | 'events' | 'facts' | 'rules'>;

export interface TimelineOptions {
  /** Index into record.pregnancy.pregnancies; default the current (or most recent) one. */
  pregnancyIndex?: number;
}

/** The pregnancy the timeline shows: the requested index when valid, else the current or most recent one. */
export function selectedPregnancyIndex(record: { pregnancy: PregnancyTimeline }, requested?: number): number | undefined {
  const n = record.pregnancy.pregnancies.length;
  if (requested !== undefined && Number.isInteger(requested) && requested >= 0 && requested < n) return requested;
  return record.pregnancy.currentIndex;
}

function datingInfo(ctx: TimelineContext): DatingInfo | undefined {
  const p = ctx.pregnancy;
  if (!p) return undefined;
  return {
    statement: datingBasis(p, p.zone ?? ctx.zone),
    source: p.dating.chosen.source,
    alternatives: p.dating.alternatives.map((a) => ({ description: a.description, disagreementDays: a.disagreementDays, source: a.source })),
    notes: p.dating.notes,
    warnings: p.warnings,
  };
}

function todayMark(ctx: TimelineContext): TodayMark {
  const x = ctx.inWindow(ctx.nowMs) ? ctx.xOf(ctx.nowMs) : undefined;
  if (x !== undefined) return { x, atMs: ctx.nowMs };
  return { x: undefined, reason: reason(ctx.pregnancy ? 'timeline.today-outside-pregnancy' : 'timeline.today-not-placeable') };
}

/** Builds everything the timeline draws for one pregnancy. Total: never throws on bad data. */
export function buildTimeline(record: TimelineInput, options: TimelineOptions = {}): TimelineData {
  const ctx = timelineContext(record.pregnancy, selectedPregnancyIndex(record, options.pregnancyIndex), record.zone, record.nowMs);
  const ddimer = ddimerPart(record.ddimer, ctx);
  const periods = orderPeriods(record.medication.orders, ctx);
  const marks = eventMarks(record, ctx);
  const today = todayMark(ctx);
  const axis = timelineAxis(ctx, {
    pointMs: [...ddimer.feu, ...ddimer.ddu].map((p) => p.atMs),
    eventMs: marks.events.map((e) => e.atMs),
    periods: periods.raw,
    todayInside: today.x !== undefined,
  });
  return {
    axis,
    dating: datingInfo(ctx),
    ...ddimer,
    trimesterBands: axis.kind === 'ga' ? trimesterBands(axis.domain) : [],
    today,
    lane: lmwhLane(periods.raw, periods.notPlaced, ctx, axis.domain),
    events: marks.events,
    eventsNotPlaced: marks.notPlaced,
  };
}

/**
 * The timeline of every pregnancy of the record (same order as record.pregnancy.pregnancies), or the one calendar
 * timeline when no pregnancy is dated. Built once with the record.
 */
export function buildTimelines(record: TimelineInput): TimelineData[] {
  const n = record.pregnancy.pregnancies.length;
  if (n === 0) return [buildTimeline(record)];
  return Array.from({ length: n }, (_, i) => buildTimeline(record, { pregnancyIndex: i }));
}

/** The built timeline for the requested pregnancy (default: current or most recent). */
export function timelineFor(record: { pregnancy: PregnancyTimeline; timelines: readonly TimelineData[] }, requested?: number): TimelineData | undefined {
  const i = selectedPregnancyIndex(record, requested);
  return record.timelines[i ?? 0];
}
