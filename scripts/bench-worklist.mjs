// @ts-check
/**
 * Worklist figures for `npm run bench`: the sandbox with a generated cohort (mocks/sandbox/cohort.mjs, no demo
 * patients), a real provider launch in Chromium (`/launch?worklist=1`), and per cohort size: time from the token
 * (the app page's first FHIR request) to the first row, to "N of N loaded", the FHIR requests made, and the peak
 * JS heap (sampled every 250 ms over CDP). Never pass/fail by itself: scripts/bench.mjs turns the figures into
 * targets.
 */
import path from 'node:path';

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
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (u.pathname === '/auth/token' && Number.isNaN(tokenAt)) tokenAt = Date.now();
    if (u.pathname.startsWith('/fhir/')) requests++;
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
  /** @type {Record<string, unknown>} */
  const run = { n };
  try {
    await page.goto(`${url}/launch?worklist=1`, { timeout: timeoutMs });
    await page.locator('table.worklist-table tbody tr').first().waitFor({ timeout: timeoutMs });
    run.firstRowMs = Date.now() - tokenAt;
    await page.getByText(new RegExp(`^${n} of ${n} loaded$`)).waitFor({ timeout: timeoutMs });
    run.completeMs = Date.now() - tokenAt;
  } catch (e) {
    run.error = e instanceof Error ? e.message.split('\n')[0] : String(e);
  } finally {
    clearInterval(sampler);
  }
  run.requests = requests;
  run.peakHeapBytes = peakHeap;
  await context.close();
  return run;
}
