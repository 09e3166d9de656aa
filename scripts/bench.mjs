#!/usr/bin/env node
// `npm run bench`: performance figures of LMWH Monitor, printed as a plain-text table. Never pass/fail: each figure
// is shown with its target and whether it was met on this run; the exit code is 0 whenever the benchmark ran (1 only
// when it could not run). Not part of `npm test`.
//
//  1. buildClinicalRecord per demo patient and for the two largest public Synthea bundles (bench/build-record.bench.ts)
//  2. loadPatientRecord end to end against the local sandbox EHR over HTTP, with a bearer token from the sandbox's
//     OAuth flow: wall time and number of HTTP requests (bench/load-record.bench.ts)
//  3. production bundle: raw and gzip size of each dist/assets/*.js, and the initial JS of each page (every script
//     loaded or preloaded before first render: module scripts, modulepreloads and their static imports; see
//     scripts/initial-js.mjs) against its budget
//  4. real launches in Chromium against the sandbox (scripts/bench-browser.mjs): generated patients with N D-dimers,
//     N coagulation and 4N unrelated results (mocks/generate/), with 0 and 100 ms added per EHR request; launch to
//     first screen / D-dimer table / chart, FHIR requests and bytes, JS heap, and a naive loader for comparison
//  5. targets, checked by reading the figures of this run (PASS / MISS; scripts/bench-targets.mjs); never a timed
//     unit test
//
// Everything is written to bench/results.json. 1 and 2 are TypeScript and run through `vitest bench`
// (bench/vitest.bench.config.ts); both use a fixed clock (test/support/demo-record.ts DEMO_TEST_NOW, Europe/London).
// The browser part builds the app first when dist/ is missing (npm run build), and needs Debian's chromium.
//
// Options: --verbose         also print Vitest's own output (tinybench tables)
//          --dist DIR        read the bundle from DIR instead of dist/ (built only if DIR has none)
//          --no-build        measure dist/ as it is (by default it is rebuilt first)
//          --no-vitest       skip 1 and 2
//          --no-browser      skip 4
//          --sizes 50,500    patient sizes N for 4 (default 50,500,5000)
//          --reps 3          repetitions per size and delay for N <= 500 (default 3; N > 500 gets 1)
//          --delays 0,100    added ms per EHR request (default 0,100)
//          --timeout S       give up on one launch after S seconds (default 60; 90 for N > 500)
//          --budget S        start no new launch after S seconds of launches (default 540); the rest are skipped
//          --no-cohorts      leave the generated cohorts out of the launch sandbox and the worklist at 200 only
//                            (by default the cohorts of 200 and 2,000 patients are loaded and both are timed;
//                            --with-cohorts, the former opt-in, is still accepted)
//          --out FILE        results file (default bench/results.json)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { JS_BUDGETS, initialJs } from './initial-js.mjs';
import { runBrowserBench } from './bench-browser.mjs';
import { launchTargets, resultsProblems } from './bench-targets.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const withVitest = !args.includes('--no-vitest');
const withBrowser = !args.includes('--no-browser');
/** @param {string} name @param {string} fallback */
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const numbers = (/** @type {string} */ text) => text.split(',').map((x) => Number(x.trim())).filter((x) => Number.isFinite(x) && x >= 0);
const SIZES = numbers(opt('--sizes', '50,500,5000')).filter((n) => Number.isInteger(n) && n > 0);
const DELAYS = numbers(opt('--delays', '0,100'));
const REPS = Math.max(1, Number(opt('--reps', '3')) || 3);
const TIMEOUT_S = Number(opt('--timeout', '0')) || 0;
const BUDGET_S = Number(opt('--budget', '540')) || 540;
const WITH_COHORTS = !args.includes('--no-cohorts');
const OUT = path.resolve(opt('--out', path.join(ROOT, 'bench/results.json')));
/** Everything this run measured, written to OUT at the end. */
const results = { startedAt: new Date().toISOString(), machine: {}, options: {}, vitest: {}, bundle: {}, browser: null, worklist: null, targets: [] };
const distArg = args.indexOf('--dist');
const DIST = distArg >= 0 && args[distArg + 1] ? path.resolve(args[distArg + 1]) : path.join(ROOT, 'dist');

/** Targets (CONTRIBUTING.md: figures live here, never in timed unit tests). */
const TARGETS = {
  build: { 'demo many-labs': 50 },
  load: { 'many-labs': 2000 },
};

const out = (line = '') => process.stdout.write(`${line}\n`);
const ms = (v) => (typeof v === 'number' && Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : '-');
const kb = (bytes) => (bytes / 1024).toFixed(1);

/** A plain-text table: columns padded, numbers right-aligned. */
function table(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const numeric = head.map((_, i) => rows.length > 0 && rows.every((r) => /^[-\d.,]+( ms| kB)?$/.test(String(r[i]))));
  const line = (cells) =>
    cells
      .map((c, i) => (numeric[i] ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  out(line(head));
  out(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) out(line(r));
}

function percentile(samples, p) {
  if (!samples?.length) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest-rank: the smallest sample with at least p% of the samples at or below it.
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1];
}

function targetCell(target, value) {
  if (target === undefined) return '';
  if (typeof value !== 'number') return `< ${target} ms: no figure`;
  return `< ${target} ms: ${value < target ? 'met' : 'NOT met'}`;
}

function runVitest(resultsFile, factsFile) {
  const env = { ...process.env, BENCH_RESULTS_FILE: resultsFile, BENCH_FACTS_FILE: factsFile, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  return new Promise((resolve) => {
    const child = spawn(
      path.join(ROOT, 'node_modules/.bin/vitest'),
      ['bench', '--run', '--config', 'bench/vitest.bench.config.ts'],
      { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let log = '';
    const take = (chunk) => {
      log += chunk;
      if (verbose) process.stdout.write(chunk);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (error) => resolve({ code: 1, log: `${log}\n${error.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, log }));
  });
}

function readFacts(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

function printBuild(results, facts) {
  out('1. buildClinicalRecord, ms per build (pure; fixed clock, Europe/London; UCUM converter loaded once)');
  const rows = results
    .filter((r) => r.suite === 'buildClinicalRecord')
    .map((r) => {
      const fact = facts.find((f) => f.name === `build ${r.name}`) ?? {};
      const p95 = percentile(r.samples, 95);
      const target = TARGETS.build[r.name];
      return [r.name, fact.resources ?? '-', fact.observations ?? '-', ms(r.mean), ms(r.median), ms(p95), ms(r.max), ms(fact.coldMs), r.sampleCount ?? '-', targetCell(target, r.mean)];
    });
  table(['case', 'resources', 'observations', 'mean', 'median', 'p95', 'max', 'cold 1st', 'runs', 'target (mean)'], rows);
}

function printLoad(results, facts) {
  out('2. loadPatientRecord end to end over HTTP against the local sandbox EHR (bearer token from its EHR launch + PKCE;');
  out('   app requester, concurrency 4), ms per load. The sandbox runs in the same process: its Medplum search time is');
  out('   included and competes with the client for the one JS thread.');
  const rows = results
    .filter((r) => r.suite === 'loadPatientRecord')
    .map((r) => {
      const fact = facts.find((f) => f.name === `load ${r.name}`) ?? {};
      const counts = [fact.requests, ...facts.filter((f) => f.name === `load ${r.name} requests`).map((f) => f.requests)].filter((n) => typeof n === 'number');
      const min = Math.min(...counts);
      const max = Math.max(...counts);
      const requests = counts.length === 0 ? '-' : min === max ? String(min) : `${min}-${max}`;
      const groups = fact.notComplete ? (fact.notComplete.length === 0 ? 'all complete' : fact.notComplete.join('; ')) : '-';
      const target = TARGETS.load[r.name];
      return [r.name, requests, fact.resources ?? '-', ms(fact.coldMs), ms(r.mean), ms(r.median), ms(percentile(r.samples, 95)), ms(r.max), r.sampleCount ?? '-', groups, targetCell(target, r.mean)];
    });
  table(['patient', 'requests', 'resources', 'cold 1st', 'mean', 'median', 'p95', 'max', 'runs', 'groups', 'target (mean)'], rows);
}

/** Which chunks each page loads before first render (module scripts, modulepreloads, their static imports). */
function upFrontChunks() {
  const initial = new Map();
  for (const [label, html] of [['app', 'index.html'], ['launch', 'launch/index.html']]) {
    const file = path.join(DIST, html);
    if (!existsSync(file)) continue;
    for (const f of initialJs(file).files) initial.set(`${label}:${path.basename(f.file)}`, f.how === 'script' ? 'entry' : f.how);
  }
  return initial;
}

/** True when the chunk's source map lists @lhncbc/ucum-lhc sources (by file name when there is no map). */
function holdsUcum(file) {
  const map = `${file}.map`;
  if (!existsSync(map)) return /ucum/i.test(path.basename(file));
  try {
    const sources = JSON.parse(readFileSync(map, 'utf8')).sources ?? [];
    return sources.some((s) => s.includes('node_modules/@lhncbc/ucum-lhc/'));
  } catch {
    return /ucum/i.test(path.basename(file));
  }
}

function printBundle() {
  out(`3. Production bundle, ${path.relative(ROOT, path.join(DIST, 'assets')) || DIST}/*.js (raw and gzip -9 via node:zlib)`);
  const assets = path.join(DIST, 'assets');
  if (!existsSync(assets)) {
    out('   no dist/assets: run npm run build first');
    return;
  }
  const files = readdirSync(assets).filter((f) => f.endsWith('.js')).sort();
  if (files.length === 0) {
    out('   no .js files in dist/assets: run npm run build first');
    return;
  }
  const built = statSync(assets).mtime.toISOString().replace('T', ' ').slice(0, 16);
  const upFront = upFrontChunks();
  let ucumChunk;
  const totals = { app: [0, 0], launch: [0, 0], all: [0, 0] };
  const rows = files.map((f) => {
    const buf = readFileSync(path.join(assets, f));
    const gz = gzipSync(buf, { level: 9 }).length;
    const loads = ['app', 'launch'].filter((l) => upFront.has(`${l}:${f}`)).map((l) => `${l} ${upFront.get(`${l}:${f}`)}`);
    for (const l of ['app', 'launch']) {
      if (upFront.has(`${l}:${f}`)) {
        totals[l][0] += buf.length;
        totals[l][1] += gz;
      }
    }
    totals.all[0] += buf.length;
    totals.all[1] += gz;
    const isUcum = holdsUcum(path.join(assets, f));
    if (isUcum && loads.length === 0) ucumChunk = f;
    const role = loads.length > 0 ? loads.join(', ') : 'lazy (dynamic import)';
    return [f, role + (isUcum ? ' [UCUM]' : ''), `${kb(buf.length)} kB`, `${kb(gz)} kB`];
  });
  table(['chunk', 'loaded', 'raw', 'gzip'], rows);
  for (const page of /** @type {const} */ (['app', 'launch'])) {
    const budget = JS_BUDGETS[page];
    const verdict = totals[page][1] <= budget ? 'PASS' : 'MISS';
    out(`   initial JS, ${page} page:${page === 'app' ? '   ' : ''} ${kb(totals[page][0])} kB raw, ${kb(totals[page][1])} kB gzip (budget ${kb(budget)} kB: ${verdict})`);
    results.bundle[page] = { initialRawBytes: totals[page][0], initialGzipBytes: totals[page][1], budgetGzipBytes: budget };
    results.targets.push({ target: `initial JS of the ${page} page <= ${kb(budget)} kB gzip`, value: `${kb(totals[page][1])} kB`, pass: totals[page][1] <= budget });
  }
  out('   (initial JS: every script before first render = module scripts + modulepreloads + their static imports)');
  results.bundle.chunks = rows.map((r) => ({ chunk: r[0], loaded: r[1], raw: r[2], gzip: r[3] }));
  out(`   all chunks:            ${kb(totals.all[0])} kB raw, ${kb(totals.all[1])} kB gzip   (dist built ${built} UTC)`);
  out(
    ucumChunk
      ? `   UCUM split out as a lazy chunk (expected): yes, ${ucumChunk}`
      : '   UCUM split out as a lazy chunk (expected): NO - no lazy chunk holds @lhncbc/ucum-lhc (stale dist/? run npm run build)',
  );
}

const sec = (/** @type {number | undefined} */ v) => (typeof v === 'number' && Number.isFinite(v) ? `${(v / 1000).toFixed(2)}` : '-');
/** "median (min-max)" in seconds. @param {{ median: number, min: number, max: number } | null} st */
const secRange = (st) => (st ? (sec(st.min) === sec(st.max) ? `${sec(st.median)} s` : `${sec(st.median)} s (${sec(st.min)}-${sec(st.max)})`) : '-');
const countRange = (/** @type {{ median: number, min: number, max: number } | null} */ st, f = (/** @type {number} */ x) => String(Math.round(x))) =>
  st ? (f(st.min) === f(st.max) ? f(st.median) : `${f(st.median)} (${f(st.min)}-${f(st.max)})`) : '-';
const kbOf = (/** @type {number} */ b) => `${kb(b)} kB`;
const mbOf = (/** @type {number} */ b) => `${(b / 1024 / 1024).toFixed(1)} MB`;

/** @param {Awaited<ReturnType<typeof runBrowserBench>>} r */
function printBrowser(r) {
  out(`4. Real launches in Chromium against the local sandbox (one store of ${r.storeResources} resources), one patient per size: N D-dimers, N coagulation results,`);
  out('   4N unrelated Observations; the delay is added to every EHR request (launch, OAuth, FHIR) by a proxy, not to the');
  out("   app's files. Times from opening the EHR launch URL; median (min-max) in seconds. naive = the same page and token");
  out('   loading Observation?patient=<id>&_count=100 and every next link in turn, then MedicationRequest, Procedure,');
  out('   ServiceRequest, Condition; ratio = our table time / naive data time.');
  const rows = r.summary.map((x) => [
    String(x.n),
    `${x.delay} ms`,
    `${x.reps}${x.timedOut ? ` (${x.timedOut} timed out at ${x.timeoutMs / 1000} s)` : ''}${x.skipped ? ` (${x.skipped} skipped)` : ''}`,
    secRange(x.firstScreenMs),
    secRange(x.tableMs),
    secRange(x.chartMs),
    // Requests and bytes of launches that timed out are partial: shown only when a launch completed.
    x.reps > x.timedOut ? countRange(x.requests) : '-',
    x.reps > x.timedOut ? countRange(x.bytes, kbOf) : '-',
    countRange(x.heapBytes, mbOf),
    x.naiveTimedOut ? `> ${x.timeoutMs / 1000} s` : secRange(x.naiveMs),
    countRange(x.naiveRequests),
    countRange(x.naiveBytes, kbOf),
    x.ratioTableToNaive === null ? '-' : x.ratioTableToNaive.toFixed(2),
  ]);
  table(['N', 'delay', 'runs', 'first screen', 'D-dimer table', 'chart', 'FHIR req', 'FHIR bytes', 'JS heap', 'naive', 'naive req', 'naive bytes', 'ratio'], rows);
  const js = r.summary.map((x) => x.jsBeforeFirstScreenGzip?.median).find((v) => typeof v === 'number');
  if (typeof js === 'number') out(`   JS the app page had requested when its first screen rendered: ${kbOf(js)} gzip (chunks fetched in parallel included)`);
  for (const x of r.summary) {
    if (x.chartChunkStartMs && x.lastFhirResponseMs) {
      out(`   N=${x.n}, ${x.delay} ms: chart chunk requested at ${sec(x.chartChunkStartMs.median)} s, first FHIR search at ${sec(x.firstFhirRequestMs?.median)} s, last FHIR response at ${sec(x.lastFhirResponseMs.median)} s`);
    }
  }
}

/**
 * Worklist figures (scripts/bench-worklist.mjs): a provider launch against the sandbox with a generated cohort of 200
 * and 2,000 patients (200 only with --no-cohorts): first row, complete, FHIR requests, peak JS heap.
 * @returns {Promise<null | { figures: Record<string, unknown>, targets: { target: string, value: string, pass: boolean }[] }>}
 */
async function benchWorklist() {
  if (!withBrowser) return null;
  const { runWorklistBench } = await import('./bench-worklist.mjs');
  out('6. Worklist (provider launch, generated cohort, Chromium)');
  const sizes = WITH_COHORTS ? [200, 2000] : [200];
  const runs = await runWorklistBench({ root: ROOT, distDir: DIST, nowMs: Date.parse('2026-11-25T09:00:00Z'), sizes, timeoutMs: (n) => (n > 500 ? 300_000 : 120_000), log: out });
  const s = (/** @type {unknown} */ ms) => (typeof ms === 'number' ? `${(ms / 1000).toFixed(2)} s` : 'not reached');
  table(
    ['N', 'first row', 'first row (page clock)', 'complete', 'FHIR req', 'of them patient lists', 'FHIR bytes', 'peak JS heap'],
    runs.map((r) => [String(r.n), s(r.firstRowMs), s(r.firstRowInPageMs), s(r.completeMs), String(r.requests), String(r.patientListSearches), `${(Number(r.bytes) / 1e6).toFixed(2)} MB`, `${(Number(r.peakHeapBytes) / 1e6).toFixed(1)} MB`]),
  );
  const by = (/** @type {number} */ n) => runs.find((r) => r.n === n);
  const targets = [];
  const r200 = by(200);
  if (r200) {
    targets.push({ target: 'worklist: first rows within 1 s of the token (200)', value: s(r200.firstRowMs), pass: typeof r200.firstRowMs === 'number' && r200.firstRowMs <= 1000 });
    targets.push({ target: 'worklist: 200 patients complete within 5 s', value: s(r200.completeMs), pass: typeof r200.completeMs === 'number' && r200.completeMs <= 5000 });
  }
  const r2000 = by(2000);
  if (r2000) targets.push({ target: 'worklist: 2,000 patients complete within 30 s', value: s(r2000.completeMs), pass: typeof r2000.completeMs === 'number' && r2000.completeMs <= 30_000 });
  out('');
  return { figures: { runs }, targets };
}

function printTargets() {
  out('5. Targets (read from this run\'s figures)');
  table(
    ['', 'target', 'measured'],
    results.targets.map((t) => [t.pass ? 'PASS' : 'MISS', t.target, t.value]),
  );
}

function machine() {
  const cpu = cpus();
  let chromium;
  try {
    chromium = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    chromium = 'not found at /usr/bin/chromium';
  }
  return { node: process.version, cpus: cpu.length, cpuModel: cpu[0]?.model ?? '', platform: `${process.platform} ${process.arch}`, chromium };
}

const started = Date.now();
out('LMWH Monitor benchmarks (figures, and targets checked against them: PASS / MISS)');
results.machine = { ...machine(), loadAverageStart: loadavg().map((n) => Number(n.toFixed(2))) };
results.options = { sizes: SIZES, delays: DELAYS, reps: REPS, timeoutS: TIMEOUT_S || undefined, budgetS: BUDGET_S, withCohorts: WITH_COHORTS, vitest: withVitest, browser: withBrowser };
out(`Node ${process.version}, ${cpus().length} CPUs (${results.machine.cpuModel}), ${results.machine.chromium}, load average ${loadavg().map((n) => n.toFixed(2)).join(' ')} at start`);
out('');

let ranOk = true;
if (withVitest) {
  out('Running vitest bench (bench/*.bench.ts, about a minute)...');
  const tmp = mkdtempSync(path.join(tmpdir(), 'lmwh-bench-'));
  const resultsFile = path.join(tmp, 'results.json');
  const factsFile = path.join(tmp, 'facts.jsonl');
  try {
    const { code, log } = await runVitest(resultsFile, factsFile);
    const vitestResults = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : [];
    const failed = vitestResults.filter((r) => r.state !== 'pass');
    const passed = vitestResults.filter((r) => r.state === 'pass');
    results.vitest = passed.map((r) => ({ suite: r.suite, name: r.name, mean: r.mean, median: r.median, max: r.max, runs: r.sampleCount }));
    if (code !== 0 || vitestResults.length === 0 || failed.length > 0) {
      ranOk = false;
      if (!verbose) process.stdout.write(log);
      out('');
      out(`vitest bench did not complete (exit ${code}${failed.length ? `; failed: ${failed.map((r) => r.name).join(', ')}` : ''}${vitestResults.length === 0 ? '; no results' : ''})`);
    }
    if (passed.length > 0) {
      const facts = readFacts(factsFile);
      out('');
      printBuild(passed, facts);
      out('');
      printLoad(passed, facts);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  out('');
}
// A build left from earlier work would be measured as if it were this checkout: dist/ is rebuilt first, unless the
// bundle comes from --dist or --no-build says the one there is current.
if (withBrowser && (distArg < 0 ? !args.includes('--no-build') : !existsSync(path.join(DIST, 'index.html')))) {
  out('Building the app (vite build) so that what is measured is this checkout...');
  execFileSync(path.join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn', '--outDir', DIST, '--emptyOutDir'], { cwd: ROOT, stdio: 'inherit' });
}
printBundle();
out('');
if (withBrowser && SIZES.length > 0) {
  out(`Running real launches in Chromium (sizes ${SIZES.join(', ')}; delays ${DELAYS.join(', ')} ms; up to ${REPS} runs each, 1 for N > 500)...`);
  try {
    const r = await runBrowserBench({
      root: ROOT,
      distDir: DIST,
      sizes: SIZES,
      delays: DELAYS,
      reps: (n) => (n > 500 ? 1 : REPS),
      timeoutMs: (n) => 1000 * (TIMEOUT_S || (n > 500 ? 90 : 60)),
      nowMs: Date.now(),
      seed: 1,
      cohortSizes: [200, 2000],
      loadCohorts: WITH_COHORTS,
      budgetMs: BUDGET_S * 1000,
      log: out,
    });
    results.browser = r;
    out('');
    printBrowser(r);
    results.targets.push(...launchTargets(r.summary));
  } catch (e) {
    ranOk = false;
    out(`   the browser benchmark could not run: ${e instanceof Error ? e.message : String(e)}`);
  }
  out('');
}
const worklist = await benchWorklist();
results.worklist = worklist ?? { note: 'not measured: the worklist does not exist yet (hook: benchWorklist in scripts/bench.mjs)' };
if (worklist) results.targets.push(...worklist.targets);
printTargets();
out('');
results.finishedAt = new Date().toISOString();
results.machine.loadAverageEnd = loadavg().map((n) => Number(n.toFixed(2)));
for (const problem of resultsProblems(results)) out(`   results.json shape: ${problem}`);
mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
out(`Results written to ${path.relative(ROOT, OUT) || OUT}.`);
out(`Load average ${loadavg().map((n) => n.toFixed(2)).join(' ')} at end; took ${((Date.now() - started) / 1000).toFixed(0)} s. Timings on a shared machine vary from run to run.`);
process.exitCode = ranOk ? 0 : 1;
