/** Types of planned and past clinical events (surgery, planned birth, IVF procedures) read from FHIR. */
import type { Exclusion, RecognisedBy, SourceRef } from '../types';
import type { FhirMoment } from '../time';
import type { Reason } from '../reasons';
import type { MatchedBy } from '../matchedBy';

/** What kind of event a record describes. 'delivery' is a past vaginal or unspecified birth. */
export type EventClass =
  | 'caesarean'
  | 'induction-or-planned-birth'
  | 'other-surgery'
  | 'embryo-transfer'
  | 'oocyte-retrieval'
  | 'hcg-test'
  | 'delivery'
  | 'other';

/**
 * How an event's class was recognised. The shared RecognisedBy has no CPT member, so 'cpt' is added here;
 * 'unrecognised' means no known code or text matched (class 'other').
 */
export type EventRecognisedBy = RecognisedBy | 'cpt' | 'unrecognised';

/** Where the event sits relative to now: today or later, a planned date already past, or no date recorded. */
export type EventTiming = 'future-or-today' | 'past-date' | 'date-not-set';

/**
 * How an event is named: the record's own text or display (quoted data) when it has one, else its class, which the
 * UI words from the catalogue (`reason.event.class.<class>`). The domain writes no class names.
 */
export type EventName = { text: string } | { class: EventClass };

/** One planned or past event, possibly recorded by several resources (ServiceRequest, Appointment, Procedure ...). */
export interface PlannedEvent {
  /** Stable id: "event:" + the smallest "Type/id" key of its source records. */
  id: string;
  class: EventClass;
  /** The record's own text or display, else the class (worded by the UI). */
  name: EventName;
  /** The earliest time among its records, at its own precision; undefined = "date not set". */
  when: FhirMoment | undefined;
  /** Every record that describes this event. */
  sources: SourceRef[];
  /** The record whose date gave `when`. */
  timeSource: SourceRef | undefined;
  recognisedBy: EventRecognisedBy;
  /** What matched: a code (SNOMED 11466000, ICD-10-PCS 10D00Z1), a labelled text match, or nothing recognised. */
  matched: MatchedBy;
  /** True for an event still to happen (planned statuses), false for a performed one. */
  planned: boolean;
  timing: EventTiming;
  /** Things the clinician should know (records disagree on the class, a planned date already passed ...), as reasons. */
  notes: Reason[];
}

/** All events of a record: planned ones (today/future first, then undated, then past-dated), past ones, exclusions. */
export interface EventsResult {
  planned: PlannedEvent[];
  /** Performed events (newest first), only those whose class is recognised. */
  past: PlannedEvent[];
  exclusions: Exclusion[];
}
