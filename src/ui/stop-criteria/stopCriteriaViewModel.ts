/**
 * The view of "Scheduled procedures and delivery": each event card, the EDD information card and the section's own
 * states, in words from the catalogue, with instants as ISO strings for `<time>`. Pure: takes the rules' outputs and
 * the translator.
 */
import type { DeadlineLine, EddInfoCard, EventCard, OrderReading, RuleDose } from '../../domain/rules';
import type { SearchCompleteness } from '../../domain/rules/searchCompleteness';
import { toIsoInZone } from '../../domain/time';
import type { SourceRef } from '../../domain/types';
import type { MessageKey } from '../messages/catalogue';
import type { Messages } from '../messages/translator';
import { countdownWords, infoLineView, ruleWording, searchProblemsText, sourceLabelView, statusView, type InfoLineViewModel, type SourceLabelView, type StatusView } from './ruleLineViewModel';
import { eventName } from '../format/eventName';

export interface TimeView {
  iso: string;
  text: string;
}

export interface DoseView {
  key: string;
  drug: string;
  kind: string;
  at: TimeView;
  source: SourceRef;
}

export interface OrderReadingView {
  key: string;
  description: string;
  status: string;
  reason: string;
  source: SourceRef;
}

export interface DeadlineRowView {
  ruleId: string;
  ruleVersion: string;
  sourceKind: DeadlineLine['source']['kind'];
  source: SourceLabelView;
  wording: string;
  intervalReason?: string;
  /** The deadline instant, or why there is none. */
  deadline?: TimeView;
  noDeadline?: string;
  dateOnlyNote?: string;
  status: StatusView;
  statusReason: string;
  orders: OrderReadingView[];
  lateDoses?: { title: string; doses: DoseView[] };
}

export interface DeliveryFactView {
  text: string;
  sources: SourceRef[];
}

export interface EventCardViewModel {
  id: string;
  headingId: string;
  label: string;
  enteredHere: boolean;
  enteredHereNote?: string;
  /** When the event is (with `iso` when there is an instant), or why not. */
  when: { iso?: string; text: string };
  countdown?: string;
  noCountdown?: string;
  /** "Date only: counts from 00:00 ..." or "The record gives this time without a UTC offset ...". */
  timeNote?: string;
  sourcesLabel: string;
  sources: SourceRef[];
  notApplicable?: string;
  noLmwhOrder?: string;
  doseClass: string;
  doseClassReason: string;
  deadlines: DeadlineRowView[];
  differences: string[];
  delivery?: DeliveryFactView[];
  restart: InfoLineViewModel[];
  notes: InfoLineViewModel[];
}

/** The instant for `<time datetime>` with the zone's offset ("+00:00" in UTC, as the record views always wrote it). */
export const isoOf = (ms: number, m: Messages): string => toIsoInZone(ms, m.zone);

const timeView = (ms: number, m: Messages): TimeView => ({ iso: isoOf(ms, m), text: m.instant(ms) });

const doseView = (d: RuleDose, i: number, m: Messages): DoseView => ({
  key: `${d.source.id ?? i}-${d.atMs}`,
  drug: m.reason(d.drug),
  kind: m.t(`stopCriteria.doseKind.${d.kind}` as MessageKey),
  at: timeView(d.atMs, m),
  source: d.source,
});

const readingView = (r: OrderReading, i: number, m: Messages): OrderReadingView => ({
  key: `${r.order.id}-${i}`,
  description: m.reason(r.order.description),
  status: r.order.status,
  reason: m.reason(r.reason),
  source: r.order.source,
});

export function deadlineRowView(line: DeadlineLine, m: Messages): DeadlineRowView {
  const v: DeadlineRowView = {
    ruleId: line.ruleId,
    ruleVersion: line.ruleVersion,
    sourceKind: line.source.kind,
    source: sourceLabelView(line.source, m),
    wording: ruleWording(line.ruleId, m),
    status: statusView(line.status, m),
    statusReason: m.reason(line.statusReason),
    orders: line.orders.map((r, i) => readingView(r, i, m)),
  };
  // The ordinary dose-class reason repeats the card's dose-class line; an unknown or intermediate class is said here.
  if (line.intervalReason && line.intervalReason.code !== 'rules.interval.dose-class') v.intervalReason = m.reason(line.intervalReason);
  if (line.deadlineMs !== null) v.deadline = timeView(line.deadlineMs, m);
  else v.noDeadline = m.reason(line.noDeadlineReason);
  if (line.dateOnlyNote) v.dateOnlyNote = m.reason(line.dateOnlyNote);
  if (line.dosesAfterDeadline.length > 0) {
    v.lateDoses = { title: m.t('stopCriteria.lateDoses', { n: line.dosesAfterDeadline.length }), doses: line.dosesAfterDeadline.map((d, i) => doseView(d, i, m)) };
  }
  return v;
}

/** "28 Nov 2026 08:30 (UTC)", "30 Nov 2026 (date only; counts from 30 Nov 2026 00:00 (UTC))" or "Date unknown: ...". */
export function eventWhenText(card: Pick<EventCard, 'anchorMs' | 'anchorDateOnly' | 'noAnchorReason'>, m: Messages): string {
  if (card.anchorMs === null) return m.t('stopCriteria.dateUnknown', { why: m.reason(card.noAnchorReason) });
  if (card.anchorDateOnly) return m.t('stopCriteria.dateOnlyAnchor', { date: m.date(card.anchorMs), from: m.instant(card.anchorMs) });
  return m.instant(card.anchorMs);
}

function timeNote(card: EventCard, m: Messages): string | undefined {
  const e = card.event;
  if (card.anchorMs === null) return undefined;
  if (e.when?.precision === 'day') return m.t('stopCriteria.dateOnlyNote', { zone: m.zone });
  if (!e.enteredHere && e.when?.offset === 'assumed') return m.t('stopCriteria.assumedOffset', { zone: e.when.zone });
  return undefined;
}

function deliveryView(card: EventCard, m: Messages): DeliveryFactView[] | undefined {
  const d = card.delivery;
  if (!d) return undefined;
  return [
    { text: m.reason(d.platelets), sources: d.plateletsSource ? [d.plateletsSource] : [] },
    { text: m.reason(d.aspirin), sources: d.aspirinSources },
    { text: m.reason(d.heparinAllergyOrHit), sources: d.allergySources },
  ];
}

/** The card's header part: what, when, countdown, where it came from. */
function cardHeader(card: EventCard, m: Messages): Pick<EventCardViewModel, 'id' | 'headingId' | 'label' | 'enteredHere' | 'enteredHereNote' | 'when' | 'countdown' | 'noCountdown' | 'timeNote' | 'sourcesLabel' | 'sources'> {
  const e = card.event;
  const v: ReturnType<typeof cardHeader> = {
    id: e.id,
    headingId: `event-card-${e.id.replace(/[^A-Za-z0-9_-]/g, '-')}`,
    label: eventName(e.name, m),
    enteredHere: e.enteredHere === true,
    when: card.anchorMs !== null ? { iso: isoOf(card.anchorMs, m), text: eventWhenText(card, m) } : { text: eventWhenText(card, m) },
    sourcesLabel: e.sources.length > 0 ? m.t('stopCriteria.sourceRecordsCount', { n: e.sources.length }) : m.t('stopCriteria.sourceRecords'),
    sources: e.sources,
  };
  if (e.enteredHere) v.enteredHereNote = m.t('stopCriteria.enteredHere');
  if (card.countdownMs !== null) v.countdown = countdownWords(card.countdownMs, m);
  else v.noCountdown = m.t('stopCriteria.noCountdown');
  const note = timeNote(card, m);
  if (note) v.timeNote = note;
  return v;
}

export function buildEventCardView(card: EventCard, m: Messages): EventCardViewModel {
  const v: EventCardViewModel = {
    ...cardHeader(card, m),
    doseClass: m.t(`stopCriteria.doseClass.${card.doseClass}` as MessageKey),
    doseClassReason: m.reason(card.doseClassReason),
    deadlines: card.deadlines.map((l) => deadlineRowView(l, m)),
    differences: card.differences.map((d) => m.reason(d)),
    restart: card.restart.map((l) => infoLineView(l, m)),
    notes: card.notes.map((l) => infoLineView(l, m)),
  };
  if (!card.applies) v.notApplicable = m.reason(card.notApplicableReason ?? { code: 'rules.not-applicable.other' });
  if (card.noLmwhOrderReason) v.noLmwhOrder = m.reason(card.noLmwhOrderReason);
  const delivery = deliveryView(card, m);
  if (delivery) v.delivery = delivery;
  return v;
}

export interface EddCardViewModel {
  edd: TimeView;
  eddText: string;
  gaText: string;
  datedBy: string;
  noCountdownReason: string;
  eddSource?: SourceRef;
  lines: InfoLineViewModel[];
}

/** "Estimated date of delivery 28 Jun 2027", "Gestational age today: 12+3 weeks", no countdown (and why). */
export function buildEddCardView(card: EddInfoCard, m: Messages): EddCardViewModel {
  const ga = card.gaDays;
  const v: EddCardViewModel = {
    edd: { iso: isoOf(card.eddMs, m).slice(0, 10), text: m.date(card.eddMs) },
    eddText: m.t('stopCriteria.edd.text', { date: m.date(card.eddMs) }),
    gaText: ga === undefined ? m.t('stopCriteria.edd.gaUnknown') : m.t('stopCriteria.edd.ga', { weeks: Math.floor(ga / 7), days: Math.floor(ga % 7) }),
    datedBy: m.t('stopCriteria.edd.datedBy', { source: card.datingSource ? m.reason(card.datingSource) : m.t('stopCriteria.edd.datingNotRecorded') }),
    noCountdownReason: m.t('stopCriteria.edd.noCountdown'),
    lines: card.lines.map((l) => infoLineView(l, m)),
  };
  if (card.eddSource) v.eddSource = card.eddSource;
  return v;
}

export interface StopCriteriaSectionView {
  /** "Planned events could not be read completely: ..." when a planned-event search was not complete. */
  incomplete?: string;
  /** "No scheduled surgery or delivery found" only when the searches were complete. */
  empty?: string;
}

/** The section's own states; each card and the EDD card have their own builders. */
export function buildStopCriteriaView(slice: { cardCount: number; search: SearchCompleteness }, m: Messages): StopCriteriaSectionView {
  const v: StopCriteriaSectionView = {};
  if (!slice.search.complete) v.incomplete = m.t('stopCriteria.incomplete', { problems: searchProblemsText(slice.search, m) });
  if (slice.cardCount === 0 && slice.search.complete) v.empty = m.t('stopCriteria.empty');
  return v;
}
