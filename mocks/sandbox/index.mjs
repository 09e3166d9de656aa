// @ts-check
/**
 * The local sandbox EHR: one HTTP process serving the built app (`/app/`), an EHR-like patient list (`/`),
 * EHR launch (`/launch`), SMART discovery, an OAuth2 authorisation server (`/auth/*`) and a FHIR R4 server
 * (`/fhir/*`) backed by `mocks/fhir-engine.mjs`. It answers 503 until its data is loaded.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFhirEngine } from '../fhir-engine.mjs';
import { createSandboxConfig, publicOrigin } from './config.mjs';
import { parseFaults } from './faults.mjs';
import { handleFhir } from './fhir-http.mjs';
import { BodyTooLarge, CORS, readBody, redirect, send, sendJson, sendOutcome } from './http.mjs';
import { createIdTokenSigner } from './id-token.mjs';
import { createPatientDirectory, isCohortRow } from './loading.mjs';
import { cohortSection } from './cohort.mjs';
import { createAuthServer, parseLaunchOptions } from './oauth.mjs';
import { createCdsMount } from './cds-client.mjs';
import { ehrHomePage, errorPage, iframePage, loadingPage, PAGE_STYLESHEET_PATH, pickerPage } from './pages.mjs';
import { createAssetCache, makeAsset, sendAsset, cacheControlFor } from './static.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DEFAULT_DIST = path.resolve(HERE, '../../dist');
const FORM_LIMIT = 64 * 1024;
/** The sandbox pages' stylesheet (their CSP allows styles from 'self' only, so it is a file, not a <style>). */
const PAGE_STYLESHEET = makeAsset(readFileSync(path.join(HERE, 'sandbox.css')), 'text/css; charset=utf-8', true);

/** Scopes it can grant (`patient/*.cruds` only to a launch with the option write=1; never `system/`). */
const SCOPES_SUPPORTED = [
  'openid', 'fhirUser', 'launch', 'launch/patient', 'online_access', 'offline_access',
  'patient/*.read', 'patient/*.rs', 'user/*.read', 'user/*.rs', 'patient/*.cruds',
];

/**
 * @typedef {{ req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, url: URL, origin: string }} RouteArgs
 * @typedef {{ method: string, match: (p: string) => boolean, name: string, handler: (a: RouteArgs) => Promise<void> | void }} PageRoute
 * @typedef {Awaited<ReturnType<typeof createFhirEngine>>} Engine
 */

/** @param {ReturnType<typeof createSandboxConfig>} config @param {string} origin */
function smartConfiguration(config, origin) {
  return {
    issuer: config.issuer,
    jwks_uri: `${origin}/auth/jwks`,
    authorization_endpoint: `${origin}/auth/authorize`,
    token_endpoint: `${origin}/auth/token`,
    token_endpoint_auth_methods_supported: ['none'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: SCOPES_SUPPORTED,
    capabilities: [
      'launch-ehr', 'launch-standalone', 'client-public', 'context-ehr-patient', 'context-standalone-patient',
      'context-passthrough-banner', 'permission-v1', 'permission-v2', 'permission-online', 'permission-offline',
      'permission-patient', 'permission-user', 'sso-openid-connect',
    ],
  };
}

/**
 * The page routes of the sandbox, in order (the first match answers).
 * @param {{ config: ReturnType<typeof createSandboxConfig>, auth: ReturnType<typeof createAuthServer>, directory: ReturnType<typeof createPatientDirectory>, getEngine: () => Engine | null, signer: ReturnType<typeof createIdTokenSigner>, now: number, assets: ReturnType<typeof createAssetCache> }} s
 * @returns {PageRoute[]}
 */
function pageRoutes(s) {
  const rows = () => s.directory.rows(s.getEngine());
  return [
    { method: 'GET', match: (p) => p === '/', name: 'ehr-home', handler: ({ res, origin }) => ehrHome(res, origin, rows, s) },
    { method: 'GET', match: (p) => p === '/favicon.ico', name: 'favicon', handler: ({ res }) => send(res, 204, '') },
    { method: 'GET', match: (p) => p === '/launch', name: 'ehr-launch', handler: (a) => ehrLaunch(a, s.auth, rows, s.now) },
    { method: 'GET', match: (p) => p === '/app', name: 'app-folder', handler: ({ res }) => redirect(res, '/app/') },
    { method: 'GET', match: (p) => p === '/app/smart-config.json', name: 'launch-config', handler: ({ req, res }) => sendAsset(req, res, makeAsset(Buffer.from(JSON.stringify(s.config.devLaunchConfig, null, 2)), 'application/json; charset=utf-8', true), { 'cache-control': 'no-cache' }) },
    { method: 'GET', match: (p) => p.startsWith('/app/'), name: 'app', handler: (a) => serveApp(a, s.assets, s.config.appCsp) },
    { method: 'GET', match: (p) => p === '/fhir/.well-known/smart-configuration' || p === '/.well-known/smart-configuration', name: 'smart-configuration', handler: ({ res, origin }) => sendJson(res, 200, smartConfiguration(s.config, origin), CORS) },
    { method: 'GET', match: (p) => p === '/auth/jwks', name: 'jwks', handler: ({ res }) => sendJson(res, 200, s.signer.jwks(), CORS) },
    { method: 'GET', match: (p) => p === '/auth/authorize', name: 'authorize', handler: (a) => authorizeStep(a, s.auth, rows) },
    { method: 'POST', match: (p) => p === '/auth/authorize/pick', name: 'authorize-pick', handler: (a) => pickStep(a, s.auth) },
    { method: '*', match: (p) => p === '/auth/token', name: 'token', handler: (a) => tokenStep(a, s.auth) },
    { method: '*', match: (p) => p === '/fhir' || p.startsWith('/fhir/'), name: 'fhir', handler: ({ req, res, url, origin }) => handleFhir(req, res, url, { engine: /** @type {Engine} */ (s.getEngine()), auth: s.auth, origin }) },
  ];
}

/**
 * The EHR page: the demo patients and loaded data listed first, the generated cohort collapsed after them.
 * @param {import('node:http').ServerResponse} res @param {string} origin
 * @param {() => Promise<import('./loading.mjs').PatientRow[]>} rows @param {{ now: number, directory: ReturnType<typeof createPatientDirectory> }} s
 */
async function ehrHome(res, origin, rows, s) {
  const all = await rows();
  const cohortHtml = cohortSection(all.filter(isCohortRow));
  send(res, 200, ehrHomePage({ patients: all.filter((r) => !isCohortRow(r)), nowMs: s.now, origin, problems: s.directory.problems, cohortHtml }));
}

/**
 * EHR launch of one patient, or with `worklist=1` and no patient a provider launch (the worklist): a practitioner
 * user and no patient in context. The app's launch URL carries `worklist=1`, as an EHR's provider-facing launch URL
 * would, so the app asks for user-level scopes; they are granted only when asked for.
 * @param {RouteArgs} a @param {ReturnType<typeof createAuthServer>} auth @param {() => Promise<import('./loading.mjs').PatientRow[]>} rows @param {number} now
 */
async function ehrLaunch({ res, url, origin }, auth, rows, now) {
  const parsed = parseFaults(url.searchParams.get('fault'));
  if ('error' in parsed) return send(res, 400, errorPage('Unknown launch option', parsed.error));
  const patientId = url.searchParams.get('patient') ?? '';
  if (url.searchParams.get('worklist') === '1' && !patientId) {
    const launch = auth.createLaunch(null, { ...parseLaunchOptions(url.searchParams), faults: parsed.faults, provider: true });
    return redirect(res, `/app/launch/?iss=${encodeURIComponent(`${origin}/fhir`)}&launch=${encodeURIComponent(launch)}&worklist=1`);
  }
  const patient = (await rows()).find((r) => r.id === patientId);
  if (!patient) return send(res, 404, errorPage('Patient not found', 'This sandbox holds no patient with that id.'));
  const launch = auth.createLaunch(patient.id, { ...parseLaunchOptions(url.searchParams), faults: parsed.faults });
  const target = `/app/launch/?iss=${encodeURIComponent(`${origin}/fhir`)}&launch=${encodeURIComponent(launch)}`;
  if (url.searchParams.get('iframe') === '1') send(res, 200, iframePage({ patient, nowMs: now, src: target }));
  else redirect(res, target);
}

/** @param {RouteArgs} a @param {ReturnType<typeof createAssetCache>} assets @param {string} csp */
async function serveApp({ req, res, url }, assets, csp) {
  let rel;
  try {
    rel = decodeURIComponent(url.pathname.slice('/app/'.length));
  } catch {
    return send(res, 400, errorPage('Bad request', 'The address is not well-formed.'));
  }
  if (rel.includes('\0')) return send(res, 400, errorPage('Bad request', 'The address is not well-formed.'));
  if (!(await assets.built())) {
    return send(res, 503, errorPage('App not built', 'The app has not been built: dist/ is missing. Run `npm run build` (or `npm start`, which builds first), then reload.'));
  }
  const file = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
  const found = await assets.lookup(file);
  if (found.kind === 'directory') return redirect(res, `/app/${rel.replace(/\/?$/, '/')}`);
  if (found.kind === 'missing') return send(res, 404, errorPage('Not found', 'No such file in the app.'));
  sendAsset(req, res, found.asset, { 'cache-control': cacheControlFor(file), 'content-security-policy': csp });
}

/** @param {RouteArgs} a @param {ReturnType<typeof createAuthServer>} auth @param {() => Promise<import('./loading.mjs').PatientRow[]>} rows */
async function authorizeStep({ res, url }, auth, rows) {
  const result = await auth.authorize(url.searchParams);
  if (result.kind === 'redirect') redirect(res, result.location);
  else if (result.kind === 'error-page') send(res, result.status, errorPage('Authorisation refused', result.message));
  else send(res, 200, pickerPage({ patients: await rows(), pendingId: result.pendingId }));
}

/** @param {RouteArgs} a @param {ReturnType<typeof createAuthServer>} auth */
async function pickStep({ req, res }, auth) {
  const form = new URLSearchParams(await readBody(req, FORM_LIMIT));
  const result = await auth.pick(form.get('pending') ?? '', form.get('patient') ?? '');
  if (result.kind === 'redirect') redirect(res, result.location);
  else send(res, result.status, errorPage('Authorisation refused', result.message));
}

/** @param {RouteArgs} a @param {ReturnType<typeof createAuthServer>} auth */
async function tokenStep({ req, res }, auth) {
  if (req.method !== 'POST') return sendJson(res, 405, { error: 'invalid_request', error_description: 'Use POST' }, CORS);
  if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    return sendJson(res, 400, { error: 'invalid_request', error_description: 'Content-Type must be application/x-www-form-urlencoded' }, CORS);
  }
  const result = auth.token(new URLSearchParams(await readBody(req, FORM_LIMIT)));
  sendJson(res, result.status, result.body, { ...CORS, pragma: 'no-cache' });
}

/**
 * Answers a request that arrives before the data is loaded: 503 with Retry-After (a page that reloads itself, or
 * an OperationOutcome for FHIR and token calls).
 * @param {RouteArgs} a
 */
function notReady({ res, url }) {
  const headers = { 'retry-after': '2' };
  if (url.pathname.startsWith('/fhir') || url.pathname.startsWith('/auth/token')) {
    return sendOutcome(res, 503, 'transient', 'The sandbox is still loading its data; retry shortly', headers);
  }
  send(res, 503, loadingPage(), headers);
}

/**
 * Dispatches one request: allowed Host, readiness, CORS preflight, then the first matching route.
 * @param {{ routes: PageRoute[], config: ReturnType<typeof createSandboxConfig>, isReady: () => boolean, cds: ReturnType<typeof createCdsMount> }} s
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 */
async function dispatch(s, req, res) {
  const origin = s.config.originFor(req.headers.host);
  if (!origin) return send(res, 421, errorPage('Unknown host', 'This sandbox answers only on its configured hosts (see SANDBOX_ALLOWED_HOSTS).'));
  let url;
  try {
    url = new URL(req.url ?? '/', origin);
  } catch {
    return send(res, 400, errorPage('Bad request', 'The address is not well-formed.'));
  }
  const method = req.method ?? 'GET';
  const p = url.pathname;
  if (method === 'OPTIONS' && (p.startsWith('/fhir') || p === '/auth/token' || p.endsWith('/.well-known/smart-configuration'))) {
    res.writeHead(204, CORS);
    res.end();
    return;
  }
  // The stylesheet is needed by the loading page too, so it is served before the data is ready.
  if (p === PAGE_STYLESHEET_PATH && (method === 'GET' || method === 'HEAD')) return sendAsset(req, res, PAGE_STYLESHEET, { 'cache-control': 'no-cache' });
  if (!s.isReady()) return notReady({ req, res, url, origin });
  // CDS Hooks: the service under /cds-services and the EHR side of it (booking page, JWT, launch with appContext).
  if (await s.cds.route(req, res, url)) return;
  const route = s.routes.find((r) => (r.method === '*' || r.method === method || (method === 'HEAD' && r.method === 'GET')) && r.match(p));
  if (!route) return send(res, 404, errorPage('Not found', 'This page does not exist in the sandbox EHR.'));
  await route.handler({ req, res, url, origin });
}

/**
 * @param {import('node:http').Server} server @param {number} port @param {string} host
 * @returns {Promise<{ url: string, port: number }>}
 */
async function listen(server, port, host) {
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const displayHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return { url: `http://${displayHost}:${actualPort}`, port: actualPort };
}

/** @param {import('node:http').Server} server @param {(line: string) => void} log @param {(req: any, res: any) => Promise<void>} handle */
function attach(server, log, handle) {
  server.on('request', (req, res) => {
    handle(req, res).catch((err) => {
      if (err instanceof BodyTooLarge && !res.headersSent) return send(res, 413, errorPage('Too large', 'The request body is too large.'), { connection: 'close' });
      log(`Sandbox error: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) send(res, 500, errorPage('Sandbox error', 'The sandbox failed to answer this request.'));
      else res.end();
    });
  });
}

/**
 * The facility zone the sandbox declares (SANDBOX_TZ, an IANA zone); unset or empty: none declared. An invalid value
 * is an error at start (a wrong zone would shift every wall-clock time).
 * @param {string | undefined} value
 * @returns {string | undefined}
 */
export function sandboxZone(value) {
  if (value === undefined || value.trim() === '') return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value.trim() });
  } catch {
    throw new Error(`SANDBOX_TZ=${value} is not an IANA time zone (e.g. Europe/London)`);
  }
  return value.trim();
}

/**
 * Starts the sandbox EHR.
 * @param {{ port?: number, now?: number, dataPaths?: string[], log?: (line: string) => void, demo?: boolean, distDir?: string, host?: string, allowedHosts?: string[], publicUrl?: string, cohortSize?: number, onListening?: (url: string) => Promise<void> | void, facilityTimeZone?: string }} [options]
 *   now: epoch ms the demo data and displayed ages are relative to; demo: load mocks/data demo patients (default true);
 *   distDir: the built app (default `dist/`); host: listen address (default 127.0.0.1, never exposed beyond this machine);
 *   allowedHosts: more `host:port` values the sandbox answers on (default only 127.0.0.1 and localhost on its port);
 *   publicUrl: the origin clients reach it through when something sits in front of it (a delay proxy, a tunnel):
 *   the issuer, FHIR base, discovery endpoints, launch links and FHIR links name it whatever Host a request came with,
 *   and its host is allowed besides the loopback ones (default: the listening origin);
 *   cohortSize: synthetic patients on LMWH generated for the worklist (default 0; `npm start` asks for 200);
 *   onListening: called once the port is open, before the data is loaded (requests answer 503 until then);
 *   facilityTimeZone: the zone the development smart-config declares and the demo data is written in (default SANDBOX_TZ)
 * @returns {Promise<{ url: string, publicUrl: string, close: () => Promise<void>, engine: Engine, loadReport: { loaded: number, errors: string[] } }>}
 *   url: where it listens; publicUrl: the origin it issues for (url when no publicUrl was given)
 */
export async function startSandbox({ port = 0, now = Date.now(), dataPaths = [], log = console.log, demo = true, distDir = DEFAULT_DIST, host = '127.0.0.1', allowedHosts = [], publicUrl, cohortSize = 0, onListening, facilityTimeZone = sandboxZone(process.env.SANDBOX_TZ) } = {}) {
  // A malformed public URL is refused before the port is opened.
  if (publicUrl !== undefined) publicOrigin(publicUrl);
  const server = createServer();
  const listening = await listen(server, port, host);
  const config = createSandboxConfig({ url: listening.url, port: listening.port, allowedHosts, ...(publicUrl ? { publicUrl } : {}), ...(facilityTimeZone ? { facilityTimeZone } : {}) });
  const directory = createPatientDirectory();
  /** @type {Engine | null} */
  let engine = null;
  let ready = false;
  const signer = createIdTokenSigner();
  const auth = createAuthServer({ getPatientIds: async () => (await directory.rows(engine)).map((p) => p.id), ...config, signIdToken: signer.sign });
  const routes = pageRoutes({ config, auth, directory, getEngine: () => engine, signer, now, assets: createAssetCache(distDir) });
  const cds = createCdsMount({ baseUrl: () => config.url, sandboxNow: now, engine: () => engine, auth, patientName: async (id) => (await directory.rows(engine)).find((r) => r.id === id)?.name, log });
  attach(server, log, (req, res) => dispatch({ routes, config, isReady: () => ready, cds }, req, res));
  const close = () => new Promise((resolve) => {
    server.close(() => resolve(undefined));
    server.closeAllConnections();
  });
  try {
    await onListening?.(listening.url);
    engine = await createFhirEngine({ baseUrl: config.issuer });
    if (demo) await directory.loadDemo(engine, now, log, facilityTimeZone);
    if (cohortSize > 0) await directory.loadCohort(engine, cohortSize, now, log);
    if (dataPaths.length > 0) await directory.loadFiles(engine, dataPaths, log);
    // The indexes every record load searches by (the app's coded Observation searches), built before it answers.
    engine.buildIndexes([['Observation', 'code'], ['Observation', 'category']]);
    const patientCount = await directory.nameLoadedPatients(engine);
    log(`Loaded ${directory.loadedCount()} resource(s); ${patientCount} patient(s).`);
  } catch (err) {
    await close();
    throw err;
  }
  for (const problem of directory.problems) log(`  problem: ${problem}`);
  ready = true;
  return { url: listening.url, publicUrl: config.url, engine, loadReport: { loaded: directory.loadedCount(), errors: [...directory.problems] }, close: /** @type {() => Promise<void>} */ (close) };
}
