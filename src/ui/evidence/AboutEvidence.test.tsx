import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import AboutEvidence from './AboutEvidence';
import { ALL_RULES } from '../../domain/rules/registry';
import { renderInZone } from '../../../test/support/renderInZone';

describe('About the evidence', () => {
  it('lists each cited source once, with the verification levels its rules carry and its citation', () => {
    renderInZone(<AboutEvidence />);
    const rows = screen.getAllByRole('row').slice(1);
    const names = new Set(ALL_RULES.map((r) => r.source.name));
    expect(rows).toHaveLength(names.size);
    const asra = rows.find((r) => r.getAttribute('data-source') === 'asra-2018')!;
    expect(within(asra).getByRole('rowheader')).toHaveTextContent('ASRA 2018');
    expect(asra).toHaveTextContent('4th edition, 2018');
    expect(asra).toHaveTextContent(/verified:.*partly verified:/s);
    expect(asra).toHaveTextContent('Horlocker TT');
  });
  it('general laboratory knowledge is shown as UNVERIFIED, never as checked', () => {
    renderInZone(<AboutEvidence />);
    const row = screen.getAllByRole('row').find((r) => r.getAttribute('data-source') === 'general-lab')!;
    expect(row).toHaveTextContent('citation not verified (UNVERIFIED)');
    expect(within(row).queryByText(/^verified$/)).toBeNull();
  });
});
