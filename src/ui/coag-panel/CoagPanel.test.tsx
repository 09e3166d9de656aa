import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CoagPanel } from './CoagPanel';
import { trendText } from './coagPanelViewModel';
import { formatLabValue, interpretationText, labRangeText } from '../format/labValues';
import { createMessages } from '../messages/translator';
import { withDerivedViews } from '../../domain/timeline/derivedViews';
import { demoRecord } from '../../../test/support/demo-record';
import type { ClinicalRecord } from '../../domain/record';
import { platelet, series as plateletSeries, order } from '../../../test/support/monitoringBuilders';
import { buildFixture } from '../../../test/fixtures/public-fhir';
import { MessagesProvider } from '../messages/MessagesProvider';

const card = (label: string) => screen.getByRole('article', { name: label });

describe('CoagPanel', () => {
  it('third-trimester: platelets latest 206 ×10⁹/L with its date in the facility zone, the lab range and flag, trend text and source', async () => {
    render(<CoagPanel record={await demoRecord('third-trimester')} />);
    const c = card('Platelets');
    expect(within(c).getByText('206 ×10⁹/L', { selector: 'strong' })).toBeInTheDocument();
    expect(within(c).getAllByText('15 Nov 2026 09:25 (UTC)')[0]).toBeInTheDocument();
    expect(c).toHaveTextContent('Reference range (lab): 150–400 ×10³/µL · Lab flag: Normal (N)');
    expect(c).toHaveTextContent('5 results, 248 -> 206');
    expect(c.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
    expect(within(c).getAllByText(/Observation\/third-trimester-obs-platelets-w34/, { selector: '.provenance__ids' }).length).toBeGreaterThan(0);
  });

  it('third-trimester: anti-Xa 0.32 IU/mL shows the time since the last recorded dose (4 h) and the 3–5 h peak note', async () => {
    render(<CoagPanel record={await demoRecord('third-trimester')} />);
    const c = card('Anti-Xa (LMWH-calibrated)');
    expect(within(c).getByText('0.32 IU/mL', { selector: 'strong' })).toBeInTheDocument();
    expect(c).toHaveTextContent('sampled 4 hours after the dose given 23 Nov 2026 18:00 (UTC) (within the 3–5 h peak window)');
    expect(c).toHaveTextContent('4 h (3–5 h)');
    expect(c).toHaveTextContent('(Clinical reference 5.3 (Quest Diagnostics FAQ; Legacy Health); VERIFIED)');
    // The sources' names stay as published, marked as English for a screen reader in any language.
    expect(within(c).getByText('Quest Diagnostics FAQ; Legacy Health')).toHaveAttribute('lang', 'en');
  });

  it('anti-Xa calibrated for LMWH and "calibration not stated" are kept apart; analytes without results are one line, never normal', async () => {
    render(<CoagPanel record={await demoRecord('third-trimester')} />);
    expect(card('Anti-Xa (LMWH-calibrated)')).toBeInTheDocument();
    expect(screen.queryByRole('article', { name: 'Anti-Xa (heparin, calibration not stated)' })).toBeNull();
    const line = screen.getByText(/^No results in the record for: /);
    expect(line).toHaveTextContent('Anti-Xa (heparin, calibration not stated)');
    expect(line).not.toHaveTextContent(/normal/i);
    expect(screen.queryByRole('article', { name: 'Antithrombin' })).toBeNull();
    expect(screen.getByText(/^No results in the record for: /)).toHaveTextContent(/Antithrombin/);
  });

  it('planned-surgery: creatinine clearance 28 mL/min with the lab flag Low, apart from creatinine and eGFR', async () => {
    render(<CoagPanel record={await demoRecord('planned-surgery')} />);
    const c = card('Creatinine clearance');
    expect(within(c).getByText('28 mL/min', { selector: 'strong' })).toBeInTheDocument();
    expect(c).toHaveTextContent('Lab flag: Low (L)');
    expect(c).toHaveTextContent('> 90 mL/min');
    expect(c).toHaveTextContent('the measure the enoxaparin label threshold (CrCl < 30 mL/min) uses');
    expect(screen.getByText(/^No results in the record for: /)).toHaveTextContent(/^No results in the record for: PT, .*Creatinine(,|$)/);
    expect(screen.queryByRole('article', { name: 'PT' })).toBeNull();
  });

  it('the full series table opens from a keyboard-reachable button with aria-expanded, with the required caption and columns', async () => {
    const user = userEvent.setup();
    render(<CoagPanel record={await demoRecord('third-trimester')} />);
    const c = card('Platelets');
    const button = within(c).getByRole('button', { name: 'Show all 5 Platelets results' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    const table = within(c).getByRole('table', { hidden: true });
    expect(table).not.toBeVisible();
    button.focus();
    await user.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(table).toBeVisible();
    expect(within(c).getByRole('table', { name: 'Platelets results' })).toBe(table);
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Date', 'Result (as reported)', 'Value (×10⁹/L)', 'Reference range', 'Status', 'Source']);
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(6);
    expect(rows[1]).toHaveTextContent('206 ×10³/µL');
    expect(rows[5]).toHaveTextContent('248 ×10³/µL');
    await user.click(button);
    expect(table).not.toBeVisible();
  });

  it('the anti-Xa table has a time-since-dose column per row', async () => {
    const user = userEvent.setup();
    render(<CoagPanel record={await demoRecord('third-trimester')} />);
    const c = card('Anti-Xa (LMWH-calibrated)');
    await user.click(within(c).getByRole('button', { name: /Show all 1/ }));
    const table = within(c).getByRole('table', { name: 'Anti-Xa (LMWH-calibrated) results' });
    expect(within(table).getByRole('columnheader', { name: 'Time since last recorded dose' })).toBeInTheDocument();
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('sampled 4 hours after the dose given 23 Nov 2026 18:00 (UTC)');
  });

  it('planned-surgery: the only platelet count (2 Nov 08:15) precedes enoxaparin (2 Nov 14:00): a baseline, but no count since', async () => {
    render(<CoagPanel record={await demoRecord('planned-surgery')} />);
    const box = screen.getByRole('region', { name: 'Heparin-induced thrombocytopenia pattern check' });
    expect(box).toHaveTextContent('No platelet count since heparin started (2 Nov 2026 14:00 (UTC)); pre-heparin baseline 228 ×10⁹/L on 2 Nov 2026 08:15 (UTC).');
  });

  it('a 56% fall on day 7 of heparin is shown in a marked box as a possible HIT pattern, without a guideline label', async () => {
    const base = await demoRecord('no-lmwh');
    const start = '2026-11-01T18:00:00+00:00';
    const record: ClinicalRecord = withDerivedViews({
      ...base,
      labs: { ...base.labs, platelets: plateletSeries([platelet('2026-10-30T09:00:00+00:00', 250), platelet('2026-11-08T19:00:00+00:00', 110)]) },
      medication: { ...base.medication, orders: [{ ...(await demoRecord('third-trimester')).medication.orders[0]!, order: order(start) }] },
    });
    render(<CoagPanel record={record} />);
    const box = screen.getByRole('region', { name: 'Possible heparin-induced thrombocytopenia pattern' });
    expect(box).toHaveTextContent('Platelets 110 ×10⁹/L on 8 Nov 2026 19:00 (UTC): 56% below the pre-heparin baseline 250 ×10⁹/L, day 7 of heparin');
    expect(box).toHaveTextContent('pattern described in HIT literature; citation not verified here');
    expect(box).toHaveTextContent('Obstetric patients on LMWH only: HIT risk below 0.1%; routine platelet monitoring is not recommended.');
  });

  it('no platelet count before heparin: the box says the pattern cannot be checked', async () => {
    const base = await demoRecord('no-lmwh');
    const record: ClinicalRecord = withDerivedViews({
      ...base,
      labs: { ...base.labs, platelets: plateletSeries([platelet('2026-11-08T19:00:00+00:00', 110)]) },
      medication: { ...base.medication, orders: [{ ...(await demoRecord('third-trimester')).medication.orders[0]!, order: order('2026-11-01T18:00:00+00:00') }] },
    });
    render(<CoagPanel record={record} />);
    const box = screen.getByRole('region', { name: 'Heparin-induced thrombocytopenia pattern check' });
    expect(box).toHaveTextContent('No platelet count before heparin started (1 Nov 2026 18:00 (UTC)): the pattern cannot be checked.');
  });

  it('no-lmwh: the HIT pattern is not checked without heparin, and says so', async () => {
    render(<CoagPanel record={await demoRecord('no-lmwh')} />);
    expect(card('Platelets')).toHaveTextContent('No heparin order or recorded heparin dose in the record');
    expect(screen.queryByRole('region', { name: /heparin-induced/i })).toBeNull();
  });

  it('incomplete coagulation search: a banner with the reason', async () => {
    render(<CoagPanel record={await demoRecord('third-trimester', { statuses: { 'observations-coagulation': 'incomplete' } })} />);
    expect(screen.getByRole('status')).toHaveTextContent('Coagulation results may be incomplete: the observations-coagulation search failed: test: observations-coagulation incomplete');
  });

  it('complete coagulation search: no banner', async () => {
    render(<CoagPanel record={await demoRecord('third-trimester')} />);
    expect(screen.queryByText(/may be incomplete/)).toBeNull();
  });
});

const m = createMessages({ zone: 'UTC' });

describe('lab formatting', () => {
  it('keeps the comparator and writes readable units', () => {
    expect(formatLabValue({ value: 0.1, comparator: '<', displayUnit: '[iU]/mL' }, m)).toBe('<0.1 IU/mL');
    expect(formatLabValue({ value: 0.94, displayUnit: '{INR}' }, m)).toBe('0.94');
    expect(formatLabValue({ value: 48.620000001, displayUnit: 'umol/L' }, m)).toBe('48.62 µmol/L');
  });
  it('reference ranges and flags exactly as the lab gave them, or empty', () => {
    expect(labRangeText([{ low: { value: 150, unit: '10*3/uL' }, high: { value: 400, unit: '10*3/uL' } }], m)).toBe('150–400 ×10³/µL');
    expect(labRangeText([{ high: { value: 0.5, unit: 'mg/L' }, appliesTo: [{ text: 'non-pregnant' }] }], m)).toBe('up to 0.5 mg/L (non-pregnant)');
    expect(labRangeText([], m)).toBe('');
    expect(interpretationText([{ coding: [{ code: 'H', display: 'High' }] }])).toBe('High (H)');
    expect(interpretationText([])).toBe('');
  });
  it('trend text names the count and the first and last values', () => {
    const s = plateletSeries([platelet('2026-11-01T09:00:00+00:00', 262), platelet('2026-11-02T09:00:00+00:00', 250), platelet('2026-11-03T09:00:00+00:00', 245), platelet('2026-11-04T09:00:00+00:00', 241)]);
    expect(trendText(s, m)).toBe('4 results, 262 -> 241');
  });
});

describe('CoagPanel, a public Synthea patient (Almeda Conn): platelet counts written with long binary fractions', () => {
  const FILE = 'Almeda_Conn_67e13ece-8aed-46fa-ab6c-673137d5460e.json';
  const EXACT = '176.56280847725554 10*3/uL';

  it.each([
    ['en', 'Platelets', 'Source', 'As recorded, rounded for reading', '176.6 10*3/uL', 'Exactly as recorded', 'As reported: 176.6 ×10³/µL'],
    ['ru', 'Тромбоциты', 'Источник', 'Как записано, с округлением для чтения', '176,6 10*3/uL', 'Точно как записано', '176,6 ×10³/мкл'],
  ] as const)('%s: the Source disclosure shows the value rounded for reading and, beside it, exactly as recorded', async (locale, cardName, source, roundedTerm, rounded, exactTerm, caveat) => {
    const { record } = await buildFixture('smart-launcher-r4-synthea', FILE);
    render(
      <MessagesProvider locale={locale} zone="UTC">
        <CoagPanel record={record} />
      </MessagesProvider>,
    );
    const c = card(cardName);
    // The latest count's own disclosure comes first; the series table's follow.
    await userEvent.click(within(c).getAllByText(source)[0]!);
    const details = c.querySelector('.source-details')!;
    const pairs = [...details.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]);
    expect(pairs).toContainEqual([roundedTerm, rounded]);
    expect(pairs).toContainEqual([exactTerm, EXACT]);
    expect(within(c).getByText(rounded)).toHaveAttribute('title', EXACT);
    // The unit-conversion line and the table cell read rounded too; the exact text is their tooltip.
    const line = within(c).getByText((_, el) => el?.classList.contains('coag-caveat') === true && el.tagName === 'P');
    expect(line.textContent).toContain(caveat);
    expect(line.textContent).not.toContain('176.5628');
    expect(line).toHaveAttribute('title', EXACT);
    const cells = [...c.querySelectorAll('td')].filter((td) => td.getAttribute('title') === EXACT);
    expect(cells).toHaveLength(1);
    expect(cells[0]!.textContent).not.toContain('176.5628');
  });
});
