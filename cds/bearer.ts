/**
 * The EHR's JWT bearer (CDS Hooks 2.0 "Trusting CDS Clients"): signed by a key in the JWKS of an allow-listed
 * issuer, `aud` equal to this service's URL, not expired, and a `jti` not seen before (kept until its `exp`).
 * Verification is jose's; the allow-list maps each trusted `iss` to its JWKS URL. A `jku` header is accepted only
 * when it is that configured URL (a token never chooses where its own keys come from).
 */
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTVerifyGetKey } from 'jose';

export interface TrustedIssuer {
  iss: string;
  jwksUrl: string;
}

export type BearerCheck = { ok: true; iss: string } | { ok: false; reason: string };

export interface BearerVerifier {
  verify(authorization: string | undefined, audience: string): Promise<BearerCheck>;
}

const ALGORITHMS = ['ES256', 'ES384', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384'];

export function createBearerVerifier(issuers: TrustedIssuer[], options: { now?: () => number; keySets?: Map<string, JWTVerifyGetKey> } = {}): BearerVerifier {
  const now = options.now ?? (() => Date.now());
  const keySets = options.keySets ?? new Map<string, JWTVerifyGetKey>();
  const seen = new Map<string, number>();
  const keysFor = (jwksUrl: string): JWTVerifyGetKey => {
    let ks = keySets.get(jwksUrl);
    if (!ks) {
      ks = createRemoteJWKSet(new URL(jwksUrl));
      keySets.set(jwksUrl, ks);
    }
    return ks;
  };

  return {
    async verify(authorization, audience) {
      const m = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
      if (!m) return { ok: false, reason: 'no Bearer token' };
      const token = m[1]!;
      let header: ReturnType<typeof decodeProtectedHeader>;
      let claims: { iss?: unknown };
      try {
        header = decodeProtectedHeader(token);
        claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { iss?: unknown };
      } catch {
        return { ok: false, reason: 'not a JWT' };
      }
      const issuer = issuers.find((i) => i.iss === claims.iss);
      if (!issuer) return { ok: false, reason: 'issuer not trusted' };
      if (header.jku !== undefined && header.jku !== issuer.jwksUrl) return { ok: false, reason: 'jku is not the issuer\u2019s registered JWKS' };
      let payload: { jti?: unknown; exp?: unknown };
      try {
        const result = await jwtVerify(token, keysFor(issuer.jwksUrl), {
          issuer: issuer.iss,
          audience,
          algorithms: ALGORITHMS,
          requiredClaims: ['exp', 'jti', 'iat'],
          currentDate: new Date(now()),
          // Clocks of the EHR and the service may differ a little.
          clockTolerance: 30,
        });
        payload = result.payload;
      } catch (e) {
        const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
        const reasons: Record<string, string> = {
          ERR_JWT_EXPIRED: 'token expired',
          ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'signature does not verify',
          ERR_JWKS_NO_MATCHING_KEY: 'no key of the issuer matches',
          ERR_JWT_CLAIM_VALIDATION_FAILED: 'a claim is wrong (aud, iss or a required claim)',
          ERR_JOSE_ALG_NOT_ALLOWED: 'algorithm not allowed',
        };
        return { ok: false, reason: reasons[code] ?? 'token not verified' };
      }
      const t = now();
      for (const [k, exp] of seen) if (exp * 1000 < t) seen.delete(k);
      const jti = `${issuer.iss}|${String(payload.jti)}`;
      if (seen.has(jti)) return { ok: false, reason: 'jti already used' };
      seen.set(jti, typeof payload.exp === 'number' ? payload.exp : t / 1000 + 300);
      return { ok: true, iss: issuer.iss };
    },
  };
}

/** Parses CDS_TRUSTED_ISSUERS ("iss=jwks,iss2=jwks2"); the jwks part is everything after the first "=" sign. */
export function parseTrustedIssuers(text: string | undefined): TrustedIssuer[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .flatMap((pair) => {
      const i = pair.indexOf('=');
      return i > 0 ? [{ iss: pair.slice(0, i), jwksUrl: pair.slice(i + 1) }] : [];
    });
}
