// @ts-check
/**
 * The local sandbox's FHIR engine: an in-memory, indexed FHIR R4 store with Medplum's search semantics.
 *
 * Modules (mocks/engine/): store.mjs (storage and indexes), search.mjs (parameter checks), query.mjs (candidates,
 * matching, sorting), transaction.mjs (loading, transaction/batch), routes.mjs (the route table of interactions),
 * scopes.mjs and compartment.mjs (SMART scopes, the R4 Patient compartment), capability.mjs, responses.mjs.
 *
 * Used by the sandbox HTTP server (`mocks/sandbox/`) and by MSW handlers (`mocks/msw/`, grant = null).
 */
import { compartmentParams } from './engine/compartment.mjs';
import { loadMedplum, searchParamsOf } from './engine/medplum.mjs';
import { badRequest, notSupported, outcome } from './engine/responses.mjs';
import { ROUTES } from './engine/routes.mjs';
import { createStore } from './engine/store.mjs';
import { loadData } from './engine/transaction.mjs';

export { parseScope } from './engine/scopes.mjs';

/** @typedef {import('./engine/scopes.mjs').Grant} Grant */
/** @typedef {import('./engine/responses.mjs').EngineResponse} EngineResponse */
/** @typedef {{ method: string, url: string, body?: any, grant?: Grant | null }} EngineRequest */

/**
 * Splits a request URL (absolute under the base, absolute path, or relative) into a path and a query.
 * @param {string} base @param {string} url
 * @returns {{ path: string, query: URLSearchParams } | null} null = not under the base
 */
function splitUrl(base, url) {
  let rest = url;
  const basePath = new URL(base).pathname;
  if (/^https?:\/\//i.test(url)) {
    if (url !== base && !url.startsWith(base + '/') && !url.startsWith(base + '?')) return null;
    rest = url.slice(base.length);
  } else if (rest.startsWith(basePath + '/') || rest === basePath) {
    rest = rest.slice(basePath.length);
  }
  rest = rest.replace(/^\/+/, '');
  const q = rest.indexOf('?');
  const path = (q === -1 ? rest : rest.slice(0, q)).replace(/\/+$/, '');
  return { path, query: new URLSearchParams(q === -1 ? '' : rest.slice(q + 1)) };
}

/**
 * Creates an engine with its own in-memory store. Indexing of the FHIR definitions is shared per process.
 * @param {{ baseUrl: string }} options baseUrl: absolute FHIR base, e.g. `http://localhost:8080/fhir`
 */
export async function createFhirEngine({ baseUrl }) {
  const { core, compartment: definition } = await loadMedplum();
  const base = baseUrl.replace(/\/+$/, '');
  const paramsOf = (/** @type {string} */ type) => searchParamsOf(core, type);
  const store = createStore(core, paramsOf);
  const ctx = { core, store, paramsOf, compartment: compartmentParams(definition), base };

  /**
   * Handles one FHIR REST request.
   * @param {EngineRequest} request grant null = no authorisation checks
   * @returns {Promise<EngineResponse>}
   */
  async function handle({ method, url, body, grant = null }) {
    try {
      const m = String(method || 'GET').toUpperCase();
      const split = splitUrl(base, String(url ?? ''));
      if (!split) return badRequest(`URL is not under the FHIR base ${base}`);
      const { path, query } = split;
      const type = path.split('/')[0] ?? '';
      if (path !== '' && path !== 'metadata' && !core.isResourceType(type)) return badRequest(`Unknown resource type "${type}"`);
      const route = ROUTES.find((r) => r.method === m && r.pattern.test(path));
      if (!route) {
        if (m !== 'GET') return notSupported(`${m} ${path || '/'} is not supported by this sandbox`);
        return badRequest(path === '' ? 'A search needs a resource type' : `Unsupported path "${path}"`);
      }
      const params = /** @type {Record<string, string>} */ ({ ...route.pattern.exec(path)?.groups });
      return route.handler({ ctx, params, query, body, grant });
    } catch (err) {
      return outcome(500, 'fatal', 'exception', err instanceof Error ? err.message : String(err));
    }
  }

  /**
   * Loads data: a Bundle (transaction, batch, collection, searchset, document), one resource or an array.
   * @param {any} json @param {string} [sourceName] used in error messages
   * @returns {Promise<{ loaded: number, errors: string[] }>}
   */
  async function load(json, sourceName = 'input') {
    return loadData(ctx, json, sourceName);
  }

  /** @returns {Promise<any[]>} every stored Patient */
  async function patients() {
    return [...store.all('Patient')];
  }

  /**
   * Builds value indexes now instead of on the first search that needs them (a real server indexes on write; here a
   * first coded search of a large store would otherwise pay for indexing every resource of the type).
   * @param {[string, string][]} pairs resource type and search parameter code, e.g. ['Observation', 'code']
   */
  function buildIndexes(pairs) {
    for (const [type, code] of pairs) if (paramsOf(type)[code]) store.idsWithValue(type, code, []);
  }

  return { baseUrl: base, load, handle, patients, buildIndexes };
}
