/** Types of pregnancy dating, pregnancies in a record, and gestational age. */
import type { Exclusion, RecognisedBy, SourceRef } from '../types';
import type { Reason } from '../reasons';
import type { PregnancyReason } from './pregnancyReasons';

/**
 * How an EDD was obtained. Precedence: 'edd' (recorded EDD) > 'ivf-transfer' > 'ultrasound-ga' (11888-5) > 'lmp' >
 * 'ga-observation' (other gestational-age observations: 11884-4, 11885-1, 18185-9, 49051-6, 11887-7).
 */
export type DatingMethod = 'edd' | 'ivf-transfer' | 'ultrasound-ga' | 'lmp' | 'ga-observation';

/** One way of dating a pregnancy, with its estimated date of delivery. */
export interface Dating {
  method: DatingMethod;
  /** Epoch ms of 00:00 of the EDD day in `zone`. */
  eddMs: number;
  /** The EDD as a calendar date, "2027-01-14" (zone-independent). */
  eddDate: string;
  /** The zone eddMs was computed in. */
  zone: string;
  /** What the record says, as a reason ('pregnancy.dating.*': "EDD 14 Jan 2027 recorded 3 Jun 2026"). */
  description: PregnancyReason;
  /** The main record (the Observation or the transfer Procedure). */
  source: SourceRef;
  /** Every record used (for a transfer also the embryo-age Observation). */
  sources: SourceRef[];
  /** How the dating record was recognised (a text-matched transfer or embryo age is 'text'). */
  recognisedBy: RecognisedBy;
  /** When the fact was recorded or measured (epoch ms), undefined when the record carries no date. */
  recordedMs: number | undefined;
  /** Only on alternatives: this EDD minus the chosen EDD, in days (|value| > 7). */
  disagreementDays?: number;
}

/** The dating chosen for one pregnancy, with the disagreeing alternatives flagged. */
export interface DatingChoice {
  chosen: Dating | undefined;
  /** Why there is no dating ('pregnancy.no-dating', with the notes). */
  reasonIfNone?: PregnancyReason;
  /** Datings whose EDD differs from the chosen EDD by more than 7 days (each has disagreementDays). */
  alternatives: Dating[];
  /** Every dating considered, in precedence order. */
  all: Dating[];
  /**
   * Facts that could not date the pregnancy ('pregnancy.transfer-undated': a transfer without embryo age), and why a
   * confirmed transfer was chosen over a recorded EDD ('pregnancy.basis.confirmed-transfer').
   */
  notes: PregnancyReason[];
  /**
   * When a confirmed embryo transfer dates the pregnancy over a recorded EDD: that EDD, kept as the alternative, with its
   * difference from the chosen EDD in days (recorded minus chosen) and whether it is more than 7 days (to review).
   */
  recordedEdd?: { dating: Dating; differenceDays: number; discrepancy: boolean };
}

/**
 * The embryo transfer after which a pregnancy is confirmed (positive hCG, status or scan): its dating wins over a
 * recorded EDD, since for an ART pregnancy the EDD is assigned from the embryo age and the transfer date (ACOG
 * Committee Opinion 700; ACOG-AIUM-SMFM). Matched by the Procedure's id, else by its time.
 */
export interface ConfirmedTransfer {
  id: string | undefined;
  atMs: number;
}

/** Pregnancy status from LOINC 82810-3. */
export interface PregnancyStatusFact {
  status: 'pregnant' | 'not-pregnant' | 'unknown';
  /** When it was recorded (epoch ms), undefined when the record carries no date. */
  recordedMs: number | undefined;
  source: SourceRef;
}

/** A recorded past birth (caesarean or delivery Procedure, completed) that ends a pregnancy. */
export interface DeliveryFact {
  /** Epoch ms of the start of the performed time. */
  atMs: number;
  kind: 'caesarean' | 'delivery';
  source: SourceRef;
}

/** One pregnancy in the record, with its dating. */
export interface Pregnancy {
  /** Stable id: "pregnancy:" + the chosen EDD date. */
  id: string;
  dating: DatingChoice & { chosen: Dating };
  eddMs: number;
  eddDate: string;
  /** 00:00 of (EDD - 280 days) in the zone. */
  startMs: number;
  /** The recorded delivery, else 00:00 of EDD + 14 days. */
  endMs: number;
  endReason: 'delivery' | 'edd-plus-14-days';
  delivery: DeliveryFact | undefined;
  zone: string;
  /** 'pregnancy.datings-disagree', 'pregnancy.status-not-pregnant-during'. */
  warnings: PregnancyReason[];
}

/** Every pregnancy found in a record and which one is current (or most recent). */
export interface PregnancyTimeline {
  /** Oldest EDD first. */
  pregnancies: Pregnancy[];
  /** Index of the current pregnancy (its window contains now), else the most recent one; undefined if none. */
  currentIndex: number | undefined;
  /** True when pregnancies[currentIndex] contains now. */
  isCurrent: boolean;
  /** Why there is no pregnancy, when there is none (a Reason when a pregnancy is left out as not confirmed). */
  reasonIfNone?: Reason;
  /** Facts that could not be used or placed (a transfer without embryo age, a delivery with no dating ...). */
  notes: PregnancyReason[];
  /** The most recent pregnancy-status observation (82810-3). */
  latestStatus: PregnancyStatusFact | undefined;
  exclusions: Exclusion[];
}

/** Trimester: first < 14w0d, second 14w0d-27w6d, third >= 28w0d. */
export type Trimester = 'first' | 'second' | 'third';

/** A gestational age in completed weeks and days. */
export interface GestationalAge {
  weeks: number;
  days: number;
  totalDays: number;
  trimester: Trimester;
  /** Where the dating came from ('pregnancy.dated-by': "dated by recorded EDD: EDD 14 Jan 2027"). */
  basis: PregnancyReason;
  source: SourceRef | undefined;
}
