// @ts-check
/**
 * SMART App Launch authorisation server of the local sandbox: one registered public client (`lmwh-monitor`),
 * EHR and standalone launch, PKCE S256 required, single-use codes, access tokens that really expire, refresh tokens
 * only when online_access / offline_access was asked and granted, and grant variants that imitate real EHRs
 * (full, trimmed like Cerner, v1-only).
 */
import { createHash, randomBytes } from 'node:crypto';

export const CLIENT_ID = 'lmwh-monitor';
export const CLINICIAN = 'Practitioner/sandbox-clinician';
const CODE_LIFETIME_MS = 5 * 60_000;
const MAX_TOKEN_LIFETIME_S = 86_400;

/** Resource types dropped by the "trimmed" grant (as a real EHR without those APIs selected would). */
export const TRIMMED_TYPES = ['Appointment', 'ServiceRequest', 'MedicationDispense'];

/** Types a wildcard scope expands to under the trimmed grant. */
const WILDCARD_TYPES = [
  'Patient', 'Observation', 'MedicationRequest', 'Medication', 'MedicationAdministration', 'MedicationDispense',
  'MedicationStatement', 'Condition', 'Procedure', 'Encounter', 'ServiceRequest', 'Appointment', 'DiagnosticReport',
  'AllergyIntolerance', 'Immunization', 'Practitioner', 'Organization', 'CarePlan',
];

/** @typedef {'full'|'trimmed'|'v1'} GrantKind */
/** @typedef {{ tokenLifetime: number, grant: GrantKind, needPatientBanner: boolean, appContext?: string, provider?: boolean }} LaunchOptions */
/** @typedef {{ patient: string | null, options: LaunchOptions }} LaunchContext */

/**
 * A provider launch without a patient (the worklist): this EHR grants the clinician's user-level read access in place
 * of the patient-level scopes asked for, as an EHR maps a practitioner's own access.
 * @param {string[]} scopes
 */
const userLevel = (scopes) => {
  const user = scopes.map((s) => s.replace(/^patient\//, 'user/'));
  // The clinician's patient lists (List, Group), which a patient-level request does not name.
  const suffix = user.some((s) => /^user\/.*\.rs$/.test(s)) ? 'rs' : 'read';
  return [...new Set([...user, `user/List.${suffix}`, `user/Group.${suffix}`])];
};

/** @param {number} bytes */
export const randomId = (bytes = 24) => randomBytes(bytes).toString('base64url');

/** @param {string} s */
const sha256base64url = (s) => createHash('sha256').update(s).digest('base64url');

/**
 * Reads launch options from query/form parameters (`token_lifetime`, `grant`, `need_patient_banner`).
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
  };
}

/** @type {LaunchOptions} */
export const DEFAULT_OPTIONS = { tokenLifetime: 3600, grant: 'full', needPatientBanner: true };

/**
 * The scopes granted for a requested scope string under a grant variant.
 * @param {string} requested
 * @param {GrantKind} kind
 * @returns {string[]}
 */
export function grantScopes(requested, kind) {
  const tokens = requested.split(/\s+/).filter(Boolean);
  /** @type {string[]} */
  const out = [];
  for (const token of tokens) {
    const m = /^(patient|user|system)\/([A-Za-z]+|\*)\.([A-Za-z*]+)(\?.*)?$/.exec(token);
    if (!m) {
      if (kind === 'trimmed' && (token === 'online_access' || token === 'offline_access')) continue;
      if (['openid', 'fhirUser', 'profile', 'launch', 'launch/patient', 'online_access', 'offline_access'].includes(token)) out.push(token);
      continue;
    }
    const [, level, type, perm] = m;
    const isV2 = perm !== 'read' && perm !== 'write' && perm !== '*';
    let granted = token;
    if (kind === 'v1' && isV2) {
      if (!/[rs]/.test(perm ?? '')) continue;
      granted = `${level}/${type}.read`;
    }
    if (kind === 'trimmed') {
      if (TRIMMED_TYPES.includes(type ?? '')) continue;
      if (type === '*') {
        const suffix = granted.slice(granted.indexOf('.'));
        for (const t of WILDCARD_TYPES.filter((x) => !TRIMMED_TYPES.includes(x))) out.push(`${level}/${t}${suffix}`);
        continue;
      }
    }
    out.push(granted);
  }
  return [...new Set(out)];
}

/**
 * In-memory authorisation state of one sandbox process.
 * @param {{ getPatientIds: () => Promise<string[]> }} deps
 */
export function createAuthServer({ getPatientIds }) {
  /** @type {Map<string, LaunchContext>} */
  const launches = new Map();
  /** @type {Map<string, { clientId: string, redirectUri: string, challenge: string, scopes: string[], requested: string[], patient: string | null, options: LaunchOptions, expiresAt: number, used: boolean }>} */
  const codes = new Map();
  /** @type {Map<string, { scopes: string[], patient: string | null, expiresAt: number }>} */
  const accessTokens = new Map();
  /** @type {Map<string, { clientId: string, scopes: string[], patient: string | null, options: LaunchOptions }>} */
  const refreshTokens = new Map();
  /** @type {Map<string, { params: URLSearchParams, origin: string }>} */
  const pending = new Map();

  /** @param {string} origin */
  const redirectUris = (origin) => [`${origin}/app/`, `${origin}/app/index.html`];

  /**
   * Registers an EHR launch and returns its opaque id. A null patient is a provider launch (the worklist).
   * @param {string | null} patient
   * @param {LaunchOptions} options
   */
  function createLaunch(patient, options) {
    const id = randomId(18);
    launches.set(id, { patient, options });
    return id;
  }

  /**
   * @param {string} redirectUri
   * @param {Record<string, string>} params
   */
  function redirectWith(redirectUri, params) {
    const url = new URL(redirectUri);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return url.href;
  }

  /**
   * Handles GET /auth/authorize.
   * @param {URLSearchParams} params
   * @param {string} origin
   * @returns {Promise<{ kind: 'redirect', location: string } | { kind: 'error-page', status: number, message: string } | { kind: 'picker', pendingId: string, patientIds: string[] }>}
   */
  async function authorize(params, origin) {
    const clientId = params.get('client_id') ?? '';
    const redirectUri = params.get('redirect_uri') ?? '';
    if (clientId !== CLIENT_ID) return { kind: 'error-page', status: 400, message: `Unknown client_id "${clientId}". The registered client is "${CLIENT_ID}".` };
    if (!redirectUris(origin).includes(redirectUri)) {
      return { kind: 'error-page', status: 400, message: `redirect_uri "${redirectUri}" is not registered for ${CLIENT_ID} (allowed: ${redirectUris(origin).join(', ')}).` };
    }
    const state = params.get('state') ?? undefined;
    /** @param {string} error @param {string} description */
    const fail = (error, description) => ({
      kind: /** @type {const} */ ('redirect'),
      location: redirectWith(redirectUri, { error, error_description: description, ...(state !== undefined ? { state } : {}) }),
    });
    if (params.get('response_type') !== 'code') return fail('unsupported_response_type', 'response_type must be code');
    if (params.get('aud') !== `${origin}/fhir`) return fail('invalid_request', `aud must be ${origin}/fhir`);
    if (!params.get('code_challenge')) return fail('invalid_request', 'PKCE code_challenge is required');
    if (params.get('code_challenge_method') !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256');
    const requested = (params.get('scope') ?? '').split(/\s+/).filter(Boolean);
    if (requested.length === 0) return fail('invalid_scope', 'scope is required');

    const launchId = params.get('launch');
    if (launchId) {
      const launch = launches.get(launchId);
      if (!launch) return fail('invalid_request', 'Unknown or expired launch');
      return { kind: 'redirect', location: issueCode(params, launch.patient, launch.options) };
    }
    if (requested.includes('launch/patient')) {
      const pendingId = randomId(18);
      pending.set(pendingId, { params, origin });
      return { kind: 'picker', pendingId, patientIds: await getPatientIds() };
    }
    return { kind: 'redirect', location: issueCode(params, null, DEFAULT_OPTIONS) };
  }

  /**
   * Completes a standalone launch after the user picked a patient.
   * @param {string} pendingId
   * @param {string} patient
   * @returns {Promise<{ kind: 'redirect', location: string } | { kind: 'error-page', status: number, message: string }>}
   */
  async function pick(pendingId, patient) {
    const p = pending.get(pendingId);
    if (!p) return { kind: 'error-page', status: 400, message: 'This authorisation request is unknown or was already completed.' };
    if (!(await getPatientIds()).includes(patient)) return { kind: 'error-page', status: 400, message: 'Unknown patient.' };
    pending.delete(pendingId);
    return { kind: 'redirect', location: issueCode(p.params, patient, DEFAULT_OPTIONS) };
  }

  /**
   * @param {URLSearchParams} params validated authorize parameters
   * @param {string | null} patient
   * @param {LaunchOptions} options
   */
  function issueCode(params, patient, options) {
    const requested = (params.get('scope') ?? '').split(/\s+/).filter(Boolean);
    const code = randomId(24);
    codes.set(code, {
      clientId: params.get('client_id') ?? '',
      redirectUri: params.get('redirect_uri') ?? '',
      challenge: params.get('code_challenge') ?? '',
      requested,
      scopes: patient === null && options.provider ? userLevel(grantScopes(requested.join(' '), options.grant)) : grantScopes(requested.join(' '), options.grant),
      patient,
      options,
      expiresAt: Date.now() + CODE_LIFETIME_MS,
      used: false,
    });
    const state = params.get('state');
    return redirectWith(params.get('redirect_uri') ?? '', { code, ...(state !== null ? { state } : {}) });
  }

  /**
   * @param {{ scopes: string[], patient: string | null, options: LaunchOptions, clientId: string }} ctx
   * @param {string} [existingRefresh]
   */
  function tokenResponse(ctx, existingRefresh) {
    const accessToken = randomId(32);
    accessTokens.set(accessToken, { scopes: ctx.scopes, patient: ctx.patient, expiresAt: Date.now() + ctx.options.tokenLifetime * 1000 });
    /** @type {Record<string, any>} */
    const body = {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: ctx.options.tokenLifetime,
      scope: ctx.scopes.join(' '),
    };
    if (ctx.patient) body.patient = ctx.patient;
    body.need_patient_banner = ctx.options.needPatientBanner;
    // SMART's appContext: set by a CDS card's link (a string, passed through unchanged).
    if (ctx.options.appContext) body.appContext = ctx.options.appContext;
    if (ctx.scopes.includes('online_access') || ctx.scopes.includes('offline_access')) {
      const refresh = existingRefresh ?? randomId(32);
      refreshTokens.set(refresh, { clientId: ctx.clientId, scopes: ctx.scopes, patient: ctx.patient, options: ctx.options });
      body.refresh_token = refresh;
    }
    if (ctx.scopes.includes('openid') && ctx.scopes.includes('fhirUser')) {
      const now = Math.floor(Date.now() / 1000);
      const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      const payload = Buffer.from(
        JSON.stringify({ iss: 'lmwh-sandbox', sub: 'sandbox-clinician', aud: ctx.clientId, fhirUser: CLINICIAN, iat: now, exp: now + ctx.options.tokenLifetime }),
      ).toString('base64url');
      body.id_token = `${header}.${payload}.`;
    }
    return body;
  }

  /**
   * Handles POST /auth/token (form parameters).
   * @param {URLSearchParams} form
   * @returns {{ status: number, body: Record<string, any> }}
   */
  function token(form) {
    /** @param {string} error @param {string} description @param {number} [status] */
    const err = (error, description, status = 400) => ({ status, body: { error, error_description: description } });
    const grantType = form.get('grant_type');
    const clientId = form.get('client_id') ?? '';
    if (grantType === 'authorization_code') {
      if (clientId !== CLIENT_ID) return err('invalid_client', `Unknown client_id "${clientId}"`, 401);
      const code = codes.get(form.get('code') ?? '');
      if (!code) return err('invalid_grant', 'Unknown authorization code');
      if (code.used) return err('invalid_grant', 'Authorization code already used');
      code.used = true;
      if (code.expiresAt < Date.now()) return err('invalid_grant', 'Authorization code expired');
      if (code.clientId !== clientId) return err('invalid_grant', 'Code was issued to another client');
      if ((form.get('redirect_uri') ?? '') !== code.redirectUri) return err('invalid_grant', 'redirect_uri differs from the authorization request');
      const verifier = form.get('code_verifier') ?? '';
      if (!verifier || sha256base64url(verifier) !== code.challenge) return err('invalid_grant', 'PKCE code_verifier does not match the code_challenge');
      return { status: 200, body: tokenResponse(code) };
    }
    if (grantType === 'refresh_token') {
      const refresh = form.get('refresh_token') ?? '';
      const ctx = refreshTokens.get(refresh);
      if (!ctx) return err('invalid_grant', 'Unknown refresh token');
      if (clientId && clientId !== ctx.clientId) return err('invalid_grant', 'Refresh token was issued to another client');
      return { status: 200, body: tokenResponse(ctx, refresh) };
    }
    return err('unsupported_grant_type', `grant_type "${grantType ?? ''}" is not supported`);
  }

  /**
   * Checks a bearer token.
   * @param {string | undefined} authorization the Authorization header
   * @returns {{ ok: true, grant: { patient?: string, scopes: string[] } } | { ok: false, reason: string }}
   */
  function checkBearer(authorization) {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!m) return { ok: false, reason: 'No Bearer access token' };
    const t = accessTokens.get(m[1] ?? '');
    if (!t) return { ok: false, reason: 'Unknown access token' };
    if (t.expiresAt <= Date.now()) {
      accessTokens.delete(m[1] ?? '');
      return { ok: false, reason: 'Access token expired' };
    }
    return { ok: true, grant: t.patient ? { patient: t.patient, scopes: t.scopes } : { scopes: t.scopes } };
  }

  return { createLaunch, authorize, pick, token, checkBearer, redirectUris };
}
