// @ts-check
/**
 * Which of the requested scopes the sandbox grants: only what it supports and what the launch allows. No `system/`
 * scopes from an authorization code; create/update/delete only when the launch asked for writes (`write=1`);
 * grant variants imitate real EHRs (full, trimmed like Cerner, v1-only).
 */

/** Resource types dropped by the "trimmed" grant (as a real EHR without those APIs selected would). */
export const TRIMMED_TYPES = ['Appointment', 'ServiceRequest', 'MedicationDispense'];

/** Types a wildcard scope expands to under the trimmed grant. */
const WILDCARD_TYPES = [
  'Patient', 'Observation', 'MedicationRequest', 'Medication', 'MedicationAdministration', 'MedicationDispense',
  'MedicationStatement', 'Condition', 'Procedure', 'Encounter', 'ServiceRequest', 'Appointment', 'DiagnosticReport',
  'AllergyIntolerance', 'Immunization', 'Practitioner', 'Organization', 'CarePlan',
];

/** Non-resource scopes this server supports. */
export const CONTEXT_SCOPES = ['openid', 'fhirUser', 'profile', 'launch', 'launch/patient', 'online_access', 'offline_access'];

/** @typedef {'full'|'trimmed'|'v1'} GrantKind */

/**
 * The permission part a scope keeps, or null when nothing of it can be granted.
 * @param {string} perm `read`, `write`, `*` or v2 letters
 * @param {{ kind: GrantKind, write: boolean }} rules
 */
function grantedPermission(perm, { kind, write }) {
  const v1 = perm === 'read' || perm === 'write' || perm === '*';
  if (v1) {
    if (write) return perm;
    return perm === 'write' ? null : 'read';
  }
  if (!/^c?r?u?d?s?$/.test(perm) || perm === '') return null;
  const letters = write ? perm : perm.replace(/[cud]/g, '');
  if (letters === '') return null;
  if (kind === 'v1') return /[cud]/.test(letters) ? '*' : 'read';
  return letters;
}

/**
 * The scopes granted for a requested scope string.
 * @param {string} requested
 * @param {GrantKind} kind
 * @param {{ write?: boolean }} [launch] write: the launch asked for write access
 * @returns {string[]}
 */
export function grantScopes(requested, kind, launch = {}) {
  /** @type {string[]} */
  const out = [];
  for (const token of requested.split(/\s+/).filter(Boolean)) {
    const m = /^(patient|user)\/([A-Z][A-Za-z]+|\*)\.([A-Za-z*]+)(\?.*)?$/.exec(token);
    if (!m) {
      if (kind === 'trimmed' && (token === 'online_access' || token === 'offline_access')) continue;
      if (CONTEXT_SCOPES.includes(token)) out.push(token);
      continue;
    }
    const [, level, type = '', perm = ''] = m;
    const granted = grantedPermission(perm, { kind, write: launch.write === true });
    if (granted === null) continue;
    const suffix = kind === 'v1' || granted !== perm ? '' : (m[4] ?? '');
    if (kind === 'trimmed' && TRIMMED_TYPES.includes(type)) continue;
    if (kind === 'trimmed' && type === '*') {
      for (const t of WILDCARD_TYPES.filter((x) => !TRIMMED_TYPES.includes(x))) out.push(`${level}/${t}.${granted}${suffix}`);
      continue;
    }
    out.push(`${level}/${type}.${granted}${suffix}`);
  }
  return [...new Set(out)];
}
