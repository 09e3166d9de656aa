/**
 * Which searches the first screen (the stop-now alerts and the plan strip) waits for: the patient, the orders and
 * doses, the planned events, the pregnancy dating, the weight and the conditions. The rest is read after it: the lab
 * results (D-dimer, the coagulation panel, the thrombophilia work-up and the members of lab reports) are the long
 * searches, a result per visit over months or years, and the allergies feed the cautions only. Nothing in the stop-now
 * alerts, nor the plan strip's order, last dose, next event and deadlines, is read from them, so the first screen
 * renders without waiting (tested on every demo patient); the strip's red flags that do read them wait on their own
 * (FLAG_READS) and say so meanwhile.
 */
import { QUERY_GROUPS, type QueryGroup } from '../input';

export const FIRST_SCREEN_READS: readonly QueryGroup[] = [
  'patient',
  'medication-requests',
  'medication-administrations',
  'medication-statements',
  'medication-dispenses',
  'medications',
  'procedures',
  'service-requests',
  'appointments',
  'encounters',
  'observations-pregnancy',
  'observations-weight',
  'conditions',
];

/** Everything else, read once the first screen's searches are under way. */
export const AFTER_FIRST_SCREEN: readonly QueryGroup[] = QUERY_GROUPS.filter((g) => !FIRST_SCREEN_READS.includes(g));
