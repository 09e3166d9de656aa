/**
 * The reader's language in a real browser: a Russian browser gets the Russian interface (html lang, the switch, the
 * launch page), the switch goes back to English and remembers only the language; an English browser gets English.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { setupHarness } from './harness';

const h = setupHarness();

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const storedEntries = (page: Page) => page.evaluate(() => Object.entries(window.localStorage));

/** Launches the app for a demo patient and waits for its header (`switchLabel`: the switch's name in the expected language). */
async function launchedApp(page: Page, switchLabel: string) {
  await page.goto(`${h.url}/launch?patient=third-trimester`);
  // The app page, after the code and state are removed from the address bar (a later navigation would reset it).
  await page.waitForURL(`${h.url}/app/`, { timeout: 20_000 });
  await page.getByRole('group', { name: switchLabel }).waitFor({ timeout: 20_000 });
}

describe('language from the browser', () => {
  it('a Russian browser: the launch page and the app are in Russian, the switch shows Русский chosen', async () => {
    const t = await h.newPage({ locale: 'ru-RU' });
    await t.page.goto(`${h.url}/app/launch/`);
    await t.page.getByRole('button', { name: 'Запустить' }).waitFor({ timeout: 15_000 });
    expect(await t.page.getByRole('heading', { level: 1 }).textContent()).toBe('Запуск Монитора НМГ');
    expect(await htmlLang(t.page)).toBe('ru');

    await launchedApp(t.page, 'Язык');
    expect(await htmlLang(t.page)).toBe('ru');
    const group = t.page.getByRole('group', { name: 'Язык' });
    expect(await group.getByRole('button', { name: 'Русский' }).getAttribute('aria-pressed')).toBe('true');
    expect(await group.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('false');
    await t.screenshot('language-russian-browser');
    t.expectNoConsoleErrors();
  });

  it('switching back to English changes html lang and stores only the language', async () => {
    const t = await h.newPage({ locale: 'ru-RU' });
    await launchedApp(t.page, 'Язык');
    await t.page.getByRole('group', { name: 'Язык' }).getByRole('button', { name: 'English' }).click();
    await t.page.getByRole('group', { name: 'Language' }).waitFor();
    expect(await htmlLang(t.page)).toBe('en');
    expect(await storedEntries(t.page)).toEqual([['lmwh-monitor.language', 'en']]);
    t.expectNoConsoleErrors();
  });

  it('an English browser gets English', async () => {
    const t = await h.newPage({ locale: 'en-GB' });
    await launchedApp(t.page, 'Language');
    expect(await htmlLang(t.page)).toBe('en');
    expect(await t.page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
  });
});
