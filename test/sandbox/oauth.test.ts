import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { startSandbox } from '../../mocks/sandbox/index.mjs';
import {
  CLIENT_ID, NOW, authorizeCode, authorizeUrl, ehrLaunchId, ehrToken, fhirGet, locationOf, pkce, postToken,
  silent, tempFiles, testBundle,
} from './helpers';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let base: string;

beforeAll(async () => {
  const dir = await tempFiles({ 'patients.json': JSON.stringify(testBundle(5)) });
  sandbox = await startSandbox({ port: 0, now: NOW, dataPaths: [path.join(dir, 'patients.json')], log: silent, demo: false });
  base = sandbox.url;
});
afterAll(async () => {
  await sandbox?.close();
});

const SCOPE = 'launch openid fhirUser patient/Patient.rs patient/Observation.rs patient/Appointment.rs online_access';

describe('SMART discovery', () => {
  it('advertises the authorize and token endpoints, S256 and the capabilities at both well-known locations', async () => {
    for (const url of [`${base}/fhir/.well-known/smart-configuration`, `${base}/.well-known/smart-configuration`]) {
      const res = await fetch(url);
      const body = await res.json();
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(body.authorization_endpoint).toBe(`${base}/auth/authorize`);
      expect(body.token_endpoint).toBe(`${base}/auth/token`);
      expect(body.code_challenge_methods_supported).toEqual(['S256']);
      expect(body.capabilities).toEqual(expect.arrayContaining(['launch-ehr', 'launch-standalone', 'client-public', 'permission-v2', 'context-passthrough-banner']));
      expect(body.scopes_supported).toContain('patient/*.rs');
    }
  });
});

describe('EHR launch and token exchange', () => {
  it('a complete EHR launch yields a bearer token for the launched patient, with the granted scope, refresh and id_token', async () => {
    const token = await ehrToken(base, 'pA', SCOPE);
    expect(token.patient).toBe('pA');
    expect(token.expires_in).toBe(3600);
    expect(token.scope.split(' ')).toEqual(expect.arrayContaining(['patient/Observation.rs', 'online_access']));
    expect(token.refresh_token).toBeTruthy();
    expect(token.need_patient_banner).toBe(true);
    const payload = JSON.parse(Buffer.from(String(token.id_token).split('.')[1] ?? '', 'base64url').toString());
    expect(payload.fhirUser).toBe('Practitioner/sandbox-clinician');
    const obs = await fhirGet(base, 'Observation?patient=pA', token.access_token);
    expect(obs.status).toBe(200);
    expect(obs.body.total).toBe(7);
  });

  it('returns state unchanged on the redirect with the code', async () => {
    const launch = await ehrLaunchId(base, 'pA');
    const { challenge } = pkce();
    const { location } = await locationOf(authorizeUrl({ base, scope: SCOPE, launch, challenge, state: 'a b/c?d=1' }));
    const back = new URL(location);
    expect(`${back.origin}${back.pathname}`).toBe(`${base}/app/`);
    expect(back.searchParams.get('state')).toBe('a b/c?d=1');
    expect(back.searchParams.get('code')).toBeTruthy();
  });

  it('refuses a wrong PKCE code_verifier with invalid_grant', async () => {
    const launch = await ehrLaunchId(base, 'pA');
    const { challenge } = pkce();
    const code = await authorizeCode({ base, scope: SCOPE, launch, challenge });
    const res = await postToken(base, { grant_type: 'authorization_code', code, redirect_uri: `${base}/app/`, client_id: CLIENT_ID, code_verifier: pkce().verifier });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_grant');
  });

  it('accepts each code once: the second exchange is invalid_grant', async () => {
    const launch = await ehrLaunchId(base, 'pA');
    const { verifier, challenge } = pkce();
    const code = await authorizeCode({ base, scope: SCOPE, launch, challenge });
    const form = { grant_type: 'authorization_code', code, redirect_uri: `${base}/app/`, client_id: CLIENT_ID, code_verifier: verifier };
    expect((await postToken(base, form)).status).toBe(200);
    const again = await postToken(base, form);
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_grant');
  });

  it('refuses a token request whose redirect_uri differs from the authorize one', async () => {
    const launch = await ehrLaunchId(base, 'pA');
    const { verifier, challenge } = pkce();
    const code = await authorizeCode({ base, scope: SCOPE, launch, challenge, redirectUri: `${base}/app/index.html` });
    const res = await postToken(base, { grant_type: 'authorization_code', code, redirect_uri: `${base}/app/`, client_id: CLIENT_ID, code_verifier: verifier });
    expect(res.body.error).toBe('invalid_grant');
  });

  it('shows an error page (no redirect) for an unregistered redirect_uri or client_id', async () => {
    const launch = await ehrLaunchId(base, 'pA');
    const { challenge } = pkce();
    const wrongRedirect = await locationOf(authorizeUrl({ base, scope: SCOPE, launch, challenge, redirectUri: 'http://evil.example/app/' }));
    expect(wrongRedirect.status).toBe(400);
    expect(wrongRedirect.location).toBe('');
    const wrongClient = await locationOf(authorizeUrl({ base, scope: SCOPE, launch, challenge, clientId: 'someone-else' }));
    expect(wrongClient.status).toBe(400);
    expect(wrongClient.location).toBe('');
  });

  it('sends a wrong aud or a missing S256 challenge back to the app as error=invalid_request with the state', async () => {
    const launch = await ehrLaunchId(base, 'pA');
    const { challenge } = pkce();
    for (const args of [
      { base, scope: SCOPE, launch, challenge, aud: 'https://other.example/fhir' },
      { base, scope: SCOPE, launch },
      { base, scope: SCOPE, launch, challenge, method: 'plain' },
    ]) {
      const { status, location } = await locationOf(authorizeUrl(args));
      expect(status).toBe(302);
      const back = new URL(location);
      expect(back.searchParams.get('error')).toBe('invalid_request');
      expect(back.searchParams.get('state')).toBe('state-123');
      expect(back.searchParams.get('code')).toBeNull();
    }
  });

  it('refuses a token request from another client_id', async () => {
    const launch = await ehrLaunchId(base, 'pA');
    const { verifier, challenge } = pkce();
    const code = await authorizeCode({ base, scope: SCOPE, launch, challenge });
    const res = await postToken(base, { grant_type: 'authorization_code', code, redirect_uri: `${base}/app/`, client_id: 'someone-else', code_verifier: verifier });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('invalid_client');
  });

  it('passes need_patient_banner=false from the launch options into the token response', async () => {
    const token = await ehrToken(base, 'pA', SCOPE, { need_patient_banner: 'false' });
    expect(token.need_patient_banner).toBe(false);
  });
});

describe('FHIR access control', () => {
  it('answers 401 with WWW-Authenticate: Bearer and an OperationOutcome when no token is sent', async () => {
    const res = await fhirGet(base, 'Observation?patient=pA');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(res.body.resourceType).toBe('OperationOutcome');
  });

  it('serves the CapabilityStatement without a token', async () => {
    const res = await fhirGet(base, 'metadata');
    expect(res.status).toBe(200);
    expect(res.body.fhirVersion).toBe('4.0.1');
  });

  it('answers 401 once the access token has expired (1 s lifetime)', async () => {
    const token = await ehrToken(base, 'pA', SCOPE, { token_lifetime: '1' });
    expect(token.expires_in).toBe(1);
    expect((await fhirGet(base, 'Patient/pA', token.access_token)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
    const res = await fhirGet(base, 'Patient/pA', token.access_token);
    expect(res.status).toBe(401);
    expect(res.body.issue?.[0]?.diagnostics).toMatch(/expired/);
  });

  it('refreshes only when online_access was asked: a new working token for the same patient and scope', async () => {
    const withOnline = await ehrToken(base, 'pA', SCOPE, { token_lifetime: '60' });
    const refreshed = await postToken(base, { grant_type: 'refresh_token', refresh_token: String(withOnline.refresh_token), client_id: CLIENT_ID });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.patient).toBe('pA');
    expect(refreshed.body.scope).toBe(withOnline.scope);
    expect(refreshed.body.access_token).not.toBe(withOnline.access_token);
    expect((await fhirGet(base, 'Patient/pA', String(refreshed.body.access_token))).status).toBe(200);

    const without = await ehrToken(base, 'pA', 'launch patient/Patient.rs patient/Observation.rs');
    expect(without.refresh_token).toBeUndefined();
    const bogus = await postToken(base, { grant_type: 'refresh_token', refresh_token: 'not-a-token', client_id: CLIENT_ID });
    expect(bogus.body.error).toBe('invalid_grant');
  });

  it('v1-only grant answers v2 scopes with .read scopes, which still allow the search', async () => {
    const token = await ehrToken(base, 'pA', 'launch patient/Patient.rs patient/Observation.rs', { grant: 'v1' });
    expect(token.scope.split(' ').sort()).toEqual(['launch', 'patient/Observation.read', 'patient/Patient.read']);
    expect((await fhirGet(base, 'Observation?patient=pA', token.access_token)).status).toBe(200);
    expect((await fhirGet(base, 'Condition?patient=pA', token.access_token)).status).toBe(403);
  });

  it('trimmed grant drops Appointment and online_access: Appointment search is 403, no refresh token', async () => {
    const token = await ehrToken(base, 'pA', SCOPE, { grant: 'trimmed' });
    expect(token.scope).not.toMatch(/Appointment|online_access/);
    expect(token.refresh_token).toBeUndefined();
    const appt = await fhirGet(base, 'Appointment?patient=pA', token.access_token);
    expect(appt.status).toBe(403);
    expect(appt.body.resourceType).toBe('OperationOutcome');
    expect((await fhirGet(base, 'Observation?patient=pA', token.access_token)).status).toBe(200);
  });

  it('full grant allows the Appointment search the trimmed grant refuses', async () => {
    const token = await ehrToken(base, 'pA', SCOPE);
    const appt = await fhirGet(base, 'Appointment?patient=pA', token.access_token);
    expect(appt.status).toBe(200);
    expect(appt.body.entry).toHaveLength(1);
  });

  it("refuses another patient's data under a patient-scoped token", async () => {
    const token = await ehrToken(base, 'pA', SCOPE);
    expect((await fhirGet(base, 'Observation?patient=pB', token.access_token)).status).toBe(403);
    expect((await fhirGet(base, 'Patient/pB', token.access_token)).status).toBe(403);
    const read = await fhirGet(base, 'Observation/b1', token.access_token);
    expect([403, 404]).toContain(read.status);
    // An unfiltered search is confined to the launched patient.
    const all = await fhirGet(base, 'Observation?_count=200', token.access_token);
    expect(all.status).toBe(200);
    expect((all.body.entry ?? []).map((e) => (e.resource as fhir4.Observation).subject?.reference)).not.toContain('Patient/pB');
  });

  it('answers CORS preflight for /fhir and /auth/token', async () => {
    for (const url of [`${base}/fhir/Observation`, `${base}/auth/token`]) {
      const res = await fetch(url, { method: 'OPTIONS', headers: { origin: 'http://elsewhere.example', 'access-control-request-headers': 'authorization' } });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    }
  });
});

describe('standalone launch', () => {
  it('shows a patient picker, then redirects back with a code whose token carries the picked patient', async () => {
    const { verifier, challenge } = pkce();
    const res = await fetch(authorizeUrl({ base, scope: 'launch/patient patient/Observation.rs', challenge }), { redirect: 'manual' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Anna Test');
    const pending = /name="pending" value="([^"]+)"/.exec(html)?.[1];
    expect(pending).toBeTruthy();
    const picked = await fetch(`${base}/auth/authorize/pick`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ pending: String(pending), patient: 'pB' }),
    });
    expect(picked.status).toBe(302);
    const code = new URL(picked.headers.get('location') ?? '').searchParams.get('code');
    const token = await postToken(base, { grant_type: 'authorization_code', code: String(code), redirect_uri: `${base}/app/`, client_id: CLIENT_ID, code_verifier: verifier });
    expect(token.body.patient).toBe('pB');
  });
});
