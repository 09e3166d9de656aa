/**
 * SMART launch configuration and decisions, as pure functions (no redirect, no storage): which FHIR servers the app
 * will launch against (public/smart-config.json), the scopes it asks for, and the fhirclient authorize options.
 * The launch page (launch/) only wires these to the URL, the network and FHIR.oauth2.authorize.
 *
 * Safety: an EHR launch carries an `iss` chosen by whoever wrote the link. Only a configured iss is followed, so a
 * forged link cannot send the clinician (and the authorization code) to a stranger's server.
 */
import type { fhirclient } from 'fhirclient/lib/types';

export type ScopeStyle = 'v1' | 'v2';
export type IssMatch = { exact: string } | { regex: string };

export interface ServerEntry {
  id: string;
  /** Human label shown on the launch pages. */
  label: string;
  issMatch: IssMatch;
  clientId: string;
  scopeStyle: ScopeStyle;
  /**
   * ms the record loader waits for one answer from this server before it names the part as not answered (default
   * 15,000, the loader's own). For an EHR known to be slow; bounded by REQUEST_TIMEOUT_RANGE_MS.
   */
  requestTimeoutMs?: number;
  /**
   * The facility's IANA time zone for this EHR (e.g. "Europe/London"): wall-clock times in its records are read in it.
   * Absent: the user's choice, else the browser's.
   */
  facilityTimeZone?: string;
  /**
   * Whether this server takes several patients in one search (`patient=a,b,c`) for the worklist: true or false
   * decides; absent, the worklist probes it once (src/fhir/cohortRows.ts).
   */
  patientBatch?: boolean;
}

/** Allowed requestTimeoutMs: long enough for a real answer, short enough that a stalled part is named. */
export const REQUEST_TIMEOUT_RANGE_MS = { min: 1_000, max: 120_000 } as const;

export interface SmartConfig {
  /** For a server the user typed in and explicitly trusted on the standalone form. */
  defaults: { clientId: string; scopeStyle: ScopeStyle };
  servers: ServerEntry[];
}

/**
 * One problem of smart-config.json, as a code with its data (the launch page words it: `launch.config.<code>`).
 * `server` names the entry: its id, or its 1-based position when it has no id.
 */
export type ConfigProblemCode =
  | 'not-object'
  | 'defaults'
  | 'servers-not-list'
  | 'server-not-object'
  | 'id-missing'
  | 'id-twice'
  | 'label-missing'
  | 'client-id-missing'
  | 'scope-style'
  | 'request-timeout'
  | 'facility-zone'
  | 'patient-batch'
  | 'exact-not-url'
  | 'regex-unanchored'
  | 'regex-invalid'
  | 'iss-match-shape';
export interface ConfigProblem {
  code: ConfigProblemCode;
  server?: { id: string } | { index: number };
}

export type ConfigResult = { ok: true; config: SmartConfig } | { ok: false; errors: ConfigProblem[] };

/** Patient-level read access the app asks for, one resource type each. */
export const READ_RESOURCE_TYPES = [
  'Patient',
  'Observation',
  'MedicationRequest',
  'MedicationAdministration',
  'MedicationStatement',
  'MedicationDispense',
  'Medication',
  'Procedure',
  'ServiceRequest',
  'Appointment',
  'Encounter',
  'Condition',
  'AllergyIntolerance',
  'DiagnosticReport',
] as const;

/** The client id placeholders in smart-config.json start with this; such a server is not launchable yet. */
export const PLACEHOLDER_PREFIX = 'REPLACE_';

export const isPlaceholderClientId = (clientId: string): boolean => clientId.trim() === '' || clientId.startsWith(PLACEHOLDER_PREFIX);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStyle = (v: unknown): v is ScopeStyle => v === 'v1' || v === 'v2';

/**
 * Checks the JSON of smart-config.json. Every problem is listed (by entry index/id, never silently dropped); a regex
 * must be anchored (^...$) so that it cannot match a URL that merely contains a trusted one.
 */
export function validateSmartConfig(json: unknown): ConfigResult {
  if (!isRecord(json)) return { ok: false, errors: [{ code: 'not-object' }] };
  const errors: ConfigProblem[] = [];
  const defaults = readDefaults(json.defaults);
  if (!defaults) errors.push({ code: 'defaults' });
  if (!Array.isArray(json.servers)) errors.push({ code: 'servers-not-list' });
  const servers: ServerEntry[] = [];
  const seen = new Set<string>();
  (Array.isArray(json.servers) ? json.servers : []).forEach((raw: unknown, i: number) => {
    const entry = readServer(raw, i, seen);
    if ('problems' in entry) errors.push(...entry.problems);
    else {
      seen.add(entry.server.id);
      servers.push(entry.server);
    }
  });
  if (errors.length || !defaults) return { ok: false, errors };
  return { ok: true, config: { defaults, servers } };
}

function readDefaults(d: unknown): SmartConfig['defaults'] | undefined {
  if (!isRecord(d) || typeof d.clientId !== 'string' || d.clientId.trim() === '' || !isStyle(d.scopeStyle)) return undefined;
  return { clientId: d.clientId, scopeStyle: d.scopeStyle };
}

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** One server entry, or every problem it has (`seen`: the ids of the entries accepted before it). */
function readServer(s: unknown, index: number, seen: ReadonlySet<string>): { server: ServerEntry } | { problems: ConfigProblem[] } {
  const where: ConfigProblem['server'] = isRecord(s) && typeof s.id === 'string' ? { id: s.id } : { index: index + 1 };
  if (!isRecord(s)) return { problems: [{ code: 'server-not-object', server: where }] };
  const codes: ConfigProblemCode[] = [...fieldProblems(s, seen), ...optionProblems(s)];
  const issMatch = readIssMatch(s.issMatch);
  if (typeof issMatch === 'string') codes.push(issMatch);
  if (codes.length > 0) return { problems: codes.map((code) => ({ code, server: where })) };
  const { requestTimeoutMs: timeout, facilityTimeZone: tz } = s;
  return {
    server: {
      id: s.id as string,
      label: s.label as string,
      issMatch: issMatch as IssMatch,
      clientId: s.clientId as string,
      scopeStyle: s.scopeStyle as ScopeStyle,
      ...(typeof timeout === 'number' ? { requestTimeoutMs: timeout } : {}),
      ...(typeof tz === 'string' ? { facilityTimeZone: tz } : {}),
      ...(typeof s.patientBatch === 'boolean' ? { patientBatch: s.patientBatch } : {}),
    },
  };
}

/** The required fields: id (once), label, client id, scope style. */
function fieldProblems(s: Record<string, unknown>, seen: ReadonlySet<string>): ConfigProblemCode[] {
  const out: ConfigProblemCode[] = [];
  if (!nonEmpty(s.id)) out.push('id-missing');
  else if (seen.has(s.id)) out.push('id-twice');
  if (!nonEmpty(s.label)) out.push('label-missing');
  if (!nonEmpty(s.clientId)) out.push('client-id-missing');
  if (!isStyle(s.scopeStyle)) out.push('scope-style');
  return out;
}

/** The optional settings: a request timeout within REQUEST_TIMEOUT_RANGE_MS, an IANA facility zone, patient lists. */
function optionProblems(s: Record<string, unknown>): ConfigProblemCode[] {
  const out: ConfigProblemCode[] = [];
  const timeout = s.requestTimeoutMs;
  const { min, max } = REQUEST_TIMEOUT_RANGE_MS;
  if (timeout !== undefined && (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < min || timeout > max)) out.push('request-timeout');
  const tz = s.facilityTimeZone;
  if (tz !== undefined && (typeof tz !== 'string' || !isIanaZone(tz))) out.push('facility-zone');
  if (s.patientBatch !== undefined && typeof s.patientBatch !== 'boolean') out.push('patient-batch');
  return out;
}

/** `{"exact": "<http(s) url>"}` or `{"regex": "^...$"}` (anchored, compilable), or the problem with it. */
function readIssMatch(m: unknown): IssMatch | ConfigProblemCode {
  if (isRecord(m) && typeof m.exact === 'string' && m.regex === undefined) return parseHttpUrl(m.exact) ? { exact: m.exact } : 'exact-not-url';
  if (!isRecord(m) || typeof m.regex !== 'string' || m.exact !== undefined) return 'iss-match-shape';
  if (!m.regex.startsWith('^') || !m.regex.endsWith('$')) return 'regex-unanchored';
  try {
    new RegExp(m.regex);
    return { regex: m.regex };
  } catch {
    return 'regex-invalid';
  }
}

/** Why the launch configuration cannot be used: not loaded (HTTP status), unreadable, or invalid (its problems). */
export type SmartConfigFailure = { kind: 'http'; status: number } | { kind: 'unreadable' } | { kind: 'invalid' };

export class SmartConfigError extends Error {
  constructor(
    readonly failure: SmartConfigFailure,
    readonly details: ConfigProblem[] = [],
  ) {
    // The message is for developers' consoles; the launch page words the failure from its kind.
    super(`smart-config.json: ${failure.kind}${failure.kind === 'http' ? ` ${failure.status}` : ''}`);
    this.name = 'SmartConfigError';
  }
}

/** Fetches and validates smart-config.json; throws SmartConfigError saying why it cannot be used. */
export async function loadSmartConfig(url: string | URL, fetchImpl: typeof fetch = fetch): Promise<SmartConfig> {
  let json: unknown;
  try {
    const res = await fetchImpl(String(url), { headers: { accept: 'application/json' }, cache: 'no-cache' });
    if (!res.ok) throw new SmartConfigError({ kind: 'http', status: res.status });
    json = await res.json();
  } catch (e) {
    if (e instanceof SmartConfigError) throw e;
    throw new SmartConfigError({ kind: 'unreadable' });
  }
  const r = validateSmartConfig(json);
  if (!r.ok) throw new SmartConfigError({ kind: 'invalid' }, r.errors);
  return r.config;
}

/** An http(s) URL without credentials, or undefined. */
export function parseHttpUrl(value: string): URL | undefined {
  try {
    const u = new URL(value.trim());
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    if (u.username || u.password) return undefined;
    return u;
  } catch {
    return undefined;
  }
}

const stripSlash = (s: string) => s.trim().replace(/\/+$/, '');

/** Does this entry match the iss (exact match ignores trailing slashes; a regex is tested as written)? */
export function issMatches(entry: ServerEntry, iss: string): boolean {
  if ('exact' in entry.issMatch) return stripSlash(entry.issMatch.exact) === stripSlash(iss);
  return new RegExp(entry.issMatch.regex).test(iss.trim());
}

/** The configured entry for an iss, or undefined (first match wins). */
export function findServer(config: SmartConfig, iss: string): ServerEntry | undefined {
  return config.servers.find((s) => issMatches(s, iss));
}

/** The request timeout configured for the server the launch ended on, or undefined (the loader's default). */
export function requestTimeoutFor(config: SmartConfig, serverUrl: string): number | undefined {
  return findServer(config, serverUrl)?.requestTimeoutMs;
}

/** Whether the server the launch ended on takes several patients per search (configured), or undefined (probe). */
export function patientBatchFor(config: SmartConfig, serverUrl: string): boolean | undefined {
  return findServer(config, serverUrl)?.patientBatch;
}

/** The facility time zone configured for the server the launch ended on, or undefined. */
export function facilityZoneFor(config: SmartConfig, serverUrl: string): string | undefined {
  return findServer(config, serverUrl)?.facilityTimeZone;
}

/** Whether Intl knows the zone (no domain import: the launch page stays small). */
function isIanaZone(zone: string): boolean {
  if (zone.trim() === '' || zone !== zone.trim()) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** fhirclient's own issMatch form of an entry (string = exact, RegExp), for the authorize options. */
export function toFhirclientIssMatch(entry: ServerEntry): string | RegExp {
  return 'exact' in entry.issMatch ? entry.issMatch.exact : new RegExp(entry.issMatch.regex);
}

export type LaunchKind = 'ehr' | 'standalone';

/** Whose data the launch reads: one patient (the patient view) or the clinician's patients (the worklist). */
export type ScopeAudience = 'patient' | 'user';

/** The worklist's cohort collections (Epic Patient Lists are `List`s; many servers keep `Group`s). */
const COHORT_RESOURCE_TYPES = ['List', 'Group'];

/**
 * The full scope string: launch context, identity, refresh while the user is online, and read access in the server's
 * style (v1 `.read`, v2 `.rs`): `patient/` for a patient launch; `user/` (the clinician's own access, plus List and
 * Group for the cohort) for a worklist launch, which asks for no patient (`launch/patient` is left out).
 */
export function buildScope(kind: LaunchKind, style: ScopeStyle, audience: ScopeAudience = 'patient'): string {
  const suffix = style === 'v1' ? 'read' : 'rs';
  const types = audience === 'user' ? [...READ_RESOURCE_TYPES, ...COHORT_RESOURCE_TYPES] : READ_RESOURCE_TYPES;
  const context = kind === 'ehr' ? ['launch'] : audience === 'user' ? [] : ['launch/patient'];
  return [...context, 'openid', 'fhirUser', 'online_access', ...types.map((t) => `${audience}/${t}.${suffix}`)].join(' ');
}

/**
 * The app page's URL, absolute: the folder that contains the launch folder (`<origin>/app/launch/` -> `<origin>/app/`).
 * Query and fragment are dropped; it must equal a registered redirect URI exactly.
 */
export function appRedirectUri(launchPageHref: string): string {
  const u = new URL('../', launchPageHref);
  u.search = '';
  u.hash = '';
  return u.href;
}

export interface AuthorizeInput {
  iss: string;
  /** The EHR's launch id; absent for a standalone launch. */
  launch?: string;
  clientId: string;
  scopeStyle: ScopeStyle;
  launchPageHref: string;
  issMatch?: string | RegExp;
  /** A worklist launch (the EHR's launch URL carries `worklist=1`): user-level scopes instead of patient-level. */
  worklist?: boolean;
}

/**
 * Options for FHIR.oauth2.authorize.
 * - pkceMode 'unsafeV1': fhirclient then ALWAYS sends an S256 challenge. Its default 'ifSupported' silently drops
 *   PKCE when the server's metadata does not list S256 (and metadata read from a CapabilityStatement never lists it);
 *   'required' refuses such servers outright. The name means "the server may not have declared it", which is exactly
 *   the case we want covered: PKCE on every launch, never dropped.
 * - completeInTarget true: the launch completes in the window or EHR iframe it started in (the app page is loaded
 *   there by the redirect); also stops fhirclient's console warning inside iframes.
 * - redirectUri absolute (see appRedirectUri), so fhirclient does not resolve "." against the launch page.
 */
export function authorizeOptions(input: AuthorizeInput): fhirclient.AuthorizeParams {
  const kind: LaunchKind = input.launch ? 'ehr' : 'standalone';
  const opts: fhirclient.AuthorizeParams = {
    iss: input.iss,
    clientId: input.clientId,
    scope: buildScope(kind, input.scopeStyle, input.worklist ? 'user' : 'patient'),
    redirectUri: appRedirectUri(input.launchPageHref),
    pkceMode: 'unsafeV1',
    completeInTarget: true,
    target: '_self',
  };
  if (input.launch) opts.launch = input.launch;
  if (input.issMatch !== undefined) opts.issMatch = input.issMatch;
  return opts;
}

/** What the launch page does, decided from its URL alone. */
export type LaunchDecision =
  | { kind: 'authorize'; launchKind: LaunchKind; server: { label: string; iss: string }; options: fhirclient.AuthorizeParams }
  | { kind: 'refuse'; reason: RefuseReason; iss?: string; label?: string }
  | { kind: 'pick-server' };

export type RefuseReason =
  /** The iss is not one of the configured servers. */
  | 'unconfigured-iss'
  /** The server is listed but its client id is still the placeholder. */
  | 'placeholder-client-id'
  /** The iss is not an http(s) URL. */
  | 'invalid-iss'
  /** A `launch` without an `iss`. */
  | 'missing-iss'
  /** fhirclient parameters that would bypass OAuth or override the client id (fhirServiceUrl, patientId, clientId). */
  | 'unsupported-parameter';

/** URL parameters fhirclient's authorize() reads itself and that we never accept from a link. */
const FORBIDDEN_PARAMS = ['fhirServiceUrl', 'patientId', 'clientId', 'encounterId'];

/**
 * Decides the launch from the launch page URL:
 * - `iss` + `launch`: EHR launch, only to a configured server with a real client id;
 * - `iss` only: standalone launch to a configured server;
 * - nothing: show the server picker.
 * `worklist=1` (the launch URL an EHR is given for the provider-facing worklist) asks for user-level scopes: the app
 * must choose its scopes before the token says whether a patient is in context.
 */
export function decideLaunch(pageHref: string, config: SmartConfig): LaunchDecision {
  const url = new URL(pageHref);
  const p = url.searchParams;
  if (FORBIDDEN_PARAMS.some((k) => p.has(k))) return { kind: 'refuse', reason: 'unsupported-parameter' };
  const iss = p.get('iss')?.trim() ?? '';
  const launch = p.get('launch')?.trim() ?? '';
  if (!iss) return launch ? { kind: 'refuse', reason: 'missing-iss' } : { kind: 'pick-server' };
  if (!parseHttpUrl(iss)) return { kind: 'refuse', reason: 'invalid-iss', iss };
  const entry = findServer(config, iss);
  if (!entry) return { kind: 'refuse', reason: 'unconfigured-iss', iss };
  if (isPlaceholderClientId(entry.clientId)) return { kind: 'refuse', reason: 'placeholder-client-id', iss, label: entry.label };
  const options = authorizeOptions({
    iss,
    ...(launch ? { launch } : {}),
    clientId: entry.clientId,
    scopeStyle: entry.scopeStyle,
    launchPageHref: pageHref,
    issMatch: toFhirclientIssMatch(entry),
    ...(p.get('worklist') === '1' ? { worklist: true } : {}),
  });
  return { kind: 'authorize', launchKind: launch ? 'ehr' : 'standalone', server: { label: entry.label, iss }, options };
}

/** The standalone form's outcome for a server URL typed or picked by the user. */
export type StandaloneChoice =
  | { kind: 'authorize'; server: { label: string; iss: string }; options: fhirclient.AuthorizeParams }
  | { kind: 'needs-trust'; iss: string }
  | { kind: 'invalid'; problem: 'not-http-url' | 'placeholder-client-id' | 'plain-http'; label?: string };

/**
 * A standalone launch chosen on the form. A configured server is used with its own entry; any other server only
 * when the user ticked "I trust this server", with the default client id. Plain http only for a loopback host.
 */
export function decideStandalone(serverUrl: string, config: SmartConfig, trusted: boolean, launchPageHref: string): StandaloneChoice {
  const u = parseHttpUrl(serverUrl);
  if (!u) return { kind: 'invalid', problem: 'not-http-url' };
  const iss = serverUrl.trim();
  const entry = findServer(config, iss);
  if (entry) {
    if (isPlaceholderClientId(entry.clientId)) {
      return { kind: 'invalid', problem: 'placeholder-client-id', label: entry.label };
    }
    const options = authorizeOptions({ iss, clientId: entry.clientId, scopeStyle: entry.scopeStyle, launchPageHref, issMatch: toFhirclientIssMatch(entry) });
    return { kind: 'authorize', server: { label: entry.label, iss }, options };
  }
  const loopback = u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]';
  if (u.protocol !== 'https:' && !loopback) return { kind: 'invalid', problem: 'plain-http' };
  if (!trusted) return { kind: 'needs-trust', iss };
  const options = authorizeOptions({ iss, clientId: config.defaults.clientId, scopeStyle: config.defaults.scopeStyle, launchPageHref, issMatch: iss });
  return { kind: 'authorize', server: { label: u.host, iss }, options };
}

/** fhirclient's sessionStorage key that points at the current launch state. */
export const FHIRCLIENT_SMART_KEY = 'SMART_KEY';

/**
 * Is a SMART launch in progress or completed in this tab? The app page answers "how to launch" when not, instead of
 * letting fhirclient's ready() fail with a developer message. `storage` is the tab's sessionStorage.
 */
export function hasLaunchInProgress(pageHref: string, storage: Pick<Storage, 'getItem'> | undefined): boolean {
  const p = new URL(pageHref).searchParams;
  if (p.has('state') || p.has('code') || p.has('error')) return true;
  try {
    return !!storage?.getItem(FHIRCLIENT_SMART_KEY);
  } catch {
    return false;
  }
}
