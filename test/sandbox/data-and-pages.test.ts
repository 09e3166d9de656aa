import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '../../mocks/sandbox/index.mjs';
import { createFhirEngine } from '../../mocks/fhir-engine.mjs';
import { loadDataPaths } from '../../mocks/sandbox/data-loader.mjs';
import { NOW, locationOf, silent, tempFiles, testBundle } from './helpers';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PUBLIC_FHIR = path.join(ROOT, 'mocks/public-fhir');

describe('loading data files', () => {
  it('reports an invalid-JSON file and a non-FHIR JSON file by name and still loads the good ones', async () => {
    const dir = await tempFiles({
      'good.json': JSON.stringify(testBundle(3)),
      'broken.json': '{"resourceType": "Bundle", ',
      'not-fhir.json': JSON.stringify({ hello: 'world' }),
      'lines.ndjson': `${JSON.stringify({ resourceType: 'Patient', id: 'nd1' })}\n${JSON.stringify({ resourceType: 'Patient', id: 'nd2' })}\n`,
      'README.md': '# not data',
    });
    await mkdir(path.join(dir, 'sub'));
    await writeFile(path.join(dir, 'sub', 'single.json'), JSON.stringify({ resourceType: 'Patient', id: 'single1' }));
    const engine = await createFhirEngine({ baseUrl: 'http://localhost/fhir' });
    const report = await loadDataPaths(engine, [dir]);
    expect(report.errors).toHaveLength(2);
    expect(report.errors.find((e) => e.includes('broken.json'))).toMatch(/invalid JSON/);
    expect(report.errors.find((e) => e.includes('not-fhir.json'))).toMatch(/not FHIR JSON/);
    const ids = (await engine.patients()).map((p) => p.id).sort();
    expect(ids).toEqual(['nd1', 'nd2', 'pA', 'pB', 'single1']);
    expect(report.files.map((f) => path.basename(f.file))).not.toContain('README.md');
  });

  it('loads every public fixture (Synthea transactions with urn:uuid, eCQM PUT transactions with MeasureReports, US Core examples) with no errors', async () => {
    const engine = await createFhirEngine({ baseUrl: 'http://localhost/fhir' });
    const report = await loadDataPaths(engine, [PUBLIC_FHIR]);
    expect(report.errors).toEqual([]);
    expect(report.files.length).toBeGreaterThan(250);
    const patients = await engine.patients();
    const names = patients.map((p) => `${p.name?.[0]?.given?.[0] ?? ''} ${p.name?.[0]?.family ?? ''}`);
    expect(names.some((n) => /Almeda\d* Conn/.test(n))).toBe(true);
    const reports = await engine.handle({ method: 'GET', url: 'MeasureReport?_summary=count', grant: null });
    expect(reports.body.total).toBeGreaterThan(0);
    // Synthea references were rewritten from urn:uuid to the assigned Patient ids.
    const almeda = patients.find((p) => p.name?.[0]?.family?.startsWith('Conn'));
    const obs = await engine.handle({ method: 'GET', url: `Observation?patient=${almeda?.id}&_summary=count`, grant: null });
    expect(obs.body.total).toBe(233);
  });
});

describe('EHR pages', () => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let base: string;
  let distDir: string;
  beforeAll(async () => {
    const data = await tempFiles({ 'patients.json': JSON.stringify(testBundle(2)) });
    distDir = await tempFiles({ 'index.html': '<!doctype html><title>app</title>' });
    await mkdir(path.join(distDir, 'launch'));
    await mkdir(path.join(distDir, 'assets'));
    await writeFile(path.join(distDir, 'launch', 'index.html'), '<!doctype html><title>launch</title>');
    await writeFile(path.join(distDir, 'assets', 'app-x.js'), 'console.log(1)');
    sandbox = await startSandbox({ port: 0, now: NOW, dataPaths: [path.join(data, 'patients.json')], log: silent, demo: false, distDir });
    base = sandbox.url;
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('the EHR page lists each patient with age at the sandbox clock, source file and a launch button', async () => {
    const res = await fetch(`${base}/`);
    const html = await res.text();
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(html).toContain('<link rel="icon" href="data:,">');
    expect(html).toContain('Anna Test');
    // born 1990-06-15, clock 2026-04-03 -> 35 completed years
    expect(html).toContain('35 years');
    expect(html).toContain('loaded from patients.json');
    expect(html).toMatch(/<button type="submit" name="patient" value="pA">Launch LMWH Monitor/);
    expect(html).toContain(`/app/launch/?iss=${encodeURIComponent(`${base}/fhir`)}`);
    expect(html).toMatch(/<label for="grant">/);
  });

  it('/launch?patient=pA redirects to the app launch page with iss and an opaque launch id (no patient id)', async () => {
    const { status, location } = await locationOf(`${base}/launch?patient=pA`);
    expect(status).toBe(302);
    const target = new URL(location, base);
    expect(target.pathname).toBe('/app/launch/');
    expect(target.searchParams.get('iss')).toBe(`${base}/fhir`);
    const launch = target.searchParams.get('launch') ?? '';
    expect(launch.length).toBeGreaterThanOrEqual(16);
    // No parameter carries the patient id (the random launch id may contain "pA" by chance, so compare values).
    expect([...target.searchParams.keys()].sort()).toEqual(['iss', 'launch']);
    expect([...target.searchParams.values()]).not.toContain('pA');
  });

  it('/launch with iframe=1 returns an EHR page embedding the app launch in a titled iframe', async () => {
    const html = await (await fetch(`${base}/launch?patient=pA&iframe=1`)).text();
    expect(html).toMatch(/<iframe title="LMWH Monitor" src="\/app\/launch\/\?iss=[^"]+&amp;launch=[^"]+">/);
    expect(html).toContain('Anna Test');
  });

  it('/launch for an unknown patient is a 404 page', async () => {
    expect((await fetch(`${base}/launch?patient=nobody`)).status).toBe(404);
  });

  it('serves the built app: /app/ and /app/launch/ pages, assets with content types, 404 otherwise', async () => {
    const app = await fetch(`${base}/app/`);
    expect(await app.text()).toContain('<title>app</title>');
    const launch = await fetch(`${base}/app/launch/?iss=x&launch=y`);
    expect(await launch.text()).toContain('<title>launch</title>');
    const js = await fetch(`${base}/app/assets/app-x.js`);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await fetch(`${base}/app/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/app/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  });

  it('explains how to build when dist/ is missing', async () => {
    const bare = await startSandbox({ port: 0, now: NOW, log: silent, demo: false, distDir: path.join(distDir, 'nope') });
    try {
      const res = await fetch(`${bare.url}/app/`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build');
    } finally {
      await bare.close();
    }
  });
});
