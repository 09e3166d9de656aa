/** Whether the searches a rule view is read from were complete; a group missing from the record counts as not read. */
import type { Reason } from '../reasons';
import type { GroupStatus, QueryGroup, QueryGroupResult } from '../input';

/** The searches whose results make up the planned events. */
export const PLANNED_EVENT_GROUPS: readonly QueryGroup[] = ['procedures', 'service-requests', 'appointments', 'encounters'];

/** The searches an indication or caution is read from (conditions, finding and lab observations, orders). */
export const FINDING_GROUPS: readonly QueryGroup[] = ['conditions', 'observations-findings', 'observations-ddimer', 'observations-coagulation', 'medication-requests', 'medications'];

/** One search that was not complete: its status ('not-read' when the record has no result for it) and why. */
export interface SearchProblem {
  group: QueryGroup;
  status: Exclude<GroupStatus, 'complete'> | 'not-read';
  /** The fetch layer's reason code, as it gave it. */
  reason?: Reason;
}

export interface SearchCompleteness {
  complete: boolean;
  problems: SearchProblem[];
}

type Groups = Partial<Record<QueryGroup, Pick<QueryGroupResult, 'status' | 'reason'>>>;

/** Whether every listed search was complete; if not, which were not and why (a group never read is not complete). */
export function searchesRead(groups: Groups, list: readonly QueryGroup[]): SearchCompleteness {
  const problems: SearchProblem[] = [];
  for (const group of list) {
    const r = groups[group];
    if (!r) problems.push({ group, status: 'not-read' });
    else if (r.status !== 'complete') problems.push(r.reason ? { group, status: r.status, reason: r.reason } : { group, status: r.status });
  }
  return { complete: problems.length === 0, problems };
}

/** Whether the planned-event searches were all complete; if not, which were not and why. */
export const plannedEventSearch = (groups: Groups): SearchCompleteness => searchesRead(groups, PLANNED_EVENT_GROUPS);
