import { describe, expect, it } from 'vitest';
import { demoRecord } from '../../../test/support/demo-record';
import { createMessages } from '../messages/translator';
import { buildMedicationListView } from './medicationListViewModel';

const m = createMessages({ locale: 'en', zone: 'Europe/London' });

describe('buildMedicationListView', () => {
  it('third-trimester in Russian: the class basis writes units, the weight band and its source in Russian', async () => {
    const ru = createMessages({ locale: 'ru', zone: 'Europe/London' });
    const note = buildMedicationListView(await demoRecord('third-trimester'), ru).table.rows[0]!.doseClass.note;
    expect(note).toContain('40 мг каждые 24 ч (40 мг/сут)');
    expect(note).toContain('50–90 кг, 40 мг в сутки');
    expect(note).toContain('Основание: RCOG Green-top 37a (2015), таблица 3');
    expect(note).not.toMatch(/\b(mg|kg|IU)\b|Guideline|transcription/);
  });
  it('third-trimester: one order row with the dose, frequency, class and per-kg in words, and its source', async () => {
    const record = await demoRecord('third-trimester');
    const view = buildMedicationListView(record, m);
    expect(view.orders).toEqual({ kind: 'table' });
    expect(view.table.headers).toHaveLength(10);
    const row = view.table.rows[0]!;
    expect(row).toMatchObject({ drug: 'Enoxaparin', dose: { text: '40 mg' }, frequency: { text: 'every 24 h' }, route: { text: 'subcutaneous' } });
    expect(row.doseClass.text).toBe('Prophylactic');
    expect(row.doseClass.note).toContain('at or below the prophylactic dose for booking weight 50–90 kg, 40 mg daily');
    expect(row.doseClass.note).toContain('PARTIAL; weight used: booking weight, 72 kg');
    expect(row.perKg[0]).toMatchObject({ label: 'Booking weight', value: { text: '0.56 mg/kg per dose, 0.56 mg/kg/day (weight 72 kg on 31 May 2026)' } });
    expect(row.end).toMatchObject({ label: 'end unknown', unknown: expect.stringContaining('dispenseRequest.validityPeriod is not a treatment period') });
    expect(row.sources.resourceType).toBe('MedicationRequest');
  });

  it('no-lmwh with complete searches: "No LMWH order found in the record", and the booking weight unknown with the reason', async () => {
    const view = buildMedicationListView(await demoRecord('no-lmwh'), m);
    expect(view.orders).toEqual({ kind: 'none-found', text: 'No LMWH order found in the record' });
    expect(view.weights.booking.value).toEqual({ unknown: 'No current pregnancy, so no booking weight.' });
  });

  it('an incomplete order search never says "no order found"', async () => {
    const view = buildMedicationListView(await demoRecord('no-lmwh', { statuses: { 'medication-requests': 'incomplete' } }), m);
    expect(view.orders.kind).toBe('not-known');
    expect(view.orders.kind === 'not-known' && view.orders.text).toContain('absence of an order is not known');
  });
});
