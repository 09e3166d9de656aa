// @ts-check
/**
 * The launch targets of `npm run bench`, checked from the browser part's summary (scripts/bench-browser.mjs), and the
 * shape every bench/results.json has. Pure: no I/O, so the checks themselves are unit-tested
 * (test/bench/bench-targets.test.ts) while the figures stay out of `npm test`.
 */

/** The launch figures' targets. */
export const LAUNCH_TARGETS = {
  /** With the 100 ms delay: launch to first screen, every size. */
  firstScreenMs: 1500,
  /** With the 100 ms delay: launch to table complete as a fraction of the naive loader's data time. */
  tableToNaive: /** @type {Record<number, number>} */ ({ 500: 0.5, 5000: 0.3 }),
  /** With 0 ms: the N = 5,000 patient complete (table and chart). */
  completeAt5000Ms: 10_000,
};

/**
 * @typedef {{ median: number, min: number, max: number, n: number }} Stat
 * @typedef {{
 *   n: number, delay: number, reps: number, timedOut: number, timeoutMs: number,
 *   firstScreenMs: Stat | null, tableMs: Stat | null, chartMs: Stat | null,
 *   chartChunkStartMs?: Stat | null, lastFhirResponseMs?: Stat | null, ratioTableToNaive: number | null,
 * }} LaunchSummary
 * @typedef {{ target: string, value: string, pass: boolean }} TargetResult
 */

const sec = (/** @type {number} */ v) => `${(v / 1000).toFixed(2)}`;

/**
 * Every launch target that the summary has figures for. A size or delay that was not run gives no target; one whose
 * launches timed out, or that some runs never reached, is a MISS, never a PASS.
 * @param {LaunchSummary[]} summary
 * @returns {TargetResult[]}
 */
export function launchTargets(summary) {
  /** @type {TargetResult[]} */
  const out = [];
  const at = (/** @type {number} */ n, /** @type {number} */ d) => summary.find((x) => x.n === n && x.delay === d);
  for (const x of summary.filter((y) => y.delay === 100)) {
    const v = x.firstScreenMs;
    const complete = !!v && v.n === x.reps;
    out.push({
      target: `100 ms delay, N = ${x.n}: launch to first screen <= ${LAUNCH_TARGETS.firstScreenMs / 1000} s`,
      value: v ? `${sec(v.median)} s${complete ? '' : ` (${x.reps - v.n} of ${x.reps} runs never showed it)`}` : `no first screen within ${x.timeoutMs / 1000} s`,
      pass: !!v && complete && v.median <= LAUNCH_TARGETS.firstScreenMs,
    });
  }
  for (const [n, limit] of Object.entries(LAUNCH_TARGETS.tableToNaive)) {
    const x = at(Number(n), 100);
    if (!x) continue;
    out.push({
      target: `100 ms delay, N = ${n}: table complete <= ${limit} x the naive loader's data time`,
      value: x.ratioTableToNaive === null ? (x.timedOut ? `ours timed out at ${x.timeoutMs / 1000} s` : 'no naive figure') : x.ratioTableToNaive.toFixed(2),
      pass: x.ratioTableToNaive !== null && x.timedOut === 0 && x.ratioTableToNaive <= limit,
    });
  }
  const big = at(5000, 0);
  if (big) {
    const done = big.chartMs && big.tableMs ? Math.max(big.chartMs.median, big.tableMs.median) : undefined;
    out.push({
      target: `0 ms delay, N = 5000: patient complete (table and chart) < ${LAUNCH_TARGETS.completeAt5000Ms / 1000} s`,
      value: done !== undefined && !big.timedOut ? `${sec(done)} s` : `not complete within ${big.timeoutMs / 1000} s`,
      pass: done !== undefined && big.timedOut === 0 && done < LAUNCH_TARGETS.completeAt5000Ms,
    });
  }
  for (const x of summary) {
    if (!x.chartChunkStartMs || !x.lastFhirResponseMs) continue;
    out.push({
      target: `N = ${x.n}, ${x.delay} ms: chart chunk requested while the FHIR data loads (before its last response)`,
      value: `${sec(x.chartChunkStartMs.median)} s vs ${sec(x.lastFhirResponseMs.median)} s`,
      pass: x.chartChunkStartMs.max < x.lastFhirResponseMs.min,
    });
  }
  return out;
}

/**
 * What is wrong with the shape of a results object (empty when nothing): the parts README's figures and the target
 * check are read from.
 * @param {any} r
 * @returns {string[]}
 */
export function resultsProblems(r) {
  /** @type {string[]} */
  const problems = [];
  const need = (/** @type {boolean} */ ok, /** @type {string} */ what) => {
    if (!ok) problems.push(what);
  };
  const isStat = (/** @type {any} */ s) => s === null || (typeof s === 'object' && ['median', 'min', 'max', 'n'].every((k) => typeof s[k] === 'number' && Number.isFinite(s[k])) && s.min <= s.median && s.median <= s.max);
  if (!r || typeof r !== 'object') return ['not an object'];
  for (const k of ['startedAt', 'finishedAt']) need(typeof r[k] === 'string' && Number.isFinite(Date.parse(r[k])), `${k} is not an ISO instant`);
  need(!!r.machine && typeof r.machine.node === 'string' && typeof r.machine.cpus === 'number', 'machine lacks node or cpus');
  need(typeof r.machine?.loadAverageStart === 'undefined' || Array.isArray(r.machine.loadAverageStart), 'machine.loadAverageStart is not a list');
  need(Array.isArray(r.targets), 'targets is not a list');
  for (const [i, t] of (Array.isArray(r.targets) ? r.targets : []).entries()) {
    need(typeof t?.target === 'string' && typeof t?.value === 'string' && typeof t?.pass === 'boolean', `targets[${i}] lacks target, value or pass`);
  }
  if (r.browser !== null && r.browser !== undefined) {
    need(Array.isArray(r.browser.summary), 'browser.summary is not a list');
    for (const [i, x] of (Array.isArray(r.browser.summary) ? r.browser.summary : []).entries()) {
      const where = `browser.summary[${i}]`;
      need(Number.isInteger(x?.n) && x.n > 0 && typeof x?.delay === 'number' && x.delay >= 0, `${where} lacks n or delay`);
      need(Number.isInteger(x?.reps) && Number.isInteger(x?.timedOut) && x.timedOut <= x.reps, `${where} has inconsistent reps and timedOut`);
      for (const k of ['firstScreenMs', 'tableMs', 'chartMs', 'naiveMs', 'requests', 'bytes']) need(x?.[k] === undefined || isStat(x[k]), `${where}.${k} is not a median with min-max`);
      need(x?.ratioTableToNaive === null || (typeof x?.ratioTableToNaive === 'number' && x.ratioTableToNaive > 0), `${where}.ratioTableToNaive is neither null nor a positive number`);
    }
  }
  return problems;
}
