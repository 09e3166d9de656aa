import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import type { StopStatus } from '../../domain/rules';
import { SourceLabel, StatusBadge } from './RuleLines';

describe('StatusBadge', () => {
  it('each of the four statuses has its exact name and its own shape, so colour is never the only cue', () => {
    const statuses: StopStatus[] = ['stop-documented', 'stop-not-documented', 'no-lmwh-order', 'unknown'];
    const names = ['Stop documented', 'Stop not documented', 'No LMWH order found', 'Unknown'];
    const { container } = render(
      <>
        {statuses.map((s) => (
          <StatusBadge key={s} status={s} />
        ))}
      </>,
    );
    for (const s of names) expect(screen.getByText(s, { exact: true })).toBeInTheDocument();
    const icons = [...container.querySelectorAll('.stop-status__icon')].map((i) => i.textContent);
    expect(new Set(icons).size).toBe(4);
    for (const i of container.querySelectorAll('.stop-status__icon')) expect(i).toHaveAttribute('aria-hidden', 'true');
  });
});

describe('SourceLabel', () => {
  it('a partly verified guideline shows its short name, linked to its row in About the evidence, without a verification chip', () => {
    render(
      <SourceLabel
        source={{ kind: 'guideline', name: 'RCOG Green-top 37a (2015)', citation: 'RCOG 37a', verification: 'partial', noteId: 'rcog-37a-section8' }}
      />,
    );
    const link = screen.getByRole('link', { name: 'RCOG 37a' });
    expect(link).toHaveAttribute('href', '#about-evidence-rcog-37a');
    expect(link).toHaveAttribute('title', 'RCOG Green-top 37a (2015)');
    expect(screen.queryByText('partial')).toBeNull();
  });
});
