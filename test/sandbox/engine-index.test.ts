import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryRepository, FhirRouter, makeSimpleRequest } from '@medplum/fhir-router';
import { createFhirEngine } from '../../mocks/fhir-engine.mjs';
import { loadMedplum } from '../../mocks/engine/medplum.mjs';
import { testBundle } from './helpers';

/** A store with two patients' records plus cross-patient resources (orders, a Group, a List). */
function dataset(): fhir4.Resource[] {
  const base = (testBundle(40).entry ?? []).map((e) => e.resource as fhir4.Resource);
  const extra: fhir4.Resource[] = [];
  for (const [i, pid] of ['pA', 'pB', 'pC'].entries()) {
    if (pid === 'pC') extra.push({ resourceType: 'Patient', id: 'pC', name: [{ family: 'Third' }] } as fhir4.Patient);
    extra.push({
      resourceType: 'MedicationRequest', id: `mr-${pid}`, status: i === 1 ? 'completed' : 'active', intent: 'order',
      medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '854228' }] },
      subject: { reference: `Patient/${pid}` }, authoredOn: `2026-0${i + 1}-10`,
    } as fhir4.MedicationRequest);
  }
  extra.push(
    { resourceType: 'Group', id: 'grp', type: 'person', actual: true, member: [{ entity: { reference: 'Patient/pA' } }, { entity: { reference: 'Patient/pC' } }] } as fhir4.Group,
    { resourceType: 'List', id: 'lst', status: 'current', mode: 'working', subject: { reference: 'Patient/pB' }, entry: [{ item: { reference: 'Patient/pB' } }] } as fhir4.List,
  );
  return [...base, ...extra];
}

/** Searches whose results must not change with the indexes (relative to the engine's base). */
const SEARCHES = [
  'Observation?patient=pA',
  'Observation?patient=pA&code=29463-7',
  'Observation?patient=pA&code=http://loinc.org|48065-7',
  'Observation?subject=Patient/pA&category=laboratory',
  'Observation?patient=pA&date=ge2025-12-20&_sort=-date',
  'Observation?patient=pA&_sort=date',
  'Observation?code=29463-7',
  'Observation?patient=pA,pB&code=29463-7',
  'Observation?_id=w1,b1',
  'MedicationRequest?status=active&code=854228',
  'MedicationRequest?code=http://www.nlm.nih.gov/research/umls/rxnorm|854228&_sort=-authoredon',
  'MedicationRequest?patient=pB',
  'Group?member=Patient/pC',
  'List?subject=Patient/pB',
  'Appointment?patient=pA',
  'Patient?_id=pA',
  'Patient?family=Test',
];

/** The same search on Medplum's own MemoryRepository (a full scan), with bare ids written as Medplum needs them. */
async function scanIds(router: FhirRouter, repo: MemoryRepository, search: string): Promise<{ ids: string[]; total: number }> {
  const typed = search
    .replace(/(patient|subject)=([A-Za-z0-9]+(,[A-Za-z0-9]+)*)(&|$)/, (_m, name: string, ids: string, _x, end: string) => `${name}=${ids.split(',').map((id) => `Patient/${id}`).join(',')}${end}`);
  const [, bundle] = await router.handleRequest(makeSimpleRequest('GET', `${typed}${typed.includes('?') ? '&' : '?'}_count=1000`), repo);
  const b = bundle as fhir4.Bundle;
  return { ids: (b.entry ?? []).map((e) => String(e.resource?.id)), total: (b.entry ?? []).length };
}

describe('indexed engine gives the same results as a full scan', () => {
  let engine: Awaited<ReturnType<typeof createFhirEngine>>;
  const router = new FhirRouter();
  const repo = new MemoryRepository();

  beforeAll(async () => {
    await loadMedplum();
    engine = await createFhirEngine({ baseUrl: 'https://ehr.example/fhir' });
    const resources = dataset();
    const loaded = await engine.load(resources, 'dataset');
    expect(loaded.errors).toEqual([]);
    for (const r of resources) await repo.updateResource(r as never);
  });

  it.each(SEARCHES)('%s', async (search) => {
    const ours = await engine.handle({ method: 'GET', url: `${search}&_count=100`.replace(/^([A-Za-z]+)&/, '$1?'), grant: null });
    expect(ours.status).toBe(200);
    const oursIds = (ours.body.entry ?? []).filter((e: fhir4.BundleEntry) => e.search?.mode === 'match').map((e: fhir4.BundleEntry) => String(e.resource?.id));
    const scan = await scanIds(router, repo, search);
    expect(scan.ids.length).toBeGreaterThan(0);
    expect(ours.body.total).toBe(scan.total);
    if (search.includes('_sort=')) expect(oursIds).toEqual(scan.ids);
    else expect([...oursIds].sort()).toEqual([...scan.ids].sort());
  });
});

describe('indexes follow writes', () => {
  it('an updated code, a deleted resource and a new patient reference are found where they now belong', async () => {
    const engine = await createFhirEngine({ baseUrl: 'https://ehr.example/fhir' });
    await engine.load(dataset(), 'dataset');
    const ids = async (url: string) => ((await engine.handle({ method: 'GET', url, grant: null })).body.entry ?? []).map((e: fhir4.BundleEntry) => e.resource?.id);
    expect(await ids('MedicationRequest?status=active&code=854228')).toEqual(expect.arrayContaining(['mr-pA', 'mr-pC']));
    expect(await ids('Group?member=Patient/pB')).toEqual([]);
    const res = await engine.handle({
      method: 'POST', url: 'https://ehr.example/fhir', grant: null,
      body: {
        resourceType: 'Bundle', type: 'transaction',
        entry: [
          { resource: { resourceType: 'MedicationRequest', id: 'mr-pA', status: 'stopped', intent: 'order', subject: { reference: 'Patient/pA' } }, request: { method: 'PUT', url: 'MedicationRequest/mr-pA' } },
          { request: { method: 'DELETE', url: 'MedicationRequest/mr-pC' } },
          { resource: { resourceType: 'Group', id: 'grp', type: 'person', actual: true, member: [{ entity: { reference: 'Patient/pB' } }] }, request: { method: 'PUT', url: 'Group/grp' } },
        ],
      },
    });
    expect(res.body.entry.map((e: fhir4.BundleEntry) => e.response?.status)).toEqual(['200 OK', '204 No Content', '200 OK']);
    expect(await ids('MedicationRequest?status=active&code=854228')).toEqual([]);
    expect(await ids('MedicationRequest?status=stopped')).toEqual(['mr-pA']);
    expect(await ids('MedicationRequest?patient=pC')).toEqual([]);
    expect(await ids('Group?member=Patient/pB')).toEqual(['grp']);
    expect(await ids('Group?member=Patient/pC')).toEqual([]);
  });

  it('a patient-level grant sees only its compartment, by every compartment parameter', async () => {
    const engine = await createFhirEngine({ baseUrl: 'https://ehr.example/fhir' });
    await engine.load(dataset(), 'dataset');
    const grant = { patient: 'pC', scopes: ['patient/*.rs'] };
    const ids = async (url: string) => ((await engine.handle({ method: 'GET', url, grant })).body.entry ?? []).map((e: fhir4.BundleEntry) => e.resource?.id);
    expect(await ids('Group')).toEqual(['grp']);
    expect(await ids('List')).toEqual([]);
    expect(await ids('MedicationRequest')).toEqual(['mr-pC']);
    expect(await ids('Observation')).toEqual([]);
  });
});

describe('searches and reads under a patient grant use the value indexes within her compartment', () => {
  it('coded searches answer as without a grant, follow a changed code, and reads stay confined', async () => {
    const engine = await createFhirEngine({ baseUrl: 'https://ehr.example/fhir' });
    await engine.load(dataset(), 'dataset');
    engine.buildIndexes([['Observation', 'code'], ['Observation', 'category']]);
    const grant = { patient: 'pA', scopes: ['patient/*.rs'] };
    const ids = async (url: string, g: typeof grant | null) => ((await engine.handle({ method: 'GET', url, grant: g })).body.entry ?? []).map((e: fhir4.BundleEntry) => String(e.resource?.id)).sort();
    for (const search of ['Observation?patient=pA&code=29463-7&_count=100', 'Observation?patient=pA&category=laboratory&code=http://loinc.org|48065-7', 'Observation?code=29463-7&_count=100']) {
      const confined = await ids(search, grant);
      expect(confined.length).toBeGreaterThan(0);
      expect(confined).toEqual(await ids(search.includes('patient=') ? search : `${search}&patient=pA`, null));
    }
    // pB's weight has the same code but is outside pA's compartment.
    expect(await ids('Observation?code=29463-7&_count=100', grant)).not.toContain('b1');
    const w1 = { resourceType: 'Observation', id: 'w1', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '48065-7' }] }, subject: { reference: 'Patient/pA' } };
    const put = await engine.handle({
      method: 'POST', url: 'https://ehr.example/fhir', grant: null,
      body: { resourceType: 'Bundle', type: 'transaction', entry: [{ resource: w1, request: { method: 'PUT', url: 'Observation/w1' } }] },
    });
    expect(put.status).toBe(200);
    expect(await ids('Observation?patient=pA&code=http://loinc.org|48065-7', grant)).toContain('w1');
    expect(await ids('Observation?patient=pA&code=29463-7&_count=100', grant)).not.toContain('w1');
    expect((await engine.handle({ method: 'GET', url: 'Observation/w2', grant })).status).toBe(200);
    expect((await engine.handle({ method: 'GET', url: 'Observation/b1', grant })).status).toBe(403);
    expect((await engine.handle({ method: 'GET', url: 'Medication/med-enox', grant })).status).toBe(200);
  });
});
