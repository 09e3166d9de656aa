import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
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
    expect(screen.getByText('Appointments').closest('li')).toHaveTextContent('not available (test: appointments unavailable)');
    expect(screen.getByText('Medication orders').closest('li')).toHaveTextContent('incomplete');
    expect(screen.getByText(/not known", not "none"/)).toBeInTheDocument();
  });
});
