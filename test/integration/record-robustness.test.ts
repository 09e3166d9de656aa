/**
 * loadPatientRecord against MSW when the server misbehaves: a search that never answers, busy answers (429/503) with
 * and without Retry-After, a session that ends mid-load, very long result lists, a server that refuses `_sort`, and
 * a CapabilityStatement that leaves types out. Also the retry of one group and the CapabilityStatement cache.
 */
import { reasonText, worded } from '../support/reasonText';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { loadPatientRecord, partialRecordOf, reloadRecordGroups, type LoadRecordOptions } from '../../src/fhir/loadRecord';
import { sessionCapabilityCache } from '../../src/fhir/capabilities';
import { SessionExpiredError } from '../../src/fhir/errors';
import { QUERY_GROUPS, type RecordInput } from '../../src/domain/input';
import { buildDataset, EXPECTED_CLINICAL_KEYS, PATIENT_ID } from '../../mocks/msw/dataset';
import { hapiLike, launcherLike, type FlavourServer } from '../../mocks/msw/flavours';
import { busyFirst, hangingSearch, largeSearch } from '../../mocks/msw/edge';
import { fetchRequester } from './requester';

const NOW = Date.UTC(2026, 2, 1, 9, 30);
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function start(flavour: Promise<FlavourServer>): Promise<FlavourServer> {
  const f = await flavour;
  server.use(...f.handlers);
  return f;
}
const hapi = () => start(hapiLike({ resources: buildDataset({ now: NOW, medicationShape: 'coded' }) }));

/** Records the waits instead of waiting. */
function fakeSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

const load = (f: FlavourServer, extra: Partial<LoadRecordOptions> = {}) => loadPatientRecord(fetchRequester(f.baseUrl), PATIENT_ID, { now: NOW, ...extra });
const clinicalKeys = (r: RecordInput) =>
  r.resources
    .filter((x) => x.resourceType !== 'Medication')
    .map((x) => `${x.resourceType}/${x.id}`)
    .sort();
const searchesOf = (f: FlavourServer, type: string) => f.requests.filter((r) => new URL(r.url).pathname.endsWith(`/${type}`));

describe('a search that never answers', () => {
  it('names the stalled group, shows the rest, and reports every other group before the load ends', async () => {
    const f = await hapi();
    server.use(hangingSearch(f.baseUrl, 'Encounter'));
    const progress: RecordInput[] = [];
    const record = await load(f, { requestTimeoutMs: 300, onProgress: (p) => progress.push(p) });
    expect(worded(record.groups.encounters)).toMatchObject({ status: 'unavailable', reason: 'no answer to the Encounter search within 300 ms', count: 0 });
    for (const g of QUERY_GROUPS.filter((x) => x !== 'encounters')) expect(record.groups[g].status).toBe('complete');
    expect(record.loading ?? []).toEqual([]);
    const last = progress.at(-1)!;
    expect(last.loading).toEqual(['encounters']);
    expect(worded(last.groups.encounters)).toMatchObject({ status: 'incomplete', reason: 'still being read' });
    expect(last.groups['observations-ddimer']).toMatchObject({ status: 'complete', count: 3 });
  });

  it('a retry of that group alone reads it again, sends no other search and keeps the rest', async () => {
    const f = await hapi();
    const stalled = hangingSearch(f.baseUrl, 'Encounter');
    server.use(stalled);
    const first = await load(f, { requestTimeoutMs: 300 });
    expect(first.groups.encounters.status).toBe('unavailable');
    server.resetHandlers(...f.handlers);
    const before = f.requests.length;
    const retried = await reloadRecordGroups(fetchRequester(f.baseUrl), first, ['encounters'], { now: NOW + 60_000 });
    const sent = f.requests.slice(before).map((r) => new URL(r.url).pathname.split('/').pop());
    expect(sent.filter((p) => p !== 'metadata')).toEqual(['Encounter']);
    expect(retried.groups.encounters).toMatchObject({ status: 'complete', count: 1 });
    expect(retried.groups['observations-ddimer']).toEqual(first.groups['observations-ddimer']);
    expect(clinicalKeys(retried)).toEqual(EXPECTED_CLINICAL_KEYS);
    expect(retried.readAt).toBe(first.readAt);
  });
});

describe('busy answers (429, 503)', () => {
  it('429 with Retry-After: 1 on the first request of a search is retried after 1 s to a full record', async () => {
    const f = await hapi();
    const busy = busyFirst(f.baseUrl, 'MedicationRequest', 429, 1, '1');
    server.use(busy);
    const { waits, sleep } = fakeSleep();
    const record = await load(f, { retry: { sleep } });
    expect(busy.refused()).toBe(1);
    expect(waits).toEqual([1000]);
    expect(clinicalKeys(record)).toEqual(EXPECTED_CLINICAL_KEYS);
    expect(record.groups['medication-requests'].status).toBe('complete');
  });

  it('503 without Retry-After backs off 1 s, 2 s; a Retry-After of 60 s is capped at 10 s', async () => {
    const f = await hapi();
    server.use(busyFirst(f.baseUrl, 'Condition', 503, 2), busyFirst(f.baseUrl, 'Procedure', 503, 1, '60'));
    const { waits, sleep } = fakeSleep();
    const record = await load(f, { retry: { sleep } });
    expect(waits.sort((a, b) => a - b)).toEqual([1000, 2000, 10_000]);
    expect(record.groups.conditions.status).toBe('complete');
    expect(record.groups.procedures.status).toBe('complete');
  });

  it('a server that stays busy gives a named error for that part after 3 retries; the rest loads', async () => {
    const f = await hapi();
    server.use(busyFirst(f.baseUrl, 'Condition', 429, 100, '1'));
    const { waits, sleep } = fakeSleep();
    const record = await load(f, { retry: { sleep } });
    expect(waits).toEqual([1000, 1000, 1000]);
    expect(worded(record.groups.conditions)).toMatchObject({
      status: 'unavailable',
      reason: 'the server was too busy to answer the Condition search (429); still refused after 3 retries',
    });
    expect(record.groups['observations-ddimer'].status).toBe('complete');
  });

  it('the retry budget stops the waiting before the retry count does', async () => {
    const f = await hapi();
    server.use(busyFirst(f.baseUrl, 'Condition', 429, 100, '8'));
    const { waits, sleep } = fakeSleep();
    const record = await load(f, { retry: { sleep, retryBudgetMs: 20_000 } });
    expect(waits).toEqual([8000, 8000]);
    expect(reasonText(record.groups.conditions.reason)).toBe('the server was too busy to answer the Condition search (429); still refused after 2 retries');
  });
});

describe('a session that ends mid-load', () => {
  it('keeps what was read, marks the rest unavailable, and stops further requests', async () => {
    const f = await hapi();
    const inner = fetchRequester(f.baseUrl);
    let ended = false;
    const requester = {
      serverUrl: f.baseUrl,
      get: (u: string, o?: { signal?: AbortSignal }) => {
        if (u.startsWith('Encounter')) ended = true;
        return ended ? Promise.reject(new SessionExpiredError()) : inner.get(u, o);
      },
    };
    const error = await loadPatientRecord(requester, PATIENT_ID, { now: NOW, concurrency: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionExpiredError);
    const partial = partialRecordOf(error)!;
    expect(partial.sessionExpired).toBe(true);
    expect(partial.loading).toEqual([]);
    expect(partial.groups['medication-requests']).toMatchObject({ status: 'complete', count: 1 });
    expect(partial.resources.some((r) => r.resourceType === 'Patient')).toBe(true);
    expect(worded(partial.groups.encounters)).toMatchObject({ status: 'unavailable', reason: 'not read: the session ended before this part was read' });
  });
});

describe('long result lists', () => {
  it('reads 5,000 results completely at a server maximum of 100 per page', async () => {
    const f = await hapi();
    server.use(largeSearch(f.baseUrl, 'Encounter', PATIENT_ID, 5000, 100));
    const record = await load(f);
    expect(record.groups.encounters).toMatchObject({ status: 'complete', count: 5000 });
    expect(searchesOf(f, 'Encounter')).toHaveLength(0); // answered by the large search, not the flavour
  });

  it('asks for the newest first with a large page, and a page limit says how many of how many were read', async () => {
    const f = await hapi();
    const asked: URL[] = [];
    server.events.on('request:start', ({ request }) => {
      if (new URL(request.url).pathname.endsWith('/Encounter')) asked.push(new URL(request.url));
    });
    server.use(largeSearch(f.baseUrl, 'Encounter', PATIENT_ID, 5000, 100));
    const record = await load(f, { maxPagesPerSearch: 3 });
    server.events.removeAllListeners();
    expect(asked[0]!.searchParams.get('_sort')).toBe('-date');
    expect(asked[0]!.searchParams.get('_count')).toBe('200');
    expect(worded(record.groups.encounters)).toMatchObject({
      status: 'incomplete',
      reason: 'the Encounter search has more than 3 pages; stopped at the safety limit with 300 of 5000 results read; older results are not shown',
      count: 300,
    });
  });

  it('a server that refuses _sort (400) is asked again without it and the group completes', async () => {
    const f = await hapi();
    server.use(
      http.get(`${f.baseUrl}/Condition`, ({ request }) =>
        new URL(request.url).searchParams.has('_sort')
          ? HttpResponse.json({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-supported', diagnostics: '_sort not supported' }] }, { status: 400 })
          : undefined,
      ),
    );
    const record = await load(f);
    expect(record.groups.conditions).toMatchObject({ status: 'complete', count: 1 });
  });
});

describe('what the CapabilityStatement says', () => {
  it('a type it leaves out is not searched and its group says why', async () => {
    const f = await start(launcherLike({ resources: buildDataset({ now: NOW, medicationShape: 'coded' }) }));
    const cs = (await (await fetch(`${f.baseUrl}/metadata`)).json()) as fhir4.CapabilityStatement;
    const withoutAllergy: fhir4.CapabilityStatement = { ...cs, rest: cs.rest!.map((r) => ({ ...r, resource: r.resource!.filter((x) => x.type !== 'AllergyIntolerance') })) };
    server.use(http.get(`${f.baseUrl}/metadata`, () => HttpResponse.json(withoutAllergy as unknown as Record<string, unknown>)));
    const record = await load(f);
    expect(searchesOf(f, 'AllergyIntolerance')).toEqual([]);
    expect(worded(record.groups.allergies)).toMatchObject({
      status: 'unavailable',
      reason: 'the server does not offer AllergyIntolerance searches (its CapabilityStatement does not list them)',
    });
    expect(record.groups.conditions.status).toBe('complete');
  });

  it('is read once per server for the session when a cache is given', async () => {
    const f = await hapi();
    const store = new Map<string, string>();
    const cache = sessionCapabilityCache({ getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) });
    await load(f, { capabilityCache: cache });
    await load(f, { capabilityCache: cache });
    // A new page in the same tab: a fresh memory cache over the same sessionStorage.
    await load(f, { capabilityCache: sessionCapabilityCache({ getItem: (k) => store.get(k) ?? null, setItem: () => undefined }) });
    expect(f.requests.filter((r) => new URL(r.url).pathname.endsWith('/metadata'))).toHaveLength(1);
    expect([...store.keys()].every((k) => !k.includes(PATIENT_ID))).toBe(true);
  });
});

describe('request shapes', () => {
  it('fewer Observation searches than ten codes per search needed, each URL within 2,000 characters', async () => {
    const f = await hapi();
    await load(f);
    const obs = searchesOf(f, 'Observation').filter((r) => !new URL(r.url).searchParams.has('_getpages'));
    expect(obs.length).toBeLessThanOrEqual(6);
    for (const r of obs) expect(r.url.length).toBeLessThanOrEqual(2000);
  });
});
