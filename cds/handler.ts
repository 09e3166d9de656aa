/**
 * The CDS Hooks 2.0 HTTP interface on node:http, without a framework: discovery (GET /cds-services), the service
 * endpoints (POST /cds-services/{id}), CORS preflight and headers, and the specification's status codes
 * (400 bad request, 401 bearer refused, 404 unknown service, 412 no data, 500). Nothing about the patient is logged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadUnitConverter, type UnitConverter } from '../src/domain/labs';
import { systemClock, type Clock } from '../src/domain/time';
import { createBearerVerifier, type BearerVerifier, type TrustedIssuer } from './bearer';
import { ERRORS } from './cardText';
import { decide } from './decide';
import { discovery, hooksOfService, type SupportedHook } from './definition';
import { parseHookRequest } from './hookRequest';
import { proposalsWithIds, recordForHook, withProposals } from './hookRecord';

export interface CdsHandlerOptions {
  /** Public base URL of this service's origin ("https://cds.example.org"): the `aud` of a token is base + path. */
  baseUrl: string | (() => string);
  /** Issuers whose JWT bearer is accepted, each with its JWKS URL. */
  trustedIssuers: TrustedIssuer[];
  /** The app's SMART launch URL for card links. */
  appLaunchUrl: string | (() => string);
  /** Facility time zone the deadlines are written in. */
  zone: string;
  clock?: Clock;
  /** For tests: the fetch the FHIR reads use. */
  fetch?: typeof fetch;
  /** For tests: a verifier with in-memory key sets. */
  verifier?: BearerVerifier;
}

export type CdsHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

const PREFIX = '/cds-services';
const MAX_BODY = 5 * 1024 * 1024;

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
  return {
    'access-control-allow-origin': origin ?? '*',
    ...(origin ? { 'access-control-allow-credentials': 'true', vary: 'Origin' } : {}),
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': 'Authorization, Content-Type',
    'access-control-expose-headers': 'Origin, Accept, Content-Location, Location, X-Requested-With',
    'access-control-max-age': '600',
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function createCdsHandler(options: CdsHandlerOptions): CdsHandler {
  const clock = options.clock ?? systemClock;
  const verifier = options.verifier ?? createBearerVerifier(options.trustedIssuers);
  const value = (v: string | (() => string)) => (typeof v === 'function' ? v() : v);
  let units: Promise<UnitConverter> | undefined;

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://service.invalid');
    const path = url.pathname.replace(/\/+$/, '');
    if (path !== PREFIX && !path.startsWith(`${PREFIX}/`)) return false;
    const cors = corsHeaders(req);
    const send = (status: number, body: unknown, extra: Record<string, string> = {}) => {
      res.writeHead(status, { ...cors, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...extra });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res.writeHead(204, cors);
      res.end();
      return true;
    }
    if (path === PREFIX) {
      if (method !== 'GET') send(405, { error: ERRORS.methodNotAllowed }, { allow: 'GET, OPTIONS' });
      else send(200, discovery());
      return true;
    }
    const id = decodeURIComponent(path.slice(PREFIX.length + 1));
    const hooks = hooksOfService(id);
    if (hooks.length === 0 || id.includes('/')) {
      send(404, { error: ERRORS.notFound });
      return true;
    }
    if (method !== 'POST') {
      send(405, { error: ERRORS.methodNotAllowed }, { allow: 'POST, OPTIONS' });
      return true;
    }
    const audience = `${value(options.baseUrl).replace(/\/+$/, '')}${PREFIX}/${id}`;
    const auth = await verifier.verify(req.headers.authorization, audience);
    if (!auth.ok) {
      send(401, { error: ERRORS.unauthorized(auth.reason) }, { 'www-authenticate': 'Bearer error="invalid_token"' });
      return true;
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      send(400, { error: ERRORS.badJson });
      return true;
    }
    const hookName = typeof (body as { hook?: unknown } | null)?.hook === 'string' ? (body as { hook: string }).hook : '';
    if (!(hooks as string[]).includes(hookName)) {
      send(400, { error: hookName ? ERRORS.hookNotSupported(hookName) : ERRORS.badRequest('hook is required') });
      return true;
    }
    const parsed = parseHookRequest(body, hookName as SupportedHook);
    if (!parsed.ok) {
      send(400, { error: ERRORS.badRequest(parsed.error) });
      return true;
    }
    const request = { ...parsed.request, proposals: proposalsWithIds(parsed.request) };
    const nowMs = clock.now();
    const source = await recordForHook(request, nowMs, options.fetch);
    if (source.kind === 'none') {
      send(412, { error: source.reason === 'fhir-failed' ? ERRORS.fhirFailed : ERRORS.noData });
      return true;
    }
    units ??= loadUnitConverter();
    const decision = decide(withProposals(source.input, request.proposals), request.proposals, {
      nowMs,
      zone: options.zone,
      units: await units,
      serviceId: id,
      appLaunchUrl: value(options.appLaunchUrl),
    });
    send(200, { cards: decision.cards });
    return true;
  };
}

/** Wraps a handler so an unexpected failure answers 500 without detail. */
export function withErrors(handler: CdsHandler): CdsHandler {
  return async (req, res) => {
    try {
      return await handler(req, res);
    } catch {
      if (!res.headersSent) {
        res.writeHead(500, { ...corsHeaders(req), 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: ERRORS.internal }));
      } else res.end();
      return true;
    }
  };
}
