/**
 * The event evaluator: for one planned event, the countdown, one line per applicable stop rule with its deadline and
 * status, the differences between the source and the guidelines, restart information and notes. Deadlines are the
 * event instant minus the rule's hours on absolute time (epoch ms), shown in the facility zone with the offset.
 */
import { DateTime } from 'luxon';
import { dateParam, instantParam, reason, reasonParam, type ReasonParam, unitParam } from '../reasons';
import { DAY_MS, HOUR_MS, isValidZone, toIsoInZone } from '../time';
import { ACOG_UFH_SWITCH_OPTIONAL } from './acog';
import { ASRA_NEURAXIAL_PROPHYLACTIC, ASRA_NEURAXIAL_THERAPEUTIC, ASRA_PLATELETS_BEFORE_BLOCK } from './asra-2018';
import { eventAnchor, governingDoseClass, infoLine, isCurrentAt, lastDoseBefore, lmwhDoses, lmwhOrders, lmwhPlans, type Anchor } from './ruleCommon';
import type { RuleContext, RuleDoseClass, RuleEvent, RuleOrder } from './context';
import { RCOG_STOP_BLEEDING_OR_LABOUR } from './rcog-37a';
import { ALL_RULES, numbersUsable } from './registry';
import { SOAP_NEURAXIAL_CONSENSUS } from './soap-2018';
import { SOURCE_STOP_48H_BEFORE_PLANNED_BIRTH, SOURCE_STOP_GENITAL_BLEEDING } from './source-article';
import {
  DELIVERY_EVENT_CLASSES,
  PLANNED_EVENT_CLASSES,
  type DeadlineLine,
  type DeliveryFacts,
  type EddInfoCard,
  type EventCard,
  type OrderReading,
  type PlannedEventClass,
  type Rule,
  type StopBeforeEventRule,
  type RulesReason,
  type StopStatus,
} from './ruleTypes';

/** Orders that ended more than this long before the event are not considered for it (one pregnancy length). */
const LOOKBACK_MS = 280 * DAY_MS;

const isPlanned = (c: RuleEvent['class']): c is PlannedEventClass => (PLANNED_EVENT_CLASSES as readonly string[]).includes(c);
const isDelivery = (c: RuleEvent['class']): boolean => (DELIVERY_EVENT_CLASSES as readonly string[]).includes(c);

/** LMWH orders (intent order) that can matter for an event at `anchorMs`. */
export function ordersForEvent(ctx: Pick<RuleContext, 'orders'>, anchorMs: number | null): RuleOrder[] {
  return lmwhOrders(ctx).filter((o) => {
    if (anchorMs === null) return true;
    if (o.startMs !== undefined && o.startMs >= anchorMs) return false; // starts at/after the event: a restart order
    if (o.status === 'completed' || o.status === 'stopped') return o.endMs === undefined || o.endMs >= anchorMs - LOOKBACK_MS;
    return true;
  });
}

/** What an order is read against: the deadline, or the event itself when the rule gives no interval. */
export type ReadingLimit = 'deadline' | 'event';

/** One order read against a limit (a deadline, or the event itself when the rule gives no interval). */
export function readOrder(o: RuleOrder, limitMs: number, limit: ReadingLimit, nowMs: number): OrderReading {
  const r = (verdict: OrderReading['verdict'], code: RulesReason['code'], params: Record<string, string | number | ReturnType<typeof instantParam>> = {}): OrderReading => ({
    order: o,
    verdict,
    reason: reason(code, { limit, ...params }),
  });
  if (o.endMs !== undefined && o.endMs <= limitMs) return r('ends', 'rules.order.ends-by', { end: instantParam(o.endMs) });
  if (o.status === 'completed' || o.status === 'stopped') {
    return nowMs <= limitMs ? r('ends', 'rules.order.ended-already', { status: o.status }) : r('unknown', 'rules.order.ended-when-unknown', { status: o.status });
  }
  if (o.status === 'on-hold' || o.onHold) {
    if (o.onHoldSinceMs !== undefined) {
      const since = instantParam(o.onHoldSinceMs);
      return o.onHoldSinceMs <= limitMs ? r('ends', 'rules.order.on-hold-before', { since }) : r('runs-past', 'rules.order.on-hold-after', { since });
    }
    return nowMs <= limitMs ? r('ends', 'rules.order.on-hold-now') : r('unknown', 'rules.order.on-hold-since-unknown');
  }
  if (o.status === 'active') {
    return o.endMs === undefined ? r('runs-past', 'rules.order.active-no-end') : r('runs-past', 'rules.order.runs-until', { end: instantParam(o.endMs) });
  }
  return r('unknown', 'rules.order.status-unknown');
}

/** Items joined with "; " (a reason of reasons, so the catalogue owns the separator). */
function joinedParam(items: RulesReason[]): ReasonParam {
  const [first, ...rest] = items;
  if (!first) return '';
  return rest.reduce<ReasonParam>((acc, x) => reasonParam(reason('rules.join', { a: acc, b: reasonParam(x) })), reasonParam(first));
}

/** "Enoxaparin 40 mg ...: <reading>" for each reading, joined. */
const readingsParam = (readings: OrderReading[]) => joinedParam(readings.map((x) => reason('rules.order.reading', { order: reasonParam(x.order.description), reading: reasonParam(x.reason) })));

/** The four statuses, from the order readings and the completeness of the medication search. */
export function aggregateStatus(readings: OrderReading[], ctx: Pick<RuleContext, 'medicationsComplete' | 'medicationsReason' | 'orders'>): { status: StopStatus; statusReason: RulesReason } {
  const why = ctx.medicationsReason ? reasonParam(ctx.medicationsReason) : '';
  const hasWhy = ctx.medicationsReason !== undefined;
  const runsPast = readings.filter((r) => r.verdict === 'runs-past');
  if (runsPast.length > 0) {
    return { status: 'stop-not-documented', statusReason: reason('rules.status.runs-past', { readings: readingsParam(runsPast), incomplete: !ctx.medicationsComplete, why, hasWhy }) };
  }
  if (!ctx.medicationsComplete) return { status: 'unknown', statusReason: reason('rules.status.search-incomplete', { why, hasWhy }) };
  if (readings.length === 0) return { status: 'no-lmwh-order', statusReason: reason('rules.status.no-order', { plans: lmwhPlans(ctx).length }) };
  const unknowns = readings.filter((r) => r.verdict === 'unknown');
  if (unknowns.length > 0) return { status: 'unknown', statusReason: reason('rules.status.unknown-orders', { readings: readingsParam(unknowns) }) };
  return { status: 'stop-documented', statusReason: reason('rules.status.documented', { readings: readingsParam(readings) }) };
}

function intervalReason(rule: StopBeforeEventRule, doseClass: RuleDoseClass, why: RulesReason): RulesReason | undefined {
  if (rule.parameters.doseClasses === 'any') return undefined;
  const h = rule.parameters.hoursBefore;
  if (doseClass === 'unknown') return reason('rules.interval.dose-class-unknown', { why: reasonParam(why), hours: h });
  if (doseClass === 'intermediate') return reason('rules.interval.intermediate', { why: reasonParam(why), hours: h });
  return reason('rules.interval.dose-class', { doseClass, why: reasonParam(why) });
}

function dateOnlyNote(anchorMs: number, deadlineMs: number, hours: number, zone: string): RulesReason {
  const z = isValidZone(zone) ? zone : 'UTC';
  const params = { day: dateParam(anchorMs), zone: z, anchor: instantParam(anchorMs), hours, deadline: instantParam(deadlineMs) };
  const wall = DateTime.fromMillis(deadlineMs, { zone: z });
  if (wall.hour === 0 && wall.minute === 0 && hours % 24 === 0) return reason('rules.date-only.midnight', { ...params, days: hours / 24 });
  return reason('rules.date-only.clock-change', params);
}

type LineBase = Pick<DeadlineLine, 'ruleId' | 'ruleVersion' | 'source' | 'hoursBefore' | 'intervalReason'>;

/** A line without an event date: no deadline, status unknown. */
function lineWithoutAnchor(base: LineBase, anchor: Anchor): DeadlineLine {
  const why = anchor.reason ?? reason('rules.anchor.no-date');
  return {
    ...base,
    deadlineMs: null,
    deadlineIsoInZone: null,
    noDeadlineReason: reason('rules.deadline.none', { why: reasonParam(why) }),
    status: 'unknown',
    statusReason: reason('rules.status.no-deadline', { why: reasonParam(why) }),
    orders: [],
    dosesAfterDeadline: [],
  };
}

/** A line whose rule gives no interval: the orders are read against the event itself. */
function lineWithoutInterval(base: LineBase, ctx: RuleContext, eventMs: number, orders: RuleOrder[]): DeadlineLine {
  const readings = orders.map((o) => readOrder(o, eventMs, 'event', ctx.nowMs));
  const agg = aggregateStatus(readings, ctx);
  return {
    ...base,
    deadlineMs: null,
    deadlineIsoInZone: null,
    noDeadlineReason: reason('rules.deadline.no-interval'),
    status: agg.status,
    statusReason: reason('rules.status.against-event', { status: reasonParam(agg.statusReason) }),
    orders: readings,
    dosesAfterDeadline: [],
  };
}

function deadlineLine(rule: StopBeforeEventRule, ctx: RuleContext, anchor: Anchor, orders: RuleOrder[], doseClass: RuleDoseClass, why: RulesReason): DeadlineLine {
  const hours = rule.parameters.hoursBefore;
  const base: LineBase = { ruleId: rule.id, ruleVersion: rule.version, source: rule.source, hoursBefore: hours };
  const interval = intervalReason(rule, doseClass, why);
  if (interval) base.intervalReason = interval;
  if (anchor.anchorMs === null) return lineWithoutAnchor(base, anchor);
  const E = anchor.anchorMs;
  if (hours === null) return lineWithoutInterval(base, ctx, E, orders);
  const D = E - hours * HOUR_MS;
  const readings = orders.map((o) => readOrder(o, D, 'deadline', ctx.nowMs));
  const line: DeadlineLine = {
    ...base,
    deadlineMs: D,
    deadlineIsoInZone: toIsoInZone(D, ctx.zone),
    ...aggregateStatus(readings, ctx),
    orders: readings,
    dosesAfterDeadline: lmwhDoses(ctx.doses)
      .filter((d) => d.atMs > D && d.atMs < E)
      .sort((a, b) => a.atMs - b.atMs),
  };
  if (anchor.dateOnly) line.dateOnlyNote = dateOnlyNote(E, D, hours, ctx.zone);
  return line;
}

function differences(lines: DeadlineLine[], cls: PlannedEventClass): RulesReason[] {
  const p = ASRA_NEURAXIAL_PROPHYLACTIC.parameters.hoursBefore;
  const t = ASRA_NEURAXIAL_THERAPEUTIC.parameters.hoursBefore;
  const guide = lines.find((l) => l.source.name === 'ASRA 2018' && l.hoursBefore !== null);
  const src = lines.find((l) => l.source.kind === 'source-article');
  if (!guide || !src) return [];
  const params = { prophylactic: p, therapeutic: t, used: guide.hoursBefore };
  if (src.hoursBefore === null) return [reason('rules.difference.source-no-interval', params)];
  if (isDelivery(cls) && src.hoursBefore > (t ?? 0)) return [reason('rules.difference.source-stricter', { ...params, source: src.hoursBefore })];
  return [];
}

/** Days of heparin before the event, from the earliest current order start. */
function heparinDaysBefore(orders: RuleOrder[], E: number): number | undefined {
  const starts = orders.map((o) => o.startMs).filter((s): s is number => s !== undefined && s <= E);
  if (starts.length === 0) return undefined;
  return (E - Math.min(...starts)) / DAY_MS;
}

function plateletReason(ctx: RuleContext): RulesReason {
  const p = ctx.latestPlatelets;
  return p ? reason('rules.platelets.latest', { value: p.value, unit: unitParam(p.unit), at: instantParam(p.atMs) }) : reason('rules.platelets.none');
}

function aspirinReason(ctx: RuleContext, active: RuleContext['aspirin']): RulesReason {
  if (active.length > 0) return reason('rules.delivery.aspirin-ordered', { orders: active.map((a) => a.description).join('; ') });
  return ctx.medicationsComplete ? reason('rules.delivery.aspirin-none') : reason('rules.delivery.aspirin-unknown');
}

function allergyReason(ctx: RuleContext, present: RuleContext['heparinAllergyOrHit']): RulesReason {
  if (present.length > 0) {
    return reason('rules.delivery.allergy-recorded', { facts: joinedParam(present.map((f) => reason('rules.delivery.allergy-fact', { label: f.label, unclear: f.status === 'unclear' }))) });
  }
  return ctx.allergiesComplete ? reason('rules.delivery.allergy-none') : reason('rules.delivery.allergy-unknown');
}

function deliveryFacts(ctx: RuleContext): DeliveryFacts {
  const aspirinActive = ctx.aspirin.filter((a) => a.active);
  const present = ctx.heparinAllergyOrHit.filter((f) => f.status !== 'tested-negative');
  const facts: DeliveryFacts = {
    platelets: plateletReason(ctx),
    aspirin: aspirinReason(ctx, aspirinActive),
    aspirinSources: aspirinActive.map((a) => a.source),
    heparinAllergyOrHit: allergyReason(ctx, present),
    allergySources: present.map((f) => f.source),
  };
  if (ctx.latestPlatelets) facts.plateletsSource = ctx.latestPlatelets.source;
  return facts;
}

const ruleApplies = (r: Rule, cls: PlannedEventClass): boolean => {
  if (r.kind === 'stop-before-event') return r.parameters.eventClasses.includes(cls);
  if (r.kind === 'note') return r.parameters.eventClasses?.includes(cls) ?? false;
  return false;
};

/** The card before any rule is applied: when, countdown, dose class, orders, last dose. */
function cardFrame(event: RuleEvent, ctx: RuleContext, anchor: Anchor, orders: RuleOrder[], current: RuleOrder[]): EventCard {
  const E = anchor.anchorMs;
  const { doseClass, reason: doseWhy } = governingDoseClass(current.length > 0 ? current : orders);
  const card: EventCard = {
    event,
    applies: isPlanned(event.class),
    anchorMs: E,
    anchorDateOnly: E !== null && anchor.dateOnly,
    countdownMs: E === null ? null : E - ctx.nowMs,
    doseClass,
    doseClassReason: doseWhy,
    deadlines: [],
    differences: [],
    restart: [],
    notes: [],
    orders,
  };
  if (E === null) card.noAnchorReason = anchor.reason ?? reason('rules.anchor.no-date');
  const last = lastDoseBefore(ctx.doses, ctx.nowMs);
  if (last) card.lastDose = last;
  return card;
}

/** Stop lines (numbers usable) and notes of the rules that apply to this event class and dose class. */
function applyStopRules(card: EventCard, cls: PlannedEventClass, ctx: RuleContext, anchor: Anchor): void {
  for (const rule of ALL_RULES) {
    if (!ruleApplies(rule, cls)) continue;
    if (rule.kind === 'stop-before-event') {
      const forClass = rule.parameters.doseClasses === 'any' || rule.parameters.doseClasses.includes(card.doseClass);
      if (!forClass) continue;
      if (numbersUsable(rule)) card.deadlines.push(deadlineLine(rule, ctx, anchor, card.orders, card.doseClass, card.doseClassReason));
      else card.notes.push(infoLine(rule));
    } else if (rule.kind === 'note') {
      card.notes.push(infoLine(rule));
    }
  }
}

/** The platelet count before a block (ASRA, heparin > 4 days), with the heparin duration and the latest count. */
function plateletsBeforeBlockNote(ctx: RuleContext, orders: RuleOrder[], E: number | null) {
  const days = E === null ? undefined : heparinDaysBefore(orders, E);
  const p = ASRA_PLATELETS_BEFORE_BLOCK.parameters;
  const over = p.topic === 'platelets-before-block' ? p.heparinDaysOver : 4;
  const heparin = days === undefined ? reason('rules.heparin-days.unknown') : reason('rules.heparin-days.known', { days: Math.floor(days), over, isOver: days > over });
  const detail = reason('rules.platelets-before-block.detail', { heparin: reasonParam(heparin), platelets: reasonParam(plateletReason(ctx)) });
  return infoLine(ASRA_PLATELETS_BEFORE_BLOCK, detail, ctx.latestPlatelets ? [ctx.latestPlatelets.source] : []);
}

/** Restart information; the postnatal duration belongs with it on delivery cards, not with the general notes. */
function applyRestartRules(card: EventCard, cls: PlannedEventClass): void {
  for (const rule of ALL_RULES) {
    if (rule.kind === 'restart-after') {
      if (rule.parameters.after === 'delivery' && !isDelivery(cls)) continue;
      card.restart.push(infoLine(rule));
    } else if (rule.kind === 'note' && rule.parameters.topic === 'postnatal-duration' && isDelivery(cls)) {
      card.notes = card.notes.filter((n) => n.ruleId !== rule.id);
      card.restart.push(infoLine(rule));
    }
  }
}

/** Evaluates one event into its card. Total: an event without a date gives a card whose lines are Unknown. */
export function evaluateEvent(event: RuleEvent, ctx: RuleContext): EventCard {
  const anchor = eventAnchor(event.when, ctx.zone);
  const E = anchor.anchorMs;
  const orders = ordersForEvent(ctx, E);
  const current = orders.filter((o) => isCurrentAt(o, E === null ? ctx.nowMs : Math.min(ctx.nowMs, E)) || o.status === 'unknown');
  const card = cardFrame(event, ctx, anchor, orders, current);
  if (!isPlanned(event.class)) {
    card.notApplicableReason = reason(event.class === 'embryo-transfer' ? 'rules.not-applicable.embryo-transfer' : 'rules.not-applicable.other');
    return card;
  }
  const cls = event.class;
  if (ctx.noLmwhInRecord === true && !event.enteredHere) {
    // "No LMWH order found" is not a reason to stop anything: no deadline, and the card says why.
    card.noLmwhOrderReason = reason('rules.card.no-lmwh-order');
  } else {
    applyStopRules(card, cls, ctx, anchor);
  }
  card.differences = differences(card.deadlines, cls);
  card.notes.push(plateletsBeforeBlockNote(ctx, current.length > 0 ? current : orders, E));
  applyRestartRules(card, cls);
  if (isDelivery(cls)) card.delivery = deliveryFacts(ctx);
  return card;
}

/** Cards for every event in the record (and what-if events), soonest first; undated events last. */
export function eventCards(ctx: RuleContext): EventCard[] {
  return ctx.events
    .map((e) => evaluateEvent(e, ctx))
    .sort((a, b) => (a.anchorMs ?? Number.POSITIVE_INFINITY) - (b.anchorMs ?? Number.POSITIVE_INFINITY));
}

/**
 * The EDD without a scheduled delivery: no countdown (spontaneous labour is not a planned event); says what applies.
 * null when there is no EDD, the pregnancy has ended, or a delivery (caesarean / induction) with a date is planned.
 */
export function eddInfoCard(ctx: RuleContext): EddInfoCard | null {
  const p = ctx.pregnancy;
  if (!p || p.eddMs === undefined || !Number.isFinite(p.eddMs) || p.endedMs !== undefined) return null;
  const planned = ctx.events.some((e) => isDelivery(e.class) && eventAnchor(e.when, ctx.zone).anchorMs !== null);
  if (planned) return null;
  const card: EddInfoCard = {
    eddMs: p.eddMs,
    lines: [
      infoLine(SOURCE_STOP_GENITAL_BLEEDING),
      infoLine(RCOG_STOP_BLEEDING_OR_LABOUR),
      infoLine(SOURCE_STOP_48H_BEFORE_PLANNED_BIRTH, reason('rules.edd.applies-to-planned-birth')),
      infoLine(ACOG_UFH_SWITCH_OPTIONAL),
      infoLine(SOAP_NEURAXIAL_CONSENSUS),
    ],
  };
  if (p.gaDaysToday !== undefined && Number.isFinite(p.gaDaysToday)) card.gaDays = p.gaDaysToday;
  if (p.datingSource) card.datingSource = p.datingSource;
  if (p.eddSource) card.eddSource = p.eddSource;
  return card;
}
