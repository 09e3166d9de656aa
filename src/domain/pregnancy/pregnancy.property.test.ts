import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nowMs, numbersIn, resource, zone } from '../../../test/support/eventArbitraries';
import { pregnanciesFromRecord } from './pregnancies';
import { gaWeeksFloat, gestationalAge, instantForGa } from './gestationalAge';

const DATING_LOINC = ['11778-8', '11779-6', '11780-4', '8665-2', '11884-4', '11885-1', '18185-9', '49051-6', '11887-7', '11888-5'];

describe('pregnanciesFromRecord on random and malformed records (property)', () => {
  it('never throws, never yields NaN/Infinity, never dates a pregnancy from nothing', () => {
    let fed = 0;
    fc.assert(
      fc.property(fc.array(resource, { minLength: 3, maxLength: 8 }), nowMs, zone, (resources, now, z) => {
        fed += resources.length;
        const t = pregnanciesFromRecord(resources, now, z);
        expect(numbersIn(t).every(Number.isFinite)).toBe(true);
        if (t.pregnancies.length === 0) {
          expect(t.reasonIfNone?.code).toBe('pregnancy.no-dating');
          expect(t.currentIndex).toBeUndefined();
        } else {
          expect(t.currentIndex).toBeGreaterThanOrEqual(0);
          expect(t.currentIndex).toBeLessThan(t.pregnancies.length);
        }
        for (const p of t.pregnancies) {
          expect(p.eddDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(p.startMs).toBeLessThanOrEqual(p.endMs);
          for (const d of p.dating.all) {
            // Every dating names a record that is in the input and carries a dating code or a transfer.
            expect(['Observation', 'Procedure']).toContain(d.source.resourceType);
            if (d.method === 'ivf-transfer') expect(d.description).toMatchObject({ code: 'pregnancy.dating.transfer', params: { embryoDay: expect.any(Number) } });
            else expect(DATING_LOINC.some((c) => d.source.matchedBy?.by === 'code' && d.source.matchedBy.system === 'LOINC' && d.source.matchedBy.code === c)).toBe(true);
            const inInput = resources.some((r) => typeof r === 'object' && r !== null && (r as { resourceType?: unknown }).resourceType === d.source.resourceType && (r as { id?: unknown }).id === d.source.id);
            expect(d.source.id === undefined || inInput).toBe(true);
          }
          const g = gestationalAge(p, p.eddMs, z);
          if (g.known) expect([g.value.weeks, g.value.days]).toEqual([40, 0]);
        }
      }),
      { numRuns: 2000, seed: 42 },
    );
    expect(fed).toBeGreaterThanOrEqual(10_000);
  }, 120_000);
});

describe('gestational-age functions on arbitrary numbers (property)', () => {
  const anyNumber = fc.oneof(fc.double(), fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2035, 0, 1) }), fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, -1));
  it('known results are whole weeks 0-45 and days 0-6; everything else is unknown with a reason', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, zone, fc.integer({ min: -2, max: 50 }), fc.integer({ min: -2, max: 8 }), (edd, at, z, w, d) => {
        const g = gestationalAge(edd, at, z);
        if (g.known) {
          expect(Number.isInteger(g.value.weeks) && g.value.weeks >= 0 && g.value.weeks <= 45).toBe(true);
          expect(Number.isInteger(g.value.days) && g.value.days >= 0 && g.value.days <= 6).toBe(true);
          expect(g.value.totalDays).toBe(g.value.weeks * 7 + g.value.days);
        } else expect(typeof g.reason === 'object' && g.reason.code.startsWith('pregnancy.')).toBe(true);
        const f = gaWeeksFloat(edd, at, z);
        expect(f === undefined || Number.isFinite(f)).toBe(true);
        if (g.known && f !== undefined) expect(Math.floor(f * 7 + 1e-9)).toBe(g.value.totalDays);
        const i = instantForGa(edd, w, d, z);
        expect(i === undefined || Number.isFinite(i)).toBe(true);
        if (i !== undefined) {
          const back = gestationalAge(edd, i, z);
          expect(back.known && back.value.totalDays).toBe(w * 7 + d);
        }
      }),
      { numRuns: 1500, seed: 3 },
    );
  }, 120_000);
});
