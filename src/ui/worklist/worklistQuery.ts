/**
 * The worklist's TanStack Query entries, shared by the screen (useWorklist) and the app shell's early start
 * (startWorklist): the shell starts them as soon as the SMART session is ready, while the worklist's own chunk and
 * the words are still arriving, and the screen then finds the same store already loading under the same key.
 */
import type { QueryClient } from '@tanstack/react-query';
import { cohortChoices, type CohortSource } from '../../fhir/cohort';
import type { FhirRequester } from '../../fhir/client';
import { readAccess, type ParsedScopes } from '../../fhir/scopes';
import { systemClock, type Clock } from '../../domain/time';
import type { LaunchedSession } from '../app/App';
import { initialFacilityZone } from '../app/facilityZoneSetting';
import { createWorklistStore, type WorklistStore } from './worklistStore';

export interface WorklistQueryInput {
  requester: FhirRequester;
  source: CohortSource;
  /** The clock's now when the load starts (every row is computed at it). */
  nowMs: () => number;
  zone: string;
  grantedScopes: ParsedScopes;
  requestTimeoutMs?: number | undefined;
  patientBatch?: boolean | undefined;
}

/** The cohort source the worklist opens with. */
export const DEFAULT_COHORT_SOURCE: CohortSource = { kind: 'lmwh-orders' };

const sourceKey = (s: CohortSource) => (s.kind === 'lmwh-orders' ? `lmwh${s.broadSearch === false ? '-codes' : ''}` : `${s.kind}/${s.id}`);

export const worklistQueryKey = (serverUrl: string, source: CohortSource, zone: string) => ['worklist', serverUrl, sourceKey(source), zone] as const;

/** The worklist store of one server, source and zone: never stale, never collected ("Reload list" replaces it). */
export function worklistQueryOptions(client: QueryClient, input: WorklistQueryInput) {
  const queryKey = worklistQueryKey(input.requester.serverUrl, input.source, input.zone);
  return {
    queryKey,
    queryFn: (): WorklistStore => {
      // "Reload list" builds a new worklist: the one it replaces stops loading.
      client.getQueryData<WorklistStore>(queryKey)?.cancel();
      return createWorklistStore({
        requester: input.requester,
        source: input.source,
        nowMs: input.nowMs(),
        zone: input.zone,
        scopeLooksMissing: (type) => readAccess(input.grantedScopes, type) === 'none',
        ...(input.requestTimeoutMs !== undefined ? { requestTimeoutMs: input.requestTimeoutMs } : {}),
        ...(input.patientBatch !== undefined ? { patientBatch: input.patientBatch } : {}),
      });
    },
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  } as const;
}

/** The Lists and Groups the server offers, for the source picker. */
export function cohortChoicesQueryOptions(requester: FhirRequester) {
  return {
    queryKey: ['worklist-choices', requester.serverUrl] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => cohortChoices(requester, { signal }),
    staleTime: Infinity,
    retry: false,
  } as const;
}

/**
 * Starts the session's default worklist and its List/Group searches now (the store's first requests: the server's
 * CapabilityStatement, the LMWH order searches, then the first patient's record), under the key the screen will use
 * (the zone the app starts with). Starting twice is harmless: the second finds the entries in the cache.
 */
export function startWorklist(client: QueryClient, session: LaunchedSession, clock: Clock = systemClock): void {
  const input: WorklistQueryInput = {
    requester: session.requester,
    source: DEFAULT_COHORT_SOURCE,
    nowMs: () => clock.now(),
    zone: initialFacilityZone(session.facilityTimeZone).zone,
    grantedScopes: session.grantedScopes,
    requestTimeoutMs: session.requestTimeoutMs,
    patientBatch: session.patientBatch,
  };
  void client.prefetchQuery(worklistQueryOptions(client, input));
  void client.prefetchQuery(cohortChoicesQueryOptions(session.requester));
}
