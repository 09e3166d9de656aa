/**
 * Browser end-to-end harness: the local sandbox EHR in-process (serving the built app from dist/), Debian's chromium
 * driven by playwright-core, a fixed page clock, an axe check (serious/critical violations fail), screenshots under
 * test-results/, and console errors collected so a test can fail on them. Build first: `./node_modules/.bin/vite build`
 * (npm test does it before the e2e project runs).
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { startSandbox } from '../../mocks/sandbox/index.mjs';

/** The sandbox's and the browser's "now": Wednesday 25 Nov 2026 09:00 in London. */
export const FIXED_NOW = Date.parse('2026-11-25T09:00:00Z');
export const RESULTS_DIR = resolve(import.meta.dirname, '../../test-results');
const DIST_APP = resolve(import.meta.dirname, '../../dist/index.html');
const DIST_LAUNCH = resolve(import.meta.dirname, '../../dist/launch/index.html');

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

export interface TestPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors seen so far (text only). */
  consoleErrors: string[];
  /**
   * Content-Security-Policy violations reported in the page or any of its frames (`securitypolicyviolation`
   * events): directive, what was blocked, where. Each is also a console error, so expectNoConsoleErrors fails on it.
   */
  cspViolations: string[];
  /** Every URL the page (and its frames) requested. */
  requests: string[];
  /** Saves test-results/e2e-<name>.png (full page). */
  screenshot(name: string): Promise<string>;
  /** Runs axe on the page (or a frame selector's document); throws listing serious/critical violations. */
  expectAccessible(options?: { include?: string; frameSelector?: string }): Promise<void>;
  /**
   * Throws when any console error was seen, except those matching `allow` (for refusals the test itself arranged,
   * e.g. the 403s of a trimmed grant, which Chromium logs as failed resource loads).
   */
  expectNoConsoleErrors(allow?: RegExp[]): void;
  close(): Promise<void>;
}

export interface Harness {
  /** The sandbox origin, e.g. http://127.0.0.1:41234 */
  url: string;
  /** A page in a fresh browser context; `locale` is the browser language (default en-GB). */
  newPage(options?: { locale?: string }): Promise<TestPage>;
  close(): Promise<void>;
}

/** Starts the sandbox and chromium. Call close() in afterAll (it also closes every page still open). */
export async function startHarness(options: { dataPaths?: string[]; cohortSize?: number } = {}): Promise<Harness> {
  if (!existsSync(DIST_APP) || !existsSync(DIST_LAUNCH)) {
    throw new Error('dist/ has no build of the app: run ./node_modules/.bin/vite build first (npm test does it).');
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  const sandbox = await startSandbox({ port: 0, now: FIXED_NOW, dataPaths: options.dataPaths ?? [], log: () => undefined, cohortSize: options.cohortSize ?? 0 });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  } catch (e) {
    await sandbox.close();
    throw e;
  }
  const open = new Set<TestPage>();
  const b = browser;

  async function newPage(options: { locale?: string } = {}): Promise<TestPage> {
    const context = await b.newContext({ timezoneId: 'Europe/London', locale: options.locale ?? 'en-GB', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    // A fixed start that still lets timers run (install, not setFixedTime); tests move it with fastForward.
    await page.clock.install({ time: FIXED_NOW });
    const consoleErrors: string[] = [];
    const requests: string[] = [];
    const cspViolations: string[] = [];
    // Reported from every document of the context (frames included), before any of the page's own scripts run.
    await context.exposeBinding('__reportCspViolation', ({ frame }, text: string) => {
      cspViolations.push(`${text} (${frame.url()})`);
      consoleErrors.push(`CSP violation: ${text} (${frame.url()})`);
    });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = (window as unknown as { __reportCspViolation?: (t: string) => void }).__reportCspViolation;
        report?.(`${e.effectiveDirective} blocked ${e.blockedURI || 'an inline item'} at ${e.sourceFile || '?'}:${e.lineNumber} "${e.sample}"`);
      });
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(`${msg.text()} (${msg.location().url})`);
    });
    page.on('pageerror', (err) => consoleErrors.push(`uncaught: ${err.message}`));
    page.on('request', (req) => requests.push(req.url()));
    const tp: TestPage = {
      page,
      context,
      consoleErrors,
      cspViolations,
      requests,
      async screenshot(name) {
        const file = resolve(RESULTS_DIR, `e2e-${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        return file;
      },
      async expectAccessible(options = {}) {
        let builder = new AxeBuilder({ page });
        if (options.frameSelector) builder = builder.include(options.frameSelector);
        if (options.include) builder = builder.include(options.include);
        const result = await builder.analyze();
        const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        if (bad.length) {
          const lines = bad.map((v) => `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          throw new Error(`axe found ${bad.length} serious/critical violation(s):\n${lines.join('\n')}`);
        }
      },
      expectNoConsoleErrors(allow = []) {
        const unexpected = consoleErrors.filter((e) => !allow.some((re) => re.test(e)));
        if (unexpected.length) throw new Error(`console errors:\n${unexpected.join('\n')}`);
      },
      async close() {
        open.delete(tp);
        await context.close();
      },
    };
    open.add(tp);
    return tp;
  }

  return {
    url: sandbox.url,
    newPage,
    async close() {
      for (const p of [...open]) await p.close().catch(() => undefined);
      await b.close().catch(() => undefined);
      await sandbox.close();
    },
  };
}

/** The harness as one test file uses it: its URL, and pages that are closed after each test. */
export interface SuiteHarness {
  readonly url: string;
  /** A page in a fresh browser context; `locale` is the browser language (default en-GB). */
  newPage(options?: { locale?: string }): Promise<TestPage>;
}

/**
 * Registers a test file's harness lifecycle: one sandbox and browser for the file (closed after it), and every page
 * opened through it closed after its test.
 */
export function setupHarness(options: { dataPaths?: string[]; cohortSize?: number } = {}): SuiteHarness {
  let harness: Harness | undefined;
  const pages: TestPage[] = [];
  beforeAll(async () => {
    harness = await startHarness(options);
  });
  afterEach(async () => {
    for (const p of pages.splice(0)) await p.close();
  });
  afterAll(async () => {
    await harness?.close();
  });
  const started = (): Harness => {
    if (!harness) throw new Error('the harness is not started yet (use it inside a test)');
    return harness;
  };
  return {
    get url() {
      return started().url;
    },
    async newPage(pageOptions) {
      const page = await started().newPage(pageOptions);
      pages.push(page);
      return page;
    },
  };
}
