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

/** Value indexes per type and search parameter, built on first use and kept current on writes. */
class ValueIndexes {
  /** @param {any} core @param {(type: string) => Record<string, any>} paramsOf */
  constructor(core, paramsOf) {
    this.core = core;
    this.paramsOf = paramsOf;
    /** @type {Map<string, ValueIndex>} `Type|code` -> value index */
    this.indexes = new Map();
  }

  /** @param {ValueIndex} index @param {string} code @param {any} resource */
  add(index, code, resource) {
    const expression = this.paramsOf(resource.resourceType)[code]?.expression;
    // Lower case: Medplum's token match ignores case, so the index must not be stricter than the matcher.
    const keys = expression ? this.core.evalFhirPath(expression, resource).flatMap(valueKeys).map((/** @type {string} */ k) => k.toLowerCase()) : [];
    for (const k of keys) {
      let ids = index.values.get(k);
      if (!ids) index.values.set(k, (ids = new Set()));
      ids.add(resource.id);
    }
    index.keysOf.set(resource.id, keys);
  }

  /** Keeps the built indexes of a type current after a write. @param {string} type @param {string} id @param {any} [resource] */
  update(type, id, resource) {
    for (const [key, index] of this.indexes) {
      if (!key.startsWith(`${type}|`)) continue;
      for (const k of index.keysOf.get(id) ?? []) index.values.get(k)?.delete(id);
      index.keysOf.delete(id);
      if (resource) this.add(index, key.slice(type.length + 1), resource);
    }
  }

  /**
   * Ids of a type whose search parameter has one of the values.
   * @param {string} type @param {string} code @param {string[]} values @param {Iterable<any>} all resources of the type
   * @returns {Set<string>}
   */
  lookup(type, code, values, all) {
    const key = `${type}|${code}`;
    let index = this.indexes.get(key);
    if (!index) {
      index = { values: new Map(), keysOf: new Map() };
      for (const r of all) this.add(index, code, r);
      this.indexes.set(key, index);
    }
    /** @type {Set<string>} */
    const out = new Set();
    for (const v of values) for (const id of index.values.get(v.toLowerCase()) ?? []) out.add(id);
    return out;
  }
}

/** Per patient and type: the ids of every resource that refers to the patient. */
class PatientIndex {
  constructor() {
    /** @type {Map<string, Map<string, Set<string>>>} patient id -> type -> ids */
    this.byPatient = new Map();
    /** @type {Map<string, Set<string>>} `Type/id` -> patient ids it was indexed under */
    this.patientsOfKey = new Map();
  }

  /** @param {any} resource */
  add(resource) {
    const { resourceType: type, id } = resource;
    const patients = referencedPatients(resource);
    for (const p of patients) {
      let types = this.byPatient.get(p);
      if (!types) this.byPatient.set(p, (types = new Map()));
      let ids = types.get(type);
      if (!ids) types.set(type, (ids = new Set()));
      ids.add(id);
    }
    this.patientsOfKey.set(`${type}/${id}`, patients);
  }

  /** @param {string} type @param {string} id */
  remove(type, id) {
    for (const p of this.patientsOfKey.get(`${type}/${id}`) ?? []) this.byPatient.get(p)?.get(type)?.delete(id);
    this.patientsOfKey.delete(`${type}/${id}`);
  }

  /** @param {string} patientId @param {string} type */
  ids(patientId, type) {
    return this.byPatient.get(patientId)?.get(type) ?? new Set();
  }
}

/** The store: resources by type and id, the patient index and the value indexes. */
export class Store {
  /** @param {any} core @medplum/core @param {(type: string) => Record<string, any>} paramsOf */
  constructor(core, paramsOf) {
    /** @type {Map<string, Map<string, any>>} */
    this.byType = new Map();
    this.patients = new PatientIndex();
    this.values = new ValueIndexes(core, paramsOf);
    this.versionCounter = 0;
    /** Bumped on every write: cached search results of an older generation are stale. */
    this.generationCounter = 0;
  }

  /** @param {string} type */
  typeMap(type) {
    let m = this.byType.get(type);
    if (!m) this.byType.set(type, (m = new Map()));
    return m;
  }

  /**
   * Stores a resource under its id (update or create), with a new meta.versionId and meta.lastUpdated.
   * @param {any} resource with resourceType and id
   * @returns {any} the stored resource
   */
  put(resource) {
    const stored = { ...resource, meta: { ...(resource.meta ?? {}), versionId: String(++this.versionCounter), lastUpdated: new Date().toISOString() } };
    const { resourceType: type, id } = stored;
    this.generationCounter++;
    this.patients.remove(type, id);
    this.typeMap(type).set(id, stored);
    this.patients.add(stored);
    this.values.update(type, id, stored);
    return stored;
  }

  /** @param {string} type @param {string} id @returns {boolean} whether it existed */
  remove(type, id) {
    this.generationCounter++;
    const existed = this.typeMap(type).delete(id);
    this.patients.remove(type, id);
    this.values.update(type, id);
    return existed;
  }

  /** @param {string} type @param {string} id */
  get(type, id) {
    return this.byType.get(type)?.get(id);
  }

  /** @param {string} type @returns {Iterable<any>} */
  all(type) {
    return this.byType.get(type)?.values() ?? [];
  }

  /** @param {string} patientId @param {string} type @returns {any[]} resources of that type referring to the patient */
  ofPatient(patientId, type) {
    const m = this.typeMap(type);
    return [...this.patients.ids(patientId, type)].map((id) => m.get(id)).filter(Boolean);
  }

  /** @param {string} type @param {string} code @param {string[]} values @returns {Set<string>} */
  idsWithValue(type, code, values) {
    return this.values.lookup(type, code, values, this.all(type));
  }

  generation() {
    return this.generationCounter;
  }
}

/** @param {any} core @medplum/core @param {(type: string) => Record<string, any>} paramsOf */
export const createStore = (core, paramsOf) => new Store(core, paramsOf);
