import { reason } from '../../domain/reasons';
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provenance } from './Provenance';
import { KnownValue } from './UnknownValue';

describe('Provenance', () => {
  it('names the record and reveals its details on request', async () => {
    render(<Provenance sources={{ resourceType: 'Observation', id: 'dd-1', date: '2026-04-03T08:30:00+01:00', original: '0.62 mg/L', matchedBy: 'LOINC 48065-7' }} />);
    const summary = screen.getByText('Source');
    expect(screen.getByText(/Observation\/dd-1/, { selector: '.visually-hidden' })).toBeInTheDocument();
    // Closed, the details are not built (a long table has one disclosure per row); the summary names the record.
    expect(screen.queryByText('0.62 mg/L')).toBeNull();
    await userEvent.click(summary);
    expect(screen.getByText('0.62 mg/L')).toBeVisible();
    expect(screen.getByText('LOINC 48065-7')).toBeVisible();
    await userEvent.click(summary);
    expect(screen.getByText('0.62 mg/L')).not.toBeVisible();
  });
  it('builds its details when the disclosure is opened by other means than its summary (find in page)', async () => {
    const { container } = render(<Provenance sources={{ resourceType: 'Observation', id: 'dd-2', original: '340 ng/mL' }} />);
    const details = container.querySelector('details');
    if (!details) throw new Error('no details element');
    details.open = true;
    expect(await screen.findByText('340 ng/mL')).toBeVisible();
  });
  it('says so when a fact is not from the record', () => {
    render(<Provenance sources={[]} label="Source" />);
    expect(screen.getByText('Source: not from the record')).toBeInTheDocument();
  });
});

describe('KnownValue', () => {
  it('shows unknown with its reason, never a default', () => {
    render(<KnownValue value={{ known: false, reason: reason('med.no-dose-quantity') }} format={(v: number) => `${v} mg`} />);
    expect(screen.getByText(/Unknown/)).toHaveTextContent('Unknown (no dose quantity)');
  });
  it('formats a known value', () => {
    render(<KnownValue value={{ known: true, value: 40 }} format={(v: number) => `${v} mg`} />);
    expect(screen.getByText('40 mg')).toBeInTheDocument();
  });
});
