/**
 * The plan strip's view: the LMWH order (drug, dose, frequency, dose class by regimen and its basis), the last
 * recorded dose, the next planned event with its countdown, that event's deadlines on the injection schedule, the
 * red flags and the facility zone. Pure: the record's plan parts and the translator in, display strings out.
 */
import type { RecordedDose } from '../../domain/medication/medicationTypes';
import type { CardPlan, DeadlineFit, RecordPlan, RedFlag, RuleComparison } from '../../domain/plan';
import type { EventCard } from '../../domain/rules';
import type { FacilityZone } from '../../domain/facilityZone';
import type { SourceRef } from '../../domain/types';
import type { MessageKey } from '../messages/catalogue';
import type { Messages } from '../messages/translator';
import { formatDrug, formatKnownDose, formatKnownFrequency } from '../format/dose';
import { countdownWords, type SourceLabelView, type StatusView } from '../stop-criteria/ruleLineViewModel';
import { deadlineRowView, isoOf, type TimeView } from '../stop-criteria/stopCriteriaViewModel';
import { eventName } from '../format/eventName';

export interface PlanOrderView {
  drug: string;
  dose: string;
  frequency: string;
  doseClass: string;
  doseClassBasis: string;
  stateNote?: string;
  reasons: { text: string; source?: SourceRef }[];
  source: SourceRef;
}

export interface PlanDeadlineView {
  ruleId: string;
  role: 'source' | 'guideline';
  source: SourceLabelView;
  deadline?: TimeView;
  noDeadline?: string;
  status: StatusView;
  /** "last scheduled injection that keeps to it: Sat 28 Nov 18:00", or what the schedule says instead. */
  onSchedule?: string;
  omits?: string;
}

export interface PlanFlagView {
  code: RedFlag['code'];
  title: string;
  text: string;
  sources: SourceRef[];
  references: string[];
}

export interface PlanStripView {
  order?: PlanOrderView;
  noOrder?: string;
  noDeadline?: string;
  lastDose: { text: string; iso?: string; source?: SourceRef };
  next?: { text: string; iso?: string; sources: SourceRef[] };
  deadlines: PlanDeadlineView[];
  comparisons: string[];
  flags: PlanFlagView[];
  noFlags?: string;
  unknownFlags?: string;
  /** Flags whose searches are still being read (lab results, on a long record). */
  readingFlags?: string;
  zone: string;
}

/** What the strip reads: the plan, the cards (for the next event's deadlines) and the zone used. */
export interface PlanStripSlice {
  plan: RecordPlan;
  cards: readonly EventCard[];
  facilityZone: FacilityZone;
}

function orderView(plan: RecordPlan, m: Messages): PlanOrderView | undefined {
  const p = plan.order;
  if (!p) return undefined;
  const r = p.regimen;
  const basis = r.intensity === 'unknown' ? m.t('planStrip.doseClassBasis.unknown', { why: m.reason(r.reason) }) : m.t('planStrip.doseClassBasis.row', { row: r.row.id, reference: r.row.reference });
  const reasons = p.reasons.flatMap((x) => {
    const text = x.kind === 'code' ? (x.text ?? x.code) : (x.resolved?.text ?? x.display ?? x.reference);
    if (!text) return [];
    const source = x.kind === 'reference' ? x.resolved?.source : undefined;
    return [{ text: m.t('planStrip.orderReason', { text }), ...(source ? { source } : {}) }];
  });
  return {
    drug: formatDrug(p.order.drug, m),
    dose: formatKnownDose(p.order.dose, m),
    frequency: formatKnownFrequency(p.order.frequency, m),
    doseClass: m.t('planStrip.doseClass', { intensity: r.intensity }),
    doseClassBasis: basis,
    ...(p.state === 'unknown' ? { stateNote: m.t('planStrip.orderStateUnknown') } : {}),
    reasons,
    source: p.order.source,
  };
}

function lastDoseView(d: RecordedDose | undefined, m: Messages): PlanStripView['lastDose'] {
  if (!d || !d.time.known) return { text: m.t('planStrip.noDoseRecorded') };
  const ms = d.time.value.ms;
  return { text: m.t('planStrip.lastDose', { at: m.instant(ms), kind: m.t(`stopCriteria.doseKind.${d.kind}` as MessageKey) }), iso: isoOf(ms, m), source: d.source };
}

function nextView(card: EventCard | undefined, m: Messages): NonNullable<PlanStripView['next']> {
  if (!card) return { text: m.t('planStrip.noEvent'), sources: [] };
  const label = eventName(card.event.name, m);
  if (card.anchorMs === null || card.countdownMs === null) return { text: m.t('planStrip.nextEventUndated', { label }), sources: card.event.sources };
  return {
    text: m.t('planStrip.nextEvent', { label, when: m.instant(card.anchorMs), countdown: countdownWords(card.countdownMs, m) }),
    iso: isoOf(card.anchorMs, m),
    sources: card.event.sources,
  };
}

/** Where a deadline falls on the injection schedule, in words. */
export function fitWords(fit: DeadlineFit | undefined, m: Messages): { onSchedule?: string; omits?: string } {
  if (!fit) return {};
  switch (fit.state) {
    case 'keeps':
      return { onSchedule: m.t('planStrip.keeps', { at: m.weekdayTime(fit.lastKeepingMs) }), omits: m.t('planStrip.omits', { n: fit.omitted }) };
    case 'before-first-scheduled':
      return { onSchedule: m.t('planStrip.beforeFirst', { at: m.weekdayTime(fit.nextScheduledMs) }), omits: m.t('planStrip.omits', { n: fit.omitted }) };
    case 'deadline-passed':
      return { onSchedule: m.t('planStrip.deadlinePassed'), omits: m.t('planStrip.omits', { n: fit.omitted }) };
    case 'nothing-scheduled':
      return { onSchedule: m.t('planStrip.nothingScheduled') };
    case 'schedule-unknown':
      return { onSchedule: m.t('planStrip.scheduleUnknown', { why: m.reason(fit.reason) }) };
    default:
      return {};
  }
}

function deadlineViews(card: EventCard | undefined, cardPlan: CardPlan | undefined, m: Messages): PlanDeadlineView[] {
  if (!card) return [];
  return card.deadlines.map((line) => {
    const row = deadlineRowView(line, m);
    const fit = cardPlan?.onSchedule.fits.find((f) => f.id === line.ruleId);
    return {
      ruleId: line.ruleId,
      role: line.source.kind === 'source-article' ? 'source' : 'guideline',
      source: row.source,
      ...(row.deadline ? { deadline: row.deadline } : {}),
      ...(row.noDeadline ? { noDeadline: row.noDeadline } : {}),
      status: row.status,
      ...fitWords(fit, m),
    };
  });
}

function comparisonWords(c: RuleComparison, m: Messages): string | undefined {
  if (c.stricter === 'not-comparable') return undefined;
  const extra = c.extraOmittedBySource === undefined || c.extraOmittedBySource <= 0 || c.stricter !== 'source' ? 'none' : c.extraOmittedBySource;
  return m.t('planStrip.stricter', { stricter: c.stricter, extra });
}

const flagList = (flags: readonly RedFlag[], m: Messages) => flags.map((f) => m.t(`planStrip.flag.${f.code}` as MessageKey)).join(m.t('common.listSeparator'));

function flagViews(flags: readonly RedFlag[], m: Messages): Pick<PlanStripView, 'flags' | 'noFlags' | 'unknownFlags' | 'readingFlags'> {
  const present = flags.filter((f) => f.state === 'present');
  const unknown = flags.filter((f) => f.state === 'unknown');
  // "Record incomplete" waits for every search; the data-availability line already says which are still read.
  const reading = flags.filter((f) => f.state === 'reading' && f.code !== 'record-incomplete');
  const out: Pick<PlanStripView, 'flags' | 'noFlags' | 'unknownFlags' | 'readingFlags'> = {
    flags: present.map((f) => ({
      code: f.code,
      title: m.t(`planStrip.flag.${f.code}` as MessageKey),
      text: f.reasons.map((r) => m.reason(r)).join(' '),
      sources: f.sources,
      references: f.references.map((r) => m.t('planStrip.reference', { section: r.section, verification: r.verification === 'app-choice' ? 'app' : r.verification })),
    })),
  };
  if (present.length === 0) out.noFlags = m.t(reading.length > 0 ? 'planStrip.noFlagsYet' : 'planStrip.noFlags');
  if (unknown.length > 0) out.unknownFlags = m.t('planStrip.flagsUnknown', { list: flagList(unknown, m) });
  if (reading.length > 0) out.readingFlags = m.t('planStrip.flagsReading', { list: flagList(reading, m) });
  return out;
}

// ICU select keys cannot hold a hyphen.
const ZONE_FROM: Record<PlanStripSlice['facilityZone']['from'], string> = { 'ehr-config': 'ehr', user: 'user', browser: 'browser', 'fallback-utc': 'utc' };

/** The strip's whole view. */
export function buildPlanStripView(slice: PlanStripSlice, m: Messages): PlanStripView {
  const { plan, cards } = slice;
  const card = plan.nextCardIndex !== undefined ? cards[plan.nextCardIndex] : undefined;
  const cardPlan = plan.cards.find((c) => c.cardIndex === plan.nextCardIndex);
  const order = orderView(plan, m);
  const view: PlanStripView = {
    lastDose: lastDoseView(plan.lastDose, m),
    deadlines: order ? deadlineViews(card, cardPlan, m) : [],
    comparisons: order && cardPlan ? cardPlan.onSchedule.comparisons.flatMap((c) => comparisonWords(c, m) ?? []) : [],
    ...flagViews(plan.redFlags, m),
    zone: m.t('planStrip.zone', { zone: slice.facilityZone.zone, from: ZONE_FROM[slice.facilityZone.from] }),
  };
  if (order) view.order = order;
  else {
    view.noOrder = m.t(plan.medicationsComplete ? 'planStrip.noOrder' : 'planStrip.noOrderSearchIncomplete');
    view.noDeadline = m.t('planStrip.noDeadline');
  }
  view.next = nextView(card, m);
  return view;
}
