import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IvfCyclePanel } from './IvfCyclePanel';
import { demoRecord } from '../../../test/support/demo-record';
import { renderInZone } from '../../../test/support/renderInZone';
import { MessagesProvider } from '../messages/MessagesProvider';
import { render } from '@testing-library/react';

describe('IvfCyclePanel', () => {
  it('ivf-ohss: "Pregnancy not confirmed", transfer + 10 days, the strip to the hCG test, the estradiol table with its sources', async () => {
    renderInZone(<IvfCyclePanel record={await demoRecord('ivf-ohss')} />);
    const panel = screen.getByRole('region', { name: 'IVF cycle' });
    expect(within(panel).getByText('Pregnancy not confirmed')).toBeInTheDocument();
    expect(panel).toHaveTextContent('transfer + 10 days, day-5 embryo');
    expect(panel).toHaveTextContent('if pregnant: 4w 1d');
    const strip = within(panel).getByRole('list', { name: 'Cycle steps' });
    expect(within(strip).getAllByRole('listitem').map((li) => li.querySelector('.ivf-cycle__step-label')?.textContent)).toEqual([
      'Stimulation start',
      'Trigger',
      'Oocyte retrieval',
      'Embryo transfer',
      'hCG test',
    ]);
    const table = within(panel).getByRole('table', { name: /Estradiol results/ });
    expect(within(table).getAllByRole('row')).toHaveLength(5);
    expect(table).toHaveTextContent('2650 pg/mL');
    expect(table).toHaveTextContent('(converted)');
    expect(within(panel).getByRole('img', { name: /Estradiol trend/ })).toBeInTheDocument();
    expect(panel).toHaveTextContent('Risk of OHSS (not the syndrome): severity mild');
  });

  it('every source disclosure is reached with the Tab key, in reading order', async () => {
    const { container } = renderInZone(<IvfCyclePanel record={await demoRecord('ivf-ohss')} />);
    const summaries = Array.from(container.querySelectorAll('summary'));
    expect(summaries.length).toBeGreaterThan(10);
    const user = userEvent.setup();
    const reached: Element[] = [];
    for (let i = 0; i < summaries.length; i++) {
      await user.tab();
      reached.push(document.activeElement!);
    }
    expect(reached).toEqual(summaries);
  });

  it('ivf-negative-hcg: not pregnant after this transfer, the active LMWH flagged for review in words, the supply running out', async () => {
    renderInZone(<IvfCyclePanel record={await demoRecord('ivf-negative-hcg')} />);
    const panel = screen.getByRole('region', { name: 'IVF cycle' });
    expect(panel).toHaveTextContent('Not pregnant after this transfer');
    expect(panel).toHaveTextContent('Review: an LMWH order is still active after the negative test: review');
    expect(panel).toHaveTextContent(/Review: the dispensed syringes run out .+, before the order ends/);
  });

  it.each([
    ['en', 'Recognised by', 'dispensed for the order MedicationRequest/ivf-negative-hcg-medreq-enoxaparin'],
    ['ru', 'Распознано по', 'выдано по назначению MedicationRequest/ivf-negative-hcg-medreq-enoxaparin'],
  ] as const)('ivf-negative-hcg: the dispense in the supply says it was taken through the order it names (%s)', async (locale, term, words) => {
    const { container } = render(
      <MessagesProvider locale={locale} zone="Europe/London">
        <IvfCyclePanel record={await demoRecord('ivf-negative-hcg')} />
      </MessagesProvider>,
    );
    const supply = container.querySelector('section[aria-labelledby="ivf-supply"]') as HTMLElement;
    const summary = within(supply).getAllByText(/MedicationDispense\//)[0]!.closest('summary')!;
    await userEvent.click(summary);
    const details = summary.closest('details')!;
    const dispense = Array.from(details.querySelectorAll('dl')).find((dl) => dl.textContent?.includes('MedicationDispense/'))!;
    expect(within(dispense).getByText(term)).toBeVisible();
    expect(within(dispense).getByText(`${words}, RxNorm 854235`)).toBeVisible();
  });

  it('shows a loading line while its searches run, and nothing for a record without an embryo transfer', async () => {
    const { unmount } = renderInZone(<IvfCyclePanel record={await demoRecord('ivf-ohss')} loading={['procedures']} />);
    expect(screen.getByText('Reading the IVF cycle…')).toBeInTheDocument();
    unmount();
    const { container } = renderInZone(<IvfCyclePanel record={await demoRecord('third-trimester')} />);
    expect(container).toBeEmptyDOMElement();
  });
});
