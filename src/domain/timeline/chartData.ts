/**
 * Timeline chart data: turns a ClinicalRecord, the selected pregnancy and the D-dimer display unit into what the
 * timeline draws (points, trimester bands, today, the LMWH lane, event markers, stop deadlines) and what it leaves
 * out, with the reasons. Pure: no React, no clock; every x is in the same units (gestational weeks as a float, or
 * epoch ms on the calendar fallback axis when the pregnancy cannot be dated).
 */
import { legacyReasonText } from '../reasons';
import type { ClinicalRecord, OrderView } from '../record';
import { describeOrder, drugName } from '../record';
import type { Comparator, DdimerDisplayUnit, DdimerResult, ResultStatusMark } from '../labs';
import { toDisplayUnit } from '../labs';
import type { Pregnancy, Trimester } from '../pregnancy';
import { datingStatement, gaWeeksFloat, gestationalAge } from '../pregnancy';
import type { PlannedEvent } from '../events';
import { DAY_MS, formatDate, formatDateTime, formatMoment, startOfDay } from '../time';
import { known, unknown, type Known, type SourceRef } from '../types';
import { safeString } from '../text';

/** Reason shown when the chart falls back to a calendar axis. */
export const NO_DATING_AXIS_REASON = 'no dating: EDD, LMP, transfer with embryo age or GA observation not found';
export const OUTSIDE_PREGNANCY = 'outside this pregnancy';

export const DISPLAY_UNITS: readonly DdimerDisplayUnit[] = ['ng/mL', 'mg/L', 'ug/mL'];

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
  | { kind: 'calendar'; reason: string; domain: [number, number]; ticks: number[] };

/** One plotted D-dimer result. */
export interface DdimerPoint {
  x: number;
  atMs: number;
  /** FEU: the value in the selected unit; DDU: ng/mL DDU (never converted, never joined to FEU). */
  y: number;
  series: 'FEU' | 'DDU';
  /** Unit of y, e.g. "mg/L FEU", "ng/mL DDU". */
  unitLabel: string;
  /** "<0.27 mg/L FEU": comparator kept. */
  valueText: string;
  comparator?: Comparator;
  /** A `<` or `<=` result: the value is an upper bound, drawn as an open marker at the bound. */
  open: boolean;
  status: ResultStatusMark;
  /** "" for final; otherwise "preliminary", "amended", ... */
  statusText: string;
  gaText: Known<string>;
  /** Date (and time with offset when the result has one) in the facility zone. */
  whenText: string;
  /** As the lab reported it, e.g. "0.72 ug/mL FEU". */
  originalText: string;
  referenceRangeText: string | undefined;
  source: SourceRef;
}

/** A result or record not drawn, with the reason. */
export interface NotPlotted {
  source: SourceRef;
  reason: string;
}

/** The lab's own upper reference limit, in the same scale as the FEU series. */
export interface LabUpperLimit {
  y: number;
  label: string;
  /** Results whose reference range gave this limit. */
  sources: SourceRef[];
}

export interface TrimesterBand {
  trimester: Trimester;
  label: string;
  x1: number;
  x2: number;
}

/** One LMWH (or related anticoagulant) order period on the lane. */
export interface LaneSegment {
  key: string;
  drug: string;
  description: string;
  doseText: string;
  frequencyText: string;
  perKgText: Known<string>;
  statusText: string;
  startMs: number;
  /** The end as recorded, or now when the end is unknown (openEnd). */
  endMs: number;
  openEnd: boolean;
  /** "until 25 Dec 2026 11:00 (UTC)" or "end unknown (...)". */
  periodText: string;
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
  text: string;
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
  label: string;
  x: number;
  atMs: number;
  whenText: string;
  /** Planned (still to happen) or recorded as done. */
  planned: boolean;
  /** For stop deadlines: the rule's source, e.g. "ASRA 2018". */
  ruleSource?: string;
  sources: SourceRef[];
}

export interface DdimerRow {
  result: DdimerResult;
  inPregnancy: boolean;
  whenText: string;
  gaText: Known<string>;
  normalised: { kind: 'FEU'; text: string } | { kind: 'DDU'; text: string } | { kind: 'none'; reason: string };
  statusText: string;
  referenceRangeText: string | undefined;
}

export interface DatingInfo {
  statement: string;
  source: SourceRef;
  alternatives: { description: string; disagreementDays: number | undefined; source: SourceRef }[];
  notes: string[];
  warnings: string[];
}

export interface TimelineData {
  axis: TimelineAxis;
  unit: DdimerDisplayUnit;
  dating: DatingInfo | undefined;
  feu: DdimerPoint[];
  ddu: DdimerPoint[];
  /** Results whose value cannot be charted, and D-dimer records excluded upstream. */
  notPlotted: NotPlotted[];
  /** Results outside the selected pregnancy (GA axis only). */
  outsidePregnancy: NotPlotted[];
  labUpperLimits: LabUpperLimit[];
  trimesterBands: TrimesterBand[];
  today: { x: number; text: string } | { x: undefined; reason: string };
  lane: LmwhLane;
  events: EventMark[];
  /** Events without a date or outside the pregnancy. */
  eventsNotPlaced: NotPlotted[];
  rows: DdimerRow[];
  /** "D-dimer results from 7w to 35w; latest 1.85 mg/L FEU at 35w 2d (preliminary)". */
  summary: string;
}

export interface TimelineOptions {
  /** Index into record.pregnancy.pregnancies; default the current (or most recent) one. */
  pregnancyIndex?: number;
  unit?: DdimerDisplayUnit;
}

const STATUS_TEXT: Record<ResultStatusMark, string> = {
  final: '',
  preliminary: 'preliminary',
  amended: 'amended',
  corrected: 'corrected',
  registered: 'registered (no result yet)',
  unknown: 'status unknown',
};

/** "" for a final result, else the mark to show beside the value. */
export const statusText = (s: ResultStatusMark): string => STATUS_TEXT[s] ?? 'status unknown';

/** The label of a display unit in the selector and on the axis: "mg/L FEU". */
export const feuUnitLabel = (unit: DdimerDisplayUnit): string => `${unit} FEU`;

/** The pregnancy the timeline shows: the requested index when valid, else the current or most recent one. */
export function selectedPregnancyIndex(record: ClinicalRecord, requested?: number): number | undefined {
  const n = record.pregnancy.pregnancies.length;
  if (requested !== undefined && Number.isInteger(requested) && requested >= 0 && requested < n) return requested;
  return record.pregnancy.currentIndex;
}

function sourceKey(s: SourceRef): string {
  return `${s.resourceType}/${s.id ?? '?'}`;
}

function fmtNum(v: number): string {
  return safeString(Math.round(v * 1e6) / 1e6);
}

/** The lab's reference range as written, e.g. "< 0.5 mg/L FEU (non-pregnant adults)" or "0–0.5 mg/L". */
export function referenceRangeText(ranges: readonly fhir4.ObservationReferenceRange[]): string | undefined {
  const texts = ranges.map((r) => {
    if (r.text) return r.text;
    const lo = r.low?.value;
    const hi = r.high?.value;
    const unit = r.high?.unit ?? r.low?.unit ?? r.high?.code ?? r.low?.code ?? '';
    if (lo !== undefined && hi !== undefined) return `${lo}–${hi} ${unit}`.trim();
    if (hi !== undefined) return `≤ ${hi} ${unit}`.trim();
    if (lo !== undefined) return `≥ ${lo} ${unit}`.trim();
    return undefined;
  });
  const out = texts.filter((t): t is string => !!t);
  return out.length > 0 ? out.join('; ') : undefined;
}

const NG_PER_ML_FACTOR: Record<string, number> = { 'ng/mL': 1, 'ug/L': 1, 'mg/L': 1000, 'ug/mL': 1000 };

/** A reference-range limit in ng/mL, when its unit is one of the plain mass concentrations; never assumed. */
function limitNgPerMl(q: fhir4.Quantity | undefined): number | undefined {
  if (!q || typeof q.value !== 'number' || !Number.isFinite(q.value)) return undefined;
  const raw = (q.code ?? q.unit ?? '').replace(/\{[^}]*\}/g, '').replace(/\b(FEU|DDU)\b/gi, '').replace(/[µμ]|mc(?=g)/g, 'u').trim();
  const f = NG_PER_ML_FACTOR[raw];
  return f === undefined ? undefined : q.value * f;
}

function labLimitLabel(range: fhir4.ObservationReferenceRange): string {
  const said = [range.text ?? '', ...(range.appliesTo ?? []).map((c) => c.text ?? c.coding?.[0]?.display ?? '')].join(' ').toLowerCase();
  if (said.includes('non-pregnant') || said.includes('nonpregnant') || said.includes('not pregnant')) return 'lab upper limit (non-pregnant)';
  if (said.includes('pregnan')) return 'lab upper limit (pregnancy range stated by the lab)';
  return 'lab upper limit (as reported by the lab)';
}

function trimesterBands(domain: [number, number]): TrimesterBand[] {
  const raw: TrimesterBand[] = [
    { trimester: 'first', label: '1st trimester', x1: 0, x2: 14 },
    { trimester: 'second', label: '2nd trimester', x1: 14, x2: 28 },
    { trimester: 'third', label: '3rd trimester', x1: 28, x2: Math.max(domain[1], 28) },
  ];
  return raw
    .map((b) => ({ ...b, x1: Math.max(b.x1, domain[0]), x2: Math.min(b.x2, domain[1]) }))
    .filter((b) => b.x2 > b.x1);
}

function gaText(p: Pregnancy | undefined, ms: number, zone: string, noDatingReason: string): Known<string> {
  if (!p) return unknown(noDatingReason);
  const ga = gestationalAge(p, ms, zone);
  return ga.known ? known(ga.value.text) : unknown(ga.reason);
}

function valueText(r: DdimerResult, unit: DdimerDisplayUnit): DdimerRow['normalised'] {
  const cmp = r.comparator ?? '';
  if (r.unitType === 'DDU') {
    return r.chart.known ? { kind: 'DDU', text: `${cmp}${fmtNum(r.chart.value)} ng/mL DDU (not converted)` } : { kind: 'none', reason: legacyReasonText(r.chart.reason) };
  }
  const v = toDisplayUnit(r, unit);
  return v.known ? { kind: 'FEU', text: `${cmp}${fmtNum(v.value)} ${feuUnitLabel(unit)}` } : { kind: 'none', reason: legacyReasonText(v.reason) };
}

const EVENT_KIND: Record<PlannedEvent['class'], EventMarkKind> = {
  'embryo-transfer': 'embryo-transfer',
  'oocyte-retrieval': 'oocyte-retrieval',
  caesarean: 'delivery',
  'induction-or-planned-birth': 'delivery',
  delivery: 'delivery',
  'other-surgery': 'procedure',
  other: 'procedure',
};

function orderTexts(v: OrderView): Pick<LaneSegment, 'doseText' | 'frequencyText' | 'perKgText' | 'statusText'> {
  const o = v.order;
  const doseText = o.dose.known ? `${fmtNum(o.dose.value.value)} ${o.dose.value.unit}${o.dose.value.perKg ? '/kg' : ''}` : `dose unknown (${o.dose.reason})`;
  const frequencyText = o.frequency.known ? `every ${fmtNum(o.frequency.value.intervalHours)} h` : `frequency unknown (${o.frequency.reason})`;
  const perKg = v.perKgBooking.known ? { k: v.perKgBooking.value, label: 'booking weight' } : v.perKgLatest.known ? { k: v.perKgLatest.value, label: 'latest weight' } : undefined;
  const perKgText: Known<string> = perKg
    ? known(`${perKg.k.perDose.value.toFixed(2)} ${perKg.k.perDose.unit} per dose (${perKg.label} ${fmtNum(perKg.k.weight.kg)} kg)`)
    : unknown(v.perKgBooking.known ? '' : v.perKgBooking.reason || (v.perKgLatest.known ? '' : v.perKgLatest.reason) || 'no weight');
  const status = o.status.known ? o.status.value : `status unknown`;
  const statusText = o.isOrder ? status : `${status}; ${o.notAnOrderReason ?? 'a plan, not an order to give'}`;
  return { doseText, frequencyText, perKgText, statusText };
}

/** Builds everything the timeline draws for one pregnancy and display unit. Total: never throws on bad data. */
export function buildTimeline(record: ClinicalRecord, options: TimelineOptions = {}): TimelineData {
  const unit = options.unit ?? 'ng/mL';
  const zone = record.zone;
  const nowMs = record.nowMs;
  const index = selectedPregnancyIndex(record, options.pregnancyIndex);
  const pregnancy = index !== undefined ? record.pregnancy.pregnancies[index] : undefined;
  const noDating =
    record.pregnancy.reasonIfNone && record.pregnancy.reasonIfNone.includes(';')
      ? `${NO_DATING_AXIS_REASON} (${record.pregnancy.reasonIfNone.slice(record.pregnancy.reasonIfNone.indexOf(';') + 1).trim()})`
      : NO_DATING_AXIS_REASON;

  const inWindow = (ms: number) => !pregnancy || (ms >= pregnancy.startMs && ms <= pregnancy.endMs);
  const xOf = (ms: number): number | undefined => (pregnancy ? gaWeeksFloat(pregnancy, ms, pregnancy.zone ?? zone) : Number.isFinite(ms) ? ms : undefined);

  // D-dimer points and rows.
  const feu: DdimerPoint[] = [];
  const ddu: DdimerPoint[] = [];
  const outsidePregnancy: NotPlotted[] = [];
  const notPlotted: NotPlotted[] = record.ddimer.exclusions.map((e) => ({ source: e.source, reason: `${e.view}: ${e.reason}` }));
  const notPlottedKeys = new Set(notPlotted.map((n) => sourceKey(n.source)));
  const rows: DdimerRow[] = [];
  const limits = new Map<number, LabUpperLimit>();

  for (const r of record.ddimer.results) {
    const ms = r.time.start;
    const inside = inWindow(ms);
    const ga = inside ? gaText(pregnancy, ms, zone, noDating) : unknown(OUTSIDE_PREGNANCY);
    const whenText = formatMoment(r.time, zone);
    const rrText = referenceRangeText(r.referenceRange);
    rows.push({ result: r, inPregnancy: inside, whenText, gaText: ga, normalised: valueText(r, unit), statusText: statusText(r.status), referenceRangeText: rrText });
    if (!r.chart.known) {
      if (!notPlottedKeys.has(sourceKey(r.source))) notPlotted.push({ source: r.source, reason: legacyReasonText(r.chart.reason) });
      continue;
    }
    if (!inside) {
      outsidePregnancy.push({ source: r.source, reason: OUTSIDE_PREGNANCY });
      continue;
    }
    const x = xOf(ms);
    const isDdu = r.unitType === 'DDU';
    const y = isDdu ? known(r.chart.value) : toDisplayUnit(r, unit);
    if (x === undefined || !y.known) {
      notPlotted.push({ source: r.source, reason: x === undefined ? 'time cannot be placed on the axis' : (y as { reason: string }).reason });
      continue;
    }
    const unitLabel = isDdu ? 'ng/mL DDU' : feuUnitLabel(unit);
    const point: DdimerPoint = {
      x,
      atMs: ms,
      y: y.value,
      series: isDdu ? 'DDU' : 'FEU',
      unitLabel,
      valueText: `${r.comparator ?? ''}${fmtNum(y.value)} ${unitLabel}`,
      comparator: r.comparator,
      open: r.comparator === '<' || r.comparator === '<=',
      status: r.status,
      statusText: statusText(r.status),
      gaText: ga,
      whenText,
      originalText: r.original.text,
      referenceRangeText: rrText,
      source: r.source,
    };
    (isDdu ? ddu : feu).push(point);
    if (!isDdu) {
      for (const range of r.referenceRange) {
        const ng = limitNgPerMl(range.high);
        if (ng === undefined) continue;
        const yLim = ng / (unit === 'ng/mL' ? 1 : 1000);
        const key = Math.round(yLim * 1e6) / 1e6;
        const existing = limits.get(key);
        if (existing) existing.sources.push(r.source);
        else limits.set(key, { y: key, label: `${labLimitLabel(range)}: ${fmtNum(key)} ${feuUnitLabel(unit)}`, sources: [r.source] });
      }
    }
  }

  // LMWH lane.
  const rawSegments: Omit<LaneSegment, 'x1' | 'x2' | 'clippedStart' | 'clippedEnd'>[] = [];
  const notPlaced: NotPlotted[] = [];
  for (const v of record.medication.orders) {
    const o = v.order;
    if (!o.start.known) {
      notPlaced.push({ source: o.source, reason: `start unknown: ${o.start.reason}` });
      continue;
    }
    const startMs = o.start.value.ms;
    const openEnd = !o.end.known;
    const endMs = o.end.known ? o.end.value.ms : Math.max(nowMs, startMs);
    if (pregnancy && (endMs <= pregnancy.startMs || startMs > pregnancy.endMs)) {
      notPlaced.push({ source: o.source, reason: OUTSIDE_PREGNANCY });
      continue;
    }
    const periodText = o.end.known
      ? `${formatDateTime(startMs, zone)} to ${formatDateTime(o.end.value.ms, zone)}`
      : `from ${formatDateTime(startMs, zone)}, end unknown (drawn to today)`;
    rawSegments.push({
      key: `${sourceKey(o.source)}#${rawSegments.length}`,
      drug: drugName(o.drug),
      description: describeOrder(o),
      ...orderTexts(v),
      startMs,
      endMs,
      openEnd,
      periodText,
      source: o.source,
    });
  }

  // Events, bleeding, stop deadlines.
  const events: EventMark[] = [];
  const eventsNotPlaced: NotPlotted[] = [];
  const addMark = (m: Omit<EventMark, 'x'>) => {
    if (!inWindow(m.atMs)) {
      eventsNotPlaced.push({ source: m.sources[0] ?? { resourceType: 'unknown', id: undefined }, reason: `${m.label}: ${OUTSIDE_PREGNANCY}` });
      return;
    }
    const x = xOf(m.atMs);
    if (x === undefined) return;
    events.push({ ...m, x });
  };
  for (const e of [...record.events.planned, ...record.events.past]) {
    if (!e.when) {
      eventsNotPlaced.push({ source: e.sources[0] ?? { resourceType: 'unknown', id: undefined }, reason: `${e.label}: date not set` });
      continue;
    }
    addMark({ key: e.id, kind: EVENT_KIND[e.class] ?? 'procedure', label: e.label, atMs: e.when.start, whenText: formatMoment(e.when, zone), planned: e.planned, sources: e.sources });
  }
  record.facts.facts
    .filter((f) => f.kind === 'vaginal-bleeding' && f.status !== 'tested-negative')
    .forEach((f, i) => {
      const label = `Bleeding: ${f.source.original ?? f.matched}${f.status === 'present' ? '' : ` (${f.status})`}`;
      if (!f.when) {
        eventsNotPlaced.push({ source: f.source, reason: `${label}: no date recorded` });
        return;
      }
      addMark({ key: `bleeding:${sourceKey(f.source)}:${i}`, kind: 'bleeding', label, atMs: f.when.start, whenText: formatMoment(f.when, zone), planned: false, sources: [f.source] });
    });
  record.rules.cards.forEach((card, ci) => {
    card.deadlines.forEach((d, di) => {
      if (d.deadlineMs === null) return;
      addMark({
        key: `deadline:${ci}:${di}:${d.ruleId}`,
        kind: 'stop-deadline',
        label: `${d.source.name}: stop deadline before ${card.event.label}${d.hoursBefore !== null ? ` (${d.hoursBefore} h before)` : ''}`,
        atMs: d.deadlineMs,
        whenText: formatDateTime(d.deadlineMs, zone),
        planned: true,
        ruleSource: d.source.name,
        sources: card.event.sources,
      });
    });
  });
  events.sort((a, b) => a.atMs - b.atMs);

  // Axis.
  const todayInside = inWindow(nowMs);
  const todayX = todayInside ? xOf(nowMs) : undefined;
  let axis: TimelineAxis;
  const allPoints = [...feu, ...ddu];
  if (pregnancy && index !== undefined) {
    const endWeeks = xOf(pregnancy.endMs) ?? 42;
    const xs = [...allPoints.map((p) => p.x), ...events.map((e) => e.x)];
    if (todayX !== undefined) xs.push(todayX);
    for (const s of rawSegments) {
      const a = xOf(s.startMs);
      const b = xOf(s.endMs);
      if (a !== undefined) xs.push(Math.min(Math.max(a, 0), endWeeks));
      if (b !== undefined) xs.push(Math.min(Math.max(b, 0), endWeeks));
    }
    let lo = xs.length > 0 ? Math.max(0, Math.floor(Math.min(...xs)) - 1) : 0;
    let hi = xs.length > 0 ? Math.min(Math.ceil(endWeeks), Math.ceil(Math.max(...xs)) + 1) : 42;
    if (hi - lo < 4) {
      hi = lo + 4;
      if (lo < 0) lo = 0;
    }
    const step = hi - lo > 24 ? 2 : 1;
    const ticks: number[] = [];
    for (let w = Math.ceil(lo / step) * step; w <= hi; w += step) ticks.push(w);
    axis = { kind: 'ga', pregnancyIndex: index, pregnancy, domain: [lo, hi], ticks };
  } else {
    const ms = [...allPoints.map((p) => p.atMs), ...events.map((e) => e.atMs), nowMs, ...rawSegments.flatMap((s) => [s.startMs, s.endMs])];
    const lo = startOfDay(Math.min(...ms), zone) - DAY_MS;
    const hi = startOfDay(Math.max(...ms), zone) + 2 * DAY_MS;
    const n = 6;
    const ticks = Array.from({ length: n + 1 }, (_, i) => startOfDay(lo + ((hi - lo) * i) / n, zone)).filter((t, i, a) => a.indexOf(t) === i);
    axis = { kind: 'calendar', reason: noDating, domain: [lo, hi], ticks };
  }
  const [dLo, dHi] = axis.domain;

  const segments: LaneSegment[] = [];
  for (const s of rawSegments) {
    const a = xOf(s.startMs);
    const b = xOf(s.endMs);
    if (a === undefined || b === undefined) {
      notPlaced.push({ source: s.source, reason: 'period cannot be placed on the axis' });
      continue;
    }
    segments.push({ ...s, x1: Math.max(a, dLo), x2: Math.min(Math.max(b, a), dHi), clippedStart: a < dLo, clippedEnd: b > dHi });
  }
  segments.sort((p, q) => p.startMs - q.startMs);
  const gaps: LaneGap[] = [];
  let coveredTo: { ms: number; x: number } | undefined;
  for (const s of segments) {
    if (coveredTo && s.startMs > coveredTo.ms) {
      gaps.push({ x1: coveredTo.x, x2: s.x1, text: `no order from ${formatDateTime(coveredTo.ms, zone)} to ${formatDateTime(s.startMs, zone)}` });
    }
    if (!coveredTo || s.endMs > coveredTo.ms) coveredTo = { ms: s.endMs, x: s.x2 };
  }

  const latest = allPoints.reduce<DdimerPoint | undefined>((acc, p) => (!acc || p.atMs >= acc.atMs ? p : acc), undefined);
  const first = allPoints.reduce<DdimerPoint | undefined>((acc, p) => (!acc || p.atMs < acc.atMs ? p : acc), undefined);
  const where = (p: DdimerPoint) => (axis.kind === 'ga' ? (p.gaText.known ? p.gaText.value : 'gestational age unknown') : formatDate(p.atMs, zone));
  const span = (p: DdimerPoint) => (axis.kind === 'ga' ? `${Math.floor(p.x)}w` : formatDate(p.atMs, zone));
  const notShown = notPlotted.length + outsidePregnancy.length;
  const summary =
    latest && first
      ? `D-dimer results from ${span(first)} to ${span(latest)}; latest ${latest.valueText}${latest.statusText ? ` (${latest.statusText})` : ''} ${axis.kind === 'ga' ? 'at' : 'on'} ${where(latest)}` +
        `${ddu.length > 0 ? `; ${ddu.length} DDU result${ddu.length > 1 ? 's' : ''} shown apart` : ''}${notShown > 0 ? `; ${notShown} not plotted` : ''}.`
      : `No D-dimer results plotted${notShown > 0 ? `; ${notShown} not plotted` : ''}.`;

  const dating: DatingInfo | undefined = pregnancy
    ? {
        statement: datingStatement(pregnancy, pregnancy.zone ?? zone).replace(/^dated by /, ''),
        source: pregnancy.dating.chosen.source,
        alternatives: pregnancy.dating.alternatives.map((a) => ({ description: a.description, disagreementDays: a.disagreementDays, source: a.source })),
        notes: pregnancy.dating.notes,
        warnings: pregnancy.warnings,
      }
    : undefined;

  return {
    axis,
    unit,
    dating,
    feu,
    ddu,
    notPlotted,
    outsidePregnancy,
    labUpperLimits: [...limits.values()].sort((a, b) => a.y - b.y),
    trimesterBands: axis.kind === 'ga' ? trimesterBands(axis.domain) : [],
    today: todayX !== undefined ? { x: todayX, text: `today ${formatDateTime(nowMs, zone)}` } : { x: undefined, reason: pregnancy ? 'today is outside this pregnancy' : 'today cannot be placed' },
    lane: { segments, gaps, notPlaced },
    events,
    eventsNotPlaced,
    rows,
    summary,
  };
}
