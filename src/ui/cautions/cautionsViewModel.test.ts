import { describe, expect, it } from 'vitest';
import { context, ms, order, orderDescription, ref } from '../../../test/support/ruleBuilders';
import { cautions } from '../../domain/rules';
import { createMessages } from '../messages/translator';
import { buildCautionsView } from './cautionsViewModel';

const m = createMessages({ locale: 'en', zone: 'UTC' });

describe('cautions panel words', () => {
  it('creatinine clearance below 30 mL/min: the record data in words, beside the label wording', () => {
    const crcl = { value: 24, unit: 'mL/min', atMs: ms('2026-03-18T08:00:00Z'), source: ref('Observation', 'crcl') };
    const v = buildCautionsView(cautions(context({ orders: [order()], creatinineClearance: crcl })), m);
    const renal = v.cautions.find((c) => c.finding.topic === 'renal-clearance');
    expect(renal?.detail).toBe('Creatinine clearance 24 mL/min on 18 Mar 2026 08:00 (UTC) (below 30 mL/min) with a current LMWH order: Enoxaparin 40 mg SC every 24 h.');
    expect(renal?.wording).toMatch(/^Below a creatinine clearance of 30 mL\/min/);
    expect(renal?.evidenceLabel).toBe('Records (2)');
  });

  it('a check that could not be made says why, with the rule it belongs to', () => {
    const v = buildCautionsView(cautions(context({ orders: [order()] })), m);
    const renal = v.notChecked.find((n) => n.key.startsWith('label.caution.renal-clearance-below-30'));
    expect(renal?.text).toBe('Not checked: no creatinine clearance is recorded.');
    expect(renal?.rule).toEqual({ source: 'Enoxaparin label', wording: expect.stringMatching(/^Below a creatinine clearance of 30 mL\/min/) });
  });

  it('the weight band detail: dose per kg by booking weight and the transcribed band', () => {
    const w = { kg: 110, atMs: ms('2026-01-15T09:00:00Z'), isBooking: true, source: ref('Observation', 'w') };
    const v = buildCautionsView(cautions(context({ orders: [order()], bookingWeight: w })), m);
    expect(v.cautions.find((c) => c.finding.topic === 'dose-per-kg-band')?.detail).toBe(
      'Dose below the RCOG band for this booking weight. Enoxaparin 40 mg SC every 24 h: 40 mg/day (0.36 mg/kg/day by booking weight 110 kg, 15 Jan 2026 09:00 (UTC)). The transcribed RCOG band for 91–130 kg (prophylactic) lists 60 mg/day; not verified against the primary.',
    );
  });

  it('in Russian the weight band detail writes every unit in Russian (кг, мг), no Latin unit', () => {
    const ru = createMessages({ locale: 'ru', zone: 'UTC' });
    const w = { kg: 110, atMs: ms('2026-01-15T09:00:00Z'), isBooking: true, source: ref('Observation', 'w') };
    const detail = buildCautionsView(cautions(context({ orders: [order()], bookingWeight: w })), ru).cautions.find((c) => c.finding.topic === 'dose-per-kg-band')?.detail;
    expect(detail).toBe(
      'Доза ниже диапазона RCOG для массы тела при первой явке. Эноксапарин 40 мг п/к каждые 24 ч: 40 мг/сут (0,36 мг/кг/сут при массе тела при первой явке 110 кг, 15 янв. 2026, 09:00 (UTC)). В переписанной таблице RCOG для диапазона 91–130 кг (профилактическая доза) указано 60 мг/сут; с первоисточником не сверено.',
    );
    // "RCOG" and "UTC" are names; no unit in Latin letters.
    expect(detail!.replace(/RCOG|UTC/g, '')).not.toMatch(/[A-Za-z]/);
  });

  it.each<[string, NonNullable<Parameters<typeof order>[0]>, number]>([
    ['dalteparin 2500 IU at 60 kg (band 50–90 kg: 5000 IU)', { ingredient: 'dalteparin', description: orderDescription('dalteparin', 2500, 'IU', 24), dailyDose: { value: 2500, unit: 'IU' } }, 60],
    ['intermediate enoxaparin 40 mg/day at 70 kg (band 50–90 kg, 12-hourly: 80 mg)', { doseClass: 'intermediate' }, 70],
    ['enoxaparin 40 mg at 180 kg (> 170 kg: 0.6 mg/kg)', {}, 180],
  ])('in Russian, %s: units in Russian (кг, мг, МЕ), no Latin unit', (_name, o, kg) => {
    const ru = createMessages({ locale: 'ru', zone: 'UTC' });
    const w = { kg, atMs: ms('2026-01-15T09:00:00Z'), isBooking: true, source: ref('Observation', 'w') };
    const detail = buildCautionsView(cautions(context({ orders: [order(o)], bookingWeight: w })), ru).cautions.find((c) => c.finding.topic === 'dose-per-kg-band')?.detail;
    expect(detail).toMatch(/кг/);
    expect(detail).toMatch(o.ingredient === 'dalteparin' ? /\d МЕ\/сут/ : /\d мг\/сут/);
    expect(detail!.replace(/RCOG|UTC/g, '')).not.toMatch(/[A-Za-z]/);
  });

  it('no caution: says so, and that some checks could not be made', () => {
    expect(buildCautionsView(cautions(context()), m).empty).toBe('No caution applies to what the record shows; some checks could not be made (below).');
  });
});
