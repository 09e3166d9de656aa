import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEMO_TEST_NOW, DEMO_TEST_ZONE, demoRecord, demoResources, recordInputFor } from '../../../test/support/demo-record';
import { buildClinicalRecord, type ClinicalRecord } from '../../domain/record';
import { loadUnitConverter } from '../../domain/labs';
import { ExclusionsReport } from '../exclusions/ExclusionsReport';
import { Timeline } from './Timeline';
import { MessagesProvider } from '../messages/MessagesProvider';

function renderPage(record: ClinicalRecord) {
  return render(
    <MessagesProvider zone={record.zone}>
      <Timeline record={record} />
      <ExclusionsReport exclusions={record.exclusions} dropped={record.dropped} />
    </MessagesProvider>,
  );
}

const table = () => screen.getByRole('table', { name: /D-dimer/ });
const pregnancyRows = () => within(table().querySelector('tbody[data-group="in-pregnancy"]') as HTMLElement).getAllByRole('row');
/** The row whose "Result (as reported)" cell starts with the text. */
const rowOf = (reported: string) => pregnancyRows().find((r) => within(r).getAllByRole('cell')[2]!.textContent!.startsWith(reported))!;
const cell = (row: HTMLElement, i: number) => within(row).getAllByRole('cell')[i]!.textContent;

async function undatedThirdTrimester(): Promise<ClinicalRecord> {
  const resources = demoResources('third-trimester').filter(
    (r) => !(r.resourceType === 'Observation' && (r as fhir4.Observation).code.coding?.some((c) => ['11778-8', '8665-2'].includes(c.code ?? ''))),
  );
  return buildClinicalRecord(recordInputFor(resources, 'third-trimester'), { nowMs: DEMO_TEST_NOW, zone: DEMO_TEST_ZONE, units: await loadUnitConverter() });
}

describe('Timeline, third-trimester patient', () => {
  it('lists 10 D-dimer results in a table with the agreed columns; the entered-in-error one is in the exclusions report', async () => {
    const record = await demoRecord('third-trimester');
    renderPage(record);
    expect(within(table()).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Date',
      'Gestational age',
      'Result (as reported)',
      'Normalised value (ng/mL FEU)',
      'Status',
      'Source',
    ]);
    expect(pregnancyRows()).toHaveLength(10);
    expect(within(table()).queryByText(/9\.8 mg\/L/)).toBeNull();
    const report = screen.getByRole('region', { name: 'Records left out' });
    expect(within(report).getByText('D-dimer results (1)')).toBeInTheDocument();
    expect(within(report).getByText('status entered-in-error')).toBeInTheDocument();
    expect(within(report).getAllByText(/Observation\/third-trimester-obs-ddimer-w30/).length).toBeGreaterThan(0);
  });

  it('shows the not-plotted count with a link to the exclusions report', async () => {
    renderPage(await demoRecord('third-trimester'));
    const link = screen.getByRole('link', { name: '1 result not plotted — see exclusions' });
    expect(link).toHaveAttribute('href', '#exclusions');
    expect(document.getElementById('exclusions')).not.toBeNull();
  });

  it('keeps the DDU result apart: in ng/mL DDU, labelled, not converted', async () => {
    renderPage(await demoRecord('third-trimester'));
    const row = rowOf('300 ng/mL');
    expect(cell(row, 2)).toBe('300 ng/mL (DDU)');
    expect(cell(row, 3)).toBe('300 ng/mL DDU (not converted)');
    expect(screen.getByText(/DDU: triangles, not joined, not converted \(right axis\)/)).toBeInTheDocument();
  });

  it('keeps the comparator of the <0.27 result', async () => {
    renderPage(await demoRecord('third-trimester'));
    const row = rowOf('<0.27 mg/L');
    expect(cell(row, 3)).toBe('<270 ng/mL FEU');
    expect(cell(row, 1)).toBe('7w 2d');
  });

  it('marks preliminary and amended results', async () => {
    renderPage(await demoRecord('third-trimester'));
    expect(cell(rowOf('1.85 mg/L'), 4)).toBe('preliminary');
    expect(cell(rowOf('1.3 mg/L'), 4)).toBe('amended');
    expect(cell(rowOf('0.45 mg/L'), 4)).toBe('final');
  });

  it('switching the unit to mg/L changes every FEU normalised value (880 ng/mL -> 0.88 mg/L)', async () => {
    renderPage(await demoRecord('third-trimester'));
    expect(cell(rowOf('880 ng/mL FEU'), 3)).toBe('880 ng/mL FEU');
    const before = pregnancyRows().map((r) => cell(r, 3));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'D-dimer unit' }), 'mg/L');
    expect(cell(rowOf('880 ng/mL FEU'), 3)).toBe('0.88 mg/L FEU');
    expect(cell(rowOf('0.45 mg/L'), 3)).toBe('0.45 mg/L FEU');
    const after = pregnancyRows().map((r) => cell(r, 3));
    after.forEach((text, i) => {
      if (before[i]!.includes('FEU')) {
        expect(text).toMatch(/ mg\/L FEU$/);
        expect(text).not.toBe(before[i]);
      } else expect(text).toBe(before[i]);
    });
    expect(within(table()).getByRole('columnheader', { name: 'Normalised value (mg/L FEU)' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /latest 1\.85 mg\/L FEU \(preliminary\) at 35w 2d/ })).toBeInTheDocument();
  });

  it('describes the chart in words; the dating is stated once, in the summary, not again here', async () => {
    renderPage(await demoRecord('third-trimester'));
    expect(screen.getByRole('img', { name: /^D-dimer results from 7w to 35w; latest 1850 ng\/mL FEU/ })).toBeInTheDocument();
    expect(screen.queryByText(/Gestational age from:/)).toBeNull();
    expect(screen.getByText(/rises in normal pregnancy \(Kline JA/)).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Pregnancy' })).toBeNull();
  });

  it('the lane shows the enoxaparin order with dose, frequency and the open end (dose per kg is in the medication list)', async () => {
    renderPage(await demoRecord('third-trimester'));
    const lane = screen.getByRole('region', { name: 'LMWH orders' });
    const item = within(lane).getByRole('listitem');
    expect(item).toHaveTextContent('Enoxaparin 40 mg, every 24 h; from 17 Jun 2026 18:00 (UTC+01:00), end unknown;');
    expect(item).not.toHaveTextContent('mg/kg');
  });

  it('lists the caesarean; the stop deadlines are drawn in the lane and written once, on the event card', async () => {
    renderPage(await demoRecord('third-trimester'));
    const lane = screen.getByRole('region', { name: 'Events' });
    const events = within(lane).getAllByRole('listitem');
    expect(events.map((e) => e.textContent)).toEqual([expect.stringMatching(/^▼ Birth \/ caesarean \(planned\): Elective caesarean section, 28 Nov 2026 08:30 \(UTC\) \(35w 6d\)/)]);
    expect(lane.querySelectorAll('.lane__event--stop-deadline')).toHaveLength(2);
    expect([...lane.querySelectorAll('.lane__event--stop-deadline')].map((e) => e.getAttribute('title'))).toEqual([
      'Source article, 48 h before Elective caesarean section, 26 Nov 2026 08:30 (UTC)',
      'ASRA 2018, 12 h before Elective caesarean section, 27 Nov 2026 20:30 (UTC)',
    ]);
  });

  it('the reference band is off by default and, when switched on, is labelled with study, assay and the unit caveat', async () => {
    renderPage(await demoRecord('third-trimester'));
    const box = screen.getByRole('checkbox', { name: /Gestation reference band/ });
    expect(box).not.toBeChecked();
    expect(screen.queryByText(/unit type \(FEU or DDU\) is not established/)).toBeNull();
    await userEvent.click(box);
    expect(screen.getByText(/BioMed Res Int 2020 pilot, ELFA, n=71.*the study's unit type \(FEU or DDU\) is not established/)).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Reference study' }), 'scand-j-clin-lab-invest-2018');
    expect(screen.getByText(/Scand J Clin Lab Invest 2018, latex immunoturbidimetry, ACL TOP 300/)).toBeInTheDocument();
    // The published citation follows the label, as published and marked as English.
    expect(screen.getByText(/^Trimester-specific reference intervals for D-dimer/)).toHaveAttribute('lang', 'en');
  });

  it('every control is reachable by keyboard', async () => {
    renderPage(await demoRecord('third-trimester'));
    const user = userEvent.setup();
    const reached = new Set<Element>();
    for (let i = 0; i < 60; i++) {
      await user.tab();
      if (document.activeElement) reached.add(document.activeElement);
    }
    expect(reached).toContain(screen.getByRole('combobox', { name: 'D-dimer unit' }));
    expect(reached).toContain(screen.getByRole('checkbox', { name: /reference band/ }));
    expect(reached).toContain(screen.getByRole('link', { name: /not plotted/ }));
  });
});

describe('Timeline, many-labs patient (two pregnancies)', () => {
  it('offers a pregnancy picker; picking the earlier pregnancy changes the rows', async () => {
    renderPage(await demoRecord('many-labs'));
    const picker = screen.getByRole('combobox', { name: 'Pregnancy' });
    expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual(['EDD 25 Nov 2024 (recorded EDD) — earlier', 'EDD 16 Mar 2027 (recorded EDD) — current']);
    expect((picker as HTMLSelectElement).value).toBe('1');
    const currentFirst = cell(pregnancyRows()[0]!, 0);
    const currentCount = pregnancyRows().length;
    expect(currentFirst).toMatch(/2026/);
    await userEvent.selectOptions(picker, '0');
    expect(cell(pregnancyRows()[0]!, 0)).toBe('1 Apr 2024 08:40 (UTC+01:00)');
    expect(cell(pregnancyRows()[0]!, 1)).toBe('6w 0d');
    expect(pregnancyRows().length).not.toBe(currentCount);
    expect(screen.getByText(/Gestational age from: recorded EDD: EDD 25 Nov 2024/)).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: /^Outside this pregnancy \(\d+ results, not plotted\)$/ })).toBeInTheDocument();
  });
});

describe('Timeline without dating', () => {
  it('uses calendar dates and says why', async () => {
    renderPage(await undatedThirdTrimester());
    expect(screen.getByText(/Gestational age cannot be shown: no dating: EDD, LMP, transfer with embryo age or GA observation not found/)).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^D-dimer results from 12 May 2026 to 24 Nov 2026/ })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /reference band/ })).toBeDisabled();
    expect(pregnancyRows()).toHaveLength(10);
    expect(cell(rowOf('0.45 mg/L'), 1)).toMatch(/^Unknown/);
  });

  it('a patient with no D-dimer, no LMWH order and no event (no-lmwh): one sentence, no empty chart, lanes or table', async () => {
    renderPage(await demoRecord('no-lmwh'));
    const section = screen.getByRole('region', { name: 'D-dimer and LMWH timeline' });
    expect(section).toHaveTextContent(
      'D-dimer and LMWH timelineNo D-dimer result, LMWH order or dated event in the record (no LMWH order found is not proof that no drug was given).',
    );
    expect(within(section).queryByRole('table')).toBeNull();
    expect(within(section).queryByRole('img')).toBeNull();
    expect(screen.getByText('Nothing was left out.')).toBeInTheDocument();
  });
});
