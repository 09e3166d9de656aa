import { beforeAll, describe, expect, it } from 'vitest';
import { loadUnitConverter, parseUnit, type UnitConverter } from './ucum';

let units: UnitConverter;
beforeAll(async () => {
  units = await loadUnitConverter();
});

describe('UCUM conversion', () => {
  it.each<[number, string, string, number]>([
    [0.62, 'mg/L', 'ng/mL', 620],
    [1.2, 'ug/mL{FEU}', 'ng/mL', 1200],
    [350, 'mg/dL', 'g/L', 3.5],
    [250, '10*3/uL', '10*9/L', 250],
    [121, 'g/L', 'g/dL', 12.1],
  ])('%s %s is %s %s', (v, from, to, expected) => expect(units.convert(v, from, to)).toEqual({ known: true, value: expected }));
  it.each<[number, string, string]>([
    [1, 's', 'ng/mL'],
    [1, 'mcg/mL', 'ng/mL'],
    [1, 'mg/L FEU', 'ng/mL'],
    [NaN, 'mg/L', 'ng/mL'],
    [1e308, 'mg/L', 'ng/mL'],
  ])('%s %s to %s is unknown, with a reason', (v, from, to) => expect(units.convert(v, from, to)).toEqual({ known: false, reason: expect.any(String) }));
  it('loading twice gives the same converter', async () => expect(await loadUnitConverter()).toBe(units));
});

describe('unit spellings and FEU/DDU labels', () => {
  it.each<[string, string, 'FEU' | 'DDU' | undefined, 'annotation' | 'unit-text' | undefined, boolean]>([
    ['ng/mL{FEU}', 'ng/mL', 'FEU', 'annotation', false],
    ['ug/mL{DDU}', 'ug/mL', 'DDU', 'annotation', false],
    ['ng/mL FEU', 'ng/mL', 'FEU', 'unit-text', true],
    ['mg/L FEU', 'mg/L', 'FEU', 'unit-text', true],
    ['ng/mL DDU', 'ng/mL', 'DDU', 'unit-text', true],
    ['ug FEU/mL', 'ug/mL', 'FEU', 'unit-text', true],
    ['mg/L (FEU)', 'mg/L', 'FEU', 'unit-text', true],
    ['mcg/mL', 'ug/mL', undefined, undefined, true],
    ['\u00b5g/mL', 'ug/mL', undefined, undefined, true],
    ['\u03bcg/mL', 'ug/mL', undefined, undefined, true],
    ['ng/ml', 'ng/mL', undefined, undefined, true],
    ['mg/l', 'mg/L', undefined, undefined, true],
    ['ug/l', 'ug/L', undefined, undefined, true],
    ['IU/mL', '[iU]/mL', undefined, undefined, true],
    ['mg/L', 'mg/L', undefined, undefined, false],
  ])('%s reads as %s', (text, ucum, unitType, from, labelled) => {
    const p = parseUnit(text);
    expect(p.known && p.value.ucum).toBe(ucum);
    expect(p.known && p.value.unitType).toBe(unitType);
    expect(p.known && p.value.unitTypeFrom).toBe(from);
    expect(p.known && p.value.nonUcumSpelling !== undefined).toBe(labelled);
  });
  it.each([[''], ['   '], [null], [42], ['ng/mL FEU DDU'], ['{FEU}']])('%s is unknown', (text) => expect(parseUnit(text).known).toBe(false));
});
