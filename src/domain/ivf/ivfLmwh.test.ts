import { beforeAll, describe, expect, it } from 'vitest';
import { loadUnitConverter, type UnitConverter } from '../labs';
import { SOURCE_WORKS_ONLY_WHILE_INJECTED } from '../rules/source-article';
import { ivfCycleFromRecord } from './ivfCycle';
import { lmwhOrdersOf, lmwhStartRelativeToProtocol, longBeforeProtocolDays } from './ivfLmwh';
import { NOW, ZONE, at, enoxaparin, medOrder, record, transfer } from '../../../test/support/ivfRecordBuilders';

let units: UnitConverter;
beforeAll(async () => {
  units = await loadUnitConverter();
});
function relative(resources: fhir4.Resource[]) {
  const input = record(resources);
  return lmwhStartRelativeToProtocol(ivfCycleFromRecord(input, { nowMs: NOW, zone: ZONE, units }), lmwhOrdersOf(input, ZONE));
}

describe('LMWH start relative to the protocol', () => {
  it('uses the threshold of the source-article caution rule', () => {
    const p = SOURCE_WORKS_ONLY_WHILE_INJECTED.parameters;
    expect(longBeforeProtocolDays()).toBe(p.topic === 'started-long-before-protocol' ? p.appThresholdDays : NaN);
  });
  it('LMWH from 90 days before the stimulation start is flagged as started long before the protocol', () => {
    const r = relative([enoxaparin('enox', at(-110)), medOrder('fsh', 'G03GA05', 'Gonal-f', at(-20), '150 IU daily'), transfer('et', at(-5))]);
    expect(r).toMatchObject({ status: 'started-long-before-protocol', leadDays: 90, anchor: { kind: 'stimulation-start' }, order: { id: 'enox' } });
    expect(r.reason).toEqual({ code: 'ivf.lmwh-started-long-before-protocol', params: { leadDays: 90, thresholdDays: longBeforeProtocolDays() } });
  });
  it('LMWH from the transfer day is after the protocol start (the transfer is the anchor when nothing earlier is recorded)', () => {
    expect(relative([transfer('et', at(-10)), enoxaparin('enox', at(-10, 1))])).toMatchObject({ status: 'started-after-protocol-start', leadDays: -1 });
  });
  it('a few days before the transfer is within the threshold', () => {
    expect(relative([transfer('et', at(-10)), enoxaparin('enox', at(-13))]).status).toBe('started-before-protocol');
  });
  it('no LMWH order, or no protocol event: unknown with the reason', () => {
    expect(relative([transfer('et', at(-10))])).toMatchObject({ status: 'unknown', reason: { code: 'ivf.no-lmwh-order' } });
    expect(relative([enoxaparin('enox', at(-13))])).toMatchObject({ status: 'unknown', reason: { code: 'ivf.no-protocol-event' } });
  });
});
