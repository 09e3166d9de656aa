import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { demoRecord } from '../../../test/support/demo-record';
import { renderInZone } from '../../../test/support/renderInZone';
import { DoseCalendar } from './DoseCalendar';

const calendar = () => screen.getByRole('region', { name: 'Your injection calendar' });
const rowOf = (key: string) => calendar().querySelector(`tr[data-day="${key}"]`) as HTMLElement;

describe('DoseCalendar', () => {
  it('third-trimester: the heading takes the focus; switching to ASRA 2018’s line moves the last injection from Wednesday to Friday', async () => {
    renderInZone(<DoseCalendar record={await demoRecord('third-trimester')} onClose={() => undefined} />);
    expect(screen.getByRole('heading', { name: 'Your injection calendar' })).toHaveFocus();
    expect(rowOf('2026-11-25')).toHaveTextContent('Last injection at 18:00');
    await userEvent.selectOptions(screen.getByLabelText('Rule used for the last injection'), 'asra2018.stop-before.neuraxial-prophylactic-12h');
    expect(rowOf('2026-11-25')).toHaveTextContent('Injection at 18:00');
    expect(rowOf('2026-11-27')).toHaveTextContent('Last injection at 18:00');
    expect(within(calendar()).getByText(/follows this rule: ASRA 2018 \(12 h before\)/)).toBeInTheDocument();
  });

  it('no-lmwh: says why there is no calendar, offers no print; Back closes it', async () => {
    const onClose = vi.fn();
    renderInZone(<DoseCalendar record={await demoRecord('no-lmwh')} onClose={onClose} />);
    expect(within(calendar()).getByText('No calendar: there is no LMWH order in the record.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Print the calendar' })).not.toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Back to the record' }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});
