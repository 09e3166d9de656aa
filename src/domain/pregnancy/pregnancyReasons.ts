/**
 * Reason codes of the pregnancy module: how a pregnancy is dated, why it cannot be, why a gestational age is unknown
 * and why a dating record is left out. Codes with parameters only; the catalogue words them (`reason.<code>`).
 */
import { dateParam, listParam, reason, reasonParam, type Reason, type ReasonParam } from '../reasons';
import type { DatingMethod } from './pregnancyTypes';

/** Every reason code of this module (the catalogue keys are `reason.<code>`). */
export const PREGNANCY_REASON_CODES = [
  // How a pregnancy is dated.
  'pregnancy.dated-by',
  'pregnancy.dating-how',
  'pregnancy.dating-edd-only',
  'pregnancy.dating.edd',
  'pregnancy.dating.lmp',
  'pregnancy.dating.ga',
  'pregnancy.dating.transfer',
  'pregnancy.no-usable-edd',
  'pregnancy.method.edd',
  'pregnancy.method.ivf-transfer',
  'pregnancy.method.ultrasound-ga',
  'pregnancy.method.lmp',
  'pregnancy.method.ga-observation',
  // Why there is no dating, and what could not be placed.
  'pregnancy.no-dating',
  'pregnancy.transfer-undated',
  'pregnancy.transfer.ages-disagree',
  'pregnancy.transfer.ages-ambiguous',
  'pregnancy.transfer.no-age',
  'pregnancy.embryo-day',
  'pregnancy.birth-unmatched',
  // Warnings on a pregnancy.
  'pregnancy.datings-disagree',
  'pregnancy.disagreeing-dating',
  'pregnancy.status-not-pregnant-during',
  'pregnancy.basis.confirmed-transfer',
  // Why a gestational age is unknown.
  'pregnancy.ga.no-valid-time',
  'pregnancy.ga.not-placeable',
  'pregnancy.ga.before-start',
  'pregnancy.ga.after-delivery',
  'pregnancy.ga.beyond-45-weeks',
  // Dating records left out (the exclusions report).
  'pregnancy.excluded.observation-status',
  'pregnancy.excluded.embryo-age-status',
  'pregnancy.excluded.embryo-age-unlinked',
  'pregnancy.excluded.embryo-age-unit',
  'pregnancy.excluded.embryo-age-value',
  'pregnancy.excluded.status-answer',
  'pregnancy.excluded.date-unreadable',
  'pregnancy.excluded.date-imprecise',
  'pregnancy.excluded.date-unusable',
  'pregnancy.excluded.date-unplaceable',
  'pregnancy.excluded.ga-no-date',
  'pregnancy.excluded.ga-date-imprecise',
  'pregnancy.excluded.ga-value',
  'pregnancy.ga-value.no-number',
  'pregnancy.ga-value.days-component',
  'pregnancy.ga-value.unit',
  'pregnancy.ga-value.range',
  'pregnancy.excluded.procedure-status',
  'pregnancy.excluded.procedure-no-date',
  'pregnancy.excluded.transfer-date-imprecise',
] as const;
export type PregnancyReasonCode = (typeof PREGNANCY_REASON_CODES)[number];
export type PregnancyReason = Reason<PregnancyReasonCode>;

/** The exclusions-report view of dating records (catalogue `exclusions.view.pregnancy-dating`). */
export const PREGNANCY_VIEW = 'pregnancy-dating';

export const pregnancyReason = (code: PregnancyReasonCode, params?: Readonly<Record<string, ReasonParam>>): PregnancyReason => reason(code, params);

/** A calendar day as a date parameter (its 00:00 in the zone), or null when it cannot be placed. */
export const dayParam = (ms: number | undefined): ReasonParam => (ms === undefined ? null : dateParam(ms));

/** "day 5, day 3": embryo days as a list parameter. */
export const embryoDaysParam = (days: readonly number[]): ReasonParam => listParam(days.map((day) => reasonParam(pregnancyReason('pregnancy.embryo-day', { day }))));

/** Why there is no dating, with the facts that could not date a pregnancy. */
export const noDatingReason = (notes: readonly Reason[]): PregnancyReason =>
  pregnancyReason('pregnancy.no-dating', { notes: listParam(notes.map(reasonParam)), hasNotes: notes.length > 0 });

/** A dating method in words ("recorded EDD", "embryo transfer"). */
export const datingMethodReason = (method: DatingMethod): PregnancyReason => pregnancyReason(`pregnancy.method.${method}`);
