// @ts-check
/**
 * Signed OpenID Connect id_tokens (RS256) and the JSON Web Key Set that verifies them (served at `jwks_uri`).
 * node:crypto rather than a JOSE library: signing one compact JWT with RS256 and exporting the public key as a JWK
 * are two built-in calls on Node 20, so the sandbox needs no extra dependency for it. The key pair is made per
 * sandbox process and never leaves it.
 */
import { createSign, generateKeyPairSync, randomBytes } from 'node:crypto';

/** @param {unknown} json */
const b64 = (json) => Buffer.from(JSON.stringify(json)).toString('base64url');

export function createIdTokenSigner() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(8).toString('hex');
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };

  /**
   * @param {Record<string, unknown>} claims
   * @returns {string} compact JWS
   */
  function sign(claims) {
    const input = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64(claims)}`;
    const signature = createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url');
    return `${input}.${signature}`;
  }

  return { sign, jwks: () => ({ keys: [jwk] }) };
}
