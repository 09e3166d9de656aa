/**
 * MSW handlers that reproduce real sandboxes' quirks (docs/sandboxes.md) around the local FHIR engine
 * (mocks/fhir-engine.mjs, real search semantics via Medplum). Each flavour is an async factory returning MSW handlers
 * for its own base URL and a log of every request it received (method, url, body type), so tests can assert what was
 * (never) sent.
 *
 * - epicLike: 400 "Must have either code or category." for Observation without code/category (and for categories the
 *   Epic sandbox refuses); an OperationOutcome warning entry (search.mode = outcome, code 4119) in every searchset;
 *   opaque `next` links `Observation?sessionID=<random>` stored server-side and expiring; `total` = entries on the
 *   page; CapabilityStatement `searchInclude: ['*']` (unsupported includes are ignored); 403 for types not selected.
 * - oracleLike: no `_include` (400) and none advertised; `next` links `...&pageContext=<uuid>&direction=NEXT`;
 *   Observations newest first; 400 "no supported search parameters provided" without patient, and for Appointment
 *   without a date.
 * - hapiLike: `next` links `<base>?_getpages=<id>&_getpagesoffset=N&_count=C`.
 * - launcherLike: HAPI paging behind the SMART launcher's base `/v/r4/fhir`.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { randomUUID } from 'node:crypto';
import { createFhirEngine } from '../fhir-engine.mjs';

export interface EngineResponse {
  status: number;
  headers: Record<string, string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export type FhirEngine = Awaited<ReturnType<typeof createFhirEngine>>;

export interface LoggedRequest {
  method: string;
  url: string;
  /** resourceType of a JSON body, e.g. 'Bundle' for a batch or transaction. */
  bodyType?: string;
  /** Bundle.type of a JSON body. */
  bundleType?: string;
}

export interface FlavourServer {
  name: string;
  baseUrl: string;
  handlers: HttpHandler[];
  engine: FhirEngine;
  /** Every request this flavour answered, in arrival order. */
  requests: LoggedRequest[];
}

export interface FlavourOptions {
  baseUrl?: string;
  /** Resources, or a Bundle (transaction/collection) as the engine loads it. */
  resources: fhir4.Resource[] | fhir4.Bundle;
  /** Entries per page (default 2, to make every search page). */
  pageSize?: number;
}

interface SearchContext {
  type: string;
  /** The request URL as the client sent it (first page) or the URL of the page link. */
  requestUrl: URL;
  /** The query the client sent on the first page (for flavours that echo it in their links). */
  firstQuery: URLSearchParams;
}

interface FlavourHooks {
  name: string;
  contentType?: string;
  /** Answers a request before the engine sees it (e.g. 403 for a type); undefined = carry on. */
  intercept?(method: string, type: string | undefined, url: URL): EngineResponse | undefined;
  /** Checks / rewrites a first-page search query in place; a response refuses the search. */
  prepareSearch?(type: string, query: URLSearchParams): EngineResponse | undefined;
  /** Turns the engine's next link (`_offset`) into the flavour's link. */
  encodeNext(engineUrl: string, ctx: SearchContext): string;
  /** Recognises one of the flavour's page links: the engine URL to fetch, a response (e.g. expired), or undefined. */
  decodePage(url: URL): { engineUrl: string; ctx: SearchContext } | EngineResponse | undefined;
  finishBundle?(bundle: fhir4.Bundle, ctx: SearchContext): fhir4.Bundle;
  metadata?(cs: fhir4.CapabilityStatement): fhir4.CapabilityStatement;
}

export function operationOutcome(status: number, severity: fhir4.OperationOutcomeIssue['severity'], code: string, diagnostics: string, details?: fhir4.CodeableConcept): EngineResponse {
  return {
    status,
    headers: { 'content-type': 'application/fhir+json' },
    body: { resourceType: 'OperationOutcome', issue: [{ severity, code, diagnostics, ...(details ? { details } : {}) }] },
  };
}

function isResponse(v: unknown): v is EngineResponse {
  return typeof v === 'object' && v !== null && 'status' in v && 'body' in v;
}

async function createFlavour(options: FlavourOptions, defaultBase: string, hooks: FlavourHooks): Promise<FlavourServer> {
  const baseUrl = (options.baseUrl ?? defaultBase).replace(/\/+$/, '');
  const engine = await createFhirEngine({ baseUrl });
  const loaded = await engine.load(options.resources, `${hooks.name} dataset`);
  if (loaded.errors.length > 0) throw new Error(`dataset did not load: ${loaded.errors.join('; ')}`);
  const pageSize = options.pageSize ?? 2;
  const requests: LoggedRequest[] = [];
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');

  const respond = (r: EngineResponse) =>
    new HttpResponse(JSON.stringify(r.body), {
      status: r.status,
      headers: { ...r.headers, 'content-type': r.status < 300 && hooks.contentType ? hooks.contentType : (r.headers['content-type'] ?? 'application/fhir+json') },
    });

  const finish = (res: EngineResponse, ctx: SearchContext): EngineResponse => {
    if (res.status !== 200 || res.body?.resourceType !== 'Bundle') return res;
    const bundle = res.body as fhir4.Bundle;
    const next = bundle.link?.find((l) => l.relation === 'next')?.url;
    const link = next ? [{ relation: 'next', url: hooks.encodeNext(next, ctx) }] : [];
    const out: fhir4.Bundle = { ...bundle, link };
    return { ...res, body: hooks.finishBundle ? hooks.finishBundle(out, ctx) : out };
  };

  const handler = async ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const entry: LoggedRequest = { method, url: url.href };
    let body: unknown;
    if (method !== 'GET' && method !== 'HEAD') {
      const text = await request.text();
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      const b = body as { resourceType?: unknown; type?: unknown } | undefined;
      if (typeof b?.resourceType === 'string') entry.bodyType = b.resourceType;
      if (typeof b?.type === 'string') entry.bundleType = b.type;
    }
    requests.push(entry);

    const rest = url.pathname.slice(basePath.length).replace(/^\/+|\/+$/g, '');
    const segments = rest === '' ? [] : rest.split('/');
    const type = segments[0];
    const intercepted = hooks.intercept?.(method, type, url);
    if (intercepted) return respond(intercepted);

    if (method === 'GET') {
      const page = hooks.decodePage(url);
      if (isResponse(page)) return respond(page);
      if (page) return respond(finish(await engine.handle({ method: 'GET', url: page.engineUrl, grant: null }), page.ctx));
      if (type === 'metadata' && segments.length === 1) {
        const res = await engine.handle({ method: 'GET', url: `${baseUrl}/metadata`, grant: null });
        return respond(hooks.metadata ? { ...res, body: hooks.metadata(res.body) } : res);
      }
      if (type && segments.length === 1) {
        const query = new URLSearchParams(url.search);
        const firstQuery = new URLSearchParams(url.search);
        const refused = hooks.prepareSearch?.(type, query);
        if (refused) return respond(refused);
        // Like real servers, the page size is the server's maximum whatever `_count` asks.
        const asked = Number(query.get('_count'));
        if (!query.has('_count') || !(asked <= pageSize)) query.set('_count', String(pageSize));
        const ctx: SearchContext = { type, requestUrl: url, firstQuery };
        return respond(finish(await engine.handle({ method: 'GET', url: `${baseUrl}/${type}?${query}`, grant: null }), ctx));
      }
    }
    return respond(await engine.handle({ method, url: url.href, body, grant: null }));
  };

  return {
    name: hooks.name,
    baseUrl,
    engine,
    requests,
    handlers: [http.all(baseUrl, handler), http.all(`${baseUrl}/*`, handler)],
  };
}

function hasPatientParam(query: URLSearchParams): boolean {
  return query.has('patient') || query.has('subject') || query.has('_id');
}

// ------------------------------------------------------------------------------------------------------------- Epic

export interface EpicOptions extends FlavourOptions {
  /** Resource types the app "did not select" in Epic's app registration: 403 on search and read. */
  forbiddenTypes?: string[];
  /** Lifetime of a paging session in ms (default 10 min); 0 = expired on first use. */
  sessionTtlMs?: number;
  /** Clock for session expiry (default Date.now; only compared with itself). */
  clock?: () => number;
  /** Advertise `searchInclude: ['*']` (default true, as Epic does). */
  advertiseInclude?: boolean;
}

const EPIC_ALLOWED_CATEGORIES = new Set(['vital-signs', 'laboratory', 'social-history', 'imaging']);
const ENGINE_INCLUDES = new Set(['MedicationRequest:medication', 'MedicationAdministration:medication', 'MedicationDispense:medication', 'MedicationStatement:medication']);

export const EPIC_WARNING_4119 =
  'This response includes information available to the authorized user at the time of the request. It may not contain the entire record available in the system.';

export function epicLike(options: EpicOptions): Promise<FlavourServer> {
  const forbidden = new Set(options.forbiddenTypes ?? []);
  const ttl = options.sessionTtlMs ?? 600_000;
  const clock = options.clock ?? (() => Date.now());
  const sessions = new Map<string, { engineUrl: string; expires: number; ctx: SearchContext }>();
  const base = (options.baseUrl ?? 'https://fhir.epic.test/interconnect-fhir-oauth/api/FHIR/R4').replace(/\/+$/, '');
  const epicError = (status: number, code: string, text: string, diagnostics: string) =>
    operationOutcome(status, 'error', code, diagnostics, { coding: [{ system: 'urn:oid:1.2.840.114350.1.13.0.1.7.2.657369', code: code === 'required' ? '59108' : '4113', display: text }], text });

  return createFlavour(options, base, {
    name: 'epicLike',
    contentType: 'application/json+fhir',
    intercept(_method, type) {
      if (type && forbidden.has(type)) return operationOutcome(403, 'error', 'forbidden', `The client is not authorized to access ${type}.`);
      return undefined;
    },
    prepareSearch(type, query) {
      if (type === 'Observation') {
        if (!query.has('code') && !query.has('category')) return epicError(400, 'required', 'A required element is missing', 'Must have either code or category.');
        for (const c of query.getAll('category').flatMap((v) => v.split(','))) {
          const code = c.includes('|') ? c.split('|')[1]! : c;
          if (!EPIC_ALLOWED_CATEGORIES.has(code)) return operationOutcome(400, 'error', 'value', `Invalid category: ${code}`);
        }
      }
      // Epic supports _include broadly; the engine implements only the medication ones: others are ignored.
      const includes = query.getAll('_include');
      query.delete('_include');
      for (const inc of includes) if (ENGINE_INCLUDES.has(inc)) query.append('_include', inc);
      return undefined;
    },
    encodeNext(engineUrl, ctx) {
      const id = randomUUID().replace(/-/g, '').toUpperCase();
      sessions.set(id, { engineUrl, expires: clock() + ttl, ctx });
      return `${base}/${ctx.type}?sessionID=${id}`;
    },
    decodePage(url) {
      const id = url.searchParams.get('sessionID');
      if (!id) return undefined;
      const s = sessions.get(id);
      if (!s || clock() >= s.expires) {
        sessions.delete(id);
        return epicError(400, 'processing', 'The paging session has expired', 'The paging session has expired or is invalid. (4113)');
      }
      return { engineUrl: s.engineUrl, ctx: s.ctx };
    },
    finishBundle(bundle) {
      const matches = (bundle.entry ?? []).filter((e) => e.search?.mode !== 'include').length;
      const warning: fhir4.BundleEntry = {
        search: { mode: 'outcome' },
        resource: {
          resourceType: 'OperationOutcome',
          issue: [
            {
              severity: 'warning',
              code: 'suppressed',
              details: { coding: [{ system: 'urn:oid:1.2.840.114350.1.13.0.1.7.2.657369', code: '4119', display: EPIC_WARNING_4119 }], text: EPIC_WARNING_4119 },
            },
          ],
        } as fhir4.OperationOutcome,
      };
      // Epic reports the page size as total.
      return { ...bundle, total: matches, entry: [...(bundle.entry ?? []), warning] };
    },
    metadata(cs) {
      if (options.advertiseInclude === false) return stripIncludes(cs);
      return { ...cs, rest: (cs.rest ?? []).map((r) => ({ ...r, resource: (r.resource ?? []).map((res) => ({ ...res, searchInclude: ['*'] })) })) };
    },
  });
}

function stripIncludes(cs: fhir4.CapabilityStatement): fhir4.CapabilityStatement {
  return {
    ...cs,
    rest: (cs.rest ?? []).map((r) => ({
      ...r,
      resource: (r.resource ?? []).map((res) => {
        const { searchInclude: _dropped, ...rest } = res;
        return rest;
      }),
    })),
  };
}

// ----------------------------------------------------------------------------------------------------------- Oracle

export function oracleLike(options: FlavourOptions): Promise<FlavourServer> {
  const contexts = new Map<string, { engineUrl: string; ctx: SearchContext }>();
  const base = (options.baseUrl ?? 'https://fhir-ehr-code.oracle.test/r4/ec2458f2-1e24-41c8-b71b-0e701af7583d').replace(/\/+$/, '');
  const noParams = () => operationOutcome(400, 'error', 'invalid', 'no supported search parameters provided');
  return createFlavour(options, base, {
    name: 'oracleLike',
    prepareSearch(type, query) {
      if (query.has('_include')) return operationOutcome(400, 'error', 'not-supported', 'The _include parameter is not supported');
      if (!hasPatientParam(query)) return noParams();
      if (type === 'Appointment' && !query.has('date')) return noParams();
      // Oracle sorts Observations by effective date, newest first.
      if (type === 'Observation') query.set('_sort', '-date');
      return undefined;
    },
    encodeNext(engineUrl, ctx) {
      const id = randomUUID();
      contexts.set(id, { engineUrl, ctx });
      const q = new URLSearchParams(ctx.firstQuery);
      q.delete('pageContext');
      q.delete('direction');
      q.set('pageContext', id);
      q.set('direction', 'NEXT');
      return `${base}/${ctx.type}?${q}`;
    },
    decodePage(url) {
      const id = url.searchParams.get('pageContext');
      if (!id) return undefined;
      const c = contexts.get(id);
      if (!c) return operationOutcome(400, 'error', 'invalid', 'pageContext is invalid or expired');
      return c;
    },
    metadata: stripIncludes,
  });
}

// ------------------------------------------------------------------------------------------------ HAPI / launcher

function hapiHooks(name: string, base: string): FlavourHooks {
  const searches = new Map<string, { engineUrl: string; ctx: SearchContext }>();
  return {
    name,
    encodeNext(engineUrl, ctx) {
      const u = new URL(engineUrl);
      const offset = u.searchParams.get('_offset') ?? '0';
      const count = u.searchParams.get('_count') ?? '20';
      let id = [...searches.entries()].find(([, s]) => s.ctx === ctx)?.[0];
      if (!id) {
        id = randomUUID();
        searches.set(id, { engineUrl, ctx });
      }
      return `${base}?_getpages=${id}&_getpagesoffset=${offset}&_count=${count}&_pretty=true&_bundletype=searchset`;
    },
    decodePage(url) {
      const id = url.searchParams.get('_getpages');
      if (!id) return undefined;
      const s = searches.get(id);
      if (!s) return operationOutcome(410, 'error', 'not-found', `Search ID "${id}" does not exist and may have expired`);
      const u = new URL(s.engineUrl);
      u.searchParams.set('_offset', url.searchParams.get('_getpagesoffset') ?? '0');
      return { engineUrl: u.href, ctx: s.ctx };
    },
  };
}

export function hapiLike(options: FlavourOptions): Promise<FlavourServer> {
  const base = (options.baseUrl ?? 'https://hapi.fhir.test/baseR4').replace(/\/+$/, '');
  return createFlavour(options, base, hapiHooks('hapiLike', base));
}

export function launcherLike(options: FlavourOptions): Promise<FlavourServer> {
  const base = (options.baseUrl ?? 'https://launch.smarthealthit.test/v/r4/fhir').replace(/\/+$/, '');
  return createFlavour(options, base, hapiHooks('launcherLike', base));
}
