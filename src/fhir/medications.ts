/**
 * Medications in all three shapes. `medicationCodeableConcept`: nothing to fetch. `medicationReference` to `#id`: the
 * Medication is contained in the resource, nothing to fetch. `medicationReference` to `Medication/<id>`: taken from the
 * `_include`d entries when the server supports it, otherwise read individually, each distinct Medication once.
 * A reference to another server is never fetched (the token would go there) and leaves the group incomplete.
 */
import { parseReference } from './references';

const MEDICATION_USERS = new Set(['MedicationRequest', 'MedicationAdministration', 'MedicationStatement', 'MedicationDispense']);

export interface MedicationReferences {
  /** Ids of Medication resources on the FHIR server that still have to be read (distinct, in first-seen order). */
  toRead: string[];
  /** How many references point to another server (not followed). */
  foreign: number;
  /** How many references cannot be resolved (unreadable, urn, missing contained resource). */
  unresolvable: number;
}

type MedicationUser = fhir4.MedicationRequest | fhir4.MedicationAdministration | fhir4.MedicationStatement | fhir4.MedicationDispense;

export function medicationReferences(resources: Iterable<fhir4.Resource>, loadedMedicationIds: ReadonlySet<string>, serverUrl: string): MedicationReferences {
  const toRead: string[] = [];
  const seen = new Set<string>();
  let foreign = 0;
  let unresolvable = 0;
  for (const resource of resources) {
    if (!MEDICATION_USERS.has(resource.resourceType)) continue;
    const user = resource as MedicationUser;
    const ref = user.medicationReference;
    if (!ref) continue;
    const parsed = parseReference(ref.reference, serverUrl);
    switch (parsed.kind) {
      case 'contained':
        if (!(user.contained ?? []).some((c) => c.id === parsed.id && c.resourceType === 'Medication')) unresolvable += 1;
        break;
      case 'local':
        if (parsed.resourceType !== 'Medication') unresolvable += 1;
        else if (!loadedMedicationIds.has(parsed.id) && !seen.has(parsed.id)) {
          seen.add(parsed.id);
          toRead.push(parsed.id);
        }
        break;
      case 'foreign':
        foreign += 1;
        break;
      default:
        // A reference with only a display (or a urn) names a medication but gives nothing to read; the domain
        // sees the display as text. Counted so the medications group does not claim to be complete.
        if (ref.reference !== undefined) unresolvable += 1;
        else if (!ref.display) unresolvable += 1;
    }
  }
  return { toRead, foreign, unresolvable };
}
