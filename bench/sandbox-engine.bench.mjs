#!/usr/bin/env node
// @ts-check
/**
 * Figures for the sandbox FHIR engine (mocks/fhir-engine.mjs): load time and search latency with a large store.
 * Prints a table; asserts nothing (correctness is tested in test/sandbox/).
 *
 *   node bench/sandbox-engine.bench.mjs [resources]   (default 100000)
 *
 * The store: P patients with 96 Observations each (D-dimer, coagulation and unrelated codes, dates over two years),
 * 2 MedicationRequests and 1 Condition each, one Group and one List per 50 patients; one extra patient holds 5,000
 * D-dimers (a long record).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createFhirEngine } from '../mocks/fhir-engine.mjs';

const TOTAL = Number(process.argv[2] ?? '100000');
const PER_PATIENT = 100;
const CODES = ['48065-7', '48066-5', '5902-2', '6301-6', '3173-2', '718-7', '777-3', '2160-0', '29463-7', '8302-2'];
const DAY = 86_400_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');

/** @param {string} pid @param {number} i @param {string} code */
const observation = (pid, i, code) => ({
  resourceType: 'Observation', id: `${pid}-o${i}`, status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code }] }, subject: { reference: `Patient/${pid}` },
  effectiveDateTime: new Date(T0 - (i % 730) * DAY).toISOString(), valueQuantity: { value: i % 97, unit: 'mg/L' },
});

/** @param {number} p */
function patientResources(p) {
  const pid = `p${p}`;
  const out = [{ resourceType: 'Patient', id: pid, name: [{ family: `Bench${p}` }], birthDate: '1990-01-01' }];
  for (let i = 0; i < PER_PATIENT - 4; i++) out.push(observation(pid, i, CODES[(i + p) % CODES.length] ?? '718-7'));
  for (let m = 0; m < 2; m++) {
    out.push({
      resourceType: 'MedicationRequest', id: `${pid}-mr${m}`, status: m === 0 ? 'active' : 'completed', intent: 'order',
      medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: p % 3 === 0 ? '854228' : '197361' }] },
      subject: { reference: `Patient/${pid}` }, authoredOn: '2025-12-01',
    });
  }
  out.push({ resourceType: 'Condition', id: `${pid}-c0`, subject: { reference: `Patient/${pid}` }, code: { text: 'pregnancy' } });
  return out;
}

/** @param {number} patients */
function cohortResources(patients) {
  const out = [];
  for (let g = 0; g * 50 < patients; g++) {
    const members = Array.from({ length: Math.min(50, patients - g * 50) }, (_, k) => `p${g * 50 + k}`);
    out.push({ resourceType: 'Group', id: `g${g}`, type: 'person', actual: true, member: members.map((m) => ({ entity: { reference: `Patient/${m}` } })) });
    out.push({ resourceType: 'List', id: `l${g}`, status: 'current', mode: 'working', code: { text: 'worklist' }, entry: members.map((m) => ({ item: { reference: `Patient/${m}` } })) });
  }
  return out;
}

/** @param {Awaited<ReturnType<typeof createFhirEngine>>} engine @param {number} total */
async function fill(engine, total) {
  const patients = Math.max(1, Math.floor((total - 5_001) / PER_PATIENT));
  const started = performance.now();
  for (let p = 0; p < patients; p++) await engine.load(patientResources(p), 'bench');
  await engine.load(cohortResources(patients), 'bench');
  const long = [{ resourceType: 'Patient', id: 'long', name: [{ family: 'Long' }] }];
  for (let i = 0; i < 5_000; i++) long.push(observation('long', i, '48065-7'));
  await engine.load(long, 'bench');
  return { patients, ms: performance.now() - started };
}

/** @param {number[]} runs */
const median = (runs) => [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)] ?? 0;

/**
 * One request's times: first (cold: nothing about this search cached yet, value indexes built if it is the first
 * search needing them), fresh (median after a write emptied the result cache, as any write does; per-resource
 * filter verdicts and sort keys stay) and repeated (the same search again, e.g. its next page).
 * @param {Awaited<ReturnType<typeof createFhirEngine>>} engine @param {string} url
 */
async function time(engine, url, reps = 11) {
  const t0 = performance.now();
  const first = await engine.handle({ method: 'GET', url, grant: null });
  const cold = performance.now() - t0;
  if (first.status !== 200) throw new Error(`${url}: ${first.status} ${JSON.stringify(first.body).slice(0, 200)}`);
  const fresh = [];
  const repeated = [];
  for (let i = 0; i < reps; i++) {
    await engine.load({ resourceType: 'Basic', id: 'cache-buster', code: { text: String(i) } }, 'bench');
    let t = performance.now();
    await engine.handle({ method: 'GET', url, grant: null });
    fresh.push(performance.now() - t);
    t = performance.now();
    await engine.handle({ method: 'GET', url, grant: null });
    repeated.push(performance.now() - t);
  }
  return { cold, fresh: median(fresh), repeated: median(repeated), total: first.body.total, page: (first.body.entry ?? []).length };
}

const ms = (/** @type {number} */ v) => `${v.toFixed(1)} ms`;
console.log(`Sandbox FHIR engine, Node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}`);

const small = await createFhirEngine({ baseUrl: 'http://bench/fhir' });
const s = await fill(small, 30_000);
console.log(`load 30,000 resources (${s.patients + 1} patients): ${(s.ms / 1000).toFixed(2)} s`);

const engine = await createFhirEngine({ baseUrl: 'http://bench/fhir' });
const f = await fill(engine, TOTAL);
console.log(`load ${TOTAL.toLocaleString('en')} resources (${f.patients + 1} patients): ${(f.ms / 1000).toFixed(2)} s`);

const mid = `p${Math.floor(f.patients / 2)}`;
const searches = [
  ['patient, coded, newest first (first page)', `Observation?patient=${mid}&code=http://loinc.org|48065-7,http://loinc.org|48066-5&_sort=-date&_count=100`],
  ['patient, all Observations (first page)', `Observation?patient=${mid}&_count=100`],
  ['patient, date range', `Observation?patient=${mid}&date=ge2025-06-01&_count=100`],
  ['long record (5,000 D-dimers), newest 100', 'Observation?patient=long&code=48065-7&_sort=-date&_count=100'],
  ['long record, page 10', 'Observation?patient=long&code=48065-7&_sort=-date&_count=100&_offset=900'],
  ['across patients: active enoxaparin orders', 'MedicationRequest?status=active&code=854228&_count=100'],
  ['across patients: Group by member', `Group?member=Patient/${mid}`],
  ['across patients: List by item', `List?item=Patient/${mid}`],
  ['read one Observation', `Observation/${mid}-o3`],
];
console.log('');
console.log('search'.padEnd(48), 'first'.padStart(10), 'fresh'.padStart(10), 'repeated'.padStart(10), 'total'.padStart(7), 'page'.padStart(5));
for (const [label, url] of searches) {
  const r = await time(engine, String(url));
  console.log(String(label).padEnd(48), ms(r.cold).padStart(10), ms(r.fresh).padStart(10), ms(r.repeated).padStart(10), String(r.total ?? '').padStart(7), String(r.page).padStart(5));
}
