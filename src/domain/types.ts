/** Shared plain types of the domain layer. No React, no I/O. */
import type { Reason } from './reasons';
import type { MatchedBy } from './matchedBy';

/** Where a fact came from: shown on every number, point and card. */
export interface SourceRef {
  resourceType: string;
  id: string | undefined;
  /** The resource's clinically relevant date as written in the resource (effective, authoredOn, ...). */
  date?: string;
  /**
   * 'issued': `date` is the report's issued time, because the record has no specimen (effective) time. The UI labels
   * it wherever the date is shown: a report time is not the time the sample was taken.
   */
  dateFrom?: 'issued';
  /** The original value as text, e.g. "0.62 mg/L" or "Enoxaparin 40 mg SC daily". */
  original?: string;
  /** How the record was recognised: a code (system and code), or a text match labelled as the fallback. */
  matchedBy?: MatchedBy;
}

/**
 * A value that is either known, or unknown with a reason (a code with parameters, worded by the UI's catalogue).
 * Never a silent default.
 */
export type Known<T> = { known: true; value: T } | { known: false; reason: Reason };

export const known = <T>(value: T): Known<T> => ({ known: true, value });
export const unknown = <T = never>(reason: Reason): Known<T> => ({ known: false, reason });

/** A record left out of a view, with the reason. Collected into the exclusions report. */
export interface Exclusion {
  source: SourceRef;
  /** Which view or list it was left out of, e.g. "D-dimer chart", "LMWH orders". */
  view: string;
  reason: Reason;
}

/** How a medication or finding was recognised: codes first, a text match is a labelled fallback. */
export type RecognisedBy = 'rxnorm' | 'atc' | 'snomed' | 'icd10' | 'loinc' | 'text';

export const SYSTEMS = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  atc: 'http://www.whocc.no/atc',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  icd10pcs: 'http://www.cms.gov/Medicare/Coding/ICD10',
  cpt: 'http://www.ama-assn.org/go/cpt',
  ucum: 'http://unitsofmeasure.org',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
} as const;
