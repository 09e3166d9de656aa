/**
 * Reason codes of the findings module: how a fact was read (its detail), why a record is left out, how many losses the
 * record shows, and how an indication fact is labelled. Codes with parameters only; the catalogue words them
 * (`reason.<code>`).
 */
import { reason, reasonParam, type Reason, type ReasonParam } from '../reasons';

/** Every reason code of this module (the catalogue keys are `reason.<code>`). */
export const FINDINGS_REASON_CODES = [
  // The detail of a fact: its parts, joined.
  'findings.detail',
  'findings.clinical-status',
  'findings.clinical-status-missing',
  'findings.verification',
  'findings.note.aps-snomed-partial',
  'findings.recorded-as',
  'findings.interpretation',
  'findings.value',
  'findings.value-uninterpretable',
  'findings.value-number',
  'findings.readings-disagree',
  'findings.result-status',
  // Records left out.
  'findings.excluded.verification',
  'findings.excluded.result-status',
  'findings.excluded.no-value',
  // Recorded pregnancy losses.
  'findings.losses.recurrent-coded',
  'findings.losses.records',
  'findings.losses.fewer',
  // How an indication fact is labelled on the indication cards.
  'findings.indication.fact',
  'findings.indication.recurrent-miscarriage',
  'findings.indication.ddimer-flagged',
  'findings.indication.estradiol-order',
] as const;
export type FindingsReasonCode = (typeof FINDINGS_REASON_CODES)[number];
export type FindingsReason = Reason<FindingsReasonCode>;

/** The exclusions-report view of findings (catalogue `exclusions.view.findings`). */
export const FINDINGS_VIEW = 'findings';

export const findingsReason = (code: FindingsReasonCode, params?: Readonly<Record<string, ReasonParam>>): FindingsReason => reason(code, params);

/** A fact's detail from its parts, in order ("clinical status resolved; verification confirmed; 'Factor V Leiden'"). */
export function detailOf(first: FindingsReason, ...rest: readonly (FindingsReason | undefined)[]): FindingsReason {
  const [next, ...more] = rest.filter((p): p is FindingsReason => p !== undefined);
  return next ? findingsReason('findings.detail', { first: reasonParam(first), rest: reasonParam(detailOf(next, ...more)) }) : first;
}
