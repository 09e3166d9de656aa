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
  /** The query restrictions of a 'restricted' grant ("category=laboratory"), as granted. */
  queries: string[];
}

/** A note on the session, as a code (the UI words it: `app.scopes.<code>`) and the scopes it is about, as granted. */
export interface ScopeNote {
  code: 'refresh-offline' | 'refresh-online' | 'refresh-none' | 'ehr-launch' | 'standalone-picker' | 'user-identity' | 'other-scopes';
  scopes: string[];
}

export interface ScopeSummary {
  lines: ScopeSummaryLine[];
  notes: ScopeNote[];
}

/** What the scopes say for the given resource types, and the session flags, as data for display. */
export function summariseScopes(parsed: ParsedScopes, resourceTypes: readonly string[]): ScopeSummary {
  const lines = resourceTypes.map((t): ScopeSummaryLine => {
    const access = readAccess(parsed, t);
    const queries =
      access === 'restricted'
        ? parsed.resources.filter((g) => (g.resourceType === t || g.resourceType === '*') && (g.read || g.search) && g.query !== undefined).map((g) => g.query as string)
        : [];
    return { resourceType: t, access, queries };
  });
  const notes: ScopeNote[] = [
    parsed.offlineAccess ? { code: 'refresh-offline', scopes: ['offline_access'] } : parsed.onlineAccess ? { code: 'refresh-online', scopes: ['online_access'] } : { code: 'refresh-none', scopes: [] },
  ];
  if (parsed.launch) notes.push({ code: 'ehr-launch', scopes: ['launch'] });
  else if (parsed.launchPatient) notes.push({ code: 'standalone-picker', scopes: ['launch/patient'] });
  if (parsed.openid && parsed.fhirUser) notes.push({ code: 'user-identity', scopes: ['openid', 'fhirUser'] });
  if (parsed.other.length) notes.push({ code: 'other-scopes', scopes: [...parsed.other] });
  return { lines, notes };
}
