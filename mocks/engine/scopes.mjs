// @ts-check
/** SMART scopes as the engine enforces them. */

/** @typedef {{ patient?: string, scopes: string[] }} Grant */
/** @typedef {'read'|'search'|'create'|'update'|'delete'} Interaction */
/**
 * One parsed SMART resource scope.
 * @typedef {{ level: 'patient'|'user'|'system', type: string, read: boolean, search: boolean, create: boolean, update: boolean, delete: boolean, write: boolean }} ParsedScope
 */

/** @param {'patient'|'user'|'system'} level @param {string} type @param {string} letters cruds letters */
function fromLetters(level, type, letters) {
  const create = letters.includes('c');
  const update = letters.includes('u');
  const del = letters.includes('d');
  return { level, type, read: letters.includes('r'), search: letters.includes('s'), create, update, delete: del, write: create || update || del };
}

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
  if (perm === 'read') return fromLetters(level, type, 'rs');
  if (perm === 'write') return fromLetters(level, type, 'cud');
  if (perm === '*') return fromLetters(level, type, 'cruds');
  if (/^c?r?u?d?s?$/.test(perm) && perm.length > 0) return fromLetters(level, type, perm);
  return null;
}

/**
 * Decides what a grant allows for one interaction on one resource type.
 * @param {Grant} grant
 * @param {string} type
 * @param {Interaction} action
 * @returns {{ allowed: false } | { allowed: true, patient: string | null }} patient = compartment to confine to
 */
export function authorize(grant, type, action) {
  const matching = grant.scopes
    .map(parseScope)
    .filter((s) => s && (s.type === '*' || s.type === type) && s[action]);
  if (matching.length === 0) return { allowed: false };
  if (matching.some((s) => s && s.level !== 'patient')) return { allowed: true, patient: null };
  return { allowed: true, patient: grant.patient ?? '' };
}
