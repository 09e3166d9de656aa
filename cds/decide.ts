/**
 * The decision: for each proposed order or appointment that the app's event classifier recognises as a planned
 * caesarean, induction or planned birth, surgery or oocyte retrieval, while an LMWH order is active, one card with the
 * deadlines the patient view shows for that event (the same ClinicalRecord, the same evaluator, the same rules).
 * No LMWH order (the medication search complete): no card. Something that decides the answer missing: a card that
 * says what is missing. Pure: the clock, zone and unit converter are passed in.
 */
import { createHash } from 'node:crypto';
import type { RecordInput } from '../src/domain/input';
import type { UnitConverter } from '../src/domain/labs';
import { buildClinicalRecord, type ClinicalRecord } from '../src/domain/record';
import { PLANNED_EVENT_CLASSES, type DeadlineLine, type EventCard, type PlannedEventClass, type RuleOrder } from '../src/domain/rules';
import { activeLmwhOrdersAt } from '../src/domain/rules/ruleCommon';
import { createMessages, type Messages } from '../src/ui/messages/translator';
import '../src/ui/messages/catalogue'; // registers every word for the translator
import { buildEventCardView, eventWhenText, type DeadlineRowView } from '../src/ui/stop-criteria/stopCriteriaViewModel';
import type { PlannedEvent } from '../src/domain/events';
import { eventName } from '../src/ui/format/eventName';
import { formatDate, formatInstant as formatDateTime } from '../src/ui/format/displayTime';
import type { SourceRef } from '../src/domain/types';
import { DETAIL, EVENT_NOUN, LINK_LABEL, MISSING, SOURCE_LABEL, SUMMARY, SUMMARY_MAX, shortSource } from './cardText';

export interface CdsLink {
  label: string;
  url: string;
  type: 'absolute' | 'smart';
  appContext?: string;
}

export interface CdsCard {
  uuid: string;
  summary: string;
  detail: string;
  indicator: 'info' | 'warning' | 'critical';
  source: { label: string; topic?: { system: string; code: string; display: string } };
  links: CdsLink[];
}

/** What the app reads from a card link's appContext to open on that event (see src/ui/app/launchFocus.ts). */
export interface LmwhAppContext {
  /** The event id as the app's event reader builds it ("event:Appointment/abc"). */
  event: string;
  /** The proposal, so the app can show the event before it is stored in the record. */
  proposal: { class: PlannedEventClass; label: string; start: string; dateOnly: boolean };
}

export interface DecideOptions {
  nowMs: number;
  zone: string;
  units: UnitConverter;
  serviceId: string;
  /** The app's SMART launch URL (the card's smart link). */
  appLaunchUrl: string;
}

export interface Decision {
  cards: CdsCard[];
  /** For tests and logs without patient data: why each proposal got no card. */
  skipped: { proposal: string; why: 'not-a-planned-event' | 'no-active-lmwh' }[];
}

/** A stable uuid per service and proposal: a repeated call for the same proposal replaces its card. */
export function cardUuid(serviceId: string, proposalKey: string): string {
  const h = createHash('sha256').update(`${serviceId}|${proposalKey}`).digest('hex');
  // Version 8 (custom) UUID layout: xxxxxxxx-xxxx-8xxx-yxxx-xxxxxxxxxxxx.
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const clip = (s: string): string => (s.length <= SUMMARY_MAX ? s : `${s.slice(0, SUMMARY_MAX - 1)}\u2026`);
const ref = (s: SourceRef): string => DETAIL.sourceRef(s.resourceType, s.id);
const keyOf = (r: fhir4.Resource): string => `${r.resourceType}/${r.id}`;

function isPlannedClass(cls: string): cls is PlannedEventClass {
  return (PLANNED_EVENT_CLASSES as readonly string[]).includes(cls);
}

/** The event the app builds from this proposal (possibly merged with stored records of the same event). */
function eventOf(record: ClinicalRecord, proposal: fhir4.Resource): PlannedEvent | undefined {
  const key = keyOf(proposal);
  return record.events.planned.find((e) => e.sources.some((s) => `${s.resourceType}/${s.id}` === key));
}

/** Orders the card speaks about: active LMWH orders now, and LMWH orders whose status the record does not give. */
function activeOrders(record: ClinicalRecord, card: EventCard): RuleOrder[] {
  const active = activeLmwhOrdersAt(record.rules.context, record.nowMs);
  const unknownStatus = card.orders.filter((o) => o.status === 'unknown');
  return [...active, ...unknownStatus.filter((o) => !active.includes(o))];
}

function orderSummary(orders: RuleOrder[], m: Messages): string {
  const first = m.reason(orders[0]!.description);
  return orders.length > 1 ? `${first} (+${orders.length - 1} more)` : first;
}

function appContextOf(event: PlannedEvent, cls: PlannedEventClass, card: EventCard, m: Messages): string {
  const ctx: LmwhAppContext = {
    event: event.id,
    proposal: { class: cls, label: eventName(event.name, m), start: new Date(card.anchorMs ?? 0).toISOString(), dateOnly: event.when?.precision === 'day' },
  };
  return JSON.stringify(ctx);
}

function link(appLaunchUrl: string, appContext?: string): CdsLink {
  return { label: LINK_LABEL, url: appLaunchUrl, type: 'smart', ...(appContext ? { appContext } : {}) };
}

/** Whether a line's window already contains the booked time, and why. */
function windowBreach(line: DeadlineLine, nowMs: number, lastDoseMs: number | undefined): 'passed' | 'dose-after' | undefined {
  if (line.deadlineMs === null) return undefined;
  if (line.deadlineMs < nowMs) return 'passed';
  if (lastDoseMs !== undefined && lastDoseMs > line.deadlineMs) return 'dose-after';
  return undefined;
}

function missingCard(uuid: string, noun: string, summaryWhat: string, detail: string[], appLaunchUrl: string, appContext?: string): CdsCard {
  return {
    uuid,
    summary: clip(SUMMARY.missing(noun, summaryWhat)),
    detail: [...detail, '', DETAIL.informationOnly].join('\n'),
    indicator: 'warning',
    source: { label: SOURCE_LABEL },
    links: [link(appLaunchUrl, appContext)],
  };
}

function deadlineCard(record: ClinicalRecord, event: PlannedEvent, cls: PlannedEventClass, card: EventCard, orders: RuleOrder[], uuid: string, o: DecideOptions): CdsCard {
  const zone = record.zone;
  const noun = EVENT_NOUN[cls] ?? cls;
  const lines = card.deadlines.filter((l) => l.deadlineMs !== null);
  const lastDoseMs = card.lastDose?.atMs;
  const breaches = lines.map((l) => ({ line: l, breach: windowBreach(l, record.nowMs, lastDoseMs) }));
  const critical = breaches.some((b) => b.breach !== undefined);
  // The summary names the earliest deadline (the longest interval); when the window is breached, the breached one.
  const pool = critical ? breaches.filter((b) => b.breach).map((b) => b.line) : lines;
  const head = [...pool].sort((a, b) => a.deadlineMs! - b.deadlineMs!)[0]!;
  const src = shortSource(head.source.kind, head.source.name, head.hoursBefore ?? 0);
  const when = formatDateTime(head.deadlineMs!, zone);
  // The card's words come from the app's own message catalogue and stop-criteria view model (the same sentences as
  // the patient view's card), in English: CDS Hooks carries no reader language.
  const m = createMessages({ locale: 'en', zone });
  const summary = critical ? SUMMARY.insideWindow(orderSummary(orders, m), when, noun, src) : SUMMARY.deadline(orderSummary(orders, m), when, noun, src);
  const view = buildEventCardView(card, m);
  const rowOf = (line: DeadlineLine): DeadlineRowView => view.deadlines[card.deadlines.indexOf(line)]!;
  const detail: string[] = [];
  detail.push(card.anchorMs !== null && event.when?.precision === 'day' ? DETAIL.eventDateOnly(eventName(event.name, m), formatDate(card.anchorMs, zone), formatDateTime(card.anchorMs, zone)) : DETAIL.event(eventName(event.name, m), eventWhenText(card, m)));
  detail.push(DETAIL.orders(orders.map((x) => `${m.reason(x.description)} (${x.status}; ${ref(x.source)})`).join('; ')));
  detail.push(DETAIL.doseClass(card.doseClass, m.reason(card.doseClassReason)));
  detail.push('');
  for (const { line, breach } of breaches) {
    const row = rowOf(line);
    detail.push(DETAIL.line(line.source.name, line.ruleId, line.ruleVersion, row.wording, `${deadlineWords(row, m)}.`));
    if (row.intervalReason) detail.push(`  ${row.intervalReason}`);
    if (row.dateOnlyNote) detail.push(`  ${row.dateOnlyNote}`);
    if (breach === 'passed') detail.push(DETAIL.windowPassed(formatDateTime(line.deadlineMs!, zone)));
    if (breach === 'dose-after' && card.lastDose) detail.push(DETAIL.doseAfterDeadline(formatDateTime(card.lastDose.atMs, zone)));
    detail.push(DETAIL.lineStatus(row.status.text, row.statusReason));
  }
  for (const line of card.deadlines.filter((l) => l.deadlineMs === null)) {
    const row = rowOf(line);
    detail.push(DETAIL.line(line.source.name, line.ruleId, line.ruleVersion, row.wording, deadlineWords(row, m)));
  }
  detail.push('');
  detail.push(card.lastDose ? DETAIL.lastDose(formatDateTime(card.lastDose.atMs, zone), ref(card.lastDose.source)) : DETAIL.noLastDose);
  const doses = record.groups['medication-administrations'];
  if (doses && doses.status !== 'complete') detail.push(DETAIL.dosesIncomplete(doses.reason ? m.reason(doses.reason) : doses.status));
  for (const d of card.differences) detail.push(DETAIL.differences(m.reason(d)));
  detail.push('', DETAIL.informationOnly);

  return {
    uuid,
    summary: clip(summary),
    detail: detail.join('\n'),
    indicator: critical ? 'critical' : 'warning',
    source: { label: SOURCE_LABEL },
    links: [link(o.appLaunchUrl, appContextOf(event, cls, card, m))],
  };
}

/** "Last dose no later than 26 Nov 2026 08:30 (UTC)", or why there is no deadline, as the patient view says it. */
function deadlineWords(row: DeadlineRowView, m: Messages): string {
  return row.deadline ? `${m.t('stopCriteria.deadline.prefix')} ${row.deadline.text}` : (row.noDeadline ?? '');
}

/** Cards for the proposals of one hook call. `input` already contains the proposals. */
export function decide(input: RecordInput, proposals: fhir4.Resource[], o: DecideOptions): Decision {
  const record = buildClinicalRecord(input, { nowMs: o.nowMs, zone: o.zone, units: o.units });
  const cards: CdsCard[] = [];
  const skipped: Decision['skipped'] = [];
  for (const proposal of proposals) {
    const key = keyOf(proposal);
    const event = eventOf(record, proposal);
    if (!event || !isPlannedClass(event.class)) {
      skipped.push({ proposal: key, why: 'not-a-planned-event' });
      continue;
    }
    const cls = event.class;
    const card = record.rules.cards.find((c) => c.event.id === event.id);
    if (!card) {
      skipped.push({ proposal: key, why: 'not-a-planned-event' });
      continue;
    }
    const uuid = cardUuid(o.serviceId, key);
    const noun = EVENT_NOUN[cls] ?? cls;
    const orders = activeOrders(record, card);
    if (orders.length === 0) {
      if (record.medication.complete) {
        skipped.push({ proposal: key, why: 'no-active-lmwh' });
        continue;
      }
      cards.push(missingCard(uuid, noun, MISSING.medications, [MISSING.medicationsReason(record.medication.incompleteReason ? createMessages({ locale: 'en', zone: record.zone }).reason(record.medication.incompleteReason) : 'incomplete')], o.appLaunchUrl));
      continue;
    }
    if (!card.deadlines.some((l) => l.deadlineMs !== null) && card.anchorMs !== null) {
      // Every applicable rule lacks a usable interval: nothing to count back from, said plainly.
      const m = createMessages({ locale: 'en', zone: record.zone });
      const rows = buildEventCardView(card, m).deadlines;
      cards.push(missingCard(uuid, noun, MISSING.noInterval, [DETAIL.orders(orders.map((x) => m.reason(x.description)).join('; ')), ...card.deadlines.map((l, i) => DETAIL.line(l.source.name, l.ruleId, l.ruleVersion, rows[i]!.wording, deadlineWords(rows[i]!, m)))], o.appLaunchUrl, appContextOf(event, cls, card, m)));
      continue;
    }
    if (card.anchorMs === null) {
      const what = event.when === undefined ? MISSING.eventDate : MISSING.eventTime;
      const m = createMessages({ locale: 'en', zone: record.zone });
      cards.push(missingCard(uuid, noun, what, [DETAIL.orders(orders.map((x) => m.reason(x.description)).join('; ')), MISSING.eventDateDetail], o.appLaunchUrl));
      continue;
    }
    cards.push(deadlineCard(record, event, cls, card, orders, uuid, o));
  }
  return { cards, skipped };
}
