/**
 * Why a part of the record could not be read (the FHIR layer's reason codes, src/fhir/fhirReasons.ts, keys
 * `reason.fhir.*`), the CDS prefetch's (`reason.cds.*`), the record's search completeness (`reason.record.group*`)
 * and the launch errors of the app page (`reason.launch.*`). `{type}` is a FHIR resource type, written as the
 * standard writes it; `{diagnostics}` and `{description}` are the server's own words, quoted.
 */
import { availabilityEn } from './availability';

const action = '{action, select, search {search} other {read}}';
const diagnostics = '{hasDiagnostics, select, true {: {diagnostics}} other {}}';
/** A query group's name from its code (as a select key: '-' written '_'), as the availability banner names it. */
export const groupSelect = (names: Record<string, string>): string =>
  `{group, select, ${Object.entries(names)
    .filter(([k]) => k.startsWith('availability.group.'))
    .map(([k, v]) => `${k.slice('availability.group.'.length).replace(/-/g, '_')} {${v}}`)
    .join(' ')} other {{group}}}`;

export const fhirErrorsEn = {
  'reason.fhir.forbidden-url': `the {type} ${action} would have sent the token to another server; not followed`,
  'reason.fhir.timeout': `no answer to the {type} ${action} within {hasTime, select, true {{amount} {unit, select, s {s} other {ms}}} other {the time allowed}}`,
  'reason.fhir.no-answer': `the {type} ${action} could not be completed (network error or unreadable answer)`,
  'reason.fhir.not-json': `the server's answer to the {type} ${action} was not FHIR JSON (for example a web page)`,
  'reason.fhir.not-fhir': `the server's answer to the {type} ${action} was empty or not FHIR`,
  'reason.fhir.refused': 'the server refused {type} ({status}){scopesMissing, select, true {; the granted scopes do not seem to cover it} other {}}',
  'reason.fhir.busy': `the server was too busy to answer the {type} ${action} ({status}){retries, plural, =0 {} one {; still refused after # retry} other {; still refused after # retries}}`,
  'reason.fhir.rejected': `the server rejected the {type} ${action} (400)${diagnostics}`,
  'reason.fhir.search-not-offered': `the server does not offer {type} searches (404)${diagnostics}`,
  'reason.fhir.not-found': 'a referenced {type} was not found (404)',
  'reason.fhir.server-failed': `the server failed on the {type} ${action} ({status})${diagnostics}`,
  'reason.fhir.not-a-resource': 'the server sent something that is not a FHIR resource',
  'reason.fhir.outcome-instead': `the server answered with an OperationOutcome instead of results${diagnostics}`,
  'reason.fhir.wrong-resource': 'the server sent a {sent} instead of a search Bundle',
  'reason.fhir.read-wrong-type': 'the server did not answer a {type} read with a {type}',
  'reason.fhir.search-failed': 'the {type} search failed: {why}',
  'reason.fhir.page-failed': 'page {page} of the {type} search failed: {why}',
  'reason.fhir.next-link-loop': "the server's next-page links for {type} loop back to a page already read; stopped after {pages} pages",
  'reason.fhir.next-link-foreign': 'the next page link of the {type} search points to another server; not followed',
  'reason.fhir.page-limit':
    'the {type} search{patients, plural, =1 {} other { for # patients at once}} has more than {maxPages} pages; stopped at the safety limit with {read}{hasTotal, select, true { of {total}} other {}} results read; {newestFirst, select, true {older results are not shown} other {the remaining results are not shown}}',
  'reason.fhir.errors-in-results': 'the server reported an error inside the {type} results: {errors}',
  'reason.fhir.not-in-capabilities': 'the server does not offer {type} searches (its CapabilityStatement does not list them)',
  'reason.fhir.other-patient-read': 'the server answered the Patient read with a different patient',
  'reason.fhir.session-ended': 'not read: the session ended before this part was read',
  'reason.fhir.still-reading': 'still being read',
  'reason.fhir.report-members-failed': 'some Observations referenced by lab reports could not be read: {why}',
  'reason.fhir.report-members-foreign': '{n} lab report result reference(s) point to another server; not followed',
  'reason.fhir.report-members-limit': 'more than {max} lab report result Observations to read; stopped at the safety limit',
  'reason.fhir.medications-failed': 'some Medications could not be read: {why}',
  'reason.fhir.medication-refs-foreign': '{n} medication reference(s) point to another server; not followed',
  'reason.fhir.medication-refs-unresolvable': '{n} medication reference(s) cannot be resolved',
  'reason.fhir.several': '{items}',
  'reason.fhir.not-requested': 'returned by a {type} search but not requested',
  'reason.fhir.other-patient': 'belongs to a different patient than the launch patient',
  'reason.fhir.type-not-requested': '{type} was not requested',
  'reason.fhir.no-patient-participant': 'no patient among the participants: cannot confirm it belongs to this patient',
  'reason.fhir.no-patient-element': 'no {element}: cannot confirm it belongs to this patient',
  'reason.fhir.refers-to-non-patient': 'refers to a {type}, not to a Patient',
  'reason.fhir.urn-unresolved': 'refers to its patient by a urn that cannot be resolved: cannot confirm it belongs to this patient',
  'reason.fhir.contained-patient': 'refers to a contained copy of a patient, not to the chart: cannot confirm it belongs to this patient',
  'reason.fhir.patient-ref-unreadable': 'its patient reference cannot be read: cannot confirm it belongs to this patient',
  'reason.fhir.session-expired': 'your session has ended: relaunch LMWH Monitor from the EHR',
  'reason.fhir.network': 'the FHIR server could not be reached',
  'reason.fhir.record-failed': 'the record could not be read',
  'reason.launch.no-patient': "The EHR did not say which patient LMWH Monitor was opened for. Relaunch it from the patient's chart.",
  'reason.launch.state-mismatch':
    'The launch could not be completed: the answer from the authorization server does not match a launch started in this browser tab. Relaunch LMWH Monitor from the EHR.',
  'reason.launch.not-authorised': "The EHR's authorization server did not authorise the launch ({error}{hasDescription, select, true {: {description}} other {}}). Relaunch LMWH Monitor from the EHR.",
  'reason.launch.state-missing':
    'This launch could not be completed in this browser tab (its launch state is missing, for example because the link was opened in a new tab). Relaunch LMWH Monitor from the EHR.',
  'reason.launch.token-refused': "The EHR's authorization server refused to complete the launch (HTTP {status}{hasDetail, select, true {: {detail}} other {}}). Relaunch LMWH Monitor from the EHR.",
  'reason.launch.not-json':
    "The EHR's authorization server answered with something that is not JSON (for example a web page) while completing the launch. Relaunch LMWH Monitor from the EHR.",
  'reason.launch.no-token': 'The EHR did not issue an access token. Relaunch LMWH Monitor from the EHR.',
  'reason.launch.unreachable': "The EHR's authorization server could not be reached. Check the network connection and relaunch LMWH Monitor.",
  'reason.launch.failed': 'The launch could not be completed. Relaunch LMWH Monitor from the EHR.',
  'reason.record.group-status': `${groupSelect(availabilityEn)}: {status, select, unavailable {not available} other {incomplete}}{hasWhy, select, true { ({why})} other {}}`,
  'reason.record.groups-incomplete': '{items}',
  'reason.record.group-name': groupSelect(availabilityEn),
  'reason.cds.not-prefetched': 'not part of the CDS Hooks prefetch',
  'reason.cds.no-prefetch': 'the EHR sent no prefetch "{key}"',
  'reason.cds.prefetch-not-resource': 'prefetch "{key}" is not a FHIR resource',
  'reason.cds.prefetch-paged': 'prefetch "{key}" has further pages that were not sent',
  'reason.cds.medications-not-prefetched': '{n} referenced Medication(s) not in the prefetch',
} as const;
