// @ts-check
/**
 * SMART App Launch authorisation server of the local sandbox: one registered public client (`lmwh-monitor`), EHR
 * and standalone launch, PKCE S256 required, a fixed issuer and redirect list from the sandbox's configuration
 * (never from a request's Host header), single-use short-lived launch ids and codes (a replayed code revokes what it
 * issued), access tokens that really expire, refresh tokens only when online_access / offline_access was granted,
 * rotated on each use and bounded in time (reuse of a rotated one revokes the whole family), and an RS256 id_token.
 */
import { createHash, randomBytes } from 'node:crypto';
import { grantScopes } from './scopes-granted.mjs';

export { TRIMMED_TYPES, grantScopes } from './scopes-granted.mjs';

export const CLIENT_ID = 'lmwh-monitor';
export const CLINICIAN = 'Practitioner/sandbox-clinician';
const CODE_LIFETIME_MS = 5 * 60_000;
/** A launch id is good for one authorisation, within this time (an EHR's launch context is short-lived too). */
export const LAUNCH_LIFETIME_MS = 5 * 60_000;
/** A refresh-token family (one sign-in) ends after this time however often it is rotated. */
export const REFRESH_FAMILY_LIFETIME_MS = 8 * 3600_000;
const MAX_TOKEN_LIFETIME_S = 86_400;

/** @typedef {import('./scopes-granted.mjs').GrantKind} GrantKind */
/** @typedef {import('./faults.mjs').Fault} Fault */
/** @typedef {{ tokenLifetime: number, grant: GrantKind, needPatientBanner: boolean, write: boolean, faults: Fault[], appContext?: string, provider?: boolean }} LaunchOptions */
/** provider: a launch without a patient in context (the worklist); a practitioner user; user-level access only when asked for */
/** @typedef {{ requests: number, seenSearches: Set<string> }} LaunchState per launch, shared by its tokens (faults) */
/** @typedef {{ scopes: string[], patient: string | null, options: LaunchOptions, clientId: string, state: LaunchState }} GrantContext */
/** @typedef {{ ctx: GrantContext, current: string, expiresAt: number, revoked: boolean, accessTokens: Set<string> }} RefreshFamily */
/**
 * @typedef {{ getPatientIds: () => Promise<string[]>, issuer: string, audiences: string[], redirectUris: string[], signIdToken: (claims: Record<string, unknown>) => string }} AuthDeps
 *   issuer: the id_token issuer; audiences: accepted `aud` values (the FHIR base of each allowed origin);
 *   redirectUris: the registered redirect URIs of the client
 */

/** @param {number} bytes */
export const randomId = (bytes = 24) => randomBytes(bytes).toString('base64url');

/** @param {string} s */
const sha256base64url = (s) => createHash('sha256').update(s).digest('base64url');

/** @returns {LaunchState} */
const newLaunchState = () => ({ requests: 0, seenSearches: new Set() });

/**
 * Reads launch options from query/form parameters (`token_lifetime`, `grant`, `need_patient_banner`, `write`).
 * Faults (`fault`) are parsed by faults.mjs and added by the caller.
 * @param {URLSearchParams} params
 * @returns {LaunchOptions}
 */
export function parseLaunchOptions(params) {
  const lifetime = Number(params.get('token_lifetime') ?? '3600');
  const grant = params.get('grant');
  return {
    tokenLifetime: Number.isInteger(lifetime) && lifetime > 0 ? Math.min(lifetime, MAX_TOKEN_LIFETIME_S) : 3600,
    grant: grant === 'trimmed' || grant === 'v1' ? grant : 'full',
    needPatientBanner: params.get('need_patient_banner') !== 'false',
    write: params.get('write') === '1',
    faults: [],
  };
}

/** @type {LaunchOptions} */
export const DEFAULT_OPTIONS = { tokenLifetime: 3600, grant: 'full', needPatientBanner: true, write: false, faults: [] };

/** @param {string} redirectUri @param {Record<string, string>} params */
function redirectWith(redirectUri, params) {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.href;
}

/**
 * Checks the fixed parts of an authorize request; the refusal (page or redirect) or null.
 * @param {URLSearchParams} params @param {{ redirectUris: string[], audiences: string[] }} config
 */
function authorizeRefusal(params, { redirectUris, audiences }) {
  const clientId = params.get('client_id') ?? '';
  const redirectUri = params.get('redirect_uri') ?? '';
  if (clientId !== CLIENT_ID) return { kind: /** @type {const} */ ('error-page'), status: 400, message: `Unknown client_id "${clientId}". The registered client is "${CLIENT_ID}".` };
  if (!redirectUris.includes(redirectUri)) {
    return { kind: /** @type {const} */ ('error-page'), status: 400, message: `redirect_uri "${redirectUri}" is not registered for ${CLIENT_ID} (allowed: ${redirectUris.join(', ')}).` };
  }
  const state = params.get('state');
  /** @param {string} error @param {string} description */
  const fail = (error, description) => ({
    kind: /** @type {const} */ ('redirect'),
    location: redirectWith(redirectUri, { error, error_description: description, ...(state !== null ? { state } : {}) }),
  });
  if (params.get('response_type') !== 'code') return fail('unsupported_response_type', 'response_type must be code');
  if (!audiences.includes(params.get('aud') ?? '')) return fail('invalid_request', `aud must be ${audiences.join(' or ')}`);
  if (!params.get('code_challenge')) return fail('invalid_request', 'PKCE code_challenge is required');
  if (params.get('code_challenge_method') !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256');
  if (!(params.get('scope') ?? '').trim()) return fail('invalid_scope', 'scope is required');
  return null;
}

/**
 * The scopes granted to an authorisation: what was asked for, within the launch's rules. A provider launch without a
 * patient gets user-level access only when the app asked for `user/` scopes (patient-level scopes name no patient
 * there, and the engine refuses them).
 * @param {string} requested @param {LaunchOptions} options
 */
const grantedFor = (requested, options) => grantScopes(requested, options.grant, options);

/** @param {string} error @param {string} description @param {number} [status] */
const tokenError = (error, description, status = 400) => ({ status, body: { error, error_description: description } });

/**
 * In-memory authorisation state of one sandbox process.
 */
export class AuthServer {
  /** @param {AuthDeps} deps */
  constructor(deps) {
    this.deps = deps;
    /** @type {Map<string, { patient: string | null, options: LaunchOptions, expiresAt: number }>} */
    this.launches = new Map();
    /** @type {Map<string, any>} code -> code record */
    this.codes = new Map();
    /** @type {Map<string, { ctx: GrantContext, expiresAt: number, family: RefreshFamily | null }>} */
    this.accessTokens = new Map();
    /** @type {Map<string, RefreshFamily>} every refresh token ever issued -> its family */
    this.refreshTokens = new Map();
    /** @type {Map<string, URLSearchParams>} authorize params of a standalone launch waiting for a patient */
    this.pending = new Map();
  }

  /**
   * A null patient with `options.provider` is a provider launch (the worklist).
   * @param {string | null} patient @param {LaunchOptions} options @returns {string} opaque launch id
   */
  createLaunch(patient, options) {
    const id = randomId(18);
    this.launches.set(id, { patient, options, expiresAt: Date.now() + LAUNCH_LIFETIME_MS });
    return id;
  }

  /** @param {string} id */
  takeLaunch(id) {
    const launch = this.launches.get(id);
    this.launches.delete(id);
    return launch && launch.expiresAt > Date.now() ? launch : null;
  }

  /**
   * Handles GET /auth/authorize.
   * @param {URLSearchParams} params
   * @returns {Promise<{ kind: 'redirect', location: string } | { kind: 'error-page', status: number, message: string } | { kind: 'picker', pendingId: string, patientIds: string[] }>}
   */
  async authorize(params) {
    const refusal = authorizeRefusal(params, this.deps);
    if (refusal) return refusal;
    const launchId = params.get('launch');
    if (launchId) {
      const launch = this.takeLaunch(launchId);
      const state = params.get('state');
      if (!launch) {
        const location = redirectWith(params.get('redirect_uri') ?? '', { error: 'invalid_request', error_description: 'Unknown, used or expired launch', ...(state !== null ? { state } : {}) });
        return { kind: 'redirect', location };
      }
      return { kind: 'redirect', location: this.issueCode(params, launch.patient, launch.options) };
    }
    if ((params.get('scope') ?? '').split(/\s+/).includes('launch/patient')) {
      const pendingId = randomId(18);
      this.pending.set(pendingId, params);
      return { kind: 'picker', pendingId, patientIds: await this.deps.getPatientIds() };
    }
    return { kind: 'redirect', location: this.issueCode(params, null, DEFAULT_OPTIONS) };
  }

  /**
   * Completes a standalone launch after the user picked a patient.
   * @param {string} pendingId @param {string} patient
   * @returns {Promise<{ kind: 'redirect', location: string } | { kind: 'error-page', status: number, message: string }>}
   */
  async pick(pendingId, patient) {
    const params = this.pending.get(pendingId);
    if (!params) return { kind: 'error-page', status: 400, message: 'This authorisation request is unknown or was already completed.' };
    if (!(await this.deps.getPatientIds()).includes(patient)) return { kind: 'error-page', status: 400, message: 'Unknown patient.' };
    this.pending.delete(pendingId);
    return { kind: 'redirect', location: this.issueCode(params, patient, DEFAULT_OPTIONS) };
  }

  /** @param {URLSearchParams} params validated authorize parameters @param {string | null} patient @param {LaunchOptions} options */
  issueCode(params, patient, options) {
    const code = randomId(24);
    this.codes.set(code, {
      clientId: params.get('client_id') ?? '',
      redirectUri: params.get('redirect_uri') ?? '',
      challenge: params.get('code_challenge') ?? '',
      ctx: { scopes: grantedFor(params.get('scope') ?? '', options), patient, options, clientId: params.get('client_id') ?? '', state: newLaunchState() },
      expiresAt: Date.now() + CODE_LIFETIME_MS,
      used: false,
      issued: /** @type {{ access: string, family: RefreshFamily | null } | null} */ (null),
    });
    const state = params.get('state');
    return redirectWith(params.get('redirect_uri') ?? '', { code, ...(state !== null ? { state } : {}) });
  }

  /** @param {RefreshFamily | null} family */
  revokeFamily(family) {
    if (!family) return;
    family.revoked = true;
    for (const t of family.accessTokens) this.accessTokens.delete(t);
  }

  /**
   * Issues an access token (and a rotated refresh token when the grant allows refresh).
   * @param {GrantContext} ctx @param {RefreshFamily | null} family existing family when refreshing
   */
  tokenResponse(ctx, family) {
    const accessToken = randomId(32);
    /** @type {Record<string, any>} */
    const body = { access_token: accessToken, token_type: 'Bearer', expires_in: ctx.options.tokenLifetime, scope: ctx.scopes.join(' ') };
    if (ctx.patient) body.patient = ctx.patient;
    body.need_patient_banner = ctx.options.needPatientBanner;
    // SMART's appContext: set by a CDS card's link (a string, passed through unchanged).
    if (ctx.options.appContext) body.appContext = ctx.options.appContext;
    const refreshable = (ctx.scopes.includes('online_access') || ctx.scopes.includes('offline_access')) && !ctx.options.faults.some((f) => f.kind === 'expire-after');
    if (refreshable) {
      family ??= { ctx, current: '', expiresAt: Date.now() + REFRESH_FAMILY_LIFETIME_MS, revoked: false, accessTokens: new Set() };
      family.current = randomId(32);
      this.refreshTokens.set(family.current, family);
      family.accessTokens.add(accessToken);
      body.refresh_token = family.current;
    }
    this.accessTokens.set(accessToken, { ctx, expiresAt: Date.now() + ctx.options.tokenLifetime * 1000, family: refreshable ? family : null });
    if (ctx.scopes.includes('openid') && ctx.scopes.includes('fhirUser')) body.id_token = this.idToken(ctx);
    return { body, family: refreshable ? family : null };
  }

  /** @param {GrantContext} ctx */
  idToken(ctx) {
    const now = Math.floor(Date.now() / 1000);
    return this.deps.signIdToken({ iss: this.deps.issuer, sub: 'sandbox-clinician', aud: ctx.clientId, fhirUser: CLINICIAN, iat: now, exp: now + ctx.options.tokenLifetime });
  }

  /** @param {URLSearchParams} form */
  exchangeCode(form) {
    const clientId = form.get('client_id') ?? '';
    if (clientId !== CLIENT_ID) return tokenError('invalid_client', `Unknown client_id "${clientId}"`, 401);
    const code = this.codes.get(form.get('code') ?? '');
    if (!code) return tokenError('invalid_grant', 'Unknown authorization code');
    if (code.used) {
      // A replayed code means it leaked: what it issued is revoked (RFC 6749 section 4.1.2).
      if (code.issued) {
        this.accessTokens.delete(code.issued.access);
        this.revokeFamily(code.issued.family);
      }
      return tokenError('invalid_grant', 'Authorization code already used; the tokens it issued are revoked');
    }
    code.used = true;
    if (code.expiresAt < Date.now()) return tokenError('invalid_grant', 'Authorization code expired');
    if (code.clientId !== clientId) return tokenError('invalid_grant', 'Code was issued to another client');
    if ((form.get('redirect_uri') ?? '') !== code.redirectUri) return tokenError('invalid_grant', 'redirect_uri differs from the authorization request');
    const verifier = form.get('code_verifier') ?? '';
    if (!verifier || sha256base64url(verifier) !== code.challenge) return tokenError('invalid_grant', 'PKCE code_verifier does not match the code_challenge');
    const issued = this.tokenResponse(code.ctx, null);
    code.issued = { access: issued.body.access_token, family: issued.family };
    return { status: 200, body: issued.body };
  }

  /** @param {URLSearchParams} form */
  refresh(form) {
    const presented = form.get('refresh_token') ?? '';
    const family = this.refreshTokens.get(presented);
    const clientId = form.get('client_id') ?? '';
    if (!family) return tokenError('invalid_grant', 'Unknown refresh token');
    if (clientId && clientId !== family.ctx.clientId) return tokenError('invalid_grant', 'Refresh token was issued to another client');
    if (family.revoked) return tokenError('invalid_grant', 'Refresh token revoked');
    if (family.expiresAt <= Date.now()) return tokenError('invalid_grant', 'Refresh token expired: sign in again');
    if (presented !== family.current) {
      this.revokeFamily(family);
      return tokenError('invalid_grant', 'Refresh token already used; this sign-in is revoked');
    }
    return { status: 200, body: this.tokenResponse(family.ctx, family).body };
  }

  /**
   * Handles POST /auth/token (form parameters).
   * @param {URLSearchParams} form
   * @returns {{ status: number, body: Record<string, any> }}
   */
  token(form) {
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') return this.exchangeCode(form);
    if (grantType === 'refresh_token') return this.refresh(form);
    return tokenError('unsupported_grant_type', `grant_type "${grantType ?? ''}" is not supported`);
  }

  /**
   * Checks a bearer token.
   * @param {string | undefined} authorization the Authorization header
   * @returns {{ ok: true, grant: { patient?: string, scopes: string[] }, launch: { options: LaunchOptions, state: LaunchState }, revoke: () => void } | { ok: false, reason: string }}
   */
  checkBearer(authorization) {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    const key = m?.[1] ?? '';
    const t = this.accessTokens.get(key);
    if (!m) return { ok: false, reason: 'No Bearer access token' };
    if (!t) return { ok: false, reason: 'Unknown access token' };
    if (t.expiresAt <= Date.now()) {
      this.accessTokens.delete(key);
      return { ok: false, reason: 'Access token expired' };
    }
    const { ctx } = t;
    const grant = ctx.patient ? { patient: ctx.patient, scopes: ctx.scopes } : { scopes: ctx.scopes };
    return { ok: true, grant, launch: { options: ctx.options, state: ctx.state }, revoke: () => this.accessTokens.delete(key) };
  }

  redirectUris() {
    return this.deps.redirectUris;
  }
}

/** @param {AuthDeps} deps */
export const createAuthServer = (deps) => new AuthServer(deps);
