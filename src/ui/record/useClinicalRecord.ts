/**
 * The patient's record for the views. Two queries (the FHIR read, and the UCUM library, ~59 kB gzip, loaded only
 * when a unit of the record is outside the built-in unit table) and one pure build: changing the facility zone
 * rebuilds the ClinicalRecord without reading FHIR again.
 * The FHIR read reports each query group as soon as it is in (the loader's onProgress writes the partial RecordInput
 * into the query), so the view renders what has arrived and each section shows its own loading state; groups still
 * being read are listed in `loadingGroups`. A stalled or failed group can be read again alone (`retryGroup`).
 * "Now" for every countdown and deadline status is the instant the record was read (RecordInput.readAt, from the
 * injected clock), so what is shown is consistent; "Reload record" reads again.
 * When the session ends mid-load, what was read stays on screen and `sessionExpired` is true.
 */
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { markGroupsLoading, partialRecordOf, reloadRecordGroups } from '../../fhir/loadRecord';
import { loadOptions, recordInputQuery, recordKey } from './recordQuery';
import type { FhirRequester } from '../../fhir/client';
import type { ParsedScopes } from '../../fhir/scopes';
import { createTableConverter, loadUnitConverter, type UnitConverter } from '../../domain/labs';
import { buildClinicalRecord, type ClinicalRecord } from '../../domain/record';
import type { QueryGroup, RecordInput } from '../../domain/input';
import type { Clock } from '../../domain/time';
import { useAppContext } from '../app/AppContext';

export const unitConverterQuery = queryOptions({
  queryKey: ['ucum'] as const,
  queryFn: (): Promise<UnitConverter> => loadUnitConverter(),
  staleTime: Infinity,
  gcTime: Infinity,
});

export type ClinicalRecordState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown; retry: () => void }
  | {
      status: 'ready';
      record: ClinicalRecord;
      /** Query groups still being read; sections that need them show their own loading state. */
      loadingGroups: readonly QueryGroup[];
      /** The session ended during the read: what is shown is what was read before; relaunch to read the rest. */
      sessionExpired: boolean;
      /** Reads one group again (its searches only, plus the reads that depend on them) and merges it in; ignored while any group is being read. */
      retryGroup: (group: QueryGroup) => void;
    };

/** Reads `group` again and writes the merged RecordInput into the query; the group shows as loading meanwhile. */
function useRetryGroup(requester: FhirRequester, patientId: string, clock: Clock, scopes: ParsedScopes | undefined, requestTimeoutMs?: number) {
  const client = useQueryClient();
  return useCallback(
    (group: QueryGroup) => {
      const key = recordKey(requester.serverUrl, patientId);
      const current = client.getQueryData<RecordInput>(key);
      // One read at a time: a retry merges into the record as it is now, so nothing else may be writing to it.
      if (!current || (current.loading?.length ?? 0) > 0) return;
      client.setQueryData(key, markGroupsLoading(current, [group]));
      const options = { now: clock.now(), ...loadOptions(client, requester, patientId, scopes, requestTimeoutMs), onProgress: undefined };
      void reloadRecordGroups(requester, current, [group], options).then(
        (next) => client.setQueryData(key, next),
        (error: unknown) => client.setQueryData(key, partialRecordOf(error) ?? current),
      );
    },
    [client, requester, patientId, clock, scopes, requestTimeoutMs],
  );
}

/** The ClinicalRecord of the launch patient in the facility zone, with loading and error states. */
export function useClinicalRecord(): ClinicalRecordState {
  const { requester, patientId, clock, facilityZone, grantedScopes, requestTimeoutMs } = useAppContext();
  const input = useQuery(recordInputQuery(requester, patientId, clock, grantedScopes, requestTimeoutMs));
  const retryGroup = useRetryGroup(requester, patientId, clock, grantedScopes, requestTimeoutMs);
  // Built first with the small unit table (no library); only when a unit falls outside it is UCUM loaded and the
  // record built again with it. The table's provisional record is never shown.
  const quick = useMemo(() => {
    if (!input.data) return undefined;
    const table = createTableConverter();
    const built = buildClinicalRecord(input.data, { nowMs: input.data.readAt, zone: facilityZone, units: table });
    return { record: built, needsUcum: table.missed };
  }, [input.data, facilityZone]);
  const units = useQuery({ ...unitConverterQuery, enabled: quick?.needsUcum === true });
  const record = useMemo(() => {
    if (!quick || !input.data) return undefined;
    if (!quick.needsUcum) return quick.record;
    return units.data ? buildClinicalRecord(input.data, { nowMs: input.data.readAt, zone: facilityZone, units: units.data }) : undefined;
  }, [quick, input.data, units.data, facilityZone]);
  if (input.error && !input.data) return { status: 'error', error: input.error, retry: () => void input.refetch() };
  if (units.error) return { status: 'error', error: units.error, retry: () => void units.refetch() };
  if (!record || !input.data) return { status: 'loading' };
  return {
    status: 'ready',
    record,
    loadingGroups: input.data.loading ?? [],
    sessionExpired: input.data.sessionExpired === true,
    retryGroup,
  };
}

export { recordInputQuery, usePatient, type PatientState } from './recordQuery';
