/**
 * buildClinicalRecord (src/domain/record.ts), pure and synchronous, at a fixed instant in Europe/London:
 * - every demo patient (mocks/data), RecordInput built as test/support/demo-record.ts builds it (every group complete);
 * - the two largest public Synthea bundles (mocks/public-fhir/smart-launcher-r4-synthea), whose RecordInput is what
 *   loadPatientRecord really returns for them (read once, before timing, from the MSW launcherLike flavour).
 * Bench names are "<case>" inside the describe "buildClinicalRecord"; scripts/bench.mjs reads them back.
 */
import { readFileSync } from 'node:fs';
import { setupServer } from 'msw/node';
import { bench, describe } from 'vitest';
import { DEMO_PATIENT_IDS } from '../mocks/data/index.mjs';
import { launcherLike } from '../mocks/msw/flavours';
import type { RecordInput } from '../src/domain/input';
import { loadUnitConverter } from '../src/domain/labs';
import { buildClinicalRecord } from '../src/domain/record';
import { loadPatientRecord } from '../src/fhir/loadRecord';
import { fetchRequester } from '../test/integration/requester';
import { DEMO_TEST_NOW, DEMO_TEST_ZONE, demoResources, recordInputFor, type DemoPatientId } from '../test/support/demo-record';
import { recordFact } from './facts';

const SYNTHEA = ['Courtney_Schinner_7b5bea3e-de83-4c43-a89c-5078e923c3db.json', 'Almeda_Conn_67e13ece-8aed-46fa-ab6c-673137d5460e.json'];

const units = await loadUnitConverter();
const options = { nowMs: DEMO_TEST_NOW, zone: DEMO_TEST_ZONE, units };

const cases: { name: string; input: RecordInput }[] = [];
for (const id of DEMO_PATIENT_IDS as DemoPatientId[]) {
  cases.push({ name: `demo ${id}`, input: recordInputFor(demoResources(id), id) });
}

// Synthea: the RecordInput the app would get, loaded once through the real loader (not timed here).
const server = setupServer();
server.listen({ onUnhandledRequest: 'error' });
try {
  for (const file of SYNTHEA) {
    const bundle = JSON.parse(readFileSync(new URL(`../mocks/public-fhir/smart-launcher-r4-synthea/${file}`, import.meta.url), 'utf8')) as fhir4.Bundle;
    const flavour = await launcherLike({ resources: bundle, pageSize: 50 });
    server.resetHandlers(...flavour.handlers);
    const [patient] = await flavour.engine.patients();
    if (!patient?.id) throw new Error(`no Patient in ${file}`);
    const input = await loadPatientRecord(fetchRequester(flavour.baseUrl), patient.id, { now: DEMO_TEST_NOW });
    cases.push({ name: `synthea ${file.split('_').slice(0, 2).join(' ')}`, input });
  }
} finally {
  server.close();
}

for (const c of cases) {
  // A cold first build (JIT not warm), as the app does once per load.
  const start = performance.now();
  buildClinicalRecord(c.input, options);
  const coldMs = performance.now() - start;
  recordFact(`build ${c.name}`, {
    resources: c.input.resources.length,
    observations: c.input.resources.filter((r) => r.resourceType === 'Observation').length,
    coldMs,
  });
}

describe('buildClinicalRecord', () => {
  for (const c of cases) {
    bench(
      c.name,
      () => {
        buildClinicalRecord(c.input, options);
      },
      // At least 1 s and at least 20 runs, so the slow cases also get a usable p95.
      { time: 1000, iterations: 20, warmupTime: 200 },
    );
  }
});
