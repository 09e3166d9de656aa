/**
 * Resolution of medication[x] on MedicationRequest / Administration / Statement / Dispense: the inline concept, a
 * reference to a Medication in the record ("Medication/<id>" or an absolute URL ending in it), or a contained one
 * ("#id"). Anything else is an explicit unresolved result with the reason.
 */
import { arr, get, obj, str } from './safe';
import type { MedicationUse, ResolvedMedication } from './medicationTypes';
import { medReason } from './medicationReasons';

function isMedication(v: unknown): v is fhir4.Medication {
  return get(v, 'resourceType') === 'Medication';
}

/** The Medication id a reference string points to ("Medication/x", ".../Medication/x", ".../Medication/x/_history/2"). */
export function medicationIdFromReference(ref: string): string | undefined {
  const m = /(?:^|\/)Medication\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(ref);
  return m ? m[1] : undefined;
}

/** Resolves medication[x] of a medication resource against the Medications in the record. Never throws. */
export function resolveMedication(resource: MedicationUse, medications: fhir4.Medication[]): ResolvedMedication {
  const concept = get(resource, 'medicationCodeableConcept');
  if (obj(concept)) return { resolved: true, via: 'medicationCodeableConcept', concept: concept as fhir4.CodeableConcept, medication: undefined };
  const refEl = get(resource, 'medicationReference');
  if (!obj(refEl)) return { resolved: false, reason: medReason('med.no-medication') };
  const display = str(get(refEl, 'display'));
  const ref = str(get(refEl, 'reference'));
  const withDisplay = <T extends object>(r: T) => (display ? { ...r, display } : r);
  if (!ref) {
    return withDisplay({
      resolved: false as const,
      reason: obj(get(refEl, 'identifier')) ? medReason('med.reference-identifier-only') : medReason('med.reference-empty'),
    });
  }
  if (ref.startsWith('#')) {
    const id = ref.slice(1);
    const med = arr(get(resource, 'contained')).find((c) => isMedication(c) && str(get(c, 'id')) === id);
    if (isMedication(med)) return { resolved: true, via: 'contained', concept: obj(med.code) ? med.code : undefined, medication: med, reference: ref };
    return withDisplay({ resolved: false as const, reason: medReason('med.contained-not-found', { reference: ref }), reference: ref });
  }
  const id = medicationIdFromReference(ref);
  if (!id) return withDisplay({ resolved: false as const, reason: medReason('med.reference-not-medication', { reference: ref }), reference: ref });
  const med = arr(medications).find((m) => isMedication(m) && str(get(m, 'id')) === id);
  if (isMedication(med)) return { resolved: true, via: 'reference', concept: obj(med.code) ? med.code : undefined, medication: med, reference: ref };
  return withDisplay({ resolved: false as const, reason: medReason('med.medication-not-in-record', { reference: `Medication/${id}` }), reference: ref });
}
