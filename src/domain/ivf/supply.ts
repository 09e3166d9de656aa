/**
 * Dispensed LMWH supply: the source notes that in the IVF programme heparins are issued free under compulsory
 * medical insurance, in a limited number of ampoules. From MedicationDispense (quantity, daysSupply, whenHandedOver)
 * and the order's schedule: until when the dispensed syringes last, flagged when they run out before the order's
 * planned end or the next planned event. Unknown when the record has no dispense.
 */
import { resourcesOfType, type RecordInput } from '../input';
import { recogniseAnticoagulant, resolveMedication, type AnticoagulantRecognition, type LmwhOrder } from '../medication';
import { drugParam } from '../medication/orderSummary';
import { allOf, byPrescription } from '../matchedBy';
import { instantParam } from '../reasons';
import { DAY_MS, HOUR_MS } from '../time';
import { known, type Known, type SourceRef } from '../types';
import { isObject, refKey, str } from '../events/fhirRead';
import { firstMoment, incompleteSearch, ivfReason, refOf, unknownBecause } from './ivfRead';
import { lmwhActiveAt } from './ivfLmwh';
import type { DispenseRecord, IvfReason, SupplyCoverage } from './ivfTypes';

type NotCounted = SupplyCoverage['notCounted'][number];

type Res = Record<string, unknown>;

/** Units that count syringes (or ampoules, pens) rather than a volume or an amount. */
const COUNT_UNIT = /syringe|pre-?filled|\bPFS\b|ampou?le|ampul|injection|\bpen\b|^\{.*\}$|^1$|^each$|^ea$/i;

/** How many syringes one dose takes: the syringe's amount must divide the dose exactly. */
function syringesPerDose(order: LmwhOrder, rec: AnticoagulantRecognition | undefined): number | undefined {
  const amount = rec?.strengthHint?.amount ?? order.recognition.strengthHint?.amount;
  if (!order.dose.known || order.dose.value.perKg || !amount || amount.unit !== order.dose.value.unit) return undefined;
  const n = order.dose.value.value / amount.value;
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** Injections in a dispense: a count of syringes, or a volume with the concentration, divided by the dose. */
function injectionsOf(d: Res, order: LmwhOrder, rec: AnticoagulantRecognition | undefined): Known<number> {
  const q = isObject(d.quantity) ? d.quantity : {};
  const value = q.value;
  const unit = str(q.code) ?? str(q.unit) ?? '';
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return unknownBecause('ivf.supply-quantity-unreadable');
  if (COUNT_UNIT.test(unit) || unit === '') {
    const per = syringesPerDose(order, rec);
    return per ? known(Math.floor(value / per)) : unknownBecause('ivf.supply-syringes-per-dose-unknown');
  }
  const conc = rec?.strengthHint?.concentration ?? order.recognition.strengthHint?.concentration;
  if (unit.toLowerCase() === 'ml' && conc && order.dose.known && !order.dose.value.perKg && conc.unit.startsWith(order.dose.value.unit)) {
    return known(Math.floor((value * conc.value) / order.dose.value.value + 1e-9));
  }
  return unknownBecause('ivf.supply-syringes-per-dose-unknown');
}

function daysSupplyOf(d: Res): number | undefined {
  const q = isObject(d.daysSupply) ? d.daysSupply : {};
  const unit = (str(q.code) ?? str(q.unit) ?? 'd').toLowerCase();
  if (typeof q.value !== 'number' || !Number.isFinite(q.value) || q.value <= 0) return undefined;
  return ['d', 'day', 'days'].includes(unit) ? q.value : ['wk', 'week', 'weeks'].includes(unit) ? q.value * 7 : undefined;
}

/** Dispenses of this order (authorizingPrescription), or of the same drug when a dispense names no order. */
function dispensesFor(input: RecordInput, order: LmwhOrder, zone: string, rejected: NotCounted[]): DispenseRecord[] {
  const meds = resourcesOfType(input, 'Medication');
  const out: DispenseRecord[] = [];
  for (const d of resourcesOfType(input, 'MedicationDispense') as unknown as Res[]) {
    const res = resolveMedication(d as unknown as fhir4.MedicationDispense, meds);
    const rec = res.resolved ? recogniseAnticoagulant(res.concept, res.medication) : undefined;
    const prescriptions = Array.isArray(d.authorizingPrescription) ? d.authorizingPrescription.filter((p) => refKey(p) !== undefined) : [];
    const named = prescriptions.find((p) => refKey(p) === `MedicationRequest/${order.source.id ?? ''}`);
    // A dispense naming orders belongs to the one it names, whatever its own medication; without one, to the same drug.
    if (prescriptions.length ? !named : rec?.drug !== order.drug) continue;
    const matched = named ? allOf(byPrescription(str((named as Res).reference)!), ...(rec ? [rec.matched] : [])) : rec?.matched;
    const handed = firstMoment([d.whenHandedOver], zone);
    const q = isObject(d.quantity) ? d.quantity : {};
    const source = refOf(d, handed?.original, typeof q.value === 'number' ? `${q.value} ${str(q.unit) ?? str(q.code) ?? ''}`.trim() : undefined, matched);
    // Naming the order does not make another drug this order's supply: the two records disagree, so it is not counted.
    const leaveOut = (reason: IvfReason) => rejected.push({ reason, source });
    if (named && rec && rec.drug !== order.drug) leaveOut(ivfReason('ivf.supply-dispense-other-drug', { dispense: source.id ?? null, drug: drugParam(rec.drug), ordered: drugParam(order.drug) }));
    else if (d.status !== 'completed') leaveOut(ivfReason('ivf.supply-dispense-not-handed-over', { status: str(d.status) ?? null, dispense: source.id ?? null }));
    else if (!handed) leaveOut(ivfReason('ivf.supply-handover-time-unreadable', { dispense: source.id ?? null }));
    else {
      const r: DispenseRecord = { handedOverMs: handed.start, injections: injectionsOf(d, order, rec), source };
      const days = daysSupplyOf(d);
      if (days !== undefined) r.daysSupply = days;
      if (typeof q.value === 'number') r.quantity = { value: q.value, unit: str(q.unit) ?? str(q.code) };
      out.push(r);
    }
  }
  return out.sort((a, b) => a.handedOverMs - b.handedOverMs);
}

/** When the dispensed supply ends: each dispense covers its injections (or days) from when it is first used. */
function coverageEnd(order: LmwhOrder, dispenses: DispenseRecord[]): Known<number> {
  let cursor = order.start.known ? order.start.value.ms : -Infinity;
  for (const d of dispenses) {
    const from = Math.max(cursor, d.handedOverMs);
    if (d.injections.known && order.frequency.known) cursor = from + d.injections.value * order.frequency.value.intervalHours * HOUR_MS;
    else if (d.daysSupply !== undefined) cursor = from + d.daysSupply * DAY_MS;
    else if (!order.frequency.known) return unknownBecause('ivf.supply-frequency-unknown');
    else return d.injections.known ? unknownBecause('ivf.supply-frequency-unknown') : { known: false, reason: d.injections.reason };
  }
  return known(cursor);
}

/** The order the supply is read for: the first LMWH order in force now, else the latest started. */
function currentOrder(orders: readonly LmwhOrder[], nowMs: number): LmwhOrder | undefined {
  const active = orders.find((o) => lmwhActiveAt(o, nowMs) === 'active');
  if (active) return active;
  return [...orders].filter((o) => o.start.known).sort((a, b) => (a.start.known && b.start.known ? b.start.value.ms - a.start.value.ms : 0))[0];
}

function flagsOf(lastsUntil: number, orderEndMs: number | undefined, nextEvent: SupplyCoverage['nextEvent']): IvfReason[] {
  const flags: IvfReason[] = [];
  if (orderEndMs !== undefined && lastsUntil < orderEndMs) flags.push(ivfReason('ivf.supply-runs-out-before-order-end', { lastsUntil: instantParam(lastsUntil), orderEnd: instantParam(orderEndMs) }));
  if (nextEvent && lastsUntil < nextEvent.atMs) flags.push(ivfReason('ivf.supply-runs-out-before-next-event', { lastsUntil: instantParam(lastsUntil), event: instantParam(nextEvent.atMs) }));
  return flags;
}

/** Until when the dispensed LMWH lasts, for the current LMWH order; `nextEvent` is the next planned event, if any. */
export function supplyCoverage(input: RecordInput, orders: readonly LmwhOrder[], nowMs: number, zone: string, nextEvent?: { atMs: number; source: SourceRef }): SupplyCoverage {
  const order = currentOrder(orders, nowMs);
  const none = (reason: IvfReason): SupplyCoverage => ({ status: 'unknown', dispenses: [], notCounted: [], lastsUntil: { known: false, reason }, flags: [], reason });
  if (!order) return none(ivfReason('ivf.no-lmwh-order'));
  const rejected: NotCounted[] = [];
  const dispenses = dispensesFor(input, order, zone, rejected);
  const base = { order: order.source, dispenses, notCounted: rejected, ...(nextEvent ? { nextEvent } : {}), ...(order.end.known ? { orderEndMs: order.end.value.ms } : {}) };
  if (dispenses.length === 0) {
    const reason = incompleteSearch(input, ['medication-dispenses']) ?? rejected[0]?.reason ?? ivfReason('ivf.supply-no-dispense');
    return { ...none(reason), ...base };
  }
  const lastsUntil = coverageEnd(order, dispenses);
  if (!lastsUntil.known) return { ...base, status: 'unknown', lastsUntil, flags: [], reason: lastsUntil.reason as IvfReason };
  const flags = flagsOf(lastsUntil.value, base.orderEndMs, nextEvent);
  if (flags.length) return { ...base, status: 'runs-out', lastsUntil, flags };
  if (base.orderEndMs === undefined) return { ...base, status: 'end-unknown', lastsUntil, flags, reason: ivfReason('ivf.supply-order-end-unknown') };
  return { ...base, status: 'lasts', lastsUntil, flags };
}
