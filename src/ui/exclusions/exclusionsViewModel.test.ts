import { describe, expect, it } from 'vitest';
import { reason } from '../../domain/reasons';
import { createMessages } from '../messages/translator';
import { buildExclusionsView, viewName } from './exclusionsViewModel';

const m = createMessages({ locale: 'en', zone: 'UTC' });

describe('buildExclusionsView', () => {
  it('words coded reasons and views from the catalogue', () => {
    const v = buildExclusionsView(
      [
        { view: 'med.weights', reason: reason('med.weight-no-value'), source: { resourceType: 'Observation', id: 'w1' } },
        { view: 'lab.results.fibrinogen', reason: reason('lab.no-value'), source: { resourceType: 'Observation', id: 'd1' } },
      ],
      [],
      m,
    );
    expect(v.groups.map((g) => g.title)).toEqual(['Body weight (1)', 'Fibrinogen results (1)']);
    expect(v.groups[0]!.items[0]!.reason).toBe('no valueQuantity');
    expect(v.groups[1]!.items[0]!.reason).toBe('no value');
    expect(v.caption).toBe('2 records left out of 2 views, with the reason');
    expect(v.empty).toBeUndefined();
  });
  it('nothing left out', () => {
    expect(buildExclusionsView([], [], m).empty).toBe('Nothing was left out.');
  });
  it('an unknown view code is shown as given', () => {
    expect(viewName('Planned events', m)).toBe('Planned events');
    expect(viewName('med.orders', m)).toBe('LMWH orders');
  });
});

describe('IVF cycle records left out', () => {
  it('are grouped under "IVF cycle" / "Цикл ЭКО" with the reason worded', () => {
    const ex = [{ view: 'ivf-cycle', reason: reason('ivf.transfer-after-now'), source: { resourceType: 'Procedure', id: 'et' } }];
    const en = buildExclusionsView(ex, [], m);
    expect(en.groups.map((g) => g.title)).toEqual(['IVF cycle (1)']);
    expect(en.groups[0]!.items[0]!.reason).toBe('marked as done but dated after now');
    const ru = buildExclusionsView(ex, [], createMessages({ locale: 'ru', zone: 'UTC' }));
    expect(ru.groups[0]!.view).toBe('Цикл ЭКО');
    expect(ru.groups[0]!.items[0]!.reason).toBe('отмечен как выполненный, но датирован позже текущего момента');
  });
});
