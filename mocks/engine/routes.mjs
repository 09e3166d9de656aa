// @ts-check
/**
 * The engine's FHIR interactions as a route table (in the manner of Medplum's FhirRouter): each route is a method,
 * a path pattern and a short named handler. `handle` in fhir-engine.mjs finds the route and calls it.
 */
import { capabilityStatement } from './capability.mjs';
import { findMatches, visibleInCompartment } from './query.mjs';
import { badRequest, forbidden, notFound, ok } from './responses.mjs';
import { authorize } from './scopes.mjs';
import { prepareSearch, toQuery } from './search.mjs';
import { transactionOrBatch } from './transaction.mjs';

/**
 * @typedef {import('./query.mjs').SearchContext & { base: string }} EngineContext
 * @typedef {{ ctx: EngineContext, params: Record<string, string>, query: URLSearchParams, body: any, grant: import('./scopes.mjs').Grant | null }} RouteRequest
 * @typedef {(req: RouteRequest) => import('./responses.mjs').EngineResponse} RouteHandler
 * @typedef {{ method: string, pattern: RegExp, name: string, handler: RouteHandler }} Route
 */

const ID = '[A-Za-z0-9\\-.]{1,64}';

/**
 * The patient a grant confines an interaction to, or a refusal.
 * @param {RouteRequest} req @param {string} type @param {'read'|'search'}  action
 * @returns {{ refused: import('./responses.mjs').EngineResponse } | { patient: string | null }}
 */
function confinement(req, type, action) {
  if (!req.grant) return { patient: null };
  const auth = authorize(req.grant, type, action);
  if (!auth.allowed) return { refused: forbidden(`The granted scopes do not allow ${action === 'read' ? 'reading' : 'searching'} ${type}`) };
  if (auth.patient === '') return { refused: forbidden('A patient-level grant without a patient in context') };
  return { patient: auth.patient };
}

/** @type {RouteHandler} */
const metadata = ({ ctx }) => ok(capabilityStatement(ctx.base, ctx.paramsOf));

/** @type {RouteHandler} */
const transaction = ({ ctx, body, grant }) => transactionOrBatch(ctx, body, grant);

/** @type {RouteHandler} */
function read(req) {
  const { ctx, params, query } = req;
  const { type = '', id = '' } = params;
  if ([...query.keys()].some((k) => k !== '_format')) return badRequest('A read takes no parameters');
  const c = confinement(req, type, 'read');
  if ('refused' in c) return c.refused;
  const resource = ctx.store.get(type, id);
  if (!resource) return notFound(`${type}/${id} is not known`);
  if (c.patient !== null && !visibleInCompartment(ctx, resource, c.patient)) return forbidden('This resource is not in the compartment of the patient in context');
  const headers = { 'content-type': ok(null).headers['content-type'] ?? '' };
  if (resource.meta?.versionId) Object.assign(headers, { etag: `W/"${resource.meta.versionId}"` });
  if (resource.meta?.lastUpdated) Object.assign(headers, { 'last-modified': new Date(resource.meta.lastUpdated).toUTCString() });
  return { status: 200, headers, body: structuredClone(resource) };
}

/**
 * Refuses a patient-level search that names another patient in a reference (`patient=`, `subject=`, `member=`,
 * `actor=` ...), as a real EHR does (403 rather than an empty page).
 * @param {[string, string][]} params @param {Record<string, any>} known @param {string} type @param {string} patient
 */
function namesAnotherPatient(params, known, type, patient) {
  return params.some(([k, v]) => {
    const name = k.split(':')[0] ?? '';
    if (type === 'Patient' && name === '_id') return v.split(',').some((id) => id !== patient);
    if (known[name]?.type !== 'reference') return false;
    return v.split(',').some((ref) => /^Patient\//.test(ref) && ref !== `Patient/${patient}`);
  });
}

/** @param {EngineContext} ctx @param {any[]} page @param {boolean} allowed */
function includedMedications(ctx, page, allowed) {
  if (!allowed) return [];
  const seen = new Set();
  /** @type {any[]} */
  const out = [];
  for (const r of page) {
    const ref = r.medicationReference?.reference;
    const m = typeof ref === 'string' ? /^(?:.*\/)?Medication\/([A-Za-z0-9\-.]{1,64})$/.exec(ref) : null;
    if (!m || seen.has(m[1])) continue;
    seen.add(m[1]);
    const med = ctx.store.get('Medication', m[1] ?? '');
    if (med) out.push({ fullUrl: `${ctx.base}/Medication/${med.id}`, resource: structuredClone(med), search: { mode: 'include' } });
  }
  return out;
}

/** @type {RouteHandler} */
function search(req) {
  const { ctx, params, query, grant } = req;
  const type = params.type ?? '';
  const c = confinement(req, type, 'search');
  if ('refused' in c) return c.refused;
  const known = ctx.paramsOf(type);
  const prepared = prepareSearch(known, type, query);
  if ('error' in prepared) return badRequest(prepared.error);
  if (c.patient !== null && namesAnotherPatient(prepared.params, known, type, c.patient)) return forbidden('Search outside the patient in context');
  const matches = findMatches(ctx, type, prepared.params, c.patient);
  const { count, offset } = prepared;
  const userParams = [...query].filter(([k]) => k !== '_offset' && k !== '_count');
  const linkFor = (/** @type {number} */ off) => `${ctx.base}/${type}?${toQuery([...userParams, ['_count', String(count)], ['_offset', String(off)]])}`;
  const link = [{ relation: 'self', url: linkFor(offset) }];
  if (prepared.summaryCount || count === 0) return ok({ resourceType: 'Bundle', type: 'searchset', total: matches.length, link });
  const page = matches.slice(offset, offset + count);
  if (offset + count < matches.length) link.push({ relation: 'next', url: linkFor(offset + count) });
  const entry = page.map((r) => ({ fullUrl: `${ctx.base}/${type}/${r.id}`, resource: structuredClone(r), search: { mode: 'match' } }));
  const mayReadMedication = prepared.includes.length > 0 && (!grant || authorize(grant, 'Medication', 'read').allowed);
  entry.push(...includedMedications(ctx, page, mayReadMedication));
  return ok({ resourceType: 'Bundle', type: 'searchset', total: matches.length, link, entry });
}

/** @type {Route[]} */
export const ROUTES = [
  { method: 'GET', pattern: /^metadata$/, name: 'capabilities', handler: metadata },
  { method: 'POST', pattern: /^$/, name: 'transaction-or-batch', handler: transaction },
  { method: 'GET', pattern: new RegExp(`^(?<type>[A-Za-z]+)/(?<id>${ID})$`), name: 'read', handler: read },
  { method: 'GET', pattern: /^(?<type>[A-Za-z]+)$/, name: 'search-type', handler: search },
];
