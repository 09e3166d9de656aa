import { describe, expect, it } from 'vitest';
import { lmwhOrdersOf } from './ivfLmwh';
import { supplyCoverage } from './supply';
import { NOW, ZONE, at, dispense, enoxaparin, record } from '../../../test/support/ivfRecordBuilders';

function coverage(resources: fhir4.Resource[], nextEvent?: { atMs: number; source: { resourceType: string; id: string } }, incomplete: Parameters<typeof record>[1] = []) {
  const input = record(resources, incomplete);
  return supplyCoverage(input, lmwhOrdersOf(input, ZONE), NOW, ZONE, nextEvent);
}
const DAY = 86_400_000;

describe('dispensed LMWH supply', () => {
  it('10 syringes of 40 mg for 40 mg once daily from day -5 last until day +5: before the order end on day +20, flagged', () => {
    const c = coverage([enoxaparin('enox', at(-5), at(20)), dispense('d1', 'enox', at(-6), 10)]);
    expect(c.status).toBe('runs-out');
    expect(c.lastsUntil).toEqual({ known: true, value: Date.parse(at(-5)) + 10 * DAY });
    expect(c.dispenses[0]).toMatchObject({ injections: { known: true, value: 10 }, source: { id: 'd1' } });
    expect(c.flags.map((f) => f.code)).toEqual(['ivf.supply-runs-out-before-order-end']);
  });

  it('two dispenses add up: 10 + 20 syringes cover the order to its end', () => {
    const c = coverage([enoxaparin('enox', at(-5), at(20)), dispense('d1', 'enox', at(-6), 10), dispense('d2', 'enox', at(3), 20)]);
    expect(c).toMatchObject({ status: 'lasts', flags: [] });
    expect(c.orderEndMs).toBeGreaterThanOrEqual(Date.parse(at(20)));
    expect(c.lastsUntil).toEqual({ known: true, value: Date.parse(at(-5)) + 30 * DAY });
  });

  it('enough for the order (9 doses, day -5 to day +3 inclusive) but not for the next planned event: flagged before the event', () => {
    const c = coverage([enoxaparin('enox', at(-5), at(3)), dispense('d1', 'enox', at(-6), 9)], { atMs: Date.parse(at(10)), source: { resourceType: 'ServiceRequest', id: 'sr' } });
    expect(c.status).toBe('runs-out');
    expect(c.flags.map((f) => f.code)).toEqual(['ivf.supply-runs-out-before-next-event']);
  });

  it('daysSupply is used when the quantity cannot be turned into injections', () => {
    const c = coverage([enoxaparin('enox', at(-5)), dispense('d1', 'enox', at(-5), 1, { quantity: { value: 1, unit: 'box' }, daysSupply: { value: 14, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' } })]);
    expect(c).toMatchObject({ status: 'end-unknown', reason: { code: 'ivf.supply-order-end-unknown' } });
    expect(c.lastsUntil).toEqual({ known: true, value: Date.parse(at(-5)) + 14 * DAY });
  });

  it('no dispense: unknown (not "no supply"); with the dispense search incomplete, unknown for that reason', () => {
    expect(coverage([enoxaparin('enox', at(-5), at(20))])).toMatchObject({ status: 'unknown', reason: { code: 'ivf.supply-no-dispense' }, lastsUntil: { known: false } });
    expect(coverage([enoxaparin('enox', at(-5), at(20))], undefined, ['medication-dispenses']).reason?.code).toBe('ivf.search-incomplete');
  });

  it('a dispense not yet handed over does not count; a syringe that does not match the dose makes it unknown', () => {
    const notHanded = coverage([enoxaparin('enox', at(-5), at(20)), dispense('d1', 'enox', at(-6), 10, { status: 'in-progress' })]);
    expect(notHanded).toMatchObject({ status: 'unknown', reason: { code: 'ivf.supply-dispense-not-handed-over' } });
    const order = enoxaparin('enox', at(-5), at(20));
    order.dosageInstruction![0]!.doseAndRate = [{ doseQuantity: { value: 60, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } }];
    expect(coverage([order, dispense('d1', 'enox', at(-6), 10)])).toMatchObject({ status: 'unknown', reason: { code: 'ivf.supply-syringes-per-dose-unknown' } });
  });

  it('a dispense whose medication is not recognised (a local code) but which names the order counts for it, and says it was matched through that order', () => {
    const local = { medicationCodeableConcept: { coding: [{ system: 'https://pharmacy.example/codes', code: 'X-17' }] } };
    const c = coverage([enoxaparin('enox', at(-5), at(20)), dispense('d1', 'enox', at(-6), 10, local), dispense('d2', 'other', at(-6), 10, local)]);
    expect(c.dispenses.map((d) => d.source.id)).toEqual(['d1']);
    expect(c.dispenses[0]!.injections).toEqual({ known: true, value: 10 });
    expect(c.dispenses[0]!.source.matchedBy).toEqual({ by: 'prescription', reference: 'MedicationRequest/enox' });
  });

  it('a dispense recognised by its own code and naming the order carries both: the order it names (as written) and the code', () => {
    const c = coverage([enoxaparin('enox', at(-5), at(20)), dispense('d1', 'enox', at(-6), 10, { authorizingPrescription: [{ reference: 'MedicationRequest/other' }, { reference: 'https://fhir.example/r4/MedicationRequest/enox/_history/2' }] })]);
    expect(c.dispenses[0]!.source.matchedBy).toEqual({
      by: 'all',
      parts: [
        { by: 'prescription', reference: 'https://fhir.example/r4/MedicationRequest/enox/_history/2' },
        { by: 'code', system: 'RxNorm', code: '854235' },
      ],
    });
  });

  it('a dispense naming no order is taken by its drug alone, and says only that', () => {
    const c = coverage([enoxaparin('enox', at(-5), at(20)), dispense('d1', 'enox', at(-6), 10, { authorizingPrescription: [] })]);
    expect(c.dispenses[0]!.source.matchedBy).toEqual({ by: 'code', system: 'RxNorm', code: '854235' });
  });

  it('a dispense naming the enoxaparin order but recognised as dalteparin is not counted for it, and says why', () => {
    const dalteparin = { medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '67109' }] } };
    const alone = coverage([enoxaparin('enox', at(-5), at(20)), dispense('d9', 'enox', at(-6), 10, dalteparin)]);
    expect(alone).toMatchObject({ status: 'unknown', dispenses: [], reason: { code: 'ivf.supply-dispense-other-drug', params: { dispense: 'd9' } } });
    // Beside a dispense that counts, the supply is computed without it and it is listed as not counted.
    const both = coverage([enoxaparin('enox', at(-5), at(20)), dispense('d1', 'enox', at(-6), 10), dispense('d9', 'enox', at(-6), 10, dalteparin)]);
    expect(both.dispenses.map((d) => d.source.id)).toEqual(['d1']);
    expect(both.lastsUntil).toEqual({ known: true, value: Date.parse(at(-5)) + 10 * DAY });
    expect(both.notCounted.map((n) => [n.reason.code, n.source.id])).toEqual([['ivf.supply-dispense-other-drug', 'd9']]);
  });

  it('no LMWH order: unknown, with that reason', () => {
    expect(coverage([dispense('d1', 'x', at(-6), 10)])).toMatchObject({ status: 'unknown', reason: { code: 'ivf.no-lmwh-order' } });
  });
});
