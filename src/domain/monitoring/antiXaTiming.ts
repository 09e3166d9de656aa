/**
 * Anti-Xa sample timing: how long after the last recorded heparin dose the sample was taken. Anti-Xa is read against
 * the peak 4 h (3–5 h) after a subcutaneous dose (docs/clinical-reference.md 5.3, VERIFIED). The dose comes from
 * administrations; a patient-reported or dispensed dose is used only when no administration precedes the sample, and is
 * labelled. Pure and total: a missing time gives an unknown with the reason, never a guessed one. Numbers and codes
 * only: the coagulation panel's view model words them.
 */
import { drugParam } from '../medication/orderSummary';
import { dateParam, instantParam, reason, type Reason } from '../reasons';
import { type Known, known, type SourceRef, unknown } from '../types';
import { hasTime, HOUR_MS, type FhirMoment } from '../time';
import type { LabPoint, LabSeries } from '../labs';
import type { DoseKind, RecordedDose } from '../medication';

/** Reason codes of the anti-Xa timing (worded in the catalogue as `reason.<code>`). */
export type AntiXaReasonCode =
  | 'antixa.sample-no-time'
  | 'antixa.no-dose'
  | 'antixa.no-dose-before'
  | 'antixa.dose-no-time'
  | 'antixa.later-other-dose'
  | 'antixa.not-lmwh'
  | 'antixa.untimed-doses';

/**
 * The reference row the timing is read against (its words are in the catalogue; shown with it, attributed): the
 * clinical reference's section, the sources it rests on (names as published) and its status.
 */
export const ANTI_XA_PEAK_NOTE = {
  section: '5.3',
  basis: 'Quest Diagnostics FAQ; Legacy Health',
  verification: 'VERIFIED' as const,
};

export type PeakWindow = 'before-window' | 'in-window' | 'after-window';

export interface AntiXaDoseTiming {
  /** Sample instant minus dose instant (ms, >= 0). */
  sinceDoseMs: number;
  dose: RecordedDose;
  doseKind: DoseKind;
  /** The dose is not an administration (no administration is recorded before the sample): labelled. */
  notAdministered: boolean;
  window: PeakWindow;
  /** How many recorded doses of that drug (any kind with a time) precede the sample. */
  dosesBefore: number;
  /** Further caveats (a later unconfirmed dose, a non-LMWH drug, doses without a time). */
  caveats: Reason<AntiXaReasonCode>[];
  source: SourceRef;
}

export interface AntiXaTiming {
  timing: Known<AntiXaDoseTiming>;
  note: typeof ANTI_XA_PEAK_NOTE;
}

type Timed = RecordedDose & { time: { known: true; value: { ms: number; moment?: FhirMoment } } };
const isTimed = (d: RecordedDose): d is Timed => d?.time?.known === true && Number.isFinite(d.time.value.ms);
const out = (timing: Known<AntiXaDoseTiming>): AntiXaTiming => ({ timing, note: ANTI_XA_PEAK_NOTE });

/** The peak window the interval falls in (3–5 h). */
export function peakWindow(sinceDoseMs: number): PeakWindow {
  const hours = sinceDoseMs / HOUR_MS;
  return hours < 3 ? 'before-window' : hours <= 5 ? 'in-window' : 'after-window';
}

function caveatsFor(dose: Timed, before: Timed[], untimed: number): Reason<AntiXaReasonCode>[] {
  const caveats: Reason<AntiXaReasonCode>[] = [];
  if (dose.kind === 'administered') {
    const laterOther = before.find((d) => d.kind !== 'administered' && d.time.value.ms > dose.time.value.ms);
    if (laterOther) caveats.push(reason('antixa.later-other-dose', { kind: laterOther.kind, at: instantParam(laterOther.time.value.ms) }));
  }
  if (dose.drugClass !== 'lmwh') caveats.push(reason('antixa.not-lmwh', { drug: drugParam(dose.drug) }));
  if (untimed > 0) caveats.push(reason('antixa.untimed-doses', { n: untimed }));
  return caveats;
}

/** Time from the last recorded dose before the sample to the sample. */
export function antiXaTiming(point: LabPoint, doses: RecordedDose[]): AntiXaTiming {
  if (!hasTime(point.time)) return out(unknown(reason('antixa.sample-no-time', { recorded: dateParam(point.time.start) })));
  const sampleMs = point.time.start;
  const list = Array.isArray(doses) ? doses.filter((d) => d && typeof d === 'object') : [];
  if (list.length === 0) return out(unknown(reason('antixa.no-dose')));
  const timed = list.filter(isTimed);
  const before = timed.filter((d) => d.time.value.ms <= sampleMs).sort((a, b) => b.time.value.ms - a.time.value.ms);
  const untimed = list.length - timed.length;
  if (before.length === 0) {
    return out(unknown(reason('antixa.no-dose-before', { why: timed.length > 0 ? 'after' : 'untimed', untimed: timed.length > 0 ? untimed : 0 })));
  }
  const dose = before.find((d) => d.kind === 'administered') ?? before[0]!;
  const moment = dose.time.value.moment;
  if (moment && !hasTime(moment)) return out(unknown(reason('antixa.dose-no-time', { recorded: dateParam(moment.start) })));
  const sinceDoseMs = sampleMs - dose.time.value.ms;
  return out(
    known({
      sinceDoseMs,
      dose,
      doseKind: dose.kind,
      notAdministered: dose.kind !== 'administered',
      window: peakWindow(sinceDoseMs),
      dosesBefore: before.filter((d) => d.drug === dose.drug).length,
      caveats: caveatsFor(dose, before, untimed),
      source: dose.source,
    }),
  );
}

/** Anti-Xa timings per series, index-aligned with the series' points. */
export type AntiXaTimings = Record<'antiXaLmwh' | 'antiXaGeneric', AntiXaTiming[]>;

/** The timing of every anti-Xa result, in the order of each series' points. */
export function antiXaTimings(labs: Pick<LabSeries, 'antiXaLmwh' | 'antiXaGeneric'>, doses: RecordedDose[]): AntiXaTimings {
  return {
    antiXaLmwh: labs.antiXaLmwh.points.map((p) => antiXaTiming(p, doses)),
    antiXaGeneric: labs.antiXaGeneric.points.map((p) => antiXaTiming(p, doses)),
  };
}
