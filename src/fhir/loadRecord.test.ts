import { worded } from '../../test/support/reasonText';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadPatientRecord } from './loadRecord';
import type { FhirRequester } from './failures';

const SERVER = 'https://ehr.example/fhir';
const NOW = Date.UTC(2026, 2, 1, 9, 30);
const httpError = (status: number) => Object.assign(new Error(`HTTP ${status}`), { name: 'FhirHttpError', status });
const searchset = (resources: fhir4.Resource[], extra: fhir4.BundleEntry[] = []): fhir4.Bundle => ({
  resourceType: 'Bundle',
  type: 'searchset',
  entry: [...resources.map((resource) => ({ resource, search: { mode: 'match' as const } })), ...extra],
});
const patient = { resourceType: 'Patient', id: 'p1' };

type Route = (url: string) => unknown;

/** Answers by the start of the path; an empty searchset for any other search. */
function fake(routes: Record<string, Route>, delayMs = 0): FhirRequester & { calls: string[]; peak: number } {
  let inFlight = 0;
  const state = {
    serverUrl: SERVER,
    calls: [] as string[],
    peak: 0,
    async get(url: string, options?: { signal?: AbortSignal }) {
      state.calls.push(url);
      inFlight += 1;
      state.peak = Math.max(state.peak, inFlight);
      try {
        if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
        options?.signal?.throwIfAborted();
        const key = Object.keys(routes).find((k) => url.startsWith(k));
        if (key) {
          const out = routes[key]!(url);
          if (out instanceof Error) throw out;
          return out;
        }
        if (url === 'Patient/p1') return patient;
        if (url === 'metadata') return { resourceType: 'CapabilityStatement' };
        if (url.includes('?')) return searchset([]);
        throw httpError(404);
      } finally {
        inFlight -= 1;
      }
    },
  };
  return state;
}

afterEach(() => vi.restoreAllMocks());

describe('loadPatientRecord', () => {
  it('keeps at most `concurrency` requests in flight', async () => {
    const r = fake({}, 3);
    await loadPatientRecord(r, 'p1', { now: NOW, concurrency: 2 });
    expect(r.peak).toBe(2);
    expect(r.calls.length).toBeGreaterThan(15);
  });

  it('the Patient and the first-screen searches go first; a started search\'s next page is not starved behind later first pages', async () => {
    const mr = { resourceType: 'MedicationRequest', id: 'a', status: 'active', intent: 'order', subject: { reference: 'Patient/p1' } } as fhir4.Resource;
    const r = fake({
      'MedicationRequest?': () => ({ ...searchset([mr]), link: [{ relation: 'next', url: `${SERVER}/MedicationRequest?page=2` }] }),
      [`${SERVER}/MedicationRequest?page=2`]: () => searchset([{ ...mr, id: 'b' } as fhir4.Resource]),
    });
    const record = await loadPatientRecord(r, 'p1', { now: NOW, concurrency: 1 });
    expect(record.groups['medication-requests']).toMatchObject({ status: 'complete', count: 2 });
    const at = (test: (c: string) => boolean) => r.calls.findIndex(test);
    expect(r.calls.slice(0, 2)).toEqual(['metadata', 'Patient/p1']);
    const page2 = at((c) => c.includes('page=2'));
    expect(page2).toBeGreaterThan(at((c) => c.startsWith('MedicationRequest?')));
    expect(page2).toBeLessThan(at((c) => c.startsWith('AllergyIntolerance?')));
    expect(page2).toBeLessThan(at((c) => c.startsWith('Observation?') && c.includes('48065-7')));
  });

  it('reports each group as it is in, with the groups still being read, before the load ends', async () => {
    const partials: { loading: string[]; ddimer: string }[] = [];
    await loadPatientRecord(fake({}), 'p1', { now: NOW, concurrency: 2, progressQuietMs: 0, onProgress: (p) => partials.push({ loading: [...(p.loading ?? [])], ddimer: p.groups['observations-ddimer'].status }) });
    expect(partials.length).toBeGreaterThan(5);
    // Each report has fewer groups left than the one before, and a group still being read is never called complete.
    for (let i = 1; i < partials.length; i++) expect(partials[i]!.loading.length).toBeLessThan(partials[i - 1]!.loading.length);
    for (const p of partials) if (p.loading.includes('observations-ddimer')) expect(p.ddimer).toBe('incomplete');
    expect(partials.at(-1)!.loading.length).toBeGreaterThan(0);
  });

  it('groups that come in within a few ms of each other make one report (so the view builds once); none comes after the load ends', async () => {
    const later = (ms: number) => () => new Promise<unknown>((resolve) => setTimeout(() => resolve(searchset([])), ms));
    const reports: string[][] = [];
    const r = fake({ 'DiagnosticReport?': later(80), 'AllergyIntolerance?': later(90), 'Condition?': later(400) });
    await loadPatientRecord(r, 'p1', { now: NOW, onProgress: (p) => reports.push([...(p.loading ?? [])].sort()) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reports).toEqual([['allergies', 'conditions', 'diagnostic-reports'], ['conditions']]);
  });

  it('an empty record is complete everywhere, with the Patient, and nothing is logged', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    const record = await loadPatientRecord(fake({}), 'p1', { now: NOW });
    expect(record.resources).toEqual([patient]);
    expect(Object.values(record.groups).every((g) => g.status === 'complete')).toBe(true);
    expect(record.groups.patient.count).toBe(1);
    for (const s of spies) expect(s).not.toHaveBeenCalled();
  });

  it('the same Observation returned by two searches is kept once and counted in both groups', async () => {
    const o = { resourceType: 'Observation', id: 'o1', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '48065-7' }] }, subject: { reference: 'Patient/p1' } } as fhir4.Observation;
    const r = fake({ 'Observation?': () => searchset([o]) });
    const record = await loadPatientRecord(r, 'p1', { now: NOW });
    expect(record.resources.filter((x) => x.id === 'o1')).toHaveLength(1);
    expect(record.groups['observations-ddimer'].count).toBe(1);
    expect(record.groups['observations-weight'].count).toBe(1);
  });

  it('a failed Medication read marks the medications group incomplete with the reason, each Medication asked once', async () => {
    const mr = (id: string) => ({ resourceType: 'MedicationRequest', id, status: 'active', intent: 'order', subject: { reference: 'Patient/p1' }, medicationReference: { reference: 'Medication/m1' } });
    const r = fake({ 'MedicationRequest?': () => searchset([mr('a'), mr('b')] as fhir4.Resource[]), 'Medication/m1': () => httpError(500) });
    const record = await loadPatientRecord(r, 'p1', { now: NOW });
    expect(worded(record.groups.medications)).toMatchObject({ status: 'incomplete', reason: 'some Medications could not be read: the server failed on the Medication read (500)' });
    expect(record.groups['medication-requests']).toMatchObject({ status: 'complete', count: 2 });
    expect(r.calls.filter((c) => c === 'Medication/m1')).toHaveLength(1);
  });

  it('uses _include only when metadata advertises it; a failed metadata read means none', async () => {
    const advertised = fake({
      metadata: () => ({ resourceType: 'CapabilityStatement', rest: [{ mode: 'server', resource: [{ type: 'MedicationRequest', searchInclude: ['MedicationRequest:medication'] }] }] }),
    });
    await loadPatientRecord(advertised, 'p1', { now: NOW });
    expect(advertised.calls.find((c) => c.startsWith('MedicationRequest?'))).toContain('_include=MedicationRequest:medication');
    const failing = fake({ metadata: () => httpError(500) });
    await loadPatientRecord(failing, 'p1', { now: NOW });
    expect(failing.calls.find((c) => c.startsWith('MedicationRequest?'))).not.toContain('_include');
  });

  it('a refused Patient read leaves the patient group unavailable and the rest loading', async () => {
    const record = await loadPatientRecord(fake({ 'Patient/p1': () => httpError(403) }), 'p1', { now: NOW });
    expect(worded(record.groups.patient)).toMatchObject({ status: 'unavailable', reason: 'the server refused Patient (403)', count: 0 });
    expect(record.groups.conditions.status).toBe('complete');
  });

  it('a session that ends stops every further request and rejects with SessionExpiredError', async () => {
    const expired = Object.assign(new Error('relaunch'), { name: 'SessionExpiredError' });
    const r = fake({ 'Observation?': () => expired }, 2);
    await expect(loadPatientRecord(r, 'p1', { now: NOW, concurrency: 1 })).rejects.toBe(expired);
    const firstObservation = r.calls.findIndex((c) => c.startsWith('Observation?'));
    expect(r.calls.length).toBe(firstObservation + 1);
  });

  it('an abort from the caller rejects the load', async () => {
    const controller = new AbortController();
    const r = fake({}, 5);
    const p = loadPatientRecord(r, 'p1', { now: NOW, signal: controller.signal });
    setTimeout(() => controller.abort(), 12);
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    const callsAtAbort = r.calls.length;
    await new Promise((res) => setTimeout(res, 30));
    expect(r.calls.length).toBe(callsAtAbort);
  });

  it('panel members are read individually, kept only when their code is wanted, and never from another server', async () => {
    const report = {
      resourceType: 'DiagnosticReport',
      id: 'dr',
      status: 'final',
      code: {},
      subject: { reference: 'Patient/p1' },
      result: [{ reference: 'Observation/panel' }, { reference: 'https://other.example/fhir/Observation/x' }],
    };
    const obs = (id: string, code: string, hasMember?: string[]) => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code }] },
      subject: { reference: 'Patient/p1' },
      ...(hasMember ? { hasMember: hasMember.map((reference) => ({ reference })) } : {}),
    });
    const r = fake({
      'DiagnosticReport?': () => searchset([report] as fhir4.Resource[]),
      'Observation/panel': () => obs('panel', '34528-0', ['Observation/inr', 'Observation/glucose']),
      'Observation/inr': () => obs('inr', '6301-6'),
      'Observation/glucose': () => obs('glucose', '2345-7'),
    });
    const record = await loadPatientRecord(r, 'p1', { now: NOW });
    const ids = record.resources.map((x) => x.id);
    expect(ids).toContain('inr');
    expect(ids).not.toContain('panel');
    expect(ids).not.toContain('glucose');
    expect(r.calls.some((c) => c.includes('other.example'))).toBe(false);
    expect(worded(record.groups['diagnostic-reports'])).toMatchObject({
      status: 'incomplete',
      reason: '1 lab report result reference(s) point to another server; not followed',
    });
  });
});
