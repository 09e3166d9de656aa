import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { ExclusionsReport } from './ExclusionsReport';
import { groupExclusions } from './exclusionsViewModel';
import { createMessages } from '../messages/translator';
import { reason } from '../../domain/reasons';

const m = createMessages({ locale: 'en', zone: 'UTC' });
const DROPPED_VIEW = 'Not read: belongs to another patient or was dropped by the FHIR layer';

const exclusions = [
  { view: 'lab.ddimer-results', reason: reason('lab.status-excluded', { status: 'entered-in-error' }), source: { resourceType: 'Observation', id: 'dd-9' } },
  { view: 'med.orders', reason: reason('med.do-not-perform'), source: { resourceType: 'MedicationRequest', id: 'mr-2' } },
  { view: 'lab.ddimer-chart', reason: reason('lab.ddimer-unit-type-not-stated'), source: { resourceType: 'Observation', id: 'dd-4' } },
  { view: 'lab.ddimer-results', reason: reason('lab.no-value'), source: { resourceType: 'Observation', id: 'dd-5' } },
];
const dropped = [{ resourceType: 'Observation', id: 'other-1', reason: reason('fhir.other-patient') }];

describe('ExclusionsReport', () => {
  it('groups every left-out record by view with counts, dropped resources last', () => {
    render(<ExclusionsReport exclusions={exclusions} dropped={dropped} />);
    const section = screen.getByRole('region', { name: 'Records left out' });
    expect(section).toHaveAttribute('id', 'exclusions');
    expect(within(section).getAllByRole('rowheader').map((h) => h.textContent)).toEqual([
      'D-dimer results (2)',
      'LMWH orders (1)',
      'D-dimer chart (1)',
      `${DROPPED_VIEW} (1)`,
    ]);
    expect(within(section).getByText('status entered-in-error')).toBeInTheDocument();
    expect(within(section).getByText('5 records left out of 4 views, with the reason')).toBeInTheDocument();
    const droppedRow = within(section).getByText('belongs to a different patient than the launch patient').closest('tr')!;
    expect(droppedRow).toHaveTextContent('Observation/other-1');
    const orderRow = within(section).getByText('doNotPerform: an instruction NOT to give this drug, not an order to give it').closest('tr')!;
    expect(orderRow).toHaveTextContent('LMWH orders');
  });

  it('a single record in a single view is counted in the singular', () => {
    render(<ExclusionsReport exclusions={exclusions.slice(1, 2)} dropped={[]} />);
    expect(screen.getByText('1 record left out of 1 view, with the reason')).toBeInTheDocument();
  });

  it('says when nothing was left out', () => {
    render(<ExclusionsReport exclusions={[]} dropped={[]} />);
    expect(screen.getByText('Nothing was left out.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('groupExclusions keeps the order of first appearance', () => {
    expect(groupExclusions(exclusions, [], m).map(([v, items]) => [v, items.length])).toEqual([
      ['D-dimer results', 2],
      ['LMWH orders', 1],
      ['D-dimer chart', 1],
    ]);
  });

  it('in Russian, lab views and reasons come from the Russian catalogue', () => {
    const ru = createMessages({ locale: 'ru', zone: 'UTC' });
    const groups = groupExclusions(exclusions, [], ru);
    expect(groups.map(([v]) => v)).toEqual(['Результаты Д-димера', 'Назначения НМГ', 'График Д-димера']);
    expect(groups[0]![1].map((i) => i.reason)).toEqual(['статус entered-in-error', 'нет значения']);
    expect(groups[2]![1][0]!.reason).toBe('тип единиц (FEU или DDU) не указан');
  });
});
