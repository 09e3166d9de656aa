/**
 * The words a clinician reads, for every demo patient through a real launch with the page clock fixed: no phrase
 * repeated back to back ("Bleeding: Bleeding:"), no number written with more than 4 decimals, no raw UCUM
 * annotation (a unit such as 10*3/uL belongs in the Source disclosure, not in a sentence). The visible word count
 * of each patient's page is printed, so the length of the page can be followed from run to run, and the
 * third-trimester page (about 2,700 words when the page was found to read like an audit trail) must stay at half
 * that or less.
 *
 * Visible words: the page's rendered text (collapsed disclosures are not rendered, so not counted), less the options
 * of closed drop-down lists, which are not on screen until the list is opened (the facility time zone list alone
 * holds over 400 zone names). The count with those options is printed beside it.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PATIENT_IDS } from '../../mocks/data/index.mjs';
import { setupHarness } from './harness';

const h = setupHarness();

/** The record view has loaded: the stop-criteria region is there (folded on a record with nothing to act on) and nothing is still marked busy. */
async function waitForRecord(page: Page) {
  await page.getByRole('region', { name: 'Scheduled procedures and delivery', includeHidden: true }).waitFor({ state: 'attached', timeout: 20_000 });
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, { timeout: 20_000 });
}

/** A phrase of 1 to 6 words ending in ":" or "(" repeated at once ("Bleeding: Bleeding:", "end unknown (end unknown ("). */
export function repeatedPhrases(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const re = /(?:^|[\s(])((?:[\p{L}\p{N}][\p{L}\p{N}'’.-]*\s){0,5}[\p{L}\p{N}][\p{L}\p{N}'’.-]*\s?[:(])\s*\1/gu;
    for (const m of line.matchAll(re)) out.push(m[0].trim());
  }
  return out;
}

/** Numbers with 5 or more decimals ("371.41200461138556"). */
export const longDecimals = (text: string): string[] => text.match(/\d+[.,]\d{5,}/g) ?? [];

/** UCUM annotations and exponents as codes, not as clinicians write them ("10*3/uL", "10*9/L", "[iU]"). */
export const rawUcum = (text: string): string[] => text.match(/\b10\*\d+\/\w+|\[i?[IU]U?\](?:\/\w+)?/g) ?? [];

describe('the detectors themselves', () => {
  it('find what they are for and leave ordinary text alone', () => {
    expect(repeatedPhrases('Reason: Bleeding: Bleeding: heavy')).toEqual(['Bleeding: Bleeding:']);
    expect(repeatedPhrases('x: end unknown (end unknown (no end))')).toEqual(['end unknown (end unknown (']);
    expect(repeatedPhrases('Enoxaparin product labelling: Enoxaparin product labelling: text')).toHaveLength(1);
    expect(repeatedPhrases('Platelets: 206 ×10⁹/L; Fibrinogen: 4.1 g/L')).toEqual([]);
    expect(longDecimals('371.41200461138556 and 0.4512')).toEqual(['371.41200461138556']);
    expect(rawUcum('As reported: 206 10*3/uL; 0.32 [iU]/mL; 206 ×10³/µL')).toEqual(['10*3/uL', '[iU]/mL']);
    expect(countWords('Last dose · 26 Nov 2026 08:30 (UTC) — ASRA 2018:')).toBe(9);
  });
});

/** Words: runs of non-space with a letter or a digit in them ("35w", "08:30", "ASRA"), not "·" or "—". */
export const countWords = (text: string): number => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Half the third-trimester page's words (about 2,700) when it was found to read like an audit trail. */
const THIRD_TRIMESTER_MAX_WORDS = 1350;

/** The page's words, and the words of the options of its closed drop-down lists (in the page text, not on screen). */
async function pageWords(page: Page): Promise<{ text: string; all: number; closedOptions: number }> {
  const text = await page.locator('body').innerText();
  const optionsText = await page.evaluate(() =>
    [...document.querySelectorAll('select:not([multiple]):not([size]) option')]
      .filter((o) => !(o as HTMLOptionElement).selected)
      .map((o) => o.textContent ?? '')
      .join('\n'),
  );
  return { text, all: countWords(text), closedOptions: countWords(optionsText) };
}

describe('words on every demo patient page', () => {
  it.each(DEMO_PATIENT_IDS as string[])('%s: no repeated phrase, no long decimals, no raw UCUM in visible text', async (id) => {
    const t = await h.newPage();
    await t.page.goto(`${h.url}/launch?patient=${id}`);
    await waitForRecord(t.page);
    const { text, all, closedOptions } = await pageWords(t.page);
    const visible = all - closedOptions;
    // The counts are for the reader of the test output (the page length from run to run).
    // eslint-disable-next-line no-console
    console.log(`words on the page of ${id}: ${visible} visible (${all} with the ${closedOptions} words of closed drop-down options)`);
    if (id === 'third-trimester') expect(visible, 'visible words on the third-trimester page').toBeLessThanOrEqual(THIRD_TRIMESTER_MAX_WORDS);
    expect(repeatedPhrases(text), 'repeated adjacent phrases').toEqual([]);
    expect(longDecimals(text), 'numbers with more than 4 decimals').toEqual([]);
    expect(rawUcum(text), 'raw UCUM annotations').toEqual([]);
  });
});
