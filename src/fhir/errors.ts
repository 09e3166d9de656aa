/**
 * Errors of the FHIR layer. Messages never carry patient data: no ids, no query strings, no response bodies; only
 * the HTTP status and the resource type asked for. The OperationOutcome is kept on the error for display.
 */

/** A non-2xx answer (or a 2xx answer that is not FHIR JSON) from the FHIR server. */
export class FhirHttpError extends Error {
  status: number;
  outcome?: fhir4.OperationOutcome;
  /** From a Retry-After header (429, 503), in ms; absent when the server sent none or it was unreadable. */
  retryAfterMs?: number;
  /** A 2xx answer whose body is not JSON (for example an HTML login or error page). */
  notJson?: boolean;
  constructor(status: number, message: string, outcome?: fhir4.OperationOutcome, extra: { retryAfterMs?: number | undefined; notJson?: boolean } = {}) {
    super(message);
    this.name = 'FhirHttpError';
    this.status = status;
    if (outcome) this.outcome = outcome;
    if (extra.retryAfterMs !== undefined) this.retryAfterMs = extra.retryAfterMs;
    if (extra.notJson) this.notJson = true;
  }
}

/** Retry-After as ms: delta-seconds or an HTTP date (relative to `now`, epoch ms); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** One request got no answer within the request timeout (the server or the network stalled). */
export class RequestTimeoutError extends Error {
  timeoutMs: number;
  constructor(timeoutMs: number) {
    super(`No answer within ${timeoutMs} ms.`);
    this.name = 'RequestTimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/** The access token has expired (or was rejected) and could not be refreshed: the user has to relaunch the app. */
export class SessionExpiredError extends Error {
  constructor(message = 'Your session has ended: relaunch LMWH Monitor from the EHR.') {
    super(message);
    this.name = 'SessionExpiredError';
  }
}

/** The FHIR server could not be reached (network, CORS, DNS). */
export class FhirNetworkError extends Error {
  constructor(message = 'The FHIR server could not be reached.') {
    super(message);
    this.name = 'FhirNetworkError';
  }
}

/** A URL the requester will not send the token to (another origin, not http(s)). */
export class ForbiddenUrlError extends Error {
  constructor(message = 'Refused to send a request outside the FHIR server the app was launched from.') {
    super(message);
    this.name = 'ForbiddenUrlError';
  }
}
