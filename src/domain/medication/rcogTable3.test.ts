import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cautions } from '../rules';
import type { RuleContext, RuleOrder } from '../rules';
import { classifyDose } from './doseClass';
import { normaliseOrder } from './order';
import { bandDailyDose, bandFor, RCOG_TABLE3_PROPHYLACTIC, type WeightBandId } from './rcogTable3';
import type { LmwhOrder } from './medicationTypes';

const U = 'http://unitsofmeasure.org';
const NOW = Date.parse('2026-03-20T09:00:00Z');

function enoxaparin(mg: number, everyHours: number): LmwhOrder {
  const r = normaliseOrder(
    {
      resourceType: 'MedicationRequest', id: 'o', status: 'active', intent: 'order', subject: {},
      medicationCodeableConcept: { text: 'enoxaparin' },
      dosageInstruction: [{ timing: { repeat: { frequency: 1, period: everyHours, periodUnit: 'h' as const } }, doseAndRate: [{ doseQuantity: { value: mg, unit: 'mg', system: U, code: 'mg' } }] }],
    },
    [],
    'UTC',
  );
  if (r.kind !== 'order') throw new Error('not an order');
  return r.order;
}

/** The band the dose class places a weight in: 20 mg daily is prophylactic in every band, so its row names the band. */
function doseClassBand(kg: number): string | undefined {
  const r = classifyDose(enoxaparin(20, 24), kg);
  return r.class === 'prophylactic' ? r.thresholdId.replace('enoxaparin-prophylactic-', '') : undefined;
}

function ruleContext(kg: number, order: Partial<RuleOrder>): RuleContext {
  const o: RuleOrder = {
    id: 'mr-1', drug: { code: 'drug.enoxaparin' }, drugClass: 'lmwh', ingredient: 'enoxaparin', isOrder: true, status: 'active',
    startMs: Date.parse('2026-01-10T09:00:00Z'), endMs: undefined, onHold: false, doseClass: 'prophylactic', 
    dailyDose: { value: 40, unit: 'mg' }, description: { code: 'order.summary' }, source: { resourceType: 'MedicationRequest', id: 'mr-1' }, ...order,
  };
  return {
    nowMs: NOW, zone: 'UTC', events: [], orders: [o], doses: [], medicationsComplete: true, bleeding: [], indicationFacts: [], aspirin: [],
    heparinAllergyOrHit: [], allergiesComplete: true,
    bookingWeight: { kg, atMs: Date.parse('2026-01-15T09:00:00Z'), isBooking: true, source: { resourceType: 'Observation', id: 'w' } },
  };
}

/** True when the weight-band caution, given this daily dose at this weight, says it differs from the band. */
function cautionFlags(kg: number, dailyMg: number, doseClass: RuleOrder['doseClass'] = 'prophylactic'): boolean {
  const r = cautions(ruleContext(kg, { dailyDose: { value: dailyMg, unit: 'mg' }, doseClass }));
  return r.cautions.some((c) => c.topic === 'dose-per-kg-band');
}

/** True when the caution checks an intermediate order at this weight (Table 3 lists it for one band only). */
function cautionChecksIntermediate(kg: number): boolean {
  const r = cautions(ruleContext(kg, { dailyDose: { value: 80, unit: 'mg' }, doseClass: 'intermediate' }));
  return !r.notChecked.some((n) => n.ruleId === 'rcog37a.caution.weight-band');
}

const bandDoseMg = (id: string, kg: number): number => {
  const band = RCOG_TABLE3_PROPHYLACTIC.find((b) => b.id === id)!;
  return Math.round(bandDailyDose(band, 'enoxaparin', kg) * 10) / 10;
};

/** Every consumer's band for one weight, side by side. */
function consumersAgree(kg: number): void {
  const band = bandFor(kg)?.id;
  const fromDoseClass = doseClassBand(kg);
  expect(fromDoseClass).toBe(band);
  // The caution accepts the dose-class band's dose (it reads the same band) and flags its neighbours' doses.
  expect(cautionFlags(kg, bandDoseMg(fromDoseClass!, kg))).toBe(false);
  const intermediateByDoseClass = classifyDose(enoxaparin(40, 12), kg).class === 'intermediate';
  expect(intermediateByDoseClass).toBe(band === 'from50to90');
  expect(cautionChecksIntermediate(kg)).toBe(band === 'from50to90');
}

describe('RCOG Table 3: one band per booking weight for every consumer', () => {
  const tenths = Array.from({ length: 2201 }, (_, i) => 300 + i);

  it('every weight from 30 to 250 kg in 0.1 kg steps gets the same band from bandFor, the dose class and the caution', () => {
    fc.assert(
      fc.property(fc.integer({ min: 300, max: 2500 }), (t) => consumersAgree(t / 10)),
      // Examples count towards numRuns: every tenth runs, then random ones on top.
      { examples: tenths.map((t) => [t] as [number]), numRuns: tenths.length + 200 },
    );
  });

  it.each<[number, WeightBandId, number]>([
    [90.4, 'from50to90', 40],
    [130.5, 'from131to170', 80],
    [170.5, 'over170', 102.3],
  ])('a booking weight of %s kg is in band %s for every consumer (enoxaparin %s mg daily)', (kg, id, mg) => {
    expect(bandFor(kg)?.id).toBe(id);
    expect(doseClassBand(kg)).toBe(id);
    expect(bandDoseMg(id, kg)).toBe(mg);
    expect(cautionFlags(kg, mg)).toBe(false);
  });

  it('90.4 kg: the 91-130 kg dose (60 mg) is flagged by the caution and is not the band dose for the dose class', () => {
    expect(cautionFlags(90.4, 60)).toBe(true);
    expect(classifyDose(enoxaparin(60, 24), 90.4)).not.toMatchObject({ class: 'prophylactic' });
  });

  it.each<[number, WeightBandId]>([
    [49.4, 'under50'],
    [49.5, 'from50to90'],
    [90.5, 'from91to130'],
    [130.4, 'from91to130'],
    [170.4, 'from131to170'],
  ])('the edge at %s kg: rounded to the nearest whole kg, then band %s', (kg, id) => {
    expect(bandFor(kg)?.id).toBe(id);
    consumersAgree(kg);
  });

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY])('no band for a weight of %s', (kg) => {
    expect(bandFor(kg)).toBeUndefined();
  });

  it('the bands cover the whole-kg line without a gap or an overlap', () => {
    for (let kg = 1; kg <= 400; kg++) {
      expect(RCOG_TABLE3_PROPHYLACTIC.filter((b) => kg >= b.minKg && (b.maxKg === null || kg <= b.maxKg))).toHaveLength(1);
    }
  });
});
