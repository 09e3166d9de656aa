/**
 * A plain fetch requester for integration tests, with the same contract as src/fhir/client.ts (one GET, parsed JSON,
 * FhirHttpError-shaped errors for non-2xx). It deliberately does NOT refuse other origins, so the tests show that the
 * loader itself never follows a foreign link.
 */
import type { FhirRequester } from '../../src/fhir/client';
import { FhirHttpError, parseRetryAfter } from '../../src/fhir/errors';

export function fetchRequester(serverUrl: string): FhirRequester {
  const base = serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`;
  return {
    serverUrl,
    async get(urlOrPath, options) {
      const response = await fetch(new URL(urlOrPath, base), { headers: { accept: 'application/fhir+json' }, ...(options?.signal ? { signal: options.signal } : {}) });
      const text = await response.text();
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      if (!response.ok) {
        const outcome = (body as { resourceType?: string } | undefined)?.resourceType === 'OperationOutcome' ? (body as fhir4.OperationOutcome) : undefined;
        throw new FhirHttpError(response.status, `HTTP ${response.status}`, outcome, { retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), Date.now()) });
      }
      return body;
    },
  };
}
