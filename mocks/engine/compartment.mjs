// @ts-check
/**
 * The R4 Patient compartment (CompartmentDefinition/patient): which search parameters put a resource of each type
 * into a patient's compartment. A patient-level token sees and writes only resources in its patient's compartment
 * (Group by `member`, Schedule by `actor`, Appointment by `actor`, ... as the definition says).
 */

/**
 * @param {any} definition the CompartmentDefinition resource
 * @returns {Map<string, string[]>} resource type -> compartment search parameter codes
 */
export function compartmentParams(definition) {
  /** @type {Map<string, string[]>} */
  const map = new Map();
  for (const r of definition.resource ?? []) {
    if (Array.isArray(r.param) && r.param.length > 0) map.set(r.code, r.param);
  }
  return map;
}

const PATIENT_REF = /^(?:.*\/)?Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/.*)?$/;

/**
 * Every patient id a resource refers to anywhere (a superset of its compartment, used only to find candidates;
 * membership itself is decided by `inCompartment`).
 * @param {any} resource
 * @returns {Set<string>}
 */
export function referencedPatients(resource) {
  /** @type {Set<string>} */
  const out = new Set();
  if (resource.resourceType === 'Patient' && resource.id) out.add(String(resource.id));
  /** @type {any[]} */
  const stack = [resource];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const item of node) if (item && typeof item === 'object') stack.push(item);
      continue;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'reference' && typeof value === 'string') {
        const m = PATIENT_REF.exec(value);
        if (m?.[1]) out.add(m[1]);
      } else if (value && typeof value === 'object') stack.push(value);
    }
  }
  return out;
}

/**
 * True when the resource is in the compartment of the patient, by the definition's parameters.
 * @param {any} core @medplum/core
 * @param {(type: string) => Record<string, any>} paramsOf search parameters of a type
 * @param {Map<string, string[]>} compartment
 * @param {any} resource
 * @param {string} patientId
 */
export function inCompartment(core, paramsOf, compartment, resource, patientId) {
  const type = resource.resourceType;
  if (type === 'Patient') return resource.id === patientId;
  const codes = compartment.get(type);
  if (!codes) return false;
  const params = paramsOf(type);
  const want = `Patient/${patientId}`;
  for (const code of codes) {
    const expression = params[code]?.expression;
    if (!expression) continue;
    for (const value of core.evalFhirPath(expression, resource)) {
      const ref = typeof value === 'string' ? value : value?.reference;
      if (typeof ref === 'string' && (ref === want || ref.endsWith(`/${want}`))) return true;
    }
  }
  return false;
}
