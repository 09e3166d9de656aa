import { worded } from '../../test/support/reasonText';
import { describe, expect, it } from 'vitest';
import { checkOwnership } from './ownership';

const SERVER = 'https://ehr.example/fhir/R4';
const obs = (subject?: fhir4.Reference) => ({ resourceType: 'Observation', id: 'o', status: 'final', code: {}, ...(subject ? { subject } : {}) }) as fhir4.Observation;

describe('checkOwnership', () => {
  it.each([
    ['Patient/p1', true],
    ['Patient/p1/_history/3', true],
    ['https://ehr.example/fhir/R4/Patient/p1', true],
    ['https://canonical.example/base/Patient/p1', true],
    ['Patient/p2', false],
    ['Patient/p10', false],
    ['Group/p1', false],
  ])('subject %s belongs to p1: %s', (reference, ok) => {
    expect(checkOwnership(obs({ reference }), 'p1', SERVER).ok).toBe(ok);
  });

  it('a urn reference is resolved through the page fullUrls', () => {
    const page = new Map<string, fhir4.Resource>([
      ['urn:uuid:a', { resourceType: 'Patient', id: 'p1' }],
      ['urn:uuid:b', { resourceType: 'Patient', id: 'p2' }],
    ]);
    expect(checkOwnership(obs({ reference: 'urn:uuid:a' }), 'p1', SERVER, page)).toEqual({ ok: true });
    expect(worded(checkOwnership(obs({ reference: 'urn:uuid:b' }), 'p1', SERVER, page))).toEqual({ ok: false, reason: 'belongs to a different patient than the launch patient' });
    expect(checkOwnership(obs({ reference: 'urn:uuid:c' }), 'p1', SERVER, page).ok).toBe(false);
  });

  it('a contained patient, an identifier-only or a missing subject cannot be confirmed and is not accepted', () => {
    expect(checkOwnership(obs({ reference: '#pat' }), 'p1', SERVER).ok).toBe(false);
    expect(checkOwnership(obs({ identifier: { value: 'MRN1' } }), 'p1', SERVER).ok).toBe(false);
    expect(worded(checkOwnership(obs(), 'p1', SERVER))).toEqual({ ok: false, reason: 'no subject: cannot confirm it belongs to this patient' });
  });

  it('AllergyIntolerance uses patient, Appointment any patient participant, Medication has no patient', () => {
    expect(checkOwnership({ resourceType: 'AllergyIntolerance', patient: { reference: 'Patient/p1' } } as fhir4.AllergyIntolerance, 'p1', SERVER).ok).toBe(true);
    const appt = (refs: string[]) => ({ resourceType: 'Appointment', status: 'booked', participant: refs.map((reference) => ({ actor: { reference }, status: 'accepted' })) }) as fhir4.Appointment;
    expect(checkOwnership(appt(['Practitioner/d1', 'Patient/p1']), 'p1', SERVER).ok).toBe(true);
    expect(checkOwnership(appt(['Practitioner/d1', 'Patient/p2']), 'p1', SERVER).ok).toBe(false);
    expect(checkOwnership(appt(['Practitioner/d1']), 'p1', SERVER).ok).toBe(false);
    expect(checkOwnership({ resourceType: 'Medication', id: 'm' }, 'p1', SERVER).ok).toBe(true);
    expect(checkOwnership({ resourceType: 'Patient', id: 'p2' }, 'p1', SERVER).ok).toBe(false);
  });
});
