/** The Patient read, as one TanStack Query definition (key + function together). */
import { queryOptions } from '@tanstack/react-query';
import type { FhirRequester } from '../../fhir/client';
import { FhirHttpError } from '../../fhir/errors';

export const patientQueryKey = (serverUrl: string, patientId: string) => ['fhir', serverUrl, patientId, 'Patient'] as const;

/** Reads Patient/<id> through the requester; anything that is not a Patient is an error, not an empty banner. */
export function patientQueryOptions(requester: FhirRequester, patientId: string) {
  return queryOptions({
    queryKey: patientQueryKey(requester.serverUrl, patientId),
    queryFn: async ({ signal }): Promise<fhir4.Patient> => {
      const body = await requester.get(`Patient/${encodeURIComponent(patientId)}`, { signal });
      if (typeof body !== 'object' || body === null || (body as { resourceType?: unknown }).resourceType !== 'Patient') {
        throw new FhirHttpError(200, 'The FHIR server did not return a Patient for the Patient read.');
      }
      return body as fhir4.Patient;
    },
    staleTime: 5 * 60_000,
  });
}
