import { beforeAll, describe, expect, it } from 'vitest';
import { effectiveText, readEffective, readResultTime, sourceOf } from './observation';
import { normaliseDdimer } from './ddimer';
import { loadUnitConverter, type UnitConverter } from './ucum';

const ZONE = 'Europe/London';
const obs = (extra: Record<string, unknown>): Record<string, unknown> => ({ resourceType: 'Observation', id: 'o1', status: 'final', ...extra });

describe('result time: effective[x], else issued (report time) only when there is no effective[x]', () => {
  it('effectiveDateTime is the result time, from effective; issued is ignored', () => {
    const o = obs({ effectiveDateTime: '2026-04-03T08:30:00Z', issued: '2026-04-04T10:00:00Z' });
    const t = readResultTime(o, ZONE);
    expect(t?.from).toBe('effective');
    expect(new Date(t!.time.start).toISOString()).toBe('2026-04-03T08:30:00.000Z');
    expect(effectiveText(o)).toBe('2026-04-03T08:30:00Z');
  });
  it('effectivePeriod.start, else .end', () => {
    expect(readEffective(obs({ effectivePeriod: { end: '2026-04-03' } }), ZONE)?.original).toBe('2026-04-03');
  });
  it('no effective[x]: issued, from issued, and the source says its date is the report time', () => {
    const o = obs({ issued: '2026-11-01T09:00:00.000+00:00' });
    const t = readResultTime(o, ZONE);
    expect(t?.from).toBe('issued');
    expect(new Date(t!.time.start).toISOString()).toBe('2026-11-01T09:00:00.000Z');
    expect(readEffective(o, ZONE)?.original).toBe('2026-11-01T09:00:00.000+00:00');
    expect(effectiveText(o)).toBe('2026-11-01T09:00:00.000+00:00');
    expect(sourceOf(o, effectiveText(o), undefined)).toMatchObject({ date: '2026-11-01T09:00:00.000+00:00', dateFrom: 'issued' });
  });
  it('an effective time is not marked as a report time, even when issued is the same instant', () => {
    const o = obs({ effectiveDateTime: '2026-11-01T09:00:00.000+00:00', issued: '2026-11-01T09:00:00.000+00:00' });
    expect(sourceOf(o, effectiveText(o), undefined).dateFrom).toBeUndefined();
  });
  it('an unreadable effective[x] is not replaced by issued (the record states a time we cannot read)', () => {
    const cases: [Record<string, unknown>, string | undefined][] = [
      [{ effectiveDateTime: 'yesterday' }, 'yesterday'],
      [{ effectivePeriod: {} }, undefined],
      [{ effectiveTiming: { event: ['2026-04-03'] } }, undefined],
      [{ effectiveInstant: 42 }, undefined],
    ];
    for (const [extra, asWritten] of cases) {
      const o = obs({ ...extra, issued: '2026-11-01T09:00:00Z' });
      expect(readResultTime(o, ZONE), JSON.stringify(extra)).toBeUndefined();
      expect(effectiveText(o), JSON.stringify(extra)).toBe(asWritten);
    }
  });
  it('neither effective[x] nor a readable issued: no time', () => {
    expect(readResultTime(obs({}), ZONE)).toBeUndefined();
    expect(readResultTime(obs({ issued: 'soon' }), ZONE)).toBeUndefined();
    expect(effectiveText(obs({}))).toBeUndefined();
  });
});

describe('callers: D-dimer keeps an issued-only result with the report-time label on its source', () => {
  let units: UnitConverter;
  beforeAll(async () => {
    units = await loadUnitConverter();
  });
  it('D-dimer 0.62 mg/L FEU with only issued is a result timed at issued, its source date labelled', () => {
    const o: fhir4.Observation = {
      resourceType: 'Observation',
      id: 'dd-issued',
      status: 'amended',
      code: { coding: [{ system: 'http://loinc.org', code: '48065-7' }] },
      issued: '2026-11-01T09:00:00.000+00:00',
      valueQuantity: { value: 0.62, unit: 'mg/L', system: 'http://unitsofmeasure.org', code: 'mg/L' },
    };
    const out = normaliseDdimer(o, units, ZONE);
    if (out.kind !== 'result') throw new Error(`excluded: ${out.exclusion.reason}`);
    expect(out.result.status).toBe('amended');
    expect(new Date(out.result.time.start).toISOString()).toBe('2026-11-01T09:00:00.000Z');
    expect(out.result.source).toMatchObject({ date: '2026-11-01T09:00:00.000+00:00', dateFrom: 'issued' });
  });
});
