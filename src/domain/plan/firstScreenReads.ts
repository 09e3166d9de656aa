/**
 * Which searches the first screen (the stop-now alerts and the plan strip) waits for. The lab results (D-dimer, the
 * coagulation panel and the members of lab reports, read after every Observation search) are the long searches: a
 * result per visit over months or years, read page after page. Nothing in the stop-now alerts, nor the plan strip's
 * order, last dose, next event and deadlines, is read from them, so the first screen renders without waiting for
 * them; the strip's red flags that do read lab results wait on their own (FLAG_READS) and say so meanwhile.
 */
import { QUERY_GROUPS, type QueryGroup } from '../input';

export const LAB_RESULT_GROUPS: readonly QueryGroup[] = ['observations-ddimer', 'observations-coagulation', 'diagnostic-reports'];

export const FIRST_SCREEN_READS: readonly QueryGroup[] = QUERY_GROUPS.filter((g) => !LAB_RESULT_GROUPS.includes(g));
