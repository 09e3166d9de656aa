import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { MedicationList } from './MedicationList';
import { demoRecord } from '../../../test/support/demo-record';
import type { ClinicalRecord, OrderView } from '../../domain/record';
import { order } from '../../../test/support/monitoringBuilders';
import { known, unknown } from '../../domain/types';
import { reason } from '../../domain/reasons';
import { byText } from '../../domain/matchedBy';

const ordersTable = () => screen.getByRole('table', { name: 'Anticoagulant orders' });

describe('MedicationList', () => {
  it('third-trimester: enoxaparin 40 mg every 24 h SC, prophylactic by booking weight 72 kg, active, end unknown, with source', async () => {
    render(<MedicationList record={await demoRecord('third-trimester')} />);
    const rows = within(ordersTable()).getAllByRole('row');
    expect(rows).toHaveLength(2);
    const row = rows[1]!;
    const cells = within(row).getAllByRole('cell');
    expect(within(row).getByRole('rowheader')).toHaveTextContent('Enoxaparin');
    expect(within(row).getByRole('rowheader')).toHaveTextContent('recognised by RxNorm 854235 (code VERIFIED)');
    expect(cells[0]).toHaveTextContent('40 mg');
    expect(cells[1]).toHaveTextContent('every 24 h');
    expect(cells[2]).toHaveTextContent('subcutaneous');
    expect(cells[3]).toHaveTextContent('From 17 Jun 2026 18:00 (UTC+01:00)');
    expect(cells[3]).toHaveTextContent('end unknown');
    expect(cells[4]).toHaveTextContent('active');
    expect(cells[5]).toHaveTextContent('Prophylactic');
    expect(cells[5]).toHaveTextContent('weight used: booking weight, 72 kg');
    expect(cells[5]).toHaveTextContent('PARTIAL');
    expect(cells[6]).toHaveTextContent('Booking weight: 0.56 mg/kg per dose, 0.56 mg/kg/day (weight 72 kg on 31 May 2026)');
    expect(cells[6]).toHaveTextContent('Latest weight: 0.49 mg/kg per dose, 0.49 mg/kg/day (weight 81 kg on 15 Nov 2026)');
    expect(cells[7]).toHaveTextContent('Active now');
    expect(within(cells[8]!).getByText(/MedicationRequest\/third-trimester-medreq-enoxaparin/, { selector: '.provenance__ids' })).toBeInTheDocument();
  });

  it('third-trimester: last dose administered yesterday 18:00, aspirin as another relevant order, booking and latest weights with dates', async () => {
    render(<MedicationList record={await demoRecord('third-trimester')} />);
    const section = screen.getByRole('region', { name: 'Anticoagulant medication' });
    expect(section).toHaveTextContent('Enoxaparin: last 40 mg administered 24 Nov 2026 18:00 (UTC) (16 hours ago)');
    expect(section).toHaveTextContent('Aspirin: 150 mg by mouth once daily at night · status active · active now');
    expect(section).toHaveTextContent('Booking weight72 kg on 31 May 2026 10:00 (UTC+01:00)');
    expect(section).toHaveTextContent('Latest weight81 kg on 15 Nov 2026 09:10 (UTC)');
  });

  it('no-lmwh with complete order searches: "No LMWH order found in the record", no table', async () => {
    render(<MedicationList record={await demoRecord('no-lmwh')} />);
    expect(screen.getByText('No LMWH order found in the record')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('No recorded dose (administration, patient report or dispensing) with a time found in the record')).toBeInTheDocument();
  });

  it('no-lmwh with an incomplete MedicationRequest search: the absence of an order is not known, never "no order found"', async () => {
    render(<MedicationList record={await demoRecord('no-lmwh', { statuses: { 'medication-requests': 'incomplete' } })} />);
    expect(screen.queryByText('No LMWH order found in the record')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Medication orders could not be read completely: Medication orders: incomplete (the medication-requests search failed: test: medication-requests incomplete) — absence of an order is not known',
    );
  });

  it('orders present but the search incomplete: the table is shown with a warning that more may be missing', async () => {
    render(<MedicationList record={await demoRecord('third-trimester', { statuses: { medications: 'unavailable' } })} />);
    expect(screen.getByRole('status')).toHaveTextContent('further orders may be missing');
    expect(ordersTable()).toBeInTheDocument();
  });

  it('incomplete administration search: the dose list says a missing dose may have been given', async () => {
    render(<MedicationList record={await demoRecord('no-lmwh', { statuses: { 'medication-administrations': 'incomplete' } })} />);
    expect(screen.getByText(/Dose records could not be read completely: Doses given: incomplete/)).toHaveTextContent('a dose missing here may have been given');
  });

  it('a text-matched, on-hold order and a plan are marked; unknown dose class and per-kg say why', async () => {
    const base = await demoRecord('third-trimester');
    const template = base.medication.orders[0]!;
    const textOrder = order('2026-11-01T18:00:00+00:00', { status: 'on-hold', drug: 'dalteparin', id: 'held' });
    textOrder.recognition = { ...textOrder.recognition, recognisedBy: 'text', matched: byText('Fragmin') };
    const plan = order('2026-11-01T18:00:00+00:00', { isOrder: false, id: 'plan' });
    plan.notAnOrderReason = reason('med.intent-not-order', { intent: 'plan' });
    plan.end = known({ ms: Date.parse('2026-12-01T00:00:00Z'), from: 'boundsDuration', note: reason('med.end-from-duration', { value: 30, unit: 'd', from: 'boundsPeriod.start' }) });
    const views: OrderView[] = [
      { ...template, order: textOrder, doseClass: { class: 'unknown', reason: reason('med.class-no-thresholds', { drug: 'dalteparin' }) }, perKgLatest: unknown(reason('med.no-body-weight')) },
      { ...template, order: plan, activeNow: { state: 'unknown', reason: reason('med.active-not-an-order') } },
    ];
    const record: ClinicalRecord = { ...base, medication: { ...base.medication, orders: views } };
    render(<MedicationList record={record} />);
    const [, held, planned] = within(ordersTable()).getAllByRole('row');
    expect(held).toHaveTextContent('Dalteparin');
    expect(held).toHaveTextContent('recognised by text (Fragmin)');
    expect(held).toHaveTextContent('on-holdOn hold');
    expect(held).toHaveTextContent('Unknown (no dose-class thresholds for dalteparin in the clinical reference)');
    expect(held).toHaveTextContent('Latest weight: Unknown (no body weight recorded)');
    expect(planned).toHaveTextContent("Not an order: intent 'plan': not an order to give");
    expect(planned).toHaveTextContent('to 1 Dec 2026 00:00 (UTC)details30 d from the start (boundsPeriod.start)');
    expect(planned).toHaveTextContent('Unknown (not an order)');
  });

  it('no-lmwh: no booking weight because not pregnant; the latest weight with its date', async () => {
    render(<MedicationList record={await demoRecord('no-lmwh')} />);
    const section = screen.getByRole('region', { name: 'Anticoagulant medication' });
    expect(section).toHaveTextContent('Booking weightUnknown (No current pregnancy, so no booking weight.)');
    expect(section).toHaveTextContent('Latest weight66 kg on 11 Nov 2026 09:10 (UTC)');
  });
});
