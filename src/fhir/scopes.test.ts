import { describe, expect, it } from 'vitest';
import { canRead, parseScopes, readAccess, summariseScopes, type ResourceGrant } from './scopes';

type Perms = Pick<ResourceGrant, 'create' | 'read' | 'update' | 'delete' | 'search'>;
const P = (letters: string): Perms => ({
  create: letters.includes('c'),
  read: letters.includes('r'),
  update: letters.includes('u'),
  delete: letters.includes('d'),
  search: letters.includes('s'),
});

describe('parseScopes: one resource scope', () => {
  it.each<[string, Partial<ResourceGrant>]>([
    ['patient/Observation.read', { level: 'patient', resourceType: 'Observation', style: 'v1', ...P('rs') }],
    ['patient/Observation.write', { level: 'patient', resourceType: 'Observation', style: 'v1', ...P('cud') }],
    ['patient/Observation.*', { level: 'patient', resourceType: 'Observation', style: 'v1', ...P('cruds') }],
    ['user/*.read', { level: 'user', resourceType: '*', style: 'v1', ...P('rs') }],
    ['system/Patient.read', { level: 'system', resourceType: 'Patient', ...P('rs') }],
    ['patient/Observation.rs', { style: 'v2', ...P('rs') }],
    ['patient/Observation.r', { style: 'v2', ...P('r') }],
    ['patient/Observation.s', { style: 'v2', ...P('s') }],
    ['patient/Observation.cruds', { style: 'v2', ...P('cruds') }],
    ['patient/Observation.cu', { style: 'v2', ...P('cu') }],
    ['user/*.cruds', { level: 'user', resourceType: '*', style: 'v2', ...P('cruds') }],
    ['patient/Observation.rs?category=laboratory', { style: 'v2', query: 'category=laboratory', ...P('rs') }],
    [
      'patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs',
      { query: 'category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs' },
    ],
  ])('%s', (scope, expected) => {
    const p = parseScopes(scope);
    expect(p.other).toEqual([]);
    expect(p.resources).toHaveLength(1);
    expect(p.resources[0]).toMatchObject({ original: scope, ...expected });
  });

  it.each([
    'patient/Observation.sr', // v2 letters out of order
    'patient/Observation.xyz',
    'patient/Observation.',
    'patient/observation.read', // resource types start upper case
    'practitioner/Observation.read',
    'Observation.read',
    'patient/Observation.read?x=1', // a query is v2 only
  ])('%s is not a resource grant and is kept under other', (scope) => {
    const p = parseScopes(scope);
    expect(p.resources).toEqual([]);
    expect(p.other).toEqual([scope]);
  });
});

describe('parseScopes: flags', () => {
  it('reads launch, identity and refresh flags from a full EHR grant', () => {
    const p = parseScopes('launch openid fhirUser online_access patient/Patient.rs');
    expect(p).toMatchObject({ launch: true, launchPatient: false, openid: true, fhirUser: true, onlineAccess: true, offlineAccess: false, profile: false });
  });
  it('reads launch/patient, launch/encounter, profile and offline_access', () => {
    expect(parseScopes('launch/patient launch/encounter profile offline_access')).toMatchObject({
      launch: false,
      launchPatient: true,
      launchEncounter: true,
      profile: true,
      offlineAccess: true,
      resources: [],
      other: [],
    });
  });
  it.each([undefined, null, '', '   '])('%j gives no grants and no flags, without throwing', (s) => {
    const p = parseScopes(s);
    expect(p.resources).toEqual([]);
    expect(p.other).toEqual([]);
    expect(p.launch || p.onlineAccess || p.offlineAccess).toBe(false);
  });
  it('tolerates several spaces, tabs and newlines between scopes', () => {
    expect(parseScopes(' launch\tpatient/Patient.read \n openid ').resources).toHaveLength(1);
  });
});

describe('readAccess / canRead', () => {
  it.each<[string, string, 'full' | 'restricted' | 'none']>([
    ['patient/Observation.read', 'Observation', 'full'],
    ['patient/Observation.rs', 'Observation', 'full'],
    ['patient/Observation.s', 'Observation', 'full'],
    ['patient/Observation.write', 'Observation', 'none'],
    ['patient/Observation.cud', 'Observation', 'none'],
    ['patient/*.read', 'MedicationAdministration', 'full'],
    ['user/*.rs', 'Procedure', 'full'],
    ['system/Condition.read', 'Condition', 'full'],
    ['patient/Observation.rs?category=laboratory', 'Observation', 'restricted'],
    ['patient/Observation.rs?category=laboratory patient/Observation.rs', 'Observation', 'full'],
    ['patient/Observation.read', 'MedicationRequest', 'none'],
    ['launch openid fhirUser', 'Patient', 'none'],
  ])('%s -> %s: %s', (scope, type, expected) => {
    const p = parseScopes(scope);
    expect(readAccess(p, type)).toBe(expected);
    expect(canRead(p, type)).toBe(expected !== 'none');
  });
});

describe('summariseScopes', () => {
  it('trimmed grant (Cerner-style): what is missing and that the session cannot be refreshed', () => {
    const p = parseScopes('launch openid fhirUser patient/Patient.read patient/Observation.rs?category=laboratory weird');
    const s = summariseScopes(p, ['Patient', 'Observation', 'Procedure']);
    expect(s.lines).toEqual([
      { resourceType: 'Patient', access: 'full', queries: [] },
      { resourceType: 'Observation', access: 'restricted', queries: ['category=laboratory'] },
      { resourceType: 'Procedure', access: 'none', queries: [] },
    ]);
    expect(s.notes).toContainEqual({ code: 'refresh-none', scopes: [] });
    expect(s.notes).toContainEqual({ code: 'ehr-launch', scopes: ['launch'] });
    expect(s.notes).toContainEqual({ code: 'other-scopes', scopes: ['weird'] });
  });
  it('full grant with online_access: refresh granted', () => {
    const s = summariseScopes(parseScopes('launch/patient online_access patient/*.rs'), ['Observation']);
    expect(s.lines[0]?.access).toBe('full');
    expect(s.notes).toContainEqual({ code: 'refresh-online', scopes: ['online_access'] });
    expect(s.notes).toContainEqual({ code: 'standalone-picker', scopes: ['launch/patient'] });
  });
});
