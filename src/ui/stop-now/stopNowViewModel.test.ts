import { describe, expect, it } from 'vitest';
import { context, ms, order, ref } from '../../../test/support/ruleBuilders';
import { stopNowTriggers } from '../../domain/rules';
import { createMessages } from '../messages/translator';
import { buildStopNowView } from './stopNowViewModel';

const m = createMessages({ locale: 'en', zone: 'UTC' });
const pregnancy = { startMs: ms('2026-01-01T00:00:00Z'), eddMs: ms('2026-10-08T00:00:00Z') };

describe('stop-now banner words', () => {
  it('bleeding in the current pregnancy: title, the record label, when, and why it counts', () => {
    const t = stopNowTriggers(context({ pregnancy, orders: [order()], bleeding: [{ label: 'Vaginal bleeding', atMs: ms('2026-03-15T10:00:00Z'), source: ref('Condition', 'b') }] }));
    const [v] = buildStopNowView(t, m);
    expect(v?.title).toBe('Bleeding from the genital tract is recorded');
    expect(v?.factLabel).toBe('Vaginal bleeding');
    expect(v?.at).toEqual({ iso: '2026-03-15T10:00:00.000Z', text: '15 Mar 2026 10:00 (UTC)' });
    expect(v?.context).toBe('In the current pregnancy (from 1 Jan 2026 00:00 (UTC)).');
    expect(v?.ordersLabel).toBe('LMWH order in the record:');
  });

  it('a fact without a date says so, and that its pregnancy cannot be placed', () => {
    const t = stopNowTriggers(context({ pregnancy, orders: [order(), order({ id: 'b' })], bleeding: [{ label: 'Bleeding', source: ref('Condition', 'b') }] }));
    const [v] = buildStopNowView(t, m);
    expect(v?.at).toEqual({ text: 'date not recorded' });
    expect(v?.context).toBe('The record gives no date for it, so whether it belongs to the current pregnancy is unknown.');
    expect(v?.ordersLabel).toBe('LMWH orders in the record:');
  });

  it('labour onset: the RCOG line carries the note that the source speaks of a planned birth', () => {
    const t = stopNowTriggers(context({ pregnancy, orders: [order()], labourOnset: { label: 'Labour onset', atMs: ms('2026-03-19T22:00:00Z'), source: ref('Observation', 'l') } }));
    const [v] = buildStopNowView(t, m);
    expect(v?.title).toBe('Onset of labour is recorded');
    expect(m.reason(v?.lines[0]?.detail)).toBe('The source itself speaks of a planned birth (at least 2 days before), not of labour onset.');
  });
});
