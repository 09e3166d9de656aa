// @ts-check
/** FHIR responses of the sandbox engine: plain objects the HTTP server or an MSW handler serialises. */

/** @typedef {{ status: number, headers: Record<string, string>, body: any }} EngineResponse */

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/**
 * @param {number} status
 * @param {'error'|'fatal'|'warning'|'information'} severity
 * @param {string} code FHIR issue-type code
 * @param {string} text
 * @returns {EngineResponse}
 */
export function outcome(status, severity, code, text) {
  return {
    status,
    headers: { 'content-type': FHIR_JSON },
    body: { resourceType: 'OperationOutcome', issue: [{ severity, code, diagnostics: text }] },
  };
}

export const badRequest = (/** @type {string} */ text) => outcome(400, 'error', 'invalid', text);
export const forbidden = (/** @type {string} */ text) => outcome(403, 'error', 'forbidden', text);
export const notFound = (/** @type {string} */ text) => outcome(404, 'error', 'not-found', text);
export const notSupported = (/** @type {string} */ text) => outcome(405, 'error', 'not-supported', text);

/**
 * One OperationOutcome listing several problems.
 * @param {number} status
 * @param {string[]} problems
 * @returns {EngineResponse}
 */
export function problemsOutcome(status, problems) {
  return {
    status,
    headers: { 'content-type': FHIR_JSON },
    body: { resourceType: 'OperationOutcome', issue: problems.map((p) => ({ severity: 'error', code: 'invalid', diagnostics: p })) },
  };
}

/** @param {any} body @param {number} [status] @returns {EngineResponse} */
export function ok(body, status = 200) {
  return { status, headers: { 'content-type': FHIR_JSON }, body };
}
