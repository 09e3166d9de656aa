/**
 * Anti-Xa sample timing: how long after the last recorded heparin dose the sample was taken. Anti-Xa is read against
 * the peak 4 h (3–5 h) after a subcutaneous dose (docs/clinical-reference.md 5.3, VERIFIED). The dose comes from
 * administrations; a patient-reported or dispensed dose is used only when no administration precedes the sample, and is
 * labelled. Pure and total: a missing time gives an unknown with the reason, never a guessed one.
 */
import { drugName } from '../record';
import { type Known, known, type SourceRef, unknown } from '../types';
import { DAY_MS, formatDateTime, formatMoment, hasTime, HOUR_MS } from '../time';
import type { LabPoint, LabSeries } from '../labs';
import type { DoseKind, RecordedDose } from '../medication';

/** The reference row the timing is read against (shown with it, attributed). */
export const ANTI_XA_PEAK_NOTE = {
  text: 'Anti-Xa is read against the peak level 4 h (3–5 h) after a subcutaneous LMWH dose, once at steady state (after at least the 3rd dose).',
  citation: 'Clinical reference 5.3 (Quest Diagnostics FAQ; Legacy Health)',
  verification: 'VERIFIED' as const,
};

export type PeakWindow = 'before-window' | 'in-window' | 'after-window';

export interface AntiXaDoseTiming {
  /** Sample instant minus dose instant (ms, >= 0). */
  sinceDoseMs: number;
  /** "4 h 0 min", "1 d 2 h". */
  sinceDoseText: string;
  /** "sampled 4 h 0 min after the dose given 23 Nov 2026 18:00 (UTC)". */
  text: string;
  dose: RecordedDose;
  doseKind: DoseKind;
  /** Set when the dose is not an administration: "patient-reported dose: no administration recorded before the sample". */
  kindLabel?: string;
  window: PeakWindow;
  /** "within the 3–5 h peak window", "earlier than the 3–5 h peak window", ... */
  windowText: string;
  /** How many recorded doses of that drug (any kind with a time) precede the sample. */
  dosesBefore: number;
  /** Further caveats (a later unconfirmed dose, a non-LMWH drug, an imprecise dose time). */
  caveats: string[];
  source: SourceRef;
}

export interface AntiXaTiming {
  timing: Known<AntiXaDoseTiming>;
  note: typeof ANTI_XA_PEAK_NOTE;
}

/** "4 h 0 min" under two days (the minutes matter for a peak level), "2 d 5 h" beyond. */
export function formatSinceDose(ms: number): string {
  const abs = Math.max(0, ms);
  if (abs >= 2 * DAY_MS) {
    const d = Math.floor(abs / DAY_MS);
    const h = Math.floor((abs % DAY_MS) / HOUR_MS);
    return `${d} d ${h} h`;
  }
  const h = Math.floor(abs / HOUR_MS);
  const m = Math.floor((abs % HOUR_MS) / 60_000);
  return h > 0 ? `${h} h ${m} min` : `${m} min`;
}

const KIND_WORDS: Record<DoseKind, string> = {
  administered: 'given',
  reported: 'reported by the patient as taken',
  dispensed: 'dispensed (not a proof of injection)',
};

type Timed = RecordedDose & { time: { known: true; value: { ms: number } } };
const isTimed = (d: RecordedDose): d is Timed => d?.time?.known === true && Number.isFinite(d.time.value.ms);

/**
 * Time from the last recorded dose before the sample to the sample. `zone` formats dates (default: the zone the
 * sample's date was read in, i.e. the facility zone).
 */
export function antiXaTiming(point: LabPoint, doses: RecordedDose[], zone: string = point.time.zone): AntiXaTiming {
  const out = (timing: Known<AntiXaDoseTiming>): AntiXaTiming => ({ timing, note: ANTI_XA_PEAK_NOTE });
  if (!hasTime(point.time)) {
    return out(unknown(`the sample has no time of day (recorded as ${formatMoment(point.time, zone)}), so the time since the dose is not known`));
  }
  const sampleMs = point.time.start;
  const list = Array.isArray(doses) ? doses.filter((d) => d && typeof d === 'object') : [];
  if (list.length === 0) return out(unknown('no recorded dose (administration, patient report or dispensing) in the record'));
  const timed = list.filter(isTimed);
  const before = timed.filter((d) => d.time.value.ms <= sampleMs).sort((a, b) => b.time.value.ms - a.time.value.ms);
  const untimed = list.length - timed.length;
  if (before.length === 0) {
    const why = timed.length > 0 ? 'every recorded dose with a time is after the sample' : 'no recorded dose has a time';
    return out(unknown(`no recorded dose time before the sample: ${why}${untimed > 0 && timed.length > 0 ? ` (${untimed} without a time)` : ''}`));
  }
  const administered = before.find((d) => d.kind === 'administered');
  const dose = administered ?? before[0]!;
  const moment = dose.time.known ? dose.time.value.moment : undefined;
  if (moment && !hasTime(moment)) {
    return out(unknown(`the last recorded dose before the sample has no time of day (${formatMoment(moment, zone)}), so the time since the dose is not known`));
  }
  const sinceDoseMs = sampleMs - dose.time.value.ms;
  const sinceDoseText = formatSinceDose(sinceDoseMs);
  const caveats: string[] = [];
  let kindLabel: string | undefined;
  if (dose.kind !== 'administered') {
    kindLabel = `${dose.label} dose: no administration is recorded before the sample`;
  } else {
    const laterOther = before.find((d) => d.kind !== 'administered' && d.time.value.ms > dose.time.value.ms);
    if (laterOther) caveats.push(`a ${laterOther.label} dose at ${formatDateTime(laterOther.time.value.ms, zone)} is later than the last administration`);
  }
  if (dose.drugClass !== 'lmwh') caveats.push(`the last dose is ${drugName(dose.drug)}, not LMWH: the 4 h peak applies to subcutaneous LMWH`);
  if (untimed > 0) caveats.push(`${untimed} recorded dose(s) have no time and were not considered`);
  const hours = sinceDoseMs / HOUR_MS;
  const window: PeakWindow = hours < 3 ? 'before-window' : hours <= 5 ? 'in-window' : 'after-window';
  const windowText = window === 'in-window' ? 'within the 3–5 h peak window' : window === 'before-window' ? 'earlier than the 3–5 h peak window' : 'later than the 3–5 h peak window';
  const dosesBefore = before.filter((d) => d.drug === dose.drug).length;
  const text = `sampled ${sinceDoseText} after the dose ${KIND_WORDS[dose.kind]} ${formatDateTime(dose.time.value.ms, zone)}`;
  return out(known({ sinceDoseMs, sinceDoseText, text, dose, doseKind: dose.kind, ...(kindLabel ? { kindLabel } : {}), window, windowText, dosesBefore, caveats, source: dose.source }));
}

/** The timing of every anti-Xa result, in the order of each series' points. */
export function antiXaTimings(labs: Pick<LabSeries, 'antiXaLmwh' | 'antiXaGeneric'>, doses: RecordedDose[], zone: string): AntiXaTimings {
  return {
    antiXaLmwh: labs.antiXaLmwh.points.map((p) => antiXaTiming(p, doses, zone)),
    antiXaGeneric: labs.antiXaGeneric.points.map((p) => antiXaTiming(p, doses, zone)),
  };
}

/** Anti-Xa timings per series, index-aligned with the series' points. */
export type AntiXaTimings = Record<'antiXaLmwh' | 'antiXaGeneric', AntiXaTiming[]>;
