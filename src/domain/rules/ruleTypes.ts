/**
 * The rule vocabulary (rules as data) and the evaluator's outputs. A rule is a typed record with an id, a version, a
 * source with its verification status, a kind, parameters and attributed wording. Wording always attributes ("The
 * source advises ...", "ASRA 2018 (guideline): ..."); it never orders anyone to inject or stop.
 */
import type { SourceRef } from '../types';
import type { RuleDose, RuleDoseClass, RuleEvent, RuleEventClass, RuleOrder } from './context';

export type RuleSourceName =
  | 'The source article (Clexane article)'
  | 'ASRA 2018'
  | 'RCOG Green-top 37a (2015)'
  | 'ACOG Practice Bulletin 196 (2018)'
  | 'ACOG Practice Advisory 2020'
  | 'ASH 2018'
  | 'ESHRE 2022'
  | 'SOAP 2018'
  | 'Published studies (D-dimer in pregnancy)'
  | 'Enoxaparin product labelling'
  | 'General laboratory knowledge';

/**
 * 'verified': the number/statement was confirmed (docs/clinical-reference.md says VERIFIED).
 * 'partial': seen only in a secondary source or reproduction; never presented as a verified guideline number.
 * 'source-text': the clinical source article's own text.
 */
export type Verification = 'verified' | 'partial' | 'source-text';

export interface RuleSource {
  kind: 'source-article' | 'guideline' | 'study' | 'product-label' | 'general-knowledge';
  name: RuleSourceName;
  /** Full reference. */
  citation: string;
  verification: Verification;
  /** What exactly was (not) verified, in one sentence. */
  verificationNote: string;
}

export type RuleKind = 'stop-before-event' | 'stop-now' | 'restart-after' | 'indication' | 'caution' | 'note';

/** The planned events a stop deadline anchors on. */
export type PlannedEventClass = Extract<RuleEventClass, 'caesarean' | 'induction-or-planned-birth' | 'other-surgery' | 'oocyte-retrieval'>;
export const PLANNED_EVENT_CLASSES: readonly PlannedEventClass[] = ['caesarean', 'induction-or-planned-birth', 'other-surgery', 'oocyte-retrieval'];
export const DELIVERY_EVENT_CLASSES: readonly PlannedEventClass[] = ['caesarean', 'induction-or-planned-birth'];

interface RuleBase {
  id: string;
  /** Semantic version of the rule's content; bump on any change of numbers or wording. */
  version: string;
  source: RuleSource;
  /** What is shown, attributed. */
  wording: string;
}

export interface StopBeforeEventRule extends RuleBase {
  kind: 'stop-before-event';
  parameters: {
    eventClasses: readonly PlannedEventClass[];
    /** Hours before the event instant; null = the source gives no interval (said plainly). */
    hoursBefore: number | null;
    /** Which dose classes this interval is for ('any' = independent of dose). */
    doseClasses: readonly RuleDoseClass[] | 'any';
    /** What the interval is measured to: the event itself, or a neuraxial block for it. */
    anchor: 'event' | 'neuraxial-block';
  };
}

export type StopNowTriggerKind = 'genital-bleeding' | 'labour-onset';

export interface StopNowRule extends RuleBase {
  kind: 'stop-now';
  parameters: { triggers: readonly StopNowTriggerKind[] };
}

export interface RestartAfterRule extends RuleBase {
  kind: 'restart-after';
  parameters: {
    after: 'delivery' | 'neuraxial-catheter-removal';
    /** Hours after, only when the number is VERIFIED; null otherwise (then only words are shown). */
    hoursAfter: number | null;
    /** A number seen only in a secondary source: shown in the wording, labelled, never used to compute a time. */
    partialHours?: number;
  };
}

export interface IndicationRule extends RuleBase {
  kind: 'indication';
  parameters: { indication: import('./context').IndicationKind | 'ongoing-pregnancy-monitoring' };
}

export type CautionTopic =
  | 'started-long-before-protocol'
  | 'dose-per-kg-band'
  | 'renal-clearance'
  | 'coagulation-panel-control'
  | 'anti-xa-monitoring'
  | 'platelets-before-block';

export interface CautionRule extends RuleBase {
  kind: 'caution';
  parameters:
    | { topic: 'started-long-before-protocol'; appThresholdDays: number }
    | { topic: 'dose-per-kg-band'; weightUsed: 'booking' }
    | { topic: 'renal-clearance'; belowMlPerMin: number }
    | { topic: 'coagulation-panel-control' }
    | { topic: 'anti-xa-monitoring' }
    | { topic: 'platelets-before-block'; heparinDaysOver: number };
}

export type NoteTopic =
  | 'works-only-while-injected'
  | 'dose-by-weight-under-panel-control'
  | 'ufh-switch-optional'
  | 'postnatal-duration'
  | 'ohss-risk-factor'
  | 'ohss-lmwh-purpose'
  | 'd-dimer-rises-in-pregnancy'
  | 'inherited-thrombophilia-without-aps'
  | 'neuraxial-consensus'
  | 'pt-aptt-not-for-lmwh';

export interface NoteRule extends RuleBase {
  kind: 'note';
  parameters: { topic: NoteTopic; eventClasses?: readonly PlannedEventClass[] };
}

/** Every rule the app knows. */
export type Rule = StopBeforeEventRule | StopNowRule | RestartAfterRule | IndicationRule | CautionRule | NoteRule;

// ---------------------------------------------------------------------------------------------------------------
// Evaluator outputs
// ---------------------------------------------------------------------------------------------------------------

/** Exactly these four names. */
export type StopStatus = 'Stop documented' | 'Stop not documented' | 'No LMWH order found' | 'Unknown';

/** One LMWH order read against one deadline. */
export interface OrderReading {
  order: RuleOrder;
  /** 'ends' = ends (or went on hold) at or before the deadline; 'runs-past' = runs past it or has no end. */
  verdict: 'ends' | 'runs-past' | 'unknown';
  reason: string;
}

/** One stop-before-event line on an event card. */
export interface DeadlineLine {
  ruleId: string;
  ruleVersion: string;
  source: RuleSource;
  wording: string;
  hoursBefore: number | null;
  /** Why this interval (dose class; unknown dose class uses the longest guideline interval). */
  intervalReason?: string;
  /** The instant: event instant minus hours, on absolute time. null when no interval or no event date. */
  deadlineMs: number | null;
  deadlineIsoInZone: string | null;
  /** "Last dose no later than 26 Nov 2026 08:30 (UTC)" or a plain sentence when there is no deadline. */
  deadlineText: string;
  /** For a date-only event: it counts from 00:00 of that day in the facility zone; states the resulting time. */
  dateOnlyNote?: string;
  status: StopStatus;
  statusReason: string;
  orders: OrderReading[];
  /** LMWH doses recorded after the deadline and before the event. */
  dosesAfterDeadline: RuleDose[];
}

/** A labelled information line (restart, notes, near-term, delivery facts). */
export interface InfoLine {
  ruleId: string;
  ruleVersion: string;
  source: RuleSource;
  kind: RuleKind;
  wording: string;
  /** Data from the record shown with it ("Platelets 210 10*9/L on 3 Apr 2026"). */
  detail?: string;
  evidence?: SourceRef[];
}

/** Facts shown on delivery cards. */
export interface DeliveryFacts {
  platelets: string;
  plateletsSource?: SourceRef;
  aspirin: string;
  aspirinSources: SourceRef[];
  heparinAllergyOrHit: string;
  allergySources: SourceRef[];
}

export interface EventCard {
  event: RuleEvent;
  /** false for event classes with no stop rule (embryo transfer, other): `notApplicableReason` says why. */
  applies: boolean;
  notApplicableReason?: string;
  /** "entered here, not in the record" for what-if events. */
  enteredHereNote?: string;
  /** The instant the deadlines count from (a date-only event: 00:00 that day in the facility zone). */
  anchorMs: number | null;
  anchorText: string;
  /** ms from nowMs to the anchor (negative = in the past); null without a date. */
  countdownMs: number | null;
  countdownText: string;
  /** The dose class the guideline intervals were chosen for, and why. */
  doseClass: RuleDoseClass;
  doseClassReason: string;
  deadlines: DeadlineLine[];
  /** Sentences stating where the source and the guidelines differ. */
  differences: string[];
  restart: InfoLine[];
  notes: InfoLine[];
  delivery?: DeliveryFacts;
  /** LMWH orders (intent order) considered for this card. */
  orders: RuleOrder[];
  /** Latest recorded LMWH dose at or before now. */
  lastDose?: RuleDose;
}

export interface EddInfoCard {
  eddMs: number;
  eddText: string;
  gaText: string;
  datingSource: string;
  /** Why there is no countdown. */
  noCountdownReason: string;
  lines: InfoLine[];
  eddSource?: SourceRef;
}

export interface StopNowTrigger {
  kind: StopNowTriggerKind;
  /** The record it came from. */
  fact: { label: string; atMs?: number; atText: string; source: SourceRef };
  /** Why it counts (in the current pregnancy, during an active order). */
  context: string;
  /** The attributed lines: the source's, and the guideline's beside it. */
  lines: InfoLine[];
  activeOrders: RuleOrder[];
}

export interface IndicationFinding {
  kind: import('./context').IndicationKind | 'ongoing-pregnancy-monitoring';
  ruleId: string;
  ruleVersion: string;
  source: RuleSource;
  /** What the source says about it, attributed. */
  wording: string;
  /** 'present' found; 'tested-negative' listed as negative; 'unclear' as recorded. */
  status: import('./context').RuleFactStatus;
  evidence: { label: string; atText?: string; source: SourceRef }[];
  /** Guideline notes beside it where they differ from the source. */
  guidelineNotes: InfoLine[];
}

export interface CautionFinding {
  topic: CautionTopic;
  ruleId: string;
  ruleVersion: string;
  source: RuleSource;
  wording: string;
  /** The record data it is based on. */
  detail: string;
  evidence: SourceRef[];
  /** Notes beside it (e.g. ASH 2018 beside the source's panel control). */
  beside: InfoLine[];
}

export interface CautionsResult {
  cautions: CautionFinding[];
  /** Checks that could not be made, with the reason (never silently "fine"). */
  notChecked: { ruleId: string; reason: string }[];
}
