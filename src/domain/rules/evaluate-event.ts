/**
 * The event evaluator: for one planned event, the countdown, one line per applicable stop rule with its deadline and
 * status, the differences between the source and the guidelines, restart information and notes. Deadlines are the
 * event instant minus the rule's hours on absolute time (epoch ms), shown in the facility zone with the offset.
 */
import { DateTime } from 'luxon';
import { DAY_MS, formatDate, formatDateTime, HOUR_MS, isValidZone, toIsoInZone } from '../time';
import { ACOG_UFH_SWITCH_OPTIONAL } from './acog';
import { ASRA_NEURAXIAL_PROPHYLACTIC, ASRA_NEURAXIAL_THERAPEUTIC, ASRA_PLATELETS_BEFORE_BLOCK } from './asra-2018';
import { countdownText, eventAnchor, governingDoseClass, infoLine, isCurrentAt, lastDoseBefore, lmwhDoses, lmwhOrders, lmwhPlans } from './ruleCommon';
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

/** One order read against a limit (a deadline, or the event itself when the rule gives no interval). */
export function readOrder(o: RuleOrder, limitMs: number, limitName: string, nowMs: number, zone: string): OrderReading {
  const at = (ms: number) => formatDateTime(ms, zone);
  if (o.endMs !== undefined && o.endMs <= limitMs) return { order: o, verdict: 'ends', reason: `ends ${at(o.endMs)}, at or before ${limitName}` };
  if (o.status === 'completed' || o.status === 'stopped') {
    if (nowMs <= limitMs) return { order: o, verdict: 'ends', reason: `${o.status} already (now is before ${limitName})` };
    return { order: o, verdict: 'unknown', reason: `${o.status}, but the record does not show whether that was before ${limitName}` };
  }
  if (o.status === 'on-hold' || o.onHold) {
    if (o.onHoldSinceMs !== undefined) {
      return o.onHoldSinceMs <= limitMs
        ? { order: o, verdict: 'ends', reason: `on hold since ${at(o.onHoldSinceMs)}, before ${limitName}` }
        : { order: o, verdict: 'runs-past', reason: `put on hold ${at(o.onHoldSinceMs)}, after ${limitName}` };
    }
    if (nowMs <= limitMs) return { order: o, verdict: 'ends', reason: `on hold now, before ${limitName} (since when is not recorded)` };
    return { order: o, verdict: 'unknown', reason: `on hold, but since when is not recorded` };
  }
  if (o.status === 'active') {
    return o.endMs === undefined
      ? { order: o, verdict: 'runs-past', reason: `active with no end date: runs past ${limitName}` }
      : { order: o, verdict: 'runs-past', reason: `runs until ${at(o.endMs)}, past ${limitName}` };
  }
  return { order: o, verdict: 'unknown', reason: 'the order status is not recorded' };
}

const describe = (r: OrderReading): string => `${r.order.description}: ${r.reason}`;

/** The four statuses, from the order readings and the completeness of the medication search. */
export function aggregateStatus(readings: OrderReading[], ctx: Pick<RuleContext, 'medicationsComplete' | 'medicationsReason' | 'orders'>): { status: StopStatus; statusReason: string } {
  const incomplete = `The medication search was incomplete or unavailable${ctx.medicationsReason ? ` (${ctx.medicationsReason})` : ''}`;
  const runsPast = readings.filter((r) => r.verdict === 'runs-past');
  if (runsPast.length > 0) {
    const tail = ctx.medicationsComplete ? '' : ` ${incomplete}, so further orders may be missing.`;
    return { status: 'Stop not documented', statusReason: `${runsPast.map(describe).join('; ')}.${tail}` };
  }
  if (!ctx.medicationsComplete) return { status: 'Unknown', statusReason: `${incomplete}: a stop cannot be confirmed and "no order" cannot be said.` };
  if (readings.length === 0) {
    const plans = lmwhPlans(ctx).length;
    const planText = plans > 0 ? ` ${plans} LMWH plan or proposal${plans > 1 ? 's are' : ' is'} in the record: a plan or proposal is not an order.` : '';
    return { status: 'No LMWH order found', statusReason: `The medication search was complete and found no LMWH order.${planText} No order found does not prove that no LMWH is taken.` };
  }
  const unknowns = readings.filter((r) => r.verdict === 'unknown');
  if (unknowns.length > 0) return { status: 'Unknown', statusReason: `${unknowns.map(describe).join('; ')}.` };
  return { status: 'Stop documented', statusReason: `${readings.map(describe).join('; ')}.` };
}

function intervalReason(rule: StopBeforeEventRule, doseClass: RuleDoseClass, why: string): string | undefined {
  if (rule.parameters.doseClasses === 'any') return undefined;
  const h = rule.parameters.hoursBefore;
  if (doseClass === 'unknown') return `Dose class unknown (${why}): the longest guideline interval (${h} h) is used.`;
  if (doseClass === 'intermediate')
    return `Intermediate dose (${why}): the verified reference gives intervals for prophylactic and therapeutic doses only, so the longest (${h} h) is used.`;
  return `${doseClass[0]?.toUpperCase()}${doseClass.slice(1)} dose (${why}).`;
}

function dateOnlyNote(anchorMs: number, deadlineMs: number, hours: number, zone: string): string {
  const z = isValidZone(zone) ? zone : 'UTC';
  const base = `The event has a date but no time (${formatDate(anchorMs, z)}): it counts from the start of that day in ${z} (${formatDateTime(anchorMs, z)}), so ${hours} h before is ${formatDateTime(deadlineMs, z)}`;
  const wall = DateTime.fromMillis(deadlineMs, { zone: z });
  if (wall.hour === 0 && wall.minute === 0 && hours % 24 === 0) return `${base} (00:00, ${hours / 24} days before).`;
  return `${base}. The clocks change in between, so this is not midnight on the wall clock: the deadline is exactly ${hours} h before.`;
}

function deadlineLine(rule: StopBeforeEventRule, ctx: RuleContext, anchor: ReturnType<typeof eventAnchor>, orders: RuleOrder[], doseClass: RuleDoseClass, why: string): DeadlineLine {
  const hours = rule.parameters.hoursBefore;
  const base = { ruleId: rule.id, ruleVersion: rule.version, source: rule.source, wording: rule.wording, hoursBefore: hours };
  const reason = intervalReason(rule, doseClass, why);
  const withReason = reason ? { intervalReason: reason } : {};
  if (anchor.anchorMs === null) {
    return {
      ...base,
      ...withReason,
      deadlineMs: null,
      deadlineIsoInZone: null,
      deadlineText: `No deadline: ${anchor.reason ?? 'no event date'}.`,
      status: 'Unknown',
      statusReason: `No deadline can be computed: ${anchor.reason ?? 'no event date'}.`,
      orders: [],
      dosesAfterDeadline: [],
    };
  }
  const E = anchor.anchorMs;
  if (hours === null) {
    const readings = orders.map((o) => readOrder(o, E, 'the event', ctx.nowMs, ctx.zone));
    const agg = aggregateStatus(readings, ctx);
    return {
      ...base,
      ...withReason,
      deadlineMs: null,
      deadlineIsoInZone: null,
      deadlineText: `The source gives no interval: it says only "before any surgery". The guideline intervals for the dose class are shown beside it.`,
      ...agg,
      statusReason: `Read against the event itself, since the source gives no interval. ${agg.statusReason}`,
      orders: readings,
      dosesAfterDeadline: [],
    };
  }
  const D = E - hours * HOUR_MS;
  const readings = orders.map((o) => readOrder(o, D, 'the deadline', ctx.nowMs, ctx.zone));
  const line: DeadlineLine = {
    ...base,
    ...withReason,
    deadlineMs: D,
    deadlineIsoInZone: toIsoInZone(D, ctx.zone),
    deadlineText: `Last dose no later than ${formatDateTime(D, ctx.zone)}`,
    ...aggregateStatus(readings, ctx),
    orders: readings,
    dosesAfterDeadline: lmwhDoses(ctx.doses)
      .filter((d) => d.atMs > D && d.atMs < E)
      .sort((a, b) => a.atMs - b.atMs),
  };
  if (anchor.dateOnly) line.dateOnlyNote = dateOnlyNote(E, D, hours, ctx.zone);
  return line;
}

function differences(lines: DeadlineLine[], cls: PlannedEventClass): string[] {
  const p = ASRA_NEURAXIAL_PROPHYLACTIC.parameters.hoursBefore;
  const t = ASRA_NEURAXIAL_THERAPEUTIC.parameters.hoursBefore;
  const guide = lines.find((l) => l.source.name === 'ASRA 2018' && l.hoursBefore !== null);
  const src = lines.find((l) => l.source.kind === 'source-article');
  if (!guide || !src) return [];
  const used = `this card's guideline line uses ${guide.hoursBefore} h for the dose class`;
  if (src.hoursBefore === null) {
    return [`The source gives no interval before surgery; ASRA 2018 gives ${p} h/${t} h (prophylactic/therapeutic dose) before a neuraxial block; ${used}.`];
  }
  if (isDelivery(cls) && src.hoursBefore > (t ?? 0)) {
    return [`The source's ${src.hoursBefore} h is stricter than the ${p} h/${t} h in ASRA 2018 (prophylactic/therapeutic dose, before a neuraxial block); ${used}. Both are shown, not merged.`];
  }
  return [];
}

/** Days of heparin before the event, from the earliest current order start. */
function heparinDaysBefore(orders: RuleOrder[], E: number): number | undefined {
  const starts = orders.map((o) => o.startMs).filter((s): s is number => s !== undefined && s <= E);
  if (starts.length === 0) return undefined;
  return (E - Math.min(...starts)) / DAY_MS;
}

function plateletText(ctx: RuleContext): string {
  const p = ctx.latestPlatelets;
  return p ? `Latest platelet count ${p.value} ${p.unit} on ${formatDateTime(p.atMs, ctx.zone)}` : 'No platelet count found in the record';
}

function deliveryFacts(ctx: RuleContext): DeliveryFacts {
  const aspirinActive = ctx.aspirin.filter((a) => a.active);
  const aspirin =
    aspirinActive.length > 0
      ? `Aspirin ordered alongside: ${aspirinActive.map((a) => a.description).join('; ')}`
      : ctx.medicationsComplete
        ? 'No active aspirin order found'
        : 'Aspirin: unknown (the medication search was incomplete)';
  const present = ctx.heparinAllergyOrHit.filter((f) => f.status !== 'tested-negative');
  const allergy =
    present.length > 0
      ? `In the record: ${present.map((f) => `${f.label}${f.status === 'unclear' ? ' (unclear)' : ''}`).join('; ')}`
      : ctx.allergiesComplete
        ? 'No heparin allergy or heparin-induced thrombocytopenia (HIT) recorded'
        : 'Heparin allergy / HIT: unknown (the allergy and condition search was incomplete)';
  const facts: DeliveryFacts = {
    platelets: plateletText(ctx),
    aspirin,
    aspirinSources: aspirinActive.map((a) => a.source),
    heparinAllergyOrHit: allergy,
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

/** Evaluates one event into its card. Total: an event without a date gives a card whose lines are Unknown. */
export function evaluateEvent(event: RuleEvent, ctx: RuleContext): EventCard {
  const anchor = eventAnchor(event.when, ctx.zone);
  const E = anchor.anchorMs;
  const orders = ordersForEvent(ctx, E);
  const current = orders.filter((o) => isCurrentAt(o, E === null ? ctx.nowMs : Math.min(ctx.nowMs, E)) || o.status === 'unknown');
  const { doseClass, reason: doseWhy } = governingDoseClass(current.length > 0 ? current : orders);
  const card: EventCard = {
    event,
    applies: isPlanned(event.class),
    anchorMs: E,
    anchorText: E === null ? `Date unknown: ${anchor.reason}` : anchor.dateOnly ? `${formatDate(E, ctx.zone)} (date only; counts from ${formatDateTime(E, ctx.zone)})` : formatDateTime(E, ctx.zone),
    countdownMs: E === null ? null : E - ctx.nowMs,
    countdownText: E === null ? 'No countdown: the event has no usable date' : countdownText(E - ctx.nowMs),
    doseClass,
    doseClassReason: doseWhy,
    deadlines: [],
    differences: [],
    restart: [],
    notes: [],
    orders,
  };
  if (event.enteredHere) card.enteredHereNote = 'Entered here, not in the record.';
  const last = lastDoseBefore(ctx.doses, ctx.nowMs);
  if (last) card.lastDose = last;
  if (!isPlanned(event.class)) {
    card.notApplicableReason =
      event.class === 'embryo-transfer'
        ? 'Neither the source nor the guidelines used here give a stop rule before an embryo transfer.'
        : 'No stop rule here applies to this kind of event.';
    return card;
  }
  const cls = event.class;
  for (const rule of ALL_RULES) {
    if (!ruleApplies(rule, cls)) continue;
    if (rule.kind === 'stop-before-event') {
      const forClass = rule.parameters.doseClasses === 'any' || rule.parameters.doseClasses.includes(doseClass);
      if (!forClass) continue;
      if (numbersUsable(rule)) card.deadlines.push(deadlineLine(rule, ctx, anchor, orders, doseClass, doseWhy));
      else card.notes.push(infoLine(rule));
    } else if (rule.kind === 'note') {
      card.notes.push(infoLine(rule));
    }
  }
  card.differences = differences(card.deadlines, cls);
  // Platelet count before a block (ASRA, heparin > 4 days).
  const days = E === null ? undefined : heparinDaysBefore(current.length > 0 ? current : orders, E);
  const p = ASRA_PLATELETS_BEFORE_BLOCK.parameters;
  const over = p.topic === 'platelets-before-block' ? p.heparinDaysOver : 4;
  const heparinText =
    days === undefined ? 'Heparin duration before the event: unknown (no order start date)' : `Heparin for ${Math.floor(days)} days before the event by the earliest order start${days > over ? ` (more than ${over} days)` : ''}`;
  card.notes.push(infoLine(ASRA_PLATELETS_BEFORE_BLOCK, `${heparinText}. ${plateletText(ctx)}.`, ctx.latestPlatelets ? [ctx.latestPlatelets.source] : []));
  // Restart information.
  for (const rule of ALL_RULES) {
    if (rule.kind === 'restart-after') {
      if (rule.parameters.after === 'delivery' && !isDelivery(cls)) continue;
      card.restart.push(infoLine(rule));
    } else if (rule.kind === 'note' && rule.parameters.topic === 'postnatal-duration' && isDelivery(cls)) {
      // Postnatal duration belongs with restart information, not the general notes.
      card.notes = card.notes.filter((n) => n.ruleId !== rule.id);
      card.restart.push(infoLine(rule));
    }
  }
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
  const ga = p.gaDaysToday;
  const card: EddInfoCard = {
    eddMs: p.eddMs,
    eddText: `Estimated date of delivery ${formatDate(p.eddMs, ctx.zone)}`,
    gaText: ga === undefined || !Number.isFinite(ga) ? 'Gestational age today: unknown' : `Gestational age today: ${Math.floor(ga / 7)}+${Math.floor(ga % 7)} weeks`,
    datingSource: p.datingSource ?? 'Dating source not recorded',
    noCountdownReason:
      'No planned caesarean section or induction with a date was found. Spontaneous labour is not a planned event, so no countdown or deadline is shown.',
    lines: [
      infoLine(SOURCE_STOP_GENITAL_BLEEDING),
      infoLine(RCOG_STOP_BLEEDING_OR_LABOUR),
      infoLine(SOURCE_STOP_48H_BEFORE_PLANNED_BIRTH, 'This applies to a planned caesarean section or childbirth; none with a date is in the record.'),
      infoLine(ACOG_UFH_SWITCH_OPTIONAL),
      infoLine(SOAP_NEURAXIAL_CONSENSUS),
    ],
  };
  if (p.eddSource) card.eddSource = p.eddSource;
  return card;
}
