import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { startSandbox } from '../../mocks/sandbox/index.mjs';
import { createFhirEngine } from '../../mocks/fhir-engine.mjs';
import { NOW, ehrToken, fhirGet, silent, tempFiles, testBundle, type FhirBody } from './helpers';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let base: string;
let token: string;

beforeAll(async () => {
  const dir = await tempFiles({ 'patients.json': JSON.stringify(testBundle(130)) });
  sandbox = await startSandbox({ port: 0, now: NOW, dataPaths: [path.join(dir, 'patients.json')], log: silent, demo: false });
  base = sandbox.url;
  token = (await ehrToken(base, 'pA', 'launch patient/*.rs')).access_token;
});
afterAll(async () => {
  await sandbox?.close();
});

const ids = (b: FhirBody, mode = 'match') => (b.entry ?? []).filter((e) => e.search?.mode === mode).map((e) => String(e.resource?.id));
const next = (b: FhirBody) => b.link?.find((l) => l.relation === 'next')?.url;

describe('sandbox FHIR search over HTTP', () => {
  it('paging walks every page of 130 body weights: each id seen once, next links absolute under the FHIR base', async () => {
    const seen: string[] = [];
    let url: string | undefined = `${base}/fhir/Observation?patient=pA&code=29463-7&_count=50`;
    let pages = 0;
    while (url) {
      expect(url.startsWith(`${base}/fhir/`)).toBe(true);
      const res = await fhirGet(base, url, token);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
      seen.push(...ids(res.body));
      url = next(res.body);
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(130);
    expect(new Set(seen).size).toBe(130);
  });

  it('defaults to 20 entries per page and caps _count at 100, the server page limit', async () => {
    const def = await fhirGet(base, 'Observation?patient=pA', token);
    expect(def.body.entry).toHaveLength(20);
    const capped = await fhirGet(base, 'Observation?patient=pA&_count=1000', token);
    expect(capped.body.entry).toHaveLength(100);
    expect(capped.body.total).toBe(132);
    expect(next(capped.body)).toMatch(/_count=100&_offset=100$/);
  });

  it('entries carry fullUrl and search.mode match', async () => {
    const res = await fhirGet(base, 'Observation?patient=pA&code=48065-7', token);
    expect(res.body.entry?.[0]?.fullUrl).toMatch(new RegExp(`^${base}/fhir/Observation/`));
    expect(res.body.entry?.every((e) => e.search?.mode === 'match')).toBe(true);
  });

  it('_include=MedicationRequest:medication adds the Medication with search.mode include', async () => {
    const res = await fhirGet(base, 'MedicationRequest?patient=pA&_include=MedicationRequest:medication', token);
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual(['mr1']);
    expect(ids(res.body, 'include')).toEqual(['med-enox']);
    const without = await fhirGet(base, 'MedicationRequest?patient=pA', token);
    expect(ids(without.body, 'include')).toEqual([]);
  });

  it('code matches with and without system: the local-system D-dimer code is excluded by the LOINC system', async () => {
    const any = await fhirGet(base, 'Observation?patient=pA&code=48065-7', token);
    expect(ids(any.body).sort()).toEqual(['dd-local', 'dd1']);
    const loinc = await fhirGet(base, `Observation?patient=pA&code=${encodeURIComponent('http://loinc.org|48065-7')}`, token);
    expect(ids(loinc.body)).toEqual(['dd1']);
  });

  it('category filters laboratory results', async () => {
    const res = await fhirGet(base, 'Observation?patient=pA&category=laboratory', token);
    expect(ids(res.body)).toEqual(['dd1']);
  });

  it('date=ge keeps only results on or after the date', async () => {
    const res = await fhirGet(base, 'Observation?patient=pA&code=29463-7&date=ge2025-12-30', token);
    // w0 = 2026-01-01, w1 = 2025-12-31, w2 = 2025-12-30
    expect(ids(res.body).sort()).toEqual(['w0', 'w1', 'w2']);
  });

  it('_sort=-date returns the newest first', async () => {
    const res = await fhirGet(base, 'Observation?patient=pA&_sort=-date&_count=3', token);
    expect(ids(res.body)).toEqual(['dd-local', 'dd1', 'w0']);
    const dates = (res.body.entry ?? []).map((e) => (e.resource as fhir4.Observation).effectiveDateTime);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('answers an unknown search parameter with 400 and an OperationOutcome (never an empty match)', async () => {
    const res = await fhirGet(base, 'Observation?patient=pA&not-a-param=1', token);
    expect(res.status).toBe(400);
    expect(res.body.resourceType).toBe('OperationOutcome');
    expect(res.body.issue?.[0]?.diagnostics).toMatch(/not-a-param/);
  });

  it('answers an unknown id with 404 and an unsupported method with 405', async () => {
    expect((await fhirGet(base, 'Observation/nope', token)).status).toBe(404);
    const del = await fetch(`${base}/fhir/Observation/w1`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(del.status).toBe(405);
    expect((await del.json()).resourceType).toBe('OperationOutcome');
  });

  it('the CapabilityStatement advertises _include for MedicationRequest and the supported search params', async () => {
    const res = await fhirGet(base, 'metadata');
    const rest = (res.body.rest as fhir4.CapabilityStatementRest[])[0];
    const mr = rest?.resource?.find((r) => r.type === 'MedicationRequest');
    expect(mr?.searchInclude).toEqual(['MedicationRequest:medication']);
    const obs = rest?.resource?.find((r) => r.type === 'Observation');
    expect(obs?.searchParam?.map((p) => p.name)).toEqual(expect.arrayContaining(['patient', 'subject', 'code', 'category', 'status', 'date']));
  });
});

describe('FHIR engine without a grant (as used by MSW)', () => {
  let engine: Awaited<ReturnType<typeof createFhirEngine>>;
  beforeAll(async () => {
    engine = await createFhirEngine({ baseUrl: 'https://ehr.example/fhir' });
  });

  it('a POSTed transaction assigns ids and rewrites urn:uuid references to them', async () => {
    const res = await engine.handle({
      method: 'POST',
      url: 'https://ehr.example/fhir',
      grant: null,
      body: {
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [
          { fullUrl: 'urn:uuid:11111111-1111-4111-8111-111111111111', resource: { resourceType: 'Patient', name: [{ family: 'Uuid' }] }, request: { method: 'POST', url: 'Patient' } },
          {
            fullUrl: 'urn:uuid:22222222-2222-4222-8222-222222222222',
            resource: { resourceType: 'Observation', status: 'final', code: { text: 'weight' }, subject: { reference: 'urn:uuid:11111111-1111-4111-8111-111111111111' } },
            request: { method: 'POST', url: 'Observation' },
          },
        ],
      },
    });
    expect(res.status).toBe(200);
    const patients = await engine.patients();
    const patient = patients.find((p) => p.name?.[0]?.family === 'Uuid');
    expect(patient?.id).toBeTruthy();
    expect(patient?.id).not.toBe('11111111-1111-4111-8111-111111111111');
    const search = await engine.handle({ method: 'GET', url: `Observation?patient=${patient?.id}`, grant: null });
    expect(search.body.entry).toHaveLength(1);
    expect(search.body.entry[0].resource.subject.reference).toBe(`Patient/${patient?.id}`);
  });

  it('accepts v1 and v2 scope spellings and refuses a type not covered', async () => {
    await engine.load({ resourceType: 'Patient', id: 'g1' }, 'inline');
    for (const scopes of [['patient/Patient.read'], ['patient/*.read'], ['user/Patient.read'], ['patient/Patient.rs'], ['patient/*.rs?category=x']]) {
      const res = await engine.handle({ method: 'GET', url: 'Patient/g1', grant: { patient: 'g1', scopes } });
      expect(res.status).toBe(200);
    }
    const denied = await engine.handle({ method: 'GET', url: 'Patient/g1', grant: { patient: 'g1', scopes: ['patient/Observation.rs'] } });
    expect(denied.status).toBe(403);
    const searchOnly = await engine.handle({ method: 'GET', url: 'Patient/g1', grant: { patient: 'g1', scopes: ['patient/Patient.s'] } });
    expect(searchOnly.status).toBe(403);
  });

  it('answers relative and absolute URLs alike and refuses URLs outside the base', async () => {
    expect((await engine.handle({ method: 'GET', url: 'https://ehr.example/fhir/Patient/g1', grant: null })).status).toBe(200);
    expect((await engine.handle({ method: 'GET', url: '/fhir/Patient/g1', grant: null })).status).toBe(200);
    expect((await engine.handle({ method: 'GET', url: 'https://other.example/fhir/Patient/g1', grant: null })).status).toBe(400);
    expect((await engine.handle({ method: 'GET', url: 'NotAType?x=1', grant: null })).status).toBe(400);
    expect((await engine.handle({ method: 'GET', url: 'Observation?_count=abc', grant: null })).status).toBe(400);
  });
});
