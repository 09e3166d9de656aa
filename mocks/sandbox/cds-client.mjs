// @ts-check
/**
 * The sandbox EHR's CDS Hooks side, in both roles:
 * - it serves the CDS service under /cds-services (the compiled handler from dist-cds/ when built; under Vitest the
 *   TypeScript source, which Vitest compiles), trusting the sandbox itself as a JWT issuer;
 * - it is the CDS client of the booking page: it reads the service's discovery for the prefetch templates, fills them
 *   from its FHIR store, signs the JWT bearer (ES256; public key at /ehr/cds-jwks), performs the SMART launch of a
 *   card's link with its appContext, and stores a booking only when the user confirms it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DateTime } from 'luxon';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { DEFAULT_OPTIONS } from './oauth.mjs';
import { BOOKING_SCRIPT_PATH, bookingPage, bookingPageCsp, PROCEDURE_TYPES } from './booking-page.mjs';
import { BASE_HEADERS, PAGE_CSP } from './http.mjs';
import { errorPage } from './pages.mjs';
import { DEMO_ZONE } from '../data/lib.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BUILT_HANDLER = path.resolve(HERE, '../../dist-cds/handler.mjs');
const SOURCE_HANDLER = path.resolve(HERE, '../../cds/handler.ts');
const BOOKING_SERVICE = 'lmwh-stop-window-booking';
const BOOKING_SCRIPT = readFileSync(path.join(HERE, 'booking.js'));

/**
 * The CDS handler module: the TypeScript source under Vitest, else the build, else null.
 * @returns {Promise<any>}
 */
async function importHandler() {
  if (process.env.VITEST) return import(/* @vite-ignore */ pathToFileURL(SOURCE_HANDLER).href);
  if (existsSync(BUILT_HANDLER)) return import(/* @vite-ignore */ pathToFileURL(BUILT_HANDLER).href);
  return null;
}

/** @param {import('node:http').IncomingMessage} req @returns {Promise<any>} */
function readJson(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > 256 * 1024) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'));
      } catch (e) {
        reject(e);
      }
    });
    req.on('error', reject);
  });
}

/** "iss=jwksUrl,..." from CDS_TRUSTED_ISSUERS (extra issuers besides the sandbox, e.g. the public CDS Hooks sandbox). */
function extraIssuers() {
  return (process.env.CDS_TRUSTED_ISSUERS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.indexOf('=') > 0)
    .map((s) => ({ iss: s.slice(0, s.indexOf('=')), jwksUrl: s.slice(s.indexOf('=') + 1) }));
}

/**
 * @param {{
 *   baseUrl: () => string,
 *   sandboxNow: number,
 *   engine: () => any,
 *   auth: { createLaunch: (patient: string, options: any) => string },
 *   patientName: (id: string) => Promise<string | undefined>,
 *   log: (line: string) => void,
 * }} deps
 */
export function createCdsMount(deps) {
  // The sandbox's clock starts at its "now" (SANDBOX_NOW) and runs on from there; the facility zone is the demo data's.
  const startedAt = Date.now();
  const now = () => deps.sandboxNow + (Date.now() - startedAt);
  const zone = DEMO_ZONE;
  const keys = generateKeyPair('ES256', { extractable: true });
  const kid = randomUUID();
  /** @type {Promise<any> | undefined} */
  let handler;

  async function cdsHandler() {
    handler ??= importHandler().then((mod) => {
      if (!mod) return null;
      const base = deps.baseUrl();
      return mod.withErrors(
        mod.createCdsHandler({
          baseUrl: base,
          trustedIssuers: [{ iss: `${base}/ehr`, jwksUrl: `${base}/ehr/cds-jwks` }, ...extraIssuers()],
          appLaunchUrl: `${base}/app/launch/`,
          zone: zone,
          clock: { now },
        }),
      );
    });
    return handler;
  }

  /** @param {string} audience */
  async function bearer(audience) {
    const { privateKey } = await keys;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid, jku: `${deps.baseUrl()}/ehr/cds-jwks` })
      .setIssuer(`${deps.baseUrl()}/ehr`)
      .setAudience(audience)
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .setJti(randomUUID())
      .sign(privateKey);
  }

  /** Fills the service's prefetch templates from the FHIR store, confined to the patient. @param {Record<string, string>} templates @param {string} patient */
  async function prefetch(templates, patient) {
    /** @type {Record<string, any>} */
    const out = {};
    for (const [key, template] of Object.entries(templates)) {
      const rel = template.split('{{context.patientId}}').join(encodeURIComponent(patient));
      const r = await deps.engine().handle({ method: 'GET', url: rel, grant: { patient, scopes: ['patient/*.rs'] } });
      out[key] = r.status === 200 ? r.body : null;
    }
    return out;
  }

  /** The proposed appointment for the booking form. @param {any} form @param {string} patient */
  function proposal(form, patient) {
    const type = PROCEDURE_TYPES.find((t) => t.value === form?.type);
    const date = typeof form?.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(form.date) ? form.date : '';
    const time = typeof form?.time === 'string' && /^\d{2}:\d{2}$/.test(form.time) ? form.time : '';
    if (!type || !date) return null;
    const start = time ? DateTime.fromISO(`${date}T${time}`, { zone: zone }).toUTC().toISO({ suppressMilliseconds: true }) : null;
    const id = typeof form?.id === 'string' && /^booking-[A-Za-z0-9-]{8,64}$/.test(form.id) ? form.id : `booking-${randomUUID()}`;
    const concept = { coding: [{ system: 'http://snomed.info/sct', code: type.code, display: type.display }], text: type.label };
    return {
      resourceType: 'Appointment',
      id,
      status: 'proposed',
      serviceType: [concept],
      description: type.label,
      ...(start ? { start, end: DateTime.fromISO(start).plus({ hours: 1 }).toUTC().toISO({ suppressMilliseconds: true }) } : {}),
      participant: [{ actor: { reference: `Patient/${patient}` }, status: 'needs-action' }],
    };
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {URL} url
   * @returns {Promise<boolean>} whether the request was answered here
   */
  async function route(req, res, url) {
    const p = url.pathname;
    const method = req.method ?? 'GET';
    /** @param {number} status @param {any} body */
    const json = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };

    if (p === '/cds-services' || p.startsWith('/cds-services/')) {
      const h = await cdsHandler();
      if (!h) {
        json(503, { error: 'The CDS service is not built: run `npm run build` (or `npm start`).' });
        return true;
      }
      return h(req, res);
    }
    if (p === '/ehr/cds-jwks' && method === 'GET') {
      const jwk = await exportJWK((await keys).publicKey);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' });
      res.end(JSON.stringify({ keys: [{ ...jwk, kid, alg: 'ES256', use: 'sig' }] }));
      return true;
    }
    if (p === BOOKING_SCRIPT_PATH && method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache', ...BASE_HEADERS });
      res.end(BOOKING_SCRIPT);
      return true;
    }
    if (p === '/ehr/book' && method === 'GET') {
      const patient = url.searchParams.get('patient') ?? '';
      const name = await deps.patientName(patient);
      if (!name) {
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PAGE_CSP, ...BASE_HEADERS });
        res.end(errorPage('Patient not found', 'This sandbox holds no patient with that id.'));
        return true;
      }
      const csp = bookingPageCsp(new URL(deps.baseUrl()).origin);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': csp, ...BASE_HEADERS });
      res.end(bookingPage({ patient: { id: patient, name }, zone: zone, nowMs: now() }));
      return true;
    }
    if (!p.startsWith('/ehr/cds/') || method !== 'POST') return false;

    let body;
    try {
      body = await readJson(req);
    } catch {
      json(400, { error: 'The body is not JSON.' });
      return true;
    }
    const patient = typeof body?.patient === 'string' ? body.patient : '';
    if (!(await deps.patientName(patient))) {
      json(404, { error: 'No such patient.' });
      return true;
    }

    if (p === '/ehr/cds/prepare') {
      // The hook request the page sends: appointment-book with the proposal, prefetch and a fresh JWT.
      const appt = proposal(body, patient);
      if (!appt) {
        json(400, { error: 'Choose a procedure type and a date.' });
        return true;
      }
      const base = deps.baseUrl();
      const h = await cdsHandler();
      if (!h) {
        json(503, { error: 'The CDS service is not built: run `npm run build` (or `npm start`).' });
        return true;
      }
      const discovery = await (await fetch(`${base}/cds-services`)).json();
      const service = discovery.services.find((/** @type {any} */ s) => s.id === BOOKING_SERVICE);
      const serviceUrl = `${base}/cds-services/${BOOKING_SERVICE}`;
      json(200, {
        url: serviceUrl,
        authorization: `Bearer ${await bearer(serviceUrl)}`,
        appointment: appt,
        request: {
          hook: 'appointment-book',
          hookInstance: randomUUID(),
          fhirServer: `${base}/fhir`,
          context: { userId: 'Practitioner/sandbox-clinician', patientId: patient, appointments: { resourceType: 'Bundle', type: 'collection', entry: [{ resource: appt }] } },
          prefetch: await prefetch(service?.prefetch ?? {}, patient),
        },
      });
      return true;
    }
    if (p === '/ehr/cds/launch') {
      // A card's SMART link: an EHR launch of the link's URL (this sandbox's app only) carrying the appContext.
      // The page may be open on another name of this host (localhost vs 127.0.0.1): the launch stays on the page's origin.
      const pageOrigin = `http://${req.headers.host ?? new URL(deps.baseUrl()).host}`;
      let u;
      try {
        u = new URL(typeof body?.url === 'string' ? body.url : '');
      } catch {
        u = undefined;
      }
      if (!u || ![new URL(deps.baseUrl()).origin, pageOrigin].includes(u.origin) || !u.pathname.startsWith('/app/')) {
        json(400, { error: 'The link does not point to an app this sandbox knows.' });
        return true;
      }
      const appContext = typeof body?.appContext === 'string' ? body.appContext.slice(0, 4096) : undefined;
      const launch = deps.auth.createLaunch(patient, { ...DEFAULT_OPTIONS, ...(appContext ? { appContext } : {}) });
      u.search = '';
      u.searchParams.set('iss', `${pageOrigin}/fhir`);
      u.searchParams.set('launch', launch);
      json(200, { location: `${u.pathname}${u.search}` });
      return true;
    }
    if (p === '/ehr/cds/book') {
      const appt = proposal(body, patient);
      if (!appt) {
        json(400, { error: 'Choose a procedure type and a date.' });
        return true;
      }
      const r = await deps.engine().load([{ ...appt, status: 'booked' }], 'booking');
      json(r.errors.length === 0 ? 200 : 500, r.errors.length === 0 ? { id: appt.id, status: 'booked' } : { error: 'The booking was not stored.' });
      return true;
    }
    return false;
  }

  return { route };
}
