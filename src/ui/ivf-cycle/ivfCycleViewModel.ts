/**
 * The IVF cycle panel and the summary's pregnancy-confirmation lines as display data: the cycle strip (stimulation
 * to the hCG test, dates and day counts from the transfer), the confirmation, the estradiol trend (as reported, the
 * converted value labelled), OHSS (risk kept apart from the syndrome), luteal support, the LMWH start relative to the
 * protocol, the source's IVF indications and the dispensed supply. Every fact keeps its SourceRef.
 */
import { ivfCycleInView, type CycleStep, type EstradiolResult, type IvfRecordPart, type PregnancyConfirmation } from '../../domain/ivf';
import type { ClinicalRecord } from '../../domain/record';
import { reason } from '../../domain/reasons';
import type { SourceRef } from '../../domain/types';
import { formatGestation } from '../format/gestation';
import { displayUnit } from '../format/units';
import type { Messages } from '../messages/translator';
import { matchedData } from '../../domain/matchedBy';

/** The part of the record the panel reads. */
export type IvfCycleSlice = Pick<ClinicalRecord, 'ivf' | 'nowMs'>;

export interface IvfFact {
  key: string;
  text: string;
  sources: SourceRef[];
  flag?: boolean;
}

export interface IvfStepView {
  key: string;
  label: string;
  /** The date, or "Unknown: <reason>". */
  when: string;
  iso?: string;
  relative?: string;
  note?: string;
  known: boolean;
  sources: SourceRef[];
}

export interface EstradiolRowView {
  key: string;
  date: string;
  iso: string;
  reported: string;
  converted: string;
  sources: SourceRef[];
}

export interface IvfCycleView {
  show: boolean;
  title: string;
  confirmation: { headline: string; lines: IvfFact[]; flag?: IvfFact };
  strip: { label: string; steps: IvfStepView[] };
  estradiol: { title: string; caption: string; none?: string; rows: EstradiolRowView[]; headers: { date: string; reported: string; converted: string }; chart?: { label: string; points: { x: number; y: number }[] } };
  ohss: { title: string; items: IvfFact[] };
  luteal: { title: string; items: IvfFact[] };
  lmwh: { title: string; item: IvfFact };
  indications: { title: string; items: IvfFact[] };
  supply: { title: string; item: IvfFact; flags: IvfFact[] };
}

const HEADLINE = { 'not-confirmed': 'ivfCycle.notConfirmed', confirmed: 'ivfCycle.confirmed', negative: 'ivfCycle.negative', 'no-transfer': 'ivfCycle.empty' } as const;

function embryoText(c: PregnancyConfirmation, m: Messages): string {
  return c.embryoAgeDays.known ? m.t('ivfCycle.embryoDay', { days: c.embryoAgeDays.value }) : m.t('ivfCycle.embryoUnknown', { reason: m.reason(c.embryoAgeDays.reason) });
}

/** "Pregnancy not confirmed" with transfer + N days, the planned hCG test and at most "if pregnant: 4w 1d". */
export function confirmationLines(c: PregnancyConfirmation, m: Messages): IvfCycleView['confirmation'] {
  const headline = m.t(HEADLINE[c.status]);
  const t = c.transfer;
  if (!t) return { headline, lines: [] };
  const type = t.transferType.known ? `, ${m.t('ivfCycle.transferType', { type: t.transferType.value.value })}` : '';
  const lines: IvfFact[] = [
    { key: 'since', text: `${m.t('ivfCycle.sinceTransfer', { n: c.daysSinceTransfer ?? 0 })}, ${embryoText(c, m)}${type}`, sources: [t.source, ...(t.embryoAge.known ? [t.embryoAge.value.source] : [])] },
  ];
  if (c.status === 'not-confirmed') {
    lines.push(
      c.plannedHcgTest
        ? { key: 'hcg', text: m.t('ivfCycle.plannedHcg', { when: m.instant(c.plannedHcgTest.atMs) }), sources: [c.plannedHcgTest.source] }
        : { key: 'hcg', text: m.t('ivfCycle.noPlannedHcg'), sources: [] },
    );
    if (c.gestation.known) lines.push({ key: 'if', text: m.t('ivfCycle.ifPregnant', { ga: formatGestation(c.gestation.value.days, m.locale) }), sources: [t.source] });
  }
  // hCG results that may be the trigger injection itself: shown with the reason, never as a confirmation.
  c.evidence.forEach((e, i) => {
    if (e.kind !== 'hcg' || e.outcome !== 'possibly-trigger' || !e.reason) return;
    const when = m.instant(e.atMs);
    // A positive/negative test is worded by its outcome (its record text stays in the source); a level as reported.
    const text =
      e.scale === 'quantitative' && e.source.original !== undefined
        ? m.t('ivfCycle.possiblyTrigger', { value: e.source.original, when, reason: m.reason(e.reason) })
        : m.t('ivfCycle.possiblyTriggerTest', { specimen: e.specimen, outcome: e.testOutcome ?? 'not-classified', when, reason: m.reason(e.reason) });
    lines.push({ key: `trigger-${i}`, text, sources: e.trigger ? [e.source, e.trigger] : [e.source] });
  });
  if (c.status === 'confirmed' && c.gestation.known) {
    const g = c.gestation.value;
    lines.push({ key: 'ga', text: m.t('ivfCycle.gestationFromTransfer', { ga: formatGestation(g.days, m.locale), atTransfer: g.atTransferDays }), sources: [t.source] });
  }
  if (c.decisive) {
    const d = c.decisive;
    lines.push({ key: 'decisive', text: m.t('ivfCycle.decidedBy', { kind: d.kind === 'pregnancy-status' ? 'status' : d.kind, outcome: d.outcome, when: m.instant(d.atMs) }), sources: [d.source] });
  }
  const neg = c.lmwhAfterNegative;
  const flag = neg && (neg.state === 'active' || neg.state === 'unknown') ? { key: 'review', text: m.reason(neg.reason), sources: neg.orders, flag: true } : undefined;
  return { headline, lines, ...(flag ? { flag } : {}) };
}

function relativeWords(atMs: number, transferMs: number | undefined, m: Messages): string | undefined {
  if (transferMs === undefined) return undefined;
  const n = Math.round((atMs - transferMs) / 86_400_000);
  return m.t('ivfCycle.relative', { n: Math.abs(n), sign: n < 0 ? 'before' : n > 0 ? 'after' : 'same' });
}

function stepView(key: CycleStep['kind'], step: IvfRecordPart['cycle']['stimulationStart'], transferMs: number | undefined, m: Messages): IvfStepView {
  const label = m.t(`ivfCycle.step.${key}`);
  if (!step.known) return { key, label, when: m.t('common.unknownBecause', { reason: m.reason(step.reason) }), known: false, sources: [] };
  const s = step.value;
  const rel = relativeWords(s.atMs, transferMs, m);
  return {
    key,
    label,
    when: m.moment(s.moment),
    iso: m.iso(s.atMs),
    ...(rel ? { relative: rel } : {}),
    ...(s.recognisedBy === 'text' ? { note: `${m.t('ivfCycle.textMatch')}: ${matchedData(s.matched)}` } : {}),
    known: true,
    sources: [s.source],
  };
}

function hcgStep(part: IvfRecordPart, transferMs: number | undefined, m: Messages): IvfStepView {
  const c = part.confirmation;
  const label = m.t('ivfCycle.step.hcg');
  // A result that may be the trigger is not "the hCG test" of this transfer (it is listed under the confirmation).
  const hcg = c.evidence.filter((e) => e.kind === 'hcg' && e.outcome !== 'possibly-trigger').at(-1);
  const at = hcg?.atMs ?? c.plannedHcgTest?.atMs;
  const sources = hcg ? [hcg.source] : c.plannedHcgTest ? [c.plannedHcgTest.source] : [];
  if (at === undefined) return { key: 'hcg', label, when: m.t('ivfCycle.noPlannedHcg'), known: false, sources };
  const rel = relativeWords(at, transferMs, m);
  const note = hcg ? m.t('ivfCycle.decidedBy', { kind: 'hcg', outcome: hcg.outcome, when: m.instant(at) }) : m.t('ivfCycle.plannedHcg', { when: m.instant(at) });
  return { key: 'hcg', label, when: m.instant(at), iso: m.iso(at), ...(rel ? { relative: rel } : {}), note, known: true, sources };
}

function stripView(part: IvfRecordPart, m: Messages): IvfCycleView['strip'] {
  const cyc = part.cycle;
  const transferMs = cyc.transfer.known ? cyc.transfer.value.atMs : undefined;
  return {
    label: m.t('ivfCycle.strip.label'),
    steps: [
      stepView('stimulation-start', cyc.stimulationStart, transferMs, m),
      stepView('trigger', cyc.trigger, transferMs, m),
      stepView('oocyte-retrieval', cyc.oocyteRetrieval, transferMs, m),
      stepView('embryo-transfer', cyc.transfer, transferMs, m),
      hcgStep(part, transferMs, m),
    ],
  };
}

function estradiolRow(e: EstradiolResult, i: number, m: Messages): EstradiolRowView {
  const reported = `${e.reported.comparator ?? ''}${m.number(e.reported.value)} ${displayUnit(e.reported.unit, m.locale)}`.trim();
  const molarReported = e.reportedAs.known && e.reportedAs.value === 'molar';
  const other = molarReported ? e.pgPerMl : e.pmolPerL;
  const unit = molarReported ? 'pg/mL' : 'pmol/L';
  const converted = other.known ? m.t('ivfCycle.estradiol.convertedValue', { value: m.number(other.value, 0), unit: displayUnit(unit, m.locale) }) : m.t('common.unknownBecause', { reason: m.reason(other.reason) });
  return { key: `e2-${i}`, date: m.instant(e.atMs), iso: m.iso(e.atMs), reported, converted, sources: [e.source] };
}

/** Chart points in pg/mL (as reported or converted), x and y as 0..1 fractions of the plot. */
function estradiolChart(rows: EstradiolResult[]): { x: number; y: number }[] {
  const pts = rows.flatMap((e) => (e.pgPerMl.known ? [{ t: e.atMs, v: e.pgPerMl.value }] : []));
  if (pts.length < 2) return [];
  const t0 = pts[0]!.t;
  const t1 = pts[pts.length - 1]!.t;
  const max = Math.max(...pts.map((p) => p.v));
  return pts.map((p) => ({ x: t1 > t0 ? (p.t - t0) / (t1 - t0) : 0, y: max > 0 ? p.v / max : 0 }));
}

function estradiolView(part: IvfRecordPart, m: Messages): IvfCycleView['estradiol'] {
  const results = [...part.cycle.estradiol].sort((a, b) => a.atMs - b.atMs);
  const points = estradiolChart(results);
  return {
    title: m.t('ivfCycle.estradiol.title'),
    caption: m.t('ivfCycle.estradiol.caption'),
    ...(results.length === 0 ? { none: m.t('ivfCycle.estradiol.none') } : {}),
    rows: results.map((e, i) => estradiolRow(e, i, m)),
    headers: { date: m.t('ivfCycle.estradiol.date'), reported: m.t('ivfCycle.estradiol.reported'), converted: m.t('ivfCycle.estradiol.converted') },
    ...(points.length ? { chart: { label: m.t('ivfCycle.estradiol.chart'), points } } : {}),
  };
}

function ohssItems(part: IvfRecordPart, m: Messages): IvfFact[] {
  if (part.cycle.ohss.length === 0) return [{ key: 'none', text: m.reason(reason('ivf.no-ohss-record')), sources: [] }];
  return part.cycle.ohss.map((o, i) => {
    const severity = o.severity.known ? m.t('ivfCycle.ohss.severity', { severity: o.severity.value.value }) : m.reason(o.severity.reason);
    const status = o.clinicalStatus ? `, ${m.t('ivfCycle.ohss.status', { status: o.clinicalStatus })}` : '';
    return { key: `ohss-${i}`, text: `${m.t('ivfCycle.ohss.kind', { kind: o.kind })}: ${severity}${status}`, sources: [o.source] };
  });
}

function lutealItems(part: IvfRecordPart, m: Messages): IvfFact[] {
  if (part.cycle.lutealSupport.length === 0) return [{ key: 'none', text: m.t('ivfCycle.luteal.none'), sources: [] }];
  return part.cycle.lutealSupport.map((l, i) => ({ key: `luteal-${i}`, text: `${l.written} (${m.t('ivfCycle.luteal.state', { active: l.active ? 'yes' : 'no' })})`, sources: [l.source] }));
}

const LMWH_STATUS_KEY = { 'started-long-before-protocol': 'longBefore', 'started-before-protocol': 'before', 'started-after-protocol-start': 'after', unknown: 'unknown' } as const;

function lmwhItem(part: IvfRecordPart, m: Messages): IvfFact {
  const l = part.lmwhStart;
  const sources = [...(l.order ? [l.order] : []), ...(l.anchor ? [l.anchor.source] : [])];
  const head = m.t('ivfCycle.lmwh.status', { status: LMWH_STATUS_KEY[l.status], n: l.leadDays ?? 0 });
  const anchor = l.anchor ? ` (${m.t(`ivfCycle.step.${l.anchor.kind}`)} ${m.moment(l.anchor.moment)})` : '';
  const why = l.reason ? `: ${m.reason(l.reason)}` : '';
  return { key: 'lmwh', text: `${head}${anchor}${why}`, sources, flag: l.status === 'started-long-before-protocol' };
}

function indicationItems(part: IvfRecordPart, m: Messages): IvfFact[] {
  return part.indications.map((ind) => ({
    key: ind.kind,
    text: `${m.t(`ivfCycle.indication.${ind.kind}`)}: ${m.t('ivfCycle.indication.status', { status: ind.status === 'not-found' ? 'notFound' : ind.status })}${ind.reason ? ` (${m.reason(ind.reason)})` : ''}`,
    sources: ind.evidence,
  }));
}

function supplyView(part: IvfRecordPart, m: Messages): IvfCycleView['supply'] {
  const s = part.supply;
  const sources = [...s.dispenses.map((d) => d.source), ...(s.order ? [s.order] : [])];
  const text = s.lastsUntil.known
    ? `${m.t('ivfCycle.supply.lastsUntil', { when: m.instant(s.lastsUntil.value) })}${s.status === 'lasts' ? ` (${m.t('ivfCycle.supply.lasts')})` : ''}`
    : m.t('common.unknownBecause', { reason: m.reason(s.lastsUntil.reason) });
  const note = s.reason && s.lastsUntil.known ? ` (${m.reason(s.reason)})` : '';
  return {
    title: m.t('ivfCycle.supply.title'),
    item: { key: 'supply', text: `${text}${note}`, sources },
    flags: [
      ...s.flags.map((f, i) => ({ key: `flag-${i}`, text: m.reason(f), sources, flag: true })),
      // With nothing counted the first of these is already the reason the supply is unknown.
      ...(s.dispenses.length > 0 ? s.notCounted.map((n, i) => ({ key: `not-counted-${i}`, text: m.t('ivfCycle.supply.notCounted', { why: m.reason(n.reason) }), sources: [n.source] })) : []),
    ],
  };
}

export function buildIvfCycleView(slice: IvfCycleSlice, m: Messages): IvfCycleView {
  const part = slice.ivf;
  return {
    show: ivfCycleInView(part),
    title: m.t('ivfCycle.title'),
    confirmation: confirmationLines(part.confirmation, m),
    strip: stripView(part, m),
    estradiol: estradiolView(part, m),
    ohss: { title: m.t('ivfCycle.ohss.title'), items: ohssItems(part, m) },
    luteal: { title: m.t('ivfCycle.luteal.title'), items: lutealItems(part, m) },
    lmwh: { title: m.t('ivfCycle.lmwh.title'), item: lmwhItem(part, m) },
    indications: { title: m.t('ivfCycle.indications.title'), items: indicationItems(part, m) },
    supply: supplyView(part, m),
  };
}
