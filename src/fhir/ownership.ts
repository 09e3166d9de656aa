/**
 * Does a resource belong to the launch patient? Servers have been seen returning resources of other patients (a
 * broken index, a merged chart, a panel member read by id), so every resource is checked before it reaches the domain.
 *
 * Decisions:
 * - `Patient/<id>`, `Patient/<id>/_history/<v>` and absolute URLs ending in `/Patient/<id>` (any base: proxies such as
 *   the SMART launcher rewrite bases) match.
 * - `urn:uuid:...` matches only when the same Bundle page has an entry with that fullUrl which is Patient/<id>.
 * - A contained Patient (`#p`) is a copy, not the chart: it cannot be confirmed, so the resource is dropped.
 * - A resource whose patient field is absent (or only an identifier) cannot be confirmed either and is dropped,
 *   with the reason. A real server cannot match such a resource to `patient=<id>`, so this is an anomaly; showing
 *   it as the patient's data would be assuming. Dropped resources are reported in RecordInput.dropped.
 * - Medication has no subject by design (it describes a product): kept.
 */
import { parseReference } from './references';
import { fhirReason, type FhirReason } from './fhirReasons';

export type Ownership = { ok: true } | { ok: false; reason: FhirReason };

/** Which element names the patient, per resource type the loader reads. */
const PATIENT_ELEMENT: Record<string, 'subject' | 'patient' | 'participant'> = {
  Observation: 'subject',
  DiagnosticReport: 'subject',
  MedicationRequest: 'subject',
  MedicationAdministration: 'subject',
  MedicationStatement: 'subject',
  MedicationDispense: 'subject',
  Procedure: 'subject',
  ServiceRequest: 'subject',
  Encounter: 'subject',
  Condition: 'subject',
  AllergyIntolerance: 'patient',
  Appointment: 'participant',
};

/** Resource types without a patient element that are kept as they are. */
const PATIENT_INDEPENDENT = new Set(['Medication']);

export function checkOwnership(
  resource: fhir4.Resource,
  patientId: string,
  serverUrl: string,
  fullUrls: ReadonlyMap<string, fhir4.Resource> = new Map(),
): Ownership {
  const type = resource.resourceType;
  if (type === 'Patient') {
    return resource.id === patientId ? { ok: true } : { ok: false, reason: fhirReason('fhir.other-patient') };
  }
  if (PATIENT_INDEPENDENT.has(type)) return { ok: true };
  const element = PATIENT_ELEMENT[type];
  if (!element) return { ok: false, reason: fhirReason('fhir.type-not-requested', { type }) };

  const refs: (fhir4.Reference | undefined)[] =
    element === 'participant'
      ? ((resource as fhir4.Appointment).participant ?? [])
          .map((p) => p.actor)
          .filter((a) => a !== undefined && isPatientRef(a, serverUrl))
      : [(resource as unknown as Record<string, fhir4.Reference | undefined>)[element]];
  const present = refs.filter((r): r is fhir4.Reference => r !== undefined);
  if (present.length === 0) {
    return {
      ok: false,
      reason: element === 'participant' ? fhirReason('fhir.no-patient-participant') : fhirReason('fhir.no-patient-element', { element }),
    };
  }
  const verdicts = present.map((r) => refersToPatient(r, patientId, serverUrl, fullUrls));
  if (verdicts.some((v) => v.ok)) return { ok: true };
  return verdicts[0]!;
}

function isPatientRef(ref: fhir4.Reference, serverUrl: string): boolean {
  if (ref.type === 'Patient') return true;
  const parsed = parseReference(ref.reference, serverUrl);
  return (parsed.kind === 'local' || parsed.kind === 'foreign') && parsed.resourceType === 'Patient';
}

function refersToPatient(ref: fhir4.Reference, patientId: string, serverUrl: string, fullUrls: ReadonlyMap<string, fhir4.Resource>): Ownership {
  const parsed = parseReference(ref.reference, serverUrl);
  switch (parsed.kind) {
    case 'local':
    case 'foreign':
      if (parsed.resourceType !== 'Patient') return { ok: false, reason: fhirReason('fhir.refers-to-non-patient', { type: parsed.resourceType }) };
      return parsed.id === patientId ? { ok: true } : { ok: false, reason: fhirReason('fhir.other-patient') };
    case 'urn': {
      const target = fullUrls.get(parsed.value);
      if (target?.resourceType === 'Patient') {
        return target.id === patientId ? { ok: true } : { ok: false, reason: fhirReason('fhir.other-patient') };
      }
      return { ok: false, reason: fhirReason('fhir.urn-unresolved') };
    }
    case 'contained':
      return { ok: false, reason: fhirReason('fhir.contained-patient') };
    case 'unreadable':
      return { ok: false, reason: fhirReason('fhir.patient-ref-unreadable') };
  }
}

/**
 * The patient ids a resource names (by the same elements and reference forms `checkOwnership` accepts), for a search
 * that covered several patients: each entry goes to the records of the patients it names. Contained, unresolvable and
 * non-Patient references name nobody. Patient: its own id. Medication and unknown types: none.
 */
export function patientIdsNamed(resource: fhir4.Resource, serverUrl: string, fullUrls: ReadonlyMap<string, fhir4.Resource> = new Map()): string[] {
  if (resource.resourceType === 'Patient') return resource.id ? [resource.id] : [];
  const element = PATIENT_ELEMENT[resource.resourceType];
  if (!element) return [];
  const refs: (fhir4.Reference | undefined)[] =
    element === 'participant' ? ((resource as fhir4.Appointment).participant ?? []).map((p) => p.actor) : [(resource as unknown as Record<string, fhir4.Reference | undefined>)[element]];
  const ids = new Set<string>();
  for (const ref of refs) {
    const parsed = parseReference(ref?.reference, serverUrl);
    if ((parsed.kind === 'local' || parsed.kind === 'foreign') && parsed.resourceType === 'Patient') ids.add(parsed.id);
    else if (parsed.kind === 'urn') {
      const target = fullUrls.get(parsed.value);
      if (target?.resourceType === 'Patient' && target.id) ids.add(target.id);
    }
  }
  return [...ids];
}
