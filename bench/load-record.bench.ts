/**
 * loadPatientRecord (src/fhir/loadRecord.ts) end to end over real HTTP against the local sandbox EHR started in this
 * process (mocks/sandbox: Medplum search engine, demo patients, fixed clock). The bearer token comes from the
 * sandbox's own EHR launch: /launch -> /auth/authorize (PKCE S256) -> /auth/token, with the app's scope string.
 * Requests go through the app's requester (src/fhir/client.ts) with its default options (concurrency 4); a counting
 * fetch gives the number of HTTP requests per load. The first (cold) load is measured once before the benchmark.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, bench, describe } from 'vitest';
import { startSandbox } from '../mocks/sandbox/index.mjs';
import { QUERY_GROUPS } from '../src/domain/input';
import { createFhirRequester, type FhirRequester } from '../src/fhir/client';
import { loadPatientRecord } from '../src/fhir/loadRecord';
import { buildScope } from '../src/fhir/smart';
import { DEMO_TEST_NOW } from '../test/support/demo-record';
import { recordFact } from './facts';

const PATIENTS = ['many-labs', 'third-trimester'];
const CLIENT_ID = 'lmwh-monitor';

const sandbox = await startSandbox({ port: 0, now: DEMO_TEST_NOW, demo: true, log: () => undefined });
afterAll(() => sandbox.close());

async function location(url: string): Promise<string> {
  const res = await fetch(url, { redirect: 'manual' });
  await res.arrayBuffer();
  const to = res.headers.get('location');
  if (res.status !== 302 || !to) throw new Error(`expected a redirect, got ${res.status}`);
  return new URL(to, url).href;
}

/** The sandbox's EHR launch for one patient, as the browser would run it; returns the token response. */
async function ehrLaunchToken(base: string, patient: string): Promise<{ access_token: string; expires_in: number; refresh_token?: string; patient?: string }> {
  const launch = new URL(await location(`${base}/launch?patient=${encodeURIComponent(patient)}`)).searchParams.get('launch');
  if (!launch) throw new Error('no launch id');
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const redirectUri = `${base}/app/`;
  const authorize = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: redirectUri,
    scope: buildScope('ehr', 'v2'),
    state: randomBytes(8).toString('hex'),
    aud: `${base}/fhir`,
    launch,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  const code = new URL(await location(`${base}/auth/authorize?${authorize}`)).searchParams.get('code');
  if (!code) throw new Error('authorize gave no code');
  const res = await fetch(`${base}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: CLIENT_ID, code_verifier: verifier }),
  });
  const body = (await res.json()) as { access_token?: string; expires_in: number; patient?: string };
  if (res.status !== 200 || !body.access_token) throw new Error(`token endpoint answered ${res.status}`);
  return body as { access_token: string; expires_in: number; patient?: string };
}

interface Session {
  requester: FhirRequester;
  patientId: string;
  requests: { count: number };
}

async function session(patient: string): Promise<Session> {
  const token = await ehrLaunchToken(sandbox.url, patient);
  const requests = { count: 0 };
  const countingFetch: typeof fetch = (input, init) => {
    requests.count += 1;
    return fetch(input, init);
  };
  const client = {
    state: { serverUrl: `${sandbox.url}/fhir`, expiresAt: Math.floor(Date.now() / 1000) + token.expires_in, tokenResponse: token },
    refresh: () => Promise.reject(new Error('the benchmark does not refresh tokens')),
  };
  return { requester: createFhirRequester(client, { fetch: countingFetch }), patientId: token.patient ?? patient, requests };
}

const sessions = new Map<string, Session>();
for (const patient of PATIENTS) {
  const s = await session(patient);
  sessions.set(patient, s);
  const start = performance.now();
  const input = await loadPatientRecord(s.requester, s.patientId, { now: DEMO_TEST_NOW });
  const coldMs = performance.now() - start;
  const notComplete = QUERY_GROUPS.filter((g) => input.groups[g].status !== 'complete').map((g) => `${g}: ${input.groups[g].status}`);
  recordFact(`load ${patient}`, {
    requests: s.requests.count,
    resources: input.resources.length,
    dropped: input.dropped.length,
    notComplete,
    coldMs,
  });
}

describe('loadPatientRecord', () => {
  for (const patient of PATIENTS) {
    const s = sessions.get(patient)!;
    bench(
      patient,
      async () => {
        s.requests.count = 0;
        await loadPatientRecord(s.requester, s.patientId, { now: DEMO_TEST_NOW });
        recordFact(`load ${patient} requests`, { requests: s.requests.count });
      },
      { time: 0, iterations: 8, warmupTime: 0, warmupIterations: 1 },
    );
  }
});
