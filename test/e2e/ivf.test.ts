/**
 * The IVF demo patients through a real launch with the page clock fixed, read as an IVF coordinator reads them: before
 * the hCG test the pregnancy is not confirmed (no gestational age as fact, the hCG test as the next event), after a
 * positive test the gestation counts from the transfer, after a negative test the cycle ends and an LMWH order still
 * active is flagged for review. Axe on the IVF cycle panel.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { setupHarness, type TestPage } from './harness';

const h = setupHarness();

async function launch(id: string): Promise<TestPage> {
  const tp = await h.newPage();
  await tp.page.goto(`${h.url}/launch?patient=${id}`);
  await tp.page.getByRole('region', { name: 'Scheduled procedures and delivery' }).waitFor({ timeout: 20_000 });
  await tp.page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, { timeout: 20_000 });
  return tp;
}

/** The summary's value for a term ("Gestation today", "Next planned event"). */
const summaryField = (page: Page, term: string): Locator => page.getByRole('region', { name: 'Summary' }).locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
const panel = (page: Page): Locator => page.getByRole('region', { name: 'IVF cycle' });

describe('ivf-ohss: transfer 10 days ago, hCG pending', () => {
  it('"Pregnancy not confirmed", transfer + 10 days, the hCG test as the next event, no gestational age as fact', async () => {
    const t = await launch('ivf-ohss');
    const ga = await summaryField(t.page, 'Gestation today').innerText();
    expect(ga).toContain('Pregnancy not confirmed');
    expect(ga).toContain('transfer + 10 days, day-5 embryo');
    expect(ga).toMatch(/hCG test planned 26 Nov 2026/);
    expect(ga).toContain('if pregnant: 4w 1d');
    expect(ga).not.toMatch(/trimester/);
    expect(await summaryField(t.page, 'Next planned event').innerText()).toMatch(/Serum beta-hCG \(pregnancy test\), 26 Nov 2026/);
    const body = await t.page.locator('main, body').first().innerText();
    expect(body).not.toMatch(/\b4w 1d, first trimester/);
    expect(body).not.toMatch(/Ongoing pregnancy/i);
    t.expectNoConsoleErrors();
    await t.close();
  });

  it('the IVF cycle panel: the strip to the hCG test, the estradiol trend with its table, OHSS risk (mild); axe clean', async () => {
    const t = await launch('ivf-ohss');
    const p = panel(t.page);
    const text = await p.innerText();
    expect(text).toContain('Pregnancy not confirmed');
    for (const step of ['Stimulation start', 'Trigger', 'Oocyte retrieval', 'Embryo transfer', 'hCG test']) expect(text).toContain(step);
    expect(text).toContain('transfer + 11 days');
    const rows = p.getByRole('table', { name: /Estradiol results/ }).locator('tbody tr');
    expect(await rows.allInnerTexts()).toEqual([expect.stringContaining('2650 pg/mL'), expect.stringContaining('4120 pg/mL'), expect.stringContaining('1380 pg/mL'), expect.stringContaining('2240 pg/mL')]);
    expect(await p.getByRole('img', { name: /Estradiol trend/ }).count()).toBe(1);
    expect(text).toMatch(/Risk of OHSS \(not the syndrome\): severity mild/);
    await t.expectAccessible({ include: '.ivf-cycle' });
    await t.screenshot('ivf-ohss-cycle');
    await t.close();
  });
});

describe('ivf-frozen-positive: frozen transfer, positive hCG', () => {
  it('the gestation counts from the transfer (14 days + day-5 embryo)', async () => {
    const t = await launch('ivf-frozen-positive');
    expect(await summaryField(t.page, 'Gestation today').innerText()).toMatch(/6w 1d, first trimester/);
    const text = await panel(t.page).innerText();
    expect(text).toContain('Pregnancy confirmed');
    expect(text).toContain('6w 1d, counted from the transfer (19 days at transfer = 14 + embryo age)');
    expect(text).toContain('frozen transfer');
    await t.close();
  });
});

describe('ivf-negative-hcg: negative hCG, enoxaparin still active', () => {
  it('not pregnant after this transfer, the active LMWH flagged for review, the syringes running out before the order ends', async () => {
    const t = await launch('ivf-negative-hcg');
    const ga = await summaryField(t.page, 'Gestation today').innerText();
    expect(ga).toContain('Not pregnant after this transfer');
    expect(ga).toContain('an LMWH order is still active after the negative test: review');
    const text = await panel(t.page).innerText();
    expect(text).toMatch(/Dispensed syringes last until \d+ \w{3} 2026/);
    expect(text).toMatch(/Review: the dispensed syringes run out .+, before the order ends/);
    await t.expectAccessible({ include: '.ivf-cycle' });
    await t.close();
  });
});
