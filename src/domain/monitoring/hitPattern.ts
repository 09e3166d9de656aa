/**
 * Heparin-induced thrombocytopenia (HIT) pattern on the platelet series: a fall of 50% or more from the pre-heparin
 * baseline (the last platelet count before heparin started) in days 5–14 of heparin (day 0 = first exposure), or from
 * day 0 when heparin was given in the previous 100 days.
 *
 * The "fall >= 50% ... 5–14 days" highlight is marked UNVERIFIED citation in docs/clinical-reference.md 5.4, so the
 * pattern is shown WITHOUT a guideline label ("pattern described in HIT literature; citation not verified here").
 * Only the VERIFIED monitoring rows of 5.4 are cited. A missing baseline is stated, never passed over.
 *
 * Heparin courses: exposures (LMWH/UFH order periods and recorded doses) less than COURSE_GAP_MS apart form one course
 * (app choice, not from a guideline); every course is checked against its own baseline. Pure and total.
 */
import { drugParam } from '../medication/orderSummary';
import { dateParam, instantParam, reason, reasonParam, type Reason, type ReasonParam } from '../reasons';
import { sourceKey } from '../sourceRef';
import { type Known, known, type SourceRef, unknown } from '../types';
import { DAY_MS, hasTime, type FhirMoment } from '../time';
import type { AnalyteSeries, LabPoint } from '../labs';
import type { AnticoagulantDrug, DoseKind, LmwhOrder, RecordedDose } from '../medication';

/** Reason codes of the HIT pattern check (worded in the catalogue as `reason.<code>`). */
export type HitReasonCode =
  | 'hit.no-heparin'
  | 'hit.start-unknown'
  | 'hit.no-baseline'
  | 'hit.baseline-unusable'
  | 'hit.no-count-after-start'
  | 'hit.pattern'
  | 'hit.fall-outside-window'
  | 'hit.no-fall'
  | 'hit.fall'
  | 'hit.window'
  | 'hit.order-no-start'
  | 'hit.count-straddles-start'
  | 'hit.other-course';

/** A FhirMoment as a reason parameter: a date when it has no time of day, else an instant. */
const momentParam = (m: FhirMoment): ReasonParam => (hasTime(m) ? instantParam(m.start) : dateParam(m.start));


/** Exposures closer than this belong to one course (app choice: covers daily dosing with a missed record). */
export const COURSE_GAP_MS = 3 * DAY_MS;
/** Earlier heparin within this many days before a course makes an earlier (rapid) fall part of the pattern. */
export const PRIOR_EXPOSURE_DAYS = 100;

const HIT_SOURCE_URL = 'https://www.guwsmedical.info/induced-thrombocytopenia/appendix-3-recommendations-for-platelet-count-monitoring-for-hit.html';
/** Clinical reference section 5.4 and the sources it rests on (names as published). */
const HIT_SECTION = '5.4';
const HIT_BASIS = 'ACCP 2012 / Warkentin';

/** A VERIFIED monitoring row of the clinical reference (its words are in the catalogue, keyed by id). */
export interface HitGuidance {
  id: 'lmwh-only-obstetric' | 'ufh-obstetric' | 'prior-heparin-100-days';
  /** The clinical reference's section (worded by the catalogue). */
  section: string;
  /** The sources the section rests on, as published. */
  basis: string;
  url: string;
  verification: 'VERIFIED';
}

export const HIT_GUIDANCE: Record<HitGuidance['id'], HitGuidance> = {
  'lmwh-only-obstetric': {
    id: 'lmwh-only-obstetric',
    section: HIT_SECTION,
    basis: HIT_BASIS,
    url: HIT_SOURCE_URL,
    verification: 'VERIFIED',
  },
  'ufh-obstetric': {
    id: 'ufh-obstetric',
    section: HIT_SECTION,
    basis: HIT_BASIS,
    url: HIT_SOURCE_URL,
    verification: 'VERIFIED',
  },
  'prior-heparin-100-days': {
    id: 'prior-heparin-100-days',
    section: HIT_SECTION,
    basis: HIT_BASIS,
    url: HIT_SOURCE_URL,
    verification: 'VERIFIED',
  },
};

export interface HeparinExposure {
  startMs: number;
  endMs: number;
  drugClass: 'lmwh' | 'ufh';
  drug: AnticoagulantDrug;
  /** An order period, or a recorded dose of this kind. */
  from: 'order' | DoseKind;
  source: SourceRef;
}

export interface PlateletFall {
  point: LabPoint;
  baseline: LabPoint;
  /** Whole percent below the baseline (>= 50). */
  fallPercent: number;
  /** Day of heparin, day 0 = the course's first exposure. */
  day: number;
  inWindow: boolean;
  /** The fall as a reason (`hit.fall`): count, date, percent, baseline, day. */
  text: Reason<HitReasonCode>;
}

export type HitCourseState = 'no-baseline' | 'no-count-after-start' | 'pattern' | 'fall-outside-window' | 'no-fall';

export interface HeparinCourse {
  startMs: number;
  endMs: number;
  drugs: AnticoagulantDrug[];
  hasUfh: boolean;
  exposures: HeparinExposure[];
  startSource: SourceRef;
  /** Heparin in the 100 days before this course started. */
  priorExposure?: { endMs: number; daysBefore: number; exposure: HeparinExposure; source: SourceRef };
  /** Day range (of heparin) in which a fall counts as the pattern; afterPrior: widened by heparin in the previous 100 days. */
  window: { fromDay: number; toDay: number; afterPrior: boolean };
  baseline: Known<{ point: LabPoint; daysBeforeStart: number }>;
  countsAfterStart: number;
  falls: PlateletFall[];
  state: HitCourseState;
  statement: Reason<HitReasonCode>;
}

export type HitState = 'no-heparin' | 'start-unknown' | HitCourseState;

export interface HitPatternResult {
  state: HitState;
  /** What the check found, as a reason to word. */
  statement: Reason<HitReasonCode>;
  /** Falls that match the pattern (shown as a possible pattern, attributed to the literature without a guideline label). */
  pattern: PlateletFall[];
  /** Every fall of 50% or more, in or out of the window. */
  falls: PlateletFall[];
  courses: HeparinCourse[];
  guidance: HitGuidance[];
  caveats: Reason<HitReasonCode>[];
}

const NOT_EXPOSURE = new Set(['entered-in-error', 'cancelled', 'draft']);

/** A platelet count as reason parameters (value without float noise, comparator kept). */
const count = (v: number, comparator?: string) => ({ value: Number(v.toPrecision(4)), comparator: comparator ?? '' });

function exposures(orders: LmwhOrder[], doses: RecordedDose[], nowMs: number, caveats: Reason<HitReasonCode>[]): HeparinExposure[] {
  const out: HeparinExposure[] = [];
  for (const o of Array.isArray(orders) ? orders : []) {
    if (!o || typeof o !== 'object' || (o.drugClass !== 'lmwh' && o.drugClass !== 'ufh') || !o.isOrder) continue;
    if (o.status?.known && NOT_EXPOSURE.has(o.status.value)) continue;
    if (!o.start?.known) {
      caveats.push(reason('hit.order-no-start', { drug: drugParam(o.drug), ref: sourceKey(o.source) }));
      continue;
    }
    const startMs = o.start.value.ms;
    if (!Number.isFinite(startMs) || startMs > nowMs) continue;
    const active = o.status?.known && (o.status.value === 'active' || o.status.value === 'on-hold');
    const endMs = o.end?.known ? Math.min(o.end.value.ms, nowMs) : active ? nowMs : startMs;
    out.push({
      startMs,
      endMs: Math.max(startMs, endMs),
      drugClass: o.drugClass,
      drug: o.drug,
      from: 'order',
      source: o.source,
    });
  }
  for (const d of Array.isArray(doses) ? doses : []) {
    if (!d || typeof d !== 'object' || (d.drugClass !== 'lmwh' && d.drugClass !== 'ufh') || !d.time?.known) continue;
    const t = d.time.value.ms;
    if (!Number.isFinite(t) || t > nowMs) continue;
    out.push({ startMs: t, endMs: t, drugClass: d.drugClass, drug: d.drug, from: d.kind, source: d.source });
  }
  return out.sort((a, b) => a.startMs - b.startMs);
}

function courses(list: HeparinExposure[]): HeparinExposure[][] {
  const out: HeparinExposure[][] = [];
  let cur: HeparinExposure[] = [];
  let curEnd = -Infinity;
  for (const e of list) {
    if (cur.length > 0 && e.startMs > curEnd + COURSE_GAP_MS) {
      out.push(cur);
      cur = [];
      curEnd = -Infinity;
    }
    cur.push(e);
    curEnd = Math.max(curEnd, e.endMs);
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

type CourseBase = Omit<HeparinCourse, 'baseline' | 'countsAfterStart' | 'falls' | 'state' | 'statement'>;

/** Start, drugs, prior exposure (within 100 days) and the day window of one course. */
function courseBase(group: HeparinExposure[], previous: HeparinExposure[][]): CourseBase {
  const startMs = group[0]!.startMs;
  const prevEnd = previous.flat().reduce<HeparinExposure | undefined>((best, e) => (!best || e.endMs > best.endMs ? e : best), undefined);
  const priorDays = prevEnd ? (startMs - prevEnd.endMs) / DAY_MS : Infinity;
  const priorExposure = prevEnd && priorDays <= PRIOR_EXPOSURE_DAYS ? { endMs: prevEnd.endMs, daysBefore: Math.floor(priorDays), exposure: prevEnd, source: prevEnd.source } : undefined;
  return {
    startMs,
    endMs: Math.max(...group.map((e) => e.endMs)),
    drugs: [...new Set(group.map((e) => e.drug))],
    hasUfh: group.some((e) => e.drugClass === 'ufh'),
    exposures: group,
    startSource: group[0]!.source,
    ...(priorExposure ? { priorExposure } : {}),
    window: priorExposure ? { fromDay: 0, toDay: 14, afterPrior: true } : { fromDay: 5, toDay: 14, afterPrior: false },
  };
}

const windowParam = (w: HeparinCourse['window']): ReasonParam => reasonParam(reason('hit.window', { from: w.fromDay, to: w.toDay, afterPrior: w.afterPrior ? 'yes' : 'no' }));

/** Falls of 50% or more from the baseline among the counts after the start (a ">" bound is never a fall). */
function fallsFrom(last: LabPoint, after: LabPoint[], base: CourseBase): PlateletFall[] {
  const falls: PlateletFall[] = [];
  for (const p of after) {
    if (p.comparator === '>' || p.comparator === '>=') continue;
    const pct = ((last.value - p.value) / last.value) * 100;
    if (pct < 50 - 1e-9) continue;
    const day = Math.floor((p.time.start - base.startMs) / DAY_MS);
    const fallPercent = Math.floor(pct + 1e-9);
    const text = reason('hit.fall', {
      ...count(p.value, p.comparator),
      when: momentParam(p.time),
      atLeast: p.comparator ? 'yes' : 'no',
      percent: fallPercent,
      baseline: count(last.value).value,
      day,
    });
    falls.push({ point: p, baseline: last, fallPercent, day, inWindow: day >= base.window.fromDay && day <= base.window.toDay, text });
  }
  return falls;
}

/** The statement of a course that has a usable baseline and counts after the start. */
function judgeFalls(base: CourseBase, last: LabPoint, after: LabPoint[]): Pick<HeparinCourse, 'falls' | 'state' | 'statement'> {
  const falls = fallsFrom(last, after, base);
  const baselineParams = { baseline: count(last.value).value, baselineWhen: momentParam(last.time) };
  const first = falls.find((f) => f.inWindow);
  if (first) return { falls, state: 'pattern', statement: reason('hit.pattern', { fall: reasonParam(first.text), window: windowParam(base.window) }) };
  if (falls.length > 0) return { falls, state: 'fall-outside-window', statement: reason('hit.fall-outside-window', { ...baselineParams, window: windowParam(base.window) }) };
  return { falls, state: 'no-fall', statement: reason('hit.no-fall', { ...baselineParams, n: after.length, start: instantParam(base.startMs) }) };
}

function checkCourse(group: HeparinExposure[], previous: HeparinExposure[][], nextStartMs: number, points: LabPoint[], caveats: Reason<HitReasonCode>[]): HeparinCourse {
  const base = courseBase(group, previous);
  const startMs = base.startMs;
  const start = instantParam(startMs);
  for (const p of points.filter((q) => q.time.start < startMs && q.time.end > startMs)) caveats.push(reason('hit.count-straddles-start', { when: momentParam(p.time), start }));
  const last = points.filter((p) => p.time.end <= startMs).at(-1);
  const after = points.filter((p) => p.time.start >= startMs && p.time.start < nextStartMs);
  if (!last) {
    const why = reason('hit.no-baseline', { start });
    return { ...base, baseline: unknown(why), countsAfterStart: after.length, falls: [], state: 'no-baseline', statement: why };
  }
  if (last.comparator || !(last.value > 0)) {
    const why = reason('hit.baseline-unusable', { original: last.original.text });
    return { ...base, baseline: unknown(why), countsAfterStart: after.length, falls: [], state: 'no-baseline', statement: why };
  }
  const baseline = known({ point: last, daysBeforeStart: Math.floor((startMs - last.time.start) / DAY_MS) });
  if (after.length === 0) {
    const statement = reason('hit.no-count-after-start', { start, baseline: count(last.value).value, baselineWhen: momentParam(last.time) });
    return { ...base, baseline, countsAfterStart: 0, falls: [], state: 'no-count-after-start', statement };
  }
  return { ...base, baseline, countsAfterStart: after.length, ...judgeFalls(base, last, after) };
}

function guidanceFor(checked: HeparinCourse[]): HitGuidance[] {
  const anyUfh = checked.some((c) => c.hasUfh);
  const out: HitGuidance[] = [anyUfh ? HIT_GUIDANCE['ufh-obstetric'] : HIT_GUIDANCE['lmwh-only-obstetric']];
  if (checked.some((c) => c.priorExposure)) out.push(HIT_GUIDANCE['prior-heparin-100-days']);
  return out;
}

const uniqueReasons = <R extends Reason>(list: R[]): R[] => {
  const seen = new Set<string>();
  return list.filter((r) => {
    const k = JSON.stringify(r);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

/**
 * Checks the platelet series for the HIT pattern against the LMWH/UFH orders and recorded doses. Fondaparinux is not
 * heparin and is not an exposure. The zone argument is kept for callers; dates are numbers here (worded in the UI).
 */
export function hitPattern(platelets: AnalyteSeries, orders: LmwhOrder[], doses: RecordedDose[], nowMs: number, _zone?: string): HitPatternResult {
  const points = (Array.isArray(platelets?.points) ? platelets.points : []).filter((p) => p && Number.isFinite(p.value) && Number.isFinite(p.time?.start)).sort((a, b) => a.time.start - b.time.start);
  const caveats: Reason<HitReasonCode>[] = [];
  const exp = exposures(orders, doses, nowMs, caveats);
  if (exp.length === 0) {
    const state = caveats.length > 0 ? 'start-unknown' : 'no-heparin';
    return { state, statement: reason(state === 'start-unknown' ? 'hit.start-unknown' : 'hit.no-heparin'), pattern: [], falls: [], courses: [], guidance: [], caveats };
  }
  const groups = courses(exp);
  const checked = groups.map((g, i) => checkCourse(g, groups.slice(0, i), groups[i + 1]?.[0]?.startMs ?? Infinity, points, caveats));
  const falls = checked.flatMap((c) => c.falls);
  const lead = checked.find((c) => c.state === 'pattern') ?? checked.find((c) => c.state === 'fall-outside-window') ?? checked.at(-1)!;
  for (const c of checked) {
    if (c !== lead && c.state === 'no-baseline') caveats.push(reason('hit.other-course', { start: instantParam(c.startMs), statement: reasonParam(c.statement) }));
  }
  return { state: lead.state, statement: lead.statement, pattern: falls.filter((f) => f.inWindow), falls, courses: checked, guidance: guidanceFor(checked), caveats: uniqueReasons(caveats) };
}
