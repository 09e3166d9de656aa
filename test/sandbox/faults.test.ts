import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { startSandbox } from '../../mocks/sandbox/index.mjs';
import { NOW, ehrLaunchId, ehrToken, fhirGet, locationOf, silent, tempFiles, testBundle } from './helpers';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let base: string;

beforeAll(async () => {
  const dir = await tempFiles({ 'patients.json': JSON.stringify(testBundle(130)) });
  sandbox = await startSandbox({ port: 0, now: NOW, dataPaths: [path.join(dir, 'patients.json')], log: silent, demo: false });
  base = sandbox.url;
});
afterAll(async () => {
  await sandbox?.close();
});

const SCOPE = 'launch patient/*.rs online_access';
const tokenWith = (fault: string) => ehrToken(base, 'pA', SCOPE, { fault });

describe('fault switch (launch option fault)', () => {
  it('429: the first request of each distinct search answers 429 with Retry-After: 1, the retry succeeds', async () => {
    const { access_token } = await tokenWith('429');
    const first = await fhirGet(base, 'Observation?patient=pA&code=29463-7', access_token);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('1');
    // An app served from another origin (a real deployment) can read it only when CORS exposes it.
    expect(first.headers.get('access-control-expose-headers')).toMatch(/(^|,\s*)Retry-After(\s*,|$)/i);
    expect(first.body.resourceType).toBe('OperationOutcome');
    const retry = await fhirGet(base, 'Observation?patient=pA&code=29463-7', access_token);
    expect(retry.status).toBe(200);
    expect(retry.body.total).toBe(130);
    expect((await fhirGet(base, 'Condition?patient=pA', access_token)).status).toBe(429);
    expect((await fhirGet(base, 'Patient/pA', access_token)).status).toBe(200);
  });

  it('403-<Type>: searches of that type answer 403 with an OperationOutcome, other types answer', async () => {
    const { access_token } = await tokenWith('403-Appointment');
    const refused = await fhirGet(base, 'Appointment?patient=pA', access_token);
    expect(refused.status).toBe(403);
    expect(refused.body.issue?.[0]?.code).toBe('forbidden');
    expect((await fhirGet(base, 'Observation?patient=pA', access_token)).status).toBe(200);
  });

  it('500-page-2: the first page answers, the second page of the search answers 500', async () => {
    const { access_token } = await tokenWith('500-page-2');
    const page1 = await fhirGet(base, 'Observation?patient=pA&code=29463-7&_count=50', access_token);
    expect(page1.status).toBe(200);
    const next = page1.body.link?.find((l) => l.relation === 'next')?.url ?? '';
    expect(next).toMatch(/_offset=50/);
    const page2 = await fhirGet(base, next, access_token);
    expect(page2.status).toBe(500);
    expect(page2.body.resourceType).toBe('OperationOutcome');
  });

  it('expire-after-<N>: the token works N times, then 401 (expired); no refresh token is issued', async () => {
    const token = await tokenWith('expire-after-2');
    expect(token.refresh_token).toBeUndefined();
    expect((await fhirGet(base, 'Patient/pA', token.access_token)).status).toBe(200);
    expect((await fhirGet(base, 'Observation?patient=pA', token.access_token)).status).toBe(200);
    const third = await fhirGet(base, 'Patient/pA', token.access_token);
    expect(third.status).toBe(401);
    expect(third.headers.get('www-authenticate')).toMatch(/invalid_token/);
    expect((await fhirGet(base, 'Patient/pA', token.access_token)).status).toBe(401);
  });

  it('slow-<ms>: every FHIR answer is delayed, then arrives complete', async () => {
    const { access_token } = await tokenWith('slow-300');
    const started = performance.now();
    const res = await fhirGet(base, 'Patient/pA', access_token);
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('hang-<Type>: searches of that type never answer while others do, and the sandbox still shuts down', async () => {
    const dir = await tempFiles({ 'p.json': JSON.stringify(testBundle(2)) });
    const own = await startSandbox({ port: 0, now: NOW, dataPaths: [path.join(dir, 'p.json')], log: silent, demo: false });
    const { access_token } = await ehrToken(own.url, 'pA', SCOPE, { fault: 'hang-Appointment' });
    const hanging = fetch(`${own.url}/fhir/Appointment?patient=pA`, { headers: { authorization: `Bearer ${access_token}` } }).then(
      (r) => `answered ${r.status}`,
      () => 'connection closed',
    );
    const winner = await Promise.race([hanging, new Promise((r) => setTimeout(() => r('still waiting'), 400))]);
    expect(winner).toBe('still waiting');
    expect((await fhirGet(own.url, 'Observation?patient=pA', access_token)).status).toBe(200);
    await own.close();
    expect(await hanging).toBe('connection closed');
  });

  it('several faults combine with commas; an unknown fault is refused at launch with the syntax', async () => {
    const { access_token } = await tokenWith('403-Condition,429');
    expect((await fhirGet(base, 'Condition?patient=pA', access_token)).status).toBe(403);
    expect((await fhirGet(base, 'Observation?patient=pA', access_token)).status).toBe(429);
    const bad = await fetch(`${base}/launch?patient=pA&fault=explode`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('expire-after-&lt;N&gt;');
  });

  it('a launch without a fault is unaffected, and the EHR page offers the fault option', async () => {
    const { access_token } = await ehrToken(base, 'pA', SCOPE);
    expect((await fhirGet(base, 'Observation?patient=pA', access_token)).status).toBe(200);
    const html = await (await fetch(`${base}/`)).text();
    expect(html).toMatch(/<label for="fault">/);
    expect(html).toMatch(/<input id="fault" name="fault"/);
    expect((await locationOf(`${base}/launch?patient=pA&fault=`)).status).toBe(302);
    expect(await ehrLaunchId(base, 'pA', { fault: 'slow-10' })).toBeTruthy();
  });
});

describe('paging limit', () => {
  it('pages hold at most 100 entries whatever _count asks, and the CapabilityStatement says so', async () => {
    const { access_token } = await ehrToken(base, 'pA', SCOPE);
    const res = await fhirGet(base, 'Observation?patient=pA&_count=500', access_token);
    expect(res.body.entry).toHaveLength(100);
    expect(res.body.link?.find((l) => l.relation === 'next')?.url).toMatch(/_count=100&_offset=100/);
    const meta = await fhirGet(base, 'metadata');
    const rest = (meta.body.rest as { extension?: { url: string; valueInteger?: number }[] }[])[0];
    expect(rest?.extension?.find((e) => e.url.endsWith('capabilitystatement-max-page-size'))?.valueInteger).toBe(100);
  });
});

describe('readiness', () => {
  it('answers 503 with Retry-After and a self-refreshing page until its data is loaded, then serves', async () => {
    const dir = await tempFiles({ 'p.json': JSON.stringify(testBundle(2)) });
    const seen: { home: number; launch: number; fhir: number; css: number; retry: string | null; html: string } = { home: 0, launch: 0, fhir: 0, css: 0, retry: null, html: '' };
    const started = await startSandbox({
      port: 0, now: NOW, dataPaths: [path.join(dir, 'p.json')], log: silent, demo: false,
      onListening: async (url) => {
        const home = await fetch(`${url}/`);
        seen.home = home.status;
        seen.retry = home.headers.get('retry-after');
        seen.html = await home.text();
        seen.launch = (await fetch(`${url}/launch?patient=pA`, { redirect: 'manual' })).status;
        seen.fhir = (await fetch(`${url}/fhir/metadata`)).status;
        seen.css = (await fetch(`${url}/sandbox.css`)).status; // the loading page's own stylesheet
      },
    });
    try {
      expect(seen).toMatchObject({ home: 503, launch: 503, fhir: 503, css: 200, retry: '2' });
      expect(seen.html).toContain('<meta http-equiv="refresh" content="2">');
      expect(seen.html).not.toContain('<script');
      expect((await locationOf(`${started.url}/launch?patient=pA`)).status).toBe(302);
    } finally {
      await started.close();
    }
  });
});
