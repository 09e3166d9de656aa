import { describe, expect, it } from 'vitest';
import { demoRecord } from '../../../test/support/demo-record';
import { createMessages } from '../messages/translator';
import { analyteName } from '../format/labValues';
import { buildCoagPanelView, COAG_ANALYTES, sinceDoseText } from './coagPanelViewModel';

describe('coagulation panel view model', () => {
  it('third-trimester: one card per analyte with results, in display order; the others in one line; platelets latest 206 ×10⁹/L', async () => {
    const record = await demoRecord('third-trimester');
    const view = buildCoagPanelView(record, createMessages({ zone: record.zone }));
    const withResults = COAG_ANALYTES.filter((a) => record.labs[a].points.length > 0 || record.labs[a].exclusions.length > 0);
    expect(view.cards.map((c) => c.analyte)).toEqual(withResults);
    const m = createMessages({ zone: record.zone });
    const folded = COAG_ANALYTES.filter((a) => !withResults.includes(a)).map((a) => analyteName(a, m));
    expect(folded.length).toBeGreaterThan(0);
    expect(view.emptyLine).toBe(`No results in the record for: ${folded.join(', ')}`);
    const platelets = view.cards.find((c) => c.analyte === 'platelets')!;
    expect(platelets.latest).toMatchObject({ value: '206 ×10⁹/L', range: '150–400 ×10³/µL', flag: 'Normal (N)', trend: '5 results, 248 -> 206' });
    expect(platelets.rows).toHaveLength(5);
    expect(platelets.rows[0]!.value).toBe('206');
    expect(view.incomplete).toBeUndefined();
  });

  it('third-trimester in Russian: analyte names, the folded line and the anti-Xa note from the Russian catalogue', async () => {
    const record = await demoRecord('third-trimester');
    const view = buildCoagPanelView(record, createMessages({ locale: 'ru', zone: record.zone }));
    expect(view.cards.find((c) => c.analyte === 'platelets')!.label).toBe('Тромбоциты');
    const antiXa = view.cards.find((c) => c.analyte === 'antiXaLmwh')!;
    expect(antiXa.label).toBe('Анти-Ха (калибровка по НМГ)');
    expect(antiXa.note).toBe('анти-Ха, калиброванный по НМГ (код 32684-3)');
    expect(view.emptyLine).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('third-trimester: the anti-Xa card carries the time since the dose and the peak note, from the record', async () => {
    const record = await demoRecord('third-trimester');
    const view = buildCoagPanelView(record, createMessages({ zone: record.zone }));
    const antiXa = view.cards.find((c) => c.analyte === 'antiXaLmwh')!;
    expect(antiXa.isAntiXa).toBe(true);
    expect(antiXa.columns).toContain('Time since last recorded dose');
    expect(antiXa.latest!.timing).toMatchObject({ known: true, text: 'sampled 4 hours after the dose given 23 Nov 2026 18:00 (UTC) (within the 3–5 h peak window)' });
    expect(antiXa.latest!.citation).toEqual({ reference: 'Clinical reference 5.3', basis: 'Quest Diagnostics FAQ; Legacy Health', status: 'VERIFIED' });
  });

  it('analytes without results fold into one line; the HIT box without heparin is quiet', async () => {
    const record = await demoRecord('no-lmwh');
    const view = buildCoagPanelView(record, createMessages({ zone: record.zone }));
    expect(view.cards.find((c) => c.analyte === 'antithrombin')).toBeUndefined();
    expect(view.emptyLine).toMatch(/^No results in the record for: .*Antithrombin/);
    expect(view.hit).toMatchObject({ quiet: true, statement: expect.stringMatching(/^No heparin order or recorded heparin dose in the record/) });
  });

  it('an incomplete coagulation search is stated with its reason', async () => {
    const record = await demoRecord('third-trimester', { statuses: { 'observations-coagulation': 'incomplete' } });
    expect(buildCoagPanelView(record, createMessages({ zone: record.zone })).incomplete).toBe('Coagulation results may be incomplete: the observations-coagulation search failed: test: observations-coagulation incomplete');
  });

  it('time since the dose in words: minutes under an hour, hours and minutes under a day, days and hours beyond', () => {
    const m = createMessages({ zone: 'UTC' });
    expect(sinceDoseText(45 * 60_000, m)).toBe('45 minutes');
    expect(sinceDoseText(4 * 3_600_000, m)).toBe('4 hours');
    expect(sinceDoseText(4 * 3_600_000 + 10 * 60_000, m)).toBe('4 hours 10 minutes');
    expect(sinceDoseText(50 * 3_600_000, m)).toBe('2 days 2 hours');
  });
});

describe('coagulation panel with heparin but no platelet count', () => {
  it('keeps the platelets card for the HIT check even without a platelet result', async () => {
    const record = await demoRecord('third-trimester');
    const noPlatelets = { ...record, labs: { ...record.labs, platelets: { ...record.labs.platelets, points: [], latest: undefined, exclusions: [] } } };
    const view = buildCoagPanelView(noPlatelets, createMessages({ zone: record.zone }));
    expect(view.hit.quiet).toBe(false);
    expect(view.cards.map((c) => c.analyte)).toContain('platelets');
    expect(view.emptyLine ?? '').not.toMatch(/Platelets/);
  });
});
