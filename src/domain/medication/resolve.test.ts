import { describe, expect, it } from 'vitest';
import { medicationIdFromReference, resolveMedication } from './resolve';

const RX = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const enoxMed: fhir4.Medication = { resourceType: 'Medication', id: 'enox-40', code: { coding: [{ system: RX, code: '854235' }] } };

// US Core example shapes (medicationReference to a Medication in the record; contained Medication).
const usCoreReferenced: fhir4.MedicationRequest = {
  resourceType: 'MedicationRequest', id: 'uscore-mo1', status: 'active', intent: 'order',
  medicationReference: { reference: 'Medication/enox-40', display: 'Enoxaparin 40 mg' }, subject: { reference: 'Patient/example' },
};
const usCoreContained: fhir4.MedicationRequest = {
  resourceType: 'MedicationRequest', id: 'uscore-mo2', status: 'active', intent: 'order',
  contained: [{ resourceType: 'Medication', id: 'med1', code: { coding: [{ system: RX, code: '854228', display: '0.3 ML enoxaparin sodium 100 MG/ML Prefilled Syringe' }] } } as fhir4.Medication],
  medicationReference: { reference: '#med1' }, subject: { reference: 'Patient/example' },
};

describe('resolveMedication', () => {
  it('an inline medicationCodeableConcept resolves to itself', () => {
    const r = resolveMedication({ resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject: {}, medicationCodeableConcept: { text: 'Clexane' } }, []);
    expect(r).toMatchObject({ resolved: true, via: 'medicationCodeableConcept', concept: { text: 'Clexane' } });
  });
  it('US Core referenced Medication/<id> resolves to the Medication in the record', () => {
    expect(resolveMedication(usCoreReferenced, [enoxMed])).toMatchObject({ resolved: true, via: 'reference', medication: { id: 'enox-40' } });
  });
  it('an absolute URL ending in Medication/<id> resolves', () => {
    const mr = { ...usCoreReferenced, medicationReference: { reference: 'https://fhir.example.org/R4/Medication/enox-40' } };
    expect(resolveMedication(mr, [enoxMed])).toMatchObject({ resolved: true, via: 'reference' });
  });
  it('a versioned reference resolves', () => {
    const mr = { ...usCoreReferenced, medicationReference: { reference: 'Medication/enox-40/_history/3' } };
    expect(resolveMedication(mr, [enoxMed])).toMatchObject({ resolved: true });
  });
  it('US Core contained #med1 resolves to the contained Medication', () => {
    expect(resolveMedication(usCoreContained, [])).toMatchObject({ resolved: true, via: 'contained', medication: { id: 'med1' } });
  });
  it.each([
    ['a Medication not in the record', { reference: 'Medication/missing' }, { code: 'med.medication-not-in-record', params: { reference: 'Medication/missing' } }],
    ['a contained id that is not there', { reference: '#nope' }, { code: 'med.contained-not-found', params: { reference: '#nope' } }],
    ['a reference to another resource type', { reference: 'Substance/1' }, { code: 'med.reference-not-medication', params: { reference: 'Substance/1' } }],
    ['a reference by identifier only', { identifier: { value: 'X' } }, { code: 'med.reference-identifier-only' }],
    ['an empty reference', {}, { code: 'med.reference-empty' }],
  ])('%s is unresolved with the reason', (_n, ref, reason) => {
    const r = resolveMedication({ ...usCoreReferenced, medicationReference: ref as fhir4.Reference }, [enoxMed]);
    expect(r).toMatchObject({ resolved: false, reason });
  });
  it('an unresolved reference keeps its display for a labelled text fallback', () => {
    const r = resolveMedication({ ...usCoreReferenced, medicationReference: { reference: 'Medication/x', display: 'Lovenox' } }, []);
    expect(r).toMatchObject({ resolved: false, display: 'Lovenox' });
  });
  it('no medication[x] at all is unresolved', () => {
    const { medicationReference: _m, ...rest } = usCoreReferenced;
    expect(resolveMedication(rest as fhir4.MedicationRequest, [])).toMatchObject({ resolved: false });
  });
  it('a Medication id in the record with a different id is not matched by prefix', () => {
    expect(resolveMedication({ ...usCoreReferenced, medicationReference: { reference: 'Medication/enox-4' } }, [enoxMed])).toMatchObject({ resolved: false });
  });
});

describe('medicationIdFromReference', () => {
  it.each([
    ['Medication/abc', 'abc'],
    ['http://x/fhir/Medication/abc', 'abc'],
    ['Medication/abc/_history/1', 'abc'],
    ['MedicationRequest/abc', undefined],
    ['Patient/1', undefined],
  ])('%s -> %s', (ref, id) => expect(medicationIdFromReference(ref)).toBe(id));
});
