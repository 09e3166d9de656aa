import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTableConverter, loadUnitConverter, parseUnit, UNIT_TABLE, type UnitConverter } from './ucum';

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
  const notConvertible = (from: string, to: string) => ({ code: 'lab.unit-not-convertible', params: { from: { kind: 'unit', code: from }, to: { kind: 'unit', code: to } } });
  it.each<[number, string, string, unknown]>([
    [1, 's', 'ng/mL', notConvertible('s', 'ng/mL')],
    [1, 'mcg/mL', 'ng/mL', notConvertible('mcg/mL', 'ng/mL')],
    [1, 'mg/L FEU', 'ng/mL', { code: 'lab.unit-not-ucum', params: { written: 'mg/L FEU', type: 'string' } }],
    [NaN, 'mg/L', 'ng/mL', { code: 'lab.value-not-finite' }],
    [1e308, 'mg/L', 'ng/mL', notConvertible('mg/L', 'ng/mL')],
  ])('%s %s to %s is unknown, with a reason code', (v, from, to, reason) => expect(units.convert(v, from, to)).toEqual({ known: false, reason }));
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

describe('the table converter (records read without loading UCUM)', () => {
  const tableUnits = [...UNIT_TABLE.keys()];
  const samples = [0, 1, -1, 0.62, 1.2, 250, 350, 121, 0.0001, 12.5, 4999.5, 1e6, 3.14159, 987654.321];

  it('every unit of the table is valid UCUM', () => {
    for (const u of tableUnits) expect(units.isValid(u), u).toBe(true);
  });

  it('answers every pair of table units exactly as UCUM does, or says it needs the library', () => {
    for (const from of tableUnits) {
      for (const to of tableUnits) {
        for (const v of samples) {
          const table = createTableConverter();
          const answer = table.convert(v, from, to);
          if (table.missed) continue;
          expect(answer, `${v} ${from} -> ${to}`).toEqual(units.convert(v, from, to));
        }
      }
    }
  });

  it('converts inside each group without the library', () => {
    const table = createTableConverter();
    expect(table.convert(0.62, 'mg/L', 'ng/mL')).toEqual({ known: true, value: 620 });
    expect(table.convert(250, '10*3/uL', '10*9/L')).toEqual({ known: true, value: 250 });
    expect(table.convert(121, 'g/L', 'g/dL')).toEqual({ known: true, value: 12.1 });
    expect(table.convert(1, 's', 's')).toEqual({ known: true, value: 1 });
    expect(table.isValid('{INR}')).toBe(true);
    expect(table.missed).toBe(false);
  });

  it('agrees with UCUM on random lab values and random pairs of table units', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e7, max: 1e7, noNaN: true }), fc.constantFrom(...tableUnits), fc.constantFrom(...tableUnits), (v, from, to) => {
        const table = createTableConverter();
        const answer = table.convert(v, from, to);
        if (!table.missed) expect(answer).toEqual(units.convert(v, from, to));
      }),
      { numRuns: 2000 },
    );
  });

  it('a unit outside the table is not judged: the answer is provisional and the library is needed', () => {
    const table = createTableConverter();
    expect(table.isValid('mg/mmol')).toBe(false);
    expect(table.missed).toBe(true);
    const other = createTableConverter();
    expect(other.convert(1, 'min', 's').known).toBe(false);
    expect(other.missed).toBe(true);
    expect(units.convert(1, 'min', 's')).toEqual({ known: true, value: 60 });
  });

  it('values with more than 10 significant digits go to the library', () => {
    const table = createTableConverter();
    expect(table.convert(1.23456789012, 'mg/L', 'ng/mL').known).toBe(false);
    expect(table.missed).toBe(true);
  });
});
