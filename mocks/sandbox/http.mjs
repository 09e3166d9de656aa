// @ts-check
/** HTTP plumbing of the sandbox: answers with the headers every response carries, bounded request bodies. */

/** Sent on every answer: no MIME sniffing, no Referer (URLs may carry launch ids and codes). */
export const BASE_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

/**
 * The sandbox's own HTML pages run no script and take styles only from the sandbox's stylesheet (no inline style);
 * only the EHR itself may frame them.
 */
export const PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src data:; form-action 'self'; frame-src 'self'; frame-ancestors 'self'; base-uri 'none'";

export const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'Authorization, Content-Type, Accept, Prefer, If-None-Match',
  'access-control-expose-headers': 'WWW-Authenticate, Location, ETag, Content-Location, Retry-After',
  'access-control-max-age': '600',
};

/** Largest request body accepted (a FHIR transaction or a form); larger answers 413. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string | Buffer} body
 * @param {Record<string, string>} [headers]
 */
export function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': PAGE_CSP, ...BASE_HEADERS, ...headers });
  res.end(body);
}

/** @param {import('node:http').ServerResponse} res @param {number} status @param {any} body @param {Record<string, string>} [headers] */
export const sendJson = (res, status, body, headers = {}) => send(res, status, JSON.stringify(body), { 'content-type': 'application/json; charset=utf-8', ...headers });

/** @param {import('node:http').ServerResponse} res @param {string} location */
export const redirect = (res, location) => send(res, 302, '', { location });

/**
 * An OperationOutcome answer.
 * @param {import('node:http').ServerResponse} res @param {number} status @param {string} code @param {string} text @param {Record<string, string>} [headers]
 */
export function sendOutcome(res, status, code, text, headers = {}) {
  const body = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics: text }] };
  send(res, status, JSON.stringify(body), { ...CORS, 'content-type': 'application/fhir+json; charset=utf-8', ...headers });
}

export class BodyTooLarge extends Error {}

/**
 * Reads a request body up to `limit` bytes. A larger body is read to its end and discarded (so the client can read
 * the 413 answer instead of seeing a reset), then BodyTooLarge is thrown.
 * @param {import('node:http').IncomingMessage} req @param {number} [limit]
 * @returns {Promise<string>}
 */
export function readBody(req, limit = MAX_BODY_BYTES) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
      else if (size > limit * 16) req.destroy();
    });
    req.on('end', () => (size > limit ? reject(new BodyTooLarge(`Request body over ${limit} bytes`)) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
    req.on('close', () => (size > limit ? reject(new BodyTooLarge(`Request body over ${limit} bytes`)) : undefined));
  });
}

/**
 * True when JSON nests deeper than `max` (a real FHIR resource nests about 10 levels; 5,000 levels is an attack).
 * @param {unknown} value @param {number} [max]
 */
export function nestsDeeperThan(value, max = 64) {
  /** @type {[unknown, number][]} */
  const stack = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = /** @type {[unknown, number]} */ (stack.pop());
    if (!node || typeof node !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(node)) if (child && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** A promise that settles when the answer's connection closes (client gone or server shutting down). @param {import('node:http').ServerResponse} res */
export const closed = (res) => new Promise((resolve) => res.once('close', () => resolve(undefined)));

/**
 * Waits `ms`, or less when the connection closes first.
 * @param {import('node:http').ServerResponse} res @param {number} ms
 */
export function delay(res, ms) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    res.once('close', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
  });
}
