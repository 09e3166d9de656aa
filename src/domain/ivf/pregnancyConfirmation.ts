/**
 * Pregnancy confirmation after an embryo transfer. Until a positive hCG (or a recorded pregnancy status or an
 * ultrasound that confirms it) the pregnancy is NOT confirmed: a gestational age may only be shown as "if pregnant".
 * After a positive test the gestation counts from the transfer: GA at transfer = 14 days + embryo age in days (the ART
 * dating convention of ACOG Committee Opinion 700; PARTIAL in docs/clinical-reference.md). A negative test ends the
 * cycle, and an LMWH order still in force is flagged for review.
 */
import { DAY_MS, startOfDay } from '../time';
import { known, type Known } from '../types';
import type { LmwhOrder } from '../medication';
import { lmwhActiveAt } from './ivfLmwh';
import { ivfReason, unknownBecause } from './ivfRead';
import { dateParam } from '../reasons';
import type { ConfirmationEvidence, CycleStep, EmbryoTransfer, HcgResult, GestationFromTransfer, IvfCycle, IvfReason, LmwhAfterNegative, PregnancyConfirmation } from './ivfTypes';

/**
 * An hCG this many calendar days or fewer after an hCG trigger may measure the injected hCG, not a pregnancy (an
 * exogenous 5,000-10,000 IU or 250 microgram dose can stay measurable for about 10-14 days, and turns a urine or serum
 * pregnancy test positive as well as a measured level): it is shown as "possibly the trigger" and never confirms a
 * pregnancy. An app parameter with a safety margin, not a guideline number.
 */
export const HCG_TRIGGER_WINDOW_DAYS = 14;

/** Days added to the embryo age for the gestational age at transfer (two weeks, as from a menstrual period). */
export const GA_AT_TRANSFER_BASE_DAYS = 14;

/** Whole calendar days from one instant's date to another's, in the zone (DST-safe). */
export function calendarDaysBetween(fromMs: number, toMs: number, zone: string): number {
  return Math.round((startOfDay(toMs, zone) - startOfDay(fromMs, zone)) / DAY_MS);
}

/** Gestational age at `nowMs` from the transfer date and the embryo age (days). */
export function gestationFromTransfer(transferMs: number, embryoAgeDays: number, nowMs: number, zone: string): GestationFromTransfer {
  const atTransferDays = GA_AT_TRANSFER_BASE_DAYS + embryoAgeDays;
  return { days: atTransferDays + calendarDaysBetween(transferMs, nowMs, zone), atTransferDays, transferMs, embryoAgeDays };
}

/**
 * Every record taken after the transfer that says whether she is pregnant, oldest first. Strictly after: a status
 * "not pregnant" checked before the procedure on the transfer day says nothing about this transfer.
 */
export function evidenceAfter(cycle: IvfCycle, transferMs: number, zone: string): ConfirmationEvidence[] {
  const out: ConfirmationEvidence[] = [
    ...cycle.hcg.map((h) => hcgEvidence(h, cycle.hcgTriggers, zone)),
    ...cycle.pregnancyStatus.map(
      (s): ConfirmationEvidence => ({
        kind: 'pregnancy-status',
        outcome: s.answer === 'pregnant' ? 'positive' : s.answer === 'not-pregnant' ? 'negative' : 'not-classified',
        atMs: s.atMs,
        source: s.source,
      }),
    ),
    ...cycle.ultrasound.map((u): ConfirmationEvidence => ({ kind: 'ultrasound', outcome: 'positive', atMs: u.atMs, source: u.source })),
  ];
  return out.filter((e) => e.atMs > transferMs).sort((a, b) => a.atMs - b.atMs);
}

/** The latest hCG trigger at or before a result and within the window, when there is one. */
export function triggerBefore(resultMs: number, triggers: readonly CycleStep[], zone: string): { trigger: CycleStep; days: number } | undefined {
  const before = triggers.filter((t) => t.atMs <= resultMs).at(-1);
  if (!before) return undefined;
  const days = calendarDaysBetween(before.atMs, resultMs, zone);
  return days <= HCG_TRIGGER_WINDOW_DAYS ? { trigger: before, days } : undefined;
}

/**
 * One hCG result as evidence. A result that is not negative, within the window after an hCG trigger, is "possibly the
 * trigger", whether a measured level or a positive/negative (urine or serum) test: both detect the injected hCG. A
 * negative one says the injected hCG has cleared, so it still speaks of the transfer.
 */
function hcgEvidence(h: HcgResult, triggers: readonly CycleStep[], zone: string): ConfirmationEvidence {
  const base: ConfirmationEvidence = { kind: 'hcg', outcome: h.outcome, specimen: h.specimen, scale: h.scale, atMs: h.atMs, source: h.source };
  if (h.outcome === 'negative') return base;
  const t = triggerBefore(h.atMs, triggers, zone);
  if (!t) return base;
  return {
    ...base,
    outcome: 'possibly-trigger',
    testOutcome: h.outcome,
    trigger: t.trigger.source,
    reason: ivfReason('ivf.hcg-possibly-trigger', { days: t.days, trigger: dateParam(t.trigger.atMs), window: HCG_TRIGGER_WINDOW_DAYS, result: h.outcome }),
  };
}

/** The latest positive or negative record; undefined when none, or when records at that instant disagree. */
function decisiveOf(evidence: ConfirmationEvidence[]): ConfirmationEvidence | undefined {
  const decisive = evidence.filter((e) => e.outcome === 'positive' || e.outcome === 'negative');
  const last = decisive[decisive.length - 1];
  if (!last) return undefined;
  const same = decisive.filter((e) => e.atMs === last.atMs);
  return same.every((e) => e.outcome === last.outcome) ? last : undefined;
}

function lmwhAfterNegative(orders: readonly LmwhOrder[], nowMs: number): LmwhAfterNegative {
  if (orders.length === 0) return { state: 'no-order', orders: [], reason: ivfReason('ivf.no-lmwh-order') };
  const states = orders.map((o) => ({ o, s: lmwhActiveAt(o, nowMs) }));
  const active = states.filter((x) => x.s === 'active').map((x) => x.o.source);
  if (active.length) return { state: 'active', orders: active, reason: ivfReason('ivf.lmwh-active-after-negative-hcg', { count: active.length }) };
  const unclear = states.filter((x) => x.s === 'unknown').map((x) => x.o.source);
  if (unclear.length) return { state: 'unknown', orders: unclear, reason: ivfReason('ivf.lmwh-activity-unknown-after-negative-hcg', { count: unclear.length }) };
  return { state: 'not-active', orders: [], reason: ivfReason('ivf.negative-after-transfer') };
}

function statusOf(decisive: ConfirmationEvidence | undefined): { status: PregnancyConfirmation['status']; reason?: IvfReason } {
  if (decisive?.outcome === 'positive') return { status: 'confirmed' };
  if (decisive?.outcome === 'negative') return { status: 'negative', reason: ivfReason('ivf.negative-after-transfer') };
  return { status: 'not-confirmed', reason: ivfReason('ivf.not-confirmed') };
}

function gestation(t: EmbryoTransfer, nowMs: number, zone: string): Known<GestationFromTransfer> {
  if (!t.embryoAge.known) return { known: false, reason: t.embryoAge.reason };
  return known(gestationFromTransfer(t.atMs, t.embryoAge.value.days, nowMs, zone));
}

/** Whether she is pregnant after the latest transfer, with the gestation counted from it. */
export function pregnancyConfirmation(cycle: IvfCycle, lmwhOrders: readonly LmwhOrder[], nowMs: number, zone: string): PregnancyConfirmation {
  if (!cycle.transfer.known) {
    return { status: 'no-transfer', embryoAgeDays: unknownBecause('ivf.no-transfer'), evidence: [], gestation: unknownBecause('ivf.no-transfer'), gestationIsHypothetical: true };
  }
  const t = cycle.transfer.value;
  const evidence = evidenceAfter(cycle, t.atMs, zone);
  const decisive = decisiveOf(evidence);
  const { status, reason } = statusOf(decisive);
  const out: PregnancyConfirmation = {
    status,
    transfer: t,
    daysSinceTransfer: calendarDaysBetween(t.atMs, nowMs, zone),
    embryoAgeDays: t.embryoAge.known ? known(t.embryoAge.value.days) : { known: false, reason: t.embryoAge.reason },
    evidence,
    gestation: gestation(t, nowMs, zone),
    gestationIsHypothetical: status !== 'confirmed',
  };
  const planned = cycle.plannedHcgTests.find((p) => p.atMs > t.atMs);
  if (planned) out.plannedHcgTest = planned;
  if (decisive) out.decisive = decisive;
  if (reason) out.reason = reason;
  if (status === 'negative') out.lmwhAfterNegative = lmwhAfterNegative(lmwhOrders, nowMs);
  return out;
}

/**
 * For the pregnancy/dating views: may a gestational age be shown as fact? Not while an IVF pregnancy is unconfirmed,
 * nor after a negative test; yes after a confirmation, or when the record has no embryo transfer (other datings rule).
 */
export function gestationalAgeMayBeShownAsFact(c: Pick<PregnancyConfirmation, 'status'>): { allowed: true } | { allowed: false; reason: IvfReason } {
  if (c.status === 'not-confirmed') return { allowed: false, reason: ivfReason('ivf.not-confirmed') };
  if (c.status === 'negative') return { allowed: false, reason: ivfReason('ivf.negative-after-transfer') };
  return { allowed: true };
}
