/**
 * Derived views computed once with the record (not in components): the timeline of every pregnancy, the HIT
 * pattern on the platelet series and the anti-Xa sample timing of every anti-Xa result.
 */
import type { ClinicalRecord } from '../record';
import { antiXaTimings, hitPattern } from '../monitoring';
import { buildTimelines } from './chartData';

export type DerivedViewKey = 'timelines' | 'hitPattern' | 'antiXaTiming';

/** The record with its derived views added. */
export function withDerivedViews<T extends Omit<ClinicalRecord, DerivedViewKey | 'plan'>>(base: T): T & Pick<ClinicalRecord, DerivedViewKey> {
  return {
    ...base,
    timelines: buildTimelines(base),
    hitPattern: hitPattern(base.labs.platelets, base.medication.orders.map((o) => o.order), base.medication.doses, base.nowMs, base.zone),
    antiXaTiming: antiXaTimings(base.labs, base.medication.doses),
  };
}
