// @ts-check
/**
 * Search: parameter checks (400 for what this server does not support, never a silent empty match), candidate
 * choice from the store's indexes, Medplum's matcher on each candidate, sorting and paging.
 */

export const DEFAULT_COUNT = 20;
/** Largest page this server returns whatever `_count` asks (as real servers cap it), so clients must page. */
export const MAX_COUNT = 100;

/** `_include` values this engine implements. */
export const SUPPORTED_INCLUDES = new Set([
  'MedicationRequest:medication',
  'MedicationAdministration:medication',
  'MedicationDispense:medication',
  'MedicationStatement:medication',
]);

/** Modifiers Medplum's matcher implements, by search-parameter type; any other modifier is refused with 400. */
const MODIFIERS = /** @type {Record<string, string[]>} */ ({
  token: ['missing', 'not'],
  string: ['missing', 'exact', 'contains'],
  reference: ['missing'],
  date: ['missing'],
  quantity: ['missing'],
  number: ['missing'],
  uri: ['missing'],
});

/** @typedef {{ params: [string, string][], count: number, offset: number, includes: string[], summaryCount: boolean }} PreparedSearch */

/** @param {string} value */
const nonNegative = (value) => /^\d{1,9}$/.test(value);

/**
 * Result-control parameters: each returns an error text or null after updating the prepared search.
 * @type {Record<string, (p: PreparedSearch, value: string, type: string, known: Record<string, any>) => string | null>}
 */
const CONTROL = {
  _count: (p, v) => (nonNegative(v) ? ((p.count = Math.min(Number(v), MAX_COUNT)), null) : `_count must be a non-negative integer, got "${v}"`),
  _offset: (p, v) => (nonNegative(v) ? ((p.offset = Number(v)), null) : `_offset must be a non-negative integer, got "${v}"`),
  _include: (p, v, type) => (SUPPORTED_INCLUDES.has(v) && v.startsWith(`${type}:`) ? (p.includes.push(v), null) : `Unsupported _include "${v}" for ${type}`),
  _format: () => null,
  _total: () => null,
  _summary: (p, v) => (v === 'count' || v === 'false' ? ((p.summaryCount = v === 'count'), null) : `Unsupported _summary "${v}" (only count)`),
  _sort: (p, v, type, known) => {
    for (const field of v.split(',')) {
      const f = field.replace(/^-/, '');
      if (!known[f]) return `Unknown _sort parameter "${f}" for ${type}`;
    }
    p.params.push(['_sort', v]);
    return null;
  },
};

/**
 * Checks one ordinary search parameter and rewrites references Medplum would not match: a bare id (`patient=p1`)
 * becomes `Patient/p1`, a type modifier (`subject:Patient=p1`) becomes `subject=Patient/p1`.
 * @param {string} type @param {Record<string, any>} known @param {string} rawName @param {string} value
 * @returns {{ error: string } | { param: [string, string] }}
 */
function ordinaryParam(type, known, rawName, value) {
  const [name = '', modifier] = rawName.split(':');
  const def = known[name];
  if (rawName.includes('.') || name === '_compartment' || !def || rawName.split(':').length > 2) {
    return { error: `Unknown or unsupported search parameter "${rawName}" for ${type}` };
  }
  const targets = /** @type {string[]} */ (def.target ?? []);
  if (modifier !== undefined && def.type === 'reference' && targets.includes(modifier)) {
    return { param: [name, value.split(',').map((id) => (id.includes('/') ? id : `${modifier}/${id}`)).join(',')] };
  }
  if (modifier !== undefined && !(MODIFIERS[def.type] ?? ['missing']).includes(modifier)) {
    return { error: `Unsupported search modifier ":${modifier}" on "${name}" (${def.type}) for ${type}` };
  }
  if (def.type !== 'reference' || modifier !== undefined) return { param: [rawName, value] };
  const rewritten = value
    .split(',')
    .map((part) => {
      if (!part || part.includes('/') || part.startsWith('urn:')) return part;
      if (name === 'patient' || targets.includes('Patient')) return `Patient/${part}`;
      return targets.length === 1 ? `${targets[0]}/${part}` : part;
    })
    .join(',');
  return { param: [rawName, rewritten] };
}

/**
 * Validates and rewrites a search's parameters.
 * @param {Record<string, any>} known search parameters of the type
 * @param {string} type
 * @param {URLSearchParams} query
 * @returns {{ error: string } | PreparedSearch}
 */
export function prepareSearch(known, type, query) {
  /** @type {PreparedSearch} */
  const prepared = { params: [], count: DEFAULT_COUNT, offset: 0, includes: [], summaryCount: false };
  for (const [rawName, value] of query) {
    const control = CONTROL[rawName];
    if (control) {
      const error = control(prepared, value, type, known);
      if (error) return { error };
      continue;
    }
    const r = ordinaryParam(type, known, rawName, value);
    if ('error' in r) return r;
    prepared.params.push(r.param);
  }
  return prepared;
}

/** @param {[string, string][]} params */
export const toQuery = (params) => params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

/**
 * Patient ids a search names through reference filters (`patient=Patient/x`, `member=Patient/x,Patient/y`).
 * @param {any[]} filters Medplum search filters
 * @param {Record<string, any>} known
 * @returns {string[]}
 */
export function namedPatients(filters, known) {
  /** @type {string[]} */
  const out = [];
  for (const f of filters) {
    if (f.operator !== 'eq' || known[f.code]?.type !== 'reference') continue;
    for (const v of String(f.value).split(',')) {
      const m = /^Patient\/([A-Za-z0-9\-.]{1,64})$/.exec(v);
      if (m?.[1]) out.push(m[1]);
    }
  }
  return out;
}
