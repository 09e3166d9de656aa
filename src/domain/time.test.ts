import { describe, expect, it, vi } from 'vitest';
import { DateTime, IANAZone } from 'luxon';
import { luxonZone, parseFhirDate, startOfDay, toIsoInZone, addCalendarDays, DAY_MS } from './time';

describe('parseFhirDate', () => {
  it('reads an instant with an explicit offset as that instant', () => {
    const m = parseFhirDate('2026-04-03T08:30:00+01:00', 'America/New_York');
    expect(m?.start).toBe(Date.UTC(2026, 3, 3, 7, 30));
    expect(m?.offset).toBe('explicit');
    expect(m?.precision).toBe('second');
  });
  it('reads Z as UTC', () => {
    expect(parseFhirDate('2026-04-03T08:30:00Z', 'Europe/London')?.start).toBe(Date.UTC(2026, 3, 3, 8, 30));
  });
  it('a date-only value spans the whole day in the facility zone', () => {
    const m = parseFhirDate('2026-04-03', 'Europe/Berlin');
    expect(m?.precision).toBe('day');
    expect(m?.offset).toBe('assumed');
    expect(m?.start).toBe(Date.UTC(2026, 3, 2, 22, 0)); // 00:00 CEST
    expect(m?.end).toBe(Date.UTC(2026, 3, 3, 22, 0));
  });
  it('a date-time without an offset is read in the facility zone and marked assumed', () => {
    const m = parseFhirDate('2026-01-10T09:00', 'Asia/Tokyo');
    expect(m?.start).toBe(Date.UTC(2026, 0, 10, 0, 0));
    expect(m?.offset).toBe('assumed');
    expect(m?.precision).toBe('minute');
  });
  it('keeps year and month precision', () => {
    expect(parseFhirDate('2026', 'UTC')?.precision).toBe('year');
    const m = parseFhirDate('2024-02', 'UTC');
    expect(m?.precision).toBe('month');
    expect((m!.end - m!.start) / DAY_MS).toBe(29); // leap February
  });
  it.each([['2026-02-30'], ['2026-13-01'], ['not a date'], [''], ['0001-01-01'], ['2026-04-03T25:00:00Z'], ['03/04/2026']])(
    'rejects %s',
    (s) => expect(parseFhirDate(s, 'UTC')).toBeUndefined(),
  );
  it.each([[null], [undefined], [42], [{}], [[]]])('rejects non-strings (%s)', (v) => expect(parseFhirDate(v, 'UTC')).toBeUndefined());
  it('falls back to UTC for an unknown zone instead of throwing', () => {
    expect(parseFhirDate('2026-04-03', 'Mars/Olympus')?.start).toBe(Date.UTC(2026, 3, 3));
  });
});

describe('instants for <time datetime>', () => {
  it('gives ISO with offset', () => expect(toIsoInZone(Date.UTC(2026, 3, 3, 7, 30), 'Europe/London')).toBe('2026-04-03T08:30:00.000+01:00'));
});

describe('zone arithmetic', () => {
  it('start of day across DST (Europe/London, 29 Mar 2026 is 23 h long)', () => {
    const noon = Date.UTC(2026, 2, 29, 11, 0);
    expect(startOfDay(noon, 'Europe/London')).toBe(Date.UTC(2026, 2, 29, 0, 0));
    expect(addCalendarDays(startOfDay(noon, 'Europe/London'), 1, 'Europe/London') - startOfDay(noon, 'Europe/London')).toBe(23 * 3_600_000);
  });
});

describe('luxonZone (an IANA zone that remembers offsets)', () => {
  // Around both 2026 DST changes in London and New York, a half-hour zone and a zone without DST.
  const instants = ['2026-03-29T00:30:00Z', '2026-03-29T01:00:00Z', '2026-03-29T01:30:00Z', '2026-10-25T00:59:59Z', '2026-10-25T01:00:00Z', '2026-03-08T06:59:00Z', '2026-03-08T07:00:00Z', '2026-11-01T05:30:00Z', '1900-01-01T00:00:00Z'].map((x) => Date.parse(x));
  it.each(['Europe/London', 'America/New_York', 'Asia/Kolkata', 'Australia/Adelaide', 'Europe/Moscow'])('%s: the same offsets, ISO strings, formats and local dates as Luxon\'s own zone', (name) => {
    const plain = IANAZone.create(name);
    const remembering = luxonZone(name);
    expect(remembering.type).toBe('iana');
    expect(remembering.name).toBe(name);
    expect(remembering.equals(plain)).toBe(true);
    for (const ts of instants) {
      expect(remembering.offset(ts)).toBe(plain.offset(ts));
      const a = DateTime.fromMillis(ts, { zone: remembering, locale: 'ru' });
      const b = DateTime.fromMillis(ts, { zone: plain, locale: 'ru' });
      expect(a.toISO()).toBe(b.toISO());
      expect(a.toFormat('d LLL yyyy HH:mm ZZZZ')).toBe(b.toFormat('d LLL yyyy HH:mm ZZZZ'));
      expect(a.toLocaleString(DateTime.DATETIME_FULL)).toBe(b.toLocaleString(DateTime.DATETIME_FULL));
      const local = { year: a.year, month: a.month, day: a.day, hour: a.hour, minute: a.minute };
      expect(DateTime.fromObject(local, { zone: remembering }).toMillis()).toBe(DateTime.fromObject(local, { zone: plain }).toMillis());
      expect(a.startOf('day').toMillis()).toBe(b.startOf('day').toMillis());
    }
  });

  it('works each instant out once, and a name that is not a zone is UTC', () => {
    const zone = luxonZone('Pacific/Chatham');
    const spy = vi.spyOn(IANAZone.prototype, 'offset');
    const ts = Date.parse('2026-07-01T12:00:00Z');
    for (let i = 0; i < 5; i++) DateTime.fromMillis(ts, { zone });
    expect(spy.mock.calls.filter(([t]) => t === ts)).toHaveLength(1);
    spy.mockRestore();
    expect(luxonZone('Not/AZone').name).toBe('UTC');
    // Names Luxon reads itself stay as it reads them: 'UTC' is its fixed zone, written "Z".
    expect(DateTime.fromMillis(ts, { zone: luxonZone('UTC') }).toISO()).toBe(DateTime.fromMillis(ts, { zone: 'UTC' }).toISO());
    expect(luxonZone('Europe/London')).toBe(luxonZone('Europe/London'));
  });
});
