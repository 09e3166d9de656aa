/**
 * The worklist of the launch's server for one cohort source: its store is kept in the TanStack Query cache (never
 * stale, never collected), so opening a patient and coming back finds it as it was. "Reload list" replaces it. On a
 * worklist launch the app shell has usually started the default source already (worklistQuery.ts, startWorklist).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { CohortChoice, CohortSource } from '../../fhir/cohort';
import { useAppContext } from '../app/AppContext';
import type { WorklistState, WorklistStore } from './worklistStore';
import { cohortChoicesQueryOptions, worklistQueryOptions } from './worklistQuery';

const IDLE: WorklistState = { phase: 'finding', cohort: undefined, entries: [], nowMs: 0, error: undefined };
const noSubscribe = () => () => undefined;

export function useWorklist(source: CohortSource): { store: WorklistStore | undefined; state: WorklistState } {
  const { requester, clock, facilityZone, grantedScopes, requestTimeoutMs, patientBatch } = useAppContext();
  const client = useQueryClient();
  const query = useQuery(
    worklistQueryOptions(client, { requester, source, nowMs: () => clock.now(), zone: facilityZone, grantedScopes, requestTimeoutMs, patientBatch }),
  );
  const store = query.data;
  const state = useSyncExternalStore(store?.subscribe ?? noSubscribe, store ? store.getState : () => IDLE);
  return { store, state };
}

/** The Lists and Groups the server offers (none when it offers none or refuses). */
export function useCohortChoices(): CohortChoice[] {
  const { requester } = useAppContext();
  const q = useQuery(cohortChoicesQueryOptions(requester));
  return q.data ?? [];
}
