/**
 * The 30-second view in a real browser at 1280x900: for every demo patient, after a real EHR launch against the local
 * sandbox, the plan strip's order line, deadlines (with their status), flags and zone are inside the first 900 px;
 * the renal and APS flags on the patients that have them; no deadline for the patient without LMWH; the 12 h ASRA
 * line for a fixed prophylactic dose.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { DEMO_PATIENT_IDS } from '../../mocks/data/index.mjs';
import { setupHarness } from './harness';

const h = setupHarness();
const FOLD = 900;

async function openStrip(id: string): Promise<{ page: Page; strip: Locator }> {
  const tp = await h.newPage();
  await tp.page.setViewportSize({ width: 1280, height: FOLD });
  await tp.page.goto(`${h.url}/launch?patient=${id}`);
  const strip = tp.page.getByTestId('plan-strip');
  await strip.waitFor({ timeout: 20_000 });
  await tp.page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, { timeout: 20_000 });
  return { page: tp.page, strip };
}

/** The element's bottom edge is above the fold (scroll position at the top). */
async function bottomOf(l: Locator): Promise<number> {
  const box = await l.boundingBox();
  if (!box) throw new Error('element has no box (not rendered)');
  return box.y + box.height;
}

describe('plan strip in the first 900 px at 1280x900', () => {
  for (const id of DEMO_PATIENT_IDS as string[]) {
    it(`${id}: order line, deadlines with status, flags and zone are above the fold`, async () => {
      const { strip } = await openStrip(id);
      for (const part of ['.plan-strip__order', '.plan-strip__flags', '.plan-strip__zone']) {
        expect(await bottomOf(strip.locator(part)), part).toBeLessThanOrEqual(FOLD);
      }
      const deadlines = strip.locator('.plan-strip__deadline');
      for (let i = 0; i < (await deadlines.count()); i++) {
        const d = deadlines.nth(i);
        expect(await bottomOf(d.locator('.plan-strip__status'))).toBeLessThanOrEqual(FOLD);
        expect(await bottomOf(d)).toBeLessThanOrEqual(FOLD);
      }
    });
  }

  it('planned-surgery: the renal flag (creatinine clearance 28) is in the strip above the fold', async () => {
    const { strip } = await openStrip('planned-surgery');
    const flag = strip.locator('[data-flag="renal-clearance-below-30"]');
    await expect(flag.textContent()).resolves.toContain('Creatinine clearance 28');
    expect(await bottomOf(flag)).toBeLessThanOrEqual(FOLD);
    await expect(strip.locator('.plan-strip__order').textContent()).resolves.toContain('Therapeutic');
  });

  it('recurrent-miscarriage: antiphospholipid syndrome without aspirin is flagged above the fold', async () => {
    const { strip } = await openStrip('recurrent-miscarriage');
    const flag = strip.locator('[data-flag="aps-without-aspirin"]');
    await expect(flag.textContent()).resolves.toContain('no active aspirin order');
    expect(await bottomOf(flag)).toBeLessThanOrEqual(FOLD);
  });

  it('no-lmwh: "No LMWH order found" and no deadline anywhere on the page', async () => {
    const { page, strip } = await openStrip('no-lmwh');
    await expect(strip.locator('.plan-strip__no-order').textContent()).resolves.toBe('No LMWH order found');
    expect(await strip.locator('.plan-strip__deadline').count()).toBe(0);
    expect(await page.getByText('Last dose no later than').count()).toBe(0);
  });

  it('third-trimester: the 12 h ASRA line for enoxaparin 40 mg once daily, with its ISO instant and the schedule', async () => {
    const { strip } = await openStrip('third-trimester');
    const asra = strip.locator('[data-rule-id="asra2018.stop-before.neuraxial-prophylactic-12h"]');
    await expect(asra.locator('time').getAttribute('datetime')).resolves.toMatch(/^2026-11-27T20:30:00/);
    await expect(asra.textContent()).resolves.toContain('last scheduled injection that keeps to it: Fri 27 Nov 18:00');
    expect(await bottomOf(asra)).toBeLessThanOrEqual(FOLD);
  });
});
