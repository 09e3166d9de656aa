/**
 * The worklist through a real browser against the local sandbox EHR: a provider launch without a patient opens it,
 * the first rows are the nearest deadlines, a filter narrows it (and lands in the URL hash), a row opens that
 * patient's view inside the app, and "Back to worklist" returns with the filter kept.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoPatients } from '../../mocks/data/index.mjs';
import { FIXED_NOW, setupHarness } from './harness';

const h = setupHarness({ cohortSize: 12 });
const DAY = 86_400_000;

async function loaded(page: Page) {
  await page.getByRole('table', { name: /LMWH worklist/ }).waitFor({ timeout: 30_000 });
  await page.getByText(/^(\d+) of \1 loaded$/).waitFor({ timeout: 90_000 });
}

/** Deadline instants of the rows, top to bottom (undefined = no deadline). */
async function deadlines(page: Page): Promise<(number | undefined)[]> {
  return page.locator('table.worklist-table tbody tr').evaluateAll((rows) =>
    rows.map((r) => {
      const t = r.querySelectorAll('td')[4]?.querySelector('time');
      return t ? Date.parse(t.getAttribute('datetime') ?? '') : undefined;
    }),
  );
}

describe('LMWH worklist from a provider launch', () => {
  it('opens sorted by nearest deadline, filters, opens a patient and comes back with the filter kept', async () => {
    const t = await h.newPage();
    const asked: string[] = [];
    const searches: URL[] = [];
    t.page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname === '/auth/authorize') asked.push(u.searchParams.get('scope') ?? '');
      if (u.pathname.startsWith('/fhir/')) searches.push(u);
    });
    // Whether the patient view's code had started downloading when the first row reached the page: its chunk's
    // stylesheet link is added by the chunk preload (the page's clock is Playwright's, so links, not times).
    await t.page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (!document.querySelector('table.worklist-table tbody tr')) return;
        (window as unknown as { patientViewBeforeFirstRow: boolean }).patientViewBeforeFirstRow = document.querySelector('link[href*="/PatientView-"]') !== null;
        obs.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await t.page.goto(`${h.url}/`);
    await t.page.getByRole('button', { name: 'Launch worklist' }).click();
    await loaded(t.page);
    // Not before the first rows; once the list has loaded, while the page is idle (so opening a patient stays quick).
    expect(await t.page.evaluate(() => (window as unknown as { patientViewBeforeFirstRow?: boolean }).patientViewBeforeFirstRow)).toBe(false);
    await expect.poll(() => t.page.evaluate(() => document.querySelector('link[href*="/PatientView-"]') !== null), { timeout: 15_000 }).toBe(true);
    // A provider launch asks for the clinician's user-level access, never patient-level scopes.
    expect(asked).toHaveLength(1);
    expect(asked[0]!.split(' ')).toEqual(expect.arrayContaining(['user/Patient.rs', 'user/Observation.rs', 'user/MedicationRequest.rs', 'user/List.rs']));
    expect(asked[0]!.split(' ').some((x) => x.startsWith('patient/'))).toBe(false);
    // The sandbox takes patient lists: the records are read several patients per search.
    expect(searches.some((u) => (u.searchParams.get('patient') ?? '').includes(','))).toBe(true);

    const all = await deadlines(t.page);
    const dated = all.filter((d): d is number => d !== undefined);
    expect(dated.length).toBeGreaterThan(1);
    expect(dated).toEqual([...dated].sort((a, b) => a - b));
    // Rows without a deadline only after every row with one.
    expect(all.slice(0, dated.length).every((d) => d !== undefined)).toBe(true);
    // A demo patient with LMWH and a planned caesarean is in the default worklist.
    const thirdTrimester = (demoPatients(FIXED_NOW) as { id: string; name: string }[]).find((p) => p.id === 'third-trimester')!.name;
    await t.page.getByRole('table', { name: /LMWH worklist/ }).getByRole('button', { name: thirdTrimester, exact: true }).waitFor();
    await t.screenshot('worklist');
    await t.expectAccessible();

    await t.page.getByLabel('Last-dose deadline').selectOption('7');
    await expect.poll(() => new URL(t.page.url()).hash).toContain('wl-window=7');
    const within = (await deadlines(t.page)).filter((d): d is number => d !== undefined);
    expect(within.length).toBeGreaterThan(0);
    expect(within.every((d) => d <= FIXED_NOW + 7 * DAY)).toBe(true);
    const firstName = await t.page.locator('table.worklist-table tbody tr th button').first().innerText();

    await t.page.locator('table.worklist-table tbody tr th button').first().click();
    await t.page.getByRole('region', { name: 'Patient' }).getByText(firstName, { exact: true }).waitFor({ timeout: 20_000 });
    await t.page.getByRole('button', { name: 'Back to worklist' }).click();
    await t.page.getByRole('table', { name: /LMWH worklist/ }).waitFor({ timeout: 2_000 });
    expect(await t.page.getByLabel('Last-dose deadline').inputValue()).toBe('7');
    expect(await t.page.locator('table.worklist-table tbody tr th button').first().innerText()).toBe(firstName);
    t.expectNoConsoleErrors();
  });
});
