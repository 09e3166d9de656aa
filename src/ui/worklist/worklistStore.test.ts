import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FhirRequester } from '../../fhir/client';
import { IMMEDIATE_ROWS, createWorklistStore, publishDelayMs } from './worklistStore';

const NOW = Date.UTC(2026, 10, 25, 9, 0);

describe('pacing the worklist renders while rows arrive', () => {
  it('keeps the 30 ms pace while renders are cheap (the first rows show at once)', () => {
    expect(publishDelayMs(0)).toBe(30);
    expect(publishDelayMs(5)).toBe(30);
  });

  it('waits four times what the last render took, so rendering takes at most about a fifth of the main thread', () => {
    expect(publishDelayMs(100)).toBe(400);
    expect(publishDelayMs(500)).toBe(2_000);
  });

  it('never waits more than 3 s, so a very slow render still shows progress', () => {
    expect(publishDelayMs(5_000)).toBe(3_000);
  });
});

describe('the first rows of a worklist', () => {
  const order = (id: string, patient: string): fhir4.MedicationRequest => ({
    resourceType: 'MedicationRequest',
    id,
    status: 'active',
    intent: 'order',
    subject: { reference: `Patient/${patient}` },
    medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '854235' }] },
  });
  const searchset = (resources: fhir4.Resource[]): fhir4.Bundle => ({ resourceType: 'Bundle', type: 'searchset', entry: resources.map((resource) => ({ resource, search: { mode: 'match' } })) });
  const requester = (patients: string[]): FhirRequester => ({
    serverUrl: 'http://localhost:8080/fhir',
    get: async (url: string) => {
      const read = /^Patient\/([^?]+)$/.exec(url);
      if (read) return { resourceType: 'Patient', id: read[1] };
      if (url === 'metadata') return { resourceType: 'CapabilityStatement' };
      if (url.startsWith('MedicationRequest?status=active&code=')) return searchset(patients.map((p, i) => order(`mr${i}`, p)));
      return searchset([]);
    },
  });
  /** The last patient's read never answers: the load is still running while the others settle. */
  const slowLast = (patients: string[]): FhirRequester => {
    const base = requester(patients);
    return { serverUrl: base.serverUrl, get: (url, o) => (url === `Patient/${patients.at(-1)}` ? new Promise(() => undefined) : base.get(url, o)) };
  };
  /** Lets promises and I/O callbacks run (never the faked timers) until `done` holds. */
  async function settleUntil(done: () => boolean): Promise<void> {
    for (let i = 0; i < 2_000 && !done(); i++) await new Promise((r) => setImmediate(r));
  }

  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows each of the first rows as soon as it settles, without waiting for the render pacing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const store = createWorklistStore({ requester: slowLast(['p1', 'p2', 'p3', 'p4']), source: { kind: 'lmwh-orders', broadSearch: false }, nowMs: NOW, zone: 'UTC', patientBatch: false });
    const shown = () => store.getState().entries.filter((e) => e.state === 'done').map((e) => e.patientId);
    await settleUntil(() => shown().length === 3);
    // No timer has run and the load is not over: the rows were published by their settling.
    expect(shown().sort()).toEqual(['p1', 'p2', 'p3']);
    expect(store.getState().phase).toBe('loading');
  });

  it(`after the first ${IMMEDIATE_ROWS} rows, rows wait for the next paced render`, async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const ids = Array.from({ length: IMMEDIATE_ROWS + 5 }, (_, i) => `p${i}`);
    const store = createWorklistStore({ requester: slowLast(ids), source: { kind: 'lmwh-orders', broadSearch: false }, nowMs: NOW, zone: 'UTC', patientBatch: false });
    const shown = () => store.getState().entries.filter((e) => e.state === 'done').length;
    await settleUntil(() => false); // every load but the last has settled by now; no timer has run
    expect(shown()).toBe(IMMEDIATE_ROWS);
    await vi.advanceTimersByTimeAsync(100);
    expect(shown()).toBe(ids.length - 1);
    expect(store.getState().phase).toBe('loading');
  });
});
