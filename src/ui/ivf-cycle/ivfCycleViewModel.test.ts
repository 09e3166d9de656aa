import { describe, expect, it } from 'vitest';
import { DEMO_TEST_NOW, DEMO_TEST_ZONE, demoRecord, demoResources, recordInputFor } from '../../../test/support/demo-record';
import { buildClinicalRecord } from '../../domain/record';
import { loadUnitConverter } from '../../domain/labs';
import { createMessages } from '../messages/translator';
import { buildSummaryView } from '../summary/summaryViewModel';
import { buildIvfCycleView, confirmationLines } from './ivfCycleViewModel';
import { IVF_REASON_CODES } from '../../domain/ivf';

const m = createMessages({ locale: 'en', zone: 'Europe/London' });
const ru = createMessages({ locale: 'ru', zone: 'Europe/London' });

describe('the IVF cycle before the hCG test (ivf-ohss)', () => {
  it('the summary says "Pregnancy not confirmed", transfer + 10 days with the day-5 embryo, the planned hCG test, and only "if pregnant: 4w 1d"', async () => {
    const v = buildSummaryView(await demoRecord('ivf-ohss'), m);
    expect(v.gestation.headline).toBe('Pregnancy not confirmed');
    const lines = (v.gestation.ivf ?? []).map((l) => l.text);
    expect(lines[0]).toBe('transfer + 10 days, day-5 embryo, fresh transfer');
    expect(lines[1]).toMatch(/^hCG test planned 26 Nov 2026/);
    expect(lines[2]).toBe('if pregnant: 4w 1d');
    expect(JSON.stringify(v.gestation)).not.toMatch(/trimester/);
    expect(v.next.event?.label).toBe('Serum beta-hCG (pregnancy test)');
  });

  it('the panel shows the strip with day counts from the transfer, the four estradiol results as reported with the converted values labelled', async () => {
    const v = buildIvfCycleView(await demoRecord('ivf-ohss'), m);
    expect(v.show).toBe(true);
    expect(v.strip.steps.map((s) => s.label)).toEqual(['Stimulation start', 'Trigger', 'Oocyte retrieval', 'Embryo transfer', 'hCG test']);
    expect(v.strip.steps.find((s) => s.key === 'embryo-transfer')?.relative).toBe('transfer day');
    expect(v.strip.steps.find((s) => s.key === 'hcg')?.relative).toBe('transfer + 11 days');
    expect(v.strip.steps.find((s) => s.key === 'oocyte-retrieval')?.relative).toMatch(/^\d+ days before transfer$/);
    expect(v.estradiol.rows.map((r) => r.reported)).toEqual(['2650 pg/mL', '4120 pg/mL', '1380 pg/mL', '2240 pg/mL']);
    expect(v.estradiol.rows[0]?.converted).toBe('9728 pmol/L (converted)');
    expect(v.estradiol.chart?.points).toHaveLength(4);
  });

  it('OHSS risk is kept apart from the syndrome, with its severity; luteal support and indications listed with evidence', async () => {
    const v = buildIvfCycleView(await demoRecord('ivf-ohss'), m);
    expect(v.ohss.items.map((i) => i.text)).toEqual([expect.stringMatching(/^Risk of OHSS \(not the syndrome\): severity mild/)]);
    expect(v.luteal.items).toHaveLength(2);
    expect(v.indications.items.map((i) => i.text)).toEqual([expect.stringMatching(/^OHSS risk after transfer: found/), expect.stringMatching(/^High-dose estrogen: found/)]);
    for (const i of v.indications.items) expect(i.sources.length).toBeGreaterThan(0);
    expect(v.supply.item.text).toBe('Unknown: no dispense recorded');
    expect(v.supply.flags).toEqual([]);
  });
});

describe('after a positive hCG (ivf-frozen-positive)', () => {
  it('the gestation counts from the transfer (14 days + day-5 embryo): 6w 1d, as fact', async () => {
    const r = await demoRecord('ivf-frozen-positive');
    const v = buildIvfCycleView(r, m);
    expect(v.confirmation.headline).toBe('Pregnancy confirmed');
    expect(v.confirmation.lines.map((l) => l.text)).toContain('6w 1d, counted from the transfer (19 days at transfer = 14 + embryo age)');
    expect(buildSummaryView(r, m).gestation.headline).toBe('6w 1d, first trimester');
    expect(v.show).toBe(true);
  });
});

describe('after a negative hCG (ivf-negative-hcg)', () => {
  it('not pregnant after this transfer; the LMWH order still active is flagged for review; the syringes run out before the order ends', async () => {
    const r = await demoRecord('ivf-negative-hcg');
    const s = buildSummaryView(r, m);
    expect(s.gestation.headline).toBe('Not pregnant after this transfer');
    expect(s.gestation.review?.text).toBe('an LMWH order is still active after the negative test: review');
    expect(s.gestation.ivf?.map((l) => l.text).join(' ')).not.toMatch(/if pregnant/);
    const v = buildIvfCycleView(r, m);
    expect(v.confirmation.flag?.flag).toBe(true);
    expect(v.supply.item.text).toMatch(/^Dispensed syringes last until /);
    expect(v.supply.flags.map((f) => f.text)).toEqual([expect.stringMatching(/^the dispensed syringes run out .+, before the order ends /)]);
  });
});

describe('a dispense that names the order but is another drug', () => {
  it('is listed as not counted, with why, in English and Russian; the supply is read from the others', async () => {
    const resources = demoResources('ivf-negative-hcg');
    const handed = resources.find((x): x is fhir4.MedicationDispense => x.resourceType === 'MedicationDispense')!;
    const other = { ...handed, id: 'dispense-dalteparin', medicationReference: undefined, medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '67109' }] } };
    const r = buildClinicalRecord(recordInputFor([...resources, other], 'ivf-negative-hcg'), { nowMs: DEMO_TEST_NOW, zone: DEMO_TEST_ZONE, units: await loadUnitConverter() });
    const v = buildIvfCycleView(r, m);
    expect(v.supply.item.text).toMatch(/^Dispensed syringes last until /);
    const line = v.supply.flags.find((f) => f.key.startsWith('not-counted'));
    expect(line?.text).toBe('Not counted: dispense dispense-dalteparin names this order but is Dalteparin, not Enoxaparin');
    expect(line?.sources.map((x) => x.id)).toEqual(['dispense-dalteparin']);
    const ru = buildIvfCycleView(r, createMessages({ locale: 'ru', zone: 'Europe/London' })).supply.flags.find((f) => f.key.startsWith('not-counted'));
    expect(ru?.text).toMatch(/^Не учтено: выдача dispense-dalteparin ссылается на это назначение, но препарат — Далтепарин, а не Эноксапарин/);
  });
});

describe('no IVF cycle', () => {
  it('a patient without an embryo transfer shows no panel', async () => {
    expect(buildIvfCycleView(await demoRecord('third-trimester'), m).show).toBe(false);
  });
});

describe('the words', () => {
  it('every IVF reason code is worded in English and Russian', () => {
    for (const code of IVF_REASON_CODES) {
      expect(m.has(`reason.${code}`)).toBe(true);
      expect(ru.reason({ code, params: {} } as never)).not.toBe(m.reason({ code, params: {} } as never));
    }
  });
  it('Russian: "Беременность не подтверждена", перенос + 10 дней', async () => {
    const v = buildSummaryView(await demoRecord('ivf-ohss'), ru);
    expect(v.gestation.headline).toBe('Беременность не подтверждена');
    expect(v.gestation.ivf?.[0]?.text).toMatch(/^перенос \+ 10 дней, эмбрион 5 суток/);
  });
});

/** The pregnancy confirmation of a hand-built IVF record (builders from test/support/ivfRecordBuilders). */
async function confirmationOf(resources: (b: typeof import('../../../test/support/ivfRecordBuilders')) => fhir4.Resource[]) {
  const { pregnancyConfirmation, ivfCycleFromRecord, lmwhOrdersOf } = await import('../../domain/ivf');
  const { loadUnitConverter } = await import('../../domain/labs');
  const b = await import('../../../test/support/ivfRecordBuilders');
  const input = b.record(resources(b));
  const cycle = ivfCycleFromRecord(input, { nowMs: b.NOW, zone: b.ZONE, units: await loadUnitConverter() });
  return pregnancyConfirmation(cycle, lmwhOrdersOf(input, b.ZONE), b.NOW, b.ZONE);
}

describe('an hCG result that may be the trigger injection', () => {
  it('is listed under "Pregnancy not confirmed" as possibly the trigger, with the reason, the result and the trigger as sources (en, ru)', async () => {
    const c = await confirmationOf((b) => [
      b.administration('trig', 'G03GA08', 'Ovitrelle 250 micrograms (trigger)', b.at(-17)),
      b.transfer('et', b.at(-10, 1)),
      b.embryoAge('age', 'et', 5, b.at(-10, 1)),
      b.lab('early', '21198-7', b.at(-9), { valueQuantity: { value: 38, unit: 'mIU/mL' }, referenceRange: [{ high: { value: 5, unit: 'mIU/mL' } }] }),
    ]);
    const en = confirmationLines(c, m);
    expect(en.headline).toBe('Pregnancy not confirmed');
    const line = en.lines.find((l) => l.key.startsWith('trigger-'));
    expect(line?.text).toBe(
      'hCG 38 mIU/mL, 6 Jan 2026 10:00 (UTC): possibly the trigger: 8 days after the hCG trigger of 29 Dec 2025 (within 14 days the injected hCG can still be measured), so it does not confirm a pregnancy',
    );
    expect(line?.sources.map((s) => s.id)).toEqual(['early', 'trig']);
    expect(confirmationLines(c, ru).lines.find((l) => l.key.startsWith('trigger-'))?.text).toMatch(/^ХГЧ 38 mIU\/mL, .*: возможно, это триггер: через 8 дней после триггера ХГЧ .*поэтому беременность не подтверждает$/);
  });

  it('a positive urine test within the window is listed the same way, worded by its outcome (en, ru)', async () => {
    const c = await confirmationOf((b) => [
      b.administration('trig', 'G03GA08', 'Ovitrelle 250 micrograms (trigger)', b.at(-15)),
      b.transfer('et', b.at(-11, 1)),
      b.embryoAge('age', 'et', 3, b.at(-11, 1)),
      b.lab('urine', '2106-3', b.at(-10), b.answer('10828004', 'Positive')),
    ]);
    const en = confirmationLines(c, m);
    expect(en.headline).toBe('Pregnancy not confirmed');
    expect(en.lines.find((l) => l.key === 'decisive')).toBeUndefined();
    const line = en.lines.find((l) => l.key.startsWith('trigger-'));
    expect(line?.text).toBe(
      'urine hCG test positive, 5 Jan 2026 10:00 (UTC): possibly the trigger: 5 days after the hCG trigger of 31 Dec 2025 (within 14 days the injected hCG can still be measured), so it does not confirm a pregnancy',
    );
    expect(line?.sources.map((s) => s.id)).toEqual(['urine', 'trig']);
    const ruView = confirmationLines(c, ru);
    expect(ruView.headline).toBe('Беременность не подтверждена');
    const ruLine = ruView.lines.find((l) => l.key.startsWith('trigger-'))?.text ?? '';
    expect(ruLine).toMatch(/^тест на ХГЧ в моче положительный, .*: возможно, это триггер: через 5 дней после триггера ХГЧ .*поэтому беременность не подтверждает$/);
    // The record's own answer ("Positive") stays in the source, not in the Russian sentence (the zone label aside).
    expect(ruLine.replace('(UTC)', '')).not.toMatch(/[A-Za-z]/);
  });

  it('the same urine test after the window confirms the pregnancy and is not listed as possibly the trigger', async () => {
    const c = await confirmationOf((b) => [
      b.administration('trig', 'G03GA08', 'Ovitrelle 250 micrograms (trigger)', b.at(-17)),
      b.transfer('et', b.at(-10, 1)),
      b.embryoAge('age', 'et', 5, b.at(-10, 1)),
      b.lab('urine', '2106-3', b.at(-2), b.answer('10828004', 'Positive')),
    ]);
    const en = confirmationLines(c, m);
    expect(en.headline).toBe('Pregnancy confirmed');
    expect(en.lines.some((l) => l.key.startsWith('trigger-'))).toBe(false);
    expect(en.lines.find((l) => l.key === 'decisive')?.text).toBe('hCG positive, 13 Jan 2026 10:00 (UTC)');
    expect(confirmationLines(c, ru).lines.find((l) => l.key === 'decisive')?.text).toMatch(/^ХГЧ: положительный, /);
  });
});
