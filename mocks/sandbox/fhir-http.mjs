// @ts-check
/**
 * The sandbox's FHIR endpoint over HTTP: bearer-token check, the launch's faults, bounded and well-formed bodies,
 * then the engine. Every refusal is an OperationOutcome.
 */
import { faultVerdict, slowDelay } from './faults.mjs';
import { BodyTooLarge, CORS, closed, delay, nestsDeeperThan, readBody, send, sendOutcome } from './http.mjs';

const FHIR_TYPE = 'application/fhir+json; charset=utf-8';

/**
 * Reads and parses a JSON body; answers 413 / 400 itself and returns undefined then.
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 * @returns {Promise<{ body: any } | undefined>}
 */
async function jsonBody(req, res) {
  let text;
  try {
    text = await readBody(req);
  } catch (err) {
    if (err instanceof BodyTooLarge) sendOutcome(res, 413, 'too-costly', `${err.message}: send smaller transactions`, { connection: 'close' });
    else sendOutcome(res, 400, 'structure', 'The request body could not be read');
    return undefined;
  }
  let body;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch (err) {
    sendOutcome(res, 400, 'structure', `Body is not JSON: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
  if (nestsDeeperThan(body)) {
    sendOutcome(res, 400, 'structure', 'The resource nests deeper than 64 levels');
    return undefined;
  }
  return { body };
}

/**
 * Applies the launch's faults; true when the request was answered (or left hanging) by a fault.
 * @param {import('node:http').ServerResponse} res
 * @param {{ options: { faults: import('./faults.mjs').Fault[] }, state: { requests: number, seenSearches: Set<string> } }} launch
 * @param {() => void} revoke
 * @param {{ method: string, path: string, query: URLSearchParams }} request
 * @param {string} realm
 */
async function applyFaults(res, launch, revoke, request, realm) {
  const faults = launch.options.faults;
  if (faults.length === 0) return false;
  const verdict = faultVerdict(faults, launch.state, request);
  const wait = slowDelay(faults);
  if (wait > 0) await delay(res, wait);
  if (!verdict) return false;
  if (verdict.kind === 'hang') {
    await closed(res);
    return true;
  }
  if (verdict.kind === 'expired') {
    revoke();
    const why = 'Access token expired (fault expire-after)';
    sendOutcome(res, 401, 'login', why, { 'www-authenticate': `Bearer realm="${realm}", error="invalid_token", error_description="${why}"` });
    return true;
  }
  send(res, verdict.status, JSON.stringify(verdict.body), { ...CORS, 'content-type': FHIR_TYPE, ...verdict.headers });
  return true;
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 * @param {{ engine: { baseUrl: string, handle: Function }, auth: ReturnType<typeof import('./oauth.mjs').createAuthServer>, origin: string }} deps
 */
export async function handleFhir(req, res, url, { engine, auth, origin }) {
  const realm = `${origin}/fhir`;
  const path = url.pathname.slice('/fhir'.length).replace(/^\/+|\/+$/g, '');
  const method = req.method ?? 'GET';
  /** @type {{ patient?: string, scopes: string[] } | null} */
  let grant = null;
  if (!(method === 'GET' && path === 'metadata')) {
    const check = auth.checkBearer(req.headers.authorization);
    if (!check.ok) {
      sendOutcome(res, 401, 'login', check.reason, { 'www-authenticate': `Bearer realm="${realm}", error="invalid_token", error_description="${check.reason}"` });
      return;
    }
    if (await applyFaults(res, check.launch, check.revoke, { method, path, query: url.searchParams }, realm)) return;
    grant = check.grant;
  }
  let body;
  if (method === 'POST' || method === 'PUT') {
    const parsed = await jsonBody(req, res);
    if (!parsed) return;
    body = parsed.body;
  }
  const result = await engine.handle({ method, url: `${path}${url.search}`, body, grant });
  let text = JSON.stringify(result.body);
  // The engine's links use the canonical base; answer with the (allowed) origin this request used.
  if (engine.baseUrl !== realm) text = text.split(engine.baseUrl).join(realm);
  send(res, result.status, text, { ...CORS, ...result.headers, 'content-type': FHIR_TYPE });
}
