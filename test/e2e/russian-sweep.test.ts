/**
 * A Russian browser on every screen it can reach: every demo patient's record view (with every disclosure opened),
 * the worklist, the launch page, the launch-refused page, the how-to-launch screen, an authorization refusal and a
 * part of the record refused by the EHR. Each screen must declare `<html lang="ru">` and show no English sentence.
 *
 * What counts as English (a heuristic, kept simple so a failure is easy to read): in the visible text and the
 * accessible names (`aria-label`), a run of two or more Latin-script words in a row that are not on the allow-list
 * below (proper names, drug brands, units, codes, guideline and standard names), or one common English word on its
 * own. The record's own free text is the EHR's language, not the interface's: it is exempt where the DOM marks it
 * with `data-record-text` (provenance, names), and where a sentence quotes it verbatim (an event's or a condition's
 * name as recorded): every string value of the demo records is masked, whole words only, before the check. Nothing
 * the app itself writes is exempt, except a published work's bibliographic citation, marked `data-citation` and
 * `lang="en"`. Each screen prints what it found, so one run lists every leak.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PATIENT_IDS, demoPatients } from '../../mocks/data/index.mjs';
import { stopCriteriaRu } from '../../src/ui/messages/ru/stopCriteria';
import { worklistRu } from '../../src/ui/messages/ru/worklist';
import { screensRu } from '../../src/ui/messages/ru/screens';
import { launchRu } from '../../src/ui/messages/ru/launch';
import { availabilityRu } from '../../src/ui/messages/ru/availability';
import { patientViewRu } from '../../src/ui/messages/ru/patientView';
import { FIXED_NOW, setupHarness } from './harness';

const h = setupHarness({ cohortSize: 12 });

/** Latin-script words a Russian clinician's screen may carry: names, brands, units, codes, standards, guidelines. */
const ALLOWED = new Set(
  [
    // The app's name (kept as published) and the standards and systems it names.
    'LMWH', 'Monitor', 'SMART', 'openid', 'FHIR', 'R4', 'HL7', 'EHR', 'LOINC', 'SNOMED', 'CT', 'RxNorm', 'UCUM', 'ICD', 'ICD-10', 'ATC', 'CDS', 'Hooks', 'OAuth', 'PKCE', 'URL', 'CSV', 'JSON', 'HTTP', 'HTTPS', 'ID', 'IVF', 'OHSS', 'HIT', 'INR', 'APTT', 'aPTT', 'PT', 'DDU', 'FEU', 'anti-Xa', 'Xa', 'GA', 'EDD', 'LMP', 'hCG', 'β-hCG', 'SC', 'IV', 'BMI',
    // Guidelines and bodies, as published.
    'RCOG', 'Green-top', 'Practice', 'Advisory', 'Clin', 'Chem', 'ASRA', 'ACOG', 'ESRA', 'ESAIC', 'ASH', 'NICE', 'ACCP', 'CHEST', 'ISTH', 'SOGC', 'RANZCOG', 'ESHRE', 'ESC', 'BSH', 'SMFM', 'ACR', 'RCOA', 'OAA',
    // Drug names and brands (international non-proprietary names in Latin script appear on labels and in codes).
    'Clexane', 'Lovenox', 'Fragmin', 'Fraxiparine', 'Fraxiparin', 'Innohep', 'Arixtra', 'Inhixa', 'Enoxaparin', 'Dalteparin', 'Nadroparin', 'Tinzaparin', 'Fondaparinux', 'Heparin', 'Aspirin',
    // Units and their parts.
    'mg', 'g', 'kg', 'mL', 'ml', 'L', 'dL', 'µg', 'mcg', 'ng', 'IU', 'U', 'h', 'min', 's', 'ms', 'mmol', 'µmol', 'nmol', 'mm', 'cm', 'wk', 'd', 'x10', '×10⁹', '×10³', 'mg/L', 'ng/mL', 'µg/mL', 'g/L', 'IU/mL', 'UTC',
    // Local sandbox and demo data names the screen shows as names.
    'localhost', 'Sandbox', 'SMART Health IT',
  ].flatMap((w) => w.split(' ')).map((w) => w.toLowerCase()),
);

/** English words that give a sentence away even alone ("неизвестно (unknown)"). */
const COMMON_ENGLISH = new Set(
  'the of and to in for not no is was be by on at from with or after before every unknown none dose days hours day hour week weeks ago until since this that which order orders record records result results search searches server answer read could would should stop start last next date time patient pregnancy delivery procedure found missing only also'.split(' '),
);

const demoNames = (demoPatients(FIXED_NOW) as { id: string; name: string }[]).flatMap((p) => p.name.split(/\s+/)).map((w) => w.toLowerCase());
for (const n of demoNames) ALLOWED.add(n);

/** The sandbox's own diagnostics for the faults used below (mocks/sandbox/faults.mjs), quoted in reasons as the server's words. */
const SANDBOX_DIAGNOSTICS = ['Access to Condition is refused by this EHR (fault 403-Condition)', 'The server failed on page 2 (fault 500-page-2)'];

/** The SMART launcher's own option labels, which the how-to-launch text quotes as the reader will find them there. */
const LAUNCHER_LABELS = ['R4 provider EHR launch', 'App Launch URL', 'redirect URL'];

/** Every string value of the demo records (the EHR's own words), longest first. */
const RECORD_TEXTS: string[] = (() => {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      // Display text (a space or a capital), not a code such as 'active' or 'completed'.
      if (/[A-Za-z]{2}/.test(v) && /\s|^[A-Z]/.test(v.trim()) && v.length <= 200) out.add(v.trim());
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk((demoPatients(FIXED_NOW) as { resources: unknown[] }[]).map((p) => p.resources));
  // What the sandbox EHR itself writes in its OperationOutcomes when a fault is switched on (the server's words).
  for (const text of [...SANDBOX_DIAGNOSTICS, ...LAUNCHER_LABELS]) out.add(text);
  return [...out].filter((t) => t.length >= 3).sort((a, b) => b.length - a.length);
})();

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const RECORD_RE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${RECORD_TEXTS.map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`, 'gu');

/** The line with the record's own words quoted verbatim taken out. */
export const withoutRecordText = (line: string): string => line.replace(RECORD_RE, ' · ');

const hasLatin = (w: string) => /[A-Za-z]/.test(w) && !/[\u0400-\u04FF]/.test(w);

/** A token that is a code or a value rather than a word: digits inside, a path, a reference, an id, an all-caps acronym. */
const looksLikeCode = (w: string) => /\d|\/|_|#|@|\.[a-z]/i.test(w) || /^[A-Z]{2,6}s?$/.test(w) || /^https?:/.test(w) || /^[a-z]+[A-Z]\w*$/.test(w);

/** Runs of English words in one line of text (see the file comment for the rule). */
export function englishRuns(line: string): string[] {
  const tokens = line.match(/[\p{L}\p{N}][\p{L}\p{N}'’.\-/×⁹³µ#_@:]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu) ?? [];
  const out: string[] = [];
  let run: string[] = [];
  const close = () => {
    if (run.length >= 2 || (run.length === 1 && COMMON_ENGLISH.has(run[0]!.toLowerCase()))) out.push(run.join(' '));
    run = [];
  };
  for (const token of tokens) {
    const english = hasLatin(token) && !looksLikeCode(token) && !ALLOWED.has(token.toLowerCase());
    if (english) run.push(token);
    else close();
  }
  close();
  return out;
}

describe('the English detector itself', () => {
  it('finds English sentences and single common words, and leaves Russian, names, units and codes alone', () => {
    expect(englishRuns('Последняя доза не позднее 3 апр. 2026, 08:30 (UTC+01:00)')).toEqual([]);
    expect(englishRuns('Клексан (Clexane) 40 mg п/к, RCOG Green-top 37a; LOINC 48065-7; Observation/dd-1')).toEqual([]);
    expect(englishRuns('Причина: the server refused Condition (403)')).toEqual(['the server refused Condition']);
    expect(englishRuns('доза unknown')).toEqual(['unknown']);
    expect(englishRuns('LMWH Monitor нужно запустить из МИС')).toEqual([]);
    expect(englishRuns(withoutRecordText('Далее: Elective caesarean section, 28 нояб. 2026'))).toEqual([]);
    expect(englishRuns(withoutRecordText('Далее: Elective caesarean section was cancelled'))).toEqual(['was cancelled']);
  });
});

/** Everything a reader can see or hear on the page, line by line, with the record's own marked text left out. */
async function readableLines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
    const lines: string[] = [];
    // A published work's bibliographic citation (author, title, journal) stays as published, in its own language: the
    // app marks it `lang="en"` and `data-citation`, and only such an element is skipped, never the app's own sentences.
    const exempt = (el: Element | null) => !el || el.closest('[data-record-text], [data-citation], script, style, noscript, template') !== null;
    const visible = (el: Element) => (el as HTMLElement).checkVisibility?.({ visibilityProperty: true } as CheckVisibilityOptions) ?? true;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || exempt(el)) continue;
      // Visually hidden text is read by screen readers: it counts, even when not painted.
      if (!visible(el) && !el.closest('.visually-hidden')) continue;
      const text = (n.textContent ?? '').trim();
      if (text) lines.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
      if (exempt(el)) continue;
      for (const a of ['aria-label', 'title', 'alt', 'placeholder']) {
        const v = el.getAttribute(a);
        if (v) lines.push(`[${a}] ${v}`);
      }
    }
    return lines;
  });
}

/** Prints what a screen showed in English and returns it (the test asserts it is empty). */
async function sweep(page: Page, screen: string): Promise<string[]> {
  const found = new Set<string>();
  for (const line of await readableLines(page)) {
    const runs = englishRuns(withoutRecordText(line));
    if (runs.length > 0) found.add(`${runs.join(' | ')}   <- "${line.slice(0, 160)}"`);
  }
  // The list is the point of this test's output: it names every English sentence per screen.
  // eslint-disable-next-line no-console
  console.log(`russian sweep, ${screen}: ${found.size === 0 ? 'no English found' : `${found.size} line(s) with English:\n  ${[...found].join('\n  ')}`}`);
  return [...found];
}

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

async function waitForRecord(page: Page) {
  // The stop-criteria section is on every record (folded, so hidden from role queries, when there is nothing to act on).
  await page.getByRole('region', { name: stopCriteriaRu['stopCriteria.heading'], includeHidden: true }).first().waitFor({ state: 'attached', timeout: 30_000 });
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, { timeout: 30_000 });
}

describe('a Russian browser, every demo patient', () => {
  it.each(DEMO_PATIENT_IDS as string[])('%s: html lang is ru and no English sentence is on screen', async (id) => {
    const t = await h.newPage({ locale: 'ru-RU' });
    await t.page.goto(`${h.url}/launch?patient=${id}`);
    await waitForRecord(t.page);
    expect(await htmlLang(t.page)).toBe('ru');
    expect(await sweep(t.page, `patient ${id}`)).toEqual([]);
  });
});

describe('a Russian browser, other screens', () => {
  it('the worklist from a provider launch', async () => {
    const t = await h.newPage({ locale: 'ru-RU' });
    await t.page.goto(`${h.url}/`);
    await t.page.getByRole('button', { name: 'Launch worklist' }).click();
    await t.page.getByRole('table', { name: new RegExp(worklistRu['worklist.heading']) }).waitFor({ timeout: 30_000 });
    await t.page.getByText(/^Загружено (\d+) из \1$/).waitFor({ timeout: 90_000 });
    expect(await htmlLang(t.page)).toBe('ru');
    expect(await sweep(t.page, 'worklist')).toEqual([]);
  });

  it('the launch page and a launch refused for an unconfigured server', async () => {
    const t = await h.newPage({ locale: 'ru-RU' });
    await t.page.goto(`${h.url}/app/launch/`);
    await t.page.getByRole('button', { name: 'Запустить' }).waitFor({ timeout: 15_000 });
    expect(await htmlLang(t.page)).toBe('ru');
    const launchPage = await sweep(t.page, 'launch page');
    await t.page.goto(`${h.url}/app/launch/?iss=${encodeURIComponent('https://evil.example/fhir')}&launch=stolen`);
    await t.page.getByRole('heading', { name: launchRu['launch.refused.title'] }).waitFor();
    expect(await htmlLang(t.page)).toBe('ru');
    expect([...launchPage, ...(await sweep(t.page, 'launch refused'))]).toEqual([]);
  });

  it('the app page opened directly, and an authorization refusal not from this tab', async () => {
    const t = await h.newPage({ locale: 'ru-RU' });
    await t.page.goto(`${h.url}/app/`);
    await t.page.getByRole('heading', { name: screensRu['screens.howTo.title'] }).waitFor({ timeout: 15_000 });
    expect(await htmlLang(t.page)).toBe('ru');
    const howTo = await sweep(t.page, 'how to launch');
    await t.page.goto(`${h.url}/app/?error=access_denied&error_description=denied&state=not-this-tab`);
    await t.page.getByRole('heading', { name: screensRu['screens.error.title'] }).waitFor({ timeout: 15_000 });
    expect(await htmlLang(t.page)).toBe('ru');
    expect([...howTo, ...(await sweep(t.page, 'authorization refused'))]).toEqual([]);
  });

  it('a part of the record refused by the EHR (403 on Condition): the reason is in Russian', async () => {
    const t = await h.newPage({ locale: 'ru-RU' });
    await t.page.goto(`${h.url}/launch?patient=third-trimester&fault=403-Condition`);
    await waitForRecord(t.page);
    await t.page.getByRole('region', { name: availabilityRu['availability.headingProblems'] }).waitFor({ timeout: 30_000 });
    expect(await htmlLang(t.page)).toBe('ru');
    expect(await sweep(t.page, 'fault 403-Condition')).toEqual([]);
  });

  it('the second page of a long search fails (many-labs, 500-page-2): the reason is in Russian', async () => {
    const t = await h.newPage({ locale: 'ru-RU' });
    await t.page.goto(`${h.url}/launch?patient=many-labs&fault=500-page-2`);
    await waitForRecord(t.page);
    await t.page.getByRole('region', { name: availabilityRu['availability.headingProblems'] }).waitFor({ timeout: 30_000 });
    expect(await htmlLang(t.page)).toBe('ru');
    expect(await sweep(t.page, 'fault 500-page-2')).toEqual([]);
  });

  it('the session ends during the load (expire-after-6): the alert and the reasons are in Russian', async () => {
    const t = await h.newPage({ locale: 'ru-RU' });
    await t.page.goto(`${h.url}/launch?patient=third-trimester&fault=expire-after-6`);
    await t.page.getByRole('alert').filter({ hasText: patientViewRu['patientView.sessionExpired'] }).waitFor({ timeout: 60_000 });
    await t.page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, { timeout: 30_000 });
    expect(await htmlLang(t.page)).toBe('ru');
    expect(await sweep(t.page, 'fault expire-after-6')).toEqual([]);
  });
});
