import { describe, expect, it } from 'vitest';
import { demoRecord } from '../../../test/support/demo-record';
import { createMessages } from '../messages/translator';
import { buildSummaryView } from './summaryViewModel';

const m = createMessages({ locale: 'en', zone: 'Europe/London' });

describe('buildSummaryView', () => {
  it('third-trimester: the active order in one line from the dose formatter, with its class and source', async () => {
    const v = buildSummaryView(await demoRecord('third-trimester'), m);
    expect(v.lmwh.active).toEqual([expect.objectContaining({ text: 'Enoxaparin 40 mg SC every 24 h', doseClass: 'prophylactic' })]);
    expect(v.lmwh.headline).toBeUndefined();
    expect(v.terms).toEqual({ gestation: 'Gestation today', lmwh: 'Active LMWH', next: 'Next planned event' });
  });
  it('third-trimester: gestation as weeks and days with the trimester, and the dating it comes from, in English and Russian', async () => {
    const record = await demoRecord('third-trimester');
    const ga = record.gaToday.known ? record.gaToday.value : undefined;
    expect(ga).toBeDefined();
    const v = buildSummaryView(record, m);
    expect(v.gestation.headline).toBe(`${ga!.weeks}w ${ga!.days}d, third trimester`);
    expect(v.gestation.note).toMatch(/^dated by recorded EDD: EDD 27 Dec 2026 recorded \d+ \w{3} 2026$/);
    const ru = buildSummaryView(record, createMessages({ locale: 'ru', zone: 'Europe/London' }));
    expect(ru.gestation.headline).toBe(`${ga!.weeks}\u00a0нед. ${ga!.days}\u00a0дн., третий триместр`);
    expect(ru.gestation.note).toMatch(/^срок определён: записанная ПДР: ПДР 27 дек\. 2026, записана /);
  });
  it('no-lmwh: "No LMWH order found in the record" from the one catalogue key; not pregnant only because the record says so', async () => {
    const v = buildSummaryView(await demoRecord('no-lmwh'), m);
    expect(v.lmwh.headline).toBe('No LMWH order found in the record');
    expect(v.gestation.headline).toBe('Not pregnant / no current pregnancy');
    expect(v.gestation.status?.text).toMatch(/^Pregnancy status recorded \d+ \w{3} 2026: not pregnant$/);
  });
  it('an incomplete order search is unknown with the reason, never "no order found"', async () => {
    const v = buildSummaryView(await demoRecord('no-lmwh', { statuses: { 'medication-requests': 'incomplete' } }), m);
    expect(v.lmwh.headline).toBeUndefined();
    expect(v.lmwh.unknown?.reason).toContain('absence of an order is not known');
  });
});
