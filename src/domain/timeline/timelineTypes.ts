/**
 * Types of the timeline: what the D-dimer chart, the LMWH lane and the event lane draw, as numbers, codes and
 * SourceRefs. No words: the UI's timeline view model words them (src/ui/timeline/timelineViewModel.ts).
 */
import type { Reason } from '../reasons';
import type { Comparator, DdimerResult, ResultStatusMark } from '../labs';
import type { Pregnancy, Trimester } from '../pregnancy';
import type { DosePerKg, LmwhOrder } from '../medication';
import type { FhirMoment } from '../time';
import type { EventName } from '../events';
import type { Known, SourceRef } from '../types';
import type { RuleSourceName } from '../rules/ruleTypes';

/** Reason codes of the timeline (worded in the catalogue as `reason.<code>`). */
export type TimelineReasonCode =
  | 'timeline.no-dating'
  | 'timeline.no-dating-detail'
  | 'timeline.outside-pregnancy'
  | 'timeline.excluded-from-view'
  | 'timeline.time-not-placeable'
  | 'timeline.period-not-placeable'
  | 'timeline.start-unknown'
  | 'timeline.event-no-date'
  | 'timeline.bleeding-no-date'
  | 'timeline.event-outside-pregnancy'
  | 'timeline.today-outside-pregnancy'
  | 'timeline.today-not-placeable'
  | 'timeline.no-weight';

/** The x axis: gestational weeks of one pregnancy, or calendar time (epoch ms) with the reason there is no dating. */
export type TimelineAxis =
  | {
      kind: 'ga';
      pregnancyIndex: number;
      pregnancy: Pregnancy;
      /** Gestational weeks shown, [from, to]. */
      domain: [number, number];
      /** Whole weeks. */
      ticks: number[];
    }
  | { kind: 'calendar'; reason: Reason; domain: [number, number]; ticks: number[] };

/** Gestational age in whole weeks and days. */
export interface GaWeeksDays {
  weeks: number;
  days: number;
}

/** One plotted D-dimer result. */
export interface DdimerPoint {
  x: number;
  atMs: number;
  /** The result's time as recorded (its precision decides how it is shown). */
  time: FhirMoment;
  /** FEU: ng/mL FEU (the UI scales it to the selected unit); DDU: ng/mL DDU (never converted, never joined to FEU). */
  ngPerMl: number;
  series: 'FEU' | 'DDU';
  comparator?: Comparator;
  /** A `<` or `<=` result: the value is an upper bound, drawn as an open marker at the bound. */
  open: boolean;
  status: ResultStatusMark;
  ga: Known<GaWeeksDays>;
  /** As the lab reported it, e.g. "0.72 ug/mL FEU" (quoted data). */
  originalText: string;
  referenceRange: fhir4.ObservationReferenceRange[];
  source: SourceRef;
}

/** A result or record not drawn, with the reason. */
export interface NotPlotted {
  source: SourceRef;
  /** A code of this module, or a lab module's reason passed on. */
  reason: Reason;
}

/** Whom the lab's upper reference limit applies to, as the range says. */
export type LabLimitScope = 'non-pregnant' | 'pregnancy' | 'as-reported';

/** The lab's own upper reference limit, in ng/mL FEU. */
export interface LabUpperLimit {
  ngPerMl: number;
  scope: LabLimitScope;
  /** Results whose reference range gave this limit. */
  sources: SourceRef[];
}

export interface TrimesterBand {
  trimester: Trimester;
  x1: number;
  x2: number;
}

/** One LMWH (or related anticoagulant) order period on the lane. */
export interface LaneSegment {
  key: string;
  /** The order (dose, frequency, status: worded by the UI's dose formatter). */
  order: LmwhOrder;
  /** Dose per kg from the booking weight, else the latest weight; unknown with the booking weight's reason. */
  perKg: Known<DosePerKg & { weightKind: 'booking' | 'latest' }>;
  startMs: number;
  /** The end as recorded, or now when the end is unknown (openEnd). */
  endMs: number;
  openEnd: boolean;
  x1: number;
  x2: number;
  /** The order starts before / runs past the axis: drawn to the edge. */
  clippedStart: boolean;
  clippedEnd: boolean;
  source: SourceRef;
}

export interface LaneGap {
  x1: number;
  x2: number;
  fromMs: number;
  toMs: number;
}

export interface LmwhLane {
  segments: LaneSegment[];
  gaps: LaneGap[];
  /** Orders that cannot be placed (no start) or lie outside the pregnancy, with the reason. */
  notPlaced: NotPlotted[];
}

export type EventMarkKind = 'embryo-transfer' | 'oocyte-retrieval' | 'procedure' | 'delivery' | 'bleeding' | 'stop-deadline';

export interface EventMark {
  key: string;
  kind: EventMarkKind;
  /** The event's name (its record's text, else its class), or the bleeding record's text; for a deadline, the event it precedes. */
  name: EventName;
  x: number;
  atMs: number;
  /** The event's time as recorded; absent for a stop deadline (an instant: atMs). */
  when?: FhirMoment;
  /** Planned (still to happen) or recorded as done. */
  planned: boolean;
  /** Bleeding: the finding's status when it is not plainly 'present'. */
  findingStatus?: string;
  /** Stop deadlines: the rule's source (the registry's name, e.g. "ASRA 2018"; worded by the UI), and the hours before the event. */
  ruleSource?: RuleSourceName;
  hoursBefore?: number | null;
  /** Gestational age at the mark (unknown on a calendar axis). */
  ga: Known<GaWeeksDays>;
  sources: SourceRef[];
}

export interface DdimerRow {
  result: DdimerResult;
  inPregnancy: boolean;
  ga: Known<GaWeeksDays>;
}

export interface DatingInfo {
  /** How the pregnancy is dated (the pregnancy module's reason, without "dated by"). */
  statement: Reason;
  source: SourceRef;
  alternatives: { description: Reason; disagreementDays: number | undefined; source: SourceRef }[];
  notes: Reason[];
  warnings: Reason[];
}

export type TodayMark = { x: number; atMs: number } | { x: undefined; reason: Reason };

export interface TimelineData {
  axis: TimelineAxis;
  dating: DatingInfo | undefined;
  feu: DdimerPoint[];
  ddu: DdimerPoint[];
  /** Results whose value cannot be charted, and D-dimer records excluded upstream. */
  notPlotted: NotPlotted[];
  /** Results outside the selected pregnancy (GA axis only). */
  outsidePregnancy: NotPlotted[];
  labUpperLimits: LabUpperLimit[];
  trimesterBands: TrimesterBand[];
  today: TodayMark;
  lane: LmwhLane;
  events: EventMark[];
  /** Events without a date or outside the pregnancy. */
  eventsNotPlaced: NotPlotted[];
  rows: DdimerRow[];
}
