// @ts-check
/**
 * Writing: data loading (files given to the sandbox, non-atomic, every problem reported) and the FHIR
 * transaction/batch interaction (every entry checked for type, interaction and the token's patient compartment;
 * a transaction is all or nothing; the response has one entry per request).
 */
import { randomUUID } from 'node:crypto';
import { authorize } from './scopes.mjs';
import { inCompartment } from './compartment.mjs';
import { badRequest, ok, problemsOutcome } from './responses.mjs';

/** @typedef {{ resource: any, method: 'PUT'|'POST'|'DELETE', label: string }} PlannedWrite */
/** @typedef {import('./query.mjs').SearchContext} Ctx */

const ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** @param {any} core @param {any} resource @returns {string | null} why it is not a storable resource */
function invalidResource(core, resource) {
  if (!resource || typeof resource !== 'object' || Array.isArray(resource)) return 'not a JSON object';
  if (typeof resource.resourceType !== 'string') return 'not FHIR JSON (no resourceType)';
  if (!core.isResourceType(resource.resourceType)) return `unknown resourceType "${resource.resourceType}"`;
  if (resource.id !== undefined && !ID.test(String(resource.id))) return `invalid id "${resource.id}"`;
  return null;
}

/**
 * Replaces every `reference` string found in `map` (urn:uuid / fullUrl -> Type/id), without recursion.
 * @param {any} root @param {Map<string, string>} map
 */
function rewriteReferences(root, map) {
  if (map.size === 0) return;
  /** @type {any[]} */
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    for (const [key, value] of Object.entries(node)) {
      if (key === 'reference' && typeof value === 'string' && map.has(value)) node[key] = map.get(value);
      else if (value && typeof value === 'object') stack.push(value);
    }
  }
}

/** A plan of writes being built. */
class Plan {
  /** @param {any} core @param {string} sourceName */
  constructor(core, sourceName) {
    this.core = core;
    this.sourceName = sourceName;
    /** @type {string[]} */ this.errors = [];
    /** @type {PlannedWrite[]} */ this.writes = [];
    /** @type {Map<string, string>} */ this.refMap = new Map();
  }

  /** @param {string} label @param {string} problem */
  fail(label, problem) {
    this.errors.push(`${this.sourceName}: ${label}: ${problem}`);
  }

  /** @param {any} resource @param {string} label @param {'PUT'|'POST'} method @param {string | undefined} fullUrl @param {string | undefined} urlId */
  add(resource, label, method, fullUrl, urlId) {
    const problem = invalidResource(this.core, resource);
    if (problem) return this.fail(label, problem);
    const copy = structuredClone(resource);
    if (method === 'POST') copy.id = randomUUID();
    else if (urlId) copy.id = urlId;
    else if (!copy.id) copy.id = randomUUID();
    const key = `${copy.resourceType}/${copy.id}`;
    if (fullUrl && fullUrl !== key) this.refMap.set(fullUrl, key);
    this.writes.push({ resource: copy, method, label });
  }

  /** One transaction/batch entry. @param {any} entry @param {string} label */
  addRequest(entry, label) {
    const method = String(entry.request?.method ?? '').toUpperCase();
    const url = String(entry.request?.url ?? '');
    if (method === 'DELETE') {
      const m = /^([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/.exec(url);
      if (!m || !this.core.isResourceType(m[1])) return this.fail(label, `DELETE needs Type/id, got "${url}"`);
      this.writes.push({ resource: { resourceType: m[1], id: m[2] }, method, label });
      return;
    }
    if (method !== 'PUT' && method !== 'POST') return this.fail(label, `unsupported request method "${method || '(none)'}"`);
    let urlId;
    if (method === 'PUT') {
      const m = /^([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/.exec(url);
      // A conditional PUT (`Type?identifier=...`) keeps the resource's own id.
      urlId = m ? m[2] : undefined;
      if (m && entry.resource && m[1] !== entry.resource.resourceType) return this.fail(label, `request.url "${url}" does not match resourceType`);
    } else if (url.split('?')[0] !== entry.resource?.resourceType) {
      return this.fail(label, `request.url "${url}" does not match resourceType`);
    }
    this.add(entry.resource, label, method, entry.fullUrl, urlId);
  }
}

/**
 * Plans the writes of a Bundle (transaction, batch, collection, searchset, document), one resource or an array.
 * @param {any} core @param {any} json @param {string} sourceName
 */
export function planWrites(core, json, sourceName) {
  const plan = new Plan(core, sourceName);
  if (Array.isArray(json)) {
    json.forEach((r, i) => plan.add(r, `item ${i}`, r && r.id ? 'PUT' : 'POST', undefined, undefined));
  } else if (json && typeof json === 'object' && json.resourceType === 'Bundle' && json.type !== undefined) {
    const isTx = json.type === 'transaction' || json.type === 'batch';
    (Array.isArray(json.entry) ? json.entry : []).forEach((/** @type {any} */ entry, /** @type {number} */ i) => {
      if (!entry || typeof entry !== 'object') plan.fail(`entry ${i}`, 'not an object');
      else if (isTx) plan.addRequest(entry, `entry ${i}`);
      else plan.add(entry.resource, `entry ${i}`, 'PUT', entry.fullUrl, undefined);
    });
  } else {
    plan.add(json, 'resource', json && json.id ? 'PUT' : 'POST', undefined, undefined);
  }
  for (const w of plan.writes) rewriteReferences(w.resource, plan.refMap);
  return plan;
}

/**
 * Loads data (files given to the sandbox, demo patients): what is valid is stored, every problem is reported.
 * @param {Ctx} ctx @param {any} json @param {string} [sourceName]
 * @returns {{ loaded: number, errors: string[] }}
 */
export function loadData(ctx, json, sourceName = 'input') {
  const plan = planWrites(ctx.core, json, sourceName);
  let loaded = 0;
  for (const { resource, method } of plan.writes) {
    if (method === 'DELETE') ctx.store.remove(resource.resourceType, resource.id);
    else {
      ctx.store.put(resource);
      loaded++;
    }
  }
  return { loaded, errors: plan.errors };
}

/**
 * Why a token may not make one write, or null when it may.
 * @param {Ctx} ctx @param {import('./scopes.mjs').Grant} grant @param {PlannedWrite} write
 */
export function writeRefusal(ctx, grant, write) {
  const { resourceType: type, id } = write.resource;
  const existing = ctx.store.get(type, id);
  const action = write.method === 'DELETE' ? 'delete' : existing && write.method === 'PUT' ? 'update' : 'create';
  const auth = authorize(grant, type, action);
  if (!auth.allowed) return `the granted scopes do not allow ${action} of ${type}`;
  if (auth.patient === null) return null;
  if (!auth.patient) return 'a patient-level grant without a patient in context';
  const inside = (/** @type {any} */ r) => inCompartment(ctx.core, ctx.paramsOf, ctx.compartment, r, auth.patient ?? '');
  if (existing && !inside(existing)) return `${type}/${id} is not in the compartment of the patient in context`;
  if (write.method !== 'DELETE' && !inside(write.resource)) return `the new ${type} is not in the compartment of the patient in context`;
  return null;
}

/**
 * Applies one write; returns its response entry.
 * @param {Ctx} ctx @param {PlannedWrite} write
 */
function applyWrite(ctx, write) {
  const { resourceType: type, id } = write.resource;
  if (write.method === 'DELETE') {
    ctx.store.remove(type, id);
    return { response: { status: '204 No Content' } };
  }
  const existed = Boolean(ctx.store.get(type, id));
  const stored = ctx.store.put(write.resource);
  const status = existed ? '200 OK' : '201 Created';
  return { response: { status, location: `${type}/${id}/_history/${stored.meta.versionId}`, etag: `W/"${stored.meta.versionId}"` } };
}

/**
 * Applies every write or none: on a failure midway, what was written is put back.
 * @param {Ctx} ctx @param {PlannedWrite[]} writes
 */
function applyAtomically(ctx, writes) {
  /** @type {Map<string, any>} */
  const before = new Map();
  for (const w of writes) {
    const key = `${w.resource.resourceType}/${w.resource.id}`;
    if (!before.has(key)) before.set(key, ctx.store.get(w.resource.resourceType, w.resource.id));
  }
  try {
    return writes.map((w) => applyWrite(ctx, w));
  } catch (err) {
    for (const [key, old] of before) {
      const [type = '', id = ''] = key.split('/');
      if (old) ctx.store.put(old);
      else ctx.store.remove(type, id);
    }
    throw err;
  }
}

/**
 * The transaction / batch interaction (POST of a Bundle to the base).
 * @param {Ctx} ctx @param {any} body @param {import('./scopes.mjs').Grant | null} grant
 */
export function transactionOrBatch(ctx, body, grant) {
  if (!body || typeof body !== 'object' || body.resourceType !== 'Bundle' || (body.type !== 'transaction' && body.type !== 'batch')) {
    return badRequest('POST to the base needs a transaction or batch Bundle');
  }
  const entries = Array.isArray(body.entry) ? body.entry : [];
  if (entries.length === 0) return badRequest('The Bundle has no entries');
  if (body.type === 'batch') return batch(ctx, entries, grant);
  const plan = planWrites(ctx.core, body, 'transaction');
  if (plan.errors.length > 0) return problemsOutcome(400, plan.errors);
  const refusals = grant ? plan.writes.map((w) => [w.label, writeRefusal(ctx, grant, w)]).filter(([, why]) => why) : [];
  if (refusals.length > 0) return problemsOutcome(403, refusals.map(([label, why]) => `transaction: ${label}: ${why}`));
  return ok({ resourceType: 'Bundle', type: 'transaction-response', entry: applyAtomically(ctx, plan.writes) });
}

/** @param {Ctx} ctx @param {any[]} entries @param {import('./scopes.mjs').Grant | null} grant */
function batch(ctx, entries, grant) {
  const out = entries.map((/** @type {any} */ entry, /** @type {number} */ i) => {
    const plan = new Plan(ctx.core, 'batch');
    if (!entry || typeof entry !== 'object') plan.fail(`entry ${i}`, 'not an object');
    else plan.addRequest(entry, `entry ${i}`);
    const write = plan.writes[0];
    const refusal = write && grant ? writeRefusal(ctx, grant, write) : null;
    if (!write || refusal) {
      const text = refusal ?? plan.errors.join('; ');
      const status = refusal ? '403 Forbidden' : '400 Bad Request';
      return { response: { status, outcome: problemsOutcome(0, [text]).body } };
    }
    return applyWrite(ctx, write);
  });
  return ok({ resourceType: 'Bundle', type: 'batch-response', entry: out });
}
