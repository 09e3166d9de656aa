import { describe, expect, it } from 'vitest';
import { demoRecord } from '../../../test/support/demo-record';
import { classifyEvent } from '../events';
import { embryoDayFromTexts } from './ivfProcedures';
import { ivfCycleInView } from './ivfRecordPart';
import type { PregnancyConfirmation } from './ivfTypes';
import { byCode } from '../matchedBy';

describe('the built record after an embryo transfer', () => {
  it('before the hCG test no pregnancy is a fact: no current pregnancy, gestation unknown because not confirmed, pregnancy not an indication', async () => {
    const r = await demoRecord('ivf-ohss');
    expect(r.ivf.confirmation.status).toBe('not-confirmed');
    expect(r.currentPregnancy).toBeUndefined();
    expect(r.gaToday).toEqual({ known: false, reason: { code: 'ivf.not-confirmed' } });
    expect(r.pregnancy.reasonIfNone).toEqual({ code: 'ivf.not-confirmed' });
    expect(r.rules.context.pregnancy).toBeUndefined();
    expect(r.rules.indications.map((i) => i.kind)).not.toContain('ongoing-pregnancy-monitoring');
    expect(r.events.planned.map((e) => [e.class, e.matched])).toEqual([['hcg-test', byCode('LOINC', '21198-7')]]);
  });

  it('after a positive test the pregnancy dated from the transfer stands: 6w 1d (14 days + day-5 embryo + 24 days)', async () => {
    const r = await demoRecord('ivf-frozen-positive');
    expect(r.gaToday).toMatchObject({ known: true, value: { totalDays: 43 } });
    expect(r.ivf.confirmation.gestation).toMatchObject({ known: true, value: { days: 43 } });
    expect(r.rules.context.pregnancy).toBeDefined();
  });

  it('after a negative test: not pregnant after this transfer, and the active LMWH order to review', async () => {
    const r = await demoRecord('ivf-negative-hcg');
    expect(r.gaToday).toEqual({ known: false, reason: { code: 'ivf.negative-after-transfer' } });
    expect(r.currentPregnancy).toBeUndefined();
    expect(r.ivf.confirmation.lmwhAfterNegative?.state).toBe('active');
  });

  it('a record without a transfer keeps its own dating and shows no IVF panel', async () => {
    const r = await demoRecord('third-trimester');
    expect(r.ivf.confirmation.status).toBe('no-transfer');
    expect(r.gaToday.known).toBe(true);
    expect(ivfCycleInView(r.ivf)).toBe(false);
  });
});

describe('when the IVF panel is in view', () => {
  const c = (o: Partial<PregnancyConfirmation>): Pick<{ confirmation: PregnancyConfirmation }, 'confirmation'> => ({
    confirmation: { status: 'not-confirmed', embryoAgeDays: { known: true, value: 5 }, evidence: [], gestation: { known: false, reason: { code: 'ivf.no-transfer', params: {} } }, gestationIsHypothetical: true, ...o },
  });
  it('a confirmed pregnancy under 12 weeks from the transfer: yes; at 12 weeks: no', () => {
    const g = (days: number) => ({ known: true as const, value: { days, atTransferDays: 19, transferMs: 0, embryoAgeDays: 5 } });
    expect(ivfCycleInView(c({ status: 'confirmed', gestation: g(83) }))).toBe(true);
    expect(ivfCycleInView(c({ status: 'confirmed', gestation: g(84) }))).toBe(false);
  });
  it('an unconfirmed or negative transfer in the last 12 weeks: yes; an older one: no', () => {
    expect(ivfCycleInView(c({ daysSinceTransfer: 10 }))).toBe(true);
    expect(ivfCycleInView(c({ status: 'negative', daysSinceTransfer: 83 }))).toBe(true);
    expect(ivfCycleInView(c({ status: 'negative', daysSinceTransfer: 84 }))).toBe(false);
  });
});

describe('one rule for the embryo age written in text', () => {
  it.each([
    [['Day 5 blastocyst'], { kind: 'day', days: 5, matched: 'Day 5' }],
    [['D3 embryo'], { kind: 'day', days: 3, matched: 'D3' }],
    [['one blastocyst'], { kind: 'blastocyst-day-not-stated', matched: 'blastocyst' }],
    [['day 3 embryo cultured to day 5'], { kind: 'conflict', days: [3, 5] }],
    [['Embryo transfer'], { kind: 'none' }],
  ])('%j', (texts, expected) => {
    expect(embryoDayFromTexts(texts)).toEqual(expected);
  });
});

describe('a planned hCG test is an event of its own class', () => {
  it('by an hCG LOINC code, or by text as a labelled fallback; no hCG code makes it another kind', () => {
    expect(classifyEvent([{ system: 'http://loinc.org', code: '2106-3', display: undefined }], [])).toEqual({ cls: 'hcg-test', recognisedBy: 'loinc', matched: byCode('LOINC', '2106-3') });
    expect(classifyEvent([], ['Serum beta-hCG'])).toMatchObject({ cls: 'hcg-test', recognisedBy: 'text' });
    expect(classifyEvent([{ system: 'http://loinc.org', code: '2160-0', display: undefined }], ['Creatinine']).cls).toBe('other');
  });
});

describe('the built record lists what the IVF cycle reader left out', () => {
  it('a completed transfer dated after now reaches the record\'s exclusions under the IVF cycle view, with its provenance', async () => {
    const { buildClinicalRecord } = await import('../record');
    const { loadUnitConverter } = await import('../labs');
    const { demoResources, recordInputFor, DEMO_TEST_NOW, DEMO_TEST_ZONE } = await import('../../../test/support/demo-record');
    const future: fhir4.Procedure = {
      resourceType: 'Procedure',
      id: 'et-future',
      status: 'completed',
      subject: { reference: 'Patient/ivf-ohss' },
      code: { coding: [{ system: 'http://snomed.info/sct', code: '75456002' }] },
      performedDateTime: new Date(DEMO_TEST_NOW + 3 * 86_400_000).toISOString(),
    };
    const r = buildClinicalRecord(recordInputFor([...demoResources('ivf-ohss'), future], 'ivf-ohss'), { nowMs: DEMO_TEST_NOW, zone: DEMO_TEST_ZONE, units: await loadUnitConverter() });
    expect(r.exclusions.filter((e) => e.view === 'ivf-cycle')).toEqual([
      { view: 'ivf-cycle', reason: { code: 'ivf.transfer-after-now' }, source: expect.objectContaining({ resourceType: 'Procedure', id: 'et-future', matchedBy: byCode('SNOMED', '75456002') }) },
    ]);
    expect(r.ivf.confirmation.transfer?.source.id).toBe('ivf-ohss-proc-embryo-transfer');
  });
});
