import { describe, expect, it } from 'vitest';
import { pregnanciesFromRecord } from './pregnancies';
import { datingBasis, gaWeeksFloat, gestationalAge, instantForGa, trimesterOf, datingStatement } from './gestationalAge';
import { dateParam, reasonParam } from '../reasons';
import { birth, edd, lmp, transfer, embryoAge, utc } from '../../../test/support/pregnancyBuilders';
import type { Pregnancy } from './pregnancyTypes';

const NOW = utc('2026-09-12T10:00:00Z');

function pregnancyOf(resources: fhir4.Resource[], zone: string, now = NOW): Pregnancy {
  const t = pregnanciesFromRecord(resources, now, zone);
  expect(t.currentIndex).toBeDefined();
  return t.pregnancies[t.currentIndex!]!;
}

/** "22w 2d" (weeks and completed days as the UI writes them in English), or "unknown: <reason code>". */
const gaText = (basis: Parameters<typeof gestationalAge>[0], at: number, zone: string): string => {
  const g = gestationalAge(basis, at, zone);
  return g.known ? `${g.value.weeks}w ${g.value.days}d` : `unknown: ${typeof g.reason === 'string' ? g.reason : g.reason.code}`;
};
const unknownReason = (basis: Parameters<typeof gestationalAge>[0], at: number, zone: string) => {
  const g = gestationalAge(basis, at, zone);
  return g.known ? undefined : g.reason;
};

describe('gestational age from the different dating methods', () => {
  const zone = 'Europe/London';
  it.each([
    ['recorded EDD 14 Jan 2027', [edd('e', '2027-01-14', '2026-06-03')], '2026-09-12T10:00:00Z', '22w 2d', 'edd'],
    ['LMP 1 Apr 2026 (EDD 6 Jan 2027)', [lmp('l', '2026-04-01', '2026-05-01')], '2026-09-12T10:00:00Z', '23w 3d', 'lmp'],
    ['day-5 transfer on 1 May 2026: 2w 5d on the transfer day', [transfer('t', '2026-05-01'), embryoAge('a', 't', 5)], '2026-05-01T12:00:00Z', '2w 5d', 'ivf-transfer'],
    ['day-3 transfer on 1 May 2026: 2w 3d on the transfer day', [transfer('t', '2026-05-01'), embryoAge('a', 't', 3)], '2026-05-01T12:00:00Z', '2w 3d', 'ivf-transfer'],
    ['day-5 transfer 1 May 2026 is 21w 6d on 12 Sep 2026', [transfer('t', '2026-05-01'), embryoAge('a', 't', 5)], '2026-09-12T10:00:00Z', '21w 6d', 'ivf-transfer'],
    ['day-3 transfer 1 May 2026 is 21w 4d on 12 Sep 2026', [transfer('t', '2026-05-01'), embryoAge('a', 't', 3)], '2026-09-12T10:00:00Z', '21w 4d', 'ivf-transfer'],
  ])('%s', (_name, resources, at, expected, method) => {
    const p = pregnancyOf(resources as fhir4.Resource[], zone, utc(at));
    expect(p.dating.chosen.method).toBe(method);
    expect(gaText(p, utc(at), zone)).toBe(expected);
  });

  it('day-5 and day-3 transfers on the same day give EDDs 2 days apart (17 vs 19 Jan 2027)', () => {
    const d5 = pregnancyOf([transfer('t', '2026-05-01'), embryoAge('a', 't', 5)], zone);
    const d3 = pregnancyOf([transfer('t', '2026-05-01'), embryoAge('a', 't', 3)], zone);
    expect(d5.eddDate).toBe('2027-01-17');
    expect(d3.eddDate).toBe('2027-01-19');
  });
});

describe('trimesters and weeks', () => {
  it.each([
    [0, 'first', 0, 0],
    [97, 'first', 13, 6],
    [98, 'second', 14, 0],
    [195, 'second', 27, 6],
    [196, 'third', 28, 0],
    [247, 'third', 35, 2],
  ] as const)('%i days is %s trimester, %i weeks %i days', (totalDays, trimester, weeks, days) => {
    expect(trimesterOf(totalDays)).toBe(trimester);
    const g = gestationalAge(utc('2027-01-14T00:00:00Z'), utc('2026-04-09T00:00:00Z') + totalDays * 86_400_000, 'UTC');
    expect(g.known && [g.value.weeks, g.value.days, g.value.totalDays, g.value.trimester]).toEqual([weeks, days, totalDays, trimester]);
  });

  it('EDD 14 Jan 2027: 14w 0d on 16 Jul 2026 (second trimester starts), 28w 0d on 22 Oct 2026 (third)', () => {
    const p = pregnancyOf([edd('e', '2027-01-14', '2026-06-03')], 'UTC');
    const a = gestationalAge(p, utc('2026-07-16T00:00:00Z'), 'UTC');
    const b = gestationalAge(p, utc('2026-07-15T23:59:00Z'), 'UTC');
    const c = gestationalAge(p, utc('2026-10-22T08:00:00Z'), 'UTC');
    expect(a.known && [a.value.weeks, a.value.days, a.value.trimester]).toEqual([14, 0, 'second']);
    expect(b.known && [b.value.weeks, b.value.days, b.value.trimester]).toEqual([13, 6, 'first']);
    expect(c.known && [c.value.weeks, c.value.days, c.value.trimester]).toEqual([28, 0, 'third']);
  });
});

describe('leap years', () => {
  it('EDD 29 Feb 2028 starts on 25 May 2027 and is 40w 0d on 29 Feb 2028', () => {
    const p = pregnancyOf([edd('e', '2028-02-29', '2027-08-01')], 'UTC', utc('2027-10-01T00:00:00Z'));
    expect(p.eddDate).toBe('2028-02-29');
    expect(p.startMs).toBe(utc('2027-05-25T00:00:00Z'));
    expect(gaText(p, utc('2028-02-29T12:00:00Z'), 'UTC')).toBe('40w 0d');
    expect(gaText(p, utc('2028-02-28T12:00:00Z'), 'UTC')).toBe('39w 6d');
    expect(gaText(p, utc('2028-03-01T12:00:00Z'), 'UTC')).toBe('40w 1d');
  });
  it('LMP 24 May 2027 gives EDD 28 Feb 2028 (the leap day counts as a day)', () => {
    const p = pregnancyOf([lmp('l', '2027-05-24', '2027-07-01')], 'UTC', utc('2027-10-01T00:00:00Z'));
    expect(p.eddDate).toBe('2028-02-28');
  });
  it('an EDD of 29 Feb in a non-leap year is not a date and is excluded', () => {
    const t = pregnanciesFromRecord([edd('e', '2027-02-29', '2026-08-01')], NOW, 'UTC');
    expect(t.pregnancies).toHaveLength(0);
    expect(t.exclusions[0]?.reason).toMatchObject({ code: 'pregnancy.excluded.date-unreadable' });
  });
});

describe('time zones', () => {
  const resources = [edd('e', '2027-01-14', '2026-06-03')];
  const instant = utc('2026-09-12T13:00:00Z'); // 01:00 13 Sep in Auckland, 06:00 12 Sep in Los Angeles
  it('the same instant is 22w 3d in Pacific/Auckland and 22w 2d in America/Los_Angeles', () => {
    expect(gaText(pregnancyOf(resources, 'Pacific/Auckland'), instant, 'Pacific/Auckland')).toBe('22w 3d');
    expect(gaText(pregnancyOf(resources, 'America/Los_Angeles'), instant, 'America/Los_Angeles')).toBe('22w 2d');
  });
  it('a date-only EDD is 00:00 of that day in the facility zone', () => {
    expect(pregnancyOf(resources, 'Pacific/Auckland').eddMs).toBe(utc('2027-01-13T11:00:00Z')); // NZDT +13
    expect(pregnancyOf(resources, 'America/Los_Angeles').eddMs).toBe(utc('2027-01-14T08:00:00Z')); // PST -8
  });
  it('an EDD written as midnight UTC keeps its written day in Los Angeles (not the day before)', () => {
    const p = pregnancyOf([edd('e', '2027-01-14T00:00:00Z', '2026-06-03')], 'America/Los_Angeles');
    expect(p.eddDate).toBe('2027-01-14');
  });
  it('a pregnancy computed in one zone keeps its calendar EDD when read in another', () => {
    const p = pregnancyOf(resources, 'Pacific/Auckland');
    expect(gaText(p, instant, 'America/Los_Angeles')).toBe('22w 2d');
  });
});

describe('DST weeks (America/Los_Angeles)', () => {
  const zone = 'America/Los_Angeles';
  it('23:30 on the 25-hour day DST ends (1 Nov 2026) is still the same GA day as 00:30', () => {
    const p = pregnancyOf([edd('e', '2027-01-14', '2026-06-03')], zone);
    expect(gaText(p, utc('2026-11-01T07:30:00Z'), zone)).toBe('29w 3d'); // 00:30 PDT
    expect(gaText(p, utc('2026-11-02T07:30:00Z'), zone)).toBe('29w 3d'); // 23:30 PST
    expect(gaText(p, utc('2026-11-02T08:00:00Z'), zone)).toBe('29w 4d'); // 00:00 PST 2 Nov
  });
  it('00:30 the day after DST starts (9 Mar 2026) counts a full new day', () => {
    const p = pregnancyOf([lmp('l', '2026-02-01', '2026-02-20')], zone, utc('2026-03-09T07:30:00Z'));
    expect(gaText(p, utc('2026-03-09T07:30:00Z'), zone)).toBe('5w 1d'); // 00:30 PDT 9 Mar
    expect(gaText(p, utc('2026-03-09T06:30:00Z'), zone)).toBe('5w 0d'); // 23:30 PDT 8 Mar
  });
  it('gaWeeksFloat agrees with the completed days across DST changes', () => {
    const p = pregnancyOf([edd('e', '2027-01-14', '2026-06-03')], zone);
    for (const iso of ['2026-11-01T07:30:00Z', '2026-11-02T07:30:00Z', '2026-11-02T08:00:00Z', '2026-09-12T10:00:00Z']) {
      const g = gestationalAge(p, utc(iso), zone);
      const w = gaWeeksFloat(p, utc(iso), zone)!;
      expect(g.known && Math.floor(w * 7 + 1e-9)).toBe(g.known && g.value.totalDays);
    }
  });
});

describe('gaWeeksFloat and instantForGa', () => {
  const p = pregnancyOf([edd('e', '2027-01-14', '2026-06-03')], 'Europe/Berlin');
  it('noon on the day of 22w 2d is 22 + (2.5 / 7) weeks', () => {
    expect(gaWeeksFloat(p, utc('2026-09-12T10:00:00Z'), 'Europe/Berlin')).toBeCloseTo(22 + 2.5 / 7, 6);
  });
  it('is negative before the start and undefined for an invalid instant', () => {
    expect(gaWeeksFloat(p, utc('2026-04-01T10:00:00Z'), 'Europe/Berlin')).toBeLessThan(0);
    expect(gaWeeksFloat(p, Number.NaN, 'Europe/Berlin')).toBeUndefined();
  });
  it('instantForGa(36w 0d) is 00:00 Berlin of 17 Dec 2026 and round-trips', () => {
    const t = instantForGa(p, 36, 0, 'Europe/Berlin')!;
    expect(t).toBe(utc('2026-12-16T23:00:00Z'));
    expect(gaText(p, t, 'Europe/Berlin')).toBe('36w 0d');
    expect(gaText(p, t - 1, 'Europe/Berlin')).toBe('35w 6d');
    expect(instantForGa(p, 36, 0)).toBe(t); // the pregnancy's own zone by default
  });
  it.each([[-1, 0], [10, 7], [1.5, 0], [46, 0], [Number.NaN, 0]])('instantForGa(%s w, %s d) is undefined', (w, d) => {
    expect(instantForGa(p, w, d, 'Europe/Berlin')).toBeUndefined();
  });
});

describe('unknown gestational age is said to be unknown', () => {
  const zone = 'UTC';
  it('before the pregnancy start', () => {
    const p = pregnancyOf([edd('e', '2027-01-14', '2026-06-03')], zone);
    expect(unknownReason(p, utc('2026-04-08T12:00:00Z'), zone)).toEqual({ code: 'pregnancy.ga.before-start', params: { start: dateParam(utc('2026-04-09T00:00:00Z')) } });
  });
  it('after a recorded delivery', () => {
    const p = pregnancyOf([edd('e', '2027-01-14', '2026-06-03'), birth('cs', '2027-01-05T09:00:00Z')], zone, utc('2027-01-10T00:00:00Z'));
    expect(p.endReason).toBe('delivery');
    expect(gaText(p, utc('2027-01-05T12:00:00Z'), zone)).toBe('38w 5d');
    expect(unknownReason(p, utc('2027-01-06T12:00:00Z'), zone)).toEqual({ code: 'pregnancy.ga.after-delivery', params: { delivery: dateParam(utc('2027-01-05T09:00:00Z')) } });
  });
  it('more than 45 weeks after the start', () => {
    expect(gaText(utc('2027-01-14T00:00:00Z'), utc('2027-03-01T00:00:00Z'), zone)).toBe('unknown: pregnancy.ga.beyond-45-weeks');
  });
  it('an invalid instant or basis', () => {
    expect(gaText(utc('2027-01-14T00:00:00Z'), Number.POSITIVE_INFINITY, zone)).toBe('unknown: pregnancy.ga.no-valid-time');
    expect(gaText(Number.NaN, NOW, zone)).toBe('unknown: pregnancy.no-usable-edd');
  });
});

describe('dating statement', () => {
  it('names the method, the description and the source record', () => {
    const p = pregnancyOf([edd('edd-1', '2027-01-14', '2026-06-03')], 'UTC');
    const how = {
      code: 'pregnancy.dating-how',
      params: { method: reasonParam({ code: 'pregnancy.method.edd' }), description: reasonParam(p.dating.chosen.description), source: 'Observation/edd-1' },
    };
    expect(datingBasis(p, 'UTC')).toEqual(how);
    expect(datingStatement(p, 'UTC')).toEqual({ code: 'pregnancy.dated-by', params: { how: reasonParam(how) } });
    expect(p.dating.chosen.description).toEqual({
      code: 'pregnancy.dating.edd',
      params: { edd: dateParam(utc('2027-01-14T00:00:00Z')), recorded: dateParam(utc('2026-06-03T00:00:00Z')), hasRecorded: true },
    });
    const g = gestationalAge(p, NOW, 'UTC');
    expect(g.known && g.value.basis).toEqual(datingStatement(p, 'UTC'));
    expect(g.known && g.value.source?.id).toBe('edd-1');
  });
  it('a bare EDD instant says its source is not given', () => {
    expect(datingBasis(utc('2027-01-14T00:00:00Z'), 'UTC')).toEqual({ code: 'pregnancy.dating-edd-only', params: { edd: dateParam(utc('2027-01-14T00:00:00Z')), sourceGiven: false } });
  });
});
