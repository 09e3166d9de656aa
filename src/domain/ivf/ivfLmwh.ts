/**
 * LMWH orders as the IVF views need them, and the LMWH start relative to the protocol: the source says heparins work
 * only while injected and advises against months of heparin "to prepare"; the threshold is the app's, taken from the
 * source-article caution rule (one home for the number).
 */
import { resourcesOfType, type RecordInput } from '../input';
import { isActiveAt, normaliseOrders, type LmwhOrder } from '../medication';
import { SOURCE_WORKS_ONLY_WHILE_INJECTED } from '../rules/source-article';
import { DAY_MS } from '../time';
import { ivfReason } from './ivfRead';
import type { CycleStep, IvfCycle, LmwhStartRelative } from './ivfTypes';

/** LMWH orders (LMWH proper, not UFH or fondaparinux) of a record. */
export function lmwhOrdersOf(input: RecordInput, zone: string): LmwhOrder[] {
  const { orders } = normaliseOrders(resourcesOfType(input, 'MedicationRequest'), resourcesOfType(input, 'Medication'), zone);
  return orders.filter((o) => o.drugClass === 'lmwh' && o.isOrder);
}

/** Whether an order is in force at an instant (the medication module's rule). */
export const lmwhActiveAt = (o: LmwhOrder, ms: number): 'active' | 'inactive' | 'unknown' => isActiveAt(o, ms).state;

/** The app's threshold in days for "started long before the protocol". */
export function longBeforeProtocolDays(): number {
  const p = SOURCE_WORKS_ONLY_WHILE_INJECTED.parameters;
  return p.topic === 'started-long-before-protocol' ? p.appThresholdDays : Number.NaN;
}

/** The first protocol event of the cycle: stimulation start, else oocyte retrieval, else the transfer. */
export function protocolAnchor(cycle: IvfCycle): CycleStep | undefined {
  const steps = [cycle.stimulationStart, cycle.oocyteRetrieval, cycle.transfer].flatMap((s) => (s.known ? [s.value] : []));
  return steps.sort((a, b) => a.atMs - b.atMs)[0];
}

/** The earliest LMWH start compared with the first protocol event of the cycle. */
export function lmwhStartRelativeToProtocol(cycle: IvfCycle, orders: readonly LmwhOrder[]): LmwhStartRelative {
  const thresholdDays = longBeforeProtocolDays();
  const base = { thresholdDays, ruleId: SOURCE_WORKS_ONLY_WHILE_INJECTED.id };
  if (orders.length === 0) return { ...base, status: 'unknown', reason: ivfReason('ivf.no-lmwh-order') };
  const started = orders.filter((o) => o.start.known).sort((a, b) => (a.start.known && b.start.known ? a.start.value.ms - b.start.value.ms : 0));
  const first = started[0];
  if (!first || !first.start.known) return { ...base, status: 'unknown', reason: ivfReason('ivf.lmwh-start-unknown') };
  const anchor = protocolAnchor(cycle);
  const lmwhStartMs = first.start.value.ms;
  if (!anchor) return { ...base, status: 'unknown', lmwhStartMs, order: first.source, reason: ivfReason('ivf.no-protocol-event') };
  const leadDays = Math.floor((anchor.atMs - lmwhStartMs) / DAY_MS);
  const out = { ...base, lmwhStartMs, anchor, leadDays, order: first.source };
  if (lmwhStartMs >= anchor.atMs) return { ...out, status: 'started-after-protocol-start' };
  if (leadDays > thresholdDays) return { ...out, status: 'started-long-before-protocol', reason: ivfReason('ivf.lmwh-started-long-before-protocol', { leadDays, thresholdDays }) };
  return { ...out, status: 'started-before-protocol' };
}
