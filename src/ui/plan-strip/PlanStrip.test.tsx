import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { demoRecord } from '../../../test/support/demo-record';
import { renderInZone } from '../../../test/support/renderInZone';
import type { FacilityZone } from '../../domain/facilityZone';
import { PlanStrip } from './PlanStrip';

const ZONE: FacilityZone = { zone: 'Europe/London', from: 'ehr-config', rejected: [] };

describe('PlanStrip deadlines', () => {
  it('planned-surgery: the source gives no interval, so its line states that alone (no "no later than" before it); the guideline line keeps its time', async () => {
    const { container } = renderInZone(<PlanStrip record={await demoRecord('planned-surgery')} facilityZone={ZONE} />);
    const lines = [...container.querySelectorAll('.plan-strip__deadline')].map((li) => li.textContent ?? '');
    const source = lines.find((t) => t.includes('Source article'));
    expect(source).toMatch(/Source article: The source gives no interval/);
    expect(source).not.toContain('no later than');
    const asra = lines.find((t) => t.includes('ASRA 2018'));
    expect(asra).toMatch(/ASRA 2018: Last dose no later than 29 Nov 2026 00:00 \(UTC\)/);
    expect(screen.getAllByRole('time').length).toBeGreaterThan(0);
  });
});
