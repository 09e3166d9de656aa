/**
 * The IVF part of the built record: the cycle, whether a pregnancy after the transfer is confirmed, the LMWH start
 * relative to the protocol, the source's IVF indications and the dispensed supply. Computed once with the record so
 * the views read it and never derive it themselves.
 */
import type { RecordInput } from '../input';
import type { UnitConverter } from '../labs';
import type { SourceRef } from '../types';
import { ivfCycleFromRecord } from './ivfCycle';
import { ivfIndications } from './ivfIndications';
import { lmwhOrdersOf, lmwhStartRelativeToProtocol } from './ivfLmwh';
import { pregnancyConfirmation } from './pregnancyConfirmation';
import { supplyCoverage } from './supply';
import type { IvfCycle, IvfIndication, LmwhStartRelative, PregnancyConfirmation, SupplyCoverage } from './ivfTypes';

export interface IvfRecordPart {
  cycle: IvfCycle;
  confirmation: PregnancyConfirmation;
  lmwhStart: LmwhStartRelative;
  indications: IvfIndication[];
  supply: SupplyCoverage;
}

/** The IVF part; `nextEvent` is the next dated planned event (the supply is compared with it). */
export function ivfRecordPart(input: RecordInput, opts: { nowMs: number; zone: string; units: UnitConverter; nextEvent?: { atMs: number; source: SourceRef } }): IvfRecordPart {
  const { nowMs, zone } = opts;
  const cycle = ivfCycleFromRecord(input, { nowMs, zone, units: opts.units });
  const orders = lmwhOrdersOf(input, zone);
  return {
    cycle,
    confirmation: pregnancyConfirmation(cycle, orders, nowMs, zone),
    lmwhStart: lmwhStartRelativeToProtocol(cycle, orders),
    indications: ivfIndications(cycle, input),
    supply: supplyCoverage(input, orders, nowMs, zone, opts.nextEvent),
  };
}

export const IVF_PANEL_MAX_WEEKS = 12;

/**
 * Whether the patient view shows the IVF cycle: a confirmed pregnancy under 12 weeks counted from the transfer, or a
 * transfer in the last 12 weeks whose pregnancy is not confirmed or was ended by a negative test (an older one is
 * history, not a cycle in progress).
 */
export function ivfCycleInView(part: Pick<IvfRecordPart, 'confirmation'>): boolean {
  const c = part.confirmation;
  if (c.status === 'no-transfer') return false;
  if (c.status === 'confirmed') return !c.gestation.known || c.gestation.value.days < IVF_PANEL_MAX_WEEKS * 7;
  return c.daysSinceTransfer === undefined || c.daysSinceTransfer < IVF_PANEL_MAX_WEEKS * 7;
}
