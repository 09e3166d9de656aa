/**
 * Dates and instants. Every FHIR date is read into a FhirMoment: the instant range it denotes, its precision and
 * whether its offset was written or assumed. Deadlines are computed on epoch milliseconds; display is always in the
 * facility's time zone, with the offset, in a form that cannot be misread ("3 Apr 2026 08:30 (UTC+01:00)").
 * Luxon does the zone arithmetic (DST included); nothing here reads the machine's clock: pass a Clock.
 */
import { DateTime, FixedOffsetZone, IANAZone, Info, Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from 'luxon';

export type DatePrecision = 'year' | 'month' | 'day' | 'minute' | 'second';

export interface FhirMoment {
  /** The value as written in the resource. */
  original: string;
  precision: DatePrecision;
  /** Epoch ms of the start of what the value denotes (a date-only value: 00:00 that day in the zone used). */
  start: number;
  /** Epoch ms just after its end (exclusive): a date-only value ends at 00:00 the next day. */
  end: number;
  /**
   * 'explicit': the value carried Z or an offset. 'assumed': a date or a date-time without an offset, read in the
   * facility's time zone (shown as such).
   */
  offset: 'explicit' | 'assumed';
  /** The zone the value was read in when its offset was assumed (IANA name). */
  zone: string;
}

/** One injectable clock: the app and tests never read Date.now() directly. */
export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };
export const fixedClock = (ms: number): Clock => ({ now: () => ms });

const FHIR_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

// Luxon's IANAZone.isValidZone builds a new Intl.DateTimeFormat on every call (about 0.1 ms each), and every date
// read or formatted here checks its zone: the answers are cached. A process's zone database does not change while it
// runs. Bounded: the set is cleared if it ever holds more than ZONE_CACHE_MAX names (zones come from a setting).
const ZONE_CACHE_MAX = 64;
const zoneValidity = new Map<string, boolean>();

/** True when the string names a time zone Luxon (and so Intl) knows. */
export function isValidZone(zone: string): boolean {
  if (typeof zone !== 'string') return IANAZone.isValidZone(zone);
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    if (zoneValidity.size >= ZONE_CACHE_MAX) zoneValidity.clear();
    zoneValidity.set(zone, valid);
  }
  return valid;
}

/**
 * An IANA zone that remembers each instant's offset. Luxon's IANAZone works an offset out with Intl's formatToParts
 * for every DateTime it makes, and a record converts the same instants several times (a table cell, its `datetime`,
 * the gestational age on that day): at 5,000 results that was half a second of a launch. Same answers, asked once.
 * Luxon treats it as the IANA zone it wraps (type 'iana', same name), so Intl formatting is unchanged. Bounded: the
 * memory is cleared past OFFSET_CACHE_MAX instants.
 */
const OFFSET_CACHE_MAX = 20_000;
class RememberingZone extends Zone {
  private readonly offsets = new Map<number, number>();
  constructor(private readonly inner: IANAZone) {
    super();
  }
  override get type(): string {
    return 'iana';
  }
  override get name(): string {
    return this.inner.name;
  }
  get ianaName(): string {
    return this.inner.name;
  }
  override get isUniversal(): boolean {
    return false;
  }
  override get isValid(): boolean {
    return this.inner.isValid;
  }
  override offsetName(ts: number, opts: ZoneOffsetOptions): string | null {
    return this.inner.offsetName(ts, opts);
  }
  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return this.inner.formatOffset(ts, format);
  }
  override offset(ts: number): number {
    let o = this.offsets.get(ts);
    if (o === undefined) {
      o = this.inner.offset(ts);
      if (this.offsets.size >= OFFSET_CACHE_MAX) this.offsets.clear();
      this.offsets.set(ts, o);
    }
    return o;
  }
  override equals(other: Zone): boolean {
    return other.type === 'iana' && other.name === this.name;
  }
}

const luxonZones = new Map<string, Zone>();

/** The Luxon zone for a zone name, as Luxon reads it (UTC when the name is not a zone), one instance per name. */
export function luxonZone(zone: string): Zone {
  let z = luxonZones.get(zone);
  if (!z) {
    // Luxon's own reading of the name first ('UTC' is its fixed UTC zone, written "Z"); only IANA zones are wrapped.
    const own = isValidZone(zone) ? Info.normalizeZone(zone) : FixedOffsetZone.utcInstance;
    z = own instanceof IANAZone ? new RememberingZone(own) : own;
    if (luxonZones.size >= ZONE_CACHE_MAX) luxonZones.clear();
    luxonZones.set(zone, z);
  }
  return z;
}

/** The browser's (or Node's) zone, for the facility-zone default. */
export function defaultZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

// parseFhirDate is called for the same strings by several modules (an Observation's effective time is read by the
// D-dimer, lab, weight, findings and dating readers), and each read builds Luxon DateTimes. The answers are memoised
// per (zone, value): a FhirMoment is plain immutable data, returned frozen and shared between callers. Bounded: the
// oldest entry is dropped past PARSE_CACHE_MAX; strings longer than any FHIR date are not kept.
const PARSE_CACHE_MAX = 4096;
const PARSE_CACHE_MAX_LENGTH = 64;
const parsed = new Map<string, FhirMoment | null>();

/**
 * Reads a FHIR date, dateTime or instant. Returns undefined for anything that is not one (wrong type, malformed,
 * impossible calendar date, year outside 1800-2200), never throws. The FhirMoment returned is frozen (it may be
 * shared with other callers that read the same value): copy it to change it.
 */
export function parseFhirDate(value: unknown, zone: string): FhirMoment | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.length > PARSE_CACHE_MAX_LENGTH || typeof zone !== 'string') {
    const m = readFhirDate(value, zone);
    return m && Object.freeze(m);
  }
  const key = `${zone}\u0000${value}`;
  const hit = parsed.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const m = readFhirDate(value, zone);
  if (parsed.size >= PARSE_CACHE_MAX) parsed.delete(parsed.keys().next().value!);
  parsed.set(key, m ? Object.freeze(m) : null);
  return m;
}

function readFhirDate(value: string, zone: string): FhirMoment | undefined {
  const m = FHIR_DATE.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, off] = m;
  const year = Number(y);
  if (year < 1800 || year > 2200) return undefined;
  const safeZone = isValidZone(zone) ? zone : 'UTC';
  if (h !== undefined && off !== undefined) {
    const z = off === 'Z' ? FixedOffsetZone.utcInstance : FixedOffsetZone.parseSpecifier(`UTC${off}`);
    if (!z || !z.isValid) return undefined;
    const ms = frac ? Number(`0.${frac}`) * 1000 : 0;
    const dt = DateTime.fromObject(
      { year, month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi), second: s ? Number(s) : 0, millisecond: Math.floor(ms) },
      { zone: z },
    );
    if (!dt.isValid || dt.hour !== Number(h)) return undefined;
    const precision: DatePrecision = s !== undefined ? 'second' : 'minute';
    const start = dt.toMillis();
    return { original: value, precision, start, end: start + (precision === 'second' ? 1000 : 60_000), offset: 'explicit', zone: safeZone };
  }
  const units = { year, month: mo ? Number(mo) : 1, day: d ? Number(d) : 1, hour: h ? Number(h) : 0, minute: mi ? Number(mi) : 0, second: s ? Number(s) : 0 };
  const dt = DateTime.fromObject(units, { zone: luxonZone(safeZone) });
  if (!dt.isValid || dt.month !== units.month || dt.day !== units.day) return undefined;
  const precision: DatePrecision = h !== undefined ? (s !== undefined ? 'second' : 'minute') : d ? 'day' : mo ? 'month' : 'year';
  const next = precision === 'second' ? { seconds: 1 } : precision === 'minute' ? { minutes: 1 } : precision === 'day' ? { days: 1 } : precision === 'month' ? { months: 1 } : { years: 1 };
  return { original: value, precision, start: dt.toMillis(), end: dt.plus(next).toMillis(), offset: 'assumed', zone: safeZone };
}

/** A FhirMoment has a time of day (minute or second precision). */
export const hasTime = (m: FhirMoment): boolean => m.precision === 'minute' || m.precision === 'second';

// A fixed locale, so day boundaries and ISO strings never depend on the browser's.
const DATE_LOCALE = 'en-US';

function inZone(ms: number, zone: string): DateTime {
  return DateTime.fromMillis(ms, { zone: luxonZone(zone), locale: DATE_LOCALE });
}

// Display formatting lives in src/ui/format/displayTime.ts (in the reader's language); the domain keeps instants.

/** ISO 8601 with the zone's offset, for `<time datetime>`: "2026-04-03T08:30:00.000+01:00". */
export function toIsoInZone(ms: number, zone: string): string {
  return inZone(ms, zone).toISO() ?? new Date(ms).toISOString();
}

// startOfDay is asked for the same (instant, zone) many times per record (every event's timing compares its day with
// today's): memoised, bounded like the parse cache.
const DAY_START_CACHE_MAX = 4096;
const dayStarts = new Map<string, number>();

/** 00:00 of the calendar day containing `ms` in `zone`. */
export function startOfDay(ms: number, zone: string): number {
  if (typeof ms !== 'number' || typeof zone !== 'string') return inZone(ms, zone).startOf('day').toMillis();
  const key = `${zone}\u0000${ms}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    start = inZone(ms, zone).startOf('day').toMillis();
    if (dayStarts.size >= DAY_START_CACHE_MAX) dayStarts.delete(dayStarts.keys().next().value!);
    dayStarts.set(key, start);
  }
  return start;
}

/** Adds calendar days in a zone (keeps the wall-clock time across a DST change). */
export function addCalendarDays(ms: number, days: number, zone: string): number {
  return inZone(ms, zone).plus({ days }).toMillis();
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
