import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { demoRecord } from '../../../test/support/demo-record';
import { StopNowBanner } from './StopNowBanner';
import { renderInZone } from '../../../test/support/renderInZone';

describe('StopNowBanner', () => {
  it('bleeding patient: one alert, the bleeding Condition as its record, the source and RCOG lines labelled side by side', async () => {
    const { container } = renderInZone(<StopNowBanner record={await demoRecord('bleeding')} />);
    const alerts = screen.getAllByRole('alert');
    expect(alerts).toHaveLength(1);
    const alert = alerts[0]!;
    expect(within(alert).getByRole('heading')).toHaveTextContent('Bleeding from the genital tract is recorded');
    expect(within(alert).getByText('Vaginal bleeding in early pregnancy', { selector: 'strong' })).toBeInTheDocument();
    expect(within(alert).getByText(/Condition\/bleeding-cond-vaginal-bleeding/, { selector: '.stop-now__fact .provenance__ids' })).toBeInTheDocument();
    expect(within(alert).getByText('24 Nov 2026 21:15 (UTC)')).toHaveAttribute('dateTime', '2026-11-24T21:15:00.000+00:00');
    expect(within(alert).getByText('Source article', { selector: '.rule-source__name' })).toBeInTheDocument();
    expect(within(alert).getByText('The source advises stopping LMWH with bloody discharge from the genital tract.')).toBeInTheDocument();
    expect(within(alert).getByText('RCOG 37a', { selector: '.rule-source__name' })).toBeInTheDocument();
    expect(within(alert).getByText(/Nadroparin 2850 IU SC every 24 h/)).toBeInTheDocument();
    // Attributed, never an order to the reader.
    expect(container.textContent).not.toMatch(/\b(Stop|Inject) LMWH now\b/i);
  });

  it.each(['third-trimester', 'no-lmwh', 'planned-surgery'] as const)('%s: no stop-now alert, nothing rendered', async (id) => {
    const { container } = renderInZone(<StopNowBanner record={await demoRecord(id)} />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(container).toBeEmptyDOMElement();
  });
});
