// @ts-check
/**
 * The local sandbox EHR: one HTTP process serving the built app (`/app/`), an EHR-like patient list (`/`),
 * EHR launch (`/launch`), SMART discovery, an OAuth2 authorisation server (`/auth/*`) and a FHIR R4 server
 * (`/fhir/*`) backed by `mocks/fhir-engine.mjs`.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createFhirEngine } from '../fhir-engine.mjs';
import { loadDataPaths } from './data-loader.mjs';
import { createAuthServer, parseLaunchOptions } from './oauth.mjs';
import { ehrHomePage, errorPage, iframePage, pickerPage } from './pages.mjs';
import { createCdsMount } from './cds-client.mjs';
import { cohortSection, sandboxCohort } from './cohort.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DEFAULT_DIST = path.resolve(HERE, '../../dist');
const DEMO_DATA = path.resolve(HERE, '../data/index.mjs');

const CONTENT_TYPES = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
});

/** Scenario label of the generated cohort's patients (listed collapsed on the EHR page). */
const COHORT_SCENARIO = 'generated cohort';

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'Authorization, Content-Type, Accept, Prefer, If-None-Match',
  'access-control-expose-headers': 'WWW-Authenticate, Location, ETag, Content-Location',
  'access-control-max-age': '600',
};

const SCOPES_SUPPORTED = [
  'openid', 'fhirUser', 'launch', 'launch/patient', 'online_access', 'offline_access',
  'patient/*.read', 'patient/*.rs', 'user/*.read', 'user/*.rs',
];

/** @param {any} patient a FHIR Patient */
function displayName(patient) {
  const n = (patient.name ?? [])[0];
  if (!n) return `Patient ${patient.id}`;
  if (n.text) return n.text;
  return [...(n.given ?? []), n.family].filter(Boolean).join(' ') || `Patient ${patient.id}`;
}

/**
 * Imports the demo data module if it exists.
 * @param {(line: string) => void} log
 * @returns {Promise<null | ((nowMs: number) => Array<{ id: string, name: string, birthDate: string, scenario: string, resources: any[] }>)>}
 */
async function importDemo(log) {
  try {
    await stat(DEMO_DATA);
  } catch {
    log('Demo data: mocks/data/index.mjs not found, starting without demo patients.');
    return null;
  }
  const mod = await import(pathToFileURL(DEMO_DATA).href);
  if (typeof mod.demoPatients !== 'function') {
    log('Demo data: mocks/data/index.mjs has no demoPatients export, starting without demo patients.');
    return null;
  }
  return mod.demoPatients;
}

/** @param {import('node:http').IncomingMessage} req @param {number} [limit] */
function readBody(req, limit = 50 * 1024 * 1024) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('Request body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Starts the sandbox EHR.
 * @param {{ port?: number, now?: number, dataPaths?: string[], log?: (line: string) => void, demo?: boolean, distDir?: string, host?: string, cohortSize?: number }} [options]
 *   now: epoch ms the demo data and displayed ages are relative to; demo: load mocks/data demo patients (default true);
 *   distDir: the built app (default `dist/`); host: listen address (default 127.0.0.1 — never exposed beyond this machine);
 *   cohortSize: synthetic patients on LMWH generated for the worklist (default 0; `npm start` asks for 200)
 * @returns {Promise<{ url: string, close: () => Promise<void>, engine: Awaited<ReturnType<typeof createFhirEngine>>, loadReport: { loaded: number, errors: string[] } }>}
 */
export async function startSandbox({ port = 0, now = Date.now(), dataPaths = [], log = console.log, demo = true, distDir = DEFAULT_DIST, host = '127.0.0.1', cohortSize = 0 } = {}) {
  /** @type {Map<string, { name: string, birthDate?: string, scenario: string }>} */
  const patientInfo = new Map();
  /** @type {string[]} */
  const problems = [];

  /** @type {Awaited<ReturnType<typeof createFhirEngine>> | null} */
  let engine = null;

  async function patientRows() {
    if (!engine) return [];
    const all = await engine.patients();
    return all
      .map((p) => {
        const info = patientInfo.get(p.id);
        return {
          id: String(p.id),
          name: info?.name ?? displayName(p),
          birthDate: p.birthDate ?? info?.birthDate,
          scenario: info?.scenario ?? 'loaded at start',
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  const auth = createAuthServer({ getPatientIds: async () => (await patientRows()).map((p) => p.id) });
  // CDS Hooks: the service under /cds-services and the EHR side of it (booking page, JWT, launch with appContext).
  const cds = createCdsMount({ baseUrl: () => url, sandboxNow: now, engine: () => engine, auth, patientName: async (id) => (await patientRows()).find((r) => r.id === id)?.name, log });

  /** @param {import('node:http').IncomingMessage} req */
  const originOf = (req) => `http://${req.headers.host ?? `${host}:${port}`}`;

  /**
   * @param {import('node:http').ServerResponse} res
   * @param {number} status
   * @param {string} body
   * @param {Record<string, string>} [headers]
   */
  function send(res, status, body, headers = {}) {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
    res.end(body);
  }
  /** @param {import('node:http').ServerResponse} res @param {number} status @param {any} body @param {Record<string, string>} [headers] */
  const sendJson = (res, status, body, headers = {}) => send(res, status, JSON.stringify(body), { 'content-type': 'application/json; charset=utf-8', ...headers });
  /** @param {import('node:http').ServerResponse} res @param {string} location */
  const redirect = (res, location) => send(res, 302, '', { location });

  /** @param {import('node:http').ServerResponse} res @param {string} rel */
  async function serveApp(res, rel) {
    try {
      await stat(path.join(distDir, 'index.html'));
    } catch {
      send(res, 503, errorPage('App not built', 'The app has not been built: dist/ is missing. Run `npm run build` (or `npm start`, which builds first), then reload.'));
      return;
    }
    let file = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
    file = path.normalize(file).replace(/^(\.\.(\/|\\|$))+/, '');
    const full = path.join(distDir, file);
    if (!full.startsWith(distDir + path.sep)) {
      send(res, 404, errorPage('Not found', 'No such file in the app.'));
      return;
    }
    try {
      const info = await stat(full);
      if (info.isDirectory()) {
        redirect(res, `/app/${rel.replace(/\/?$/, '/')}`);
        return;
      }
      const body = await readFile(full);
      res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(full).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      send(res, 404, errorPage('Not found', 'No such file in the app.'));
    }
  }

  /** @param {string} origin */
  function smartConfiguration(origin) {
    return {
      issuer: `${origin}/fhir`,
      jwks_uri: `${origin}/auth/jwks`,
      authorization_endpoint: `${origin}/auth/authorize`,
      token_endpoint: `${origin}/auth/token`,
      token_endpoint_auth_methods_supported: ['none'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      scopes_supported: SCOPES_SUPPORTED,
      capabilities: [
        'launch-ehr', 'launch-standalone', 'client-public', 'context-ehr-patient', 'context-standalone-patient',
        'context-passthrough-banner', 'permission-v1', 'permission-v2', 'permission-online', 'permission-offline',
        'permission-patient', 'sso-openid-connect',
      ],
    };
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function route(req, res) {
    const origin = originOf(req);
    const url = new URL(req.url ?? '/', origin);
    const p = url.pathname;
    const method = req.method ?? 'GET';
    if (await cds.route(req, res, url)) return;

    if ((p.startsWith('/fhir') || p.startsWith('/auth/token') || p.endsWith('/.well-known/smart-configuration')) && method === 'OPTIONS') {
      res.writeHead(204, CORS);
      res.end();
      return;
    }

    if (p === '/' && method === 'GET') {
      const rows = await patientRows();
      const isCohort = (/** @type {{ scenario: string }} */ r) => r.scenario.startsWith(COHORT_SCENARIO);
      send(res, 200, ehrHomePage({ patients: rows.filter((r) => !isCohort(r)), nowMs: now, origin, problems, cohortHtml: cohortSection(rows.filter(isCohort)) }));
      return;
    }
    if (p === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }

    if (p === '/launch' && method === 'GET' && url.searchParams.get('worklist') === '1' && !url.searchParams.get('patient')) {
      const launch = auth.createLaunch(null, { ...parseLaunchOptions(url.searchParams), provider: true });
      redirect(res, `/app/launch/?iss=${encodeURIComponent(`${origin}/fhir`)}&launch=${encodeURIComponent(launch)}`);
      return;
    }
    if (p === '/launch' && method === 'GET') {
      const patientId = url.searchParams.get('patient') ?? '';
      const patient = (await patientRows()).find((r) => r.id === patientId);
      if (!patient) {
        send(res, 404, errorPage('Patient not found', 'This sandbox holds no patient with that id.'));
        return;
      }
      const launch = auth.createLaunch(patient.id, parseLaunchOptions(url.searchParams));
      const target = `/app/launch/?iss=${encodeURIComponent(`${origin}/fhir`)}&launch=${encodeURIComponent(launch)}`;
      if (url.searchParams.get('iframe') === '1') {
        send(res, 200, iframePage({ patient, nowMs: now, src: target }));
      } else {
        redirect(res, target);
      }
      return;
    }

    if (p === '/app') {
      redirect(res, '/app/');
      return;
    }
    if (p.startsWith('/app/') && method === 'GET') {
      await serveApp(res, decodeURIComponent(p.slice('/app/'.length)));
      return;
    }

    if ((p === '/fhir/.well-known/smart-configuration' || p === '/.well-known/smart-configuration') && method === 'GET') {
      sendJson(res, 200, smartConfiguration(origin), CORS);
      return;
    }
    if (p === '/auth/jwks' && method === 'GET') {
      sendJson(res, 200, { keys: [] }, CORS);
      return;
    }

    if (p === '/auth/authorize' && method === 'GET') {
      const result = await auth.authorize(url.searchParams, origin);
      if (result.kind === 'redirect') redirect(res, result.location);
      else if (result.kind === 'error-page') send(res, result.status, errorPage('Authorisation refused', result.message));
      else {
        const rows = await patientRows();
        send(res, 200, pickerPage({ patients: rows, pendingId: result.pendingId }));
      }
      return;
    }
    if (p === '/auth/authorize/pick' && method === 'POST') {
      const form = new URLSearchParams(await readBody(req, 64 * 1024));
      const result = await auth.pick(form.get('pending') ?? '', form.get('patient') ?? '');
      if (result.kind === 'redirect') redirect(res, result.location);
      else send(res, result.status, errorPage('Authorisation refused', result.message));
      return;
    }
    if (p === '/auth/token') {
      if (method !== 'POST') {
        sendJson(res, 405, { error: 'invalid_request', error_description: 'Use POST' }, CORS);
        return;
      }
      const type = String(req.headers['content-type'] ?? '');
      if (!type.startsWith('application/x-www-form-urlencoded')) {
        sendJson(res, 400, { error: 'invalid_request', error_description: 'Content-Type must be application/x-www-form-urlencoded' }, CORS);
        return;
      }
      const result = auth.token(new URLSearchParams(await readBody(req, 64 * 1024)));
      sendJson(res, result.status, result.body, { ...CORS, pragma: 'no-cache' });
      return;
    }

    if (p === '/fhir' || p.startsWith('/fhir/')) {
      await handleFhir(req, res, url, origin);
      return;
    }

    send(res, 404, errorPage('Not found', 'This page does not exist in the sandbox EHR.'));
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {URL} url
   * @param {string} origin
   */
  async function handleFhir(req, res, url, origin) {
    if (!engine) throw new Error('engine not ready');
    const fhirHeaders = { ...CORS, 'content-type': 'application/fhir+json; charset=utf-8' };
    const rel = url.pathname.slice('/fhir'.length).replace(/^\/+/, '') + url.search;
    const method = req.method ?? 'GET';
    /** @type {{ patient?: string, scopes: string[] } | null} */
    let grant = null;
    const isMetadata = method === 'GET' && /^metadata\/?(\?|$)/.test(rel);
    if (!isMetadata) {
      const check = auth.checkBearer(req.headers.authorization);
      if (!check.ok) {
        send(
          res,
          401,
          JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'login', diagnostics: check.reason }] }),
          { ...fhirHeaders, 'www-authenticate': `Bearer realm="${origin}/fhir", error="invalid_token", error_description="${check.reason}"` },
        );
        return;
      }
      grant = check.grant;
    }
    let body;
    if (method === 'POST' || method === 'PUT') {
      try {
        const text = await readBody(req);
        body = text ? JSON.parse(text) : undefined;
      } catch (err) {
        send(res, 400, JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'structure', diagnostics: `Body is not JSON: ${err instanceof Error ? err.message : String(err)}` }] }), fhirHeaders);
        return;
      }
    }
    const result = await engine.handle({ method, url: rel, body, grant });
    let text = JSON.stringify(result.body);
    // The engine's links use the base it was created with; answer with the origin this request used.
    if (engine.baseUrl !== `${origin}/fhir`) text = text.split(engine.baseUrl).join(`${origin}/fhir`);
    send(res, result.status, text, { ...fhirHeaders, ...result.headers, 'content-type': 'application/fhir+json; charset=utf-8' });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err) => {
      log(`Sandbox error: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) send(res, 500, errorPage('Sandbox error', 'The sandbox failed to answer this request.'));
      else res.end();
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const displayHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${displayHost}:${actualPort}`;
  port = actualPort;

  engine = await createFhirEngine({ baseUrl: `${url}/fhir` });
  let loaded = 0;

  if (demo) {
    const demoPatients = await importDemo(log);
    if (demoPatients) {
      try {
        for (const d of demoPatients(now)) {
          const r = await engine.load(d.resources, `demo patient ${d.id}`);
          loaded += r.loaded;
          problems.push(...r.errors);
          patientInfo.set(d.id, { name: d.name, birthDate: d.birthDate, scenario: d.scenario });
        }
      } catch (err) {
        problems.push(`demo data: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  if (cohortSize > 0) {
    const generated = sandboxCohort({ size: cohortSize, nowMs: now });
    for (const g of generated.patients) {
      const r = await engine.load(g.resources, `cohort patient ${g.id}`);
      loaded += r.loaded;
      problems.push(...r.errors);
      patientInfo.set(g.id, { name: g.name, scenario: `${COHORT_SCENARIO}: ${g.stage}` });
    }
    const c = await engine.load(generated.collections, 'cohort List and Group');
    loaded += c.loaded;
    problems.push(...c.errors);
  }

  if (dataPaths.length > 0) {
    const report = await loadDataPaths(engine, dataPaths);
    loaded += report.loaded;
    problems.push(...report.errors);
    for (const f of report.files) {
      for (const id of f.patientIds) {
        if (!patientInfo.has(id)) patientInfo.set(id, { name: '', scenario: `loaded from ${path.basename(f.file)}` });
      }
    }
    log(`Data: ${report.files.length} file(s) read, ${report.loaded} resource(s) loaded, ${report.errors.length} problem(s), ${report.skipped.length} non-data file(s) skipped.`);
  }
  // Names of loaded (non-demo) patients come from their Patient resources.
  const allPatients = await engine.patients();
  for (const [id, info] of patientInfo) {
    if (!info.name) {
      const pat = allPatients.find((x) => x.id === id);
      patientInfo.set(id, { ...info, name: pat ? displayName(pat) : `Patient ${id}` });
    }
  }
  const patientCount = allPatients.length;
  log(`Loaded ${loaded} resource(s); ${patientCount} patient(s).`);
  for (const problem of problems) log(`  problem: ${problem}`);

  return {
    url,
    engine,
    loadReport: { loaded, errors: [...problems] },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
