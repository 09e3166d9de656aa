/**
 * A record with nothing to act on: no LMWH order or dose, no current pregnancy, no planned event, no D-dimer, no
 * IVF transfer, no stop-now finding and no indication found. Such a record (most public test patients) would
 * otherwise fill several screens with sections that each say "none found"; the patient view folds them under one
 * line so the first screen holds the whole answer. Pure: reads the built record only.
 */
import type { ClinicalRecord } from '../../domain/record';

export type QuietSlice = Pick<ClinicalRecord, 'medication' | 'currentPregnancy' | 'events' | 'ddimer' | 'rules' | 'ivf'>;

export function isQuietRecord(r: QuietSlice): boolean {
  return (
    r.medication.orders.length === 0 &&
    r.medication.doses.length === 0 &&
    r.currentPregnancy === undefined &&
    r.events.planned.length === 0 &&
    r.ddimer.results.length === 0 &&
    r.ivf.cycle.transfers.length === 0 &&
    r.rules.triggers.length === 0 &&
    !r.rules.indications.some((i) => i.status === 'present')
  );
}
