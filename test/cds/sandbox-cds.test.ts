/**
 * The sandbox EHR as a CDS client and host: /cds-services on the sandbox origin, the booking page's hook request
 * (prefetch filled from the FHIR store, JWT signed by the sandbox and verified against its JWKS), a card link's EHR
 * launch carrying appContext into the token response, and a booking stored only when confirmed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../mocks/sandbox/index.mjs';
import { CLIENT_ID, authorizeCode, pkce, postToken, silent } from '../sandbox/helpers';

/** The sandbox's "now": Wednesday 25 Nov 2026 09:00 in London (as the browser tests). */
const NOW = Date.parse('2026-11-25T09:00:00Z');
let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let base: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, now: NOW, log: silent });
  base = sandbox.url;
});
afterAll(async () => {
  await sandbox.close();
});

// JSON answers are read loosely here; their shapes are asserted by the expectations.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(path.startsWith('http') ? path : `${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Json };
};

async function ask(patient: string, date: string, time: string) {
  const prep = await post('/ehr/cds/prepare', { patient, type: 'caesarean', date, time });
  expect(prep.status).toBe(200);
  const answer = await post(prep.json.url, prep.json.request, { authorization: prep.json.authorization });
  return { prep: prep.json, answer };
}

describe('the sandbox EHR and its CDS service', () => {
  it('serves discovery under /cds-services on the sandbox origin', async () => {
    const res = await fetch(`${base}/cds-services`);
    expect(res.status).toBe(200);
    const json = (await res.json()) as { services: { id: string }[] };
    expect(json.services.map((s) => s.id)).toContain('lmwh-stop-window-booking');
  });

  it('the EHR page offers "Book a procedure" on each patient row, which opens the booking page', async () => {
    const home = await (await fetch(`${base}/`)).text();
    expect(home).toContain('href="/ehr/book?patient=third-trimester"');
    const page = await fetch(`${base}/ehr/book?patient=third-trimester`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Check and book');
  });

  it('the booking page has its own policy: script and styles only from the sandbox, no inline script or style', async () => {
    const page = await fetch(`${base}/ehr/book?patient=third-trimester`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(csp).toMatch(/(^|; )style-src 'self'(;|$)/);
    expect(csp).not.toContain('unsafe-inline');
    const html = await page.text();
    expect(html).not.toMatch(/<script>|<style|\sstyle=/i);
    expect(html).toContain('<script src="/ehr/book.js"></script>');
    expect(html).toContain('data-patient="third-trimester"');
    const script = await fetch(`${base}/ehr/book.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain("document.getElementById('booking').dataset.patient");
  });

  it('a caesarean on 27 Nov 14:00 for the third-trimester patient: the sandbox-signed hook gets a warning card (deadline 25 Nov 14:00 London)', async () => {
    const { prep, answer } = await ask('third-trimester', '2026-11-27', '14:00');
    expect(prep.request.prefetch.medicationRequests.resourceType).toBe('Bundle');
    expect(prep.request.context.appointments.entry[0].resource.start).toBe('2026-11-27T14:00:00Z');
    expect(answer.status).toBe(200);
    expect(answer.json.cards).toHaveLength(1);
    expect(answer.json.cards[0].indicator).toBe('warning');
    expect(answer.json.cards[0].summary).toContain('last dose by 25 Nov 2026 14:00 (UTC) for this caesarean (source: 48 h)');
  });

  it('the sandbox\u2019s JWT is single-use: the same request sent again is refused', async () => {
    const prep = await post('/ehr/cds/prepare', { patient: 'third-trimester', type: 'caesarean', date: '2026-11-27', time: '14:00' });
    expect((await post(prep.json.url, prep.json.request, { authorization: prep.json.authorization })).status).toBe(200);
    expect((await post(prep.json.url, prep.json.request, { authorization: prep.json.authorization })).status).toBe(401);
  });

  it('the patient without LMWH gets no card', async () => {
    const { answer } = await ask('no-lmwh', '2026-11-27', '14:00');
    expect(answer.json).toEqual({ cards: [] });
  });

  it('the card link launches the app with the appContext in the token response', async () => {
    const { answer } = await ask('third-trimester', '2026-11-27', '14:00');
    const link = answer.json.cards[0].links[0];
    const launched = await post('/ehr/cds/launch', { patient: 'third-trimester', url: link.url, appContext: link.appContext });
    expect(launched.status).toBe(200);
    const launch = new URL(launched.json.location, base).searchParams.get('launch')!;
    const { verifier, challenge } = pkce();
    const code = await authorizeCode({ base, scope: 'launch openid fhirUser patient/*.rs', launch, challenge });
    const token = await postToken(base, { grant_type: 'authorization_code', code, redirect_uri: `${base}/app/`, client_id: CLIENT_ID, code_verifier: verifier });
    expect(token.status).toBe(200);
    expect(token.body.patient).toBe('third-trimester');
    expect(JSON.parse(String(token.body.appContext))).toMatchObject({ event: expect.stringMatching(/^event:Appointment\/booking-/), proposal: { class: 'caesarean' } });
  });

  it('a link to another site is not launched', async () => {
    const r = await post('/ehr/cds/launch', { patient: 'third-trimester', url: 'https://elsewhere.test/launch', appContext: '{}' });
    expect(r.status).toBe(400);
  });

  it('the booking is stored only when confirmed', async () => {
    const { prep } = await ask('third-trimester', '2026-11-30', '09:00');
    const id = prep.appointment.id as string;
    expect((await sandbox.engine.handle({ method: 'GET', url: `Appointment/${id}` })).status).toBe(404);
    const booked = await post('/ehr/cds/book', { patient: 'third-trimester', type: 'caesarean', date: '2026-11-30', time: '09:00', id });
    expect(booked.json).toEqual({ id, status: 'booked' });
    const stored = await sandbox.engine.handle({ method: 'GET', url: `Appointment/${id}` });
    expect(stored.status).toBe(200);
    expect((stored.body as { status: string }).status).toBe('booked');
  });
});
