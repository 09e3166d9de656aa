/**
 * A browser sweep of every demo patient through a real EHR launch against the local sandbox EHR, at 1280x800 with the
 * page clock fixed: once the record view has loaded, axe (no serious/critical violations), no console errors, no
 * horizontal overflow, a sane heading outline (one h1, no level skipped), a caption on every table, an accessible
 * name on every form control (as Chromium's accessibility tree computes it), the patient's key clinical fact, and a
 * full-page screenshot (test-results/e2e-patient-<id>.png). Then the same inside the EHR's iframe, keyboard reach with
 * a visible focus indicator, and the printed page (no controls, the print header, the D-dimer table, a PDF).
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { demoPatients } from '../../mocks/data/index.mjs';
import { FIXED_NOW, RESULTS_DIR, setupHarness, type TestPage } from './harness';

const VIEWPORT_WIDTH = 1280;

const h = setupHarness();

type Demo = { id: string; name: string };
const demos = demoPatients(FIXED_NOW) as Demo[];
const nameOf = (id: string) => demos.find((d) => d.id === id)!.name;

async function launch(id: string, extra = ''): Promise<TestPage> {
  const tp = await h.newPage();
  await tp.page.goto(`${h.url}/launch?patient=${id}${extra}`);
  return tp;
}

/** The record view has loaded: the stop-criteria region is there (folded on a record with nothing to act on) and nothing is still marked busy. */
async function waitForRecord(root: Page | FrameLocator, frame: Page | Frame) {
  await root.getByRole('region', { name: 'Scheduled procedures and delivery', includeHidden: true }).waitFor({ state: 'attached', timeout: 20_000 });
  await frame.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, { timeout: 20_000 });
}

/** The headings a screen-reader user meets, in document order (hidden ones, e.g. print-only, left out). */
async function headingOutline(frame: Page | Frame): Promise<{ level: number; text: string }[]> {
  return frame.evaluate(() => {
    const shown = (el: Element) => (el as HTMLElement).getClientRects().length > 0 && !el.closest('[aria-hidden="true"]');
    return Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]'))
      .filter(shown)
      .map((el) => ({
        level: el.getAttribute('role') === 'heading' ? Number(el.getAttribute('aria-level') ?? 2) : Number(el.tagName.slice(1)),
        text: (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 80),
      }));
  });
}

function expectSaneOutline(outline: { level: number; text: string }[]) {
  expect(outline.filter((x) => x.level === 1).map((x) => x.text)).toEqual(['LMWH Monitor']);
  expect(outline[0]?.level, 'the first heading is the h1').toBe(1);
  const skips = outline.filter((x, i) => i > 0 && x.level > outline[i - 1]!.level + 1).map((x) => `h${x.level} "${x.text}"`);
  expect(skips, 'headings that skip a level').toEqual([]);
}

/** Chromium's own accessible-name computation for every form control on the page (CDP accessibility tree). */
async function controlsWithoutName(t: TestPage): Promise<string[]> {
  const cdp = await t.context.newCDPSession(t.page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { ignored: boolean; role?: { value: string }; name?: { value: string }; backendDOMNodeId?: number; parentId?: string; nodeId: string }[];
    };
    // Chromium's roles for native date and time inputs are 'Date', 'InputTime' and 'DateTime'.
    const controls = new Set(['textbox', 'combobox', 'listbox', 'button', 'checkbox', 'radio', 'spinbutton', 'searchbox', 'slider', 'switch', 'menuitem', 'tab', 'Date', 'InputTime', 'DateTime']);
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const named = nodes.filter((n) => !n.ignored && controls.has(n.role?.value ?? ''));
    if (named.length === 0) throw new Error('no form controls found in the accessibility tree');
    return named
      .filter((n) => !(n.name?.value ?? '').trim())
      // The inner day/month/year fields of a native date input are named by the input itself.
      .filter((n) => !['spinbutton'].includes(n.role?.value ?? '') || !['textbox', 'group', 'Date', 'InputTime'].includes(byId.get(n.parentId ?? '')?.role?.value ?? ''))
      .map((n) => `${n.role?.value} (backend node ${n.backendDOMNodeId})`);
  } finally {
    await cdp.detach();
  }
}

/** Visible elements matching a selector (display, visibility and size considered). */
async function visibleCount(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    return Array.from(document.querySelectorAll(sel)).filter((el) => {
      const s = getComputedStyle(el);
      return s.visibility !== 'hidden' && (el as HTMLElement).getClientRects().length > 0;
    }).length;
  }, selector);
}

/** What each demo patient's record must visibly say. */
const KEY_FACTS: Record<string, (page: Page) => Promise<void>> = {
  'ivf-ohss': async (page) => {
    const body = await page.locator('main, body').first().innerText();
    expect(body).toContain('Pregnancy not confirmed');
    expect(body).toContain('transfer + 10 days');
    expect(body).toMatch(/Estradiol results/);
    expect(body).toMatch(/Risk of OHSS \(not the syndrome\): severity mild/);
    expect(body).toMatch(/Serum beta-hCG \(pregnancy test\)/);
    expect(body).not.toMatch(/\b4w 1d, first trimester/);
  },
  'ivf-frozen-positive': async (page) => {
    expect(await page.locator('main, body').first().innerText()).toContain('6w 1d, counted from the transfer');
  },
  'ivf-negative-hcg': async (page) => {
    const body = await page.locator('main, body').first().innerText();
    expect(body).toContain('Not pregnant after this transfer');
    expect(body).toContain('an LMWH order is still active after the negative test: review');
    expect(body).toMatch(/the dispensed syringes run out .+, before the order ends/);
  },
  'third-trimester': async (page) => {
    const section = page.getByRole('region', { name: 'Scheduled procedures and delivery' });
    await expect.poll(() => section.innerText()).toContain('Stop not documented');
    expect(await section.innerText()).toMatch(/caesarean/i);
    expect(await page.getByRole('alert').count()).toBe(0);
  },
  'recurrent-miscarriage': async (page) => {
    const indications = page.getByRole('region', { name: /Indications/ });
    const text = await indications.innerText();
    expect(text).toMatch(/lupus anticoagulant/i);
    expect(text).toMatch(/Factor V Leiden/i);
  },
  bleeding: async (page) => {
    const alert = page.getByRole('alert').filter({ hasText: /bleeding/i });
    await alert.first().waitFor();
    expect(await alert.first().isVisible()).toBe(true);
  },
  'no-lmwh': async (page) => {
    await page.getByText('No LMWH order found').first().waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  },
  'many-labs': async (page) => {
    const picker = page.getByLabel('Pregnancy', { exact: true });
    expect(await picker.count()).toBe(1);
    expect(await picker.locator('option').count()).toBe(2);
  },
  'planned-surgery': async (page) => {
    const section = page.getByRole('region', { name: 'Scheduled procedures and delivery' });
    expect(await section.getByRole('heading', { name: /laparoscopy/i }).count()).toBeGreaterThan(0);
    const cautions = page.getByRole('region', { name: 'Cautions' });
    expect(await cautions.innerText()).toMatch(/creatinine clearance/i);
  },
};

describe('every demo patient through an EHR launch at 1280x800', () => {
  it('the sweep covers every demo patient', () => {
    expect(demos.map((d) => d.id).sort()).toEqual(Object.keys(KEY_FACTS).sort());
  });

  it.each(Object.keys(KEY_FACTS))('%s: accessible, no console errors, no horizontal overflow, sane headings, captioned tables, named controls, key fact shown', async (id) => {
    const t = await launch(id);
    await waitForRecord(t.page, t.page);
    await t.page.getByRole('region', { name: 'Patient' }).getByText(nameOf(id), { exact: true }).waitFor();

    await KEY_FACTS[id]!(t.page);

    const scrollWidth = await t.page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, 'page width at a 1280 px viewport').toBeLessThanOrEqual(VIEWPORT_WIDTH);

    expectSaneOutline(await headingOutline(t.page));

    // React builds the DOM itself, so a block inside a paragraph (invalid HTML) stays there; nothing may do that.
    const blocksInParagraphs = await t.page.evaluate(() => Array.from(document.querySelectorAll('p details, p div, p ul, p ol, p p, p section, p table')).map((el) => `${el.closest('p')?.className ?? ''} > ${el.tagName.toLowerCase()}.${el.className}`));
    expect(blocksInParagraphs, 'blocks inside a paragraph').toEqual([]);

    const uncaptioned = await t.page.evaluate(() => Array.from(document.querySelectorAll('table')).filter((tb) => !tb.querySelector(':scope > caption')?.textContent?.trim()).length);
    expect(uncaptioned, 'tables without a caption').toBe(0);

    expect(await controlsWithoutName(t)).toEqual([]);

    await t.screenshot(`patient-${id}`);
    await t.expectAccessible();
    t.expectNoConsoleErrors();
  });

  it('third-trimester inside the EHR iframe: accessible, no horizontal overflow inside the frame', async () => {
    const t = await launch('third-trimester', '&iframe=1');
    const frameLocator = t.page.frameLocator('iframe[title="LMWH Monitor"]');
    await frameLocator.getByRole('region', { name: 'Scheduled procedures and delivery', includeHidden: true }).waitFor({ state: 'attached', timeout: 20_000 });
    const frame = (await t.page.locator('iframe[title="LMWH Monitor"]').elementHandle())!.contentFrame();
    const f = (await frame)!;
    await waitForRecord(frameLocator, f);
    const { scrollWidth, clientWidth } = await f.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect(scrollWidth, 'content width inside the frame').toBeLessThanOrEqual(clientWidth);
    expectSaneOutline(await headingOutline(f));
    await t.screenshot('patient-third-trimester-iframe');
    await t.expectAccessible({ frameSelector: 'iframe[title="LMWH Monitor"]' });
    t.expectNoConsoleErrors();
  });
});

describe('keyboard', () => {
  it('third-trimester: Tab from the top reaches the D-dimer unit, the what-if form (opened with Enter) and "Copy to note", each with a visible focus indicator', async () => {
    const t = await launch('third-trimester');
    await waitForRecord(t.page, t.page);
    await t.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const wanted = new Map<string, { indicator: string } | undefined>([
      ['D-dimer unit', undefined],
      ['Event type', undefined],
      ['Date', undefined],
      ['Add and show the stop criteria', undefined],
      ['Copy to note', undefined],
    ]);
    let whatIfOpened = false;
    for (let i = 0; i < 400 && [...wanted.values()].some((v) => v === undefined); i++) {
      await t.page.keyboard.press('Tab');
      const focused = await t.page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return undefined;
        const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : undefined;
        const s = getComputedStyle(el);
        const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? `outline ${s.outlineWidth} ${s.outlineStyle} ${s.outlineColor}` : '';
        const shadow = s.boxShadow !== 'none' ? `box-shadow ${s.boxShadow}` : '';
        return { name: (label ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim(), indicator: outline || shadow };
      });
      if (focused && wanted.has(focused.name) && wanted.get(focused.name) === undefined) wanted.set(focused.name, { indicator: focused.indicator });
      // The what-if form is folded under its title: Enter on the title opens it, as a keyboard user would.
      if (focused?.name === 'Add a theatre slot not in the record' && !whatIfOpened) {
        whatIfOpened = true;
        await t.page.keyboard.press('Enter');
      }
    }
    for (const [name, seen] of wanted) {
      expect(seen, `${name} reached by Tab`).toBeDefined();
      expect(seen!.indicator, `${name} shows a focus indicator`).not.toBe('');
    }
  });
});

describe('print', () => {
  it.each(['recurrent-miscarriage', 'many-labs'])('%s: no buttons or selects, the print header and the D-dimer table shown; a PDF', async (id) => {
    const t = await launch(id);
    await waitForRecord(t.page, t.page);
    await t.page.emulateMedia({ media: 'print' });
    expect(await visibleCount(t.page, 'button, select, input, textarea'), 'controls visible in print').toBe(0);
    const header = t.page.locator('.print-header');
    expect(await header.isVisible()).toBe(true);
    expect(await header.innerText()).toContain(nameOf(id));
    expect(await t.page.getByRole('table', { name: /D-dimer/ }).isVisible()).toBe(true);
    await t.page.pdf({ path: resolve(RESULTS_DIR, `e2e-print-${id}.pdf`), format: 'A4' });
    t.expectNoConsoleErrors();
  });
});
