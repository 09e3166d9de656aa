import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { configFailureText, configProblemText } from '../ui/messages/launchText';
import {
  appRedirectUri,
  buildScope,
  decideLaunch,
  decideStandalone,
  findServer,
  hasLaunchInProgress,
  loadSmartConfig,
  READ_RESOURCE_TYPES,
  SmartConfigError,
  validateSmartConfig,
  requestTimeoutFor,
  facilityZoneFor,
  patientBatchFor,
  type SmartConfig,
} from './smart';

const shipped = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/smart-config.json'), 'utf8')) as unknown;

function shippedConfig(): SmartConfig {
  const r = validateSmartConfig(shipped);
  if (!r.ok) throw new Error(r.errors.map((e) => configProblemText('en', e)).join('; '));
  return r.config;
}

const LAUNCH_PAGE = 'http://localhost:8123/app/launch/';

describe('the shipped public/smart-config.json', () => {
  it('is valid', () => {
    expect(validateSmartConfig(shipped)).toMatchObject({ ok: true });
  });

  it.each([
    ['http://localhost:8080/fhir', 'local-sandbox'],
    ['http://localhost:43121/fhir/', 'local-sandbox'],
    ['http://127.0.0.1:5173/fhir', 'local-sandbox'],
    ['https://launch.smarthealthit.org/v/r4/fhir', 'smart-launcher-r4'],
    ['https://launch.smarthealthit.org/v/r4/sim/eyJrIjoiMSIsImIiOiJwMSJ9/fhir', 'smart-launcher-r4'],
    ['https://fhir.epic.com/interconnect-fhir-oauth/api/FHIR/R4', 'epic-sandbox'],
    ['https://fhir.epic.com/interconnect-fhir-oauth/api/FHIR/R4/', 'epic-sandbox'],
    ['https://fhir-ehr-code.cerner.com/r4/ec2458f2-1e24-41c8-b71b-0e701af7583d', 'oracle-health-sandbox'],
  ])('%s is the %s entry', (iss, id) => {
    expect(findServer(shippedConfig(), iss)?.id).toBe(id);
  });

  it.each([
    'https://evil.example/fhir',
    'http://localhost.evil.example:8080/fhir',
    'http://localhost:8080/fhir/../other',
    'http://localhost:8080/fhirx',
    'https://localhost:8080/fhir?x=1',
    'https://launch.smarthealthit.org.evil.example/v/r4/fhir',
    'https://launch.smarthealthit.org/v/r3/fhir',
    'https://evil.example/?https://fhir.epic.com/interconnect-fhir-oauth/api/FHIR/R4',
    'https://fhir.epic.com/interconnect-fhir-oauth/api/FHIR/R4/../../../x',
    'https://fhir-ehr-code.cerner.com/r4/another-tenant',
  ])('%s matches no entry', (iss) => {
    expect(findServer(shippedConfig(), iss)).toBeUndefined();
  });

  it('uses SMART v1 scopes for Oracle Health and a placeholder client id the deployer replaces for Epic and Oracle', () => {
    const c = shippedConfig();
    expect(c.servers.find((s) => s.id === 'oracle-health-sandbox')?.scopeStyle).toBe('v1');
    expect(c.servers.find((s) => s.id === 'epic-sandbox')?.clientId).toMatch(/^REPLACE_/);
  });
});

describe('validateSmartConfig', () => {
  const good = { defaults: { clientId: 'a', scopeStyle: 'v2' }, servers: [{ id: 'x', label: 'X', issMatch: { exact: 'https://x.example/fhir' }, clientId: 'c', scopeStyle: 'v1' }] };
  const withServer = (patch: Record<string, unknown>) => ({ ...good, servers: [{ ...good.servers[0], ...patch }] });

  it.each<[string, unknown, RegExp]>([
    ['not an object', [], /not a JSON object/],
    ['no defaults', { servers: [] }, /defaults/],
    ['servers not a list', { ...good, servers: {} }, /servers must be a list/],
    ['unanchored regex', withServer({ issMatch: { regex: 'https://x\\.example/fhir' } }), /must start with \^ and end with \$/],
    ['broken regex', withServer({ issMatch: { regex: '^(https$' } }), /not a valid regular expression/],
    ['exact that is not a URL', withServer({ issMatch: { exact: 'x.example/fhir' } }), /not an http\(s\) URL/],
    ['both exact and regex', withServer({ issMatch: { exact: 'https://x.example', regex: '^x$' } }), /issMatch must have either/],
    ['bad scope style', withServer({ scopeStyle: 'v3' }), /scopeStyle/],
    ['no client id', withServer({ clientId: '' }), /clientId is missing/],
    ['no label', withServer({ label: ' ' }), /label is missing/],
    ['duplicate id', { ...good, servers: [good.servers[0], good.servers[0]] }, /used twice/],
    ['request timeout as text', withServer({ requestTimeoutMs: '30000' }), /requestTimeoutMs must be a whole number/],
    ['request timeout too short to get any answer', withServer({ requestTimeoutMs: 999 }), /from 1000 to 120000/],
    ['request timeout so long a stall goes unnamed', withServer({ requestTimeoutMs: 120_001 }), /from 1000 to 120000/],
    ['facility time zone that is not an IANA zone', withServer({ facilityTimeZone: 'London' }), /facilityTimeZone must be an IANA time zone/],
    ['facility time zone as a number', withServer({ facilityTimeZone: 0 }), /facilityTimeZone must be an IANA time zone/],
    ['patient lists setting as text', withServer({ patientBatch: 'yes' }), /patientBatch must be true or false/],
  ])('%s is rejected with a readable reason', (_name, json, reason) => {
    const r = validateSmartConfig(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => configProblemText('en', e)).join('\n')).toMatch(reason);
  });

  it('accepts a minimal valid configuration', () => {
    expect(validateSmartConfig(good)).toEqual({ ok: true, config: good });
  });

  it('a server slow to answer: its request timeout is kept and found for an iss it matches, none for other servers', () => {
    const r = validateSmartConfig(withServer({ requestTimeoutMs: 45_000 }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(requestTimeoutFor(r.config, 'https://x.example/fhir/')).toBe(45_000);
    expect(requestTimeoutFor(r.config, 'https://y.example/fhir')).toBeUndefined();
    const plain = validateSmartConfig(good);
    expect(plain.ok && requestTimeoutFor(plain.config, 'https://x.example/fhir')).toBeUndefined();
  });
});

describe('facility time zone per server', () => {
  const good = { defaults: { clientId: 'a', scopeStyle: 'v2' }, servers: [{ id: 'x', label: 'X', issMatch: { exact: 'https://x.example/fhir' }, clientId: 'c', scopeStyle: 'v1' }] };
  const withServer = (patch: Record<string, unknown>) => ({ ...good, servers: [{ ...good.servers[0], ...patch }] });

  it('an EHR in London: its zone is kept and found for an iss it matches, none for other servers', () => {
    const r = validateSmartConfig(withServer({ facilityTimeZone: 'Europe/London' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(facilityZoneFor(r.config, 'https://x.example/fhir/')).toBe('Europe/London');
    expect(facilityZoneFor(r.config, 'https://y.example/fhir')).toBeUndefined();
  });
});

describe('patient lists per server (patientBatch)', () => {
  const good = { defaults: { clientId: 'a', scopeStyle: 'v2' }, servers: [{ id: 'x', label: 'X', issMatch: { exact: 'https://x.example/fhir' }, clientId: 'c', scopeStyle: 'v1' }] };
  const withServer = (patch: Record<string, unknown>) => ({ ...good, servers: [{ ...good.servers[0], ...patch }] });

  it.each([true, false])('a server configured %s is found for an iss it matches; unconfigured servers are left to the probe', (value) => {
    const r = validateSmartConfig(withServer({ patientBatch: value }));
    if (!r.ok) throw new Error(r.errors.join());
    expect(patientBatchFor(r.config, 'https://x.example/fhir')).toBe(value);
    expect(patientBatchFor(r.config, 'https://y.example/fhir')).toBeUndefined();
  });

  it('the shipped configuration batches the local sandbox and reads Epic and Oracle one patient per search', () => {
    const c = shippedConfig();
    const entry = (id: string) => c.servers.find((s) => s.id === id);
    expect(entry('local-sandbox')?.patientBatch).toBe(true);
    expect(entry('epic-sandbox')?.patientBatch).toBe(false);
    expect(entry('oracle-health-sandbox')?.patientBatch).toBe(false);
  });
});

describe('loadSmartConfig', () => {
  const respond = (body: string, status = 200) => (async () => new Response(body, { status, headers: { 'content-type': 'application/json' } })) as typeof fetch;

  it('returns the validated configuration', async () => {
    const c = await loadSmartConfig('http://x/smart-config.json', respond(JSON.stringify(shipped)));
    expect(c.servers.length).toBeGreaterThan(3);
  });
  it('a 404 is a SmartConfigError naming the status', async () => {
    const err = await loadSmartConfig('http://x/smart-config.json', respond('', 404)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SmartConfigError);
    expect(configFailureText('en', (err as SmartConfigError).failure)).toMatch(/HTTP 404/);
  });
  it('invalid JSON is a SmartConfigError', async () => {
    await expect(loadSmartConfig('http://x/smart-config.json', respond('{'))).rejects.toBeInstanceOf(SmartConfigError);
  });
  it('an invalid configuration lists its problems', async () => {
    const err = await loadSmartConfig('http://x/c.json', respond('{"defaults":{},"servers":[]}')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SmartConfigError);
    expect((err as SmartConfigError).details.map((e) => configProblemText('en', e)).join()).toMatch(/defaults/);
  });
});

describe('buildScope', () => {
  it('EHR launch, v2: launch, identity, online_access and .rs for every resource type the app reads', () => {
    const s = buildScope('ehr', 'v2').split(' ');
    expect(s.slice(0, 4)).toEqual(['launch', 'openid', 'fhirUser', 'online_access']);
    expect(s).toContain('patient/Observation.rs');
    expect(s).toContain('patient/MedicationAdministration.rs');
    expect(s).toHaveLength(4 + READ_RESOURCE_TYPES.length);
    expect(s.some((x) => x.endsWith('.read'))).toBe(false);
  });
  it('standalone launch, v1: launch/patient and .read scopes', () => {
    const s = buildScope('standalone', 'v1').split(' ');
    expect(s[0]).toBe('launch/patient');
    expect(s).not.toContain('launch');
    expect(s).toContain('patient/DiagnosticReport.read');
    expect(s.some((x) => x.endsWith('.rs'))).toBe(false);
  });
  it('worklist launch, v2: user-level .rs scopes for every type plus List and Group, no patient-level scope', () => {
    const s = buildScope('ehr', 'v2', 'user').split(' ');
    expect(s.slice(0, 4)).toEqual(['launch', 'openid', 'fhirUser', 'online_access']);
    expect(s).toEqual(expect.arrayContaining([...READ_RESOURCE_TYPES.map((t) => `user/${t}.rs`), 'user/List.rs', 'user/Group.rs']));
    expect(s.some((x) => x.startsWith('patient/'))).toBe(false);
  });
  it('worklist standalone launch, v1: user-level .read scopes and no launch/patient (no patient is picked)', () => {
    const s = buildScope('standalone', 'v1', 'user').split(' ');
    expect(s).not.toContain('launch/patient');
    expect(s).not.toContain('launch');
    expect(s).toContain('user/Observation.read');
    expect(s).toContain('user/List.read');
    expect(s.some((x) => x.endsWith('.rs') || x.startsWith('patient/'))).toBe(false);
  });
  it('asks for all fourteen resource types', () => {
    expect([...READ_RESOURCE_TYPES].sort()).toEqual(
      ['AllergyIntolerance', 'Appointment', 'Condition', 'DiagnosticReport', 'Encounter', 'Medication', 'MedicationAdministration', 'MedicationDispense', 'MedicationRequest', 'MedicationStatement', 'Observation', 'Patient', 'Procedure', 'ServiceRequest'].sort(),
    );
  });
});

describe('appRedirectUri', () => {
  it.each([
    ['http://localhost:8080/app/launch/', 'http://localhost:8080/app/'],
    ['http://localhost:8080/app/launch/?iss=x&launch=y', 'http://localhost:8080/app/'],
    ['http://localhost:8080/app/launch/index.html?iss=x#frag', 'http://localhost:8080/app/'],
    ['https://host.example/launch/', 'https://host.example/'],
  ])('from %s the app page is %s', (from, to) => {
    expect(appRedirectUri(from)).toBe(to);
  });
});

describe('decideLaunch', () => {
  const c = shippedConfig();
  const page = (q: string) => `${LAUNCH_PAGE}?${q}`;

  it('an EHR launch URL with worklist=1 asks for user-level scopes; without it patient-level ones', () => {
    const worklist = decideLaunch(page('iss=http%3A%2F%2Flocalhost%3A8123%2Ffhir&launch=abc&worklist=1'), c);
    const patient = decideLaunch(page('iss=http%3A%2F%2Flocalhost%3A8123%2Ffhir&launch=abc'), c);
    if (worklist.kind !== 'authorize' || patient.kind !== 'authorize') throw new Error('expected both to authorize');
    const w = worklist.options.scope?.split(' ') ?? [];
    const p = patient.options.scope?.split(' ') ?? [];
    expect(w).toContain('user/MedicationRequest.rs');
    expect(w.some((x) => x.startsWith('patient/'))).toBe(false);
    expect(p).toContain('patient/MedicationRequest.rs');
    expect(p.some((x) => x.startsWith('user/'))).toBe(false);
    expect(worklist.options.redirectUri).toBe(patient.options.redirectUri);
  });

  it('an EHR launch from the local sandbox authorizes with its client id, launch scope, PKCE always and the app folder as redirect', () => {
    const d = decideLaunch(page('iss=http%3A%2F%2Flocalhost%3A8123%2Ffhir&launch=abc'), c);
    expect(d.kind).toBe('authorize');
    if (d.kind !== 'authorize') return;
    expect(d.launchKind).toBe('ehr');
    expect(d.server).toEqual({ label: 'Local sandbox EHR', iss: 'http://localhost:8123/fhir' });
    expect(d.options).toMatchObject({
      iss: 'http://localhost:8123/fhir',
      launch: 'abc',
      clientId: 'lmwh-monitor',
      redirectUri: 'http://localhost:8123/app/',
      pkceMode: 'unsafeV1',
      completeInTarget: true,
    });
    expect(d.options.scope?.split(' ')).toContain('launch');
    expect(d.options.issMatch).toBeInstanceOf(RegExp);
  });

  it('a forged EHR launch to an unconfigured server is refused, naming the server', () => {
    expect(decideLaunch(page('iss=https%3A%2F%2Fevil.example%2Ffhir&launch=abc'), c)).toEqual({ kind: 'refuse', reason: 'unconfigured-iss', iss: 'https://evil.example/fhir' });
  });

  it('a listed server whose client id is still the placeholder is refused', () => {
    expect(decideLaunch(page(`iss=${encodeURIComponent('https://fhir.epic.com/interconnect-fhir-oauth/api/FHIR/R4')}&launch=1`), c)).toMatchObject({
      kind: 'refuse',
      reason: 'placeholder-client-id',
      label: 'Epic sandbox (fhir.epic.com)',
    });
  });

  it.each([
    ['launch without iss', 'launch=abc', 'missing-iss'],
    ['iss that is not a URL', 'iss=javascript%3Aalert(1)&launch=1', 'invalid-iss'],
    ['fhirServiceUrl (fhirclient would skip OAuth)', 'fhirServiceUrl=https%3A%2F%2Fevil.example%2Ffhir', 'unsupported-parameter'],
    ['clientId override', 'iss=http%3A%2F%2Flocalhost%3A8123%2Ffhir&launch=1&clientId=other', 'unsupported-parameter'],
    ['patientId override', 'iss=http%3A%2F%2Flocalhost%3A8123%2Ffhir&patientId=p1', 'unsupported-parameter'],
  ])('%s is refused', (_n, q, reason) => {
    expect(decideLaunch(page(q), c)).toMatchObject({ kind: 'refuse', reason });
  });

  it('iss without launch is a standalone launch asking for launch/patient', () => {
    const d = decideLaunch(page('iss=http%3A%2F%2Flocalhost%3A8123%2Ffhir'), c);
    expect(d).toMatchObject({ kind: 'authorize', launchKind: 'standalone' });
    if (d.kind === 'authorize') {
      expect(d.options.launch).toBeUndefined();
      expect(d.options.scope?.split(' ')[0]).toBe('launch/patient');
    }
  });

  it('an Oracle Health launch asks for v1 scopes (once a client id is configured)', () => {
    const cfg: SmartConfig = { ...c, servers: c.servers.map((s) => (s.id === 'oracle-health-sandbox' ? { ...s, clientId: 'real-id' } : s)) };
    const d = decideLaunch(page(`iss=${encodeURIComponent('https://fhir-ehr-code.cerner.com/r4/ec2458f2-1e24-41c8-b71b-0e701af7583d')}&launch=x`), cfg);
    expect(d.kind === 'authorize' && d.options.scope).toContain('patient/Observation.read');
    expect(d.kind === 'authorize' && d.options.clientId).toBe('real-id');
  });

  it('no parameters: show the server picker', () => {
    expect(decideLaunch(LAUNCH_PAGE, c)).toEqual({ kind: 'pick-server' });
  });
});

describe('decideStandalone', () => {
  const c = shippedConfig();
  it('a configured server is used with its own entry', () => {
    const d = decideStandalone('https://launch.smarthealthit.org/v/r4/fhir', c, false, LAUNCH_PAGE);
    expect(d).toMatchObject({ kind: 'authorize', server: { label: 'SMART Health IT launcher (R4)' } });
  });
  it('an unlisted server needs the explicit trust confirmation', () => {
    expect(decideStandalone('https://fhir.other.example/r4', c, false, LAUNCH_PAGE)).toEqual({ kind: 'needs-trust', iss: 'https://fhir.other.example/r4' });
  });
  it('an unlisted server that the user trusted uses the default client id and scope style', () => {
    const d = decideStandalone('https://fhir.other.example/r4', c, true, LAUNCH_PAGE);
    expect(d).toMatchObject({ kind: 'authorize', options: { clientId: 'lmwh-monitor', iss: 'https://fhir.other.example/r4', redirectUri: 'http://localhost:8123/app/' } });
    expect(d.kind === 'authorize' && d.options.scope).toContain('patient/Patient.rs');
  });
  it.each([
    ['not a URL', 'fhir.example.org'],
    ['plain http to another computer', 'http://fhir.other.example/r4'],
    ['credentials in the URL', 'https://user:pw@fhir.other.example/r4'],
  ])('%s is rejected with a message', (_n, url) => {
    expect(decideStandalone(url, c, true, LAUNCH_PAGE).kind).toBe('invalid');
  });
  it('a placeholder client id cannot be used from the form either', () => {
    expect(decideStandalone('https://fhir.epic.com/interconnect-fhir-oauth/api/FHIR/R4', c, true, LAUNCH_PAGE).kind).toBe('invalid');
  });
});

describe('hasLaunchInProgress', () => {
  const store = (v: string | null) => ({ getItem: () => v });
  it.each([
    ['the redirect back with code and state', 'http://h/app/?code=c&state=s', null, true],
    ['an authorization error redirect', 'http://h/app/?error=access_denied&state=s', null, true],
    ['a reload after a completed launch (key in sessionStorage)', 'http://h/app/', 'abc', true],
    ['the app page opened directly', 'http://h/app/', null, false],
  ])('%s: %s', (_n, href, stored, expected) => {
    expect(hasLaunchInProgress(href, store(stored))).toBe(expected);
  });
});
