/**
 * The injection schedule between now and an event, and each last-dose deadline placed on it. The times come from
 * the order's timing (`timeOfDay`, read as wall-clock times in the facility zone, DST-correct) or, when the order
 * gives no clock time, from the time of the latest recorded dose (administered, else patient-reported; a dispense is
 * not an injection time). When neither gives a time, the schedule is unknown with the reason: never guessed.
 * Codes and numbers only; instants are epoch ms.
 */
import { DateTime } from 'luxon';
import { reason, type Reason } from '../reasons';
import { DAY_MS, hasTime, HOUR_MS, isValidZone } from '../time';
import type { Known, SourceRef } from '../types';
import type { AnticoagulantDrug, DoseFrequency, DoseKind, RecordedDose } from '../medication/medicationTypes';

export type ScheduleReasonCode =
  | 'plan.schedule.as-needed'
  | 'plan.schedule.frequency-unknown'
  | 'plan.schedule.interval-not-schedulable'
  | 'plan.schedule.time-of-day-unreadable'
  | 'plan.schedule.time-of-day-conflicts-with-frequency'
  | 'plan.schedule.when-without-clock-time'
  | 'plan.schedule.time-unknown'
  | 'plan.schedule.window-unknown';

export type ScheduleReason = Reason<ScheduleReasonCode>;

/** A recorded dose as the schedule needs it (from RecordedDose: time known, with or without a clock time). */
export interface ScheduleDose {
  atMs: number;
  /** False for a date-only record: it says nothing about the time of day. */
  hasClockTime: boolean;
  kind: DoseKind;
  source: SourceRef;
}

/** The recorded doses of one drug with a known time, as the schedule reads them (a date-only record has no clock time). */
export function scheduleDoses(doses: readonly RecordedDose[], drug: AnticoagulantDrug): ScheduleDose[] {
  return doses.flatMap((d) =>
    d.drug === drug && d.time.known ? [{ atMs: d.time.value.ms, hasClockTime: hasTime(d.time.value.moment), kind: d.kind, source: d.source }] : [],
  );
}

export interface ScheduleInput {
  /** The order's dosageInstruction[0].timing as written (FHIR Timing). */
  timing: unknown;
  frequency: Known<DoseFrequency>;
  asNeeded?: boolean;
  orderStartMs?: number;
  /** Exclusive end of the order, when known. */
  orderEndMs?: number;
  /** Recorded doses of the ordered drug. */
  doses: readonly ScheduleDose[];
  /** Injections strictly after this instant (now) ... */
  fromMs: number;
  /** ... and strictly before this one (the event). */
  untilMs: number;
  zone: string;
}

/** How the injection times repeat. */
export type SchedulePattern =
  | { kind: 'daily-times'; minutesOfDay: number[] }
  | { kind: 'every-n-days'; anchorMs: number; days: number }
  | { kind: 'fixed-step'; anchorMs: number; stepMs: number };

export type InjectionSchedule =
  | {
      known: true;
      from: 'timeOfDay' | 'recorded-doses';
      pattern: SchedulePattern;
      intervalHours: number;
      /** Scheduled injection instants in (fromMs, untilMs), within the order's period, ascending. */
      injections: number[];
      /** The recorded dose the times were taken from. */
      basisDose?: SourceRef;
      /** Also written in the order (`when`), kept for display; it gives no clock time. */
      whenCodes?: string[];
    }
  | { known: false; reason: ScheduleReason };

const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?$/;
const MINUTES_PER_DAY = 1440;

const unknownSchedule = (code: ScheduleReasonCode, params?: Record<string, string | number | undefined>): InjectionSchedule => ({
  known: false,
  reason: reason(code, params),
});

function repeatOf(timing: unknown): Record<string, unknown> | undefined {
  const r = typeof timing === 'object' && timing !== null ? (timing as { repeat?: unknown }).repeat : undefined;
  return typeof r === 'object' && r !== null ? (r as Record<string, unknown>) : undefined;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Minutes after midnight of FHIR `time` values; undefined when one cannot be read. */
export function minutesOfDay(times: readonly string[]): number[] | undefined {
  const out: number[] = [];
  for (const t of times) {
    const m = TIME.exec(t.trim());
    if (!m) return undefined;
    out.push(Number(m[1]) * 60 + Number(m[2]));
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

/** The latest dose with a clock time: administered first, else patient-reported (a dispense is not an injection). */
function basisDose(doses: readonly ScheduleDose[]): ScheduleDose | undefined {
  for (const kind of ['administered', 'reported'] as const) {
    const timed = doses.filter((d) => d.kind === kind && d.hasClockTime && Number.isFinite(d.atMs));
    if (timed.length > 0) return timed.reduce((a, b) => (b.atMs > a.atMs ? b : a));
  }
  return undefined;
}

/** The pattern from one dose instant and the interval: wall-clock times when the interval divides a day. */
function patternFromDose(atMs: number, intervalHours: number, zone: string): SchedulePattern | undefined {
  const intervalMin = Math.round(intervalHours * 60);
  if (intervalMin > 0 && MINUTES_PER_DAY % intervalMin === 0) {
    const dt = DateTime.fromMillis(atMs, { zone });
    const first = dt.hour * 60 + dt.minute;
    const n = MINUTES_PER_DAY / intervalMin;
    return { kind: 'daily-times', minutesOfDay: Array.from({ length: n }, (_, k) => (first + k * intervalMin) % MINUTES_PER_DAY).sort((a, b) => a - b) };
  }
  if (intervalMin % MINUTES_PER_DAY === 0) return { kind: 'every-n-days', anchorMs: atMs, days: intervalMin / MINUTES_PER_DAY };
  return intervalHours >= 1 ? { kind: 'fixed-step', anchorMs: atMs, stepMs: intervalHours * HOUR_MS } : undefined;
}

/** Instants of the pattern in (fromMs, untilMs), ascending. */
export function patternInstants(pattern: SchedulePattern, fromMs: number, untilMs: number, zone: string): number[] {
  const out: number[] = [];
  if (!(untilMs > fromMs)) return out;
  if (pattern.kind === 'daily-times') {
    let day = DateTime.fromMillis(fromMs, { zone }).startOf('day');
    while (day.toMillis() < untilMs) {
      for (const m of pattern.minutesOfDay) {
        const t = day.set({ hour: Math.floor(m / 60), minute: m % 60 }).toMillis();
        if (t > fromMs && t < untilMs) out.push(t);
      }
      day = day.plus({ days: 1 });
    }
    return [...new Set(out)].sort((a, b) => a - b);
  }
  const step = (k: number): number =>
    pattern.kind === 'every-n-days' ? DateTime.fromMillis(pattern.anchorMs, { zone }).plus({ days: k * pattern.days }).toMillis() : pattern.anchorMs + k * pattern.stepMs;
  const approxStep = pattern.kind === 'every-n-days' ? pattern.days * DAY_MS : pattern.stepMs;
  let k = Math.floor((fromMs - pattern.anchorMs) / approxStep) - 1;
  for (let t = step(k); t < untilMs; t = step(++k)) if (t > fromMs) out.push(t);
  return out;
}

function patternFromTimeOfDay(tod: string[], f: DoseFrequency): SchedulePattern | InjectionSchedule {
  const minutes = minutesOfDay(tod);
  if (!minutes || minutes.length === 0) return unknownSchedule('plan.schedule.time-of-day-unreadable', { written: tod.join(', ') });
  if (minutes.length !== f.dosesPer24h) {
    return unknownSchedule('plan.schedule.time-of-day-conflicts-with-frequency', { times: minutes.length, dosesPer24h: f.dosesPer24h });
  }
  return { kind: 'daily-times', minutesOfDay: minutes };
}

/**
 * The scheduled injections between `fromMs` and `untilMs`, or unknown with the reason (as-needed, no frequency, no
 * clock time in the order and no timed dose, times that contradict the frequency).
 */
export function injectionSchedule(input: ScheduleInput): InjectionSchedule {
  const zone = isValidZone(input.zone) ? input.zone : 'UTC';
  if (input.asNeeded) return unknownSchedule('plan.schedule.as-needed');
  if (!input.frequency.known) return unknownSchedule('plan.schedule.frequency-unknown');
  if (!Number.isFinite(input.fromMs) || !Number.isFinite(input.untilMs)) return unknownSchedule('plan.schedule.window-unknown');
  const f = input.frequency.value;
  const repeat = repeatOf(input.timing);
  const tod = strings(repeat?.timeOfDay);
  const when = strings(repeat?.when);
  let pattern: SchedulePattern;
  let from: 'timeOfDay' | 'recorded-doses';
  let basis: ScheduleDose | undefined;
  if (tod.length > 0) {
    const p = patternFromTimeOfDay(tod, f);
    if ('known' in p) return p;
    pattern = p;
    from = 'timeOfDay';
  } else {
    basis = basisDose(input.doses);
    if (!basis) return when.length > 0 ? unknownSchedule('plan.schedule.when-without-clock-time', { when: when.join(', ') }) : unknownSchedule('plan.schedule.time-unknown');
    const p = patternFromDose(basis.atMs, f.intervalHours, zone);
    if (!p) return unknownSchedule('plan.schedule.interval-not-schedulable', { intervalHours: f.intervalHours });
    pattern = p;
    from = 'recorded-doses';
  }
  const lo = Math.max(input.fromMs, (input.orderStartMs ?? -Infinity) - 1);
  const hi = Math.min(input.untilMs, input.orderEndMs ?? Infinity);
  return {
    known: true,
    from,
    pattern,
    intervalHours: f.intervalHours,
    injections: patternInstants(pattern, lo, hi, zone),
    ...(basis ? { basisDose: basis.source } : {}),
    ...(when.length > 0 ? { whenCodes: when } : {}),
  };
}
