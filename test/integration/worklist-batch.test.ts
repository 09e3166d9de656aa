/**
 * Worklist records read several patients per search (src/fhir/cohortRows.ts, src/fhir/batchRecords.ts) against MSW:
 * a HAPI-like server that takes `patient=a,b,c`, one that refuses comma lists (400), one that reads the list as one
 * unknown id (empty results), and a configured server that refuses later. Every row must equal the row of the same
 * patient loaded alone, whatever the server does with the lists.
 */
import { describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { cohort } from '../../mocks/generate/cohort.mjs';
import { hapiLike, type FlavourServer } from '../../mocks/msw/flavours';
import { createCohortLoading, loadCohortRows, type CohortLoading, type CohortRowState } from '../../src/fhir/cohort';
import { loadPatientRecords } from '../../src/fhir/batchRecords';
import { loadPatientRecord } from '../../src/fhir/loadRecord';
import { createTableConverter } from '../../src/domain/labs';
import { worklistRowFromInput, type WorklistRow } from '../../src/domain/worklist';
import type { RecordInput } from '../../src/domain/input';
import { fetchRequester } from './requester';
import { recordingServer } from './recordingServer';
import { reasonText } from '../support/reasonText';

const NOW = Date.UTC(2026, 10, 25, 9, 0);
const { server, seen } = recordingServer();

const members = cohort({ size: 7, nowMs: NOW, seed: 11, idPrefix: 'bt' }) as { id: string; resources: fhir4.Resource[] }[];
const ids = members.map((m) => m.id);
const summarise = (input: RecordInput) => worklistRowFromInput(input, { nowMs: NOW, zone: 'Europe/London', units: createTableConverter() });

async function start(pageSize = 3): Promise<FlavourServer> {
  const f = await hapiLike({ resources: members.flatMap((m) => m.resources), pageSize });
  server.use(...f.handlers);
  return f;
}

/** A search naming several patients (`patient=a,b`), as sent. */
const isListSearch = (url: string) => (new URL(url).searchParams.get('patient') ?? '').includes(',');

/** Every member's row loaded alone, one patient per request: what the batched rows must equal. */
async function rowsAlone(f: FlavourServer): Promise<Map<string, WorklistRow>> {
  const out = new Map<string, WorklistRow>();
  for (const id of ids) out.set(id, summarise(await loadPatientRecord(fetchRequester(f.baseUrl), id, { now: NOW })));
  seen.length = 0;
  return out;
}

async function loadAll(f: FlavourServer, loading: CohortLoading): Promise<Map<string, CohortRowState<WorklistRow>>> {
  const rows = new Map<string, CohortRowState<WorklistRow>>();
  await loadCohortRows(fetchRequester(f.baseUrl), ids, { now: NOW, loading, concurrency: 2, summarise, onUpdate: (s) => rows.set(s.patientId, s) });
  return rows;
}

function expectSameRows(rows: Map<string, CohortRowState<WorklistRow>>, alone: Map<string, WorklistRow>): void {
  for (const id of ids) {
    const r = rows.get(id);
    expect(r?.state, id).toBe('done');
    if (r?.state === 'done') expect(r.row, id).toEqual(alone.get(id));
  }
}

describe('a server that takes several patients per search', () => {
  it('is probed once, then read in batches: fewer requests, every page followed, the same rows as one patient at a time', async () => {
    const f = await start();
    const alone = await rowsAlone(f);
    const loading = createCohortLoading();
    const rows = await loadAll(f, loading);
    expect(loading.batching).toBe('on');
    expectSameRows(rows, alone);
    const batched = seen.length;
    expect(seen.filter(isListSearch).length).toBeGreaterThan(0);
    // The probe: one search by a resource id and two patients.
    expect(seen.filter((u) => isListSearch(u) && new URL(u).searchParams.has('_id'))).toHaveLength(1);
    seen.length = 0;
    await loadAll(f, createCohortLoading(false));
    expect(seen.some(isListSearch)).toBe(false);
    expect(batched).toBeLessThan(seen.length);
  });

  it('a batch stopped by the page limit is incomplete for each of its patients, worded as a search for several patients', async () => {
    const f = await start(2);
    const records = await loadPatientRecords(fetchRequester(f.baseUrl), ids.slice(0, 3), { now: NOW, maxPagesPerSearch: 1 });
    for (const id of ids.slice(0, 3)) {
      const record = records.get(id)!;
      const limited = Object.values(record.groups).filter((g) => reasonText(g.reason).includes('search for 3 patients at once has more than 3 pages'));
      expect(limited.length, id).toBeGreaterThan(0);
      expect(limited.every((g) => g.status === 'incomplete')).toBe(true);
      expect(record.patientId).toBe(id);
    }
  });
});

describe('a server that does not take patient lists', () => {
  it('refusing comma lists (400): the probe is refused, every patient is read alone, rows complete and equal', async () => {
    const f = await start();
    const alone = await rowsAlone(f);
    server.use(
      http.get(`${f.baseUrl}/*`, ({ request }) =>
        isListSearch(request.url) ? HttpResponse.json({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'invalid', diagnostics: 'patient: one id only' }] }, { status: 400 }) : undefined,
      ),
    );
    const loading = createCohortLoading();
    const rows = await loadAll(f, loading);
    expect(loading.batching).toBe('off');
    expect(seen.filter(isListSearch)).toHaveLength(1);
    expectSameRows(rows, alone);
  });

  it('reading the list as one unknown id (empty results): the probe finds nothing, so no record is ever read empty', async () => {
    const f = await start();
    const alone = await rowsAlone(f);
    server.use(http.get(`${f.baseUrl}/*`, ({ request }) => (isListSearch(request.url) ? HttpResponse.json({ resourceType: 'Bundle', type: 'searchset', entry: [] }) : undefined)));
    const loading = createCohortLoading();
    const rows = await loadAll(f, loading);
    expect(loading.batching).toBe('off');
    expect(seen.filter(isListSearch)).toHaveLength(1);
    expectSameRows(rows, alone);
  });

  it('configured to batch but refusing a batch later: those patients are read alone and batching stops for the server', async () => {
    const f = await start();
    const alone = await rowsAlone(f);
    server.use(
      http.get(`${f.baseUrl}/Observation`, ({ request }) =>
        isListSearch(request.url) ? HttpResponse.json({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'too-costly', diagnostics: 'one patient per search' }] }, { status: 400 }) : undefined,
      ),
    );
    const loading = createCohortLoading(true);
    const rows = await loadAll(f, loading);
    expect(loading.batching).toBe('off');
    expectSameRows(rows, alone);
  });

  it('configured on: the first patient is still read alone (the first row waits for no one), then batches', async () => {
    const f = await start();
    const alone = await rowsAlone(f);
    const rows = await loadAll(f, createCohortLoading(true));
    expectSameRows(rows, alone);
    const patientReads = seen.filter((u) => /\/Patient(\/|\?)/.test(new URL(u).pathname + new URL(u).search));
    expect(new URL(patientReads[0]!).pathname.endsWith(`/Patient/${ids[0]}`)).toBe(true);
    expect(seen.filter(isListSearch).length).toBeGreaterThan(0);
  });

  it('configured off: no search ever names two patients', async () => {
    const f = await start();
    await loadAll(f, createCohortLoading(false));
    expect(seen.some(isListSearch)).toBe(false);
    expect(seen.some((u) => new URL(u).pathname.endsWith('/Patient') && (new URL(u).searchParams.get('_id') ?? '').includes(','))).toBe(false);
  });
});
