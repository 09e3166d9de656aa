import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import AboutEvidence from './AboutEvidence';
import { ALL_RULES } from '../../domain/rules/registry';
import { renderInZone } from '../../../test/support/renderInZone';
import { MessagesProvider } from '../messages/MessagesProvider';

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
  it('in Russian the notes and the article are in Russian; a published citation stays as published, marked English', () => {
    render(
      <MessagesProvider locale="ru" zone="UTC">
        <AboutEvidence />
      </MessagesProvider>,
    );
    const rows = screen.getAllByRole('row').slice(1);
    const asra = rows.find((r) => r.getAttribute('data-source') === 'asra-2018')!;
    expect(asra).toHaveTextContent('Клинический справочник, раздел 5.1');
    expect(asra).toHaveTextContent('ПРОВЕРЕНО');
    expect(asra).not.toHaveTextContent('clinical-reference.md');
    const cite = within(asra).getByText(/^Horlocker TT/);
    expect(cite).toHaveAttribute('lang', 'en');
    expect(cite).toHaveAttribute('data-citation');
    const article = rows.find((r) => r.getAttribute('data-source') === 'source-article')!;
    expect(article).toHaveTextContent('«Как правильно применять Клексан?»');
    expect(article.querySelector('[data-citation]')).toBeNull();
  });
});
