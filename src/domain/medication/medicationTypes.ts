/**
 * Exported types of the medication domain: recognition, resolution, orders, recorded doses, dose class and weights.
 * Pure data; every value that can be missing is a Known<T> (unknown with a reason), every dropped record an Exclusion.
 */
import type { Exclusion, Known, RecognisedBy, SourceRef } from '../types';
import type { FhirMoment } from '../time';
import type { Reason } from '../reasons';
import type { MatchedBy } from '../matchedBy';
import type { DoseClassSourceId } from './doseClassThresholds';

/** Verification status of a code or number, as in docs/clinical-reference.md. */
export type VerificationStatus = 'verified' | 'partial' | 'unverified';

/** Anticoagulants the app recognises. 'lmwh-unspecified': a text that says "low molecular weight heparin" only. */
export type AnticoagulantDrug =
  | 'enoxaparin'
  | 'dalteparin'
  | 'nadroparin'
  | 'tinzaparin'
  | 'certoparin'
  | 'lmwh-unspecified'
  | 'heparin'
  | 'fondaparinux';

/** LMWH proper, unfractionated heparin, or fondaparinux (a related anticoagulant). */
export type DrugClass = 'lmwh' | 'ufh' | 'fondaparinux';

/** What a product code says about the presentation (from the reference's SCD list): informational only. */
export interface StrengthHint {
  /** Amount in one unit of presentation (syringe), when the code names a volume. */
  amount?: { value: number; unit: 'mg' | 'IU' };
  volumeMl?: number;
  concentration: { value: number; unit: 'mg/mL' | 'IU/mL' };
  /** e.g. "RxNorm 854235: 0.4 mL enoxaparin sodium 100 mg/mL prefilled syringe". */
  from: string;
}

/** A recognised anticoagulant and how it was recognised. */
export interface AnticoagulantRecognition {
  drug: AnticoagulantDrug;
  drugClass: DrugClass;
  recognisedBy: RecognisedBy;
  /** The code that matched (RxNorm 854235, ATC B01AB05, SNOMED 372562003), or a labelled text match (Clexane). */
  matched: MatchedBy;
  /** Verification status of the code that matched (text matches: 'unverified' is not used; see matched). */
  codeStatus?: VerificationStatus;
  /** Recognised from Reference.display because the medication could not be resolved (why). */
  fromReferenceDisplay?: Reason;
  strengthHint?: StrengthHint;
}

/** Other drugs relevant for cautions and indications. */
export type OtherRelevantDrug = 'estradiol' | 'aspirin';

/** A recognised estradiol or aspirin and how it was recognised. */
export interface OtherRelevantRecognition {
  drug: OtherRelevantDrug;
  recognisedBy: RecognisedBy;
  matched: MatchedBy;
  codeStatus?: VerificationStatus;
}

/** Resources whose medication[x] can be resolved. */
export type MedicationUse =
  | fhir4.MedicationRequest
  | fhir4.MedicationAdministration
  | fhir4.MedicationStatement
  | fhir4.MedicationDispense;

/** medication[x] resolved to a concept (and the Medication when it was a reference), or unresolved with the reason. */
export type ResolvedMedication =
  | {
      resolved: true;
      via: 'medicationCodeableConcept' | 'reference' | 'contained';
      concept: fhir4.CodeableConcept | undefined;
      medication: fhir4.Medication | undefined;
      reference?: string;
    }
  | {
      resolved: false;
      reason: Reason;
      reference?: string;
      /** Reference.display, kept so a labelled text fallback is still possible. */
      display?: string;
    };

/** A dose amount in mg or anti-Xa IU (per kg when the order is weight-based). */
export interface DoseAmount {
  value: number;
  unit: 'mg' | 'IU';
  perKg: boolean;
  /** As written, e.g. "0.4 mL", "40 mg", "5000 [iU]". */
  original: string;
  /** Set when the amount was converted from a volume with the Medication.ingredient strength. */
  fromVolume?: { ml: number; concentration: string };
  /** How the unit was read when it was not a UCUM code (e.g. 'units' read as IU). */
  unitNote?: Reason;
  /** Which doseAndRate entry was used when there were several (e.g. "admin-amount"). */
  entry?: string;
}

/** How often: doses per 24 h and the interval in hours. */
export interface DoseFrequency {
  dosesPer24h: number;
  intervalHours: number;
  /** e.g. "2 per 1 d", "timing.code BID", "every 12 h". */
  original: string;
  /** FHIR's default (frequency 1 when only a period is given) was applied. */
  note?: Reason;
}

export type RouteKind = 'subcutaneous' | 'intravenous' | 'intramuscular' | 'oral' | 'other';

export interface RouteInfo {
  kind: RouteKind;
  recognisedBy: 'snomed' | 'text';
  original: string;
}

/** Start of an order: boundsPeriod.start, else authoredOn (labelled). */
export interface OrderStart {
  ms: number;
  moment: FhirMoment;
  from: 'boundsPeriod.start' | 'authoredOn';
}

/** End of an order (exclusive instant); never from dispenseRequest.validityPeriod. */
export interface OrderEnd {
  ms: number;
  from: 'boundsPeriod.end' | 'boundsDuration' | 'count';
  /** The written end (boundsPeriod.end) when there is one. */
  moment?: FhirMoment;
  /** Count: when the last dose is due. */
  lastDoseDueMs?: number;
  /** How it was derived (count, duration, date-only end). A string only from test builders written before codes. */
  note: Reason;
}

export type MedicationRequestStatus = NonNullable<fhir4.MedicationRequest['status']>;

/** A normalised anticoagulant MedicationRequest (LMWH, UFH or fondaparinux). */
export interface LmwhOrder {
  id: string | undefined;
  drug: AnticoagulantDrug;
  drugClass: DrugClass;
  recognition: AnticoagulantRecognition;
  status: Known<MedicationRequestStatus>;
  intent: Known<string>;
  /** False for intent plan / proposal (and unknown intents): kept, but not an order to give. */
  isOrder: boolean;
  notAnOrderReason?: Reason;
  dose: Known<DoseAmount>;
  frequency: Known<DoseFrequency>;
  route: Known<RouteInfo>;
  asNeeded: boolean;
  start: Known<OrderStart>;
  end: Known<OrderEnd>;
  /** Concentration from Medication.ingredient strength when there was one ("100 mg/mL"). */
  concentration?: { value: number; unit: 'mg/mL' | 'IU/mL'; original: string };
  /** The clock parts of dosageInstruction[0].timing as written (strings only): the injection schedule reads them. */
  timing?: { repeat: { timeOfDay: string[]; when: string[] } };
  /** reasonCode as written (quoted data: text or display, code, system). */
  reasonCodes?: { text?: string; code?: string; system?: string }[];
  /** reasonReference as written (e.g. Condition/dvt-1 with its display). */
  reasonReferences?: { reference?: string; display?: string }[];
  source: SourceRef;
}

/** Result of normalising one MedicationRequest. */
export type OrderResult =
  | { kind: 'order'; order: LmwhOrder }
  | { kind: 'excluded'; exclusion: Exclusion; recognition?: AnticoagulantRecognition }
  | { kind: 'not-anticoagulant'; reason: Reason };

/** Whether an order is in force at an instant; 'unknown' with the reason when the data do not tell. */
export interface ActiveAt {
  state: 'active' | 'inactive' | 'unknown';
  /** A code; a status or start reason passes through as given (see Known). */
  reason: Reason;
}

/** administered (MedicationAdministration), reported (MedicationStatement), dispensed (MedicationDispense). */
export type DoseKind = 'administered' | 'reported' | 'dispensed';

/** A dose given, reported or dispensed, with its time. */
export interface RecordedDose {
  kind: DoseKind;
  /** "administered", "patient-reported", "dispensed, not a proof of injection". */
  label: string;
  drug: AnticoagulantDrug;
  drugClass: DrugClass;
  recognition: AnticoagulantRecognition;
  status: string;
  /**
   * When: ms is the dose time (effectivePeriod: its end; a date-only value counts from the start of its day, the
   * project rule); moment keeps the written value and precision.
   */
  time: Known<{ ms: number; moment: FhirMoment; from: string; periodEnd?: FhirMoment }>;
  dose: Known<DoseAmount>;
  source: SourceRef;
}

export interface RecordedDoses {
  doses: RecordedDose[];
  exclusions: Exclusion[];
}

/** The last dose with a known time for one drug, and the latest of each kind. */
export interface LastDose {
  drug: AnticoagulantDrug;
  drugClass: DrugClass;
  kind: DoseKind;
  ms: number;
  dose: RecordedDose;
  source: SourceRef;
  latestByKind: Partial<Record<DoseKind, RecordedDose>>;
  /** Doses of this drug whose time is unknown (not used for "last"). */
  withoutTime: number;
}

export type DoseClass = 'prophylactic' | 'intermediate' | 'therapeutic';

/** A dose class with the threshold row it came from, or unknown with the reason. */
export type DoseClassResult =
  | {
      class: DoseClass;
      /** Why this class (a reason code with the numbers compared; the UI words it). */
      basis: Reason;
      thresholdId: string;
      /** Where the threshold row comes from (a code the catalogue words). */
      source: DoseClassSourceId;
      verification: VerificationStatus;
      weightKg?: number;
    }
  | { class: 'unknown'; reason: Reason };

/** A body weight in kg with its date and source. */
export interface BodyWeight {
  kg: number;
  kind: 'body' | 'pre-pregnancy';
  loinc: string;
  moment: FhirMoment;
  ms: number;
  /** As written, e.g. "154 [lb_av]". */
  original: string;
  /** How it was read: pre-pregnancy weight, unit conversions (codes; the UI words them). */
  notes?: Reason[];
  source: SourceRef;
}

export interface BodyWeights {
  weights: BodyWeight[];
  exclusions: Exclusion[];
}

/** The booking weight with how long after the start of pregnancy it was taken. */
export interface BookingWeight {
  weight: BodyWeight;
  daysAfterPregnancyStart: number;
}

/** Dose per kg, per dose and per day, with the weight named. */
export interface DosePerKg {
  perDose: { value: number; unit: 'mg/kg' | 'IU/kg' };
  perDay: Known<{ value: number; unit: 'mg/kg/day' | 'IU/kg/day' }>;
  weight: { kg: number; ms: number; moment: FhirMoment; source: SourceRef };
}
