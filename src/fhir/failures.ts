/**
 * How a failed request affects the record. The requester (src/fhir/client.ts) throws FhirHttpError { status, outcome }
 * for non-2xx answers and SessionExpiredError when the session ended. They are recognised by class and, as a
 * fallback, by name/shape (errors crossing module copies or test doubles). Reasons are codes with
 * parameters (src/fhir/fhirReasons.ts), never URLs or identifiers: they are shown to the clinician and may end up in
 * error reports.
 */
import { outcomeSummary } from './bundle';
import { SessionExpiredError } from './errors';
import { diagnosticsParams, fhirReason, timeoutParam, type FhirReason } from './fhirReasons';

/** One HTTP GET returning parsed JSON: the contract implemented by src/fhir/client.ts. */
export type { FhirRequester } from './client';

/** Errors that must stop the whole load: the session ended (the UI offers a relaunch) or the caller aborted. */
export function isFatal(error: unknown): boolean {
  if (error instanceof SessionExpiredError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const name = (error as { name?: unknown }).name;
  return name === 'SessionExpiredError' || name === 'AbortError';
}

export function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

export interface FailureContext {
  resourceType: string;
  action: 'search' | 'read';
  scopeLooksMissing?: ((type: string) => boolean) | undefined;
}

export function failureReason(error: unknown, ctx: FailureContext): FhirReason {
  const status = httpStatusOf(error);
  const { resourceType: type, action } = ctx;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'ForbiddenUrlError') return fhirReason('fhir.forbidden-url', { type, action });
  if (name === 'RequestTimeoutError') {
    const ms = (error as { timeoutMs?: unknown }).timeoutMs;
    return fhirReason('fhir.timeout', { type, action, ...timeoutParam(typeof ms === 'number' ? ms : undefined) });
  }
  if (status === undefined) return fhirReason('fhir.no-answer', { type, action });
  if (status >= 200 && status < 300) return fhirReason((error as { notJson?: unknown }).notJson ? 'fhir.not-json' : 'fhir.not-fhir', { type, action });
  const diagnostics = diagnosticsParams(outcomeSummary((error as { outcome?: unknown }).outcome));
  if (status === 401 || status === 403) return fhirReason('fhir.refused', { type, status, scopesMissing: ctx.scopeLooksMissing?.(type) ?? false });
  if (status === 429 || status === 503) {
    const retries = (error as { retries?: unknown }).retries;
    return fhirReason('fhir.busy', { type, action, status, retries: typeof retries === 'number' ? retries : 0 });
  }
  if (status === 400) return fhirReason('fhir.rejected', { type, action, ...diagnostics });
  if (status === 404) return action === 'search' ? fhirReason('fhir.search-not-offered', { type, ...diagnostics }) : fhirReason('fhir.not-found', { type });
  return fhirReason('fhir.server-failed', { type, action, status, ...diagnostics });
}

/** Why a request failed as a whole (the record could not be loaded at all): the session ended, no answer, refused. */
export function errorReason(error: unknown): FhirReason {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'SessionExpiredError') return fhirReason('fhir.session-expired');
  if (name === 'FhirNetworkError') return fhirReason('fhir.network');
  if (name === 'ForbiddenUrlError' || name === 'RequestTimeoutError' || httpStatusOf(error) !== undefined) {
    return failureReason(error, { resourceType: 'Patient', action: 'read' });
  }
  return fhirReason('fhir.record-failed');
}
