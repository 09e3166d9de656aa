import { reason } from '../../domain/reasons';
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { demoRecord } from '../../../test/support/demo-record';
import { buildTimeline } from '../../domain/timeline';
import { createMessages } from '../messages/translator';
import { sourceLabel } from '../common/Provenance';
import { buildDdimerChartView } from './timelineViewModel';
import { DdimerChart, PointDetails } from './DdimerChart';
import { DdimerTable } from './DdimerTable';

describe('DdimerChart', () => {
  it('a record without D-dimer gets one sentence: no chart box, no unit selector, no legend', async () => {
    const record = await demoRecord('no-lmwh');
    const { container } = render(<DdimerChart data={buildTimeline(record)} unit="ng/mL" onUnitChange={() => undefined} />);
    expect(screen.getByText('No D-dimer results to plot.')).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('list', { name: 'Chart legend' })).toBeNull();
    expect(container.querySelector('.ddimer-chart__plot')).toBeNull();
  });

  it('the unit selector offers the three FEU units, ng/mL FEU by default, and reports a change', async () => {
    const record = await demoRecord('third-trimester');
    const onUnitChange = vi.fn();
    render(<DdimerChart data={buildTimeline(record)} unit="ng/mL" onUnitChange={onUnitChange} />);
    const select = screen.getByRole('combobox', { name: 'D-dimer unit' }) as HTMLSelectElement;
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['ng/mL FEU', 'mg/L FEU', 'ug/mL FEU']);
    expect(select.value).toBe('ng/mL');
    await userEvent.selectOptions(select, 'ug/mL');
    expect(onUnitChange).toHaveBeenCalledWith('ug/mL');
  });

  it("the legend names the lab's non-pregnant upper limit and the DDU series in words", async () => {
    const record = await demoRecord('third-trimester');
    render(<DdimerChart data={buildTimeline(record)} unit="mg/L" onUnitChange={() => {}} />);
    const legend = screen.getByRole('list', { name: 'Chart legend' });
    expect(legend).toHaveTextContent('Dashed line: lab upper limit (non-pregnant): 0.5 mg/L FEU');
    expect(legend).toHaveTextContent('left axis, mg/L FEU');
    expect(legend).toHaveTextContent('DDU: triangles, not joined, not converted (right axis)');
  });

  it('a point tooltip shows the value as reported, date and time with offset, GA, status, lab range and source', async () => {
    const record = await demoRecord('third-trimester');
    const m = createMessages({ zone: record.zone });
    const view = buildDdimerChartView(buildTimeline(record), 'mg/L', { on: false, studyId: 'biomed-res-int-2020' }, m, sourceLabel);
    const point = view.feu.find((p) => p.source.id === 'third-trimester-obs-ddimer-w07')!;
    render(<PointDetails details={point.details} />);
    const text = (term: string) => screen.getByText(term).nextElementSibling!.textContent;
    expect(text('Value')).toBe('<0.27 mg/L FEU (below the bound shown)');
    expect(text('As reported')).toBe('<0.27 mg/L');
    expect(text('Date')).toBe('12 May 2026 09:10 (UTC+01:00)');
    expect(text('Gestational age')).toBe('7w 2d');
    expect(text('Status')).toBe('final');
    expect(text('Lab range')).toBe('< 0.5 mg/L FEU (non-pregnant adults)');
    expect(text('Source')).toBe('Observation/third-trimester-obs-ddimer-w07');
  });
});

describe('DdimerTable', () => {
  it('says when the selected pregnancy has no D-dimer results and still lists the others', async () => {
    const record = await demoRecord('many-labs');
    const onlyEarlier = { ...record, ddimer: { ...record.ddimer, results: record.ddimer.results.filter((r) => r.source.id!.includes('-p1-')) } };
    render(<DdimerTable data={buildTimeline(onlyEarlier)} unit="ng/mL" />);
    expect(screen.getByText('No D-dimer results in this pregnancy.')).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: /^Outside this pregnancy \(\d+ results, not plotted\)$/ })).toBeInTheDocument();
  });

  it('shows "not normalised (reason)" for a result without FEU/DDU unit type', async () => {
    const record = await demoRecord('third-trimester');
    const first = record.ddimer.results[1]!;
    const unknownType = { ...first, unitType: 'unknown' as const, chart: { known: false as const, reason: reason('lab.ddimer-unit-type-not-stated') } };
    render(<DdimerTable data={buildTimeline({ ...record, ddimer: { ...record.ddimer, results: [unknownType] } })} unit="ng/mL" />);
    expect(screen.getByText(/not normalised/).closest('td')).toHaveTextContent('not normalised (unit type (FEU or DDU) not stated)');
  });
});

describe('DdimerChart drawing (layout sizes stubbed: jsdom has no layout)', () => {
  it('draws FEU as circles joined by one line, the <0.27 result open, DDU as a triangle, trimester bands, week ticks with dates', async () => {
    const props = ['clientWidth', 'offsetWidth', 'clientHeight', 'offsetHeight'] as const;
    const saved = props.map((k) => [k, Object.getOwnPropertyDescriptor(HTMLElement.prototype, k)] as const);
    const savedRect = HTMLElement.prototype.getBoundingClientRect;
    for (const k of props) Object.defineProperty(HTMLElement.prototype, k, { configurable: true, get: () => (k.includes('Width') ? 900 : 360) });
    HTMLElement.prototype.getBoundingClientRect = () => ({ width: 900, height: 360, top: 0, left: 0, right: 900, bottom: 360, x: 0, y: 0, toJSON: () => ({}) });
    try {
      const record = await demoRecord('third-trimester');
      const { container } = render(<DdimerChart data={buildTimeline(record)} unit="ng/mL" onUnitChange={() => {}} />);
      const plot = container.querySelector('.ddimer-chart__plot')!;
      await screen.findByText('today');
      expect(plot.querySelectorAll('circle[stroke="#0072b2"]')).toHaveLength(9);
      expect(plot.querySelectorAll('circle[fill="#ffffff"]')).toHaveLength(1);
      expect(plot.querySelectorAll('path[fill="#d55e00"]')).toHaveLength(1);
      expect(plot.querySelectorAll('.recharts-curve')).toHaveLength(1);
      expect(plot.querySelectorAll('.recharts-reference-area')).toHaveLength(3);
      const texts = [...plot.querySelectorAll('text')].map((t) => t.textContent);
      expect(texts).toEqual(expect.arrayContaining(['1st trimester', '2nd trimester', '3rd trimester', 'ng/mL DDU', 'ASRA 2018', '20w', '28w']));
      expect(texts.some((t) => /^\d{1,2} [A-Z][a-z]{2} 2026$/.test(t ?? ''))).toBe(true);
    } finally {
      for (const [k, d] of saved) if (d) Object.defineProperty(HTMLElement.prototype, k, d);
      HTMLElement.prototype.getBoundingClientRect = savedRect;
    }
  });
});
