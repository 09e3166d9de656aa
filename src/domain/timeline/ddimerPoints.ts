/**
 * The D-dimer part of the timeline: one table row per result, the plotted FEU and DDU points (ng/mL of their own
 * unit type), what is not plotted and why, and the lab's upper reference limits (ng/mL FEU).
 */
import { reason, reasonParam } from '../reasons';
import { ddimerViewReason, type DdimerResult, type DdimerSeries } from '../labs';
import { sourceKey } from '../sourceRef';
import { unknown } from '../types';
import { gaAt, outsidePregnancy, type TimelineContext } from './timelineContext';
import type { DdimerPoint, DdimerRow, LabLimitScope, LabUpperLimit, NotPlotted } from './timelineTypes';

export interface DdimerPart {
  feu: DdimerPoint[];
  ddu: DdimerPoint[];
  notPlotted: NotPlotted[];
  outsidePregnancy: NotPlotted[];
  rows: DdimerRow[];
  labUpperLimits: LabUpperLimit[];
}

const NG_PER_ML_FACTOR: Record<string, number> = { 'ng/mL': 1, 'ug/L': 1, 'mg/L': 1000, 'ug/mL': 1000 };

/** A reference-range limit in ng/mL, when its unit is one of the plain mass concentrations; never assumed. */
function limitNgPerMl(q: fhir4.Quantity | undefined): number | undefined {
  if (!q || typeof q.value !== 'number' || !Number.isFinite(q.value)) return undefined;
  const raw = (q.code ?? q.unit ?? '').replace(/\{[^}]*\}/g, '').replace(/\b(FEU|DDU)\b/gi, '').replace(/[µμ]|mc(?=g)/g, 'u').trim();
  const f = NG_PER_ML_FACTOR[raw];
  return f === undefined ? undefined : q.value * f;
}

/** Whom the range says it applies to. */
function limitScope(range: fhir4.ObservationReferenceRange): LabLimitScope {
  const said = [range.text ?? '', ...(range.appliesTo ?? []).map((c) => c.text ?? c.coding?.[0]?.display ?? '')].join(' ').toLowerCase();
  if (said.includes('non-pregnant') || said.includes('nonpregnant') || said.includes('not pregnant')) return 'non-pregnant';
  if (said.includes('pregnan')) return 'pregnancy';
  return 'as-reported';
}

function addLimits(limits: Map<number, LabUpperLimit>, r: DdimerResult): void {
  for (const range of r.referenceRange) {
    const ng = limitNgPerMl(range.high);
    if (ng === undefined) continue;
    const key = Math.round(ng * 1e6) / 1e6;
    const existing = limits.get(key);
    if (existing) existing.sources.push(r.source);
    else limits.set(key, { ngPerMl: key, scope: limitScope(range), sources: [r.source] });
  }
}

function point(r: DdimerResult, x: number, ngPerMl: number, row: DdimerRow): DdimerPoint {
  const p: DdimerPoint = {
    x,
    atMs: r.time.start,
    time: r.time,
    ngPerMl,
    series: r.unitType === 'DDU' ? 'DDU' : 'FEU',
    open: r.comparator === '<' || r.comparator === '<=',
    status: r.status,
    ga: row.ga,
    originalText: r.original.text,
    referenceRange: r.referenceRange,
    source: r.source,
  };
  if (r.comparator) p.comparator = r.comparator;
  return p;
}

/** Rows, points and what is left out, for every D-dimer result of the record. */
export function ddimerPart(series: DdimerSeries, ctx: TimelineContext): DdimerPart {
  const part: DdimerPart = { feu: [], ddu: [], notPlotted: [], outsidePregnancy: [], rows: [], labUpperLimits: [] };
  part.notPlotted = series.exclusions.map((e) => ({ source: e.source, reason: reason('timeline.excluded-from-view', { view: reasonParam(ddimerViewReason(e.view)), why: typeof e.reason === 'string' ? e.reason : reasonParam(e.reason) }) }));
  const excludedKeys = new Set(part.notPlotted.map((n) => sourceKey(n.source)));
  const limits = new Map<number, LabUpperLimit>();
  for (const r of series.results) {
    const inside = ctx.inWindow(r.time.start);
    const row: DdimerRow = { result: r, inPregnancy: inside, ga: inside ? gaAt(ctx, r.time.start) : unknown(outsidePregnancy()) };
    part.rows.push(row);
    if (!r.chart.known) {
      if (!excludedKeys.has(sourceKey(r.source))) part.notPlotted.push({ source: r.source, reason: r.chart.reason });
      continue;
    }
    if (!inside) {
      part.outsidePregnancy.push({ source: r.source, reason: outsidePregnancy() });
      continue;
    }
    const x = ctx.xOf(r.time.start);
    if (x === undefined) {
      part.notPlotted.push({ source: r.source, reason: reason('timeline.time-not-placeable') });
      continue;
    }
    const p = point(r, x, r.chart.value, row);
    (p.series === 'DDU' ? part.ddu : part.feu).push(p);
    if (p.series === 'FEU') addLimits(limits, r);
  }
  part.labUpperLimits = [...limits.values()].sort((a, b) => a.ngPerMl - b.ngPerMl);
  return part;
}
