/**
 * The patient's record for the views. Two queries (the FHIR read, and the UCUM library, ~59 kB gzip, loaded only
 * when a unit of the record is outside the built-in unit table) and one pure build: changing the facility zone
 * rebuilds the ClinicalRecord without reading FHIR again.
 * "Now" for every countdown and deadline status is the instant the record was read (RecordInput.readAt, from the
 * injected clock), so what is shown is consistent; "Reload record" reads again.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { loadPatientRecord } from '../../fhir/record';
import type { FhirRequester } from '../../fhir/client';
import { readAccess, type ParsedScopes } from '../../fhir/scopes';
import { createTableConverter, loadUnitConverter, type UnitConverter } from '../../domain/labs';
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
  if (input.error) return { status: 'error', error: input.error, retry: () => void input.refetch() };
  if (units.error) return { status: 'error', error: units.error, retry: () => void units.refetch() };
  if (!record) return { status: 'loading' };
  return { status: 'ready', record, reload: () => void input.refetch(), isReloading: input.isFetching };
}
