/**
 * The patient's record for the views. Two queries (the FHIR read, and the UCUM library, loaded lazily because it is
 * ~59 kB gzip) and one pure build: changing the facility zone rebuilds the ClinicalRecord without reading FHIR again.
 * "Now" for every countdown and deadline status is the instant the record was read (RecordInput.readAt, from the
 * injected clock), so what is shown is consistent; "Reload record" reads again.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { loadPatientRecord } from '../../fhir/loadRecord';
import type { FhirRequester } from '../../fhir/client';
import { readAccess, type ParsedScopes } from '../../fhir/scopes';
import { loadUnitConverter, type UnitConverter } from '../../domain/labs';
import { buildClinicalRecord, type ClinicalRecord } from '../../domain/record';
import type { Clock } from '../../domain/time';
import { useAppContext } from '../app/AppContext';

/** Query for one patient's RecordInput; keyed by server and patient (never put into a URL). */
export function recordInputQuery(requester: FhirRequester, patientId: string, clock: Clock, scopes: ParsedScopes | undefined) {
  return queryOptions({
    queryKey: ['fhir', requester.serverUrl, patientId, 'record'] as const,
    queryFn: ({ signal }) =>
      loadPatientRecord(requester, patientId, {
        now: clock.now(),
        signal,
        scopeLooksMissing: scopes ? (type) => readAccess(scopes, type) === 'none' : undefined,
      }),
    staleTime: 5 * 60_000,
  });
}

export const unitConverterQuery = queryOptions({
  queryKey: ['ucum'] as const,
  queryFn: (): Promise<UnitConverter> => loadUnitConverter(),
  staleTime: Infinity,
  gcTime: Infinity,
});

export type ClinicalRecordState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'ready'; record: ClinicalRecord; reload: () => void; isReloading: boolean };

/** The ClinicalRecord of the launch patient in the facility zone, with loading and error states. */
export function useClinicalRecord(): ClinicalRecordState {
  const { requester, patientId, clock, facilityZone, grantedScopes } = useAppContext();
  const input = useQuery(recordInputQuery(requester, patientId, clock, grantedScopes));
  const units = useQuery(unitConverterQuery);
  const record = useMemo(
    () => (input.data && units.data ? buildClinicalRecord(input.data, { nowMs: input.data.readAt, zone: facilityZone, units: units.data }) : undefined),
    [input.data, units.data, facilityZone],
  );
  if (input.error) return { status: 'error', error: input.error, retry: () => void input.refetch() };
  if (units.error) return { status: 'error', error: units.error, retry: () => void units.refetch() };
  if (!record) return { status: 'loading' };
  return { status: 'ready', record, reload: () => void input.refetch(), isReloading: input.isFetching };
}
