import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPublicKey, createVerify, type JsonWebKey } from 'node:crypto';
import { request } from 'node:http';
import { startSandbox } from '../../mocks/sandbox/index.mjs';
import { CLIENT_ID, NOW, authorizeCode, authorizeUrl, ehrLaunchId, ehrToken, fhirGet, locationOf, pkce, postToken, silent, tempFiles, testBundle } from './helpers';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let base: string;

beforeAll(async () => {
  const extra = [
    { resourceType: 'Group', id: 'grp-b', type: 'person', actual: true, member: [{ entity: { reference: 'Patient/pB' } }] },
    { resourceType: 'Schedule', id: 'sch-b', actor: [{ reference: 'Patient/pB' }] },
    { resourceType: 'Schedule', id: 'sch-a', actor: [{ reference: 'Patient/pA' }] },
  ];
  const dir = await tempFiles({ 'patients.json': JSON.stringify(testBundle(3)), 'extra.json': JSON.stringify(extra) });
  sandbox = await startSandbox({ port: 0, now: NOW, dataPaths: [dir], log: silent, demo: false });
  base = sandbox.url;
});
afterAll(async () => {
  await sandbox?.close();
});

const post = async (token: string, body: unknown) => {
  const res = await fetch(`${base}/fhir`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { resourceType: string; type?: string; entry?: { response?: { status?: string; location?: string } }[]; issue?: { diagnostics?: string }[] } };
};
const tx = (type: 'transaction' | 'batch', entries: unknown[]) => ({ resourceType: 'Bundle', type, entry: entries });
const putObs = (id: string, patient: string) => ({
  resource: { resourceType: 'Observation', id, status: 'final', code: { text: 'note' }, subject: { reference: `Patient/${patient}` } },
  request: { method: 'PUT', url: `Observation/${id}` },
});

describe('scopes the sandbox grants', () => {
  it('never grants system/ scopes from an authorization code, nor writes unless the launch asks (write=1)', async () => {
    const asked = 'launch patient/*.cruds system/*.read user/Observation.rs patient/Condition.write';
    const plain = await ehrToken(base, 'pA', asked);
    expect(plain.scope.split(' ').sort()).toEqual(['launch', 'patient/*.rs', 'user/Observation.rs']);
    const writer = await ehrToken(base, 'pA', asked, { write: '1' });
    expect(writer.scope.split(' ').sort()).toEqual(['launch', 'patient/*.cruds', 'patient/Condition.write', 'user/Observation.rs']);
  });

  it('a read-only token cannot write: the transaction is refused with 403 and nothing changes', async () => {
    const { access_token } = await ehrToken(base, 'pA', 'launch patient/*.rs');
    const res = await post(access_token, tx('transaction', [putObs('ro-1', 'pA')]));
    expect(res.status).toBe(403);
    expect((await fhirGet(base, 'Observation/ro-1', access_token)).status).toBe(404);
  });
});

describe('transactions and batches under a patient token with write=1', () => {
  let token: string;
  beforeAll(async () => {
    token = (await ehrToken(base, 'pA', 'launch patient/*.cruds', { write: '1' })).access_token;
  });

  it("refuses a transaction that writes into another patient's compartment, all or nothing", async () => {
    const res = await post(token, tx('transaction', [putObs('tx-own', 'pA'), putObs('b1', 'pB')]));
    expect(res.status).toBe(403);
    expect(res.body.issue?.map((i) => i.diagnostics).join(' ')).toMatch(/entry 1/);
    expect((await fhirGet(base, 'Observation/tx-own', token)).status).toBe(404);
    const del = await post(token, tx('transaction', [{ request: { method: 'DELETE', url: 'Observation/b1' } }]));
    expect(del.status).toBe(403);
    const overwritePatient = await post(token, tx('transaction', [{ resource: { resourceType: 'Patient', id: 'pB' }, request: { method: 'PUT', url: 'Patient/pB' } }]));
    expect(overwritePatient.status).toBe(403);
  });

  it('an allowed transaction answers one response entry per request, in order', async () => {
    const res = await post(token, tx('transaction', [putObs('tx-1', 'pA'), { ...putObs('tx-2', 'pA'), request: { method: 'POST', url: 'Observation' } }]));
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('transaction-response');
    expect(res.body.entry?.map((e) => e.response?.status)).toEqual(['201 Created', '201 Created']);
    expect(res.body.entry?.[0]?.response?.location).toMatch(/^Observation\/tx-1\/_history\//);
    expect((await fhirGet(base, 'Observation/tx-1', token)).status).toBe(200);
  });

  it('a batch answers each entry on its own: the allowed one is written, the foreign one is 403', async () => {
    const res = await post(token, tx('batch', [putObs('batch-1', 'pA'), putObs('batch-2', 'pB')]));
    expect(res.status).toBe(200);
    expect(res.body.entry?.map((e) => e.response?.status)).toEqual(['201 Created', '403 Forbidden']);
    expect((await fhirGet(base, 'Observation/batch-1', token)).status).toBe(200);
    expect((await fhirGet(base, 'Observation/batch-2', token)).status).toBe(404);
  });
});

describe('the whole Patient compartment is confined', () => {
  it('Group?member= and Schedule?actor= cannot reach another patient; unfiltered searches hold only her own', async () => {
    const { access_token } = await ehrToken(base, 'pA', 'launch patient/*.rs');
    expect((await fhirGet(base, 'Group?member=Patient/pB', access_token)).status).toBe(403);
    expect((await fhirGet(base, 'Schedule?actor=pB', access_token)).status).toBe(403);
    const groups = await fhirGet(base, 'Group', access_token);
    expect(groups.body.total).toBe(0);
    const schedules = await fhirGet(base, 'Schedule', access_token);
    expect((schedules.body.entry ?? []).map((e) => e.resource?.id)).toEqual(['sch-a']);
    expect((await fhirGet(base, 'Schedule/sch-b', access_token)).status).toBe(403);
    expect((await fhirGet(base, 'Group/grp-b', access_token)).status).toBe(403);
  });
});

/** A raw GET with a chosen Host header (fetch does not let a caller set Host). */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('issuer, hosts and redirect URIs come from the configuration', () => {
  it('refuses a request whose Host is not one of its own, and never advertises that host', async () => {
    const res = await getWithHost(`${base}/.well-known/smart-configuration`, 'evil.example');
    expect(res.status).toBe(421);
    expect(res.body).not.toContain('evil.example/auth');
    const port = new URL(base).port;
    const local = await getWithHost(`${base}/.well-known/smart-configuration`, `localhost:${port}`);
    expect(JSON.parse(local.body).issuer).toBe(`${base}/fhir`);
  });

  it('accepts only its registered redirect URIs', async () => {
    const launch = await ehrLaunchId(base, 'pA');
    const res = await fetch(authorizeUrl({ base, scope: 'launch patient/*.rs', launch, challenge: pkce().challenge, redirectUri: 'http://evil.example/app/' }), { redirect: 'manual' });
    expect(res.status).toBe(400);
  });

  it('answers on an extra host given in allowedHosts', async () => {
    const own = await startSandbox({ port: 0, now: NOW, log: silent, demo: false, allowedHosts: ['ehr.test:1234'] });
    try {
      const res = await getWithHost(`${own.url}/.well-known/smart-configuration`, 'ehr.test:1234');
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body).authorization_endpoint).toBe('http://ehr.test:1234/auth/authorize');
    } finally {
      await own.close();
    }
  });
});

describe('a sandbox behind a proxy (publicUrl)', () => {
  const PUBLIC = 'http://proxy.test:4321';

  it('issues for the public origin: discovery, launch link, id_token and FHIR links name it; other hosts are refused', async () => {
    const dir = await tempFiles({ 'patients.json': JSON.stringify(testBundle(3)) });
    const own = await startSandbox({ port: 0, now: NOW, dataPaths: [dir], log: silent, demo: false, publicUrl: `${PUBLIC}/` });
    try {
      expect(own.publicUrl).toBe(PUBLIC);
      // What the proxy forwards: its own Host.
      const viaProxy = await getWithHost(`${own.url}/.well-known/smart-configuration`, 'proxy.test:4321');
      expect(viaProxy.status).toBe(200);
      const discovery = JSON.parse(viaProxy.body);
      expect(discovery).toMatchObject({ issuer: `${PUBLIC}/fhir`, authorization_endpoint: `${PUBLIC}/auth/authorize`, token_endpoint: `${PUBLIC}/auth/token`, jwks_uri: `${PUBLIC}/auth/jwks` });
      // A proxy that forwards the upstream's Host still gets the public origin in every link.
      const launch = await locationOf(`${own.url}/launch?patient=pA`);
      expect(launch.status).toBe(302);
      expect(new URL(launch.location, own.url).searchParams.get('iss')).toBe(`${PUBLIC}/fhir`);
      const direct = JSON.parse((await getWithHost(`${own.url}/.well-known/smart-configuration`, `localhost:${new URL(own.url).port}`)).body);
      expect(direct.token_endpoint).toBe(`${PUBLIC}/auth/token`);
      // The whole flow with aud and redirect URI on the public origin; searches page with public links.
      const launchId = new URL(launch.location, own.url).searchParams.get('launch') ?? '';
      const { verifier, challenge } = pkce();
      const code = await authorizeCode({ base: own.url, scope: 'launch openid fhirUser patient/*.rs', launch: launchId, challenge, aud: `${PUBLIC}/fhir`, redirectUri: `${PUBLIC}/app/` });
      const issued = await postToken(own.url, { grant_type: 'authorization_code', code, redirect_uri: `${PUBLIC}/app/`, client_id: CLIENT_ID, code_verifier: verifier });
      expect(issued.status).toBe(200);
      const token = { id_token: String(issued.body.id_token), access_token: String(issued.body.access_token) };
      const claims = JSON.parse(Buffer.from(String(token.id_token).split('.')[1] ?? '', 'base64url').toString());
      expect(claims.iss).toBe(`${PUBLIC}/fhir`);
      const page = await fhirGet(own.url, 'Observation?patient=pA&_count=1', token.access_token);
      const next = (page.body.link ?? []).find((l) => l.relation === 'next')?.url ?? '';
      expect(next.startsWith(`${PUBLIC}/fhir/Observation?`)).toBe(true);
      const refused = await getWithHost(`${own.url}/.well-known/smart-configuration`, 'evil.example');
      expect(refused.status).toBe(421);
      expect(refused.body).not.toContain('proxy.test');
    } finally {
      await own.close();
    }
  });

  it('a public URL with a path or credentials is refused at start', async () => {
    await expect(startSandbox({ port: 0, now: NOW, log: silent, demo: false, publicUrl: 'http://proxy.test:4321/ehr' })).rejects.toThrow(/origin only/);
    await expect(startSandbox({ port: 0, now: NOW, log: silent, demo: false, publicUrl: 'ftp://proxy.test' })).rejects.toThrow(/origin only/);
  });
});

describe('launches, codes and tokens', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const SCOPE = 'launch openid fhirUser patient/*.rs online_access';

  it('a launch id is single-use', async () => {
    const launch = await ehrLaunchId(base, 'pA');
    await authorizeCode({ base, scope: SCOPE, launch, challenge: pkce().challenge });
    const again = await locationOf(authorizeUrl({ base, scope: SCOPE, launch, challenge: pkce().challenge }));
    expect(new URL(again.location).searchParams.get('error')).toBe('invalid_request');
    expect(new URL(again.location).searchParams.get('code')).toBeNull();
  });

  it('a launch id is short-lived: after 5 minutes it is refused', async () => {
    const launch = await ehrLaunchId(base, 'pA');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 5 * 60_000 + 1_000 });
    const late = await locationOf(authorizeUrl({ base, scope: SCOPE, launch, challenge: pkce().challenge }));
    expect(new URL(late.location).searchParams.get('error')).toBe('invalid_request');
  });

  it('a refresh-token family ends 8 hours after sign-in however often it was rotated', async () => {
    const t = await ehrToken(base, 'pA', SCOPE);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 7 * 3600_000 });
    const within = await postToken(base, { grant_type: 'refresh_token', refresh_token: String(t.refresh_token), client_id: CLIENT_ID });
    expect(within.status).toBe(200);
    vi.setSystemTime(Date.now() + 2 * 3600_000);
    const after = await postToken(base, { grant_type: 'refresh_token', refresh_token: String(within.body.refresh_token), client_id: CLIENT_ID });
    expect(after.body.error).toBe('invalid_grant');
    expect(String(after.body.error_description)).toMatch(/expired/);
  });

  it('a replayed authorization code is refused and revokes the tokens it issued', async () => {
    const launch = await ehrLaunchId(base, 'pA');
    const { verifier, challenge } = pkce();
    const code = await authorizeCode({ base, scope: SCOPE, launch, challenge });
    const form = { grant_type: 'authorization_code', code, redirect_uri: `${base}/app/`, client_id: CLIENT_ID, code_verifier: verifier };
    const first = await postToken(base, form);
    const access = String(first.body.access_token);
    expect((await fhirGet(base, 'Patient/pA', access)).status).toBe(200);
    expect((await postToken(base, form)).body.error).toBe('invalid_grant');
    expect((await fhirGet(base, 'Patient/pA', access)).status).toBe(401);
    const refresh = await postToken(base, { grant_type: 'refresh_token', refresh_token: String(first.body.refresh_token), client_id: CLIENT_ID });
    expect(refresh.body.error).toBe('invalid_grant');
  });

  it('refresh tokens rotate; presenting a used one revokes the whole sign-in', async () => {
    const t = await ehrToken(base, 'pA', SCOPE);
    const r1 = await postToken(base, { grant_type: 'refresh_token', refresh_token: String(t.refresh_token), client_id: CLIENT_ID });
    expect(r1.status).toBe(200);
    expect(r1.body.refresh_token).toBeTruthy();
    expect(r1.body.refresh_token).not.toBe(t.refresh_token);
    const reuse = await postToken(base, { grant_type: 'refresh_token', refresh_token: String(t.refresh_token), client_id: CLIENT_ID });
    expect(reuse.body.error).toBe('invalid_grant');
    const r2 = await postToken(base, { grant_type: 'refresh_token', refresh_token: String(r1.body.refresh_token), client_id: CLIENT_ID });
    expect(r2.body.error).toBe('invalid_grant');
    expect((await fhirGet(base, 'Patient/pA', String(r1.body.access_token))).status).toBe(401);
  });

  it('the id_token is RS256-signed by the key published at jwks_uri', async () => {
    const t = await ehrToken(base, 'pA', SCOPE);
    const [header = '', payload = '', signature = ''] = String(t.id_token).split('.');
    const head = JSON.parse(Buffer.from(header, 'base64url').toString());
    expect(head.alg).toBe('RS256');
    const discovery = await (await fetch(`${base}/.well-known/smart-configuration`)).json();
    const jwks = (await (await fetch(discovery.jwks_uri)).json()) as { keys: (JsonWebKey & { kid: string })[] };
    const jwk = jwks.keys.find((k) => k.kid === head.kid);
    expect(jwk).toBeTruthy();
    const key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
    const verified = createVerify('RSA-SHA256').update(`${header}.${payload}`).verify(key, Buffer.from(signature, 'base64url'));
    expect(verified).toBe(true);
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(claims).toMatchObject({ iss: `${base}/fhir`, aud: CLIENT_ID, fhirUser: 'Practitioner/sandbox-clinician' });
    const tampered = Buffer.from(JSON.stringify({ ...claims, fhirUser: 'Practitioner/other' })).toString('base64url');
    expect(createVerify('RSA-SHA256').update(`${header}.${tampered}`).verify(key, Buffer.from(signature, 'base64url'))).toBe(false);
  });
});

describe('malformed and oversized input', () => {
  let token: string;
  beforeAll(async () => {
    token = (await ehrToken(base, 'pA', 'launch patient/*.cruds', { write: '1' })).access_token;
  });

  it('/app/% is a 400 page, not a failure', async () => {
    expect((await fetch(`${base}/app/%`)).status).toBe(400);
  });

  it('a resource nested 5,000 levels deep is a 400 OperationOutcome', async () => {
    const deep = `${'{"extension":['.repeat(5000)}{}${']}'.repeat(5000)}`;
    const body = `{"resourceType":"Bundle","type":"transaction","entry":[{"resource":{"resourceType":"Basic","id":"deep","subject":{"reference":"Patient/pA"},"extension":[${deep}]},"request":{"method":"PUT","url":"Basic/deep"}}]}`;
    const sent = await fetch(`${base}/fhir`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json' }, body });
    const res = { status: sent.status, body: (await sent.json()) as { resourceType: string } };
    expect(res.status).toBe(400);
    expect(res.body.resourceType).toBe('OperationOutcome');
  });

  it('a 60 MB body is a 413 OperationOutcome', async () => {
    const huge = Buffer.alloc(60 * 1024 * 1024, 0x20);
    const res = await fetch(`${base}/fhir`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json' }, body: huge });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { resourceType: string }).resourceType).toBe('OperationOutcome');
  });

  it('a body that is not JSON is a 400 OperationOutcome', async () => {
    const res = await fetch(`${base}/fhir`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json' }, body: '{"resourceType":' });
    expect(res.status).toBe(400);
  });

  it('an unknown search modifier is a 400, a supported one answers', async () => {
    const unknown = await fhirGet(base, 'Observation?patient=pA&code:fuzzy=29463-7', token);
    expect(unknown.status).toBe(400);
    expect(unknown.body.issue?.[0]?.diagnostics).toMatch(/:fuzzy/);
    const not = await fhirGet(base, 'Observation?patient=pA&code:not=29463-7', token);
    expect(not.status).toBe(200);
    const ids = (not.body.entry ?? []).map((e) => String(e.resource?.id));
    expect(ids).toEqual(expect.arrayContaining(['dd-local', 'dd1']));
    expect(ids.filter((id) => /^w\d/.test(id))).toEqual([]);
    expect((await fhirGet(base, 'Observation?subject:Patient=pA&code=48065-7', token)).body.total).toBe(2);
  });
});
