/**
 * Why a part of the record could not be read, as codes with parameters (the UI words them: catalogue key
 * `reason.<code>`, src/ui/messages/en|ru/fhirErrors.ts). Parameters are resource types, HTTP statuses, counts and
 * the server's own diagnostics; never an id, a URL or a query string (they may end up in error reports).
 */
import { listParam, reason, reasonParam, type Reason } from '../domain/reasons';

export type FhirAction = 'search' | 'read';

export type FhirReasonCode =
  | 'fhir.forbidden-url'
  | 'fhir.timeout'
  | 'fhir.no-answer'
  | 'fhir.not-json'
  | 'fhir.not-fhir'
  | 'fhir.refused'
  | 'fhir.busy'
  | 'fhir.rejected'
  | 'fhir.search-not-offered'
  | 'fhir.not-found'
  | 'fhir.server-failed'
  | 'fhir.not-a-resource'
  | 'fhir.outcome-instead'
  | 'fhir.wrong-resource'
  | 'fhir.read-wrong-type'
  | 'fhir.search-failed'
  | 'fhir.page-failed'
  | 'fhir.next-link-loop'
  | 'fhir.next-link-foreign'
  | 'fhir.page-limit'
  | 'fhir.errors-in-results'
  | 'fhir.not-in-capabilities'
  | 'fhir.other-patient-read'
  | 'fhir.session-ended'
  | 'fhir.still-reading'
  | 'fhir.report-members-failed'
  | 'fhir.report-members-foreign'
  | 'fhir.report-members-limit'
  | 'fhir.medications-failed'
  | 'fhir.medication-refs-foreign'
  | 'fhir.medication-refs-unresolvable'
  | 'fhir.several'
  | 'fhir.not-requested'
  | 'fhir.other-patient'
  | 'fhir.type-not-requested'
  | 'fhir.no-patient-participant'
  | 'fhir.no-patient-element'
  | 'fhir.refers-to-non-patient'
  | 'fhir.urn-unresolved'
  | 'fhir.contained-patient'
  | 'fhir.patient-ref-unreadable'
  | 'fhir.session-expired'
  | 'fhir.network'
  | 'fhir.record-failed'
  | 'launch.no-patient'
  | 'launch.state-mismatch'
  | 'launch.not-authorised'
  | 'launch.state-missing'
  | 'launch.token-refused'
  | 'launch.not-json'
  | 'launch.no-token'
  | 'launch.unreachable'
  | 'launch.failed';

export type FhirReason = Reason<FhirReasonCode>;

export const fhirReason = (code: FhirReasonCode, params?: Reason['params']): FhirReason => reason(code, params);

/** Server diagnostics (an OperationOutcome's text) as optional parameters: `hasDiagnostics` selects the wording. */
export const diagnosticsParams = (diagnostics: string | undefined) => ({ hasDiagnostics: diagnostics !== undefined, diagnostics: diagnostics ?? '' });

/** A request timeout as written in a reason: whole seconds ("15 s"), or ms below a second ("250 ms"). */
export const timeoutParam = (ms: number | undefined) =>
  ms === undefined ? { hasTime: false, amount: 0, unit: 's' } : ms >= 1000 ? { hasTime: true, amount: Math.round(ms / 1000), unit: 's' } : { hasTime: true, amount: Math.round(ms), unit: 'ms' };

/** One reason for several: the single one itself, or all of them in a list (in order, duplicates removed). */
export function combinedReason(reasons: readonly Reason[]): Reason | undefined {
  const seen = new Set<string>();
  const unique = reasons.filter((r) => {
    const key = JSON.stringify(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length <= 1) return unique[0];
  return fhirReason('fhir.several', { items: listParam(unique.map(reasonParam)) });
}
