/**
 * The CDS Hooks 2.0 contract of the service over HTTP: discovery shape, CORS, request validation, the response shape,
 * prefetch or FHIR read with fhirAuthorization, 412 without either, and the JWT bearer checks (signature against the
 * issuer's JWKS, iss allow-list, aud, exp, jti replay). The clock is fixed (25 Nov 2026 10:00 London).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type JWK, type JWTVerifyGetKey } from 'jose';
import { createCdsHandler, withErrors } from '../../cds/handler';
import { createBearerVerifier } from '../../cds/bearer';
import { PREFETCH } from '../../cds/definition';
import { fixedClock } from '../../src/domain/time';
import { createFhirEngine } from '../../mocks/fhir-engine.mjs';
import { DEMO_TEST_NOW, demoResources, type DemoPatientId } from '../support/demo-record';
import { bundleOf, draftServiceRequest, proposedAppointment } from './proposals';

const ISS = 'https://ehr.test';
const JWKS_URL = 'https://ehr.test/.well-known/jwks.json';
const APP = 'https://app.test/launch/';
let server: Server;
let base: string;
let key: CryptoKey;
let otherKey: CryptoKey;
let fhirFetch: typeof fetch;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256');
  const other = await generateKeyPair('ES256');
  key = pair.privateKey;
  otherKey = other.privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  const keySets = new Map<string, JWTVerifyGetKey>([[JWKS_URL, createLocalJWKSet({ keys: [jwk] })]]);

  const engine = await createFhirEngine({ baseUrl: 'https://fhir.test/fhir' });
  await engine.load(demoResources('third-trimester'), 'third-trimester');
  fhirFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    if (headers.get('authorization') !== 'Bearer fhir-token') return new Response('{}', { status: 401 });
    const u = new URL(String(input));
    const r = await engine.handle({ method: 'GET', url: u.pathname.replace(/^\/fhir\/?/, '') + u.search, grant: { patient: 'third-trimester', scopes: ['patient/*.rs'] } });
    return new Response(JSON.stringify(r.body), { status: r.status, headers: { 'content-type': 'application/fhir+json' } });
  }) as typeof fetch;

  const current: { handler?: ReturnType<typeof createCdsHandler> } = {};
  server = createServer((req, res) => {
    void current.handler!(req, res).then((handled) => {
      if (!handled) {
        res.writeHead(404);
        res.end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  current.handler = withErrors(
    createCdsHandler({
      baseUrl: base,
      trustedIssuers: [{ iss: ISS, jwksUrl: JWKS_URL }],
      appLaunchUrl: APP,
      zone: 'Europe/London',
      clock: fixedClock(DEMO_TEST_NOW),
      fetch: fhirFetch,
      verifier: createBearerVerifier([{ iss: ISS, jwksUrl: JWKS_URL }], { keySets }),
    }),
  );
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

const SERVICE = 'lmwh-stop-window-booking';

async function jwt(overrides: { iss?: string; aud?: string; exp?: number; jti?: string; signWith?: CryptoKey; jku?: string } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: 'k1', ...(overrides.jku ? { jku: overrides.jku } : {}) })
    .setIssuer(overrides.iss ?? ISS)
    .setAudience(overrides.aud ?? `${base}/cds-services/${SERVICE}`)
    .setIssuedAt(now)
    .setExpirationTime(overrides.exp ?? now + 300)
    .setJti(overrides.jti ?? randomUUID())
    .sign(overrides.signWith ?? key);
}

function prefetchFor(id: DemoPatientId): Record<string, unknown> {
  const all = demoResources(id);
  const of = (...types: string[]) => bundleOf(all.filter((r) => types.includes(r.resourceType)));
  return {
    patient: all.find((r) => r.resourceType === 'Patient'),
    medicationRequests: of('MedicationRequest', 'Medication'),
    medicationAdministrations: of('MedicationAdministration'),
    procedures: of('Procedure'),
    serviceRequests: of('ServiceRequest'),
    appointments: of('Appointment'),
    weights: bundleOf(all.filter((r) => r.resourceType === 'Observation' && JSON.stringify((r as fhir4.Observation).code).includes('29463-7'))),
  };
}

function bookingRequest(id: DemoPatientId, extra: Record<string, unknown> = {}, start = '2026-11-28T08:30:00Z') {
  return {
    hook: 'appointment-book',
    hookInstance: randomUUID(),
    context: { userId: 'Practitioner/p1', patientId: id, appointments: bundleOf([proposedAppointment('booking-1', id, 'caesarean', start)]) },
    prefetch: prefetchFor(id),
    ...extra,
  };
}

async function call(body: unknown, options: { token?: string | null; service?: string; raw?: string } = {}) {
  const token = options.token === undefined ? await jwt() : options.token;
  const res = await fetch(`${base}/cds-services/${options.service ?? SERVICE}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), origin: 'https://ehr.test' },
    body: options.raw ?? JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

type Card = { uuid: string; summary: string; detail: string; indicator: string; source: { label: string }; links: { label: string; url: string; type: string; appContext?: string }[] };

function expectValidCard(c: Card) {
  expect(typeof c.uuid).toBe('string');
  expect(typeof c.summary).toBe('string');
  expect(c.summary.length).toBeLessThan(140);
  expect(['info', 'warning', 'critical']).toContain(c.indicator);
  expect(c.source.label.length).toBeGreaterThan(0);
  for (const l of c.links) {
    expect(['absolute', 'smart']).toContain(l.type);
    expect(l.label.length).toBeGreaterThan(0);
    expect(() => new URL(l.url)).not.toThrow();
  }
}

describe('discovery', () => {
  it('GET /cds-services lists the service for order-sign and appointment-book with prefetch templates', async () => {
    const res = await fetch(`${base}/cds-services`, { headers: { origin: 'https://ehr.test' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://ehr.test');
    const json = (await res.json()) as { services: { hook: string; id: string; title: string; description: string; prefetch: Record<string, string> }[] };
    expect(json.services.map((s) => [s.hook, s.id])).toEqual([
      ['order-sign', 'lmwh-stop-window'],
      ['appointment-book', 'lmwh-stop-window-booking'],
    ]);
    for (const s of json.services) {
      expect(s.description.length).toBeGreaterThan(0);
      expect(Object.keys(s.prefetch).sort()).toEqual(['appointments', 'medicationAdministrations', 'medicationRequests', 'patient', 'procedures', 'serviceRequests', 'weights']);
      for (const t of Object.values(s.prefetch)) expect(t).toContain('{{context.patientId}}');
    }
    expect(PREFETCH.medicationRequests).toBe('MedicationRequest?patient={{context.patientId}}&_include=MedicationRequest:medication');
  });

  it('a CORS preflight is answered with the methods and the Authorization header allowed', async () => {
    const res = await fetch(`${base}/cds-services/${SERVICE}`, { method: 'OPTIONS', headers: { origin: 'https://ehr.test', 'access-control-request-method': 'POST' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Content-Type/);
  });

  it('an unknown service id answers 404', async () => {
    const r = await call(bookingRequest('third-trimester'), { service: 'no-such-service' });
    expect(r.status).toBe(404);
  });
});

describe('service calls', () => {
  it('a caesarean booked for the third-trimester patient (prefetch) answers one warning card with a smart link', async () => {
    const r = await call(bookingRequest('third-trimester'));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    const cards = r.json!.cards as Card[];
    expect(cards).toHaveLength(1);
    expectValidCard(cards[0]!);
    expect(cards[0]!.indicator).toBe('warning');
    expect(cards[0]!.summary).toContain('last dose by 26 Nov 2026 08:30 (UTC)');
    expect(cards[0]!.links[0]).toMatchObject({ type: 'smart', url: APP });
    expect(JSON.parse(cards[0]!.links[0]!.appContext!)).toMatchObject({ event: 'event:Appointment/booking-1' });
  });

  it('the same booking sent twice answers cards with the same uuid', async () => {
    const a = (await call(bookingRequest('third-trimester'))).json!.cards as Card[];
    const b = (await call(bookingRequest('third-trimester'))).json!.cards as Card[];
    expect(a[0]!.uuid).toBe(b[0]!.uuid);
  });

  it('a patient without an LMWH order gets {"cards": []}', async () => {
    const r = await call(bookingRequest('no-lmwh'));
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ cards: [] });
  });

  it('order-sign with a draft caesarean order answers on the order-sign service', async () => {
    const body = {
      hook: 'order-sign',
      hookInstance: randomUUID(),
      context: { userId: 'Practitioner/p1', patientId: 'third-trimester', draftOrders: bundleOf([draftServiceRequest('draft-cs', 'third-trimester', 'caesarean', '2026-11-28T08:30:00Z')]) },
      prefetch: prefetchFor('third-trimester'),
    };
    const r = await call(body, { service: 'lmwh-stop-window', token: await jwt({ aud: `${base}/cds-services/lmwh-stop-window` }) });
    expect(r.status).toBe(200);
    expect((r.json!.cards as Card[])[0]!.summary).toContain('for this caesarean (source: 48 h)');
  });

  it('lmwh-stop-window also answers appointment-book (for EHRs configured by hand); the booking id refuses order-sign', async () => {
    const r = await call(bookingRequest('third-trimester'), { service: 'lmwh-stop-window', token: await jwt({ aud: `${base}/cds-services/lmwh-stop-window` }) });
    expect(r.status).toBe(200);
    expect((r.json!.cards as Card[])).toHaveLength(1);
    const wrong = await call({ ...bookingRequest('third-trimester'), hook: 'order-sign' });
    expect(wrong.status).toBe(400);
    expect(wrong.json!.error).toMatch(/does not answer the hook "order-sign"/);
  });

  it('without prefetch, the record is read from fhirServer with fhirAuthorization', async () => {
    const r = await call(
      bookingRequest('third-trimester', {
        prefetch: undefined,
        fhirServer: 'https://fhir.test/fhir',
        fhirAuthorization: { access_token: 'fhir-token', token_type: 'Bearer', expires_in: 300, scope: 'patient/*.read', subject: 'lmwh-cds' },
      }),
    );
    expect(r.status).toBe(200);
    const cards = r.json!.cards as Card[];
    expect(cards).toHaveLength(1);
    expect(cards[0]!.summary).toContain('last dose by 26 Nov 2026 08:30 (UTC)');
  });

  it('a prefetch the EHR could not fill (medicationRequests null) is completed from the FHIR server when authorized', async () => {
    const prefetch = { ...prefetchFor('third-trimester'), medicationRequests: null };
    const withFhir = await call(
      bookingRequest('third-trimester', { prefetch, fhirServer: 'https://fhir.test/fhir', fhirAuthorization: { access_token: 'fhir-token', token_type: 'Bearer' } }),
    );
    expect(withFhir.status).toBe(200);
    expect((withFhir.json!.cards as Card[])[0]!.summary).toContain('last dose by 26 Nov 2026 08:30 (UTC)');
    expect((await call(bookingRequest('third-trimester', { prefetch }))).status).toBe(412);
  });

  it('neither prefetch nor fhirAuthorization answers 412', async () => {
    const r = await call(bookingRequest('third-trimester', { prefetch: undefined, fhirServer: 'https://fhir.test/fhir' }));
    expect(r.status).toBe(412);
  });

  it('a FHIR server that refuses the authorization answers 412', async () => {
    const r = await call(
      bookingRequest('third-trimester', { prefetch: undefined, fhirServer: 'https://fhir.test/fhir', fhirAuthorization: { access_token: 'wrong', token_type: 'Bearer' } }),
    );
    expect(r.status).toBe(412);
  });

  it('a body that is not JSON, a missing patientId, a wrong hook, a proposal for another patient and a context without appointments answer 400', async () => {
    expect((await call(undefined, { raw: '{not json' })).status).toBe(400);
    const noPatient = bookingRequest('third-trimester');
    delete (noPatient.context as { patientId?: string }).patientId;
    expect((await call(noPatient)).status).toBe(400);
    expect((await call({ ...bookingRequest('third-trimester'), hook: 'patient-view' })).status).toBe(400);
    const otherPatient = bookingRequest('third-trimester');
    otherPatient.context.appointments = bundleOf([proposedAppointment('b2', 'no-lmwh', 'caesarean', '2026-11-28T08:30:00Z')]);
    const refused = await call(otherPatient);
    expect(refused.status).toBe(400);
    expect(refused.json!.error).toMatch(/another patient/);
    const noAppointments = bookingRequest('third-trimester');
    delete (noAppointments.context as { appointments?: unknown }).appointments;
    expect((await call(noAppointments)).status).toBe(400);
  });
});

describe('JWT bearer', () => {
  const refused = async (token: string | null) => {
    const r = await call(bookingRequest('third-trimester'), { token });
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toMatch(/Bearer/);
    return r.json!.error as string;
  };

  it('no Authorization header is refused', async () => {
    expect(await refused(null)).toMatch(/no Bearer token/);
  });
  it('a token signed with a key not in the issuer\u2019s JWKS is refused', async () => {
    expect(await refused(await jwt({ signWith: otherKey }))).toMatch(/signature/);
  });
  it('a token for another service URL (aud) is refused', async () => {
    expect(await refused(await jwt({ aud: `${base}/cds-services/lmwh-stop-window` }))).toMatch(/claim/);
  });
  it('an expired token is refused', async () => {
    expect(await refused(await jwt({ exp: Math.floor(Date.now() / 1000) - 120 }))).toMatch(/expired/);
  });
  it('an issuer not on the allow-list is refused', async () => {
    expect(await refused(await jwt({ iss: 'https://evil.test' }))).toMatch(/issuer not trusted/);
  });
  it('a jku header that is not the issuer\u2019s registered JWKS is refused', async () => {
    expect(await refused(await jwt({ jku: 'https://evil.test/jwks' }))).toMatch(/jku/);
  });
  it('a replayed jti is refused the second time', async () => {
    const token = await jwt({ jti: 'once-only' });
    expect((await call(bookingRequest('third-trimester'), { token })).status).toBe(200);
    expect(await refused(token)).toMatch(/jti already used/);
  });
});
