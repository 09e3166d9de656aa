/** Small helpers shared by the evaluators: instants, order filters, line construction. Pure and total. */
import { DateTime } from 'luxon';
import { reason, reasonParam } from '../reasons';
import { isValidZone, type FhirMoment } from '../time';
import type { RuleContext, RuleDose, RuleDoseClass, RuleOrder } from './context';
import type { InfoLine, Rule, RulesReason } from './ruleTypes';

/** The instant an event's deadlines count from: its time, or 00:00 of its date in the facility zone. */
export interface Anchor {
  anchorMs: number | null;
  dateOnly: boolean;
  /** Why there is no anchor. */
  reason?: RulesReason;
}

/** Reads an event's FhirMoment into the instant its deadlines count from. */
export function eventAnchor(when: FhirMoment | undefined, zone: string): Anchor {
  if (!when) return { anchorMs: null, dateOnly: false, reason: reason('rules.anchor.no-date') };
  if (!Number.isFinite(when.start)) return { anchorMs: null, dateOnly: false, reason: reason('rules.anchor.unreadable') };
  switch (when.precision) {
    case 'year':
    case 'month':
      return { anchorMs: null, dateOnly: false, reason: reason('rules.anchor.imprecise', { precision: when.precision, original: when.original }) };
    case 'day': {
      const z = isValidZone(zone) ? zone : 'UTC';
      const dt = DateTime.fromISO(when.original.trim().slice(0, 10), { zone: z });
      return { anchorMs: dt.isValid ? dt.startOf('day').toMillis() : when.start, dateOnly: true };
    }
    default:
      return { anchorMs: when.start, dateOnly: false };
  }
}

/** A rule as an info line. */
export function infoLine(rule: Rule, detail?: RulesReason, evidence?: InfoLine['evidence']): InfoLine {
  const line: InfoLine = { ruleId: rule.id, ruleVersion: rule.version, source: rule.source, kind: rule.kind };
  if (detail !== undefined) line.detail = detail;
  if (evidence !== undefined) line.evidence = evidence;
  return line;
}

/** Statuses under which an order still counts (not cancelled, not in error, not a draft). */
const COUNTED_STATUSES = new Set<RuleOrder['status']>(['active', 'on-hold', 'completed', 'stopped', 'unknown']);

/** LMWH orders with intent order that count for stop evaluation (plans/proposals and cancelled orders excluded). */
export function lmwhOrders(ctx: Pick<RuleContext, 'orders'>): RuleOrder[] {
  return ctx.orders.filter((o) => o.drugClass === 'lmwh' && o.isOrder && COUNTED_STATUSES.has(o.status));
}

/** LMWH plans or proposals (not orders): mentioned, never counted as orders. */
export function lmwhPlans(ctx: Pick<RuleContext, 'orders'>): RuleOrder[] {
  return ctx.orders.filter((o) => o.drugClass === 'lmwh' && !o.isOrder);
}

/** An LMWH order that is current at `atMs`: active or on hold, started (or start unknown), not ended. */
export function isCurrentAt(o: RuleOrder, atMs: number): boolean {
  if (o.status !== 'active' && o.status !== 'on-hold') return false;
  if (o.startMs !== undefined && o.startMs > atMs) return false;
  if (o.endMs !== undefined && o.endMs <= atMs) return false;
  return true;
}

/** Active (not on hold) LMWH orders at `atMs`. */
export function activeLmwhOrdersAt(ctx: Pick<RuleContext, 'orders'>, atMs: number): RuleOrder[] {
  return lmwhOrders(ctx).filter((o) => o.status === 'active' && !o.onHold && isCurrentAt(o, atMs));
}

/** LMWH doses (drugClass absent means LMWH). */
export function lmwhDoses(doses: RuleDose[]): RuleDose[] {
  return doses.filter((d) => (d.drugClass ?? 'lmwh') === 'lmwh' && Number.isFinite(d.atMs));
}

/** The latest LMWH dose at or before `nowMs`. */
export function lastDoseBefore(doses: RuleDose[], nowMs: number): RuleDose | undefined {
  let best: RuleDose | undefined;
  for (const d of lmwhDoses(doses)) if (d.atMs <= nowMs && (!best || d.atMs > best.atMs)) best = d;
  return best;
}

const DOSE_CLASS_RANK: Record<RuleDoseClass, number> = { prophylactic: 0, intermediate: 1, unknown: 2, therapeutic: 3 };

/**
 * The dose class the guideline intervals are chosen for: the highest among the orders (therapeutic > unknown >
 * intermediate > prophylactic), or 'unknown' without orders. The reason says which order set it.
 */
export function governingDoseClass(orders: RuleOrder[]): { doseClass: RuleDoseClass; reason: RulesReason } {
  if (orders.length === 0) return { doseClass: 'unknown', reason: reason('rules.dose-class.no-order') };
  let top = orders[0] as RuleOrder;
  for (const o of orders) if (DOSE_CLASS_RANK[o.doseClass] > DOSE_CLASS_RANK[top.doseClass]) top = o;
  return { doseClass: top.doseClass, reason: reason('rules.dose-class.from-order', { order: reasonParam(top.description), doseClass: top.doseClass, why: top.doseClassReason ? reasonParam(top.doseClassReason) : '', hasWhy: Boolean(top.doseClassReason) }) };
}
