import { reason } from '../../domain/reasons';
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { PatientSummary, nextPlannedEvent } from './PatientSummary';
import { demoRecord } from '../../../test/support/demo-record';
import type { ClinicalRecord } from '../../domain/record';

const field = (name: string) => screen.getByText(name, { selector: 'dt' }).nextElementSibling as HTMLElement;

describe('PatientSummary', () => {
  it('third-trimester: 35w 3d, third trimester, dated by the recorded EDD, with its source', async () => {
    render(<PatientSummary record={await demoRecord('third-trimester')} />);
    expect(screen.getByRole('region', { name: 'Summary' })).toBeInTheDocument();
    const ga = field('Gestation today');
    expect(ga).toHaveTextContent('35w 3d, third trimester');
    expect(ga).toHaveTextContent('dated by recorded EDD: EDD 27 Dec 2026');
    expect(within(ga).getByText(/Observation\/third-trimester-obs-edd/, { selector: '.provenance__ids' })).toBeInTheDocument();
  });

  it('third-trimester: active enoxaparin 40 mg SC every 24 h (prophylactic) and the caesarean in 2 days 22 hours (in 3 days)', async () => {
    render(<PatientSummary record={await demoRecord('third-trimester')} />);
    expect(field('Active LMWH')).toHaveTextContent('Enoxaparin 40 mg SC every 24 h (prophylactic)');
    const ev = field('Next planned event');
    expect(ev).toHaveTextContent('Elective caesarean section, 28 Nov 2026 08:30 (UTC), in 2 days 22 hours');
    expect(within(ev).getByText('28 Nov 2026 08:30 (UTC)')).toHaveAttribute('datetime', '2026-11-28T08:30:00.000+00:00');
  });

  it('no-lmwh: no current pregnancy with the reason and the recorded status; "No LMWH order found in the record"; no planned event', async () => {
    render(<PatientSummary record={await demoRecord('no-lmwh')} />);
    const ga = field('Gestation today');
    expect(ga).toHaveTextContent('Not pregnant / no current pregnancy (no EDD, LMP, transfer with embryo age or GA observation found)');
    expect(ga).toHaveTextContent(/Pregnancy status recorded \d+ \w{3} 2026: not pregnant/);
    expect(field('Active LMWH')).toHaveTextContent('No LMWH order found in the record');
    expect(field('Next planned event')).toHaveTextContent('No planned event found in the record');
  });

  it('no-lmwh with a refused Appointment search: the next planned event is "not known", never "none found"', async () => {
    render(<PatientSummary record={await demoRecord('no-lmwh', { statuses: { appointments: 'unavailable' } })} />);
    const f = field('Next planned event');
    expect(f).not.toHaveTextContent('No planned event found');
    expect(f).toHaveTextContent('Not known: the planned-event searches were incomplete');
  });

  it('no-lmwh with an incomplete MedicationRequest search: the absence of an order is not known', async () => {
    render(<PatientSummary record={await demoRecord('no-lmwh', { statuses: { 'medication-requests': 'incomplete' } })} />);
    const f = field('Active LMWH');
    expect(f).not.toHaveTextContent('No LMWH order found');
    expect(f).toHaveTextContent('Medication orders could not be read completely (Medication orders: incomplete (the medication-requests search failed: test: medication-requests incomplete) — absence of an order is not known)');
  });

  it('planned-surgery: the dated laparoscopy is next (date-only, counted from 00:00); the cerclage without a date is listed as such', async () => {
    render(<PatientSummary record={await demoRecord('planned-surgery')} />);
    const ev = field('Next planned event');
    expect(ev).toHaveTextContent('Laparoscopy, 30 Nov 2026 (date only; counts from 30 Nov 2026 00:00 (UTC)), in 4 days 14 hours');
    expect(ev).toHaveTextContent('Planned without a date: Cervical cerclage');
  });

  it('a pregnancy status recorded as unknown is never shown as "not pregnant"', async () => {
    const base = await demoRecord('no-lmwh');
    const latestStatus = { ...base.pregnancy.latestStatus!, status: 'unknown' as const };
    render(<PatientSummary record={{ ...base, pregnancy: { ...base.pregnancy, latestStatus } }} />);
    const ga = field('Gestation today');
    expect(within(ga).getByText(/current pregnancy/, { selector: 'strong' })).toHaveTextContent(/^No current pregnancy found in the record$/);
    expect(within(ga).getByText(/Pregnancy status/)).not.toHaveTextContent(/not pregnant/i);
    expect(ga).toHaveTextContent('No current pregnancy found in the record (no EDD, LMP, transfer with embryo age or GA observation found)');
    expect(ga).toHaveTextContent(/Pregnancy status recorded \d+ \w{3} 2026: unknown/);
  });

  it('incomplete procedure search: an event missing here may be planned', async () => {
    render(<PatientSummary record={await demoRecord('no-lmwh', { statuses: { procedures: 'unavailable' } })} />);
    expect(field('Next planned event')).toHaveTextContent('Planned events could not be read completely: Procedures: not available');
  });

  it('an order that is not active now is not shown as active LMWH', async () => {
    const base = await demoRecord('third-trimester');
    const record: ClinicalRecord = {
      ...base,
      medication: { ...base.medication, orders: base.medication.orders.map((o) => ({ ...o, activeNow: { state: 'inactive' as const, reason: reason('med.active-after-end', { from: 'boundsPeriod.end' }) } })) },
    };
    render(<PatientSummary record={record} />);
    expect(field('Active LMWH')).toHaveTextContent('No active LMWH order (1 order in the record, none active now)');
  });

  it('nextPlannedEvent skips past and undated events and picks the soonest', async () => {
    const base = await demoRecord('planned-surgery');
    const [lap, cerclage] = base.rules.cards;
    const past = { ...lap!, anchorMs: base.nowMs - 1000, countdownMs: -1000 };
    const later = { ...lap!, anchorMs: lap!.anchorMs! + 1000, countdownMs: lap!.countdownMs! + 1000 };
    expect(nextPlannedEvent([later, past, cerclage!, lap!])).toBe(lap);
    expect(nextPlannedEvent([past, cerclage!])).toBeUndefined();
  });
});
