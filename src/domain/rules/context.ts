/**
 * The narrow, structural input of the rules module. Other domain modules (medication, labs, findings, pregnancy,
 * events) are mapped into these shapes by an assembler; nothing here imports them. Every fact carries the SourceRef it
 * came from, and every list comes with what is known about its completeness: the rules never read "absent" as "none".
 */
import type { Reason } from '../reasons';
import type { EventName } from '../events/eventTypes';
import type { SourceRef } from '../types';
import type { FhirMoment } from '../time';

/** What kind of event a stop rule may anchor on. Only the first four are planned events with a stop deadline. */
export type RuleEventClass =
  | 'caesarean'
  | 'induction-or-planned-birth'
  | 'other-surgery'
  | 'oocyte-retrieval'
  | 'embryo-transfer'
  | 'hcg-test'
  | 'other';

/** What an IVF protocol starts with: a recorded event (by its name), or an estradiol order (its description). */
export type ProtocolStart = { event: EventName } | { estradiolOrder: string };

/** A scheduled, planned or past event (ServiceRequest, Appointment, Procedure in preparation, Encounter planned...). */
export interface RuleEvent {
  id: string;
  class: RuleEventClass;
  /** The record's own text ("Elective caesarean section"), else its class (worded by the UI). */
  name: EventName;
  /** When it is planned; undefined when the record gives no date. */
  when?: FhirMoment;
  sources: SourceRef[];
  /** A what-if event entered in the app, not in the record. */
  enteredHere?: boolean;
}

export type RuleDrugClass = 'lmwh' | 'ufh' | 'fondaparinux';

/** The ingredient when known; drives the weight-band check (enoxaparin mg, dalteparin/tinzaparin units). */
export type RuleIngredient = 'enoxaparin' | 'dalteparin' | 'tinzaparin' | 'nadroparin' | 'heparin' | 'fondaparinux' | 'unknown';

export type RuleDoseClass = 'prophylactic' | 'intermediate' | 'therapeutic' | 'unknown';

/** MedicationRequest status (FHIR R4) or 'unknown' when the resource gave none. */
export type RuleOrderStatus =
  | 'active'
  | 'on-hold'
  | 'completed'
  | 'stopped'
  | 'cancelled'
  | 'entered-in-error'
  | 'draft'
  | 'unknown';

/** An anticoagulant order or plan (MedicationRequest), already recognised as LMWH/UFH/fondaparinux. */
export interface RuleOrder {
  id: string;
  /** The drug's name as a reason (`drug.<drug>`), worded by the UI. */
  drug: Reason;
  drugClass: RuleDrugClass;
  ingredient?: RuleIngredient;
  /** true for intent order / original-order / filler-order / instance-order; false for plan, proposal, option. */
  isOrder: boolean;
  status: RuleOrderStatus;
  /** Start of the dispense/validity period or authoredOn, epoch ms. */
  startMs?: number;
  /** End of the period, epoch ms; undefined = end unknown or no end. */
  endMs?: number | undefined;
  onHold: boolean;
  /** When the hold began, if recorded. */
  onHoldSinceMs?: number;
  doseClass: RuleDoseClass;
  /** Why this class ("40 mg once daily: prophylactic by the RCOG table"), or why unknown. */
  doseClassReason?: Reason;
  /** Total daily dose when it could be read from the dosage: mg for enoxaparin, IU for dalteparin/tinzaparin. */
  dailyDose?: { value: number; unit: 'mg' | 'IU' };
  /** "Enoxaparin 40 mg SC every 24 h" as a reason (`order.summary`), worded by the UI. */
  description: Reason;
  source: SourceRef;
}

/** A dose given, reported or dispensed (MedicationAdministration / Statement / Dispense). */
export interface RuleDose {
  /** The drug's name as a reason (`drug.<drug>`). */
  drug: Reason;
  /** Defaults to 'lmwh' when absent (the assembler passes only anticoagulant doses). */
  drugClass?: RuleDrugClass;
  atMs: number;
  kind: 'administered' | 'reported' | 'dispensed';
  source: SourceRef;
}

/** A timed fact from the record: bleeding, labour onset, protocol start. */
export interface RuleTimedFact {
  label: string;
  /** Epoch ms of the fact (onset / effective); undefined when the record gives no date. */
  atMs?: number;
  source: SourceRef;
}

export type RuleFactStatus = 'present' | 'tested-negative' | 'unclear';

export type IndicationKind =
  | 'ohss'
  | 'ohss-risk'
  | 'high-dose-estrogen'
  | 'recurrent-miscarriage'
  | 'antiphospholipid-antibodies'
  | 'lupus-anticoagulant'
  | 'raised-d-dimer'
  | 'factor-v-leiden';

/** One indication-related fact (Condition, Observation, MedicationRequest) as the findings/labs modules read it. */
export interface IndicationFact {
  kind: IndicationKind;
  status: RuleFactStatus;
  /** What the record says, as the findings module labels it ('findings.indication.*'). */
  label: Reason;
  /** Number of losses, for recurrent miscarriage, when recorded. */
  count?: number;
  atMs?: number;
  source: SourceRef;
}

/** A lab value already normalised by the labs module. */
export interface RuleLab {
  value: number;
  /** Display unit: "10*9/L", "mL/min". */
  unit: string;
  atMs: number;
  source: SourceRef;
}

export interface RuleWeight {
  kg: number;
  atMs: number;
  /** true when this is the booking (early-pregnancy) weight the RCOG table uses; false = another weight. */
  isBooking: boolean;
  source: SourceRef;
}

export interface RuleAspirin {
  description: string;
  /** Active order now. */
  active: boolean;
  source: SourceRef;
}

export interface RuleAllergyFact {
  kind: 'heparin-allergy' | 'hit';
  label: string;
  status: RuleFactStatus;
  source: SourceRef;
}

/** The current pregnancy, as the pregnancy module reads it. */
export interface RulePregnancy {
  /** Estimated date of delivery, epoch ms (start of that day in the zone when date-only). */
  eddMs?: number;
  eddSource?: SourceRef;
  /** Gestational age today in days, when known. */
  gaDaysToday?: number;
  /** How the pregnancy is dated (the pregnancy module's 'pregnancy.dating.*' reason). */
  datingSource?: Reason;
  /** Start of the current pregnancy (LMP-equivalent or conception), epoch ms; derived from the EDD if absent. */
  startMs?: number;
  /** When the pregnancy ended (delivery, loss), if it has. */
  endedMs?: number;
}

/** Everything the rules read. Pure data; `nowMs` comes from the injected Clock. */
export interface RuleContext {
  nowMs: number;
  /**
   * The assembler's answer: the medication searches were complete and found no LMWH order, plan or dose. Then a
   * record event gets no last-dose deadline (a what-if event still does). Absent: not asserted (deadlines computed).
   */
  noLmwhInRecord?: boolean;
  /** Facility time zone (IANA). */
  zone: string;
  events: RuleEvent[];
  orders: RuleOrder[];
  doses: RuleDose[];
  /** Was the medication search (requests, administrations, statements, dispenses) complete? */
  medicationsComplete: boolean;
  medicationsReason?: Reason;
  /** Vaginal bleeding / bloody discharge from the genital tract, any date. */
  bleeding: RuleTimedFact[];
  labourOnset?: RuleTimedFact;
  indicationFacts: IndicationFact[];
  latestPlatelets?: RuleLab;
  aspirin: RuleAspirin[];
  heparinAllergyOrHit: RuleAllergyFact[];
  /** Was the allergy/condition search complete (so "none recorded" can be said)? */
  allergiesComplete?: boolean;
  /** Latest creatinine clearance (or eGFR when that is what the record has: say so in `unit`/source). */
  creatinineClearance?: RuleLab;
  bookingWeight?: RuleWeight;
  pregnancy?: RulePregnancy;
  /** Start of the first IVF protocol step (stimulation start, endometrial preparation), if recorded. */
  /** The first IVF protocol step: an oocyte retrieval or embryo transfer (its name), or an estradiol order's start. */
  ivfProtocolStart?: { what: ProtocolStart; atMs: number; source: SourceRef };
}

/** Patient identity for the copy-to-note text. */
export interface RulePatient {
  name?: string;
  /** FHIR date as written, e.g. "1990-04-03". */
  birthDate?: string;
  identifier?: string;
}
