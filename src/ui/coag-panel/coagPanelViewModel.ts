/**
 * The coagulation panel's view model: from the lab series, the HIT pattern and the anti-Xa timings built with the
 * record to every string the panel shows. Pure: no React; words from the catalogue via `Messages`.
 */
import type { LabAnalyte } from '../../domain/codes';
import type { AnalyteSeries, LabPoint, LabSeries } from '../../domain/labs';
import type { AntiXaTiming, AntiXaTimings, HitPatternResult, PlateletFall } from '../../domain/monitoring';
import type { ClinicalRecord } from '../../domain/record';
import { formatDrug } from '../format/dose';
import type { Reason } from '../../domain/reasons';
import type { SourceRef } from '../../domain/types';
import { analyteName, formatLabNumber, formatLabValue, interpretationText, labRangeText, reportedExactText, reportedText, unitLabel, conversionText } from '../format/labValues';
import type { Messages } from '../messages/translator';

/** Display order. Anti-Xa LMWH-calibrated and "calibration not stated" apart; CrCl and eGFR apart from creatinine. */
export const COAG_ANALYTES: readonly LabAnalyte[] = [
  'pt',
  'inr',
  'aptt',
  'fibrinogen',
  'platelets',
  'thrombinTime',
  'antithrombin',
  'antiXaLmwh',
  'antiXaGeneric',
  'haemoglobin',
  'creatinine',
  'creatinineClearance',
  'egfr',
];

/** What the panel reads from the record. */
export type CoagPanelSlice = Pick<ClinicalRecord, 'labs' | 'hitPattern' | 'antiXaTiming' | 'groups'> & {
  medication: Pick<ClinicalRecord['medication'], 'complete' | 'incompleteReason'>;
};

/** "4 hours", "3 hours 30 minutes", "2 days 5 hours": the two largest units, in words. */
export function sinceDoseText(ms: number, m: Messages): string {
  return m.duration(Math.max(0, ms));
}

/** "5 results, 248 -> 206" (the text twin of the sparkline). */
export function trendText(series: Pick<AnalyteSeries, 'points'>, m: Messages): string {
  const n = series.points.length;
  if (n === 0) return m.t('coag.trendNone');
  const v = (p: LabPoint) => `${p.comparator ?? ''}${formatLabNumber(p.value, m)}`;
  return m.t('coag.trend', { n, first: v(series.points[0]!), last: v(series.points[n - 1]!) });
}

export type TimingView =
  | { known: true; text: string; sampled: string; window: string; kindLabel: string | undefined; caveats: string[]; source: SourceRef }
  | { known: false; label: string; reason: Reason };

const WINDOW_KEY = { 'in-window': 'in', 'before-window': 'before', 'after-window': 'after' } as const;

export function timingView(timing: AntiXaTiming, m: Messages): TimingView {
  if (!timing.timing.known) return { known: false, label: m.t('coag.sinceDoseUnknown'), reason: timing.timing.reason };
  const t = timing.timing.value;
  const at = t.dose.time.known ? m.instant(t.dose.time.value.ms) : '';
  const sampled = m.t('coag.sampled', { since: sinceDoseText(t.sinceDoseMs, m), kind: t.doseKind, at });
  const window = m.t('coag.window', { window: WINDOW_KEY[t.window] });
  return {
    known: true,
    text: m.t('coag.timing', { sampled, window }),
    sampled,
    window,
    kindLabel: t.notAdministered ? m.t('coag.notAdministered', { kind: t.doseKind }) : undefined,
    caveats: t.caveats.map((c) => m.reason(c)),
    source: t.source,
  };
}

export interface SeriesRowView {
  key: string;
  point: LabPoint;
  asReported: string;
  /** The exact reported text when `asReported` rounds a generator's long decimal (the cell's tooltip). */
  asReportedExact: string | undefined;
  value: string;
  conversion: string | undefined;
  range: string;
  status: string;
  timing: TimingView | undefined;
}

export interface LatestView {
  point: LabPoint;
  value: string;
  statusMark: string | undefined;
  range: string;
  flag: string;
  asReported: string | undefined;
  /** The exact reported text when `asReported` rounds a generator's long decimal (the line's tooltip). */
  asReportedExact: string | undefined;
  trend: string;
  timing: TimingView | undefined;
  peakNote: string | undefined;
  citation: ReferenceView | undefined;
}

/**
 * A monitoring row's attribution: the clinical reference's section and status in the catalogue's words, and the
 * sources it rests on as published (shown marked as English, not translated).
 */
export interface ReferenceView {
  reference: string;
  basis: string;
  status: string;
}

export const referenceView = (note: { section: string; basis: string; verification: 'VERIFIED' }, m: Messages): ReferenceView => ({
  reference: m.t('coag.reference', { section: note.section }),
  basis: note.basis,
  status: m.t(`medication.verification.${note.verification === 'VERIFIED' ? 'verified' : 'unverified'}`),
});

export interface AnalyteCardView {
  analyte: LabAnalyte;
  label: string;
  note: string | undefined;
  latest: LatestView | undefined;
  empty: string;
  exclusionsHeading: string;
  exclusions: { key: string; text: string; reason: string; source: SourceRef }[];
  toggleShow: string;
  toggleHide: string;
  caption: string;
  columns: string[];
  rows: SeriesRowView[];
  /** The series in time order (for the trend line). */
  points: LabPoint[];
  isAntiXa: boolean;
}

const isAntiXa = (a: LabAnalyte): a is 'antiXaLmwh' | 'antiXaGeneric' => a === 'antiXaLmwh' || a === 'antiXaGeneric';

function latestView(series: AnalyteSeries, timing: AntiXaTiming | undefined, m: Messages): LatestView | undefined {
  const p = series.latest;
  if (!p) return undefined;
  return {
    point: p,
    value: formatLabValue(p, m),
    statusMark: p.status !== 'final' ? m.t('coag.statusMark', { status: p.status }) : undefined,
    range: labRangeText(p.referenceRange, m),
    flag: interpretationText(p.interpretation),
    // A conversion that keeps the number (10*3/uL is 10*9/L) is a unit spelling: the original stays in the Source disclosure.
    asReported: p.conversion?.length && p.original.value !== p.value ? m.t('coag.asReported', { original: reportedText(p.original, m), conversion: conversionText(p.conversion, m) ?? '' }) : undefined,
    asReportedExact: p.conversion?.length && p.original.value !== p.value ? reportedExactText(p.original, m) : undefined,
    trend: trendText(series, m),
    timing: timing ? timingView(timing, m) : undefined,
    peakNote: timing ? m.t('coag.peakNote') : undefined,
    citation: timing ? referenceView(timing.note, m) : undefined,
  };
}

function columns(series: AnalyteSeries, m: Messages): string[] {
  const unit = unitLabel(series.displayUnit);
  return [
    m.t('coag.col.date'),
    m.t('coag.col.result'),
    unit ? m.t('coag.col.valueUnit', { unit }) : m.t('coag.col.value'),
    m.t('coag.col.range'),
    m.t('coag.col.status'),
    ...(isAntiXa(series.analyte) ? [m.t('coag.col.sinceDose')] : []),
    m.t('coag.col.source'),
  ];
}

function rowViews(series: AnalyteSeries, timings: readonly AntiXaTiming[] | undefined, m: Messages): SeriesRowView[] {
  return series.points
    .map((p, i) => {
      const flag = interpretationText(p.interpretation);
      const timing = timings?.[i];
      return {
        key: `${p.source.resourceType}/${p.source.id ?? ''}-${i}`,
        point: p,
        asReported: reportedText(p.original, m),
        asReportedExact: reportedExactText(p.original, m),
        value: `${p.comparator ?? ''}${formatLabNumber(p.value, m)}`,
        conversion: conversionText(p.conversion, m),
        range: labRangeText(p.referenceRange, m),
        status: flag ? m.t('coag.statusFlag', { status: p.status, flag }) : p.status,
        timing: timing ? timingView(timing, m) : undefined,
      };
    })
    .reverse();
}

export function analyteCardView(series: AnalyteSeries, timings: AntiXaTimings, m: Messages): AnalyteCardView {
  const antiXa = isAntiXa(series.analyte);
  const seriesTimings = antiXa ? timings[series.analyte as 'antiXaLmwh' | 'antiXaGeneric'] : undefined;
  const label = analyteName(series.analyte, m);
  const n = series.points.length;
  return {
    analyte: series.analyte,
    label,
    note: series.note ? m.reason(series.note) : undefined,
    latest: latestView(series, seriesTimings?.[n - 1], m),
    empty: m.t('coag.empty', { label }),
    exclusionsHeading: m.t('coag.leftOut', { n: series.exclusions.length, label }),
    exclusions: series.exclusions.map((e, i) => ({ key: `${e.source.resourceType}/${e.source.id ?? ''}-${i}`, text: e.source.original ?? `${e.source.resourceType}/${e.source.id ?? ''}`, reason: m.reason(e.reason), source: e.source })),
    toggleShow: m.t('coag.showAll', { n, label }),
    toggleHide: m.t('coag.hide', { label }),
    caption: m.t('coag.caption', { label }),
    columns: columns(series, m),
    rows: rowViews(series, seriesTimings, m),
    points: series.points,
    isAntiXa: antiXa,
  };
}

export interface FallView {
  key: string;
  text: string;
  sources: SourceRef[];
}

export interface HitBoxView {
  quiet: boolean;
  pattern: boolean;
  unchecked: boolean;
  heading: string;
  statement: string;
  falls: FallView[];
  attribution: string | undefined;
  outsideHeading: string;
  outside: FallView[];
  countsLabel: string;
  started: { text: string; source: SourceRef; label: string } | undefined;
  caveats: string[];
  missed: string | undefined;
  guidance: { id: string; text: string; citation: ReferenceView; link: string; url: string }[];
}

const fallView = (f: PlateletFall, m: Messages, prefix = ''): FallView => ({ key: `${prefix}${f.point.source.id ?? f.point.time.start}`, text: m.reason(f.text), sources: [f.point.source, f.baseline.source] });

export function hitBoxView(hit: HitPatternResult, medication: CoagPanelSlice['medication'], m: Messages): HitBoxView {
  const last = hit.courses.at(-1);
  const isPattern = hit.state === 'pattern';
  return {
    quiet: hit.state === 'no-heparin',
    pattern: isPattern,
    unchecked: hit.state === 'no-baseline' || hit.state === 'start-unknown',
    heading: isPattern ? m.t('coag.hit.headingPattern') : m.t('coag.hit.heading'),
    statement: m.reason(hit.statement),
    falls: hit.pattern.map((f) => fallView(f, m)),
    attribution: isPattern ? m.t('coag.hit.attribution') : undefined,
    outsideHeading: m.t('coag.hit.outside'),
    outside: hit.falls.filter((f) => !f.inWindow).map((f) => fallView(f, m, 'o-')),
    countsLabel: m.t('coag.hit.counts'),
    started: last ? { text: m.t('coag.hit.started', { start: m.instant(last.startMs), drugs: last.drugs.map((d) => formatDrug(d, m)).join(', ') }), source: last.startSource, label: m.t('coag.hit.startSource') } : undefined,
    caveats: hit.caveats.map((c) => m.reason(c)),
    missed: medication.complete ? undefined : m.t('coag.hit.missed', { reason: medication.incompleteReason ? m.reason(medication.incompleteReason) : m.t('coag.hit.reasonNotGiven') }),
    guidance: hit.guidance.map((g) => ({
      id: g.id,
      text: m.t(`coag.hit.guidance.${g.id}`),
      citation: referenceView(g, m),
      link: m.t('coag.hit.sourceLink'),
      url: g.url,
    })),
  };
}

export interface CoagPanelView {
  heading: string;
  incomplete: string | undefined;
  /** Analytes with something to show (results, or results left out); the platelets card also while the HIT box speaks. */
  cards: AnalyteCardView[];
  /** "No results in the record for: PT, INR, ..." in place of one empty card per analyte. */
  emptyLine: string | undefined;
  hit: HitBoxView;
  doseSourceLabel: string;
  noneGiven: string;
  rangeLabel: string;
  flagLabel: string;
  latestLabel: string;
}

export function buildCoagPanelView(slice: CoagPanelSlice, m: Messages): CoagPanelView {
  const group = slice.groups['observations-coagulation'];
  const incomplete = !group || group.status !== 'complete';
  const reason = !group ? m.t('coag.notRun') : (group.reason ? m.reason(group.reason) : m.t('coag.searchStatus', { status: group.status }));
  const labs: LabSeries = slice.labs;
  const hit = hitBoxView(slice.hitPattern, slice.medication, m);
  const all = COAG_ANALYTES.map((a) => analyteCardView(labs[a], slice.antiXaTiming, m));
  // The HIT check lives in the platelets card: the card stays while the check has something to say.
  const shown = (c: AnalyteCardView) => c.latest !== undefined || c.exclusions.length > 0 || (c.analyte === 'platelets' && !hit.quiet);
  const empty = all.filter((c) => !shown(c));
  return {
    heading: m.t('coag.heading'),
    incomplete: incomplete ? m.t('coag.incomplete', { reason }) : undefined,
    cards: all.filter(shown),
    emptyLine: empty.length > 0 ? m.t('coag.noResultsFor', { list: empty.map((c) => c.label).join(', ') }) : undefined,
    hit,
    doseSourceLabel: m.t('coag.doseSource'),
    noneGiven: m.t('coag.noneGiven'),
    rangeLabel: m.t('coag.rangeLabel'),
    flagLabel: m.t('coag.flagLabel'),
    latestLabel: m.t('coag.latest'),
  };
}
