import { describe, expect, it } from 'vitest';
import { known, unknown } from '../types';
import { describeOrder, drugName, ordersParam } from './orderSummary';
import type { LmwhOrder } from './medicationTypes';

type Parts = Pick<LmwhOrder, 'drug' | 'dose' | 'route' | 'frequency'>;

const enoxaparin40: Parts = {
  drug: 'enoxaparin',
  dose: known({ value: 40, unit: 'mg', perKg: false, original: '40 mg' }),
  route: known({ kind: 'subcutaneous', recognisedBy: 'snomed', original: 'Subcutaneous route' }),
  frequency: known({ intervalHours: 24, dosesPer24h: 1, original: 'once daily' }) as LmwhOrder['frequency'],
};

describe('an order in short, as codes and numbers', () => {
  it('enoxaparin 40 mg SC every 24 h: the drug as a code, the dose, its UCUM unit, the route kind and the interval', () => {
    expect(describeOrder(enoxaparin40)).toEqual({
      code: 'order.summary',
      params: {
        drug: { kind: 'reason', reason: { code: 'drug.enoxaparin' } },
        hasDose: true,
        dose: 40,
        unit: { kind: 'unit', code: 'mg' },
        perKg: false,
        route: 'subcutaneous',
        hasFrequency: true,
        interval: 24,
      },
    });
  });
  it('an IU dose per kg travels as [IU] per kg', () => {
    const r = describeOrder({ ...enoxaparin40, drug: 'dalteparin', dose: known({ value: 100, unit: 'IU', perKg: true, original: '100 IU/kg' }) });
    expect(r.params).toMatchObject({ drug: { kind: 'reason', reason: { code: 'drug.dalteparin' } }, dose: 100, unit: { kind: 'unit', code: '[IU]' }, perKg: true });
  });
  it('unknown dose, route and frequency are said to be unknown, never guessed', () => {
    const r = describeOrder({ drug: 'lmwh-unspecified', dose: unknown({ code: 'med.no-dosage' }), route: unknown({ code: 'med.no-route' }), frequency: unknown({ code: 'med.no-timing' }) });
    expect(r.params).toMatchObject({ hasDose: false, dose: null, unit: null, route: 'none', hasFrequency: false, interval: null });
  });
  it('drug names are codes; several orders are joined in order', () => {
    expect(drugName('heparin')).toEqual({ code: 'drug.heparin' });
    const a = describeOrder(enoxaparin40);
    expect(ordersParam([a, a])).toEqual({ kind: 'reason', reason: { code: 'order.join', params: { a: { kind: 'reason', reason: a }, b: { kind: 'reason', reason: a } } } });
    expect(ordersParam([])).toBe('');
  });
});
