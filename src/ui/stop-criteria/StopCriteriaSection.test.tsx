import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateTime } from 'luxon';
import { DEMO_TEST_NOW, DEMO_TEST_ZONE, demoRecord, demoResources, recordInputFor } from '../../../test/support/demo-record';
import { buildClinicalRecord } from '../../domain/record';
import { loadUnitConverter } from '../../domain/labs';
import { StopCriteriaSection } from './StopCriteriaSection';
import { renderInZone } from '../../../test/support/renderInZone';

const section = () => screen.getByRole('region', { name: 'Scheduled procedures and delivery' });
/** The deadline line (one per stop rule) whose visible source label is `label`. */
function lineOf(card: HTMLElement, label: string): HTMLElement {
  const lines = within(card)
    .getAllByText(label, { selector: '.rule-source__name' })
    .map((el) => el.closest('li.deadline'))
    .filter((li): li is HTMLElement => li !== null);
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

describe('StopCriteriaSection', () => {
  it('third trimester: one caesarean card from the Appointment and the ServiceRequest, the source 48 h line and the ASRA line beside it', async () => {
    renderInZone(<StopCriteriaSection record={await demoRecord('third-trimester')} />);
    const cards = within(section()).getAllByRole('article');
    expect(cards).toHaveLength(1);
    const card = cards[0]!;
    expect(within(card).getByRole('heading', { level: 3 })).toHaveTextContent('Elective caesarean section');
    const sources = card.querySelector('.event-card__sources summary') as HTMLElement;
    expect(sources).toHaveTextContent('Source records (2): Appointment/third-trimester-appt-caesarean, ServiceRequest/third-trimester-sr-caesarean');
    expect(within(card).getByText('(in 2 days 22 hours)')).toBeInTheDocument();

    const caesarean = DateTime.fromMillis(DEMO_TEST_NOW, { zone: DEMO_TEST_ZONE }).plus({ days: 3 }).set({ hour: 8, minute: 30, second: 0, millisecond: 0 });
    const deadline = caesarean.minus({ hours: 48 });
    const source = lineOf(card, 'Source article');
    // No verification chip on the line: the label links to its row in About the evidence.
    expect(within(source).getByRole('link', { name: 'Source article' })).toHaveAttribute('href', '#about-evidence-source-article');
    expect(within(source).queryByText('source text')).toBeNull();
    expect(source.textContent).not.toMatch(/source\.stop-before|v1\.0\.0/);
    expect(within(source).getByText('Stop not documented')).toBeInTheDocument();
    expect(within(source).getByText(/active with no end date: runs past the deadline/, { selector: '.deadline__status-reason' })).toBeInTheDocument();
    const time = source.querySelector('time')!;
    expect(time).toHaveAttribute('dateTime', deadline.toISO());
    expect(new Date(time.getAttribute('dateTime')!).getTime()).toBe(caesarean.toMillis() - 48 * 3_600_000);
    expect(time.closest('p')).toHaveTextContent('Last dose no later than 26 Nov 2026 08:30 (UTC)');

    const asra = lineOf(card, 'ASRA 2018');
    expect(asra).not.toBe(source);
    expect(within(asra).queryByText('verified')).toBeNull();
    expect(within(asra).getByText(/^At least 12 h after a prophylactic LMWH dose/)).toBeInTheDocument();
    expect(asra.querySelector('time')).toHaveAttribute('dateTime', caesarean.minus({ hours: 12 }).toISO());
    expect(within(card).getByText(/The source's 48 h is stricter than ASRA 2018's 12 h\/24 h/)).toBeInTheDocument();
    // Delivery facts: latest platelets with date, aspirin, heparin allergy / HIT.
    const delivery = within(card).getByText('Delivery facts:').parentElement as HTMLElement;
    expect(within(delivery).getByText(/Latest platelet count 206 ×10⁹\/L on \d+ \w{3} 2026 \d{2}:\d{2} \(UTC/)).toBeInTheDocument();
    expect(within(delivery).getByText(/Aspirin ordered alongside/)).toBeInTheDocument();
    expect(within(delivery).getByText(/No heparin allergy or heparin-induced thrombocytopenia \(HIT\) recorded/)).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/\d{2}\/\d{2}/);
  });

  it('an incomplete medication search shows Unknown with the reason, never "no order"', async () => {
    renderInZone(<StopCriteriaSection record={await demoRecord('no-lmwh', { statuses: { 'medication-requests': 'incomplete' } })} />);
    expect(within(section()).queryAllByRole('article')).toHaveLength(0);
    await userEvent.type(screen.getByLabelText('Date'), '2026-12-01');
    await userEvent.type(screen.getByLabelText('Time (optional)'), '09:00');
    await userEvent.click(screen.getByRole('button', { name: 'Add and show the stop criteria' }));
    const card = screen.getByRole('article');
    const line = lineOf(card, 'Source article');
    expect(within(line).getByText('Unknown')).toBeInTheDocument();
    expect(within(line).getByText(/medication search was incomplete or unavailable \(Medication orders: incomplete \(the medication-requests search failed: test: medication-requests incomplete\)\)/)).toBeInTheDocument();
    expect(screen.queryByText('No LMWH order found')).not.toBeInTheDocument();
  });

  it('third trimester with an incomplete medication search: the caesarean lines still say why', async () => {
    renderInZone(<StopCriteriaSection record={await demoRecord('third-trimester', { statuses: { 'medication-requests': 'incomplete' } })} />);
    const line = lineOf(screen.getByRole('article'), 'Source article');
    // The order that runs past is in the record; the reason also says further orders may be missing.
    expect(within(line).getByText(/further orders may be missing/)).toBeInTheDocument();
  });

  it('no LMWH: no cards, says none found; a what-if caesarean entered in the form shows "No LMWH order found" and is marked as entered here', async () => {
    const user = userEvent.setup();
    renderInZone(<StopCriteriaSection record={await demoRecord('no-lmwh')} />);
    expect(within(section()).queryAllByRole('article')).toHaveLength(0);
    expect(screen.getByText('No scheduled surgery or delivery found in the record')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Event type'), 'Caesarean section');
    await user.type(screen.getByLabelText('Date'), '2026-12-02');
    await user.type(screen.getByLabelText('Time (optional)'), '08:30');
    await user.type(screen.getByLabelText('Label (optional)'), 'Caesarean, list 2');
    // The slot is echoed unambiguously, whatever format the browser's date box uses.
    expect(screen.getByText(/Slot as read/)).toHaveTextContent('Slot as read: 2 Dec 2026 08:30 (UTC)');
    await user.click(screen.getByRole('button', { name: 'Add and show the stop criteria' }));

    const card = screen.getByRole('article', { name: 'Caesarean, list 2' });
    expect(card).toHaveFocus();
    expect(within(card).getByText(/Entered here, not in the record/)).toBeInTheDocument();
    expect(within(card).getByText('2 Dec 2026 08:30 (UTC)')).toBeInTheDocument();
    expect(within(card).getByText('Source records: not from the record')).toBeInTheDocument();
    for (const label of ['Source article', 'ASRA 2018']) {
      expect(within(lineOf(card, label)).getByText('No LMWH order found')).toBeInTheDocument();
    }
    expect(within(lineOf(card, 'Source article')).getByText(/No order found does not prove that no LMWH is taken/)).toBeInTheDocument();
    // 48 h before 2 Dec 08:30 London.
    expect(lineOf(card, 'Source article').querySelector('time')).toHaveAttribute('dateTime', '2026-11-30T08:30:00.000+00:00');

    await user.click(within(card).getByRole('button', { name: /Remove this entered event/ }));
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Scheduled procedures and delivery' })).toHaveFocus();
  });

  it("third trimester, a what-if caesarean tomorrow 08:30: yesterday's 18:00 dose lies after the 48 h deadline and is listed prominently", async () => {
    const user = userEvent.setup();
    renderInZone(<StopCriteriaSection record={await demoRecord('third-trimester')} />);
    await user.type(screen.getByLabelText('Date'), '2026-11-26');
    await user.type(screen.getByLabelText('Time (optional)'), '08:30');
    await user.click(screen.getByRole('button', { name: 'Add and show the stop criteria' }));
    const card = screen.getByRole('article', { name: 'Caesarean section' });
    const source = lineOf(card, 'Source article');
    const late = within(source).getByText('1 dose recorded after this deadline').closest('.deadline__late-doses') as HTMLElement;
    expect(within(late).getByText('24 Nov 2026 18:00 (UTC)')).toHaveAttribute('dateTime', '2026-11-24T18:00:00.000+00:00');
    expect(within(late).getByText(/Enoxaparin, administered/)).toBeInTheDocument();
    // The record's own caesarean card (in 3 days) has none.
    const recorded = screen.getByRole('article', { name: 'Elective caesarean section' });
    expect(within(recorded).queryByText(/recorded after this deadline/)).not.toBeInTheDocument();
  });

  it('a what-if date-only event counts from 00:00 that day in the facility zone', async () => {
    const user = userEvent.setup();
    renderInZone(<StopCriteriaSection record={await demoRecord('no-lmwh')} />);
    await user.selectOptions(screen.getByLabelText('Event type'), 'Other surgery');
    await user.type(screen.getByLabelText('Date'), '2026-12-03');
    await user.click(screen.getByRole('button', { name: 'Add and show the stop criteria' }));
    const card = screen.getByRole('article', { name: 'Other surgery' });
    expect(within(card).getByText('Date only: counts from 00:00 that day in Europe/London.')).toBeInTheDocument();
  });

  it('the what-if form says what is wrong, linked to the field, and adds nothing', async () => {
    const user = userEvent.setup();
    renderInZone(<StopCriteriaSection record={await demoRecord('no-lmwh')} />);
    await user.click(screen.getByRole('button', { name: 'Add and show the stop criteria' }));
    const date = screen.getByLabelText('Date');
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(date).toHaveAccessibleDescription('Enter the date of the event.');
    expect(date).toHaveFocus();
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
  });

  it('planned surgery: the laparoscopy card says the source gives no interval; the cerclage without a date gets a card saying so', async () => {
    renderInZone(<StopCriteriaSection record={await demoRecord('planned-surgery')} />);
    const lap = screen.getByRole('article', { name: 'Laparoscopy' });
    expect(within(lineOf(lap, 'Source article')).getByText('The source gives no interval: it says only "before any surgery". The guideline intervals for the dose class are shown beside it.')).toBeInTheDocument();
    expect(within(lap).getByText('Date only: counts from 00:00 that day in Europe/London.')).toBeInTheDocument();
    expect(within(lineOf(lap, 'ASRA 2018')).getByText(/counts from the start of that day in Europe\/London/)).toBeInTheDocument();
    const cerclage = screen.getByRole('article', { name: 'Cervical cerclage' });
    expect(within(cerclage).getByText('Date unknown: the record gives no date for this event')).toBeInTheDocument();
    expect(within(cerclage).getByText('No countdown: the event has no usable date')).toBeInTheDocument();
  });

  it('an unread Appointment search: never "none found", the reason instead', async () => {
    renderInZone(<StopCriteriaSection record={await demoRecord('no-lmwh', { statuses: { appointments: 'unavailable' } })} />);
    expect(screen.queryByText('No scheduled surgery or delivery found in the record')).not.toBeInTheDocument();
    expect(screen.getByText(/Planned events could not be read completely: Appointments: not available \(the appointments search failed: test: appointments unavailable\)/)).toBeInTheDocument();
  });

  it('bleeding (9 weeks, no planned delivery): the estimated delivery date card, without a countdown', async () => {
    renderInZone(<StopCriteriaSection record={await demoRecord('bleeding')} />);
    const edd = screen.getByRole('article', { name: 'Estimated delivery date' });
    expect(within(edd).getByText('Estimated date of delivery 28 Jun 2027')).toBeInTheDocument();
    expect(within(edd).getByText(/no countdown or deadline is shown/)).toBeInTheDocument();
    expect(within(edd).queryByText(/^in \d/)).not.toBeInTheDocument();
  });

  it('renders valid nesting (no React warnings) for every demo patient with events', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      for (const id of ['third-trimester', 'planned-surgery', 'bleeding'] as const) renderInZone(<StopCriteriaSection record={await demoRecord(id)} />);
      expect(error).not.toHaveBeenCalled();
    } finally {
      error.mockRestore();
    }
  });

  it('a caesarean time written without a UTC offset is read in the facility zone, and the card says so', async () => {
    // The same caesarean, but the ServiceRequest and Appointment write "2026-11-28T08:30:00" with no offset.
    const resources = demoResources('third-trimester').map((r) => {
      if (r.resourceType === 'ServiceRequest' && r.occurrenceDateTime) return { ...r, occurrenceDateTime: r.occurrenceDateTime.slice(0, 19) };
      if (r.resourceType === 'Appointment' && r.start) return { ...r, start: r.start.slice(0, 19), end: r.end?.slice(0, 19) };
      return r;
    });
    const record = buildClinicalRecord(recordInputFor(resources, 'third-trimester'), { nowMs: DEMO_TEST_NOW, zone: 'America/New_York', units: await loadUnitConverter() });
    renderInZone(<StopCriteriaSection record={record} />, record.zone);
    const card = within(section()).getAllByRole('article')[0]!;
    expect(card).toHaveTextContent('The record gives this time without a UTC offset: it is read in the facility time zone (America/New_York).');
    // 08:30 New York (UTC-05:00) is 13:30 UTC; the source's deadline is 48 h earlier.
    expect(lineOf(card, 'Source article').querySelector('time')).toHaveAttribute('dateTime', '2026-11-26T08:30:00.000-05:00');
  });
});
