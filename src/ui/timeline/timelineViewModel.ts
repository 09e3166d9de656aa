/**
 * The timeline's view model: from the built timeline (src/domain/timeline) and the reader's choices (display unit,
 * reference band) to every string the timeline shows, the legend, the axis ticks, the point details and the chart
 * geometry in the selected unit. Pure: no React; words from the catalogue via `Messages`.
 */
import type { RuleSourceName } from '../../domain/rules/ruleTypes';
import { shortSourceLabel } from '../evidence/evidenceSources';
import type { DdimerDisplayUnit, DdimerResult } from '../../domain/labs';
import { ngPerMlIn, toDisplayUnit } from '../../domain/labs';
import type { Pregnancy, PregnancyTimeline } from '../../domain/pregnancy';
import { datingMethodReason, instantForGa } from '../../domain/pregnancy';
import type { Reason } from '../../domain/reasons';
import {
  REFERENCE_STUDIES,
  referenceBandAreas,
  type DdimerPoint,
  type DdimerRow,
  type EventMark,
  type EventMarkKind,
  type GaWeeksDays,
  type LaneSegment,
  type ReferenceBandArea,
  type ReferenceStudy,
  type ReferenceStudyId,
  type TimelineAxis,
  type TimelineData,
  valueScale,
  valueTicks,
  windowTimeline,
} from '../../domain/timeline';
import type { Known, SourceRef } from '../../domain/types';
import { formatDrug, formatKnownDose, formatKnownFrequency, formatOrderStatus, formatOrderSummary } from '../format/dose';
import { reportedExactText, reportedText } from '../format/labValues';
import type { Messages } from '../messages/translator';
import { eventName } from '../format/eventName';

export const DISPLAY_UNITS: readonly DdimerDisplayUnit[] = ['ng/mL', 'mg/L', 'ug/mL'];

/** A value shown as text, or unknown with the reason (rendered with UnknownValue). */
export type TextOrUnknown = { known: true; text: string } | { known: false; reason: Reason; label?: string };

const gaText = (ga: GaWeeksDays, m: Messages): string => m.t('timeline.ga', { weeks: ga.weeks, days: ga.days });
const knownGa = (ga: Known<GaWeeksDays>, m: Messages): string | undefined => (ga.known ? gaText(ga.value, m) : undefined);

/** "" for a final result, else "preliminary", "amended", ... */
export const statusText = (status: DdimerResult['status'], m: Messages): string => m.t('timeline.status', { status });

// ---------------------------------------------------------------- header, dating

export interface PregnancyPickerView {
  label: string;
  options: { value: number; text: string }[];
}

/** "EDD 14 Jan 2027 (recorded EDD)": a pregnancy in the picker. */
const pregnancyLabel = (p: Pregnancy, m: Messages): string =>
  m.t('pregnancy.pickerLabel', { edd: m.date(p.eddMs), method: m.reason(datingMethodReason(p.dating.chosen.method)) });

export function pregnancyPickerView(pregnancy: PregnancyTimeline, m: Messages): PregnancyPickerView | undefined {
  if (pregnancy.pregnancies.length <= 1) return undefined;
  return {
    label: m.t('timeline.pregnancy'),
    options: pregnancy.pregnancies.map((p: Pregnancy, i) => ({
      value: i,
      text: m.t('timeline.pregnancyOption', { label: pregnancyLabel(p, m), which: i === pregnancy.currentIndex ? (pregnancy.isCurrent ? 'current' : 'recent') : 'earlier' }),
    })),
  };
}

export type DatingView =
  | { kind: 'dated'; text: string; sourceLabel: string; source: SourceRef; alternativesLabel: string; alternatives: { text: string; source: SourceRef }[]; notes: string[] }
  | { kind: 'none'; text: string };

export function datingView(data: TimelineData, m: Messages): DatingView {
  const d = data.dating;
  if (!d) {
    const reason = data.axis.kind === 'calendar' ? m.reason(data.axis.reason) : m.t('timeline.noDatingShort');
    return { kind: 'none', text: m.t('timeline.noDating', { reason }) };
  }
  return {
    kind: 'dated',
    text: m.t('timeline.datingFrom', { statement: m.reason(d.statement) }),
    sourceLabel: m.t('timeline.datingSource'),
    source: d.source,
    alternativesLabel: m.t('timeline.datingDisagreesList'),
    alternatives: d.alternatives.map((a) => ({
      text:
        a.disagreementDays !== undefined
          ? m.t('timeline.disagreesBy', { days: Math.abs(a.disagreementDays), direction: a.disagreementDays > 0 ? 'later' : 'earlier', description: m.reason(a.description) })
          : m.t('timeline.disagrees', { description: m.reason(a.description) }),
      source: a.source,
    })),
    notes: [...d.notes, ...d.warnings].map((n) => m.reason(n)),
  };
}

// ---------------------------------------------------------------- D-dimer values

/** The value of a point in the selected unit (FEU) or in ng/mL DDU. */
export function pointY(p: Pick<DdimerPoint, 'series' | 'ngPerMl'>, unit: DdimerDisplayUnit): number {
  return p.series === 'DDU' ? p.ngPerMl : ngPerMlIn(p.ngPerMl, unit);
}

export function valueText(p: Pick<DdimerPoint, 'series' | 'ngPerMl' | 'comparator'>, unit: DdimerDisplayUnit, m: Messages): string {
  const comparator = p.comparator ?? '';
  const value = m.number(pointY(p, unit), 6);
  return p.series === 'DDU' ? m.t('timeline.valueDdu', { comparator, value }) : m.t('timeline.valueFeu', { comparator, value, unit });
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

export interface PointDetailsView {
  rows: { term: string; value: string; strong?: boolean }[];
}

export interface ChartPoint {
  key: string;
  x: number;
  /** In the point's own axis unit: the selected FEU unit, or ng/mL DDU (never converted). */
  y: number;
  /** Height on the plot, 0 (bottom) to 1 (top of the value axes): DDU at half the FEU scale. */
  level: number;
  open: boolean;
  /** Drawn beside the point when the result is not final: "preliminary", "amended", "corrected"... */
  mark: string | undefined;
  details: PointDetailsView;
  source: SourceRef;
}

function pointDetails(p: DdimerPoint, unit: DdimerDisplayUnit, m: Messages, sourceText: string): PointDetailsView {
  const status = statusText(p.status, m);
  return {
    rows: [
      { term: m.t('timeline.point.value'), value: `${valueText(p, unit, m)}${p.open ? m.t('timeline.point.belowBound') : ''}` },
      { term: m.t('timeline.point.asReported'), value: p.originalText },
      { term: m.t('timeline.point.date'), value: m.moment(p.time) },
      { term: m.t('timeline.point.ga'), value: p.ga.known ? gaText(p.ga.value, m) : m.t('timeline.point.gaUnknown', { reason: m.reason(p.ga.reason) }) },
      { term: m.t('timeline.point.status'), value: status || m.t('timeline.final'), strong: status !== '' },
      { term: m.t('timeline.point.range'), value: referenceRangeText(p.referenceRange) ?? m.t('timeline.point.noRange') },
      { term: m.t('timeline.point.source'), value: sourceText },
    ],
  };
}

/** "D-dimer results from 7w to 35w; latest 1.85 mg/L FEU (preliminary) at 35w 2d; 1 DDU result shown apart; 1 not plotted." */
export function timelineSummary(data: TimelineData, unit: DdimerDisplayUnit, m: Messages): string {
  const all = [...data.feu, ...data.ddu];
  const notShown = data.notPlotted.length + data.outsidePregnancy.length;
  const notShownText = notShown > 0 ? m.t('timeline.summaryNotShown', { n: notShown }) : '';
  if (all.length === 0) return m.t('timeline.summaryNone', { notShown: notShownText });
  const latest = all.reduce((acc, p) => (p.atMs >= acc.atMs ? p : acc));
  const first = all.reduce((acc, p) => (p.atMs < acc.atMs ? p : acc));
  const ga = data.axis.kind === 'ga';
  const span = (p: DdimerPoint) => (ga ? m.t('timeline.weeks', { weeks: Math.floor(p.x) }) : m.date(p.atMs));
  const status = statusText(latest.status, m);
  return m.t('timeline.summary', {
    first: span(first),
    last: span(latest),
    value: valueText(latest, unit, m),
    status: status ? m.t('timeline.summaryStatus', { status }) : '',
    ga: ga ? 'yes' : 'no',
    where: ga ? (knownGa(latest.ga, m) ?? m.t('timeline.gaUnknownShort')) : m.date(latest.atMs),
    ddu: data.ddu.length > 0 ? m.t('timeline.summaryDdu', { n: data.ddu.length }) : '',
    notShown: notShownText,
  });
}

// ---------------------------------------------------------------- chart

export interface AxisTickView {
  value: number;
  top: string;
  bottom?: string;
}

export function axisTicks(axis: TimelineAxis, m: Messages): AxisTickView[] {
  return axis.ticks.map((value) => {
    if (axis.kind !== 'ga') return { value, top: m.date(value) };
    const at = value % 4 === 0 ? instantForGa(axis.pregnancy, value, 0, m.zone) : undefined;
    return at !== undefined ? { value, top: m.t('timeline.weeks', { weeks: value }), bottom: m.date(at) } : { value, top: m.t('timeline.weeks', { weeks: value }) };
  });
}

export interface LegendItem {
  key: string;
  mark: 'feu' | 'open' | 'ddu' | 'lab' | 'none';
  text: string;
}

export interface BandView {
  possible: boolean;
  /** Why the band can (not) be drawn. */
  note: string;
  studies: { id: ReferenceStudyId; text: string }[];
  study: ReferenceStudy;
  areas: (ReferenceBandArea & { label: string })[];
  /** The band's label, ending "Source:"; the published citation follows, as published. */
  label: string | undefined;
  citation: string;
}

function bandView(data: TimelineData, unit: DdimerDisplayUnit, band: { on: boolean; studyId: ReferenceStudyId }, m: Messages): BandView {
  const study = REFERENCE_STUDIES.find((s) => s.id === band.studyId) ?? REFERENCE_STUDIES[0]!;
  const possible = data.axis.kind === 'ga' && data.feu.length > 0;
  const raw = band.on && possible ? referenceBandAreas(study, unit, data.axis.domain) : [];
  // One label, on the widest area: three copies side by side (and over the trimester names) overlap.
  const widest = raw.reduce<ReferenceBandArea | undefined>((w, a) => (!w || a.x2 - a.x1 > w.x2 - w.x1 ? a : w), undefined);
  const name = (s: ReferenceStudy) => m.t(`timeline.study.name.${s.id}`);
  const areas = raw.map((a) => ({ ...a, label: a === widest ? m.t('timeline.bandArea', { name: name(study) }) : '' }));
  return {
    possible,
    note: possible ? m.t('timeline.bandFeuOnly') : data.axis.kind !== 'ga' ? m.t('timeline.bandNeedsGa') : m.t('timeline.bandNoFeu'),
    studies: REFERENCE_STUDIES.map((s) => ({ id: s.id, text: m.t('timeline.studyOption', { name: name(s), assay: m.t(`timeline.study.assay.${s.id}`) }) })),
    study,
    areas,
    label:
      areas.length > 0
        ? m.t('timeline.bandLabel', { name: name(study), assay: m.t(`timeline.study.assay.${study.id}`), n: study.n, unitNote: m.t(`timeline.study.unitNote.${study.id}`), unit })
        : undefined,
    citation: study.citation,
  };
}

export interface DdimerChartView {
  unit: DdimerDisplayUnit;
  unitLabel: string;
  unitOptions: { value: DdimerDisplayUnit; text: string }[];
  bandToggle: string;
  studyLabel: string;
  band: BandView;
  serialNote: string;
  calendarAlert: string | undefined;
  summary: string;
  loading: string;
  unavailable: string;
  hasPoints: boolean;
  feu: ChartPoint[];
  ddu: ChartPoint[];
  ticks: AxisTickView[];
  axis: TimelineAxis;
  yLabelFeu: string;
  yLabelDdu: string;
  seriesFeu: string;
  seriesDdu: string;
  trimesters: { key: string; x1: number; x2: number; label: string }[];
  labLimits: { key: string; y: number; label: string }[];
  /** The value axes: explicit domains and ticks; the DDU axis is a fixed half of the FEU axis (in ng/mL). */
  feuDomain: [number, number];
  dduDomain: [number, number];
  feuTicks: number[];
  dduTicks: number[];
  /** Said when DDU results are drawn: the axis ratio is an approximation. */
  dduAxisNote: string | undefined;
  deadlines: { key: string; x: number; label: string }[];
  today: { x: number; label: string } | undefined;
  legendLabel: string;
  legend: LegendItem[];
  noPoints: string | undefined;
  notPlottedLink: string | undefined;
  outsideNote: string | undefined;
}

function legend(data: TimelineData, unit: DdimerDisplayUnit, labLimits: DdimerChartView['labLimits'], m: Messages): LegendItem[] {
  const items: LegendItem[] = [
    { key: 'feu', mark: 'feu', text: m.t('timeline.legend.feu', { unit }) },
    { key: 'open', mark: 'open', text: m.t('timeline.legend.open') },
  ];
  if (data.ddu.length > 0) items.push({ key: 'ddu', mark: 'ddu', text: m.t('timeline.legend.ddu') });
  if ([...data.feu, ...data.ddu].some((p) => p.status !== 'final')) items.push({ key: 'marked', mark: 'none', text: m.t('timeline.legend.marked') });
  for (const l of labLimits) items.push({ key: `legend-${l.key}`, mark: 'lab', text: m.t('timeline.legend.lab', { label: l.label }) });
  if (data.today.x !== undefined) items.push({ key: 'today', mark: 'none', text: m.t('timeline.legend.today', { today: m.t('timeline.today', { when: m.instant(data.today.atMs) }) }) });
  if (data.events.some((e) => e.kind === 'stop-deadline')) items.push({ key: 'deadlines', mark: 'none', text: m.t('timeline.legend.deadlines') });
  if (data.axis.kind === 'ga') items.push({ key: 'trimesters', mark: 'none', text: m.t('timeline.legend.trimesters') });
  return items;
}

interface ValueAxes {
  feuDomain: [number, number];
  dduDomain: [number, number];
  feuTicks: number[];
  dduTicks: number[];
  level: (p: DdimerPoint) => number;
}

/** Both value axes from what is drawn: FEU points, DDU points at half scale, lab limits and the reference band. */
function valueAxes(data: TimelineData, unit: DdimerDisplayUnit, band: BandView): ValueAxes {
  const others = [...data.labUpperLimits.map((l) => l.ngPerMl), ...band.areas.map((a) => a.ngPerMl[1])];
  const scale = valueScale(
    data.feu.map((p) => p.ngPerMl),
    data.ddu.map((p) => p.ngPerMl),
    others,
  );
  const feuTop = ngPerMlIn(scale.feuTopNg, unit);
  return {
    feuDomain: [0, feuTop],
    dduDomain: [0, scale.dduTopNg],
    feuTicks: valueTicks(feuTop),
    dduTicks: valueTicks(scale.dduTopNg),
    level: (p) => (p.series === 'DDU' ? p.ngPerMl / scale.dduTopNg : p.ngPerMl / scale.feuTopNg),
  };
}

function chartLabLimits(data: TimelineData, unit: DdimerDisplayUnit, m: Messages): DdimerChartView['labLimits'] {
  return data.labUpperLimits.map((l) => {
    const y = ngPerMlIn(l.ngPerMl, unit);
    return { key: `lab-${y}`, y, label: m.t('timeline.labLimit', { scope: l.scope === 'non-pregnant' ? 'nonPregnant' : l.scope, value: m.number(y, 6), unit }) };
  });
}

/** The words around the plot that do not depend on the drawn window. */
function chartWords(data: TimelineData, unit: DdimerDisplayUnit, m: Messages) {
  return {
    unitLabel: m.t('timeline.unit'),
    unitOptions: DISPLAY_UNITS.map((u) => ({ value: u, text: m.t('timeline.feuUnit', { unit: u }) })),
    bandToggle: m.t('timeline.bandToggle'),
    studyLabel: m.t('timeline.referenceStudy'),
    serialNote: m.t('timeline.serialNote'),
    calendarAlert: data.axis.kind === 'calendar' ? m.t('timeline.calendarAxis', { reason: m.reason(data.axis.reason) }) : undefined,
    summary: timelineSummary(data, unit, m),
    loading: m.t('timeline.loadingChart'),
    unavailable: m.t('timeline.plotUnavailable'),
    yLabelFeu: m.t('timeline.feuUnit', { unit }),
    yLabelDdu: m.t('timeline.dduUnit'),
    seriesFeu: m.t('timeline.seriesFeu', { unit }),
    seriesDdu: m.t('timeline.seriesDdu'),
    legendLabel: m.t('timeline.legend'),
    dduAxisNote: data.ddu.length > 0 ? m.t('timeline.dduAxisNote') : undefined,
    notPlottedLink: data.notPlotted.length > 0 ? m.t('timeline.notPlottedLink', { n: data.notPlotted.length }) : undefined,
    outsideNote: data.outsidePregnancy.length > 0 ? m.t('timeline.outsideNote', { n: data.outsidePregnancy.length }) : undefined,
  };
}

/**
 * The chart's view. `window` (from focusWindow) narrows what is drawn; the summary in words, the notes and the value
 * axes still cover every result, so switching the window never rescales the values.
 */
export function buildDdimerChartView(
  data: TimelineData,
  unit: DdimerDisplayUnit,
  band: { on: boolean; studyId: ReferenceStudyId },
  m: Messages,
  sourceText: (s: SourceRef) => string,
  window?: [number, number],
): DdimerChartView {
  const shown = window ? windowTimeline(data, window, m.zone) : data;
  const bandV = bandView(shown, unit, band, m);
  const axes = valueAxes(data, unit, bandV);
  const toChart = (p: DdimerPoint, i: number): ChartPoint => ({
    key: `${p.source.id ?? i}-${i}`,
    x: p.x,
    y: pointY(p, unit),
    level: axes.level(p),
    open: p.open,
    mark: statusText(p.status, m) || undefined,
    details: pointDetails(p, unit, m, sourceText(p.source)),
    source: p.source,
  });
  const labLimits = chartLabLimits(data, unit, m);
  const hasPoints = data.feu.length + data.ddu.length > 0;
  return {
    ...chartWords(data, unit, m),
    unit,
    band: bandV,
    hasPoints,
    feu: shown.feu.map(toChart),
    ddu: shown.ddu.map(toChart),
    ticks: axisTicks(shown.axis, m),
    axis: shown.axis,
    feuDomain: axes.feuDomain,
    dduDomain: axes.dduDomain,
    feuTicks: axes.feuTicks,
    dduTicks: axes.dduTicks,
    // Narrow columns cannot hold their name without running into the next one.
    trimesters: shown.trimesterBands.map((b) => ({ key: b.trimester, x1: b.x1, x2: b.x2, label: b.x2 - b.x1 >= MIN_LABELLED_WIDTH * (shown.axis.domain[1] - shown.axis.domain[0]) ? m.t('timeline.trimester', { trimester: b.trimester }) : '' })),
    labLimits,
    deadlines: shown.events.filter((e) => e.kind === 'stop-deadline').map((d) => ({ key: d.key, x: d.x, label: m.t('timeline.stopMark', { source: ruleSourceShort(d.ruleSource, m) }) })),
    today: shown.today.x !== undefined && shown.today.x >= shown.axis.domain[0] && shown.today.x <= shown.axis.domain[1] ? { x: shown.today.x, label: m.t('timeline.todayMark') } : undefined,
    legend: legend(data, unit, labLimits, m),
    noPoints: hasPoints ? undefined : m.t('timeline.noPoints', { ga: data.axis.kind === 'ga' ? 'yes' : 'no' }),
  };
}

/** A trimester column narrower than this share of the plot is drawn without its name. */
const MIN_LABELLED_WIDTH = 0.12;

// ---------------------------------------------------------------- table

export interface DdimerRowView {
  key: string;
  atMs: number;
  when: string;
  ga: TextOrUnknown;
  asReported: string;
  /** The exact reported text when `asReported` rounds a generator's long decimal (the cell's tooltip). */
  asReportedExact: string | undefined;
  dduMark: string;
  range: string | undefined;
  normalised: TextOrUnknown;
  status: string;
  /** The result is not final: the status is marked. */
  marked: boolean;
  source: SourceRef;
}

function normalisedText(r: DdimerResult, unit: DdimerDisplayUnit, m: Messages): TextOrUnknown {
  const label = m.t('timeline.table.notNormalised');
  const comparator = r.comparator ?? '';
  if (r.unitType === 'DDU') {
    return r.chart.known ? { known: true, text: m.t('timeline.valueDduNotConverted', { comparator, value: m.number(r.chart.value, 6) }) } : { known: false, reason: r.chart.reason, label };
  }
  const v = toDisplayUnit(r, unit);
  return v.known ? { known: true, text: m.t('timeline.valueFeu', { comparator, value: m.number(v.value, 6), unit }) } : { known: false, reason: v.reason, label };
}

function rowView(row: DdimerRow, i: number, unit: DdimerDisplayUnit, m: Messages): DdimerRowView {
  const r = row.result;
  const status = statusText(r.status, m);
  const range = referenceRangeText(r.referenceRange);
  return {
    key: `${row.inPregnancy ? '' : 'out-'}${r.source.id ?? 'no-id'}-${i}`,
    atMs: r.time.start,
    when: m.moment(r.time),
    ga: row.ga.known ? { known: true, text: gaText(row.ga.value, m) } : row.inPregnancy ? { known: false, reason: row.ga.reason } : { known: true, text: m.reason(row.ga.reason) },
    asReported: reportedText(r.original, m),
    asReportedExact: reportedExactText(r.original, m),
    dduMark: r.unitType === 'DDU' ? m.t('timeline.table.dduMark') : '',
    range: range ? m.t('timeline.table.labRange', { range }) : undefined,
    normalised: normalisedText(r, unit, m),
    status: status || m.t('timeline.final'),
    marked: status !== '',
    source: r.source,
  };
}

export interface DdimerTableView {
  empty: string | undefined;
  caption: string;
  columns: string[];
  inside: DdimerRowView[];
  noneInside: string;
  outside: DdimerRowView[];
  outsideHeading: string;
  /** One line for the results outside this pregnancy (collapsed by default): their dates and range of values. */
  outsideSummary: string | undefined;
  showRows: string;
  hideRows: string;
}

/** "1 Apr 2024 to 20 Nov 2024; 120 to 2,400 ng/mL FEU" for the rows outside this pregnancy. */
function outsideSummary(rows: DdimerRow[], unit: DdimerDisplayUnit, m: Messages): string | undefined {
  if (rows.length === 0) return undefined;
  const times = rows.map((r) => r.result.time.start);
  const feu = rows.filter((r) => r.result.unitType === 'FEU').map((r) => toDisplayUnit(r.result, unit)).flatMap((v) => (v.known ? [v.value] : []));
  const span = m.t('timeline.table.outsideSpan', { first: m.date(Math.min(...times)), last: m.date(Math.max(...times)) });
  if (feu.length === 0) return span;
  return m.t('timeline.table.outsideRange', { span, low: m.number(Math.min(...feu), 6), high: m.number(Math.max(...feu), 6), unit });
}

/** A lab range is written where it first appears or changes, not repeated on every row below it (rows are in time order). */
function withoutRepeatedRanges(rows: DdimerRowView[]): DdimerRowView[] {
  let last: string | undefined;
  return rows.map((r) => {
    const same = r.range !== undefined && r.range === last;
    if (r.range !== undefined) last = r.range;
    return same ? { ...r, range: undefined } : r;
  });
}

export function buildDdimerTableView(data: TimelineData, unit: DdimerDisplayUnit, m: Messages): DdimerTableView {
  const inside = data.rows.filter((r) => r.inPregnancy);
  const outside = data.rows.filter((r) => !r.inPregnancy);
  const scope = data.axis.kind === 'ga' ? 'ga' : 'record';
  return {
    empty: data.rows.length === 0 ? m.t('timeline.table.empty') : undefined,
    caption: m.t('timeline.table.caption', { inside: inside.length, scope, outside: outside.length, unit }),
    columns: [
      m.t('timeline.table.date'),
      m.t('timeline.table.ga'),
      m.t('timeline.table.result'),
      m.t('timeline.table.normalised', { unit }),
      m.t('timeline.table.status'),
      m.t('timeline.table.source'),
    ],
    inside: withoutRepeatedRanges(inside.map((r, i) => rowView(r, i, unit, m))),
    noneInside: m.t('timeline.table.noneInScope', { scope }),
    outside: withoutRepeatedRanges(outside.map((r, i) => rowView(r, i, unit, m))),
    outsideHeading: m.t('timeline.table.outsideGroup', { n: outside.length }),
    outsideSummary: outsideSummary(outside, unit, m),
    showRows: m.t('timeline.table.showRows'),
    hideRows: m.t('timeline.table.hideRows'),
  };
}

// ---------------------------------------------------------------- lanes

/** Position on the lane in percent of the plot width. */
export function lanePercent(x: number, domain: [number, number]): number {
  const [lo, hi] = domain;
  if (hi <= lo) return 0;
  return Math.min(100, Math.max(0, ((x - lo) / (hi - lo)) * 100));
}

export interface SegmentView {
  key: string;
  left: number;
  width: number;
  openEnd: boolean;
  title: string;
  text: string;
  drug: string;
  doseLine: string;
  statusLine: string;
  source: SourceRef;
}

function periodText(s: LaneSegment, m: Messages): string {
  return s.openEnd ? m.t('timeline.lane.periodOpen', { from: m.instant(s.startMs) }) : m.t('timeline.lane.periodClosed', { from: m.instant(s.startMs), to: m.instant(s.endMs) });
}


function segmentView(s: LaneSegment, domain: [number, number], m: Messages): SegmentView {
  const left = lanePercent(s.x1, domain);
  const drug = formatDrug(s.order.drug, m);
  const dose = formatKnownDose(s.order.dose, m);
  const frequency = formatKnownFrequency(s.order.frequency, m);
  const period = periodText(s, m);
  return {
    key: s.key,
    left,
    width: Math.max(lanePercent(s.x2, domain) - left, 0.3),
    openEnd: s.openEnd,
    title: `${formatOrderSummary(s.order, m)}; ${period}`,
    text: `${drug} ${dose} ${frequency}${s.openEnd ? m.t('timeline.lane.endUnknownMark') : ''}`,
    drug,
    doseLine: m.t('timeline.lane.doseLine', { dose, frequency }),
    statusLine: m.t('timeline.lane.statusLine', { period, status: formatOrderStatus(s.order, m) }),
    source: s.source,
  };
}

export interface LmwhLaneView {
  label: string;
  title: string;
  segments: SegmentView[];
  gaps: { key: string; left: number; width: number; mark: string; text: string }[];
  none: string | undefined;
  notPlaced: { key: string; text: string; source: SourceRef }[];
}

export function buildLmwhLaneView(data: TimelineData, m: Messages): LmwhLaneView {
  const d = data.axis.domain;
  const lane = data.lane;
  return {
    label: m.t('timeline.lane.orders'),
    title: m.t('timeline.lane.ordersTitle'),
    segments: lane.segments.map((s) => segmentView(s, d, m)),
    gaps: lane.gaps.map((g, i) => {
      const left = lanePercent(g.x1, d);
      return { key: `gap-${i}`, left, width: Math.max(lanePercent(g.x2, d) - left, 0.3), mark: m.t('timeline.lane.gap'), text: m.t('timeline.lane.gapItem', { from: m.instant(g.fromMs), to: m.instant(g.toMs) }) };
    }),
    none: lane.segments.length === 0 ? m.t('timeline.lane.noOrders', { ga: data.axis.kind === 'ga' ? 'yes' : 'no' }) : undefined,
    notPlaced: lane.notPlaced.map((n, i) => ({ key: `np-${i}`, text: m.t('timeline.lane.notPlaced', { reason: m.reason(n.reason) }), source: n.source })),
  };
}

/** The rule source's short label ("Source article", "ASRA 2018"), as on the rule lines. */
const ruleSourceShort = (name: string | undefined, m: Messages): string => (name ? shortSourceLabel({ name: name as RuleSourceName }, m) : '');

export const EVENT_GLYPH: Record<EventMarkKind, string> = {
  'embryo-transfer': '◆',
  'oocyte-retrieval': '◇',
  procedure: '■',
  delivery: '▼',
  bleeding: '●',
  'stop-deadline': '✕',
};

/** The mark's label: the event's own, "Bleeding: ...", or "ASRA 2018: stop deadline before ... (12 h before)". */
export function eventLabel(e: EventMark, m: Messages): string {
  if (e.kind === 'bleeding') return m.t('timeline.event.bleeding', { label: eventName(e.name, m), status: e.findingStatus ?? 'present' });
  if (e.kind === 'stop-deadline') return m.t('timeline.event.deadline', { ruleSource: ruleSourceShort(e.ruleSource, m), label: eventName(e.name, m), hours: e.hoursBefore ?? 'none' });
  return eventName(e.name, m);
}

export interface EventView {
  key: string;
  kind: EventMarkKind;
  glyph: string;
  left: number;
  flip: boolean;
  row: number;
  title: string;
  short: string;
  /** The short label is the record's own text (quoted data, not the interface's language). */
  shortIsRecordText: boolean;
  item: string;
  sources: SourceRef[];
}

function eventView(e: EventMark, i: number, domain: [number, number], m: Messages): EventView {
  const label = eventLabel(e, m);
  const when = e.when ? m.moment(e.when) : m.instant(e.atMs);
  const left = lanePercent(e.x, domain);
  // On the axis a deadline is the app's words; any other mark is the record's own text cut short (the glyph gives its
  // kind, the hover title the whole label), marked as the record's so it is read in the record's language (a name
  // worded from the event's class is the app's own words).
  const own = eventName(e.name, m);
  const short = e.kind === 'stop-deadline' ? m.t('timeline.event.stopShort', { source: e.ruleSource ? ruleSourceShort(e.ruleSource, m) : m.t('timeline.event.rule') }) : own.length > 28 ? `${own.slice(0, 27)}…` : own;
  return {
    key: e.key,
    kind: e.kind,
    glyph: EVENT_GLYPH[e.kind],
    left,
    // Right half of the axis: the label goes left of the glyph so it stays inside the lane.
    flip: left > 50,
    row: i % 3,
    title: `${label}, ${when}`,
    short,
    shortIsRecordText: e.kind !== 'stop-deadline' && 'text' in e.name,
    item: m.t('timeline.event.item', {
      kind: m.t('timeline.event.kind', { kind: e.kind.replace(/-/g, '_') }),
      planned: e.planned && e.kind !== 'stop-deadline' ? 'yes' : 'no',
      label,
      when,
      ga: knownGa(e.ga, m) ?? 'none',
    }),
    sources: e.sources,
  };
}

export interface EventLaneView {
  label: string;
  title: string;
  events: EventView[];
  none: string | undefined;
  notPlaced: string[];
}

export function buildEventLaneView(data: TimelineData, m: Messages): EventLaneView {
  return {
    label: m.t('timeline.events'),
    title: m.t('timeline.eventsTitle'),
    events: data.events.map((e, i) => eventView(e, i, data.axis.domain, m)),
    none: data.events.length === 0 ? m.t('timeline.event.none', { ga: data.axis.kind === 'ga' ? 'yes' : 'no' }) : undefined,
    notPlaced: data.eventsNotPlaced.map((n) => m.t('timeline.event.notPlaced', { reason: m.reason(n.reason) })),
  };
}

export interface TimelineHeaderView {
  heading: string;
  picker: PregnancyPickerView | undefined;
  dating: DatingView;
  /** The window control's words (shown when the record has a default window). */
  window: { label: string; focus: string; whole: string };
}

export function buildTimelineHeaderView(data: TimelineData, pregnancy: PregnancyTimeline, m: Messages): TimelineHeaderView {
  return {
    heading: m.t('timeline.heading'),
    picker: pregnancyPickerView(pregnancy, m),
    dating: datingView(data, m),
    window: { label: m.t('timeline.window'), focus: m.t('timeline.window.focus'), whole: m.t('timeline.window.whole', { ga: data.axis.kind === 'ga' ? 'yes' : 'no' }) },
  };
}
