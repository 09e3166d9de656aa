import { beforeAll, describe, expect, it } from 'vitest';
import { loadUnitConverter, type UnitConverter } from '../labs';
import { ivfCycleFromRecord } from './ivfCycle';
import { lmwhOrdersOf } from './ivfLmwh';
import { calendarDaysBetween, gestationalAgeMayBeShownAsFact, gestationFromTransfer, HCG_TRIGGER_WINDOW_DAYS, pregnancyConfirmation, triggerBefore } from './pregnancyConfirmation';
import { NOW, ZONE, administration, answer, at, embryoAge, enoxaparin, lab, record, transfer } from '../../../test/support/ivfRecordBuilders';
import { byCode, byText } from '../matchedBy';

let units: UnitConverter;
beforeAll(async () => {
  units = await loadUnitConverter();
});
function confirm(resources: fhir4.Resource[], nowMs = NOW) {
  const input = record(resources);
  return pregnancyConfirmation(ivfCycleFromRecord(input, { nowMs, zone: ZONE, units }), lmwhOrdersOf(input, ZONE), nowMs, ZONE);
}
const day5 = [transfer('et', at(-10, 1)), embryoAge('age', 'et', 5, at(-10, 1))];
const hcgSerum = (id: string, days: number, value: number, interp: string) =>
  lab(id, '21198-7', at(days), { valueQuantity: { value, unit: 'mIU/mL', system: 'http://unitsofmeasure.org', code: 'm[IU]/mL' }, interpretation: [{ coding: [{ code: interp }] }] });

describe('transfer date + embryo age -> gestation', () => {
  it('a day-5 transfer 10 days ago is 14 + 5 + 10 = 29 days (4w 1d); day 3 is 27 days', () => {
    const t = Date.UTC(2026, 0, 5, 11);
    expect(gestationFromTransfer(t, 5, NOW, ZONE)).toEqual({ days: 29, atTransferDays: 19, transferMs: t, embryoAgeDays: 5 });
    expect(gestationFromTransfer(t, 3, NOW, ZONE).days).toBe(27);
  });
  it('days are counted by calendar date in the facility zone, across the spring DST change', () => {
    // 23:30 UTC on 29 Mar is 00:30 BST on 30 Mar in London: two calendar days after 28 Mar, not one.
    expect(calendarDaysBetween(Date.UTC(2026, 2, 28, 23, 30), Date.UTC(2026, 2, 29, 23, 30), 'Europe/London')).toBe(2);
    expect(calendarDaysBetween(Date.UTC(2026, 2, 28, 23, 30), Date.UTC(2026, 2, 29, 23, 30), 'UTC')).toBe(1);
    expect(calendarDaysBetween(Date.UTC(2026, 2, 27, 12), Date.UTC(2026, 2, 30, 12), 'Europe/London')).toBe(3);
  });
});

describe('pregnancy confirmation after a transfer', () => {
  it('no hCG yet: not confirmed, transfer + 10 days, day-5 embryo, the gestation only hypothetical, the planned test offered', () => {
    const plan: fhir4.ServiceRequest = {
      resourceType: 'ServiceRequest',
      id: 'sr-hcg',
      status: 'active',
      intent: 'order',
      subject: { reference: 'Patient/p1' },
      code: { coding: [{ system: 'http://loinc.org', code: '21198-7' }] },
      occurrenceDateTime: at(2),
    };
    const c = confirm([...day5, plan, lab('ps', '82810-3', at(-1), { valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code: 'LA4489-6' }] } })]);
    expect(c).toMatchObject({ status: 'not-confirmed', daysSinceTransfer: 10, embryoAgeDays: { known: true, value: 5 }, gestationIsHypothetical: true, reason: { code: 'ivf.not-confirmed' } });
    expect(c.gestation).toMatchObject({ known: true, value: { days: 29 } });
    expect(c.plannedHcgTest).toMatchObject({ atMs: Date.parse(at(2)), matched: byCode('LOINC', '21198-7'), source: { id: 'sr-hcg' } });
    expect(c.evidence.map((e) => e.outcome)).toEqual(['not-classified']);
    expect(gestationalAgeMayBeShownAsFact(c)).toEqual({ allowed: false, reason: { code: 'ivf.not-confirmed' } });
  });

  it('a positive serum beta-hCG confirms it: the gestation counts from the transfer and may be shown as fact', () => {
    const c = confirm([...day5, hcgSerum('hcg', -1, 180, 'H')]);
    expect(c).toMatchObject({ status: 'confirmed', gestationIsHypothetical: false, decisive: { kind: 'hcg', outcome: 'positive', source: { id: 'hcg' } } });
    expect(c.gestation).toMatchObject({ known: true, value: { days: 29, atTransferDays: 19 } });
    expect(gestationalAgeMayBeShownAsFact(c)).toEqual({ allowed: true });
  });

  it('an hCG taken before the transfer does not confirm a pregnancy after it', () => {
    expect(confirm([...day5, hcgSerum('old', -12, 900, 'H')]).status).toBe('not-confirmed');
  });

  it('a "not pregnant" status checked before the procedure on the transfer day does not end the cycle', () => {
    const preCheck = lab('ps', '82810-3', at(-10), { valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code: 'LA26683-5' }] } });
    expect(confirm([...day5, preCheck])).toMatchObject({ status: 'not-confirmed', evidence: [] });
  });

  it('a negative urine hCG: not pregnant after this transfer, and the LMWH order still in force is flagged for review', () => {
    const c = confirm([...day5, enoxaparin('enox', at(-10, 2), at(20)), lab('u', '2106-3', at(-1), answer('260385009', 'Negative'))]);
    expect(c).toMatchObject({ status: 'negative', reason: { code: 'ivf.negative-after-transfer' }, gestationIsHypothetical: true });
    expect(c.lmwhAfterNegative).toEqual({ state: 'active', orders: [expect.objectContaining({ id: 'enox' })], reason: { code: 'ivf.lmwh-active-after-negative-hcg', params: { count: 1 } } });
    expect(gestationalAgeMayBeShownAsFact(c)).toEqual({ allowed: false, reason: { code: 'ivf.negative-after-transfer' } });
  });

  it('a negative test after an earlier positive one (a biochemical pregnancy) ends the cycle: the latest result decides', () => {
    const c = confirm([...day5, hcgSerum('h1', -3, 40, 'H'), hcgSerum('h2', -1, 3, 'N')]);
    expect(c).toMatchObject({ status: 'negative', decisive: { source: { id: 'h2' } }, lmwhAfterNegative: { state: 'no-order' } });
  });

  it('urine positive and serum negative at the same time disagree: not confirmed', () => {
    const c = confirm([...day5, lab('u', '2106-3', at(-1), answer('10828004', 'Positive')), hcgSerum('s', -1, 2, 'N')]);
    expect(c.status).toBe('not-confirmed');
  });

  it('a pregnancy status "Pregnant" or an ultrasound dating after the transfer confirms it', () => {
    expect(confirm([...day5, lab('ps', '82810-3', at(-1), { valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code: 'LA15173-0' }] } })]).status).toBe('confirmed');
    expect(confirm([...day5, lab('us', '11888-5', at(-1), { valueQuantity: { value: 6, unit: 'wk', system: 'http://unitsofmeasure.org', code: 'wk' } })]).decisive?.kind).toBe('ultrasound');
  });

  it('a quantitative hCG with no interpretation and no reference range is not classified (never assumed positive)', () => {
    const c = confirm([...day5, lab('h', '21198-7', at(-1), { valueQuantity: { value: 250, unit: 'mIU/mL' } })]);
    expect(c.status).toBe('not-confirmed');
    expect(c.evidence[0]).toMatchObject({ kind: 'hcg', outcome: 'not-classified' });
  });

  it('confirmed without an embryo age: the gestation is unknown with the reason, never guessed', () => {
    const c = confirm([transfer('et', at(-10)), hcgSerum('h', -1, 150, 'H')]);
    expect(c.status).toBe('confirmed');
    expect(c.gestation).toEqual({ known: false, reason: { code: 'ivf.embryo-age-not-recorded' } });
  });

  it('no transfer: nothing to confirm, other datings rule', () => {
    const c = confirm([]);
    expect(c.status).toBe('no-transfer');
    expect(gestationalAgeMayBeShownAsFact(c)).toEqual({ allowed: true });
  });
});

describe('an hCG result soon after an hCG trigger', () => {
  const ovitrelle = (days: number) => administration('trig', 'G03GA08', 'Ovitrelle 250 micrograms (trigger)', at(days));
  const serumWithRange = (id: string, days: number, value: number) =>
    lab(id, '21198-7', at(days), { valueQuantity: { value, unit: 'mIU/mL' }, referenceRange: [{ high: { value: 5, unit: 'mIU/mL' } }] });

  it('a raised serum beta-hCG 8 days after an Ovitrelle trigger is "possibly the trigger": not confirmed, with the reason and the trigger', () => {
    const c = confirm([ovitrelle(-17), ...day5, serumWithRange('early', -9, 38)]);
    expect(c.status).toBe('not-confirmed');
    expect(c.decisive).toBeUndefined();
    expect(c.evidence[0]).toMatchObject({
      kind: 'hcg',
      outcome: 'possibly-trigger',
      source: { id: 'early' },
      trigger: { id: 'trig' },
      reason: { code: 'ivf.hcg-possibly-trigger', params: { days: 8, window: HCG_TRIGGER_WINDOW_DAYS, result: 'positive' } },
    });
    expect(gestationalAgeMayBeShownAsFact(c).allowed).toBe(false);
  });

  it('15 days after the trigger the result counts again: a positive beta-hCG confirms the pregnancy', () => {
    const c = confirm([ovitrelle(-17), ...day5, serumWithRange('later', -2, 180)]);
    expect(c).toMatchObject({ status: 'confirmed', decisive: { outcome: 'positive', source: { id: 'later' } } });
  });

  it('exactly 14 calendar days after the trigger is still within the window', () => {
    expect(confirm([ovitrelle(-17), ...day5, serumWithRange('d14', -3, 60)]).evidence[0]?.outcome).toBe('possibly-trigger');
  });

  it('a GnRH-agonist trigger is not hCG: a raised beta-hCG soon after it confirms the pregnancy', () => {
    const c = confirm([administration('trig', 'L02AE04', 'Decapeptyl 0.2 mg (trigger)', at(-17)), ...day5, serumWithRange('early', -9, 38)]);
    expect(c.status).toBe('confirmed');
  });

  it('a negative beta-hCG soon after the trigger stays negative (the injected hCG has cleared)', () => {
    const c = confirm([ovitrelle(-17), ...day5, serumWithRange('neg', -5, 2)]);
    expect(c).toMatchObject({ status: 'negative', decisive: { outcome: 'negative' } });
  });

  it('an early trigger-range result then a later positive one: confirmed by the later one, the early one still marked', () => {
    const c = confirm([ovitrelle(-17), ...day5, serumWithRange('early', -9, 38), serumWithRange('later', -1, 240)]);
    expect(c.evidence.map((e) => e.outcome)).toEqual(['possibly-trigger', 'positive']);
    expect(c).toMatchObject({ status: 'confirmed', decisive: { source: { id: 'later' } } });
  });

  it('a completed procedure written as an hCG trigger counts as a trigger (labelled text match)', () => {
    const proc: fhir4.Procedure = { resourceType: 'Procedure', id: 'trig-proc', status: 'completed', subject: { reference: 'Patient/p1' }, code: { text: 'hCG trigger injection' }, performedDateTime: at(-17) };
    const c = confirm([proc, ...day5, serumWithRange('early', -9, 38)]);
    expect(c.evidence[0]).toMatchObject({ outcome: 'possibly-trigger', trigger: { id: 'trig-proc', matchedBy: byText('hCG trigger') } });
  });

  // A day-3 transfer 4 days after the trigger (retrieval 36 h after it, transfer 3 days later): a home test the next day.
  const day3 = [transfer('et3', at(-11, 1)), embryoAge('age3', 'et3', 3, at(-11, 1))];
  const urine = (id: string, days: number, result: 'Positive' | 'Negative') => lab(id, '2106-3', at(days), answer(result === 'Positive' ? '10828004' : '260385009', result));

  it('a positive urine test 5 days after an Ovitrelle trigger is "possibly the trigger", not a confirmation, with the same reason', () => {
    const c = confirm([ovitrelle(-15), ...day3, urine('u5', -10, 'Positive')]);
    expect(c.status).toBe('not-confirmed');
    expect(c.decisive).toBeUndefined();
    expect(c.evidence[0]).toMatchObject({
      kind: 'hcg',
      outcome: 'possibly-trigger',
      testOutcome: 'positive',
      specimen: 'urine',
      scale: 'qualitative',
      source: { id: 'u5', original: 'Positive' },
      trigger: { id: 'trig' },
      reason: { code: 'ivf.hcg-possibly-trigger', params: { days: 5, window: HCG_TRIGGER_WINDOW_DAYS, result: 'positive' } },
    });
    expect(gestationalAgeMayBeShownAsFact(c).allowed).toBe(false);
  });

  it('a positive urine test after the window (15 days after the trigger) confirms the pregnancy', () => {
    const c = confirm([ovitrelle(-17), ...day5, urine('u15', -2, 'Positive')]);
    expect(c).toMatchObject({ status: 'confirmed', decisive: { kind: 'hcg', outcome: 'positive', source: { id: 'u15' } } });
    expect(c.evidence[0]).not.toHaveProperty('reason');
  });

  it('a qualitative serum test within the window is treated the same as a urine one', () => {
    const c = confirm([ovitrelle(-17), ...day5, lab('sq', '2118-8', at(-8), answer('10828004', 'Positive'))]);
    expect(c.evidence[0]).toMatchObject({ outcome: 'possibly-trigger', reason: { code: 'ivf.hcg-possibly-trigger', params: { days: 9 } } });
    expect(c.status).toBe('not-confirmed');
  });

  it('a negative urine test within the window stays negative (the injected hCG has cleared)', () => {
    const c = confirm([ovitrelle(-15), ...day3, urine('u-neg', -4, 'Negative')]);
    expect(c).toMatchObject({ status: 'negative', decisive: { outcome: 'negative', source: { id: 'u-neg' } } });
  });

  it('triggerBefore: the latest trigger at or before the result, and none after the window', () => {
    const t = (id: string, days: number) => ({ kind: 'trigger' as const, atMs: Date.parse(at(days)), moment: { start: Date.parse(at(days)), end: Date.parse(at(days)) + 1000, original: at(days), precision: 'second' as const, offset: 'explicit' as const, zone: ZONE }, recognisedBy: 'atc' as const, matched: byCode('ATC', 'G03GA08'), source: { resourceType: 'MedicationAdministration', id } });
    expect(triggerBefore(Date.parse(at(-5)), [t('a', -30), t('b', -10), t('c', 2)], ZONE)).toMatchObject({ trigger: { source: { id: 'b' } }, days: 5 });
    expect(triggerBefore(Date.parse(at(-5)), [t('a', -30)], ZONE)).toBeUndefined();
  });
});
