// @ts-check
/**
 * Runs a prepared search against the store: the smallest candidate set the indexes offer, then Medplum's matcher
 * (`matchesSearchRequest`) on each candidate, then Medplum's sort order. Cost follows the candidates, not the store.
 */
import { inCompartment } from './compartment.mjs';
import { namedPatients, toQuery } from './search.mjs';

/**
 * @typedef {{ core: any, store: ReturnType<typeof import('./store.mjs').createStore>, paramsOf: (type: string) => Record<string, any>, compartment: Map<string, string[]>, results?: Map<string, { generation: number, matches: any[] }> }} SearchContext
 */

/**
 * Resources of a type in the patient's compartment (types outside the compartment definition are not confined:
 * Medication, Practitioner, Organization are shared).
 * @param {SearchContext} ctx @param {string} type @param {string} patientId
 * @returns {any[] | null} null = the type is not confined
 */
export function compartmentCandidates(ctx, type, patientId) {
  if (type === 'Patient') {
    const own = ctx.store.get('Patient', patientId);
    return own ? [own] : [];
  }
  if (!ctx.compartment.has(type)) return null;
  return ctx.store.ofPatient(patientId, type).filter((r) => inCompartment(ctx.core, ctx.paramsOf, ctx.compartment, r, patientId));
}

/**
 * True when a patient-confined grant may see this resource: its own Patient, a resource in her compartment, or a
 * type outside the compartment definition (shared). One resource, so a read costs one check, not the compartment.
 * @param {SearchContext} ctx @param {any} resource @param {string} patientId
 */
export function visibleInCompartment(ctx, resource, patientId) {
  const type = resource.resourceType;
  if (type === 'Patient') return resource.id === patientId;
  if (!ctx.compartment.has(type)) return true;
  return inCompartment(ctx.core, ctx.paramsOf, ctx.compartment, resource, patientId);
}

/**
 * Ids offered by the smallest token/reference value index among the filters (built on first use), or null.
 * @param {SearchContext} ctx @param {string} type @param {any[]} filters
 * @returns {Set<string> | null}
 */
function valueIndexIds(ctx, type, filters) {
  const known = ctx.paramsOf(type);
  /** @type {Set<string> | null} */
  let best = null;
  for (const f of filters) {
    const kind = known[f.code]?.type;
    if (f.operator !== 'eq' || (kind !== 'token' && kind !== 'reference')) continue;
    const ids = ctx.store.idsWithValue(type, f.code, String(f.value).split(','));
    if (!best || ids.size < best.size) best = ids;
  }
  return best;
}

/**
 * Candidate sets offered by single filters, cheapest kinds first: `_id`, then patient references (compartment
 * index, narrowed by a value index when one applies), then token/reference value indexes (built on first use).
 * @param {SearchContext} ctx @param {string} type @param {any[]} filters
 * @returns {any[] | null} null = no index applies (scan the type)
 */
function indexedCandidates(ctx, type, filters) {
  const known = ctx.paramsOf(type);
  const idFilter = filters.find((f) => f.code === '_id' && f.operator === 'eq');
  if (idFilter) return String(idFilter.value).split(',').map((id) => ctx.store.get(type, id)).filter(Boolean);
  const best = valueIndexIds(ctx, type, filters.filter((f) => namedPatients([f], known).length === 0));
  for (const f of filters) {
    const patients = namedPatients([f], known);
    if (patients.length > 0 && patients.length === String(f.value).split(',').length) {
      return [...new Set(patients.flatMap((p) => patientCandidates(ctx, type, p, best)))];
    }
  }
  const all = best ?? valueIndexIds(ctx, type, filters);
  return all ? [...all].map((id) => ctx.store.get(type, id)).filter(Boolean) : null;
}

/**
 * Resources of a type referring to the patient, narrowed to `narrow` when given (the intersection walks the smaller
 * set), so a coded search of a long record costs its matches, not the record.
 * @param {SearchContext} ctx @param {string} type @param {string} patientId @param {Set<string> | null} narrow
 * @returns {any[]}
 */
function patientCandidates(ctx, type, patientId, narrow) {
  if (!narrow) return ctx.store.ofPatient(patientId, type);
  const own = ctx.store.patients.ids(patientId, type);
  const [small, large] = narrow.size < own.size ? [narrow, own] : [own, narrow];
  /** @type {any[]} */
  const out = [];
  for (const id of small) {
    if (!large.has(id)) continue;
    const r = ctx.store.get(type, id);
    if (r) out.push(r);
  }
  return out;
}

/** Sort keys per stored resource and parameter (stored resources are replaced, never changed, on write). */
const sortKeys = new WeakMap();

/** @param {SearchContext} ctx @param {any} resource @param {string} code */
function sortKey(ctx, resource, code) {
  let keys = sortKeys.get(resource);
  if (!keys) sortKeys.set(resource, (keys = new Map()));
  let key = keys.get(code);
  if (key === undefined) {
    const expression = ctx.paramsOf(resource.resourceType)[code]?.expression;
    key = expression ? JSON.stringify(ctx.core.evalFhirPath(expression, resource)) : '';
    keys.set(code, key);
  }
  return key;
}

/**
 * Sorts in place the way Medplum's MemoryRepository does (JSON of the evaluated expression, locale order).
 * @param {SearchContext} ctx @param {any[]} resources @param {{ code: string, descending?: boolean }[] | undefined} rules
 */
function sortResources(ctx, resources, rules) {
  if (!rules?.length) return resources;
  const keyed = resources.map((r) => ({ r, keys: rules.map((rule) => sortKey(ctx, r, rule.code)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < rules.length; i++) {
      const ka = a.keys[i] ?? '';
      const kb = b.keys[i] ?? '';
      const c = (ka < kb ? -1 : ka > kb ? 1 : 0) * (rules[i]?.descending ? -1 : 1);
      if (c !== 0) return c;
    }
    return 0;
  });
  keyed.forEach((k, i) => (resources[i] = k.r));
  return resources;
}


/** Medplum's verdict per stored resource and filter (stored resources are replaced, never changed, on write). */
const verdicts = new WeakMap();

/**
 * Medplum's matcher for one filter (filters of a search are ANDed), remembered per resource, so the next search of
 * the same record (another code list, the same patient filter) does not evaluate the same filter again.
 * @param {SearchContext} ctx @param {any} resource @param {{ code: string, operator: string, value: string }} filter
 */
function matchesFilter(ctx, resource, filter) {
  let known = verdicts.get(resource);
  if (!known) verdicts.set(resource, (known = new Map()));
  const key = `${filter.code}:${filter.operator}=${filter.value}`;
  let verdict = known.get(key);
  if (verdict === undefined) {
    verdict = ctx.core.matchesSearchRequest(resource, { resourceType: resource.resourceType, filters: [filter] });
    known.set(key, verdict);
  }
  return verdict;
}

/** Recent searches' ordered matches, so reading page after page costs a slice, not a new search. */
const RESULT_CACHE_SIZE = 64;

/**
 * Every match of a search, in order (cached until the next write to the store).
 * @param {SearchContext} ctx @param {string} type @param {[string, string][]} params @param {string | null} confineTo
 * @returns {any[]}
 */
export function findMatches(ctx, type, params, confineTo) {
  const key = `${confineTo ?? ''}|${type}?${toQuery(params)}`;
  const cache = (ctx.results ??= new Map());
  const hit = cache.get(key);
  if (hit && hit.generation === ctx.store.generation()) return hit.matches;
  const matches = searchNow(ctx, type, params, confineTo);
  cache.delete(key);
  cache.set(key, { generation: ctx.store.generation(), matches });
  if (cache.size > RESULT_CACHE_SIZE) cache.delete(cache.keys().next().value);
  return matches;
}

/** @param {SearchContext} ctx @param {string} type @param {[string, string][]} params @param {string | null} confineTo */
function searchNow(ctx, type, params, confineTo) {
  const request = ctx.core.parseSearchRequest(`${type}?${toQuery(params)}`);
  const filters = request.filters ?? [];
  const known = ctx.paramsOf(type);
  // Confined to a patient: her resources of the type, narrowed by a value index (a code list) before the compartment
  // check, which evaluates FHIRPath on each candidate.
  /** @type {any[] | null} */
  let confined = null;
  if (confineTo && type !== 'Patient' && ctx.compartment.has(type)) {
    const narrow = valueIndexIds(ctx, type, filters.filter((/** @type {any} */ f) => namedPatients([f], known).length === 0));
    confined = patientCandidates(ctx, type, confineTo, narrow).filter((r) => inCompartment(ctx.core, ctx.paramsOf, ctx.compartment, r, confineTo));
  } else if (confineTo) confined = compartmentCandidates(ctx, type, confineTo);
  const pool = confined ?? indexedCandidates(ctx, type, filters) ?? [...ctx.store.all(type)];
  // Reference filters (`patient=`, resolved through FHIRPath) cost most, and the pool usually satisfies them already:
  // test them last, so a non-matching code ends the check early.
  const ordered = [...filters].sort((x, y) => Number(known[x.code]?.type === 'reference') - Number(known[y.code]?.type === 'reference'));
  const matched = pool.filter((r) => ordered.every((/** @type {any} */ f) => matchesFilter(ctx, r, f)));
  return sortResources(ctx, matched, request.sortRules);
}
