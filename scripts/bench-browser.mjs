// @ts-check
/**
 * The browser part of `npm run bench`: real SMART launches of generated patients in Debian's Chromium (playwright-core)
 * against the local sandbox EHR, started once, behind a small proxy that adds a fixed delay to every EHR request
 * (launch, OAuth, FHIR; not the app's static files), standing in for a real EHR's response time.
 *
 * Per launch (sizes interleaved, fresh browser context each time, so nothing is cached):
 * - launch to first screen, to D-dimer table complete, to chart drawn: from the moment the EHR launch URL is opened to
 *   the app's performance marks (src/ui/common/perfMarks.ts), all in epoch ms on this machine's clock;
 * - FHIR requests and bytes (response bodies as sent; the sandbox does not compress them today) of the app;
 * - JS heap after the chart is drawn (CDP Runtime.getHeapUsage after a forced GC);
 * - gzip size of the JavaScript the app page (not the launch page) had requested when the first screen rendered
 *   (sizes from dist/, gzip level 9);
 * - the naive loader in the same page with the same token: `Observation?patient=<id>&_count=100` and every next
 *   link one after the other, then MedicationRequest, Procedure, ServiceRequest, Condition the same way.
 */
import { createServer, request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync, existsSync } from 'node:fs';

/** The marks the app sets (src/ui/common/perfMarks.ts); keep in step. */
export const MARKS = { firstScreen: 'lmwh:first-screen', ddimerTable: 'lmwh:ddimer-table', chart: 'lmwh:chart' };

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * The 25 functions with the most self time in a CDP CPU profile, one line each (ms, function, file:line).
 * @param {{ nodes: { id: number, callFrame: { functionName: string, url: string, lineNumber: number } }[], samples?: number[], timeDeltas?: number[] }} profile
 * @param {string} title
 */
function topSelfTime(profile, title) {
  /** @type {Map<number, number>} */
  const self = new Map();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) self.set(/** @type {number} */ (samples[i]), (self.get(/** @type {number} */ (samples[i])) ?? 0) + (deltas[i] ?? 0) / 1000);
  /** @type {Map<string, number>} */
  const byFrame = new Map();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;
    byFrame.set(key, (byFrame.get(key) ?? 0) + (self.get(node.id) ?? 0));
  }
  const top = [...byFrame].sort((a, b) => b[1] - a[1]).slice(0, 25);
  return [title, ...top.map(([k, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${k}`)].join('\n');
}

/**
 * A proxy in front of the sandbox that waits `delayMs` before forwarding each EHR request (everything but /app/).
 * Its port is taken first, so that the sandbox can be started with the proxy as its public origin (issuer, FHIR base,
 * OAuth endpoints and every link name the proxy, so the app never goes round it); the upstream is set once the
 * sandbox listens. One proxy serves every delay: launches run one at a time and the delay is set before each.
 * The Host header is passed through (the sandbox allows its public URL's host).
 */
export async function startDelayProxy() {
  /** @type {URL | null} */
  let target = null;
  let delayMs = 0;
  const server = createServer((req, res) => {
    const forward = () => {
      if (!target) {
        res.writeHead(503, { 'retry-after': '1' });
        res.end();
        return;
      }
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
    };
    const wait = delayMs;
    if (wait > 0 && !(req.url ?? '').startsWith('/app/')) setTimeout(forward, wait);
    else forward();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    /** @param {string} upstream the sandbox's listening origin */
    setTarget: (upstream) => {
      target = new URL(upstream);
    },
    /** @param {number} ms added before forwarding each EHR request from now on */
    setDelay: (ms) => {
      delayMs = ms;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      }),
  };
}

/**
 * Runs in the page: the naive loader, with the token fhirclient keeps in this tab's sessionStorage.
 * @param {{ patientId: string, deadlineMs: number }} args
 */
async function naiveLoader({ patientId, deadlineMs }) {
  const key = JSON.parse(sessionStorage.getItem('SMART_KEY') ?? 'null');
  const state = key ? JSON.parse(sessionStorage.getItem(key) ?? 'null') : null;
  const token = state?.tokenResponse?.access_token;
  const base = String(state?.serverUrl ?? '').replace(/\/+$/, '');
  if (!token || !base) return { error: 'no fhirclient state in sessionStorage' };
  const t0 = performance.now();
  let requests = 0;
  let resources = 0;
  let timedOut = false;
  /** @param {string | undefined} url */
  const all = async (url) => {
    while (url) {
      if (performance.now() - t0 > deadlineMs) {
        timedOut = true;
        return;
      }
      const r = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/fhir+json' } });
      requests++;
      const b = await r.json();
      resources += (b.entry ?? []).length;
      url = (b.link ?? []).find((/** @type {any} */ l) => l.relation === 'next')?.url;
    }
  };
  const id = encodeURIComponent(patientId);
  await all(`${base}/Observation?patient=${id}&_count=100`);
  for (const type of ['MedicationRequest', 'Procedure', 'ServiceRequest', 'Condition']) await all(`${base}/${type}?patient=${id}`);
  return { ms: performance.now() - t0, requests, resources, timedOut };
}

/**
 * @param {number[]} xs
 * @returns {{ median: number, min: number, max: number, n: number } | null}
 */
export function stats(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 ? /** @type {number} */ (v[mid]) : (/** @type {number} */ (v[mid - 1]) + /** @type {number} */ (v[mid])) / 2;
  return { median, min: /** @type {number} */ (v[0]), max: /** @type {number} */ (v[v.length - 1]), n: v.length };
}

/**
 * @param {{
 *   root: string, distDir: string, sizes: number[], delays: number[], reps: (n: number) => number,
 *   timeoutMs: (n: number) => number, nowMs: number, seed: number, cohortSizes: number[], loadCohorts: boolean,
 *   budgetMs: number, log: (line: string) => void,
 * }} o
 *   cohortSizes are generated (mocks/generate/cohort.mjs) and loaded into the sandbox only with loadCohorts (they are
 *   for the worklist; in a store without indexes they would slow every search). budgetMs: no new launch starts after
 *   this long (the runs left are recorded as skipped); sizes are interleaved, so every size gets its first run early.
 */
export async function runBrowserBench(o) {
  const { startSandbox } = await import(path.join(o.root, 'mocks/sandbox/index.mjs'));
  const { labsPatient } = await import(path.join(o.root, 'mocks/generate/labs-patient.mjs'));
  const { cohort } = await import(path.join(o.root, 'mocks/generate/cohort.mjs'));
  const { chromium } = await import('playwright-core');

  // 1. Generated data, written as NDJSON and loaded through the sandbox's data option (as SANDBOX_DATA would).
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lmwh-bench-data-'));
  /** @type {Map<number, string>} */
  const patientOf = new Map();
  let generated = 0;
  const genStart = Date.now();
  for (const n of o.sizes) {
    const p = labsPatient({ n, nowMs: o.nowMs, seed: o.seed });
    patientOf.set(n, p.id);
    writeFileSync(path.join(dataDir, `labs-${n}.ndjson`), p.resources.map((/** @type {any} */ r) => JSON.stringify(r)).join('\n'));
    generated += p.resources.length;
  }
  /** @type {{ size: number, patients: number, resources: number, loaded: boolean }[]} */
  const cohorts = [];
  const cohortDir = path.join(dataDir, o.loadCohorts ? '.' : 'not-loaded');
  mkdirSync(cohortDir, { recursive: true });
  for (const size of o.cohortSizes) {
    const c = cohort({ size, nowMs: o.nowMs, seed: o.seed, idPrefix: `cohort${size}` });
    const resources = c.flatMap((/** @type {any} */ p) => p.resources);
    writeFileSync(path.join(cohortDir, `cohort-${size}.ndjson`), resources.map((/** @type {any} */ r) => JSON.stringify(r)).join('\n'));
    cohorts.push({ size, patients: c.length, resources: resources.length, loaded: o.loadCohorts });
    generated += resources.length;
  }
  const genMs = Date.now() - genStart;

  const loadStart = Date.now();
  const dataFiles = [...o.sizes.map((n) => path.join(dataDir, `labs-${n}.ndjson`)), ...(o.loadCohorts ? o.cohortSizes.map((size) => path.join(dataDir, `cohort-${size}.ndjson`)) : [])];
  const proxy = await startDelayProxy();
  /** @type {{ url: string, publicUrl: string, close: () => Promise<void>, loadReport: { loaded: number, errors: string[] } }} */
  let sandbox;
  try {
    sandbox = await startSandbox({ port: 0, now: o.nowMs, dataPaths: dataFiles, demo: false, distDir: o.distDir, publicUrl: proxy.url, log: () => undefined });
  } catch (e) {
    await proxy.close();
    throw e;
  }
  proxy.setTarget(sandbox.url);
  const loadMs = Date.now() - loadStart;
  const storeResources = sandbox.loadReport.loaded;
  o.log(
    `   ${generated} resources generated in ${genMs} ms (cohorts ${o.cohortSizes.join(', ')}${o.loadCohorts ? '' : ' generated, not loaded'}); sandbox started with ${storeResources} resources in ${loadMs} ms (${sandbox.loadReport.errors.length} problems)`,
  );
  for (const e of sandbox.loadReport.errors.slice(0, 5)) o.log(`   problem: ${e}`);

  /** @type {import('playwright-core').Browser} */
  let browser;
  try {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  } catch (e) {
    await proxy.close();
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }

  /** @type {Map<string, number>} gzip size per dist file, by URL path below /app/ */
  const gzCache = new Map();
  /** @param {string} url */
  const gzOf = (url) => {
    const rel = decodeURIComponent(new URL(url).pathname).replace(/^\/app\//, '');
    if (!gzCache.has(rel)) {
      const file = path.join(o.distDir, rel);
      gzCache.set(rel, existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0);
    }
    return /** @type {number} */ (gzCache.get(rel));
  };

  /** @param {number} n @param {number} delay @param {number} rep */
  async function oneLaunch(n, delay, rep) {
    proxy.setDelay(delay);
    const patientId = /** @type {string} */ (patientOf.get(n));
    const timeoutMs = o.timeoutMs(n);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    let phase = 'app';
    const counts = { app: { requests: 0, bytes: 0 }, naive: { requests: 0, bytes: 0 } };
    /** @type {{ url: string, at: number }[]} */
    const scripts = [];
    let chartChunkAt = NaN;
    let firstFhirAt = NaN;
    let lastFhirEndAt = NaN;
    page.on('request', (req) => {
      const u = req.url();
      if (u.endsWith('.js')) {
        let fromLaunchPage = false;
        try {
          fromLaunchPage = new URL(req.frame().url()).pathname.startsWith('/app/launch/');
        } catch {
          /* no frame */
        }
        if (!fromLaunchPage) scripts.push({ url: u, at: Date.now() });
        if (/\/DdimerPlot-[^/]*\.js$/.test(u) && Number.isNaN(chartChunkAt)) chartChunkAt = Date.now();
      }
      if (phase === 'app' && new URL(u).pathname.startsWith('/fhir/') && !/\/metadata|well-known/.test(u) && Number.isNaN(firstFhirAt)) firstFhirAt = Date.now();
    });
    /** @type {string[]} */
    const trace = [];
    page.on('requestfinished', (req) => {
      const u = new URL(req.url());
      if (process.env.BENCH_TRACE && phase === 'app') {
        const tm = req.timing();
        trace.push(`${String(Math.round(tm.startTime - t0)).padStart(5)} +${String(Math.round(tm.responseEnd)).padStart(4)} ms  ${u.pathname}${u.search.slice(0, 70)}`);
      }
      if (!u.pathname.startsWith('/fhir/')) return;
      const bucket = phase === 'naive' ? counts.naive : counts.app;
      bucket.requests++;
      if (phase === 'app') lastFhirEndAt = Date.now();
      req.sizes().then(
        (s) => {
          bucket.bytes += s.responseBodySize;
        },
        () => undefined,
      );
    });

    // BENCH_PROFILE=1: a CPU profile of the launch; the functions with the most self time are printed.
    if (process.env.BENCH_PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    const t0 = Date.now();
    /** @type {Record<string, any>} */
    const run = { n, delay, rep };
    try {
      await page.goto(`${proxy.url}/launch?patient=${encodeURIComponent(patientId)}`, { timeout: timeoutMs });
      await page.waitForFunction((names) => names.every((m) => performance.getEntriesByName(m, 'mark').length > 0), Object.values(MARKS), { timeout: Math.max(1000, timeoutMs - (Date.now() - t0)), polling: 50 });
    } catch {
      run.timedOut = true;
    }
    /** @type {Record<string, number>} */
    const marks = await page
      .evaluate((names) => Object.fromEntries(names.flatMap((m) => performance.getEntriesByName(m, 'mark').slice(0, 1).map((e) => [m, performance.timeOrigin + e.startTime]))), Object.values(MARKS))
      .catch(() => ({}));
    const at = (/** @type {string} */ m) => (typeof marks[m] === 'number' ? marks[m] - t0 : undefined);
    run.firstScreenMs = at(MARKS.firstScreen);
    if (process.env.BENCH_PROFILE) {
      const { profile } = await cdp.send('Profiler.stop');
      o.log(topSelfTime(profile, `   profile N=${n} ${delay} ms:`));
      // BENCH_PROFILE_DIR=dir also keeps the profile (open it in Chromium's DevTools, Performance panel).
      if (process.env.BENCH_PROFILE_DIR) writeFileSync(path.join(process.env.BENCH_PROFILE_DIR, `launch-${n}-${delay}ms-${rep + 1}.cpuprofile`), JSON.stringify(profile));
    }
    // BENCH_TRACE=1: every request of the launch (start after launch, duration), to see what the first screen waited for.
    if (process.env.BENCH_TRACE) o.log([`   trace N=${n} ${delay} ms, first screen at ${Math.round(run.firstScreenMs ?? NaN)} ms:`, ...trace].join('\n'));
    run.tableMs = at(MARKS.ddimerTable);
    run.chartMs = at(MARKS.chart);
    await new Promise((r) => setTimeout(r, 50)); // let the last sizes() promises settle
    run.requests = counts.app.requests;
    run.bytes = counts.app.bytes;
    const firstScreenAbs = marks[MARKS.firstScreen];
    if (typeof firstScreenAbs === 'number') {
      const seen = new Set();
      run.jsBeforeFirstScreenGzip = scripts.filter((s) => s.at <= firstScreenAbs && !seen.has(s.url) && seen.add(s.url)).reduce((sum, s) => sum + gzOf(s.url), 0);
    }
    run.chartChunkStartMs = Number.isNaN(chartChunkAt) ? undefined : chartChunkAt - t0;
    run.firstFhirRequestMs = Number.isNaN(firstFhirAt) ? undefined : firstFhirAt - t0;
    run.lastFhirResponseMs = Number.isNaN(lastFhirEndAt) ? undefined : lastFhirEndAt - t0;
    try {
      await cdp.send('HeapProfiler.collectGarbage');
      run.heapBytes = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    } catch {
      /* the page may have gone */
    }
    if (!run.timedOut) {
      phase = 'naive';
      try {
        const naive = await page.evaluate(naiveLoader, { patientId, deadlineMs: timeoutMs });
        await new Promise((r) => setTimeout(r, 50));
        if ('error' in naive) run.naiveError = naive.error;
        else {
          run.naiveMs = naive.timedOut ? undefined : naive.ms;
          run.naiveTimedOut = naive.timedOut || undefined;
          run.naiveResources = naive.resources;
          run.naiveRequests = counts.naive.requests;
          run.naiveBytes = counts.naive.bytes;
        }
      } catch (e) {
        run.naiveError = e instanceof Error ? e.message.split('\n')[0] : String(e);
      }
    }
    await context.close();
    return run;
  }

  /**
   * Waits until the sandbox answers a trivial request quickly: after a launch that timed out, the searches it had
   * already sent are still being answered, and would slow the next launch.
   */
  async function settle() {
    const until = Date.now() + 30_000;
    while (Date.now() < until) {
      const t = Date.now();
      await fetch(`${sandbox.url}/fhir/metadata`).then((res) => res.arrayBuffer(), () => undefined);
      if (Date.now() - t < 100) return;
    }
  }

  /** @type {Record<string, any>[]} */
  const runs = [];
  try {
    const maxReps = Math.max(...o.sizes.map((n) => o.reps(n)));
    const benchStart = Date.now();
    for (let rep = 0; rep < maxReps; rep++) {
      for (const n of o.sizes) {
        if (rep >= o.reps(n)) continue;
        for (const delay of o.delays) {
          if (Date.now() - benchStart > o.budgetMs) {
            runs.push({ n, delay, rep, skipped: true });
            continue;
          }
          const r = await oneLaunch(n, delay, rep);
          await settle();
          runs.push(r);
          const f = (/** @type {number | undefined} */ v) => (typeof v === 'number' ? `${(v / 1000).toFixed(2)} s` : '-');
          o.log(
            `   N=${n} delay ${delay} ms rep ${rep + 1}: first screen ${f(r.firstScreenMs)}, table ${f(r.tableMs)}, chart ${f(r.chartMs)}, ${r.requests} req; naive ${r.naiveTimedOut ? 'timed out' : f(r.naiveMs)}${r.timedOut ? ` (timed out after ${o.timeoutMs(n) / 1000} s)` : ''}`,
          );
        }
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
    await proxy.close();
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  /** Medians with min-max per size and delay. */
  const summary = [];
  for (const n of o.sizes) {
    for (const delay of o.delays) {
      const rs = runs.filter((r) => r.n === n && r.delay === delay && !r.skipped);
      const pick = (/** @type {string} */ k) => stats(rs.map((r) => r[k]));
      // Counts of a launch that timed out are partial: left out of the medians.
      const pickDone = (/** @type {string} */ k) => stats(rs.filter((r) => !r.timedOut).map((r) => r[k]));
      const table = pick('tableMs');
      const naive = pick('naiveMs');
      summary.push({
        n,
        delay,
        patientId: patientOf.get(n),
        reps: rs.length,
        skipped: runs.filter((r) => r.n === n && r.delay === delay && r.skipped).length,
        timedOut: rs.filter((r) => r.timedOut).length,
        naiveTimedOut: rs.filter((r) => r.naiveTimedOut).length,
        timeoutMs: o.timeoutMs(n),
        firstScreenMs: pick('firstScreenMs'),
        tableMs: table,
        chartMs: pick('chartMs'),
        requests: pickDone('requests'),
        bytes: pickDone('bytes'),
        heapBytes: pickDone('heapBytes'),
        jsBeforeFirstScreenGzip: pickDone('jsBeforeFirstScreenGzip'),
        chartChunkStartMs: pick('chartChunkStartMs'),
        firstFhirRequestMs: pick('firstFhirRequestMs'),
        lastFhirResponseMs: pick('lastFhirResponseMs'),
        naiveMs: naive,
        naiveRequests: pick('naiveRequests'),
        naiveBytes: pick('naiveBytes'),
        naiveResources: pick('naiveResources'),
        ratioTableToNaive: table && naive ? table.median / naive.median : null,
      });
    }
  }
  return { generatedResources: generated, storeResources, loadMs, cohorts, budgetMs: o.budgetMs, runs, summary };
}
