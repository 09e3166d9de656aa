// @ts-check
/**
 * Worklist figures for `npm run bench`: the sandbox with a generated cohort (mocks/sandbox/cohort.mjs, no demo
 * patients), a real provider launch in Chromium (`/launch?worklist=1`), and per cohort size: time from the token
 * (the token request) to the first row (seen by the test driver, and by the page itself), to "N of N loaded", the FHIR requests made and their bytes (response bodies
 * as received, i.e. compressed where the server compressed), the searches that named several patients, and the peak
 * JS heap (sampled every 250 ms over CDP). Never pass/fail by itself: scripts/bench.mjs turns the figures into
 * targets. Runs alone too (after a build): `node scripts/bench-worklist.mjs [sizes...]` prints the figures as JSON.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-quic'];

/**
 * @param {{ root: string, distDir: string, nowMs: number, sizes: number[], timeoutMs: (n: number) => number, log: (s: string) => void }} o
 */
export async function runWorklistBench(o) {
  const { startSandbox } = await import(path.join(o.root, 'mocks/sandbox/index.mjs'));
  const { chromium } = await import('playwright-core');
  /** @type {Record<string, unknown>[]} */
  const runs = [];
  for (const n of o.sizes) {
    const t0 = Date.now();
    const sandbox = await startSandbox({ port: 0, now: o.nowMs, demo: false, cohortSize: n, distDir: o.distDir, log: () => undefined });
    o.log(`   cohort of ${n}: sandbox ready in ${Date.now() - t0} ms`);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      runs.push(await oneRun(browser, sandbox.url, n, o.timeoutMs(n)));
    } finally {
      await browser.close();
      await sandbox.close();
    }
  }
  return runs;
}

/** @param {import('playwright-core').Browser} browser @param {string} url @param {number} n @param {number} timeoutMs */
async function oneRun(browser, url, n, timeoutMs) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  let tokenAt = NaN;
  let requests = 0;
  let listSearches = 0;
  /** @type {Promise<number>[]} */
  const sizes = [];
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (u.pathname === '/auth/token' && Number.isNaN(tokenAt)) tokenAt = Date.now();
    if (!u.pathname.startsWith('/fhir/')) return;
    requests++;
    if ((u.searchParams.get('patient') ?? '').includes(',')) listSearches++;
  });
  page.on('requestfinished', (req) => {
    if (!new URL(req.url()).pathname.startsWith('/fhir/')) return;
    sizes.push(req.sizes().then((x) => x.responseBodySize + x.responseHeadersSize, () => 0));
  });
  let peakHeap = 0;
  const sampler = setInterval(() => {
    cdp.send('Performance.getMetrics').then(
      (m) => {
        const heap = m.metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0;
        peakHeap = Math.max(peakHeap, heap);
      },
      () => undefined,
    );
  }, 250);
  // The first row as the page itself sees it (a MutationObserver, on the page's clock from the token request's start):
  // the driver's own figure below also counts the time its events take to arrive from the browser.
  // (These functions run in the page: its globals are reached through globalThis.)
  await page.addInitScript(() => {
    const w = /** @type {any} */ (globalThis);
    new w.MutationObserver((/** @type {unknown} */ _, /** @type {{ disconnect(): void }} */ obs) => {
      if (!w.document.querySelector('table.worklist-table tbody tr')) return;
      w.__firstRowAt = performance.now();
      obs.disconnect();
    }).observe(w.document, { childList: true, subtree: true });
  });
  /** @type {Record<string, unknown>} */
  const run = { n };
  try {
    await page.goto(`${url}/launch?worklist=1`, { timeout: timeoutMs });
    // Checked on every animation frame: a locator's wait backs off to polling every 500 ms, which would round the
    // first row up by as much.
    await page.waitForFunction(() => /** @type {any} */ (globalThis).document.querySelector('table.worklist-table tbody tr') !== null, null, { polling: 'raf', timeout: timeoutMs });
    run.firstRowMs = Date.now() - tokenAt;
    run.firstRowInPageMs = await page.evaluate(() => {
      const token = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === '/auth/token');
      const at = /** @type {any} */ (globalThis).__firstRowAt;
      return token && typeof at === 'number' ? Math.round(at - token.startTime) : null;
    });
    await page.getByText(new RegExp(`^${n} of ${n} loaded$`)).waitFor({ timeout: timeoutMs });
    run.completeMs = Date.now() - tokenAt;
  } catch (e) {
    run.error = e instanceof Error ? e.message.split('\n')[0] : String(e);
  } finally {
    clearInterval(sampler);
  }
  run.requests = requests;
  run.patientListSearches = listSearches;
  run.bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  run.peakHeapBytes = peakHeap;
  await context.close();
  return run;
}

// Alone: `node scripts/bench-worklist.mjs 200` (needs dist/: `npx vite build`).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const runs = await runWorklistBench({
    root,
    distDir: path.join(root, 'dist'),
    nowMs: Date.parse('2026-11-25T09:00:00Z'),
    sizes: sizes.length ? sizes : [200],
    timeoutMs: (n) => (n > 500 ? 300_000 : 120_000),
    log: (line) => console.log(line),
  });
  console.log(JSON.stringify(runs, null, 2));
}
