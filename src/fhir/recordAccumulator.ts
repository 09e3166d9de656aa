/**
 * What a load has read so far: resources by reference key (deduplicated; a newer `meta.lastUpdated` wins), each
 * group's statuses and reasons, the resources dropped because they are not the launch patient's, and which groups
 * are still being read. `snapshot()` turns it into a RecordInput at any moment: groups still being read appear as
 * incomplete ("still being read") and are listed in `loading`, so the domain never claims "none" for them.
 */
import { QUERY_GROUPS, type DroppedResource, type GroupStatus, type QueryGroup, type QueryGroupResult, type RecordInput } from '../domain/input';
import { checkOwnership } from './ownership';
import type { Reason } from '../domain/reasons';
import { combinedReason, fhirReason } from './fhirReasons';
import type { SearchResult } from './paging';
import { hasWantedCode, type SearchSpec } from './queries';

interface GroupState {
  statuses: GroupStatus[];
  reasons: Reason[];
  warnings: string[];
  keys: Set<string>;
}

export const STILL_LOADING_REASON: Reason = fhirReason('fhir.still-reading');

/** The one spelling of a resource's key in the FHIR layer: `Type/id`. */
export const typeIdKey = (resourceType: string, id: string): string => `${resourceType}/${id}`;

/** `Type/id`, or a unique placeholder for a resource without an id (never merged with another). */
export function referenceKey(resource: fhir4.Resource, anonymousIndex: () => number): string {
  return resource.id ? typeIdKey(resource.resourceType, resource.id) : typeIdKey(resource.resourceType, `#anonymous-${anonymousIndex()}`);
}

export class RecordAccumulator {
  readonly byKey = new Map<string, fhir4.Resource>();
  readonly dropped: DroppedResource[] = [];
  /** Groups whose searches or follow-up reads have not all finished. */
  readonly loading = new Set<QueryGroup>(QUERY_GROUPS);
  private readonly groups = new Map<QueryGroup, GroupState>(QUERY_GROUPS.map((g) => [g, { statuses: [], reasons: [], warnings: [], keys: new Set() }]));
  /** Groups carried over unchanged from an earlier load (a retry of other groups). */
  private readonly carried = new Map<QueryGroup, QueryGroupResult>();
  private anonymous = 0;

  constructor(
    readonly patientId: string,
    readonly serverUrl: string,
    readonly readAt: number,
  ) {}

  /** Starts from an earlier load: its resources and dropped list, and its results for the groups not read again. */
  static continuing(previous: RecordInput, serverUrl: string, readAt: number, reread: ReadonlySet<QueryGroup>): RecordAccumulator {
    const acc = new RecordAccumulator(previous.patientId, serverUrl, readAt);
    for (const r of previous.resources) acc.byKey.set(referenceKey(r, () => ++acc.anonymous), r);
    acc.dropped.push(...previous.dropped);
    for (const g of QUERY_GROUPS) {
      if (reread.has(g)) continue;
      acc.carried.set(g, previous.groups[g]);
      acc.loading.delete(g);
    }
    return acc;
  }

  status(g: QueryGroup, status: GroupStatus, reason?: Reason): void {
    const s = this.groups.get(g)!;
    s.statuses.push(status);
    if (reason) s.reasons.push(reason);
  }

  drop(resource: fhir4.Resource, reason: Reason): void {
    const same = JSON.stringify(reason);
    if (this.dropped.some((d) => d.resourceType === resource.resourceType && d.id === resource.id && JSON.stringify(d.reason) === same)) return;
    this.dropped.push({ resourceType: resource.resourceType, id: resource.id, reason });
  }

  /** Keeps the resource when it is the launch patient's (else drops it with the reason) and counts it for `g`. */
  add(resource: fhir4.Resource, g: QueryGroup, fullUrls?: ReadonlyMap<string, fhir4.Resource>): boolean {
    const ownership = checkOwnership(resource, this.patientId, this.serverUrl, fullUrls);
    if (!ownership.ok) {
      this.drop(resource, ownership.reason);
      return false;
    }
    const key = referenceKey(resource, () => ++this.anonymous);
    const existing = this.byKey.get(key);
    if (!existing || isNewer(resource, existing)) this.byKey.set(key, resource);
    this.groups.get(g)!.keys.add(key);
    return true;
  }

  /** One search's pages: matches of the searched type, `_include`d Medications and wanted Observations. */
  addSearch(spec: SearchSpec, result: SearchResult): void {
    const state = this.groups.get(spec.group)!;
    state.statuses.push(result.status);
    if (result.reason) state.reasons.push(result.reason);
    state.warnings.push(...result.warnings);
    for (const entry of result.entries) {
      const r = entry.resource;
      if (entry.mode === 'include') {
        if (r.resourceType === 'Medication') this.add(r, 'medications', entry.pageFullUrls);
        else if (r.resourceType === 'Observation' && hasWantedCode(r as fhir4.Observation)) this.add(r, spec.group, entry.pageFullUrls);
        continue;
      }
      if (r.resourceType !== spec.resourceType) {
        this.dropped.push({ resourceType: r.resourceType, id: r.id, reason: fhirReason('fhir.not-requested', { type: spec.resourceType }) });
        continue;
      }
      this.add(r, spec.group, entry.pageFullUrls);
    }
  }

  /** Every group still being read is closed as unavailable with `reason` (the load stopped early). */
  closeLoading(reason: Reason): void {
    for (const g of this.loading) this.status(g, 'unavailable', reason);
    this.loading.clear();
  }

  groupResult(g: QueryGroup): QueryGroupResult {
    const carried = this.carried.get(g);
    if (carried) return carried;
    const s = this.groups.get(g)!;
    const loading = this.loading.has(g);
    const status = loading ? 'incomplete' : combine(s.statuses);
    const reason = combinedReason(loading ? [...s.reasons, STILL_LOADING_REASON] : s.reasons);
    return {
      group: g,
      status,
      ...(status !== 'complete' && reason ? { reason } : {}),
      warnings: [...new Set(s.warnings)],
      count: s.keys.size,
    };
  }

  snapshot(): RecordInput {
    const groups = Object.fromEntries(QUERY_GROUPS.map((g) => [g, this.groupResult(g)])) as Record<QueryGroup, QueryGroupResult>;
    return {
      patientId: this.patientId,
      resources: [...this.byKey.values()],
      groups,
      dropped: [...this.dropped],
      readAt: this.readAt,
      loading: QUERY_GROUPS.filter((g) => this.loading.has(g)),
    };
  }
}

/** All complete: complete. All unavailable: unavailable. Anything else (some data, some missing): incomplete. */
export function combine(statuses: readonly GroupStatus[]): GroupStatus {
  if (statuses.length === 0) return 'complete';
  if (statuses.every((s) => s === 'complete')) return 'complete';
  if (statuses.every((s) => s === 'unavailable')) return 'unavailable';
  return 'incomplete';
}

function isNewer(candidate: fhir4.Resource, existing: fhir4.Resource): boolean {
  const a = Date.parse(candidate.meta?.lastUpdated ?? '');
  const b = Date.parse(existing.meta?.lastUpdated ?? '');
  return Number.isFinite(a) && (!Number.isFinite(b) || a > b);
}
