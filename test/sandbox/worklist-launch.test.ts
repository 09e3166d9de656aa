import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { startSandbox } from '../../mocks/sandbox/index.mjs';
import { NOW, authorizeUrl, ehrLaunchId, ehrToken, fhirGet, locationOf, pkce, silent, tempFiles, testBundle } from './helpers';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let base: string;

beforeAll(async () => {
  const dir = await tempFiles({ 'patients.json': JSON.stringify(testBundle(3)) });
  sandbox = await startSandbox({ port: 0, now: NOW, dataPaths: [path.join(dir, 'patients.json')], log: silent, demo: false, cohortSize: 30 });
  base = sandbox.url;
});
afterAll(async () => {
  await sandbox?.close();
});

const SCOPE = 'launch openid fhirUser patient/*.rs online_access';
const USER_SCOPE = 'launch openid fhirUser user/*.rs user/List.rs user/Group.rs online_access';
const WORKLIST = { worklist: '1' };

describe('provider launch for the worklist (worklist=1, no patient)', () => {
  it('sends the app its launch URL with worklist=1, so the app can ask for user-level scopes', async () => {
    const { status, location } = await locationOf(`${base}/launch?worklist=1`);
    expect(status).toBe(302);
    expect(new URL(location, base).searchParams.get('worklist')).toBe('1');
  });

  it('with user scopes asked for: a token without a patient, a practitioner user and user-level read access including List and Group', async () => {
    const token = await ehrToken(base, '', USER_SCOPE, WORKLIST);
    expect(token.patient).toBeUndefined();
    const scopes = token.scope.split(' ');
    expect(scopes).toEqual(expect.arrayContaining(['user/*.rs', 'user/List.rs', 'user/Group.rs']));
    expect(scopes.some((s) => s.startsWith('patient/'))).toBe(false);
    const payload = JSON.parse(Buffer.from(String(token.id_token).split('.')[1] ?? '', 'base64url').toString());
    expect(payload.fhirUser).toBe('Practitioner/sandbox-clinician');

    const orders = await fhirGet(base, 'MedicationRequest?status=active&_count=500', token.access_token);
    expect(orders.status).toBe(200);
    const patients = new Set((orders.body.entry ?? []).map((e) => (e.resource as fhir4.MedicationRequest).subject?.reference));
    expect(patients.size).toBeGreaterThan(1);
    expect((await fhirGet(base, 'List', token.access_token)).body.total).toBe(1);
    expect((await fhirGet(base, 'Group', token.access_token)).body.total).toBe(1);
  });

  it('with only patient-level scopes asked for: no user-level access is granted and cross-patient searches are refused', async () => {
    const token = await ehrToken(base, '', SCOPE, WORKLIST);
    expect(token.patient).toBeUndefined();
    expect(token.scope.split(' ').some((s) => s.startsWith('user/'))).toBe(false);
    expect((await fhirGet(base, 'MedicationRequest?status=active', token.access_token)).status).toBe(403);
    expect((await fhirGet(base, 'Patient/pA', token.access_token)).status).toBe(403);
  });

  it('does not grant writes to a provider launch that did not ask for them (write=1)', async () => {
    const token = await ehrToken(base, '', 'launch openid fhirUser user/*.cruds', WORKLIST);
    const scopes = token.scope.split(' ');
    expect(scopes).toContain('user/*.rs');
    expect(scopes.filter((s) => /^(user|patient)\/[^.]+\.[a-z]*[cud]/.test(s))).toEqual([]);
  });

  it('a worklist launch id is good for one authorisation only', async () => {
    const launch = await ehrLaunchId(base, '', WORKLIST);
    const first = await locationOf(authorizeUrl({ base, scope: USER_SCOPE, launch, challenge: pkce().challenge }));
    expect(new URL(first.location).searchParams.get('code')).toBeTruthy();
    const again = await locationOf(authorizeUrl({ base, scope: USER_SCOPE, launch, challenge: pkce().challenge }));
    expect(new URL(again.location).searchParams.get('error')).toBe('invalid_request');
  });

  it('a patient launch keeps patient-level scopes only: the user-level grant is for the worklist launch alone', async () => {
    const token = await ehrToken(base, 'pA', SCOPE, WORKLIST);
    expect(token.patient).toBe('pA');
    expect(token.scope.split(' ').some((s) => s.startsWith('user/'))).toBe(false);
  });
});

describe('EHR page with the generated cohort', () => {
  it('lists the loaded patients first, the cohort collapsed after them, and offers "Launch worklist"', async () => {
    const html = await (await fetch(`${base}/`)).text();
    expect(html).toContain('<button type="submit" name="worklist" value="1">Launch worklist</button>');
    const details = html.indexOf('<details><summary>Generated cohort (30 synthetic patients');
    expect(details).toBeGreaterThan(0);
    const loadedPatient = html.indexOf('value="pA"');
    expect(loadedPatient).toBeGreaterThan(0);
    expect(loadedPatient).toBeLessThan(details);
    expect(html.slice(0, details)).not.toContain('value="cohort-');
  });
});
