/**
 * One worklist row: the summary of one patient's built clinical record, as codes, numbers and SourceRefs (no
 * sentences). Only this summary is kept per patient, never the raw bundles.
 */
import type { SourceRef } from '../types';
import type { AnticoagulantDrug, DoseClass } from '../medication';
import type { EventClass, EventName } from '../events';
import type { RuleSourceName } from '../rules';

/** The four statuses of the patient view's deadline lines, as codes. */
export type WorklistStopStatus = 'stop-documented' | 'stop-not-documented' | 'no-lmwh-order' | 'unknown';
export const WORKLIST_STOP_STATUSES: readonly WorklistStopStatus[] = ['stop-documented', 'stop-not-documented', 'no-lmwh-order', 'unknown'];

/** Flags shown on a row. Each is raised only from data in the record; a missing value never raises or clears one. */
export type WorklistFlag =
  | 'bleeding'
  | 'crcl-below-30'
  | 'platelets-low'
  | 'aps-without-aspirin'
  | 'pregnancy-not-confirmed'
  | 'hcg-due'
  | 'missing-weight'
  | 'record-incomplete';
export const WORKLIST_FLAGS: readonly WorklistFlag[] = [
  'bleeding',
  'crcl-below-30',
  'platelets-low',
  'aps-without-aspirin',
  'pregnancy-not-confirmed',
  'hcg-due',
  'missing-weight',
  'record-incomplete',
];

/** Where she is: pregnant (gestation), an IVF step, not pregnant, or unknown. */
export type WorklistStage =
  | { code: 'pregnant'; gaDays: number }
  | { code: 'ivf-awaiting-confirmation'; daysSinceTransfer: number | undefined }
  | { code: 'ivf-confirmed'; gaDays: number | undefined }
  | { code: 'ivf-negative' }
  | { code: 'ivf-retrieval-done'; atMs: number }
  | { code: 'not-pregnant' }
  | { code: 'unknown' };

export interface WorklistLmwh {
  drug: AnticoagulantDrug;
  /** Dose as ordered (value, unit, per kg); undefined when the order does not say. */
  dose: { value: number; unit: string; perKg: boolean } | undefined;
  intervalHours: number | undefined;
  doseClass: DoseClass | 'unknown';
  /** More than one active order: the row shows the first and says how many. */
  activeOrders: number;
  /** False when the order's dates do not tell whether it is in force now (shown, labelled, never hidden). */
  activeKnown: boolean;
  source: SourceRef;
}

export interface WorklistEvent {
  class: EventClass;
  /** The record's own text (quoted data), else its class (worded by the UI). */
  name: EventName;
  atMs: number | undefined;
  source: SourceRef | undefined;
}

export interface WorklistDeadline {
  atMs: number;
  ruleId: string;
  ruleSource: RuleSourceName;
  status: WorklistStopStatus;
  /** The event it counts back from (the row's next event may be one without a stop rule, e.g. a transfer). */
  eventName: EventName;
  eventClass: string;
}

export interface WorklistDdimer {
  /** ng/mL of its own unit type (FEU or DDU, never converted into each other); undefined when not normalisable. */
  ngPerMl: number | undefined;
  unitType: string;
  comparator: string | undefined;
  /** As reported (quoted data). */
  original: string;
  atMs: number;
  source: SourceRef;
}

export interface WorklistRow {
  patientId: string;
  /** As written in the Patient resource; undefined when it has none. */
  name: string | undefined;
  birthDate: string | undefined;
  ageYears: number | undefined;
  stage: WorklistStage;
  /** The active LMWH order; undefined = none found (with `lmwhSearchComplete` saying whether the search was complete). */
  lmwh: WorklistLmwh | undefined;
  lmwhSearchComplete: boolean;
  /** LMWH orders of any status found (so "none active" is not said as "none found"). */
  lmwhOrdersFound: number;
  nextEvent: WorklistEvent | undefined;
  /** The earliest computed last-dose deadline of the next event's card. */
  deadline: WorklistDeadline | undefined;
  /** The status of that card's deadline lines when no deadline could be computed (e.g. no event date). */
  statusWithoutDeadline: WorklistStopStatus | undefined;
  ddimer: WorklistDdimer | undefined;
  flags: WorklistFlag[];
}
