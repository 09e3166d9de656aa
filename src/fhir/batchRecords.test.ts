import { describe, expect, it } from 'vitest';
import { splitByPatient } from './batchRecords';
import type { PagedEntry } from './paging';

const BASE = 'https://fhir.example/r4';
const none = new Map<string, fhir4.Resource>();
const entry = (resource: fhir4.Resource, mode: 'match' | 'include' = 'match', extra: Partial<PagedEntry> = {}): PagedEntry => ({ resource, mode, pageFullUrls: none, ...extra });
const obs = (id: string, subject: string): fhir4.Observation => ({ resourceType: 'Observation', id, status: 'final', code: { text: 'x' }, subject: { reference: subject } });
const order = (id: string, subject: string, medication: string): fhir4.MedicationRequest => ({
  resourceType: 'MedicationRequest',
  id,
  status: 'active',
  intent: 'order',
  subject: { reference: subject },
  medicationReference: { reference: medication },
});
const med = (id: string): fhir4.Medication => ({ resourceType: 'Medication', id });
const idsOf = (entries: PagedEntry[] | undefined) => (entries ?? []).map((e) => `${e.resource.resourceType}/${e.resource.id}`);

describe('splitting the results of a search for several patients', () => {
  it('gives each entry to the patient it names, whatever the reference form (relative, absolute, another base)', () => {
    const { byPatient, unmatched } = splitByPatient(
      [entry(obs('o1', 'Patient/a')), entry(obs('o2', `${BASE}/Patient/b`)), entry(obs('o3', 'https://proxy.example/fhir/Patient/a'))],
      ['a', 'b'],
      BASE,
    );
    expect(idsOf(byPatient.get('a'))).toEqual(['Observation/o1', 'Observation/o3']);
    expect(idsOf(byPatient.get('b'))).toEqual(['Observation/o2']);
    expect(unmatched).toBe(0);
  });

  it('a patient with no results gets an empty list, not a missing one', () => {
    const { byPatient } = splitByPatient([entry(obs('o1', 'Patient/a'))], ['a', 'b'], BASE);
    expect(byPatient.get('b')).toEqual([]);
  });

  it('counts entries naming none of the patients (another patient, no subject, a contained patient) and gives them to nobody', () => {
    const noSubject: fhir4.Observation = { resourceType: 'Observation', id: 'o3', status: 'final', code: { text: 'x' } };
    const { byPatient, unmatched } = splitByPatient([entry(obs('o1', 'Patient/c')), entry(noSubject), entry(obs('o4', '#p1')), entry(obs('o2', 'Patient/a'))], ['a', 'b'], BASE);
    expect(unmatched).toBe(3);
    expect(idsOf(byPatient.get('a'))).toEqual(['Observation/o2']);
    expect(idsOf(byPatient.get('b'))).toEqual([]);
  });

  it('resolves a urn subject through the fullUrls of its own page', () => {
    const page = new Map<string, fhir4.Resource>([['urn:uuid:1', { resourceType: 'Patient', id: 'b' }]]);
    const { byPatient } = splitByPatient([entry(obs('o1', 'urn:uuid:1'), 'match', { pageFullUrls: page })], ['a', 'b'], BASE);
    expect(idsOf(byPatient.get('b'))).toEqual(['Observation/o1']);
  });

  it("an included Medication goes only to the patients whose orders reference it (by id or by the entry's fullUrl)", () => {
    const { byPatient, unmatched } = splitByPatient(
      [
        entry(order('r1', 'Patient/a', 'Medication/m1')),
        entry(order('r2', 'Patient/b', 'urn:uuid:m2')),
        entry(order('r3', 'Patient/b', 'Medication/m1')),
        entry(med('m1'), 'include'),
        entry(med('m2'), 'include', { fullUrl: 'urn:uuid:m2' }),
        entry(med('m3'), 'include'),
      ],
      ['a', 'b'],
      BASE,
    );
    expect(idsOf(byPatient.get('a'))).toEqual(['MedicationRequest/r1', 'Medication/m1']);
    expect(idsOf(byPatient.get('b'))).toEqual(['MedicationRequest/r2', 'MedicationRequest/r3', 'Medication/m1', 'Medication/m2']);
    expect(unmatched).toBe(0);
  });

  it('an Appointment of two of the patients goes to both', () => {
    const appt: fhir4.Appointment = {
      resourceType: 'Appointment',
      id: 'ap1',
      status: 'booked',
      participant: [
        { actor: { reference: 'Patient/a' }, status: 'accepted' },
        { actor: { reference: 'Patient/b' }, status: 'accepted' },
        { actor: { reference: 'Practitioner/x' }, status: 'accepted' },
      ],
    };
    const { byPatient } = splitByPatient([entry(appt)], ['a', 'b'], BASE);
    expect(idsOf(byPatient.get('a'))).toEqual(['Appointment/ap1']);
    expect(idsOf(byPatient.get('b'))).toEqual(['Appointment/ap1']);
  });
});
