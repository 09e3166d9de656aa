/**
 * The SMART launch through a real browser against the local sandbox EHR, as a clinician would do it: EHR launch,
 * standalone launch, the app inside the EHR's iframe, token expiry with and without a refresh token, a forged launch
 * link, and the app page opened directly.
 */
import { describe, expect, it } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import { demoPatients } from '../../mocks/data/index.mjs';
import { FIXED_NOW, setupHarness, type TestPage } from './harness';

const h = setupHarness();

const demo = new Map(demoPatients(FIXED_NOW).map((p: { id: string; name: string; birthDate: string }) => [p.id, p]));

/** "3 Apr 1995": what the banner must show for a demo patient's birth date. */
function expectedDob(id: string): string {
  const birthDate = demo.get(id)?.birthDate;
  if (!birthDate) throw new Error(`no demo patient ${id}`);
  // Written independently of the app's formatter: day, three-letter English month, year ("13 Sep 1992").
  const [y, m, d] = birthDate.split('-').map(Number);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${d} ${months[(m ?? 1) - 1]} ${y}`;
}
const nameOf = (id: string) => demo.get(id)?.name ?? '';

async function open(): Promise<TestPage> {
  return h.newPage();
}

async function expectBanner(root: Page | FrameLocator, id: string) {
  const banner = root.getByRole('region', { name: 'Patient' });
  await banner.getByText(nameOf(id), { exact: true }).waitFor({ timeout: 15_000 });
  await banner.getByText(expectedDob(id), { exact: true }).waitFor();
}

/** The record view has loaded (its searches are done), so a later expiry is not raced by in-flight requests. */
async function recordLoaded(root: Page) {
  await root.getByRole('region', { name: 'Scheduled procedures and delivery' }).waitFor({ timeout: 20_000 });
}

describe('EHR launch from the sandbox EHR', () => {
  it('third-trimester patient: the banner shows her name and date of birth, the page is accessible, no console errors', async () => {
    const t = await open();
    await t.page.goto(`${h.url}/launch?patient=third-trimester`);
    await expectBanner(t.page, 'third-trimester');
    expect(t.page.url()).toBe(`${h.url}/app/`); // code and state removed from the address bar
    await t.page.getByRole('region', { name: 'Patient' }).getByText('Female', { exact: true }).waitFor();
    await t.page.getByRole('heading', { name: 'LMWH Monitor' }).waitFor();
    await t.screenshot('ehr-launch-third-trimester');
    await t.expectAccessible();
    t.expectNoConsoleErrors();
  });

  it('the app page sends the token request before it starts its lazy chunks, which would otherwise hold the connections it waits for', async () => {
    const t = await open();
    const order: string[] = [];
    t.page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path === '/auth/token') order.push('token');
      else if (/\/assets\/(PatientView|DdimerPlot|catalogue)-[^/]+\.js$/.test(path)) order.push(path.split('/').pop()!.split('-')[0]!);
    });
    await t.page.goto(`${h.url}/launch?patient=third-trimester`);
    await expectBanner(t.page, 'third-trimester');
    await expect.poll(() => order.length).toBeGreaterThanOrEqual(4);
    expect(order[0]).toBe('token');
    expect(order).toEqual(expect.arrayContaining(['PatientView', 'DdimerPlot', 'catalogue']));
    t.expectNoConsoleErrors();
  });

  it('the bleeding patient is shown for her own launch', async () => {
    const t = await open();
    await t.page.goto(`${h.url}/launch?patient=bleeding`);
    await expectBanner(t.page, 'bleeding');
    expect(await t.page.getByText(nameOf('third-trimester')).count()).toBe(0);
    t.expectNoConsoleErrors();
  });

  it('need_patient_banner=false: the EHR shows its own banner, so the app hides its banner', async () => {
    const t = await open();
    await t.page.goto(`${h.url}/launch?patient=third-trimester&need_patient_banner=false`);
    await t.page.getByRole('heading', { name: 'LMWH Monitor' }).waitFor({ timeout: 15_000 });
    // The print header still carries the patient (hidden on screen): wait for the Patient read to have happened.
    await t.page.getByTestId('print-header').getByText(nameOf('third-trimester')).waitFor({ state: 'attached' });
    expect(await t.page.getByRole('region', { name: 'Patient' }).count()).toBe(0);
    expect(await t.page.getByTestId('print-header').isVisible()).toBe(false);
    t.expectNoConsoleErrors();
  });

  it('inside the EHR iframe: the launch completes in the frame and the banner is visible there', async () => {
    const t = await open();
    await t.page.goto(`${h.url}/launch?patient=third-trimester&iframe=1`);
    const frame = t.page.frameLocator('iframe[title="LMWH Monitor"]');
    await expectBanner(frame, 'third-trimester');
    expect(await frame.getByRole('region', { name: 'Patient' }).isVisible()).toBe(true);
    await t.screenshot('ehr-launch-iframe');
    t.expectNoConsoleErrors();
  });
});

describe('standalone launch', () => {
  it('launch page with iss only: the sandbox asks for a patient, then the app shows her', async () => {
    const t = await open();
    await t.page.goto(`${h.url}/app/launch/?iss=${encodeURIComponent(`${h.url}/fhir`)}`);
    const pick = t.page.getByRole('button', { name: `Select ${nameOf('ivf-ohss')}` });
    await pick.waitFor({ timeout: 15_000 });
    await pick.click();
    await expectBanner(t.page, 'ivf-ohss');
    t.expectNoConsoleErrors();
  });

  it('launch page without iss: the server form offers the local sandbox and launches it', async () => {
    const t = await open();
    await t.page.goto(`${h.url}/app/launch/`);
    await t.page.getByRole('radio', { name: /Local sandbox EHR/ }).check();
    await t.screenshot('standalone-form');
    await t.expectAccessible();
    await t.page.getByRole('button', { name: 'Launch' }).click();
    const pick = t.page.getByRole('button', { name: `Select ${nameOf('no-lmwh')}` });
    await pick.waitFor({ timeout: 15_000 });
    await pick.click();
    await expectBanner(t.page, 'no-lmwh');
    t.expectNoConsoleErrors();
  });
});

describe('token expiry', () => {
  it('60-second token with online_access: after expiry the app refreshes the token and keeps working', async () => {
    const t = await open();
    await t.page.goto(`${h.url}/launch?patient=third-trimester&token_lifetime=60`);
    await expectBanner(t.page, 'third-trimester');
    await recordLoaded(t.page);
    await t.page.clock.fastForward('02:00');
    const refresh = t.page.waitForRequest((r) => r.url().endsWith('/auth/token') && (r.postData() ?? '').includes('grant_type=refresh_token'));
    const patientRead = t.page.waitForResponse((r) => r.url().includes('/fhir/Patient/') && r.status() === 200);
    await t.page.getByRole('button', { name: 'Reload record' }).click();
    await refresh;
    await patientRead;
    await expectBanner(t.page, 'third-trimester');
    expect(await t.page.getByText('Your session has ended').count()).toBe(0);
    t.expectNoConsoleErrors();
  });

  it('trimmed grant (no refresh token): after expiry the app says to relaunch from the EHR', async () => {
    const t = await open();
    await t.page.goto(`${h.url}/launch?patient=third-trimester&token_lifetime=60&grant=trimmed`);
    await expectBanner(t.page, 'third-trimester');
    await recordLoaded(t.page);
    await t.page.clock.fastForward('02:00');
    const fhirAfterExpiry: string[] = [];
    t.page.on('request', (r) => {
      if (r.url().includes('/fhir/')) fhirAfterExpiry.push(r.url());
    });
    await t.page.getByRole('button', { name: 'Reload record' }).click();
    await t.page.getByRole('heading', { name: 'Your session has ended' }).waitFor();
    await t.page.getByText('Your session has ended: relaunch LMWH Monitor from the EHR.').waitFor();
    expect(fhirAfterExpiry).toEqual([]); // the expired token was not sent
    await t.screenshot('session-ended');
    await t.expectAccessible();
    // The trimmed grant leaves out these three types on purpose; the app asks anyway and shows them as not available.
    t.expectNoConsoleErrors([/status of 403 \(Forbidden\).*\/fhir\/(MedicationDispense|ServiceRequest|Appointment)\?/]);
  });
});

describe('refusals and direct opening', () => {
  it('a forged EHR launch naming an unconfigured server is refused without contacting it', async () => {
    const t = await open();
    const forged = `${h.url}/app/launch/?iss=${encodeURIComponent('https://evil.example/fhir')}&launch=stolen`;
    await t.page.goto(forged);
    await t.page.getByRole('heading', { name: 'Launch refused' }).waitFor();
    await t.page.getByRole('alert').getByText('https://evil.example/fhir').waitFor();
    await t.page.waitForTimeout(300);
    expect(t.page.url()).toBe(forged);
    expect(t.requests.filter((u) => new URL(u).hostname.endsWith('evil.example'))).toEqual([]);
    await t.screenshot('forged-launch-refused');
    await t.expectAccessible();
    t.expectNoConsoleErrors();
  });

  it('opening the app page directly shows how to launch it, not a blank page or a stack trace', async () => {
    const t = await open();
    await t.page.goto(`${h.url}/app/`);
    await t.page.getByRole('heading', { name: 'LMWH Monitor has to be launched' }).waitFor();
    await t.page.getByRole('link', { name: 'sandbox EHR page' }).waitFor();
    expect(await t.page.getByRole('link', { name: 'Choose a FHIR server and a patient' }).getAttribute('href')).toBe(`${h.url}/app/launch/`);
    expect(await t.page.textContent('body')).not.toMatch(/at \w+ \(|Error:/);
    await t.screenshot('how-to-launch');
    await t.expectAccessible();
    t.expectNoConsoleErrors();
  });
});

describe('Content-Security-Policy without inline styles', () => {
  // The app page's policy has `style-src 'self'` (no 'unsafe-inline'): a `<style>` element or a style="" attribute
  // anywhere in what is exercised here would be blocked and reported as a securitypolicyviolation event.
  it('several patients, the D-dimer chart, the dose calendar, print, the iframe, the booking page and the worklist: no violation', async () => {
    const t = await open();
    const policy = (await t.page.request.get(`${h.url}/app/`)).headers()['content-security-policy'] ?? '';
    expect(policy).toMatch(/(^|; )style-src 'self'(;|$)/);
    for (const id of ['third-trimester', 'many-labs', 'bleeding', 'ivf-ohss', 'planned-surgery']) {
      await t.page.goto(`${h.url}/launch?patient=${id}`);
      await expectBanner(t.page, id);
      await t.page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, { timeout: 20_000 });
      await t.page.emulateMedia({ media: 'print' });
      await t.page.pdf({ format: 'A4' });
      await t.page.emulateMedia({ media: 'screen' });
    }
    // third-trimester's D-dimer results are drawn by the chart library (lazy chunk).
    await t.page.goto(`${h.url}/launch?patient=third-trimester`);
    await expectBanner(t.page, 'third-trimester');
    await t.page.locator('.recharts-surface').first().waitFor({ timeout: 20_000 });
    // React style props (the timeline's bar positions) go through the CSSOM, which the policy does not block.
    const bar = t.page.locator('.lane__segment').first();
    expect(await bar.evaluate((el) => (el as HTMLElement).style.width)).toMatch(/%$/);
    expect((await bar.boundingBox())?.width).toBeGreaterThan(0);
    // The print header's @page rule (built from the record at run time) is a constructed, adopted stylesheet.
    const pageRules = await t.page.evaluate(() => document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'));
    expect(pageRules).toContain('@top-left');
    expect(pageRules).toContain(nameOf('third-trimester'));
    const calendarButton = t.page.getByRole('button', { name: 'Dose calendar for the patient' });
    await calendarButton.click();
    await t.page.getByTestId('dose-calendar').getByRole('heading', { name: 'Your injection calendar' }).waitFor();
    await t.page.emulateMedia({ media: 'print' });
    await t.page.pdf({ format: 'A4' });
    await t.page.emulateMedia({ media: 'screen' });
    // The app inside the EHR page's iframe, and the sandbox's own pages (their policy has no 'unsafe-inline' either).
    await t.page.goto(`${h.url}/launch?patient=bleeding&iframe=1`);
    await expectBanner(t.page.frameLocator('iframe[title="LMWH Monitor"]'), 'bleeding');
    // The booking page runs its script (a file) under its own policy: the CDS answer is shown.
    await t.page.goto(`${h.url}/ehr/book?patient=third-trimester`);
    await t.page.getByLabel('Date').fill('2026-11-27');
    await t.page.getByRole('button', { name: 'Check and book' }).click();
    await t.page.getByRole('status').filter({ hasText: /The CDS service returned 1 card/ }).waitFor({ timeout: 20_000 });
    await t.page.goto(`${h.url}/`);
    await t.page.getByRole('button', { name: 'Launch worklist' }).click();
    await t.page.getByRole('table', { name: /LMWH worklist/ }).waitFor({ timeout: 30_000 });
    await t.page.getByText(/^(\d+) of \1 loaded$/).waitFor({ timeout: 60_000 });
    await t.page.emulateMedia({ media: 'print' });
    await t.page.pdf({ format: 'A4' });
    expect(t.cspViolations).toEqual([]);
    t.expectNoConsoleErrors();
  });
});
