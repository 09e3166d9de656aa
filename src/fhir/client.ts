/**
 * The one object the app uses to read from the FHIR server: `createFhirRequester(client)` wraps a fhirclient Client
 * (from FHIR.oauth2.ready()) into a FhirRequester that GETs one URL and returns its JSON (one page: paging is the
 * record loader's job).
 *
 * Why our own fetch instead of `client.request`: fhirclient keeps the token state and performs the refresh (it
 * de-duplicates concurrent refreshes and saves the new token in its sessionStorage state), and we use it for exactly
 * that (`client.state`, `client.refresh()`). But `client.request`
 *  - attaches the Authorization header to ANY absolute URL it is given (its `absolute()` passes http URLs through),
 *    and paging links come from server responses: we check the origin before the token goes anywhere;
 *  - on a 401 clears the whole launch state and does not retry with a refreshed token;
 *  - builds error messages from the full URL and response body (patient ids, names);
 *  - sends `Accept: application/json`, and may follow `next` links / resolve references depending on options.
 * So: token from `client.state.tokenResponse`, refresh through `client.refresh()`, request through fetch.
 */
import type { Reason } from '../domain/reasons';
import { fhirReason } from './fhirReasons';
import { FhirHttpError, FhirNetworkError, ForbiddenUrlError, parseRetryAfter, SessionExpiredError } from './errors';
import { facilityZoneFor, FHIRCLIENT_SMART_KEY, hasLaunchInProgress, patientBatchFor, requestTimeoutFor, type SmartConfig } from './smart';

export { FhirHttpError, SessionExpiredError, FhirNetworkError, ForbiddenUrlError, RequestTimeoutError } from './errors';

export interface FhirRequester {
  readonly serverUrl: string;
  /** `priority` orders requests in the record loader's queue (lower first); the network requester ignores it. */
  get(urlOrPath: string, options?: { signal?: AbortSignal; priority?: number }): Promise<unknown>;
}

/** The part of fhirclient's Client we use (its real Client satisfies it). */
export interface SmartClientLike {
  state: {
    serverUrl: string;
    /** Epoch seconds, set by fhirclient from expires_in (its clock: Date.now()). */
    expiresAt?: number;
    tokenResponse?: { access_token?: string; refresh_token?: string };
  };
  refresh(requestOptions?: RequestInit): Promise<unknown>;
}

export interface RequesterOptions {
  fetch?: typeof fetch;
  /** Epoch ms; defaults to Date.now, the clock fhirclient computed expiresAt with. */
  now?: () => number;
}

/** fhirclient refreshes when fewer than this many seconds are left; we do the same. */
const EXPIRY_MARGIN_S = 10;

/** Resolves a path against the server base, or checks an absolute URL is on the server's origin. */
export function resolveFhirUrl(urlOrPath: string, serverUrl: string): URL {
  const base = new URL(serverUrl.replace(/\/+$/, '') + '/');
  const s = urlOrPath.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(s)) {
    let u: URL;
    try {
      u = new URL(s);
    } catch {
      throw new ForbiddenUrlError('Refused to send a request to a malformed URL.');
    }
    if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.origin !== base.origin || u.username || u.password) throw new ForbiddenUrlError();
    return u;
  }
  if (s.startsWith('//') || s.includes('\\')) throw new ForbiddenUrlError();
  const u = new URL(s.replace(/^\/+/, ''), base);
  if (u.origin !== base.origin) throw new ForbiddenUrlError();
  return u;
}

/** "Observation search", "Patient read", "request": what was asked, without ids or parameters. */
export function describeRequest(url: URL, serverUrl: string): string {
  const basePath = new URL(serverUrl.replace(/\/+$/, '') + '/').pathname;
  const rest = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : '';
  const parts = rest.split('/').filter(Boolean);
  const type = parts[0];
  if (!type || !/^[A-Z][A-Za-z]+$/.test(type)) return 'request';
  if (parts.length === 1 || parts[1] === '_search') return `${type} search`;
  if (parts.length === 2) return `${type} read`;
  return `${type} request`;
}

function isOperationOutcome(v: unknown): v is fhir4.OperationOutcome {
  return typeof v === 'object' && v !== null && (v as { resourceType?: unknown }).resourceType === 'OperationOutcome';
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text.trim()) return undefined;
  return JSON.parse(text) as unknown;
}

/** The JSON body of a 2xx answer; FhirHttpError (with its OperationOutcome and Retry-After) for anything else. */
async function bodyOf(res: Response, what: string, now: number, signal: AbortSignal | undefined): Promise<unknown> {
  let body: unknown;
  try {
    body = await readJson(res);
  } catch {
    if (signal?.aborted) throw signal.reason;
    if (res.ok) throw new FhirHttpError(res.status, `The FHIR server's answer to the ${what} was not JSON.`, undefined, { notJson: true });
    body = undefined;
  }
  if (!res.ok) {
    const outcome = isOperationOutcome(body) ? body : undefined;
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), now);
    throw new FhirHttpError(res.status, `The FHIR server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''} to the ${what}.`, outcome, { retryAfterMs });
  }
  if (body === undefined) throw new FhirHttpError(res.status, `The FHIR server's answer to the ${what} was empty.`);
  return body;
}

/** Wraps a fhirclient Client (after FHIR.oauth2.ready()) into the app's FhirRequester. */
export function createFhirRequester(client: SmartClientLike, options: RequesterOptions = {}): FhirRequester {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? (() => Date.now());
  const serverUrl = client.state.serverUrl;

  const token = () => client.state.tokenResponse?.access_token;
  const hasRefreshToken = () => !!client.state.tokenResponse?.refresh_token;
  const isExpired = () => {
    const at = client.state.expiresAt;
    return typeof at === 'number' && at > 0 && at - EXPIRY_MARGIN_S < now() / 1000;
  };

  async function refresh(signal: AbortSignal | undefined): Promise<void> {
    if (!hasRefreshToken()) throw new SessionExpiredError();
    try {
      await client.refresh(signal ? { signal } : {});
    } catch (e) {
      if (signal?.aborted) throw e;
      throw new SessionExpiredError();
    }
    if (!token()) throw new SessionExpiredError();
  }

  async function send(url: URL, signal: AbortSignal | undefined): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/fhir+json' };
    const t = token();
    if (t) headers.authorization = `Bearer ${t}`;
    try {
      return await doFetch(url.href, { method: 'GET', headers, mode: 'cors', credentials: 'omit', ...(signal ? { signal } : {}) });
    } catch (e) {
      if (signal?.aborted || (e instanceof DOMException && e.name === 'AbortError')) throw e;
      throw new FhirNetworkError();
    }
  }

  return {
    serverUrl,
    async get(urlOrPath, opts = {}) {
      const { signal } = opts;
      const url = resolveFhirUrl(urlOrPath, serverUrl);
      const what = describeRequest(url, serverUrl);
      if (token() && isExpired()) await refresh(signal);
      let res = await send(url, signal);
      if (res.status === 401) {
        // Refresh once (if we can) and retry once; a second 401 means the session is over.
        await refresh(signal);
        res = await send(url, signal);
        if (res.status === 401) throw new SessionExpiredError();
      }
      return bodyOf(res, what, now(), signal);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Completing the launch on the app page.

/** A launch that cannot be completed, with a message a clinician can read (no stack, no patient data). */
/** Why the launch could not be completed, as a reason code (the app page words it); the message is for consoles. */
export class LaunchError extends Error {
  constructor(readonly reason: Reason) {
    super(`launch failed: ${reason.code}`);
    this.name = 'LaunchError';
  }
}

/** The part of a fhirclient Client the app page needs after FHIR.oauth2.ready(). */
export interface ReadyClientLike extends SmartClientLike {
  state: SmartClientLike['state'] & {
    tokenResponse?: SmartClientLike['state']['tokenResponse'] & { patient?: string; scope?: string; need_patient_banner?: boolean; appContext?: unknown };
  };
  /** fhirclient's Client: the `fhirUser` of the id_token ("Practitioner/123"), null without one. */
  getFhirUser?: () => string | null;
}

export interface LaunchedSessionData {
  requester: FhirRequester;
  patientId: string;
  needPatientBanner: boolean;
  /** The token response's scope string as granted (parse with parseScopes). */
  grantedScope: string;
  /** SMART appContext from the token response (e.g. a CDS Hooks card's link naming an event), when a string. */
  appContext?: string;
  /** A provider launch without a patient in context: the app opens the worklist (patientId is then ''). */
  worklist?: true;
  /** The request timeout set for this server in smart-config.json; absent means the record loader's default. */
  requestTimeoutMs?: number;
  /** The facility time zone set for this server in smart-config.json (validated IANA name); absent: none declared. */
  facilityTimeZone?: string;
  /** smart-config.json's `patientBatch` for this server (the worklist's patient lists); absent: probed. */
  patientBatch?: boolean;
}

/**
 * A launch without a patient opens the worklist when it is a provider's: user-level scopes were granted, or the
 * id_token's fhirUser is a Practitioner or PractitionerRole.
 */
export function isProviderLaunch(scope: string | undefined, fhirUser: string | null | undefined): boolean {
  if ((scope ?? '').split(/\s+/).some((s) => s.startsWith('user/'))) return true;
  return /(^|\/)(Practitioner|PractitionerRole)\/[^/]+$/.test(fhirUser ?? '');
}

export type LaunchOutcome = { kind: 'no-launch' } | { kind: 'ready'; session: LaunchedSessionData };

export interface CompleteLaunchInput {
  pageHref: string;
  /** The tab's sessionStorage (where fhirclient keeps its launch state). */
  storage: Pick<Storage, 'getItem'> | undefined;
  /** FHIR.oauth2.ready */
  ready: () => Promise<ReadyClientLike>;
  requesterOptions?: RequesterOptions;
  /**
   * The launch configuration (smart-config.json), for per-server settings. Started by the caller before ready() so
   * the two overlap; when it cannot be read, the defaults apply (it decides no trust here: the launch page did).
   */
  launchConfig?: Promise<SmartConfig>;
  /**
   * The CapabilityStatement read started by the caller before ready() (capabilityPrefetch.ts), so it overlaps the
   * token exchange; ready() then waits for it at most LAUNCH_CONFIG_WAIT_MS (the record loader reads it otherwise).
   */
  capabilityPrefetch?: Promise<unknown>;
}

/** Longest wait for the launch configuration on the app page; a stalled read must not hold the record back. */
export const LAUNCH_CONFIG_WAIT_MS = 5_000;

/** The value of `promise`, or undefined when it fails or takes longer than `ms`. */
async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([promise.catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Completes the SMART launch on the app page: 'no-launch' when the page was opened directly (nothing in the URL or
 * the tab's session), otherwise FHIR.oauth2.ready() and the session data. Throws LaunchError with a readable message.
 */
export async function completeLaunch(input: CompleteLaunchInput): Promise<LaunchOutcome> {
  const params = new URL(input.pageHref).searchParams;
  if (params.has('error')) throw new LaunchError(describeAuthorizationRefusal(params, input.storage));
  if (!hasLaunchInProgress(input.pageHref, input.storage)) return { kind: 'no-launch' };
  let client: ReadyClientLike;
  try {
    client = await input.ready();
  } catch (e) {
    throw new LaunchError(describeLaunchError(e));
  }
  if (input.capabilityPrefetch) await settledWithin(input.capabilityPrefetch, LAUNCH_CONFIG_WAIT_MS);
  const tr = client.state.tokenResponse ?? {};
  const patientId = tr.patient;
  if (!patientId && !isProviderLaunch(tr.scope, safeFhirUser(client))) {
    throw new LaunchError(fhirReason('launch.no-patient'));
  }
  const config = input.launchConfig ? await settledWithin(input.launchConfig, LAUNCH_CONFIG_WAIT_MS) : undefined;
  const requestTimeoutMs = config ? requestTimeoutFor(config, client.state.serverUrl) : undefined;
  const facilityTimeZone = config ? facilityZoneFor(config, client.state.serverUrl) : undefined;
  if (!patientId) {
    const patientBatch = config ? patientBatchFor(config, client.state.serverUrl) : undefined;
    // A provider launch (checked above): the worklist.
    return {
      kind: 'ready',
      session: {
        requester: createFhirRequester(client, input.requesterOptions),
        patientId: '',
        needPatientBanner: tr.need_patient_banner !== false,
        grantedScope: typeof tr.scope === 'string' ? tr.scope : '',
        worklist: true,
        ...(requestTimeoutMs !== undefined ? { requestTimeoutMs } : {}),
        ...(patientBatch !== undefined ? { patientBatch } : {}),
        ...(facilityTimeZone !== undefined ? { facilityTimeZone } : {}),
      },
    };
  }
  return {
    kind: 'ready',
    session: {
      requester: createFhirRequester(client, input.requesterOptions),
      patientId,
      needPatientBanner: tr.need_patient_banner !== false,
      grantedScope: typeof tr.scope === 'string' ? tr.scope : '',
      ...(typeof tr.appContext === 'string' ? { appContext: tr.appContext } : {}),
      ...(requestTimeoutMs !== undefined ? { requestTimeoutMs } : {}),
      ...(facilityTimeZone !== undefined ? { facilityTimeZone } : {}),
    },
  };
}

function safeFhirUser(client: ReadyClientLike): string | null {
  try {
    return client.getFhirUser?.() ?? null;
  } catch {
    return null;
  }
}

/**
 * An authorization error in the redirect. Its text comes from the URL, which anyone can craft: it is shown only when
 * the redirect's `state` is the launch this tab started (fhirclient's SMART_KEY and its stored state), and then
 * cleaned and shortened. Otherwise nothing from the URL is shown.
 */
export function describeAuthorizationRefusal(params: URLSearchParams, storage: Pick<Storage, 'getItem'> | undefined): Reason {
  if (!stateIsThisTabsLaunch(params.get('state'), storage)) return fhirReason('launch.state-mismatch');
  // Control characters become spaces (checked by code point: a regex range over them trips the linter's rule).
  const clean = (v: string | null, max: number) =>
    [...(v ?? '')]
      .map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? ' ' : c))
      .join('')
      .trim()
      .slice(0, max);
  const error = clean(params.get('error'), 60);
  const desc = clean(params.get('error_description'), 200);
  return fhirReason('launch.not-authorised', { error, hasDescription: desc !== '', description: desc });
}

function stateIsThisTabsLaunch(state: string | null, storage: Pick<Storage, 'getItem'> | undefined): boolean {
  if (!state || !storage) return false;
  try {
    const current = storage.getItem(FHIRCLIENT_SMART_KEY);
    // fhirclient stores the key JSON-encoded.
    const key = current === null ? null : (JSON.parse(current) as unknown);
    return key === state && storage.getItem(state) !== null;
  } catch {
    return false;
  }
}

/** Why FHIR.oauth2.ready() failed, as a reason code (no stack, no token endpoint address). */
export function describeLaunchError(e: unknown): Reason {
  if (e instanceof LaunchError) return e.reason;
  const message = e instanceof Error ? e.message : '';
  if (/No 'state' parameter found|No state found/i.test(message)) return fhirReason('launch.state-missing');
  const status = typeof e === 'object' && e !== null && typeof (e as { status?: unknown }).status === 'number' ? (e as { status: number }).status : undefined;
  if (status !== undefined) {
    // fhirclient's HttpError: "<status> <text>\nURL: <token endpoint>\n<error>: <error_description>"; keep the OAuth error only.
    const oauth = message
      .split('\n')
      .slice(1)
      .filter((l) => l.trim() && !l.startsWith('URL:'))
      .join(' ')
      .slice(0, 300);
    return fhirReason('launch.token-refused', { status, hasDetail: oauth !== '', detail: oauth });
  }
  if (e instanceof SyntaxError || /Unexpected token|is not valid JSON|JSON\.parse/i.test(message)) return fhirReason('launch.not-json');
  if (/Failed to obtain access token/i.test(message)) return fhirReason('launch.no-token');
  if (e instanceof TypeError) return fhirReason('launch.unreachable');
  return fhirReason('launch.failed');
}
