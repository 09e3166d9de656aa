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
import { drugName } from '../record';
import { type Known, known, type SourceRef, unknown } from '../types';
import { DAY_MS, formatDateTime, formatMoment } from '../time';
import type { AnalyteSeries, LabPoint } from '../labs';
import type { LmwhOrder, RecordedDose } from '../medication';

export const HIT_PATTERN_LABEL = 'possible heparin-induced thrombocytopenia pattern';
export const HIT_PATTERN_ATTRIBUTION = 'pattern described in HIT literature; citation not verified here';

/** Exposures closer than this belong to one course (app choice: covers daily dosing with a missed record). */
export const COURSE_GAP_MS = 3 * DAY_MS;
/** Earlier heparin within this many days before a course makes an earlier (rapid) fall part of the pattern. */
export const PRIOR_EXPOSURE_DAYS = 100;

const HIT_SOURCE_URL = 'https://www.guwsmedical.info/induced-thrombocytopenia/appendix-3-recommendations-for-platelet-count-monitoring-for-hit.html';
const HIT_CITATION = 'Clinical reference 5.4: recommendations for platelet-count monitoring for HIT (table paralleling ACCP 2012 / Warkentin)';

export interface HitGuidance {
  id: 'lmwh-only-obstetric' | 'ufh-obstetric' | 'prior-heparin-100-days';
  text: string;
  citation: string;
  url: string;
  verification: 'VERIFIED';
}

export const HIT_GUIDANCE: Record<HitGuidance['id'], HitGuidance> = {
  'lmwh-only-obstetric': {
    id: 'lmwh-only-obstetric',
    text: 'Obstetric patients on LMWH only: HIT risk below 0.1%; routine platelet monitoring is not recommended.',
    citation: HIT_CITATION,
    url: HIT_SOURCE_URL,
    verification: 'VERIFIED',
  },
  'ufh-obstetric': {
    id: 'ufh-obstetric',
    text: 'Obstetric patients on unfractionated heparin: HIT risk 0.1–1%; platelet count every 2–3 days from day 4 to day 14.',
    citation: HIT_CITATION,
    url: HIT_SOURCE_URL,
    verification: 'VERIFIED',
  },
  'prior-heparin-100-days': {
    id: 'prior-heparin-100-days',
    text: 'Heparin exposure within the last 100 days: platelet count at baseline and within 24 h of starting heparin.',
    citation: HIT_CITATION,
    url: HIT_SOURCE_URL,
    verification: 'VERIFIED',
  },
};

export interface HeparinExposure {
  startMs: number;
  endMs: number;
  drugClass: 'lmwh' | 'ufh';
  /** Drug name, e.g. "Enoxaparin". */
  drug: string;
  /** "Enoxaparin order from 17 Jun 2026 18:00 (UTC+01:00)", "Enoxaparin dose administered 23 Nov 2026 18:00 (UTC)". */
  label: string;
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
  /** "Platelets 110 ×10⁹/L on 30 Nov 2026 09:00 (UTC): 56% below the pre-heparin baseline 248 ×10⁹/L, day 7 of heparin". */
  text: string;
}

export type HitCourseState = 'no-baseline' | 'no-count-after-start' | 'pattern' | 'fall-outside-window' | 'no-fall';

export interface HeparinCourse {
  startMs: number;
  endMs: number;
  startText: string;
  drugs: string[];
  hasUfh: boolean;
  exposures: HeparinExposure[];
  startSource: SourceRef;
  /** Heparin in the 100 days before this course started. */
  priorExposure?: { endMs: number; daysBefore: number; text: string; source: SourceRef };
  /** Day range (of heparin) in which a fall counts as the pattern. */
  window: { fromDay: number; toDay: number; text: string };
  baseline: Known<{ point: LabPoint; daysBeforeStart: number; text: string }>;
  countsAfterStart: number;
  falls: PlateletFall[];
  state: HitCourseState;
  statement: string;
}

export type HitState = 'no-heparin' | 'start-unknown' | HitCourseState;

export interface HitPatternResult {
  state: HitState;
  /** One sentence for display. */
  statement: string;
  /** Falls that match the pattern (shown under HIT_PATTERN_LABEL with HIT_PATTERN_ATTRIBUTION). */
  pattern: PlateletFall[];
  /** Every fall of 50% or more, in or out of the window. */
  falls: PlateletFall[];
  courses: HeparinCourse[];
  guidance: HitGuidance[];
  caveats: string[];
  label: typeof HIT_PATTERN_LABEL;
  attribution: typeof HIT_PATTERN_ATTRIBUTION;
}

const NOT_EXPOSURE = new Set(['entered-in-error', 'cancelled', 'draft']);

const plateletText = (v: number, comparator?: string): string => `${comparator ?? ''}${Number(v.toPrecision(4))} ×10⁹/L`;

function exposures(orders: LmwhOrder[], doses: RecordedDose[], nowMs: number, zone: string, caveats: string[]): HeparinExposure[] {
  const out: HeparinExposure[] = [];
  for (const o of Array.isArray(orders) ? orders : []) {
    if (!o || typeof o !== 'object' || (o.drugClass !== 'lmwh' && o.drugClass !== 'ufh') || !o.isOrder) continue;
    if (o.status?.known && NOT_EXPOSURE.has(o.status.value)) continue;
    if (!o.start?.known) {
      caveats.push(`${drugName(o.drug)} order ${o.source.resourceType}/${o.source.id ?? '?'} has no start date: heparin may have started earlier than shown`);
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
      drug: drugName(o.drug),
      label: `${drugName(o.drug)} order from ${formatDateTime(startMs, zone)}`,
      source: o.source,
    });
  }
  for (const d of Array.isArray(doses) ? doses : []) {
    if (!d || typeof d !== 'object' || (d.drugClass !== 'lmwh' && d.drugClass !== 'ufh') || !d.time?.known) continue;
    const t = d.time.value.ms;
    if (!Number.isFinite(t) || t > nowMs) continue;
    out.push({ startMs: t, endMs: t, drugClass: d.drugClass, drug: drugName(d.drug), label: `${drugName(d.drug)} dose ${d.label} ${formatDateTime(t, zone)}`, source: d.source });
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

function checkCourse(group: HeparinExposure[], previous: HeparinExposure[][], nextStartMs: number, points: LabPoint[], zone: string, caveats: string[]): HeparinCourse {
  const startMs = group[0]!.startMs;
  const endMs = Math.max(...group.map((e) => e.endMs));
  const startText = formatDateTime(startMs, zone);
  const drugs = [...new Set(group.map((e) => e.drug))];
  const hasUfh = group.some((e) => e.drugClass === 'ufh');
  const prevEnd = previous.flat().reduce<HeparinExposure | undefined>((best, e) => (!best || e.endMs > best.endMs ? e : best), undefined);
  const priorDays = prevEnd ? (startMs - prevEnd.endMs) / DAY_MS : Infinity;
  const priorExposure =
    prevEnd && priorDays <= PRIOR_EXPOSURE_DAYS
      ? { endMs: prevEnd.endMs, daysBefore: Math.floor(priorDays), text: `heparin also given ${Math.floor(priorDays)} days before this course (${prevEnd.label})`, source: prevEnd.source }
      : undefined;
  const window = priorExposure
    ? { fromDay: 0, toDay: 14, text: 'days 0–14 of heparin (heparin given in the previous 100 days)' }
    : { fromDay: 5, toDay: 14, text: 'days 5–14 of heparin' };
  const base = {
    startMs,
    endMs,
    startText,
    drugs,
    hasUfh,
    exposures: group,
    startSource: group[0]!.source,
    ...(priorExposure ? { priorExposure } : {}),
    window,
  };

  const straddling = points.filter((p) => p.time.start < startMs && p.time.end > startMs);
  for (const p of straddling) caveats.push(`platelet count dated ${formatMoment(p.time, zone)} cannot be placed before or after heparin started (${startText})`);
  const before = points.filter((p) => p.time.end <= startMs);
  const after = points.filter((p) => p.time.start >= startMs && p.time.start < nextStartMs);
  const last = before.at(-1);
  if (!last) {
    return { ...base, baseline: unknown('no platelet count before heparin started'), countsAfterStart: after.length, falls: [], state: 'no-baseline', statement: `No platelet count before heparin started (${startText}): the pattern cannot be checked.` };
  }
  if (last.comparator || !(last.value > 0)) {
    const why = `the last platelet count before heparin (${last.original.text}) is not a usable value`;
    return { ...base, baseline: unknown(why), countsAfterStart: after.length, falls: [], state: 'no-baseline', statement: `${why[0]!.toUpperCase()}${why.slice(1)}: the pattern cannot be checked.` };
  }
  const baselineText = `${plateletText(last.value)} on ${formatMoment(last.time, zone)}`;
  const baseline = known({ point: last, daysBeforeStart: Math.floor((startMs - last.time.start) / DAY_MS), text: baselineText });
  if (after.length === 0) {
    return { ...base, baseline, countsAfterStart: 0, falls: [], state: 'no-count-after-start', statement: `No platelet count since heparin started (${startText}); pre-heparin baseline ${baselineText}.` };
  }
  const falls: PlateletFall[] = [];
  for (const p of after) {
    if (p.comparator === '>' || p.comparator === '>=') continue;
    const pct = ((last.value - p.value) / last.value) * 100;
    if (pct < 50 - 1e-9) continue;
    const day = Math.floor((p.time.start - startMs) / DAY_MS);
    const inWindow = day >= window.fromDay && day <= window.toDay;
    const fallPercent = Math.floor(pct + 1e-9);
    falls.push({
      point: p,
      baseline: last,
      fallPercent,
      day,
      inWindow,
      text: `Platelets ${plateletText(p.value, p.comparator)} on ${formatMoment(p.time, zone)}: ${p.comparator ? 'at least ' : ''}${fallPercent}% below the pre-heparin baseline ${plateletText(last.value)}, day ${day} of heparin`,
    });
  }
  const inWin = falls.filter((f) => f.inWindow);
  if (inWin.length > 0) {
    const f = inWin[0]!;
    return { ...base, baseline, countsAfterStart: after.length, falls, state: 'pattern', statement: `Possible heparin-induced thrombocytopenia pattern: ${f.text} (${window.text}).` };
  }
  if (falls.length > 0) {
    return {
      ...base,
      baseline,
      countsAfterStart: after.length,
      falls,
      state: 'fall-outside-window',
      statement: `Platelets fell by 50% or more from the pre-heparin baseline ${baselineText}, but outside ${window.text}: not the pattern; the fall is shown.`,
    };
  }
  return { ...base, baseline, countsAfterStart: after.length, falls, state: 'no-fall', statement: `No fall of 50% or more from the pre-heparin baseline ${baselineText} in ${after.length} count(s) since heparin started (${startText}).` };
}

/**
 * Checks the platelet series for the HIT pattern against the LMWH/UFH orders and recorded doses. Fondaparinux is not
 * heparin and is not an exposure. `zone` formats dates (default: the platelet series' zone, else UTC).
 */
export function hitPattern(platelets: AnalyteSeries, orders: LmwhOrder[], doses: RecordedDose[], nowMs: number, zone?: string): HitPatternResult {
  const points = (Array.isArray(platelets?.points) ? platelets.points : []).filter((p) => p && Number.isFinite(p.value) && Number.isFinite(p.time?.start)).sort((a, b) => a.time.start - b.time.start);
  const z = zone ?? points[0]?.time.zone ?? 'UTC';
  const caveats: string[] = [];
  const exp = exposures(orders, doses, nowMs, z, caveats);
  const common = { label: HIT_PATTERN_LABEL, attribution: HIT_PATTERN_ATTRIBUTION } as const;
  if (exp.length === 0) {
    const startUnknown = caveats.length > 0;
    return {
      ...common,
      state: startUnknown ? 'start-unknown' : 'no-heparin',
      statement: startUnknown
        ? 'Heparin start is not known (orders without a start date and no recorded dose with a time): the pattern cannot be checked.'
        : 'No heparin order or recorded heparin dose in the record: the heparin-induced thrombocytopenia pattern is not checked.',
      pattern: [],
      falls: [],
      courses: [],
      guidance: [],
      caveats,
    };
  }
  const groups = courses(exp);
  const checked = groups.map((g, i) => checkCourse(g, groups.slice(0, i), groups[i + 1]?.[0]?.startMs ?? Infinity, points, z, caveats));
  const falls = checked.flatMap((c) => c.falls);
  const pattern = falls.filter((f) => f.inWindow);
  const latest = checked.at(-1)!;
  const withPattern = checked.find((c) => c.state === 'pattern');
  const withFall = checked.find((c) => c.state === 'fall-outside-window');
  const lead = withPattern ?? withFall ?? latest;
  for (const c of checked) if (c !== lead && c.state === 'no-baseline') caveats.push(`heparin course from ${c.startText}: ${c.statement}`);
  const guidance: HitGuidance[] = [];
  const anyUfh = checked.some((c) => c.hasUfh);
  if (!anyUfh) guidance.push(HIT_GUIDANCE['lmwh-only-obstetric']);
  if (anyUfh) guidance.push(HIT_GUIDANCE['ufh-obstetric']);
  if (checked.some((c) => c.priorExposure)) guidance.push(HIT_GUIDANCE['prior-heparin-100-days']);
  return { ...common, state: lead.state, statement: lead.statement, pattern, falls, courses: checked, guidance, caveats: [...new Set(caveats)] };
}
