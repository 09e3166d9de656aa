import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataAvailability } from './DataAvailability';
import { demoRecord } from '../../../test/support/demo-record';

describe('DataAvailability', () => {
  it('says nothing when every part of the record was read', async () => {
    const { container } = render(<DataAvailability record={await demoRecord('third-trimester')} />);
    expect(container).toBeEmptyDOMElement();
  });
  it('lists an unavailable part with its reason and says missing means not known', async () => {
    const record = await demoRecord('third-trimester', { statuses: { appointments: 'unavailable', 'medication-requests': 'incomplete' } });
    render(<DataAvailability record={record} />);
    expect(screen.getByRole('heading', { name: 'Part of the record could not be read' })).toBeInTheDocument();
    expect(screen.getByText('Appointments').closest('li')).toHaveTextContent('not available (the appointments search failed: test: appointments unavailable)');
    expect(screen.getByText('Medication orders').closest('li')).toHaveTextContent('incomplete');
    expect(screen.getByText(/not known", not "none"/)).toBeInTheDocument();
  });
  it('a part still being read is listed as being read, not as a problem', async () => {
    const record = await demoRecord('third-trimester', { statuses: { encounters: 'incomplete' } });
    render(<DataAvailability record={record} loadingGroups={['encounters']} />);
    expect(screen.getByRole('status')).toHaveTextContent('Still reading from the EHR: Encounters.');
    expect(screen.queryByRole('heading', { name: 'Part of the record could not be read' })).not.toBeInTheDocument();
  });
  it('each part that could not be read has a Try again for that part alone', async () => {
    const onRetry = vi.fn();
    const record = await demoRecord('third-trimester', { statuses: { appointments: 'unavailable', encounters: 'incomplete' } });
    render(<DataAvailability record={record} onRetry={onRetry} />);
    await userEvent.click(screen.getByRole('button', { name: 'Try again: Encounters' }));
    expect(onRetry).toHaveBeenCalledExactlyOnceWith('encounters');
    expect(screen.getByRole('button', { name: 'Try again: Appointments' })).toBeInTheDocument();
  });
});
