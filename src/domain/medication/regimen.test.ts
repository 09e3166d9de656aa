import { describe, expect, it } from 'vitest';
import { readDoseQuantity, readFrequency } from './dosage';
import { guidelineIntervalFor, REGIMEN_MATCH_TOLERANCE, REGIMEN_TABLE, regimenIntensity, type RegimenInput, type RegimenWeight } from './regimen';
import type { AnticoagulantDrug } from './medicationTypes';

const UCUM = 'http://unitsofmeasure.org';
const ONCE_DAILY = { repeat: { frequency: 1, period: 1, periodUnit: 'd' } };
const TWICE_DAILY = { repeat: { frequency: 2, period: 1, periodUnit: 'd' } };
const EVERY_8H = { repeat: { frequency: 1, period: 8, periodUnit: 'h' } };
const weight = (kg: number): RegimenWeight => ({ kg, atMs: Date.UTC(2026, 10, 1), source: { resourceType: 'Observation', id: `w-${kg}` } });

function input(drug: AnticoagulantDrug, value: number, code: string, timing: unknown, extra: Partial<RegimenInput> = {}): RegimenInput {
  return { drug, dose: readDoseQuantity({ value, code, system: UCUM }, undefined), frequency: readFrequency(timing), ...extra };
}

describe('dose intensity by regimen (reference 9.1)', () => {
  it('enoxaparin 40 mg once daily without a weight is prophylactic: the 12 h line applies', () => {
    const r = regimenIntensity(input('enoxaparin', 40, 'mg', ONCE_DAILY));
    expect(r.intensity).toBe('prophylactic');
    if (r.intensity === 'unknown') throw new Error('unexpected');
    expect(r.row.id).toBe('enoxaparin-40mg-q24h');
    expect(r.match.kind).toBe('fixed-exact');
    expect(r.weightAdjusted).toBe(false);
    expect(r.guideline).toEqual({ hours: 12, basis: 'asra-prophylactic' });
    expect(r.row).toMatchObject({ reference: '9.1', verification: 'partial', verificationStrength: 'strong', source: 'acog-pb196-asra-2018-soap-2018' });
  });

  it('enoxaparin 30 mg twice daily is prophylactic', () => {
    const r = regimenIntensity(input('enoxaparin', 30, 'mg', TWICE_DAILY));
    expect(r.intensity === 'unknown' ? r.reason.code : r.row.id).toBe('enoxaparin-30mg-q12h');
  });

  it('enoxaparin 40 mg every 12 h is intermediate: the app uses the longer 24 h line, labelled as its conservative choice', () => {
    const r = regimenIntensity(input('enoxaparin', 40, 'mg', TWICE_DAILY));
    expect(r.intensity).toBe('intermediate');
    expect(r.guideline).toEqual({ hours: 24, basis: 'app-conservative-intermediate' });
  });

  it('enoxaparin written as 4000 anti-Xa IU once daily is read as 40 mg (label equivalence, PARTIAL) and is prophylactic', () => {
    const r = regimenIntensity(input('enoxaparin', 4000, '[iU]', ONCE_DAILY));
    expect(r.intensity).toBe('prophylactic');
    if (r.intensity === 'unknown') throw new Error('unexpected');
    expect(r.conversion).toEqual({ from: 'IU', to: 'mg', iuPerMg: 100, verification: 'partial' });
  });

  it('enoxaparin 1 mg/kg every 12 h as written is therapeutic without a weight', () => {
    const r = regimenIntensity(input('enoxaparin', 1, 'mg/kg', TWICE_DAILY));
    expect(r.intensity).toBe('therapeutic');
    if (r.intensity === 'unknown') throw new Error('unexpected');
    expect(r.match).toEqual({ kind: 'per-kg-as-written', perKgDose: 1 });
    expect(r.weightAdjusted).toBe(true);
    expect(r.guideline).toEqual({ hours: 24, basis: 'asra-therapeutic' });
  });

  it('enoxaparin 80 mg every 12 h at 80 kg is 1 mg/kg every 12 h: therapeutic by weight', () => {
    const r = regimenIntensity(input('enoxaparin', 80, 'mg', TWICE_DAILY, { weight: weight(80) }));
    expect(r.intensity).toBe('therapeutic');
    if (r.intensity === 'unknown') throw new Error('unexpected');
    expect(r.row.id).toBe('enoxaparin-1mgkg-q12h');
    expect(r.match).toMatchObject({ kind: 'per-kg-by-weight', perKgDose: 1, weight: { kg: 80 } });
  });

  it('enoxaparin 80 mg every 12 h without a weight is unknown: a weight is needed, and the longer line is used', () => {
    const r = regimenIntensity(input('enoxaparin', 80, 'mg', TWICE_DAILY));
    expect(r.intensity).toBe('unknown');
    if (r.intensity !== 'unknown') throw new Error('unexpected');
    expect(r.reason).toEqual({ code: 'regimen.weight-needed', params: { drug: 'enoxaparin', value: 80, intervalHours: 12 } });
    expect(r.guideline).toEqual({ hours: 24, basis: 'app-conservative-unknown' });
  });

  it('enoxaparin 100 mg once daily at 68 kg (1.47 mg/kg) is within the stated tolerance of 1.5 mg/kg once daily', () => {
    const r = regimenIntensity(input('enoxaparin', 100, 'mg', ONCE_DAILY, { weight: weight(68) }));
    expect(r.intensity === 'unknown' ? r.reason.code : r.row.id).toBe('enoxaparin-1.5mgkg-q24h');
  });

  it('enoxaparin 80 mg every 12 h at 60 kg (1.33 mg/kg) is outside the tolerance: unknown, no row matches', () => {
    const r = regimenIntensity(input('enoxaparin', 80, 'mg', TWICE_DAILY, { weight: weight(60) }));
    expect(r.intensity === 'unknown' ? r.reason.code : r.row.id).toBe('regimen.no-row-matches');
  });

  it('enoxaparin 60 mg once daily (an RCOG band dose for 91-130 kg) is not a regimen in the table: unknown', () => {
    const r = regimenIntensity(input('enoxaparin', 60, 'mg', ONCE_DAILY, { weight: weight(100) }));
    expect(r.intensity === 'unknown' ? r.reason.code : r.row.id).toBe('regimen.no-row-matches');
  });

  it('dalteparin 5000 IU once daily is prophylactic and 5000 IU every 12 h intermediate', () => {
    expect(regimenIntensity(input('dalteparin', 5000, '[iU]', ONCE_DAILY)).intensity).toBe('prophylactic');
    expect(regimenIntensity(input('dalteparin', 5000, '[iU]', TWICE_DAILY)).intensity).toBe('intermediate');
  });

  it('dalteparin 15000 IU once daily at 75 kg (200 IU/kg) and 100 IU/kg every 12 h as written are therapeutic', () => {
    const byWeight = regimenIntensity(input('dalteparin', 15000, '[iU]', ONCE_DAILY, { weight: weight(75) }));
    expect(byWeight.intensity === 'unknown' ? byWeight.reason.code : byWeight.row.id).toBe('dalteparin-200iukg-q24h');
    const perKg = regimenIntensity(input('dalteparin', 100, '[iU]/kg', TWICE_DAILY));
    expect(perKg.intensity === 'unknown' ? perKg.reason.code : perKg.row.id).toBe('dalteparin-100iukg-q12h');
  });

  it('dalteparin written in mg cannot be compared with the IU table: unknown', () => {
    const r = regimenIntensity(input('dalteparin', 40, 'mg', ONCE_DAILY));
    expect(r.intensity === 'unknown' ? r.reason.code : r.row.id).toBe('regimen.unit-not-comparable');
  });

  it('tinzaparin 4500 IU once daily is prophylactic; 175 IU/kg once daily therapeutic; twice daily is not in the table', () => {
    expect(regimenIntensity(input('tinzaparin', 4500, '[iU]', ONCE_DAILY)).intensity).toBe('prophylactic');
    expect(regimenIntensity(input('tinzaparin', 175, '[iU]/kg', ONCE_DAILY)).intensity).toBe('therapeutic');
    const twice = regimenIntensity(input('tinzaparin', 4500, '[iU]', TWICE_DAILY));
    expect(twice.intensity === 'unknown' ? twice.reason.code : twice.row.id).toBe('regimen.frequency-not-in-table');
  });

  it('nadroparin 2850 IU once daily is the labelled fixed prophylactic dose, with the SmPC as its source', () => {
    const r = regimenIntensity(input('nadroparin', 2850, '[iU]', ONCE_DAILY));
    expect(r.intensity).toBe('prophylactic');
    if (r.intensity === 'unknown') throw new Error('unexpected');
    expect(r.row.source).toBe('fraxiparine-smpc');
  });

  it('nadroparin 0.3 mL of 9500 IU/mL (volume converted by the dose normalisation) is 2850 IU: prophylactic', () => {
    const dose = readDoseQuantity({ value: 0.3, code: 'mL', system: UCUM }, { value: 9500, unit: 'IU/mL', original: '9500 [iU] / 1 mL' });
    const r = regimenIntensity({ drug: 'nadroparin', dose, frequency: readFrequency(ONCE_DAILY) });
    expect(r.intensity).toBe('prophylactic');
  });

  it('nadroparin 0.3 mL without a concentration has no readable dose: unknown', () => {
    const dose = readDoseQuantity({ value: 0.3, code: 'mL', system: UCUM }, undefined);
    const r = regimenIntensity({ drug: 'nadroparin', dose, frequency: readFrequency(ONCE_DAILY) });
    expect(r.intensity === 'unknown' ? r.reason.code : r.row.id).toBe('regimen.dose-unknown');
  });

  it('an enoxaparin dose every 8 h is not a regimen in the table', () => {
    const r = regimenIntensity(input('enoxaparin', 40, 'mg', EVERY_8H));
    expect(r.intensity === 'unknown' ? r.reason : undefined).toEqual({ code: 'regimen.frequency-not-in-table', params: { drug: 'enoxaparin', intervalHours: 8 } });
  });

  it('certoparin and unfractionated heparin have no row in the table: unknown', () => {
    expect(regimenIntensity(input('certoparin', 3000, '[iU]', ONCE_DAILY)).intensity).toBe('unknown');
    const ufh = regimenIntensity(input('heparin', 5000, '[iU]', TWICE_DAILY));
    expect(ufh.intensity === 'unknown' ? ufh.reason.code : '').toBe('regimen.drug-not-in-table');
  });

  it('a frequency written only as text leaves the intensity unknown', () => {
    const r = regimenIntensity(input('enoxaparin', 40, 'mg', { code: { text: 'at night' } }));
    expect(r.intensity === 'unknown' ? r.reason.code : '').toBe('regimen.frequency-unknown');
  });

  it('an implausible weight is not used to match a weight-adjusted regimen', () => {
    const r = regimenIntensity(input('enoxaparin', 80, 'mg', TWICE_DAILY, { weight: weight(8) }));
    expect(r.intensity === 'unknown' ? r.reason.code : '').toBe('regimen.weight-not-usable');
  });

  it('a fixed regimen ignores the weight: 40 mg once daily at 120 kg is still prophylactic by regimen', () => {
    expect(regimenIntensity(input('enoxaparin', 40, 'mg', ONCE_DAILY, { weight: weight(120) })).intensity).toBe('prophylactic');
  });

  it('the table has one row per regimen, each with its reference, source and verification', () => {
    const keys = REGIMEN_TABLE.map((r) => `${r.drug}|${r.dose.value}|${r.dose.unit}|${r.dose.perKg}|${r.intervalHours}`);
    expect(new Set(keys).size).toBe(REGIMEN_TABLE.length);
    expect(new Set(REGIMEN_TABLE.map((r) => r.id)).size).toBe(REGIMEN_TABLE.length);
    for (const r of REGIMEN_TABLE) expect(r.reference).toBe('9.1');
    expect(REGIMEN_MATCH_TOLERANCE.label).toBe('app-choice');
  });

  it('guideline intervals: 12 h prophylactic, 24 h therapeutic, 24 h intermediate and unknown as app choices', () => {
    expect(guidelineIntervalFor('prophylactic').hours).toBe(12);
    expect(guidelineIntervalFor('therapeutic').hours).toBe(24);
    expect(guidelineIntervalFor('intermediate').basis).toBe('app-conservative-intermediate');
    expect(guidelineIntervalFor('unknown').basis).toBe('app-conservative-unknown');
  });
});
