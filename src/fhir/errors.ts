/**
 * Errors of the FHIR layer. Messages never carry patient data: no ids, no query strings, no response bodies; only
 * the HTTP status and the resource type asked for. The OperationOutcome is kept on the error for display.
 */

/** A non-2xx answer (or a 2xx answer that is not FHIR JSON) from the FHIR server. */
export class FhirHttpError extends Error {
  status: number;
  outcome?: fhir4.OperationOutcome;
  constructor(status: number, message: string, outcome?: fhir4.OperationOutcome) {
    super(message);
    this.name = 'FhirHttpError';
    this.status = status;
    if (outcome) this.outcome = outcome;
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
