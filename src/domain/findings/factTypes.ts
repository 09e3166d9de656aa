/** Types of thrombophilia and history facts read from Conditions, Observations and AllergyIntolerances. */
import type { FhirMoment } from '../time';
import type { Exclusion, RecognisedBy, SourceRef } from '../types';
import type { FindingsReason } from './findingsReasons';
import type { MatchedBy } from '../matchedBy';

/** What a fact is about. */
export type FactKind =
  | 'lupus-anticoagulant'
  | 'anticardiolipin'
  | 'beta2-glycoprotein-i'
  | 'factor-v-leiden'
  | 'apc-resistance'
  | 'prothrombin-g20210a'
  | 'protein-c-deficiency'
  | 'protein-s-deficiency'
  | 'antiphospholipid-syndrome'
  | 'thrombophilia'
  | 'recurrent-miscarriage'
  | 'miscarriage'
  | 'ohss'
  | 'vte'
  | 'hit'
  | 'heparin-allergy'
  | 'vaginal-bleeding'
  | 'labour-onset';

/**
 * present: an active Condition / allergy, or a positive or abnormal-flagged test result.
 * history: a resolved or inactive Condition (kept with its dates).
 * tested-negative: a test result that is negative / not detected / flagged normal.
 * unclear: a result or record the app cannot interpret (shown, never read as normal).
 */
export type FactStatus = 'present' | 'history' | 'tested-negative' | 'unclear';

/** One fact with where it came from. */
export interface Fact {
  kind: FactKind;
  status: FactStatus;
  recognisedBy: RecognisedBy;
  /** The code that matched (SNOMED 102878001, ICD-10-CM O26.21, LOINC 21668-9), or a labelled text match. */
  matched: MatchedBy;
  /** Onset (else recorded date) for Conditions; effective (else issued) for Observations; onset/recorded for allergies. */
  when?: FhirMoment;
  /** Abatement date of a resolved Condition, when recorded. */
  until?: FhirMoment;
  source: SourceRef;
  /** How it was read ('findings.detail': clinical status, verification, interpretation POS, value 'Heterozygous'). */
  detail: FindingsReason;
}

/** findFacts' answer. */
export interface FactsResult {
  facts: Fact[];
  /** Records recognised as one of the kinds but left out (refuted, entered-in-error), with the reason. */
  exclusions: Exclusion[];
}

/** Recorded pregnancy losses, as far as the record shows them (never a complete obstetric history). */
export interface PregnancyLossCount {
  /** Miscarriage Conditions (SNOMED 19169002, ICD-10 O03.x), any clinical status except refuted/entered-in-error. */
  miscarriageRecords: number;
  /** A recurrent-miscarriage code (SNOMED 102878001, ..., ICD-10-CM N96, O26.2x) is recorded. */
  recurrentMiscarriageCoded: boolean;
  /** True when the code is recorded or at least 2 miscarriage records exist; otherwise "not shown", never "no". */
  twoOrMoreLosses: boolean;
  /** How the answer was reached ('findings.losses.*'). */
  basis: FindingsReason;
}
