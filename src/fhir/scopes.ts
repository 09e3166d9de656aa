/**
 * Reading the scope string an authorization server granted (token response `scope`). SMART v1 (`patient/X.read`,
 * `.write`, `.*`) and v2 (`patient/X.cruds` letters, `?query` restrictions) at patient/, user/ and system/ level,
 * wildcards, and the launch/identity/refresh flags.
 *
 * For display only: EHR scope strings are unreliable (Cerner trims, Epic hides offline_access, the SMART launcher
 * does not enforce them), so the app still queries a type whose scope looks missing and reports what the server
 * actually answers.
 */

export type ScopeLevel = 'patient' | 'user' | 'system';

export interface ResourceGrant {
  level: ScopeLevel;
  /** A resource type or '*'. */
  resourceType: string;
  create: boolean;
  read: boolean;
  update: boolean;
  delete: boolean;
  search: boolean;
  /** A v2 `?query` restriction, kept as written (without the '?'), e.g. "category=laboratory". */
  query?: string;
  style: 'v1' | 'v2';
  /** The scope as granted. */
  original: string;
}

export interface ParsedScopes {
  original: string;
  resources: ResourceGrant[];
  launch: boolean;
  launchPatient: boolean;
  launchEncounter: boolean;
  openid: boolean;
  fhirUser: boolean;
  profile: boolean;
  onlineAccess: boolean;
  offlineAccess: boolean;
  /** Anything not recognised above, kept as written. */
  other: string[];
}

const RESOURCE_SCOPE = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]*)\.([^?]+)(?:\?(.*))?$/;
const V2_LETTERS = /^c?r?u?d?s?$/;

function parseResourceScope(s: string): ResourceGrant | undefined {
  const m = RESOURCE_SCOPE.exec(s);
  if (!m) return undefined;
  const [, level, resourceType, perm, query] = m as unknown as [string, ScopeLevel, string, string, string | undefined];
  const base = { level, resourceType, original: s };
  if (query === undefined && (perm === 'read' || perm === 'write' || perm === '*')) {
    const r = perm !== 'write';
    const w = perm !== 'read';
    return { ...base, create: w, read: r, update: w, delete: w, search: r, style: 'v1' };
  }
  if (perm.length > 0 && V2_LETTERS.test(perm)) {
    const g: ResourceGrant = {
      ...base,
      create: perm.includes('c'),
      read: perm.includes('r'),
      update: perm.includes('u'),
      delete: perm.includes('d'),
      search: perm.includes('s'),
      style: 'v2',
    };
    if (query !== undefined) g.query = query;
    return g;
  }
  return undefined;
}

/** Parses a granted scope string; never throws (an absent or odd string gives empty grants and `other`). */
export function parseScopes(scope: string | undefined | null): ParsedScopes {
  const original = typeof scope === 'string' ? scope : '';
  const out: ParsedScopes = {
    original,
    resources: [],
    launch: false,
    launchPatient: false,
    launchEncounter: false,
    openid: false,
    fhirUser: false,
    profile: false,
    onlineAccess: false,
    offlineAccess: false,
    other: [],
  };
  for (const s of original.split(/\s+/).filter(Boolean)) {
    switch (s) {
      case 'launch':
        out.launch = true;
        continue;
      case 'launch/patient':
        out.launchPatient = true;
        continue;
      case 'launch/encounter':
        out.launchEncounter = true;
        continue;
      case 'openid':
        out.openid = true;
        continue;
      case 'fhirUser':
        out.fhirUser = true;
        continue;
      case 'profile':
        out.profile = true;
        continue;
      case 'online_access':
        out.onlineAccess = true;
        continue;
      case 'offline_access':
        out.offlineAccess = true;
        continue;
    }
    const g = parseResourceScope(s);
    if (g) out.resources.push(g);
    else out.other.push(s);
  }
  return out;
}

export type ReadAccess = 'full' | 'restricted' | 'none';

/**
 * Read access to a resource type by the granted scopes: 'full' if some grant (any level, the type or '*') allows
 * read or search without a query restriction, 'restricted' if only query-restricted grants allow it.
 */
export function readAccess(parsed: ParsedScopes, resourceType: string): ReadAccess {
  let restricted = false;
  for (const g of parsed.resources) {
    if (g.resourceType !== resourceType && g.resourceType !== '*') continue;
    if (!g.read && !g.search) continue;
    if (g.query === undefined) return 'full';
    restricted = true;
  }
  return restricted ? 'restricted' : 'none';
}

/** True when the granted scopes allow reading or searching the type (fully or restricted by a query). */
export function canRead(parsed: ParsedScopes, resourceType: string): boolean {
  return readAccess(parsed, resourceType) !== 'none';
}

export interface ScopeSummaryLine {
  resourceType: string;
  access: ReadAccess;
  /** "read", "read (only category=laboratory)", "not in the granted scopes". */
  text: string;
}

export interface ScopeSummary {
  lines: ScopeSummaryLine[];
  /** "Refresh: yes (online_access)" style notes on the session. */
  notes: string[];
}

/** A display summary of what the scopes say for the given resource types, and the session flags. */
export function summariseScopes(parsed: ParsedScopes, resourceTypes: readonly string[]): ScopeSummary {
  const lines = resourceTypes.map((t): ScopeSummaryLine => {
    const access = readAccess(parsed, t);
    if (access === 'full') return { resourceType: t, access, text: 'read' };
    if (access === 'restricted') {
      const queries = parsed.resources.filter((g) => (g.resourceType === t || g.resourceType === '*') && (g.read || g.search) && g.query !== undefined).map((g) => g.query);
      return { resourceType: t, access, text: `read (only ${queries.join(' or ')})` };
    }
    return { resourceType: t, access, text: 'not in the granted scopes' };
  });
  const notes: string[] = [];
  notes.push(
    parsed.offlineAccess ? 'Refresh: offline_access granted' : parsed.onlineAccess ? 'Refresh: online_access granted' : 'Refresh: not granted (the session ends when the access token expires)',
  );
  if (parsed.launch) notes.push('Launched from the EHR (launch)');
  else if (parsed.launchPatient) notes.push('Standalone launch with a patient picker (launch/patient)');
  if (parsed.openid && parsed.fhirUser) notes.push('User identity: openid fhirUser');
  if (parsed.other.length) notes.push(`Other scopes: ${parsed.other.join(' ')}`);
  return { lines, notes };
}
