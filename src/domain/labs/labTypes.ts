/**
 * Types of the lab-observation layer: D-dimer results and coagulation/safety-lab series. Pure data, no logic.
 * Every value carries its SourceRef, original value and unit, reference range and interpretation.
 */
import type { FhirMoment } from '../time';
import type { Exclusion, Known, SourceRef } from '../types';
import type { LabAnalyte } from '../codes';
import type { Reason } from '../reasons';
import type { MatchedBy } from '../matchedBy';

/** A quantity comparator as FHIR writes it; the value is a bound, not a measurement. */
export type Comparator = '<' | '<=' | '>=' | '>';

/** D-dimer unit type: fibrinogen-equivalent units, D-dimer units, or not stated by any source. */
export type DdimerUnitType = 'FEU' | 'DDU' | 'unknown';

/** Where the FEU/DDU unit type was read from, in order of precedence. */
export type UnitTypeSource = 'loinc' | 'annotation' | 'unit-text';

/** How the result's status is marked for display. Only final/registered-free statuses are unmarked. */
export type ResultStatusMark = 'final' | 'preliminary' | 'amended' | 'corrected' | 'registered' | 'unknown';

/** The value, unit and code exactly as the Observation wrote them. */
export interface OriginalValue {
  /** valueQuantity.value when it was a finite number. */
  value?: number;
  /** valueQuantity.unit (human-readable unit text). */
  unit?: string;
  /** valueQuantity.code (the coded unit) and its system. */
  code?: string;
  system?: string;
  /** The value as text, e.g. "0.62 mg/L", "<0.27 mg/L", "negative". */
  text: string;
}

/** One D-dimer Observation, normalised. Kept in the results table even when it cannot be charted. */
export interface DdimerResult {
  source: SourceRef;
  /** effective[x] (dateTime, Period.start or instant), else issued. */
  time: FhirMoment;
  status: ResultStatusMark;
  recognisedBy: 'loinc' | 'text';
  /** The LOINC code matched (absent for a text match). */
  loinc?: string;
  /** The LOINC code(s), or a labelled text match when no LOINC coding is present. */
  matched: MatchedBy;
  /** Caveats about the code itself (deprecated, conflicting meaning), as reasons. */
  codeNotes?: Reason[];
  scale: 'quantitative' | 'titre' | 'qualitative';
  unitType: DdimerUnitType;
  /** Which source stated the unit type; absent when unitType is 'unknown'. */
  unitTypeFrom?: UnitTypeSource;
  /** The UCUM unit the value was read in (annotation removed), e.g. "mg/L"; absent when not interpretable. */
  ucum?: string;
  /** How the unit and value were read when not plainly (a non-UCUM spelling read as UCUM, a value parsed from text). */
  unitNotes?: Reason[];
  /** The value in ng/mL of the SAME unit type (FEU stays FEU, DDU stays DDU); unknown with reason otherwise. */
  ngPerMl: Known<number>;
  comparator?: Comparator;
  /** 'quantity': valueQuantity.comparator; 'value-string': parsed from a valueString such as "<0.27 mg/L". */
  comparatorFrom?: 'quantity' | 'value-string';
  /** The qualitative answer (e.g. "negative") or titre text, when the result is not a mass concentration. */
  qualitative?: string;
  /**
   * The value for normalised views and the chart: ngPerMl when unit type is FEU or DDU and the result is
   * quantitative; otherwise unknown with the reason it is left out (e.g. `lab.ddimer-unit-type-not-stated`).
   */
  chart: Known<number>;
  original: OriginalValue;
  referenceRange: fhir4.ObservationReferenceRange[];
  interpretation: fhir4.CodeableConcept[];
}

/** normaliseDdimer's answer: a result, or the Observation excluded with the reason. */
export type DdimerOutcome = { kind: 'result'; result: DdimerResult } | { kind: 'excluded'; exclusion: Exclusion };

/** A D-dimer series: results sorted by time, and everything left out of the results or the chart. */
export interface DdimerSeries {
  results: DdimerResult[];
  /** view "D-dimer results" (not shown at all) or "D-dimer chart" (shown in the table, not plotted). */
  exclusions: Exclusion[];
}

/** Units the UI's D-dimer unit selector offers. */
export type DdimerDisplayUnit = 'ng/mL' | 'mg/L' | 'ug/mL';

/** One coagulation / safety-lab value in the analyte's display unit. */
export interface LabPoint {
  analyte: LabAnalyte;
  /** The LOINC code matched. */
  loinc: string;
  matched: MatchedBy;
  /** Value in the analyte's display unit (see AnalyteSeries.displayUnit). */
  value: number;
  displayUnit: string;
  comparator?: Comparator;
  /** How the value got into the display unit when it was not already in it (`lab.converted-from` mg/dL ...). */
  conversion?: Reason[];
  /** Notes on the analyte or the result, e.g. `lab.note-egfr` (not validated in pregnancy), `lab.time-from-issued`. */
  notes?: Reason[];
  original: OriginalValue;
  time: FhirMoment;
  status: ResultStatusMark;
  referenceRange: fhir4.ObservationReferenceRange[];
  interpretation: fhir4.CodeableConcept[];
  source: SourceRef;
}

/** One analyte's series, sorted by time. */
export interface AnalyteSeries {
  analyte: LabAnalyte;
  /** UCUM display unit, e.g. "g/L" for fibrinogen, "10*9/L" for platelets. */
  displayUnit: string;
  /** Analyte-level note, e.g. CrCl vs eGFR, LMWH-calibrated vs calibration not stated. */
  note?: Reason;
  points: LabPoint[];
  /** The most recent point, if any. */
  latest?: LabPoint;
  exclusions: Exclusion[];
}

/** labSeries' answer: one series per analyte in LAB_ANALYTES (empty when nothing was found). */
export type LabSeries = Record<LabAnalyte, AnalyteSeries>;
