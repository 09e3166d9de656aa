/**
 * The worklist cohort over FHIR (src/fhir/cohort.ts) against MSW: a List, a Group, the LMWH order search with and
 * without `_include=MedicationRequest:patient`, the broader search, and the members' records loaded with a bound.
 */
import { reasonText } from '../support/reasonText';
import { describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { cohort } from '../../mocks/generate/cohort.mjs';
import { hapiLike, type FlavourServer } from '../../mocks/msw/flavours';
import { cohortChoices, cohortMembers, createCohortLoading, loadCohortRows, type CohortRowState } from '../../src/fhir/cohort';
import { createTableConverter } from '../../src/domain/labs';
import { worklistRowFromInput, type WorklistRow } from '../../src/domain/worklist';
import { fetchRequester } from './requester';
import { recordingServer } from './recordingServer';

const NOW = Date.UTC(2026, 10, 25, 9, 0);
const { server, seen } = recordingServer();

const members = cohort({ size: 4, nowMs: NOW, seed: 7, idPrefix: 'wl' }) as { id: string; resources: fhir4.Resource[] }[];
const ids = members.map((m) => m.id);
const textOnly: fhir4.Resource[] = [
  { resourceType: 'Patient', id: 'wl-text', name: [{ given: ['Tess'], family: 'Only' }], birthDate: '1990-02-03' } as fhir4.Patient,
  {
    resourceType: 'MedicationRequest',
    id: 'wl-text-mr',
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/wl-text' },
    medicationCodeableConcept: { text: 'Clexane 40 mg subcutaneous' },
  } as fhir4.MedicationRequest,
  { resourceType: 'Patient', id: 'wl-none', name: [{ given: ['No'], family: 'Lmwh' }] } as fhir4.Patient,
];
const list: fhir4.List = {
  resourceType: 'List',
  id: 'ivf-list',
  status: 'current',
  mode: 'working',
  title: 'IVF unit: this week',
  entry: [{ item: { reference: `Patient/${ids[0]}` } }, { item: { reference: 'Patient/wl-none' } }, { item: { reference: `Patient/${ids[1]}` }, deleted: true }],
};
const group: fhir4.Group = {
  resourceType: 'Group',
  id: 'antenatal',
  type: 'person',
  actual: true,
  name: 'Antenatal clinic',
  member: [{ entity: { reference: `Patient/${ids[2]}` } }, { entity: { reference: `Patient/${ids[3]}` }, inactive: true }],
};

async function start(): Promise<FlavourServer> {
  const f = await hapiLike({ resources: [...members.flatMap((m) => m.resources), ...textOnly, list, group], pageSize: 3 });
  server.use(...f.handlers);
  return f;
}

describe('cohort from a List or a Group', () => {
  it('offers the List and the Group, and reads their current patient members only', async () => {
    const f = await start();
    const req = fetchRequester(f.baseUrl);
    const choices = await cohortChoices(req);
    expect(choices.map((c) => [c.kind, c.id, c.title])).toEqual([
      ['list', 'ivf-list', 'IVF unit: this week'],
      ['group', 'antenatal', 'Antenatal clinic'],
    ]);
    expect((await cohortMembers(req, { kind: 'list', id: 'ivf-list' }, NOW)).patientIds).toEqual([ids[0], 'wl-none']);
    expect((await cohortMembers(req, { kind: 'group', id: 'antenatal' }, NOW)).patientIds).toEqual([ids[2]]);
  });

  it('a List the server does not have makes the cohort unavailable with a reason, not empty and complete', async () => {
    const f = await start();
    const m = await cohortMembers(fetchRequester(f.baseUrl), { kind: 'list', id: 'gone' }, NOW);
    expect(m.status).toBe('unavailable');
    expect(reasonText(m.reason)).toMatch(/List/);
  });
});

describe('cohort from a search for active LMWH orders', () => {
  it('without _include advertised: a code search, every page followed, no include asked for', async () => {
    const f = await start();
    const m = await cohortMembers(fetchRequester(f.baseUrl), { kind: 'lmwh-orders', broadSearch: false }, NOW);
    expect(m.via).toBe('code-search');
    expect(m.status).toBe('complete');
    expect([...m.patientIds].sort()).toEqual([...ids].sort());
    expect(m.includedPatients).toBe(0);
    expect(seen.some((u) => u.includes('_include=MedicationRequest%3Apatient') || u.includes('_include=MedicationRequest:patient'))).toBe(false);
    expect(seen.filter((u) => u.includes('MedicationRequest')).length).toBeGreaterThan(1);
  });

  it('the code search misses a text-only order; the default adds the broader search, which finds it by the domain recognition', async () => {
    const f = await start();
    const req = fetchRequester(f.baseUrl);
    expect((await cohortMembers(req, { kind: 'lmwh-orders', broadSearch: false }, NOW)).patientIds).not.toContain('wl-text');
    const broad = await cohortMembers(req, { kind: 'lmwh-orders' }, NOW);
    expect(broad.via).toBe('code-and-broad-search');
    expect(broad.patientIds).toContain('wl-text');
    expect(broad.patientIds).not.toContain('wl-none');
  });

  it('with _include=MedicationRequest:patient advertised: asked for, included patients counted, pages followed', async () => {
    const base = 'https://include.fhir.test/r4';
    const order = (id: string, pid: string): fhir4.BundleEntry => ({
      fullUrl: `${base}/MedicationRequest/${id}`,
      resource: { resourceType: 'MedicationRequest', id, status: 'active', intent: 'order', subject: { reference: `Patient/${pid}` }, medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '854235' }] } } as fhir4.MedicationRequest,
      search: { mode: 'match' },
    });
    const pat = (pid: string): fhir4.BundleEntry => ({ fullUrl: `${base}/Patient/${pid}`, resource: { resourceType: 'Patient', id: pid }, search: { mode: 'include' } });
    server.use(
      http.get(`${base}/metadata`, () =>
        HttpResponse.json({ resourceType: 'CapabilityStatement', status: 'active', kind: 'instance', fhirVersion: '4.0.1', format: ['json'], date: '2026-01-01', rest: [{ mode: 'server', resource: [{ type: 'MedicationRequest', searchInclude: ['MedicationRequest:patient'] }] }] }),
      ),
      http.get(`${base}/MedicationRequest`, ({ request }) => {
        const u = new URL(request.url);
        if (u.searchParams.get('page') === '2') return HttpResponse.json({ resourceType: 'Bundle', type: 'searchset', entry: [order('o3', 'x3'), pat('x3')] });
        expect(u.searchParams.getAll('_include')).toContain('MedicationRequest:patient');
        const first = u.searchParams.get('code')?.includes('854235');
        if (!first) return HttpResponse.json({ resourceType: 'Bundle', type: 'searchset', entry: [] });
        return HttpResponse.json({ resourceType: 'Bundle', type: 'searchset', link: [{ relation: 'next', url: `${base}/MedicationRequest?page=2` }], entry: [order('o1', 'x1'), order('o2', 'x2'), pat('x1'), pat('x2')] });
      }),
    );
    const m = await cohortMembers(fetchRequester(base), { kind: 'lmwh-orders', broadSearch: false }, NOW);
    expect(m.patientIds).toEqual(['x1', 'x2', 'x3']);
    expect(m.includedPatients).toBe(3);
  });
});

describe('loading the members', () => {
  const summarise = (input: Parameters<typeof worklistRowFromInput>[0]) => worklistRowFromInput(input, { nowMs: NOW, zone: 'Europe/London', units: createTableConverter() });

  it('one patient per search (patientBatch false): every member loaded, at most the set number of patients at once, rows reported as they settle', async () => {
    const f = await start();
    const states: CohortRowState<WorklistRow>[] = [];
    let loading = 0;
    let peak = 0;
    await loadCohortRows(fetchRequester(f.baseUrl), ids, {
      now: NOW,
      concurrency: 2,
      loading: createCohortLoading(false),
      summarise,
      onUpdate: (s) => {
        states.push(s);
        if (s.state === 'loading') peak = Math.max(peak, ++loading);
        if (s.state === 'done' || s.state === 'failed') loading--;
      },
    });
    expect(peak).toBe(2);
    const done = states.filter((s): s is Extract<CohortRowState<WorklistRow>, { state: 'done' }> => s.state === 'done');
    expect(done.map((d) => d.patientId).sort()).toEqual([...ids].sort());
    expect(done.every((d) => d.row.patientId === d.patientId && d.row.lmwh !== undefined)).toBe(true);
    // The CapabilityStatement is read once for the cohort, not once per patient.
    expect(seen.filter((u) => new URL(u).pathname.endsWith('/metadata'))).toHaveLength(1);
  });

  it('a patient whose observation searches fail comes back incomplete and flagged, the others complete', async () => {
    const f = await start();
    server.use(http.get(`${f.baseUrl}/Observation`, ({ request }) => (request.url.includes(ids[0]!) ? new HttpResponse(null, { status: 500 }) : undefined)));
    const rows = new Map<string, CohortRowState<WorklistRow>>();
    await loadCohortRows(fetchRequester(f.baseUrl), ids.slice(0, 2), { now: NOW, summarise, onUpdate: (s) => rows.set(s.patientId, s) });
    const a = rows.get(ids[0]!)!;
    const b = rows.get(ids[1]!)!;
    expect(a.state === 'done' && a.incomplete && a.row.flags.includes('record-incomplete')).toBe(true);
    expect(b.state === 'done' && !b.incomplete).toBe(true);
  });

  it('cancel stops the load: it rejects and the queued patients are never read', async () => {
    const f = await start();
    const controller = new AbortController();
    const done: string[] = [];
    const run = loadCohortRows(fetchRequester(f.baseUrl), ids, {
      now: NOW,
      concurrency: 1,
      signal: controller.signal,
      summarise,
      onUpdate: (s) => {
        if (s.state === 'done') {
          done.push(s.patientId);
          controller.abort();
        }
      },
    });
    await expect(run).rejects.toBeDefined();
    expect(done).toHaveLength(1);
    expect(seen.some((u) => u.includes(`Patient/${ids[3]}`))).toBe(false);
  });
});
