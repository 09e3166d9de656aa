/**
 * loadPatientRecord against launcherLike serving the SMART launcher's real Synthea bundles
 * (mocks/public-fhir/smart-launcher-r4-synthea): server-assigned ids (POST), urn references rewritten, many pages.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { loadPatientRecord } from '../../src/fhir/loadRecord';
import { QUERY_GROUPS } from '../../src/domain/input';
import { WANTED_OBSERVATION_CODES } from '../../src/fhir/queries';
import { launcherLike } from '../../mocks/msw/flavours';
import { fetchRequester } from './requester';

const NOW = Date.UTC(2026, 2, 1, 9, 30);
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const dir = new URL('../../mocks/public-fhir/smart-launcher-r4-synthea/', import.meta.url);
const read = (file: string) => JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as fhir4.Bundle;
const count = (b: fhir4.Bundle, type: string) => (b.entry ?? []).filter((e) => e.resource?.resourceType === type).length;

describe.each(['Courtney_Schinner_7b5bea3e-de83-4c43-a89c-5078e923c3db.json', 'Almeda_Conn_67e13ece-8aed-46fa-ab6c-673137d5460e.json'])('Synthea %s', (file) => {
  it('loads every queried resource of the patient, every group complete, nothing dropped', async () => {
    const bundle = read(file);
    const f = await launcherLike({ resources: bundle, pageSize: 20 });
    server.use(...f.handlers);
    const [patient] = await f.engine.patients();
    const record = await loadPatientRecord(fetchRequester(f.baseUrl), patient.id, { now: NOW });

    for (const g of QUERY_GROUPS) expect({ g, status: record.groups[g].status }).toEqual({ g, status: 'complete' });
    expect(record.dropped).toEqual([]);
    expect(record.groups.encounters.count).toBe(count(bundle, 'Encounter'));
    expect(record.groups.procedures.count).toBe(count(bundle, 'Procedure'));
    expect(record.groups.conditions.count).toBe(count(bundle, 'Condition'));
    expect(record.groups['medication-requests'].count).toBe(count(bundle, 'MedicationRequest'));
    expect(record.groups['diagnostic-reports'].count).toBeGreaterThanOrEqual(count(bundle, 'DiagnosticReport'));

    // Every Observation with a LOINC code the app uses is loaded, whatever its category.
    const wanted = (bundle.entry ?? [])
      .map((e) => e.resource)
      .filter((r): r is fhir4.Observation => r?.resourceType === 'Observation')
      .filter((o) => (o.code.coding ?? []).some((c) => c.system === 'http://loinc.org' && WANTED_OBSERVATION_CODES.has(c.code ?? '')));
    const loadedObservations = record.resources.filter((r) => r.resourceType === 'Observation');
    expect(loadedObservations.length).toBe(wanted.length);
    expect(loadedObservations.every((o) => (o as fhir4.Observation).subject?.reference === `Patient/${patient.id}`)).toBe(true);
    // Never a Patient other than the launch patient, never a type the app did not ask for.
    expect(new Set(record.resources.map((r) => r.resourceType))).not.toContain('Immunization');
  });
});
