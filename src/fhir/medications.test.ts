import { describe, expect, it } from 'vitest';
import { medicationReferences } from './medications';

const SERVER = 'https://ehr.example/fhir';
const mr = (id: string, medication: Partial<fhir4.MedicationRequest>) =>
  ({ resourceType: 'MedicationRequest', id, status: 'active', intent: 'order', subject: { reference: 'Patient/p1' }, ...medication }) as fhir4.MedicationRequest;

describe('medicationReferences', () => {
  it('each distinct Medication on the server once; coded and contained need nothing', () => {
    const res = medicationReferences(
      [
        mr('a', { medicationReference: { reference: 'Medication/m1' } }),
        mr('b', { medicationReference: { reference: `${SERVER}/Medication/m1` } }),
        mr('c', { medicationReference: { reference: 'Medication/m2' } }),
        mr('d', { medicationCodeableConcept: { text: 'enoxaparin' } }),
        mr('e', { medicationReference: { reference: '#c1' }, contained: [{ resourceType: 'Medication', id: 'c1' }] }),
        { resourceType: 'MedicationAdministration', id: 'f', status: 'completed', subject: { reference: 'Patient/p1' }, effectiveDateTime: '2026-01-01', medicationReference: { reference: 'Medication/m3' } } as fhir4.MedicationAdministration,
      ],
      new Set(['m2']),
      SERVER,
    );
    expect(res).toEqual({ toRead: ['m1', 'm3'], foreign: 0, unresolvable: 0 });
  });

  it('counts references to another server and unresolvable ones (missing contained, urn)', () => {
    const res = medicationReferences(
      [
        mr('a', { medicationReference: { reference: 'https://other.example/fhir/Medication/m1' } }),
        mr('b', { medicationReference: { reference: '#missing' } }),
        mr('c', { medicationReference: { reference: 'urn:uuid:1' } }),
        mr('d', { medicationReference: { display: 'Clexane 40 mg' } }),
      ],
      new Set(),
      SERVER,
    );
    expect(res).toEqual({ toRead: [], foreign: 1, unresolvable: 2 });
  });
});
