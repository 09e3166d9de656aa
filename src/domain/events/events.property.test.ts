import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventsFromRecord } from './events';
import { nowMs, numbersIn, resource, zone } from '../../../test/support/eventArbitraries';

const EXCLUDED = ['entered-in-error', 'cancelled', 'revoked', 'noshow', 'not-done'];

describe('eventsFromRecord on random and malformed records (property)', () => {
  it('never throws, never yields NaN/Infinity, never shows an unknown event as known', () => {
    let fed = 0;
    fc.assert(
      fc.property(fc.array(resource, { minLength: 3, maxLength: 8 }), nowMs, zone, (resources, now, z) => {
        fed += resources.length;
        const r = eventsFromRecord(resources, now, z);
        expect(numbersIn(r).every(Number.isFinite)).toBe(true);
        const all = [...r.planned, ...r.past];
        expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
        for (const e of all) {
          expect(e.sources.length).toBeGreaterThan(0);
          // 'other' exactly when nothing was recognised; a known class always says what matched.
          expect(e.class === 'other').toBe(e.recognisedBy === 'unrecognised');
          if (e.recognisedBy !== 'unrecognised') expect(e.matched.by === 'text' ? e.matched.text.length > 0 : e.matched.by === 'code' && ['SNOMED', 'ICD-10-PCS', 'CPT', 'LOINC'].includes(e.matched.system)).toBe(true);
          // An unset date is never invented.
          expect(e.when === undefined).toBe(e.timing === 'date-not-set');
          expect(e.when === undefined).toBe(e.timeSource === undefined);
          if (e.when) expect(e.when.end).toBeGreaterThan(e.when.start);
          // A past event list only holds recognised, performed events.
          if (!e.planned) expect(e.class).not.toBe('other');
        }
        // Records with an excluding status never feed an event.
        const excludedKeys = resources.flatMap((x) =>
          typeof x === 'object' && x !== null && EXCLUDED.includes((x as { status?: unknown }).status as string) ? [x] : [],
        );
        const usedIds = new Set(all.flatMap((e) => e.sources.map((s) => `${s.resourceType}/${s.id}`)));
        for (const x of excludedKeys) {
          const { resourceType, id } = x as { resourceType?: unknown; id?: unknown };
          if (typeof id === 'string' && id.trim() !== '' && ['Procedure', 'ServiceRequest', 'Appointment', 'Encounter'].includes(resourceType as string)) {
            const sameKey = resources.filter((y) => (y as { id?: unknown; resourceType?: unknown })?.id === id && (y as { resourceType?: unknown }).resourceType === resourceType);
            if (sameKey.length === 1) expect(usedIds.has(`${resourceType as string}/${id}`)).toBe(false);
          }
        }
      }),
      { numRuns: 2000, seed: 20261125 },
    );
    expect(fed).toBeGreaterThanOrEqual(10_000);
  }, 120_000);

  it('accepts non-arrays and non-objects without throwing', () => {
    fc.assert(
      fc.property(fc.anything(), nowMs, zone, (junk, now, z) => {
        const r = eventsFromRecord(junk as unknown[], now, z);
        expect(Array.isArray(r.planned) && Array.isArray(r.past) && Array.isArray(r.exclusions)).toBe(true);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
