/**
 * How a failed request affects the record. The requester (src/fhir/client.ts) throws FhirHttpError { status, outcome }
 * for non-2xx answers and SessionExpiredError when the session ended. They are recognised by class and, as a
 * fallback, by name/shape (errors crossing module copies or test doubles). Reasons never contain URLs or
 * identifiers: they are shown to the clinician and may end up in error reports.
 */
import { outcomeSummary } from './bundle';
import { SessionExpiredError } from './errors';

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

export function failureReason(error: unknown, ctx: FailureContext): string {
  const status = httpStatusOf(error);
  const { resourceType: type, action } = ctx;
  if ((error as { name?: unknown } | null)?.name === 'ForbiddenUrlError') {
    return `the ${type} ${action} would have sent the token to another server; not followed`;
  }
  if ((error as { name?: unknown } | null)?.name === 'RequestTimeoutError') {
    const ms = (error as { timeoutMs?: unknown }).timeoutMs;
    return `no answer to the ${type} ${action} within ${typeof ms === 'number' ? durationText(ms) : 'the time allowed'}`;
  }
  if (status === undefined) return `the ${type} ${action} could not be completed (network error or unreadable answer)`;
  if (status >= 200 && status < 300) {
    return (error as { notJson?: unknown }).notJson
      ? `the server's answer to the ${type} ${action} was not FHIR JSON (for example a web page)`
      : `the server's answer to the ${type} ${action} was empty or not FHIR`;
  }
  const diagnostics = outcomeSummary((error as { outcome?: unknown }).outcome);
  const withDiag = (s: string) => (diagnostics ? `${s}: ${diagnostics}` : s);
  if (status === 401 || status === 403) {
    const scopes = ctx.scopeLooksMissing?.(type) ? '; the granted scopes do not seem to cover it' : '';
    return `the server refused ${type} (${status})${scopes}`;
  }
  if (status === 429 || status === 503) {
    const retries = (error as { retries?: unknown }).retries;
    const tried = typeof retries === 'number' && retries > 0 ? `; still refused after ${retries} ${retries === 1 ? 'retry' : 'retries'}` : '';
    return `the server was too busy to answer the ${type} ${action} (${status})${tried}`;
  }
  if (status === 400) return withDiag(`the server rejected the ${type} ${action} (400)`);
  if (status === 404) return action === 'search' ? withDiag(`the server does not offer ${type} searches (404)`) : `a referenced ${type} was not found (404)`;
  return withDiag(`the server failed on the ${type} ${action} (${status})`);
}

/** "15 s", or "250 ms" below a second. */
export function durationText(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms)} ms`;
}
