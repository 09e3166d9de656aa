// @ts-check
/**
 * The fault switch: launch option `fault` (on `/launch` and the EHR page's launch form) makes the FHIR server of
 * that launch's tokens misbehave the way real EHRs and networks do. Several faults may be combined with commas.
 *
 *   429               the first request of each distinct search answers 429 with Retry-After: 1; the retry succeeds
 *   403-<Type>        searches of that type answer 403 with an OperationOutcome
 *   500-page-2        the second page of any search answers 500
 *   expire-after-<N>  the token is refused with 401 after N FHIR requests; no refresh token is issued
 *   slow-<ms>         every FHIR answer is delayed by ms (at most 60000)
 *   hang-<Type>       searches of that type never answer (the connection stays open until the client gives up)
 */

/**
 * @typedef {{ kind: '429' } | { kind: '403', type: string } | { kind: '500-page-2' } | { kind: 'expire-after', n: number }
 *   | { kind: 'slow', ms: number } | { kind: 'hang', type: string }} Fault
 */

/** @type {[RegExp, (m: RegExpExecArray) => Fault][]} */
const SYNTAX = [
  [/^429$/, () => ({ kind: '429' })],
  [/^403-([A-Z][A-Za-z]{1,63})$/, (m) => ({ kind: '403', type: m[1] ?? '' })],
  [/^500-page-2$/, () => ({ kind: '500-page-2' })],
  [/^expire-after-(\d{1,6})$/, (m) => ({ kind: 'expire-after', n: Number(m[1]) })],
  [/^slow-(\d{1,5})$/, (m) => ({ kind: 'slow', ms: Math.min(Number(m[1]), 60_000) })],
  [/^hang-([A-Z][A-Za-z]{1,63})$/, (m) => ({ kind: 'hang', type: m[1] ?? '' })],
];

export const FAULT_SYNTAX = '429, 403-<Type>, 500-page-2, expire-after-<N>, slow-<ms>, hang-<Type>';

/**
 * @param {string | null} text the `fault` option (comma-separated; empty = none)
 * @returns {{ faults: Fault[] } | { error: string }}
 */
export function parseFaults(text) {
  /** @type {Fault[]} */
  const faults = [];
  for (const part of (text ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const hit = SYNTAX.find(([re]) => re.test(part));
    if (!hit) return { error: `Unknown fault "${part}". Faults: ${FAULT_SYNTAX}.` };
    faults.push(hit[1](/** @type {RegExpExecArray} */ (hit[0].exec(part))));
  }
  return { faults };
}

/**
 * @typedef {{ kind: 'answer', status: number, headers: Record<string, string>, body: any } | { kind: 'hang' } | { kind: 'expired' } | null} FaultVerdict
 */

/** @param {number} status @param {string} code @param {string} text @param {Record<string, string>} [headers] @returns {FaultVerdict} */
const answer = (status, code, text, headers = {}) => ({
  kind: 'answer',
  status,
  headers,
  body: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics: text }] },
});

/** @param {URLSearchParams} query */
function pageIndex(query) {
  const count = Math.max(1, Math.min(Number(query.get('_count') ?? '20') || 20, 100));
  return Math.floor((Number(query.get('_offset') ?? '0') || 0) / count);
}

/**
 * What the faults of a launch do to one FHIR request (after the token was accepted). Counts the request.
 * @param {Fault[]} faults
 * @param {{ requests: number, seenSearches: Set<string> }} state the launch's counters
 * @param {{ method: string, path: string, query: URLSearchParams }} request path relative to the FHIR base
 * @returns {FaultVerdict}
 */
export function faultVerdict(faults, state, { method, path, query }) {
  if (faults.length === 0) return null;
  state.requests += 1;
  const searchType = method === 'GET' && /^[A-Z][A-Za-z]+$/.test(path) ? path : null;
  for (const f of faults) {
    if (f.kind === 'expire-after' && state.requests > f.n) return { kind: 'expired' };
    if (!searchType) continue;
    if (f.kind === 'hang' && f.type === searchType) return { kind: 'hang' };
    if (f.kind === '403' && f.type === searchType) return answer(403, 'forbidden', `Access to ${searchType} is refused by this EHR (fault 403-${searchType})`);
    if (f.kind === '500-page-2' && pageIndex(query) === 1) return answer(500, 'exception', 'The server failed on page 2 (fault 500-page-2)');
    if (f.kind === '429') {
      const key = `${path}?${[...query].map(([k, v]) => `${k}=${v}`).sort().join('&')}`;
      if (!state.seenSearches.has(key)) {
        state.seenSearches.add(key);
        return answer(429, 'throttled', 'Too many requests (fault 429): retry after 1 s', { 'retry-after': '1' });
      }
    }
  }
  return null;
}

/** @param {Fault[]} faults @returns {number} ms to delay every answer */
export const slowDelay = (faults) => faults.reduce((ms, f) => (f.kind === 'slow' ? Math.max(ms, f.ms) : ms), 0);
