/**
 * The clinical views through a real launch, with the page clock fixed: the D-dimer table twin checked row by row
 * against the demo data, the unit selector, the stop-criteria card of the third-trimester patient, the bleeding alert
 * (and its absence elsewhere), "No LMWH order found" for a what-if slot, copy to note in and out of the EHR iframe,
 * the printed page, axe after the data have loaded, and a public Synthea patient loaded through SANDBOX_DATA.
 */
import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { resolve } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { demoPatients } from '../../mocks/data/index.mjs';
import { DDIMER_CODES } from '../../src/domain/codes';
import { FIXED_NOW, RESULTS_DIR, startHarness, setupHarness, type TestPage } from './harness';
import { pdfPageTexts } from './pdfText';

const ZONE = 'Europe/London';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "3 Jun 2026": written independently of the app's formatter. */
const dayText = (dt: DateTime) => `${dt.day} ${MONTHS[dt.month - 1]} ${dt.year}`;

const h = setupHarness();

type Demo = { id: string; name: string; resources: fhir4.Resource[] };
const demos = demoPatients(FIXED_NOW) as Demo[];
const demo = (id: string) => demos.find((d) => d.id === id)!;

async function launch(id: string, extra = ''): Promise<TestPage> {
  const tp = await h.newPage();
  await tp.page.goto(`${h.url}/launch?patient=${id}${extra}`);
  return tp;
}

/** The D-dimer table twin, once the record has loaded. */
async function ddimerTable(root: Page | FrameLocator): Promise<Locator> {
  const table = root.getByRole('table', { name: /D-dimer/ });
  await table.waitFor({ timeout: 20_000 });
  return table;
}

/** The D-dimer Observations a clinician should see for a demo patient: every D-dimer code, not entered-in-error. */
function expectedDdimerRows(id: string) {
  return demo(id)
    .resources.filter((r): r is fhir4.Observation => r.resourceType === 'Observation')
    .filter((o) => o.status !== 'entered-in-error' && (o.code.coding ?? []).some((c) => c.system === 'http://loinc.org' && c.code! in DDIMER_CODES))
    .map((o) => ({ when: DateTime.fromISO(o.effectiveDateTime!, { zone: ZONE }), value: o.valueQuantity!.value!, unit: o.valueQuantity!.unit ?? '' }));
}

describe('third-trimester patient: D-dimer across the pregnancy', () => {
  it('the table twin has one row per D-dimer result in the record, with the value as reported; entered-in-error left out', async () => {
    const t = await launch('third-trimester');
    const table = await ddimerTable(t.page);
    const expected = expectedDdimerRows('third-trimester');
    expect(expected).toHaveLength(10);
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(expected.length);
    const texts = await rows.allInnerTexts();
    for (const e of expected) {
      const row = texts.find((r) => r.includes(dayText(e.when)) && r.includes(String(e.value)));
      expect(row, `row for ${dayText(e.when)} ${e.value} ${e.unit}`).toBeDefined();
    }
    // Header names of the table twin.
    const headers = await table.locator('thead th').allInnerTexts();
    expect(headers.map((x) => x.trim())).toEqual(['Date', 'Gestational age', 'Result (as reported)', 'Normalised value', 'Status', 'Source'].map((x) => expect.stringContaining(x)));
    // The DDU result is labelled DDU, never converted to FEU.
    const dduRow = texts.find((r) => r.includes('300'))!;
    expect(dduRow).toMatch(/DDU/);
    // The chart, described by text, and its screenshot.
    const chart = t.page.getByRole('img', { name: /D-dimer/ });
    await chart.waitFor();
    await chart.screenshot({ path: resolve(RESULTS_DIR, 'e2e-ddimer-chart-third-trimester.png') });
    await t.screenshot('record-third-trimester');
    await t.expectAccessible();
    t.expectNoConsoleErrors();
  });

  it('switching the unit to mg/L changes the normalised values (880 ng/mL FEU -> 0.88 mg/L)', async () => {
    const t = await launch('third-trimester');
    const table = await ddimerTable(t.page);
    const row880 = table.locator('tbody tr', { hasText: '880' });
    await expect.poll(() => row880.innerText()).toMatch(/880\s*ng\/mL/);
    await t.page.getByLabel('D-dimer unit').first().selectOption({ label: 'mg/L FEU' });
    await expect.poll(() => row880.innerText()).toMatch(/0\.88\s*mg\/L/);
  });
});

describe('stop criteria beside the scheduled caesarean', () => {
  it('third-trimester: "Stop not documented" with the source deadline 48 h before the caesarean, as a <time> instant', async () => {
    const t = await launch('third-trimester');
    const section = t.page.getByRole('region', { name: 'Scheduled procedures and delivery' });
    await section.waitFor({ timeout: 20_000 });
    // The caesarean is in 3 days at 08:30 London; 25-28 Nov 2026 is GMT (UTC+00:00).
    const deadline = DateTime.fromISO('2026-11-26T08:30:00', { zone: ZONE });
    const time = section.locator(`time[datetime="${deadline.toISO()}"]`).first();
    await time.waitFor();
    expect(await time.innerText()).toContain('26 Nov 2026 08:30');
    await expect.poll(() => section.innerText()).toContain('Stop not documented');
    expect(await section.innerText()).toMatch(/ASRA 2018/);
    expect(await t.page.getByRole('alert').count()).toBe(0);
  });

  it('bleeding: a stop-now alert names the bleeding record', async () => {
    const t = await launch('bleeding');
    const alert = t.page.getByRole('alert').filter({ hasText: /bleeding/i });
    await alert.first().waitFor({ timeout: 20_000 });
    expect(await alert.first().innerText()).toMatch(/source/i);
    await t.expectAccessible();
  });

  it('no-lmwh: no alert; a what-if theatre slot shows "No LMWH order found", marked as entered here', async () => {
    const t = await launch('no-lmwh');
    // Nothing to act on: the whole answer is on the first screen and every section is one click away, folded.
    const fold = t.page.locator('details.patient-view__quiet');
    await fold.waitFor({ timeout: 20_000 });
    expect(await t.page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(900);
    expect(await t.page.getByRole('region', { name: 'Plan' }).isVisible()).toBe(true);
    await t.page.locator('details.patient-view__quiet > summary').click();
    const section = t.page.getByRole('region', { name: 'Scheduled procedures and delivery' });
    await section.waitFor({ timeout: 20_000 });
    expect(await t.page.getByRole('alert').count()).toBe(0);
    // The what-if form is folded under its title (a session-only tool): opened first.
    await section.getByText('Add a theatre slot not in the record').click();
    await section.getByLabel(/date/i).first().fill('2026-12-02');
    await section.getByRole('button', { name: /add/i }).click();
    await expect.poll(() => section.innerText()).toMatch(/Entered here, not in the record/i);
    expect(await section.innerText()).toContain('No LMWH order found');
  });
});

describe('copy to note and print', () => {
  it('copies the note to the clipboard when the browser allows it', async () => {
    const t = await launch('third-trimester');
    await t.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.url });
    const button = t.page.getByRole('button', { name: 'Copy to note' });
    await button.waitFor({ timeout: 20_000 });
    await button.click();
    await t.page.getByText(/copied/i).first().waitFor();
    const text = await t.page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain(demo('third-trimester').name);
    expect(text).toMatch(/Information only/i);
    expect(text).toContain('Sources: The source article (Clexane article)');
    expect(text).not.toContain('source.stop-before.planned-birth-48h');
  });

  it('inside an EHR iframe that blocks the clipboard, offers the text to select instead', async () => {
    const t = await h.newPage();
    // The sandbox's iframe is same-origin, where Chromium allows the Clipboard API; a real EHR's cross-origin iframe
    // without allow="clipboard-write" rejects it. Simulate that rejection in every frame.
    await t.page.addInitScript(() => {
      if (window.top !== window && navigator.clipboard) {
        navigator.clipboard.writeText = () => Promise.reject(new DOMException('Blocked by permissions policy', 'NotAllowedError'));
      }
    });
    await t.page.goto(`${h.url}/launch?patient=third-trimester&iframe=1`);
    const frame = t.page.frameLocator('iframe[title="LMWH Monitor"]');
    const button = frame.getByRole('button', { name: 'Copy to note' });
    await button.waitFor({ timeout: 20_000 });
    await button.click();
    const box = frame.getByRole('textbox', { name: /Ctrl\+C/ });
    await box.waitFor();
    expect(await box.inputValue()).toContain(demo('third-trimester').name);
  });

  it('prints on at most two A4 pages, each with name, date of birth and print time; the chart, the tables and the information-only note', async () => {
    const t = await launch('third-trimester', '&need_patient_banner=false');
    await ddimerTable(t.page);
    // Printed once everything is in (every section read, the chart drawn).
    await t.page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, { timeout: 20_000 });
    await t.page.emulateMedia({ media: 'print' });
    const printHeader = t.page.locator('.print-header, [data-print-header]').first();
    expect(await printHeader.isVisible()).toBe(true);
    expect(await printHeader.innerText()).toContain(demo('third-trimester').name);
    expect(await t.page.getByRole('button', { name: 'Reload record' }).isVisible()).toBe(false);
    expect(await t.page.locator('body').innerText()).toMatch(/Information only/i);
    const pdf = await t.page.pdf({ path: resolve(RESULTS_DIR, 'e2e-print-third-trimester.pdf'), format: 'A4' });
    await t.screenshot('print-third-trimester');
    // On paper: at most two A4 pages, each carrying whose record it is and when it was printed.
    const pages = pdfPageTexts(pdf);
    // The page count is for the reader of the test output; the assertion is the bound below.
    // eslint-disable-next-line no-console
    console.log(`third-trimester prints on ${pages.length} A4 page(s)`);
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.length).toBeLessThanOrEqual(2);
    const patient = demo('third-trimester').resources.find((r): r is fhir4.Patient => r.resourceType === 'Patient')!;
    const birth = dayText(DateTime.fromISO(patient.birthDate!));
    const printed = new RegExp(`Printed ${dayText(DateTime.fromMillis(FIXED_NOW, { zone: ZONE }))} \\d{2}:\\d{2}`);
    for (const [i, text] of pages.entries()) {
      expect(text, `page ${i + 1}`).toContain(demo('third-trimester').name);
      expect(text, `page ${i + 1}`).toContain(`Date of birth ${birth}`);
      expect(text, `page ${i + 1}`).toMatch(printed);
    }
    // What the two pages hold: the plan with its deadlines, the D-dimer table, the stop criteria.
    const all = pages.join(' ');
    for (const part of ['Plan', 'Last dose no later than', 'D-dimer results', 'Elective caesarean section', 'Scheduled procedures and delivery']) expect(all).toContain(part);
  });
});

describe('patient dose calendar', () => {
  it('third-trimester: opened from the keyboard, it lists the days to the caesarean with the last injection, is accessible and prints on one A4 page', async () => {
    const t = await launch('third-trimester');
    const open = t.page.getByRole('button', { name: 'Dose calendar for the patient' });
    await open.waitFor({ timeout: 20_000 });
    await open.focus();
    await t.page.keyboard.press('Enter');
    const calendar = t.page.getByTestId('dose-calendar');
    const heading = calendar.getByRole('heading', { name: 'Your injection calendar' });
    await heading.waitFor();
    expect(await heading.evaluate((el) => el === document.activeElement)).toBe(true);
    // The page clock is 25 Nov 09:00 London; the caesarean is 28 Nov 08:30; the source's 48 h rule is the default.
    const rows = calendar.getByRole('row');
    expect(await rows.count()).toBe(1 + 7); // header + today to three days after the event
    expect(await calendar.locator('tr[data-day="2026-11-25"]').innerText()).toContain('Last injection at 18:00');
    expect(await calendar.locator('tr[data-day="2026-11-26"]').innerText()).toContain('No injection at 18:00');
    expect(await calendar.locator('tr[data-day="2026-11-28"]').innerText()).toContain('Elective caesarean section at 08:30');
    expect(await calendar.innerText()).toContain('your team will tell you when to restart');
    expect(await calendar.innerText()).toContain('From your care team’s plan: Enoxaparin 40 mg, every 24 h.');
    expect(await calendar.innerText()).toContain('Source article (48 h before)');
    await t.expectAccessible();
    await t.screenshot('dose-calendar');
    await t.page.emulateMedia({ media: 'print' });
    const pdf = await t.page.pdf({ path: resolve(RESULTS_DIR, 'e2e-print-dose-calendar.pdf'), format: 'A4' });
    const pages = pdfPageTexts(pdf);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Your injection calendar');
    expect(pages[0]).toContain(demo('third-trimester').name);
    expect(pages[0]).not.toContain('Dose calendar for the patient'); // the controls do not print
    await t.page.emulateMedia({ media: 'screen' });
    await calendar.getByRole('button', { name: 'Back to the record' }).click();
    await t.page.getByTestId('plan-strip').waitFor();
    expect(await open.evaluate((el) => el === document.activeElement)).toBe(true);
    t.expectNoConsoleErrors();
  });
});

describe('public data loaded through SANDBOX_DATA', () => {
  it('a SMART launcher Synthea patient without LMWH fits one screen, and shows her past caesareans without errors', async () => {
    const h2 = await startHarness({ dataPaths: [resolve(import.meta.dirname, '../../mocks/public-fhir/smart-launcher-r4-synthea/Courtney_Schinner_7b5bea3e-de83-4c43-a89c-5078e923c3db.json')] });
    const t = await h2.newPage();
    try {
      await t.page.goto(`${h2.url}/`);
      await t.page.getByRole('row', { name: /Schinner/ }).getByRole('button', { name: /Launch LMWH Monitor/ }).click();
      await t.page.getByRole('region', { name: 'Patient' }).getByText(/Schinner/).first().waitFor({ timeout: 20_000 });
      // Nothing to act on (no LMWH, pregnancy or planned event): one screen, the sections folded under one line.
      const fold = t.page.locator('details.patient-view__quiet');
      await fold.waitFor({ timeout: 20_000 });
      expect(await t.page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(900);
      await t.page.locator('details.patient-view__quiet > summary').click();
      // No D-dimer in Synthea data: the timeline says so instead of showing an empty table.
      await t.page.getByText(/No D-dimer result/).first().waitFor({ timeout: 20_000 });
      // Her caesareans are births that match no dated pregnancy: each is named with its date, not hidden.
      expect(await t.page.locator('body').innerText()).toMatch(/birth on \d{1,2} \w{3} \d{4}/);
      await t.expectAccessible();
      t.expectNoConsoleErrors();
    } finally {
      await t.close();
      await h2.close();
    }
  });
});
