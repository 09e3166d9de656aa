/**
 * CDS Hooks in the browser, as a clinician booking a caesarean would meet it: on the sandbox EHR page, "Book a
 * procedure" for the third-trimester patient (enoxaparin 40 mg daily) asks the CDS service (appointment-book) before
 * anything is stored; the warning card gives the source's 48 h deadline; its "Open LMWH Monitor" link performs a real
 * EHR launch with appContext and the app opens focused on that event's card. A patient without LMWH gets no card.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoPatients } from '../../mocks/data/index.mjs';
import { FIXED_NOW, setupHarness, type TestPage } from './harness';

const h = setupHarness();
const demos = demoPatients(FIXED_NOW) as { id: string; name: string }[];
const nameOf = (id: string) => demos.find((d) => d.id === id)!.name;

/** From the EHR's patient list to the decision support of a caesarean booked on 27 Nov 2026 at 14:00 (London). */
async function bookCaesarean(t: TestPage, patient: string): Promise<void> {
  const { page } = t;
  await page.goto(`${h.url}/`);
  await page.getByRole('link', { name: `Book a procedure for ${nameOf(patient)}` }).click();
  await page.getByLabel('Type').selectOption({ label: 'Elective caesarean section' });
  await page.getByLabel('Date').fill('2026-11-27');
  await page.getByLabel('Time').fill('14:00');
  await page.getByRole('button', { name: 'Check and book' }).click();
  await page.getByRole('status').filter({ hasText: /The CDS service returned/ }).waitFor({ timeout: 20_000 });
}

/** The app's record view has loaded. */
async function recordLoaded(page: Page) {
  await page.getByRole('region', { name: 'Scheduled procedures and delivery' }).waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, { timeout: 30_000 });
}

/** The element that has focus, as the event card it is (or null). */
async function focusedEventCard(page: Page): Promise<{ id: string; text: string } | null> {
  await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset?.eventId !== undefined, undefined, { timeout: 20_000 });
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.dataset.eventId ? { id: el.dataset.eventId, text: el.textContent ?? '' } : null;
  });
}

describe('booking a caesarean in the sandbox EHR', () => {
  it('the patient list offers "Book a procedure" on every row and stays accessible', async () => {
    const t = await h.newPage();
    await t.page.goto(`${h.url}/`);
    for (const d of demos) await t.page.getByRole('link', { name: `Book a procedure for ${d.name}` }).waitFor();
    await t.expectAccessible();
    t.expectNoConsoleErrors();
  });

  it('third-trimester patient: a warning card with the 48 h deadline, and its link opens the app on that caesarean', async () => {
    const t = await h.newPage();
    await bookCaesarean(t, 'third-trimester');
    const card = t.page.locator('.cds-card');
    await expect(card.count()).resolves.toBe(1);
    expect(await card.getAttribute('class')).toContain('cds-card--warning');
    const summary = await card.locator('.cds-card__summary').textContent();
    expect(summary).toBe('Enoxaparin 40 mg SC every 24 h: last dose by 25 Nov 2026 14:00 (UTC) for this caesarean (source: 48 h)');
    expect(await card.locator('.cds-card__detail').textContent()).toContain('ASRA 2018');
    expect(await card.locator('.cds-card__source').textContent()).toContain('LMWH Monitor');
    await t.expectAccessible();
    await t.screenshot('cds-booking-card');

    await card.getByRole('link', { name: 'Open LMWH Monitor' }).click();
    await recordLoaded(t.page);
    const focused = await focusedEventCard(t.page);
    expect(focused?.id).toMatch(/^event:Appointment\/booking-/);
    // Not stored yet (not confirmed): shown as entered here, with the same deadline as the card.
    expect(focused?.text).toContain('Entered here, not in the record.');
    expect(focused?.text).toContain('25 Nov 2026 14:00 (UTC)');
    await t.screenshot('cds-booking-app-focused');
    t.expectNoConsoleErrors();
  });

  it('confirmed booking: stored in the EHR, and the card link opens the app on the record\u2019s own event card', async () => {
    const t = await h.newPage();
    await bookCaesarean(t, 'third-trimester');
    await t.page.getByRole('button', { name: 'Confirm booking' }).click();
    await t.page.getByRole('status').filter({ hasText: 'Booked.' }).waitFor();
    await t.page.locator('.cds-card').getByRole('link', { name: 'Open LMWH Monitor' }).click();
    await recordLoaded(t.page);
    const focused = await focusedEventCard(t.page);
    expect(focused?.id).toMatch(/^event:Appointment\/booking-/);
    expect(focused?.text).not.toContain('Entered here');
    expect(focused?.text).toContain('25 Nov 2026 14:00 (UTC)');
    t.expectNoConsoleErrors();
  });

  it('patient without LMWH: the CDS service returns no card', async () => {
    const t = await h.newPage();
    await bookCaesarean(t, 'no-lmwh');
    await t.page.getByRole('status').filter({ hasText: 'The CDS service returned no cards for this booking.' }).waitFor();
    expect(await t.page.locator('.cds-card').count()).toBe(0);
    t.expectNoConsoleErrors();
  });
});
