/**
 * The worklist of the launch's server for one cohort source: its store is kept in the TanStack Query cache (never
 * stale, never collected), so opening a patient and coming back finds it as it was. "Reload list" replaces it.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { cohortChoices, type CohortChoice, type CohortSource } from '../../fhir/cohort';
import { readAccess } from '../../fhir/scopes';
import { useAppContext } from '../app/AppContext';
import { createWorklistStore, type WorklistState, type WorklistStore } from './worklistStore';

const sourceKey = (s: CohortSource) => (s.kind === 'lmwh-orders' ? `lmwh${s.broadSearch === false ? '-codes' : ''}` : `${s.kind}/${s.id}`);
const IDLE: WorklistState = { phase: 'finding', cohort: undefined, entries: [], nowMs: 0, error: undefined };
const noSubscribe = () => () => undefined;

export function useWorklist(source: CohortSource): { store: WorklistStore | undefined; state: WorklistState } {
  const { requester, clock, facilityZone, grantedScopes, requestTimeoutMs, patientBatch } = useAppContext();
  const client = useQueryClient();
  const queryKey = ['worklist', requester.serverUrl, sourceKey(source), facilityZone] as const;
  const query = useQuery({
    queryKey,
    queryFn: () => {
      // "Reload list" builds a new worklist: the one it replaces stops loading.
      client.getQueryData<WorklistStore>(queryKey)?.cancel();
      return createWorklistStore({
        requester,
        source,
        nowMs: clock.now(),
        zone: facilityZone,
        scopeLooksMissing: (type) => readAccess(grantedScopes, type) === 'none',
        ...(requestTimeoutMs !== undefined ? { requestTimeoutMs } : {}),
        ...(patientBatch !== undefined ? { patientBatch } : {}),
      });
    },
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
  const store = query.data;
  const state = useSyncExternalStore(store?.subscribe ?? noSubscribe, store ? store.getState : () => IDLE);
  return { store, state };
}

/** The Lists and Groups the server offers (none when it offers none or refuses). */
export function useCohortChoices(): CohortChoice[] {
  const { requester } = useAppContext();
  const q = useQuery({ queryKey: ['worklist-choices', requester.serverUrl] as const, queryFn: ({ signal }) => cohortChoices(requester, { signal }), staleTime: Infinity, retry: false });
  return q.data ?? [];
}
