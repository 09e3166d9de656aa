/**
 * The FHIR read of the launch patient's record as a TanStack query (and the Patient taken from it). Kept apart from
 * the record build (useClinicalRecord.ts) so the banner, which renders first, does not pull the clinical domain into
 * the app's first chunk.
 */
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { loadPatientRecord, partialRecordOf, type LoadRecordOptions } from '../../fhir/loadRecord';
import { sessionCapabilityCache, type CapabilityCache } from '../../fhir/capabilities';
import type { FhirRequester } from '../../fhir/client';
import { readAccess, type ParsedScopes } from '../../fhir/scopes';
import { errorReason } from '../../fhir/failures';
import { fhirReason } from '../../fhir/fhirReasons';
import type { Reason } from '../../domain/reasons';
import type { RecordInput } from '../../domain/input';
import type { Clock } from '../../domain/time';
import { useAppContext } from '../app/AppContext';

export const recordKey = (serverUrl: string, patientId: string) => ['fhir', serverUrl, patientId, 'record'] as const;

/** One CapabilityStatement cache per QueryClient (memory), backed by this tab's sessionStorage. */
const capabilityCaches = new WeakMap<QueryClient, CapabilityCache>();
export function capabilityCacheFor(client: QueryClient): CapabilityCache {
  let cache = capabilityCaches.get(client);
  if (!cache) {
    let storage: Storage | undefined;
    try {
      storage = typeof window === 'undefined' ? undefined : window.sessionStorage;
    } catch {
      storage = undefined;
    }
    cache = sessionCapabilityCache(storage);
    capabilityCaches.set(client, cache);
  }
  return cache;
}

export function loadOptions(client: QueryClient, requester: FhirRequester, patientId: string, scopes: ParsedScopes | undefined, requestTimeoutMs?: number): Omit<LoadRecordOptions, 'now'> {
  return {
    ...(requestTimeoutMs !== undefined ? { requestTimeoutMs } : {}),
    scopeLooksMissing: scopes ? (type) => readAccess(scopes, type) === 'none' : undefined,
    capabilityCache: capabilityCacheFor(client),
    onProgress: (partial) => client.setQueryData(recordKey(requester.serverUrl, patientId), partial),
  };
}

/** Query for one patient's RecordInput; keyed by server and patient (never put into a URL). */
export function recordInputQuery(requester: FhirRequester, patientId: string, clock: Clock, scopes: ParsedScopes | undefined, requestTimeoutMs?: number) {
  return queryOptions({
    queryKey: recordKey(requester.serverUrl, patientId),
    queryFn: async ({ signal, client }): Promise<RecordInput> => {
      try {
        return await loadPatientRecord(requester, patientId, { now: clock.now(), signal, ...loadOptions(client, requester, patientId, scopes, requestTimeoutMs) });
      } catch (error) {
        // The session ended: keep what was read (sessionExpired says so); with nothing read, the app's relaunch page.
        const partial = partialRecordOf(error);
        if (partial && partial.resources.length > 0) return partial;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    // Each progress report is a new snapshot; comparing thousands of resources deeply on every report buys nothing.
    structuralSharing: false,
  });
}

export type PatientState = { status: 'loading' } | { status: 'error'; reason: Reason } | { status: 'ready'; patient: fhir4.Patient };

function patientPart(input: RecordInput): PatientState {
  if (input.loading?.includes('patient')) return { status: 'loading' };
  const patient = input.resources.find((r): r is fhir4.Patient => r.resourceType === 'Patient' && r.id === input.patientId);
  if (patient) return { status: 'ready', patient };
  return { status: 'error', reason: input.groups.patient.reason ?? fhirReason('fhir.record-failed') };
}

/** The launch patient's Patient resource, from the record read (the Patient is read once, by the record loader). */
export function usePatient(): PatientState {
  const { requester, patientId, clock, grantedScopes, requestTimeoutMs } = useAppContext();
  const q = useQuery({ ...recordInputQuery(requester, patientId, clock, grantedScopes, requestTimeoutMs), select: patientPart });
  if (q.data) return q.data;
  if (q.error) return { status: 'error', reason: errorReason(q.error) };
  return { status: 'loading' };
}
