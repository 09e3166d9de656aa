/**
 * The plan of one record, wired from the parts the record builder already computed: the LMWH order the plan strip
 * shows, each event card's deadlines on that order's injection schedule, the red flags once per record, and the
 * indications as the source lists them. Pure; codes, numbers and SourceRefs only.
 */
import type { RecordInput } from '../input';
import { resourcesOfType } from '../input';
import type { LmwhOrder, RecordedDose } from '../medication/medicationTypes';
import type { RegimenClass } from '../medication/regimen';
import type { HitPatternResult } from '../monitoring';
import type { EventCard, StopNowTrigger } from '../rules';
import type { IndicationFact } from '../rules/context';
import type { SourceRef } from '../types';
import { DAY_MS } from '../time';
import { ivfCycleFromRecord, pregnancyConfirmation } from '../ivf';
import type { UnitConverter } from '../labs';
import { deadlinesOnSchedule, type DeadlinesOnSchedule, type ScheduleDeadline } from './deadlinesOnSchedule';
import { injectionSchedule, scheduleDoses, type InjectionSchedule } from './injectionSchedule';
import { FLAG_READS, redFlags, type ConfirmationSlice, type FactSlice, type LabValueSlice, type RedFlag } from './redFlags';
import { indicationsAsSourceLists, type DdimerSlice, type SourceIndicationsResult } from './sourceIndications';

/** The order the strip shows, with its regimen class and reason as written (resolved against the record when it can). */
export interface PlanOrder {
  /** Index into record.medication.orders. */
  index: number;
  order: LmwhOrder;
  regimen: RegimenClass;
  /** 'active' now, or 'unknown' (status or dates unclear): never a guess that it is in force. */
  state: 'active' | 'unknown';
  reasons: PlanOrderReason[];
}

/** The order's reason: a code/text as written, or a referenced record (its text when the record holds it). */
export type PlanOrderReason =
  | { kind: 'code'; text?: string; code?: string; system?: string }
  | { kind: 'reference'; reference?: string; display?: string; resolved?: { text: string; atMs?: number; source: SourceRef } };

/** One event card's deadlines on the injection schedule (index-aligned with record.rules.cards). */
export interface CardPlan {
  cardIndex: number;
  schedule: InjectionSchedule;
  onSchedule: DeadlinesOnSchedule;
}

export interface RecordPlan {
  order: PlanOrder | undefined;
  /** No LMWH order at all (as distinct from one that is not current); the medication searches' completeness says if "none" is sure. */
  noLmwhOrder: boolean;
  medicationsComplete: boolean;
  /** The latest LMWH dose at or before now (administered, reported or dispensed). */
  lastDose: RecordedDose | undefined;
  /** Index into record.rules.cards of the next dated planned event (else the first planned one); undefined without any. */
  nextCardIndex: number | undefined;
  cards: CardPlan[];
  redFlags: RedFlag[];
  indications: SourceIndicationsResult;
}

/** What the plan reads from the built record (narrow on purpose: the record builder passes its parts). */
export interface RecordPlanInput {
  input: RecordInput;
  nowMs: number;
  zone: string;
  units: UnitConverter;
  orders: readonly { order: LmwhOrder; regimen: RegimenClass; activeNow: { state: 'active' | 'inactive' | 'unknown' } }[];
  doses: readonly RecordedDose[];
  medicationsComplete: boolean;
  aspirin: readonly { active: boolean; source: SourceRef }[];
  cards: readonly EventCard[];
  triggers: readonly StopNowTrigger[];
  facts: readonly (FactSlice & { when?: { start: number } })[];
  indicationFacts: readonly IndicationFact[];
  ddimer: readonly DdimerSlice[];
  pregnancies: readonly { startMs: number; endMs?: number }[];
  labs: { creatinineClearance?: LabValueSlice; egfr?: LabValueSlice; platelets?: LabValueSlice };
  hit: HitPatternResult;
  latestWeight?: { kg: number; atMs: number; source: SourceRef };
}

/** The LMWH order the strip shows: an active order, else one whose state is unknown; the latest start first. */
export function planOrderIndex(orders: RecordPlanInput['orders']): number | undefined {
  const candidates = orders
    .map((o, index) => ({ o, index }))
    .filter(({ o }) => o.order.drugClass === 'lmwh' && o.order.isOrder && o.activeNow.state !== 'inactive');
  const startOf = (o: LmwhOrder) => (o.start.known ? o.start.value.ms : -Infinity);
  candidates.sort((a, b) => (a.o.activeNow.state === b.o.activeNow.state ? startOf(b.o.order) - startOf(a.o.order) : a.o.activeNow.state === 'active' ? -1 : 1));
  return candidates[0]?.index;
}

function orderReasons(order: LmwhOrder, input: RecordInput): PlanOrderReason[] {
  const conditions = resourcesOfType(input, 'Condition');
  const codes: PlanOrderReason[] = (order.reasonCodes ?? []).map((c) => ({ kind: 'code', ...c }));
  const refs: PlanOrderReason[] = (order.reasonReferences ?? []).map((r) => {
    const id = r.reference?.startsWith('Condition/') ? r.reference.slice('Condition/'.length) : undefined;
    const c = id !== undefined ? conditions.find((x) => x.id === id) : undefined;
    const text = c?.code?.text ?? c?.code?.coding?.[0]?.display;
    const onset = c?.onsetDateTime ?? c?.recordedDate;
    const atMs = onset !== undefined && Number.isFinite(Date.parse(onset)) ? Date.parse(onset) : undefined;
    const resolved = c && text ? { text, ...(atMs !== undefined ? { atMs } : {}), source: { resourceType: 'Condition', id: c.id, ...(onset ? { date: onset } : {}), original: text } } : undefined;
    return { kind: 'reference', ...r, ...(resolved ? { resolved } : {}) };
  });
  return [...codes, ...refs];
}

/** The next dated planned event after now, else the first planned card (undated). */
export function nextCardIndex(cards: readonly EventCard[], nowMs: number): number | undefined {
  const dated = cards.findIndex((c) => c.applies && c.anchorMs !== null && c.anchorMs > nowMs);
  if (dated >= 0) return dated;
  const planned = cards.findIndex((c) => c.applies && c.anchorMs === null);
  return planned >= 0 ? planned : undefined;
}

function cardPlans(p: RecordPlanInput, order: PlanOrder | undefined): CardPlan[] {
  if (!order) return [];
  const o = order.order;
  return p.cards.flatMap((card, cardIndex) => {
    if (!card.applies || card.anchorMs === null || card.anchorMs <= p.nowMs) return [];
    const schedule = injectionSchedule({
      timing: o.timing,
      frequency: o.frequency,
      asNeeded: o.asNeeded,
      ...(o.start.known ? { orderStartMs: o.start.value.ms } : {}),
      ...(o.end.known ? { orderEndMs: o.end.value.ms } : {}),
      doses: scheduleDoses(p.doses, o.drug),
      fromMs: p.nowMs,
      untilMs: card.anchorMs,
      zone: p.zone,
    });
    const deadlines: ScheduleDeadline[] = card.deadlines.map((d) => ({ id: d.ruleId, role: d.source.kind === 'source-article' ? 'source' : 'guideline', atMs: d.deadlineMs }));
    return [{ cardIndex, schedule, onSchedule: deadlinesOnSchedule(schedule, deadlines, p.nowMs) }];
  });
}

function confirmationSlice(p: RecordPlanInput): ConfirmationSlice {
  const cycle = ivfCycleFromRecord(p.input, { nowMs: p.nowMs, zone: p.zone, units: p.units });
  const lmwh = p.orders.filter((o) => o.order.drugClass === 'lmwh' && o.order.isOrder).map((o) => o.order);
  const c = pregnancyConfirmation(cycle, lmwh, p.nowMs, p.zone);
  return {
    status: c.status,
    ...(c.transfer ? { transfer: { atMs: c.transfer.atMs, source: c.transfer.source } } : {}),
    ...(c.daysSinceTransfer !== undefined ? { daysSinceTransfer: c.daysSinceTransfer } : {}),
    ...(c.plannedHcgTest ? { plannedHcgTest: { atMs: c.plannedHcgTest.atMs, source: c.plannedHcgTest.source } } : {}),
    ...(c.decisive ? { decisive: { atMs: c.decisive.atMs, source: c.decisive.source } } : {}),
    ...(c.lmwhAfterNegative ? { lmwhAfterNegative: { state: c.lmwhAfterNegative.state, orders: c.lmwhAfterNegative.orders } } : {}),
  };
}

const complete = (input: RecordInput, groups: readonly string[]): boolean =>
  groups.every((g) => {
    const r = (input.groups as Record<string, { status: string } | undefined>)[g];
    return r === undefined || r.status === 'complete';
  });

function lastDoseNow(doses: readonly RecordedDose[], nowMs: number): RecordedDose | undefined {
  let best: RecordedDose | undefined;
  for (const d of doses) {
    if (d.drugClass !== 'lmwh' || !d.time.known || d.time.value.ms > nowMs) continue;
    if (!best || (best.time.known && d.time.value.ms > best.time.value.ms)) best = d;
  }
  return best;
}

/** The order's injections over the next two days (for "next scheduled dose" when no planned event gives a window). */
function nearSchedule(p: RecordPlanInput, o: LmwhOrder): InjectionSchedule {
  return injectionSchedule({
    timing: o.timing,
    frequency: o.frequency,
    asNeeded: o.asNeeded,
    ...(o.start.known ? { orderStartMs: o.start.value.ms } : {}),
    ...(o.end.known ? { orderEndMs: o.end.value.ms } : {}),
    doses: scheduleDoses(p.doses, o.drug),
    fromMs: p.nowMs,
    untilMs: p.nowMs + 2 * DAY_MS,
    zone: p.zone,
  });
}

/** The plan of the record: the strip's order, each card's deadlines on its schedule, red flags, indications. */
export function recordPlan(p: RecordPlanInput): RecordPlan {
  const idx = planOrderIndex(p.orders);
  const chosen = idx !== undefined ? p.orders[idx] : undefined;
  const order: PlanOrder | undefined =
    idx !== undefined && chosen ? { index: idx, order: chosen.order, regimen: chosen.regimen, state: chosen.activeNow.state === 'active' ? 'active' : 'unknown', reasons: orderReasons(chosen.order, p.input) } : undefined;
  const cards = cardPlans(p, order);
  const next = nextCardIndex(p.cards, p.nowMs);
  const lastDose = lastDoseNow(p.doses, p.nowMs);
  const nextSchedule = cards.find((c) => c.cardIndex === next)?.schedule ?? (order ? nearSchedule(p, order.order) : undefined);
  const flags = redFlags({
    bleeding: {
      triggers: p.triggers.map((t) => ({ kind: t.kind, fact: { ...(t.fact.atMs !== undefined ? { atMs: t.fact.atMs } : {}), source: t.fact.source } })),
      // Bleeding is recorded as a Condition (Observations give only lab findings): the Condition search decides.
      conditionsComplete: complete(p.input, FLAG_READS.bleeding.filter((g) => !g.startsWith('medication'))),
      ...(lastDose && lastDose.time.known ? { lastDose: { atMs: lastDose.time.value.ms, source: lastDose.source } } : {}),
      ...(nextSchedule ? { schedule: nextSchedule } : {}),
    },
    renal: { ...(p.labs.creatinineClearance ? { creatinineClearance: p.labs.creatinineClearance } : {}), ...(p.labs.egfr ? { egfr: p.labs.egfr } : {}), lmwhCurrent: order !== undefined },
    platelets: { ...(p.labs.platelets ? { latest: p.labs.platelets } : {}), hit: p.hit },
    aps: { facts: p.facts, aspirin: p.aspirin, findingsComplete: complete(p.input, ['conditions', 'observations-findings']), medicationsComplete: p.medicationsComplete },
    ivf: confirmationSlice(p),
    weight: { regimen: order?.regimen, ...(p.latestWeight ? { latestWeight: p.latestWeight } : {}), nowMs: p.nowMs },
    groups: p.input.groups,
    loading: p.input.loading ?? [],
  });
  const indications = indicationsAsSourceLists({
    facts: p.indicationFacts.filter((f) => f.kind !== 'raised-d-dimer'),
    ddimer: p.ddimer,
    pregnancies: p.pregnancies,
    pregnanciesKnown: p.pregnancies.length > 0,
  });
  const anyLmwh = p.orders.some((o) => o.order.drugClass === 'lmwh');
  return { order, noLmwhOrder: !anyLmwh, medicationsComplete: p.medicationsComplete, lastDose, nextCardIndex: next, cards, redFlags: flags, indications };
}
