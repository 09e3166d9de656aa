// @ts-check
/**
 * The engine's in-memory store with the indexes a real FHIR server keeps, so a search costs time in proportion to
 * its candidates, not to the store:
 * - by type and id;
 * - per patient and type: every resource that refers to the patient (the compartment's candidates);
 * - per type and token/reference search parameter, built on first use and kept up to date: value -> ids (for
 *   cross-patient searches such as `MedicationRequest?status=active&code=...`, `Group?member=...`, `List?code=...`).
 * The indexes only choose candidates; Medplum's matcher decides each match, so results equal a full scan's.
 */
import { referencedPatients } from './compartment.mjs';

/** @typedef {{ values: Map<string, Set<string>>, keysOf: Map<string, string[]> }} ValueIndex */

/**
 * Index keys of one evaluated search-parameter value: `code`, `system|code` and `|code` for tokens, the reference
 * string for references, the plain string otherwise.
 * @param {any} v
 * @returns {string[]}
 */
function valueKeys(v) {
  if (v === null || v === undefined) return [];
  if (typeof v !== 'object') return [String(v)];
  if (typeof v.reference === 'string') return [v.reference];
  if (Array.isArray(v.coding)) return v.coding.flatMap(valueKeys);
  if (typeof v.code === 'string' || typeof v.value === 'string') {
    const code = String(v.code ?? v.value);
    return v.system ? [code, `${v.system}|${code}`] : [code, `|${code}`];
  }
  return [];
}

/**
 * @param {any} core @medplum/core
 * @param {(type: string) => Record<string, any>} paramsOf
 */
export function createStore(core, paramsOf) {
  /** @type {Map<string, Map<string, any>>} */
  const byType = new Map();
  /** @type {Map<string, Map<string, Set<string>>>} patient id -> type -> ids */
  const byPatient = new Map();
  /** @type {Map<string, Set<string>>} `Type/id` -> patient ids it was indexed under */
  const patientsOfKey = new Map();
  /** @type {Map<string, ValueIndex>} `Type|code` -> value index */
  const valueIndexes = new Map();
  let versionCounter = 0;
  /** Bumped on every write: cached search results of an older generation are stale. */
  let generation = 0;

  /** @param {string} type */
  const typeMap = (type) => {
    let m = byType.get(type);
    if (!m) byType.set(type, (m = new Map()));
    return m;
  };

  /** @param {string} type @param {string} id @param {Set<string>} patients */
  function indexPatients(type, id, patients) {
    for (const p of patients) {
      let types = byPatient.get(p);
      if (!types) byPatient.set(p, (types = new Map()));
      let ids = types.get(type);
      if (!ids) types.set(type, (ids = new Set()));
      ids.add(id);
    }
    patientsOfKey.set(`${type}/${id}`, patients);
  }

  /** @param {string} type @param {string} id */
  function unindexPatients(type, id) {
    for (const p of patientsOfKey.get(`${type}/${id}`) ?? []) byPatient.get(p)?.get(type)?.delete(id);
    patientsOfKey.delete(`${type}/${id}`);
  }

  /** @param {ValueIndex} index @param {string} code @param {any} resource */
  function addToValueIndex(index, code, resource) {
    const expression = paramsOf(resource.resourceType)[code]?.expression;
    const keys = expression ? core.evalFhirPath(expression, resource).flatMap(valueKeys).map((/** @type {string} */ k) => k.toLowerCase()) : [];
    for (const k of keys) {
      // Lower case: Medplum's token match ignores case, so the index must not be stricter than the matcher.
      let ids = index.values.get(k);
      if (!ids) index.values.set(k, (ids = new Set()));
      ids.add(resource.id);
    }
    index.keysOf.set(resource.id, keys);
  }

  /** @param {ValueIndex} index @param {string} id */
  function removeFromValueIndex(index, id) {
    for (const k of index.keysOf.get(id) ?? []) index.values.get(k)?.delete(id);
    index.keysOf.delete(id);
  }

  /** Keeps the built value indexes of a type current after a write. @param {string} type @param {string} id @param {any} [resource] */
  function reindexValues(type, id, resource) {
    for (const [key, index] of valueIndexes) {
      if (!key.startsWith(`${type}|`)) continue;
      removeFromValueIndex(index, id);
      if (resource) addToValueIndex(index, key.slice(type.length + 1), resource);
    }
  }

  /**
   * Stores a resource under its id (update or create), with a new meta.versionId and meta.lastUpdated.
   * @param {any} resource with resourceType and id
   * @returns {any} the stored resource
   */
  function put(resource) {
    const stored = { ...resource, meta: { ...(resource.meta ?? {}), versionId: String(++versionCounter), lastUpdated: new Date().toISOString() } };
    const { resourceType: type, id } = stored;
    generation++;
    unindexPatients(type, id);
    typeMap(type).set(id, stored);
    indexPatients(type, id, referencedPatients(stored));
    reindexValues(type, id, stored);
    return stored;
  }

  /** @param {string} type @param {string} id @returns {boolean} whether it existed */
  function remove(type, id) {
    generation++;
    const existed = typeMap(type).delete(id);
    unindexPatients(type, id);
    reindexValues(type, id);
    return existed;
  }

  /** @param {string} type @param {string} id */
  const get = (type, id) => byType.get(type)?.get(id);

  /** @param {string} type @returns {Iterable<any>} */
  const all = (type) => byType.get(type)?.values() ?? [];

  /** @param {string} type */
  const count = (type) => byType.get(type)?.size ?? 0;

  /** @param {string} patientId @param {string} type @returns {any[]} resources of that type referring to the patient */
  function ofPatient(patientId, type) {
    const ids = byPatient.get(patientId)?.get(type);
    if (!ids) return [];
    const m = typeMap(type);
    return [...ids].map((id) => m.get(id)).filter(Boolean);
  }

  /**
   * Ids of a type whose search parameter has one of the values (index built on first use).
   * @param {string} type @param {string} code @param {string[]} values
   * @returns {Set<string>}
   */
  function idsWithValue(type, code, values) {
    const key = `${type}|${code}`;
    let index = valueIndexes.get(key);
    if (!index) {
      index = { values: new Map(), keysOf: new Map() };
      for (const r of all(type)) addToValueIndex(index, code, r);
      valueIndexes.set(key, index);
    }
    /** @type {Set<string>} */
    const out = new Set();
    for (const v of values) for (const id of index.values.get(v.toLowerCase()) ?? []) out.add(id);
    return out;
  }

  return { put, remove, get, all, count, ofPatient, idsWithValue, generation: () => generation };
}
