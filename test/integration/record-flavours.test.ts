/**
 * loadPatientRecord against MSW servers that reproduce real sandboxes (mocks/msw/flavours.ts) and hand-written
 * paging/error edge cases (mocks/msw/edge.ts). Every request is logged, so the tests can assert what was never sent.
 */
import { reasonText, worded } from '../support/reasonText';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { loadPatientRecord } from '../../src/fhir/loadRecord';
import { QUERY_GROUPS, type RecordInput } from '../../src/domain/input';
import { buildDataset, EXPECTED_CLINICAL_KEYS, PATIENT_ID, type MedicationShape } from '../../mocks/msw/dataset';
import { epicLike, hapiLike, launcherLike, oracleLike, EPIC_WARNING_4119, type FlavourServer } from '../../mocks/msw/flavours';
import { endlessPages, failingPage, fixedSearch, foreignNextLink, manyPages, nextLinkLoop, searchset } from '../../mocks/msw/edge';
import { fetchRequester } from './requester';
import { SessionExpiredError } from '../../src/fhir/errors';

const NOW = Date.UTC(2026, 2, 1, 9, 30);
const server = setupServer();
const seen: { method: string; url: string }[] = [];

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => seen.push({ method: request.method, url: request.url }));
});
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
});
afterAll(() => server.close());

const dataset = (shape: MedicationShape) => buildDataset({ now: NOW, medicationShape: shape });

async function start(flavour: Promise<FlavourServer>): Promise<FlavourServer> {
  const f = await flavour;
  server.use(...f.handlers);
  return f;
}

const load = (f: FlavourServer, extra: Partial<Parameters<typeof loadPatientRecord>[2]> = {}) =>
  loadPatientRecord(fetchRequester(f.baseUrl), PATIENT_ID, { now: NOW, ...extra });

const clinicalKeys = (r: RecordInput) =>
  r.resources
    .filter((x) => x.resourceType !== 'Medication')
    .map((x) => `${x.resourceType}/${x.id}`)
    .sort();

/** The enoxaparin code of the order, whichever of the three shapes the server used. */
function orderedMedicationCode(record: RecordInput): string | undefined {
  const mr = record.resources.find((r) => r.resourceType === 'MedicationRequest') as fhir4.MedicationRequest | undefined;
  if (!mr) return undefined;
  if (mr.medicationCodeableConcept) return mr.medicationCodeableConcept.coding?.[0]?.code;
  const ref = mr.medicationReference?.reference ?? '';
  const med = ref.startsWith('#')
    ? (mr.contained?.find((c) => c.id === ref.slice(1)) as fhir4.Medication | undefined)
    : (record.resources.find((r) => r.resourceType === 'Medication' && `Medication/${r.id}` === ref) as fhir4.Medication | undefined);
  return med?.code?.coding?.[0]?.code;
}

function assertQueryShapes(f: FlavourServer) {
  const gets = f.requests.filter((r) => r.method === 'GET').map((r) => new URL(r.url));
  // No batch or transaction, nothing but GET.
  expect(f.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  expect(f.requests.some((r) => r.bodyType === 'Bundle')).toBe(false);
  const firstPages = gets.filter((u) => !u.searchParams.has('sessionID') && !u.searchParams.has('pageContext') && !u.searchParams.has('_getpages'));
  const observationSearches = firstPages.filter((u) => u.pathname.endsWith('/Observation'));
  expect(observationSearches.length).toBeGreaterThan(0);
  for (const u of observationSearches) expect(u.searchParams.has('code') || u.searchParams.has('category')).toBe(true);
  const appointment = firstPages.filter((u) => u.pathname.endsWith('/Appointment'));
  expect(appointment).toHaveLength(1);
  expect(appointment[0]!.searchParams.getAll('date')).toEqual(['ge2024-03-01T09:30:00Z', 'le2027-03-01T09:30:00Z']);
  for (const u of firstPages.filter((x) => /\/[A-Z][A-Za-z]+$/.test(x.pathname) && !x.pathname.endsWith('/metadata'))) {
    expect(u.searchParams.get('patient')).toBe(PATIENT_ID);
  }
}

describe.each([
  ['epicLike (Medication by reference, _include)', (pageSize?: number) => epicLike({ resources: dataset('reference'), pageSize })],
  ['epicLike without _include (Medication read)', (pageSize?: number) => epicLike({ resources: dataset('reference'), advertiseInclude: false, pageSize })],
  ['oracleLike (contained Medication)', (pageSize?: number) => oracleLike({ resources: dataset('contained'), pageSize })],
  ['hapiLike (coded medication)', (pageSize?: number) => hapiLike({ resources: dataset('coded'), pageSize })],
  ['launcherLike (coded medication)', (pageSize?: number) => launcherLike({ resources: dataset('coded'), pageSize })],
] as const)('%s', (_name, make) => {
  it('returns the same clinical resources as every other flavour, every group complete', async () => {
    const f = await start(make());
    const record = await load(f);
    expect(clinicalKeys(record)).toEqual(EXPECTED_CLINICAL_KEYS);
    for (const g of QUERY_GROUPS) expect({ group: g, status: record.groups[g].status, reason: record.groups[g].reason }).toEqual({ group: g, status: 'complete', reason: undefined });
    expect(orderedMedicationCode(record)).toBe('854235');
    expect(record.readAt).toBe(NOW);
    expect(record.patientId).toBe(PATIENT_ID);
  });

  it('drops the other patient\'s D-dimer referenced by a lab report and keeps only wanted panel members', async () => {
    const f = await start(make());
    const record = await load(f);
    expect(worded(record.dropped)).toEqual([{ resourceType: 'Observation', id: 'dd-foreign', reason: 'belongs to a different patient than the launch patient' }]);
    const ids = record.resources.map((r) => r.id);
    expect(ids).toContain('plt-1'); // platelets, reachable only as a report result
    expect(ids).not.toContain('glu-1'); // glucose: read, not a code the app uses
    expect(ids).not.toContain('wt-other');
    expect(ids).not.toContain('ap-old'); // outside the Appointment window
  });

  it('sends only GETs, with code or category on every Observation search and a date range on Appointment', async () => {
    const f = await start(make());
    await load(f);
    assertQueryShapes(f);
  });

  it('follows every page to the end with one entry per page', async () => {
    const f = await start(make(1));
    const record = await load(f);
    expect(clinicalKeys(record)).toEqual(EXPECTED_CLINICAL_KEYS);
    expect(record.groups['observations-ddimer'].count).toBe(3);
    expect(record.groups['medication-administrations'].count).toBe(2);
  });
});

describe('Epic quirks', () => {
  it('keeps the 4119 OperationOutcome entries as warnings, never as data', async () => {
    const f = await start(epicLike({ resources: dataset('reference') }));
    const record = await load(f);
    expect(record.resources.some((r) => r.resourceType === 'OperationOutcome')).toBe(false);
    expect(record.groups['observations-ddimer'].warnings).toEqual([EPIC_WARNING_4119]);
    expect(record.groups['encounters'].warnings).toEqual([EPIC_WARNING_4119]);
  });

  it('takes the Medication from _include when advertised and reads nothing else', async () => {
    const f = await start(epicLike({ resources: dataset('reference') }));
    const record = await load(f);
    const mrSearch = f.requests.map((r) => new URL(r.url)).find((u) => u.pathname.endsWith('/MedicationRequest'))!;
    expect(mrSearch.searchParams.getAll('_include')).toEqual(['MedicationRequest:medication']);
    expect(f.requests.filter((r) => r.url.includes('/Medication/'))).toEqual([]);
    expect(record.groups.medications.count).toBe(1);
  });

  it('reads a Medication referenced by one order and two administrations exactly once when _include is not advertised', async () => {
    const f = await start(epicLike({ resources: dataset('reference'), advertiseInclude: false }));
    const record = await load(f);
    expect(f.requests.some((r) => r.url.includes('_include'))).toBe(false);
    expect(f.requests.filter((r) => new URL(r.url).pathname.endsWith('/Medication/med-enox'))).toHaveLength(1);
    expect(record.resources.filter((r) => r.resourceType === 'Medication').map((r) => r.id)).toEqual(['med-enox']);
    expect(record.groups.medications).toMatchObject({ status: 'complete', count: 1 });
  });

  it('a 403 on Appointment and ServiceRequest makes those groups unavailable while the rest loads', async () => {
    const f = await start(epicLike({ resources: dataset('reference'), forbiddenTypes: ['Appointment', 'ServiceRequest'] }));
    const record = await load(f, { scopeLooksMissing: (type) => type === 'Appointment' });
    expect(worded(record.groups.appointments)).toMatchObject({
      status: 'unavailable',
      reason: 'the server refused Appointment (403); the granted scopes do not seem to cover it',
      count: 0,
    });
    expect(worded(record.groups['service-requests'])).toMatchObject({ status: 'unavailable', reason: 'the server refused ServiceRequest (403)' });
    expect(record.groups['observations-ddimer']).toMatchObject({ status: 'complete', count: 3 });
    expect(record.groups['medication-requests'].status).toBe('complete');
  });

  it('an expired paging session makes multi-page groups incomplete, never silently short', async () => {
    const f = await start(epicLike({ resources: dataset('reference'), sessionTtlMs: 0 }));
    const record = await load(f);
    const dd = record.groups['observations-ddimer'];
    expect(dd.status).toBe('incomplete');
    expect(reasonText(dd.reason)).toContain('page 2 of the Observation search failed: the server rejected the Observation search (400)');
    expect(reasonText(dd.reason)).toContain('paging session has expired');
    expect(dd.count).toBe(2); // the first page's two results are still there
    expect(record.groups.conditions.status).toBe('complete'); // one page only
  });

  it('an Observation search without code or category is refused by the flavour with Epic\'s message', async () => {
    const f = await start(epicLike({ resources: dataset('reference') }));
    const response = await fetch(`${f.baseUrl}/Observation?patient=${PATIENT_ID}`);
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('Must have either code or category.');
  });
});

describe('Oracle quirks', () => {
  it('never sends _include (it would be refused) and carries the Appointment date range', async () => {
    const f = await start(oracleLike({ resources: dataset('contained') }));
    const record = await load(f);
    expect(f.requests.some((r) => r.url.includes('_include'))).toBe(false);
    expect(f.requests.some((r) => r.url.includes('/Medication/'))).toBe(false);
    expect(record.groups.appointments.status).toBe('complete');
    const withoutDate = await fetch(`${f.baseUrl}/Appointment?patient=${PATIENT_ID}`);
    expect(withoutDate.status).toBe(400);
  });
});

describe('paging edge cases (hapiLike + hand-written Encounter pages)', () => {
  const hapi = () => start(hapiLike({ resources: dataset('coded') }));

  it('stops a next-link loop and marks the group incomplete', async () => {
    const f = await hapi();
    server.use(nextLinkLoop(f.baseUrl, 'Encounter', PATIENT_ID));
    const record = await load(f);
    expect(record.groups.encounters.status).toBe('incomplete');
    expect(reasonText(record.groups.encounters.reason)).toBe("the server's next-page links for Encounter loop back to a page already read; stopped after 3 pages");
    expect(record.groups.encounters.count).toBe(3);
    expect(record.groups.conditions.status).toBe('complete');
  });

  it('does not follow a next link to another origin (the token would go there)', async () => {
    const f = await hapi();
    server.use(foreignNextLink(f.baseUrl, 'Encounter', PATIENT_ID, 'https://evil.example/fhir/Encounter?page=2'));
    const record = await load(f);
    expect(worded(record.groups.encounters)).toMatchObject({
      status: 'incomplete',
      reason: 'the next page link of the Encounter search points to another server; not followed',
      count: 1,
    });
    expect(seen.filter((r) => new URL(r.url).origin !== new URL(f.baseUrl).origin)).toEqual([]);
  });

  it('a page that fails with 500 leaves the group incomplete with the earlier pages kept', async () => {
    const f = await hapi();
    server.use(failingPage(f.baseUrl, 'Encounter', PATIENT_ID, 3, 500));
    const record = await load(f);
    expect(worded(record.groups.encounters)).toMatchObject({
      status: 'incomplete',
      reason: 'page 3 of the Encounter search failed: the server failed on the Encounter search (500): Internal server error',
      count: 2,
    });
    expect(record.groups['observations-ddimer'].status).toBe('complete');
  });

  it('a first page that fails with 500 makes the group unavailable', async () => {
    const f = await hapi();
    server.use(failingPage(f.baseUrl, 'Encounter', PATIENT_ID, 1, 500));
    const record = await load(f);
    expect(record.groups.encounters).toMatchObject({ status: 'unavailable', count: 0 });
  });

  it('stops at the page limit and says so', async () => {
    const f = await hapi();
    server.use(endlessPages(f.baseUrl, 'Encounter', PATIENT_ID));
    const record = await load(f, { maxPagesPerSearch: 7 });
    expect(worded(record.groups.encounters)).toMatchObject({
      status: 'incomplete',
      reason: 'the Encounter search has more than 7 pages; stopped at the safety limit with 7 results read; older results are not shown',
      count: 7,
    });
  });

  it('follows 50 pages (the default limit) to the end', async () => {
    const f = await hapi();
    server.use(manyPages(f.baseUrl, 'Encounter', PATIENT_ID, 50));
    const record = await load(f);
    expect(record.groups.encounters).toMatchObject({ status: 'complete', count: 50 });
  });

  it('drops another patient\'s resource returned by a search and reports why', async () => {
    const f = await hapi();
    const foreign = { resourceType: 'Encounter', id: 'enc-p2', status: 'finished', class: { code: 'AMB' }, subject: { reference: 'https://hapi.fhir.test/baseR4/Patient/p2' } } as fhir4.Encounter;
    const own = { resourceType: 'Encounter', id: 'enc-own', status: 'finished', class: { code: 'AMB' }, subject: { reference: 'https://hapi.fhir.test/baseR4/Patient/p1' } } as fhir4.Encounter;
    server.use(fixedSearch(f.baseUrl, 'Encounter', searchset([own, foreign])));
    const record = await load(f);
    expect(record.groups.encounters).toMatchObject({ status: 'complete', count: 1 });
    expect(worded(record.dropped)).toContainEqual({ resourceType: 'Encounter', id: 'enc-p2', reason: 'belongs to a different patient than the launch patient' });
  });

  it('a session that ends propagates SessionExpiredError instead of a partial record', async () => {
    const f = await hapi();
    const inner = fetchRequester(f.baseUrl);
    const requester = {
      serverUrl: f.baseUrl,
      get: (u: string, o?: { signal?: AbortSignal }) => (u.startsWith('Encounter') ? Promise.reject(new SessionExpiredError()) : inner.get(u, o)),
    };
    await expect(loadPatientRecord(requester, PATIENT_ID, { now: NOW })).rejects.toBeInstanceOf(SessionExpiredError);
  });
});
