import { describe, expect, it } from 'vitest';
import { classifyDose } from './doseClass';
import { DOSE_CLASS_THRESHOLDS } from './doseClassThresholds';
import { normaliseOrder } from './order';
import type { LmwhOrder } from './medicationTypes';

const U = 'http://unitsofmeasure.org';
function order(drugText: string, value: number, unit: string, everyHours: number | undefined): LmwhOrder {
  const r = normaliseOrder(
    {
      resourceType: 'MedicationRequest', id: 'o', status: 'active', intent: 'order', subject: {},
      medicationCodeableConcept: { text: drugText },
      dosageInstruction: [{
        ...(everyHours ? { timing: { repeat: { frequency: 1, period: everyHours, periodUnit: 'h' as const } } } : {}),
        doseAndRate: [{ doseQuantity: { value, unit, system: U, code: unit } }],
      }],
    },
    [],
    'UTC',
  );
  if (r.kind !== 'order') throw new Error('not an order');
  return r.order;
}

describe('classifyDose with the booking weight', () => {
  it.each([
    ['enoxaparin 40 mg once daily at 70 kg', order('enoxaparin', 40, 'mg', 24), 70, 'prophylactic', 'enoxaparin-prophylactic-from50to90'],
    ['enoxaparin 20 mg once daily at 45 kg', order('enoxaparin', 20, 'mg', 24), 45, 'prophylactic', 'enoxaparin-prophylactic-under50'],
    ['enoxaparin 60 mg once daily at 100 kg', order('enoxaparin', 60, 'mg', 24), 100, 'prophylactic', 'enoxaparin-prophylactic-from91to130'],
    ['enoxaparin 40 mg 12-hourly at 150 kg (80 mg/day divided)', order('enoxaparin', 40, 'mg', 12), 150, 'prophylactic', 'enoxaparin-prophylactic-from131to170'],
    ['enoxaparin 120 mg once daily at 190 kg (0.63 mg/kg/day)', order('enoxaparin', 120, 'mg', 24), 190, 'prophylactic', 'enoxaparin-prophylactic-over170'],
    ['enoxaparin 40 mg every 12 h at 70 kg', order('enoxaparin', 40, 'mg', 12), 70, 'intermediate', 'enoxaparin-intermediate-50to90'],
    ['enoxaparin 70 mg every 12 h at 70 kg (1 mg/kg)', order('enoxaparin', 70, 'mg', 12), 70, 'therapeutic', 'enoxaparin-therapeutic-1mgkg-q12h'],
    ['enoxaparin 80 mg every 12 h at 75 kg (rounded up to a syringe)', order('enoxaparin', 80, 'mg', 12), 75, 'therapeutic', 'enoxaparin-therapeutic-1mgkg-q12h'],
    ['enoxaparin 100 mg once daily at 66 kg (1.5 mg/kg)', order('enoxaparin', 100, 'mg', 24), 66, 'therapeutic', 'enoxaparin-therapeutic-1.5mgkg-daily'],
    ['enoxaparin 4000 IU once daily at 70 kg (IU read as mg)', order('enoxaparin', 4000, '[iU]', 24), 70, 'prophylactic', 'enoxaparin-prophylactic-from50to90'],
    ['dalteparin 5000 IU once daily at 70 kg', order('Fragmin', 5000, '[iU]', 24), 70, 'prophylactic', 'dalteparin-prophylactic-from50to90'],
    ['dalteparin 5000 IU every 12 h at 70 kg', order('Fragmin', 5000, '[iU]', 12), 70, 'intermediate', 'dalteparin-intermediate-50to90'],
    ['dalteparin 7500 IU every 12 h at 75 kg (100 IU/kg)', order('Fragmin', 7500, '[iU]', 12), 75, 'therapeutic', 'dalteparin-therapeutic-100iukg-q12h'],
    ['dalteparin 15000 IU once daily at 75 kg (200 IU/kg)', order('Fragmin', 15000, '[iU]', 24), 75, 'therapeutic', 'dalteparin-therapeutic-200iukg-daily'],
    ['tinzaparin 4500 IU once daily at 70 kg', order('Innohep', 4500, '[iU]', 24), 70, 'prophylactic', 'tinzaparin-prophylactic-from50to90'],
    ['tinzaparin 12250 IU once daily at 70 kg (175 IU/kg)', order('Innohep', 12250, '[iU]', 24), 70, 'therapeutic', 'tinzaparin-therapeutic-175iukg-daily'],
  ] as [string, LmwhOrder, number, string, string][])('%s', (_n, o, kg, cls, id) => {
    const r = classifyDose(o, kg);
    expect(r).toMatchObject({ class: cls, thresholdId: id });
  });

  it('band rows say they are RCOG GTG 37a Table 3 and partial', () => {
    const r = classifyDose(order('enoxaparin', 40, 'mg', 24), 70);
    expect(r).toMatchObject({ verification: 'partial', weightKg: 70, source: 'rcog-37a-table3' });
  });
  it('the 1 mg/kg 12-hourly therapeutic row is unverified (RCOG 37b not retrieved) and says so', () => {
    expect(classifyDose(order('enoxaparin', 70, 'mg', 12), 70)).toMatchObject({ verification: 'unverified' });
  });
  it('an enoxaparin dose in IU is never more verified than the partial mg/IU equivalence', () => {
    const r = classifyDose(order('enoxaparin', 7000, '[iU]', 12), 70);
    expect(r).toMatchObject({ class: 'therapeutic', verification: 'unverified' });
    const p = classifyDose(order('enoxaparin', 4000, '[iU]', 24), 70);
    expect(p).toMatchObject({ basis: { code: 'med.class-with-conversion', params: { conversion: { kind: 'reason', reason: { code: 'med.class-iu-read-as-mg', params: { iu: 4000, mg: 40, iuPerMg: 100 } } } } } });
  });
  it('band edges: 50 kg is in 50–90; 90.5 kg is in 91–130', () => {
    expect(classifyDose(order('enoxaparin', 40, 'mg', 24), 50)).toMatchObject({ thresholdId: 'enoxaparin-prophylactic-from50to90' });
    expect(classifyDose(order('enoxaparin', 60, 'mg', 24), 90.5)).toMatchObject({ thresholdId: 'enoxaparin-prophylactic-from91to130' });
  });
  it('enoxaparin 50 mg every 12 h at 70 kg sits between intermediate and therapeutic: unknown, not guessed', () => {
    expect(classifyDose(order('enoxaparin', 50, 'mg', 12), 70)).toMatchObject({ class: 'unknown', reason: { code: 'med.class-no-row', params: { kg: 70 } } });
  });
});

describe('classifyDose per-kg orders (no weight needed)', () => {
  it.each([
    ['enoxaparin 1 mg/kg every 12 h', order('enoxaparin', 1, 'mg/kg', 12), 'therapeutic'],
    ['enoxaparin 1.5 mg/kg once daily', order('enoxaparin', 1.5, 'mg/kg', 24), 'therapeutic'],
    ['dalteparin 100 IU/kg every 12 h', order('dalteparin', 100, '[iU]/kg', 12), 'therapeutic'],
    ['dalteparin 200 IU/kg once daily', order('dalteparin', 200, '[iU]/kg', 24), 'therapeutic'],
    ['tinzaparin 175 IU/kg once daily', order('tinzaparin', 175, '[iU]/kg', 24), 'therapeutic'],
    ['enoxaparin 0.6 mg/kg once daily', order('enoxaparin', 0.6, 'mg/kg', 24), 'prophylactic'],
    ['dalteparin 75 IU/kg once daily', order('dalteparin', 75, '[iU]/kg', 24), 'prophylactic'],
  ] as [string, LmwhOrder, string][])('%s', (_n, o, cls) => {
    expect(classifyDose(o).class).toBe(cls);
  });
  it('enoxaparin 0.5 mg/kg every 12 h is unknown (between the rows)', () => {
    expect(classifyDose(order('enoxaparin', 0.5, 'mg/kg', 12)).class).toBe('unknown');
  });
});

describe('classifyDose unknown with a reason', () => {
  it.each([
    ['enoxaparin 40 mg daily without a booking weight', order('enoxaparin', 40, 'mg', 24), undefined, { code: 'med.class-booking-weight-needed' }],
    ['a NaN booking weight', order('enoxaparin', 40, 'mg', 24), Number.NaN, { code: 'med.class-booking-weight-not-usable', params: { kg: 'NaN' } }],
    ['an implausible booking weight of 7000 kg', order('enoxaparin', 40, 'mg', 24), 7000, { code: 'med.class-booking-weight-not-usable', params: { kg: '7000' } }],
    ['no frequency', order('enoxaparin', 40, 'mg', undefined), 70, { code: 'med.class-frequency-unknown-because', params: { why: { kind: 'reason', reason: { code: 'med.no-timing' } } } }],
    ['no interpretable dose', order('enoxaparin', 0.4, 'mL', 24), 70, { code: 'med.class-dose-unknown-because' }],
    ['nadroparin: thresholds not in the reference', order('Fraxiparine', 2850, '[iU]', 24), 70, { code: 'med.class-no-thresholds', params: { drug: 'nadroparin' } }],
    ['heparin: no thresholds', order('heparin', 5000, '[iU]', 12), 70, { code: 'med.class-no-thresholds', params: { drug: 'heparin' } }],
    ['fondaparinux: no thresholds', order('Arixtra', 2.5, 'mg', 24), 70, { code: 'med.class-no-thresholds', params: { drug: 'fondaparinux' } }],
    ['dalteparin written in mg', order('Fragmin', 40, 'mg', 24), 70, { code: 'med.class-unit-mismatch', params: { drug: 'dalteparin', unit: 'mg', thresholdUnit: 'IU' } }],
  ] as [string, LmwhOrder, number | undefined, object][])('%s', (_n, o, kg, reason) => {
    const r = classifyDose(o, kg);
    expect(r.class).toBe('unknown');
    expect(r).toMatchObject({ class: 'unknown', reason });
  });
});

describe('the thresholds table', () => {
  it('every row carries a source and a verification status; no band row claims verified', () => {
    for (const t of Object.values(DOSE_CLASS_THRESHOLDS)) {
      expect(t!.bandVerification).toBe('partial');
      for (const r of t!.therapeutic) {
        expect(['rcog-37b', 'enoxaparin-label', 'br-j-clin-pharmacol-2010', 'fragmin-monograph', 'innohep-label']).toContain(r.source);
        expect(['verified', 'partial', 'unverified']).toContain(r.verification);
      }
    }
  });
  it('has no nadroparin row (the reference gives none)', () => {
    expect(DOSE_CLASS_THRESHOLDS.nadroparin).toBeUndefined();
  });
});
