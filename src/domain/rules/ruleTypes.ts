/**
 * The rule vocabulary (rules as data) and the evaluator's outputs. A rule is a typed record with an id, a version, a
 * source with its verification status, a kind and parameters. Its attributed wording lives in the message catalogue
 * under `rule.<id>` (`src/ui/messages/en/ruleWording.ts`); the outputs carry codes, instants and reasons, never prose.
 */
import type { Reason } from '../reasons';
import type { SourceRef } from '../types';
import type { RuleDose, RuleDoseClass, RuleEvent, RuleEventClass, RuleFactStatus, RuleOrder } from './context';

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

/** One verification note per source variant (a source may carry several, e.g. a verified and a partial part). */
export type SourceNoteId =
  | 'source-article'
  | 'asra-2018'
  | 'asra-2018-restart'
  | 'rcog-37a'
  | 'rcog-37a-section8'
  | 'rcog-37a-table3'
  | 'acog-2020'
  | 'ash-2018'
  | 'eshre-2022'
  | 'soap-2018'
  | 'ddimer-studies'
  | 'enoxaparin-label'
  | 'general-lab';

export interface RuleSource {
  kind: 'source-article' | 'guideline' | 'study' | 'product-label' | 'general-knowledge';
  name: RuleSourceName;
  /** Full reference of a published work, as published; null when the source is not one (worded in the catalogue). */
  citation: string | null;
  verification: Verification;
  /** What exactly was (not) verified: worded in the catalogue as `evidence.note.<noteId>`. */
  noteId: SourceNoteId;
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

/** Exactly these four states of a stop line. */
export type StopStatus = 'stop-documented' | 'stop-not-documented' | 'no-lmwh-order' | 'unknown';

/** Every reason the rules give; the catalogue words each as `reason.<code>`. */
export type RulesReasonCode =
  | 'rules.anchor.no-date'
  | 'rules.anchor.unreadable'
  | 'rules.anchor.imprecise'
  | 'rules.order.ends-by'
  | 'rules.order.ended-already'
  | 'rules.order.ended-when-unknown'
  | 'rules.order.on-hold-before'
  | 'rules.order.on-hold-after'
  | 'rules.order.on-hold-now'
  | 'rules.order.on-hold-since-unknown'
  | 'rules.order.active-no-end'
  | 'rules.order.runs-until'
  | 'rules.order.status-unknown'
  | 'rules.order.reading'
  | 'rules.join'
  | 'rules.status.runs-past'
  | 'rules.status.search-incomplete'
  | 'rules.status.no-order'
  | 'rules.status.unknown-orders'
  | 'rules.status.documented'
  | 'rules.status.no-deadline'
  | 'rules.status.against-event'
  | 'rules.deadline.none'
  | 'rules.deadline.no-interval'
  | 'rules.interval.dose-class-unknown'
  | 'rules.interval.intermediate'
  | 'rules.interval.dose-class'
  | 'rules.date-only.midnight'
  | 'rules.date-only.clock-change'
  | 'rules.dose-class.no-order'
  | 'rules.dose-class.from-order'
  | 'rules.difference.source-no-interval'
  | 'rules.difference.source-stricter'
  | 'rules.not-applicable.embryo-transfer'
  | 'rules.not-applicable.other'
  | 'rules.card.no-lmwh-order'
  | 'rules.platelets.latest'
  | 'rules.platelets.none'
  | 'rules.heparin-days.unknown'
  | 'rules.heparin-days.known'
  | 'rules.platelets-before-block.detail'
  | 'rules.delivery.aspirin-ordered'
  | 'rules.delivery.aspirin-none'
  | 'rules.delivery.aspirin-unknown'
  | 'rules.delivery.allergy-recorded'
  | 'rules.delivery.allergy-fact'
  | 'rules.delivery.allergy-none'
  | 'rules.delivery.allergy-unknown'
  | 'rules.edd.applies-to-planned-birth'
  | 'rules.stop-now.no-date'
  | 'rules.stop-now.in-pregnancy'
  | 'rules.stop-now.not-placed'
  | 'rules.stop-now.after-order-start'
  | 'rules.stop-now.labour-source-note'
  | 'rules.caution.long-before'
  | 'rules.anchor.estradiol-start'
  | 'rules.caution.dose-band'
  | 'rules.caution.renal'
  | 'rules.caution.current-orders'
  | 'rules.not-checked.no-start'
  | 'rules.not-checked.no-anchor'
  | 'rules.not-checked.therapeutic'
  | 'rules.not-checked.dose-class-unknown'
  | 'rules.not-checked.ingredient'
  | 'rules.not-checked.no-daily-dose'
  | 'rules.not-checked.no-weight'
  | 'rules.not-checked.non-booking-weight'
  | 'rules.not-checked.unit'
  | 'rules.not-checked.intermediate-band'
  | 'rules.not-checked.no-clearance';

export type RulesReason = Reason<RulesReasonCode>;

/** One LMWH order read against one deadline. */
export interface OrderReading {
  order: RuleOrder;
  /** 'ends' = ends (or went on hold) at or before the deadline; 'runs-past' = runs past it or has no end. */
  verdict: 'ends' | 'runs-past' | 'unknown';
  reason: RulesReason;
}

/** One stop-before-event line on an event card. */
export interface DeadlineLine {
  ruleId: string;
  ruleVersion: string;
  source: RuleSource;
  hoursBefore: number | null;
  /** Why this interval (dose class; unknown dose class uses the longest guideline interval). */
  intervalReason?: RulesReason;
  /** The instant: event instant minus hours, on absolute time. null when no interval or no event date. */
  deadlineMs: number | null;
  deadlineIsoInZone: string | null;
  /** Why there is no deadline instant (no event date, or the rule gives no interval). */
  noDeadlineReason?: RulesReason;
  /** For a date-only event: it counts from 00:00 of that day in the facility zone; states the resulting time. */
  dateOnlyNote?: RulesReason;
  status: StopStatus;
  statusReason: RulesReason;
  orders: OrderReading[];
  /** LMWH doses recorded after the deadline and before the event. */
  dosesAfterDeadline: RuleDose[];
}

/** An attributed information line (restart, notes, near-term): the rule, and data from the record shown with it. */
export interface InfoLine {
  ruleId: string;
  ruleVersion: string;
  source: RuleSource;
  kind: RuleKind;
  detail?: RulesReason;
  evidence?: SourceRef[];
}

/** Facts shown on delivery cards. */
export interface DeliveryFacts {
  platelets: RulesReason;
  plateletsSource?: SourceRef;
  aspirin: RulesReason;
  aspirinSources: SourceRef[];
  heparinAllergyOrHit: RulesReason;
  allergySources: SourceRef[];
}

export interface EventCard {
  event: RuleEvent;
  /** false for event classes with no stop rule (embryo transfer, other): `notApplicableReason` says why. */
  applies: boolean;
  notApplicableReason?: RulesReason;
  /** No LMWH order and no LMWH dose in the record: no last-dose deadline is computed (a what-if event still gets one). */
  noLmwhOrderReason?: RulesReason;
  /** The instant the deadlines count from (a date-only event: 00:00 that day in the facility zone). */
  anchorMs: number | null;
  /** The anchor is the start of a day (the event has a date but no time). */
  anchorDateOnly: boolean;
  /** Why there is no anchor. */
  noAnchorReason?: RulesReason;
  /** ms from nowMs to the anchor (negative = in the past); null without a date. */
  countdownMs: number | null;
  /** The dose class the guideline intervals were chosen for, and why. */
  doseClass: RuleDoseClass;
  doseClassReason: RulesReason;
  deadlines: DeadlineLine[];
  /** Where the source and the guidelines differ. */
  differences: RulesReason[];
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
  /** Gestational age today in days, when known. */
  gaDays?: number;
  /** How the pregnancy is dated, as the pregnancy module gives it (a reason); undefined when not recorded. */
  datingSource?: Reason;
  lines: InfoLine[];
  eddSource?: SourceRef;
}

export interface StopNowTrigger {
  kind: StopNowTriggerKind;
  /** The record it came from; the label is the record's own text. */
  fact: { label: string; atMs?: number; source: SourceRef };
  /** Why it counts (in the current pregnancy, during an active order). */
  context: RulesReason;
  /** The attributed lines: the source's, and the guideline's beside it. */
  lines: InfoLine[];
  activeOrders: RuleOrder[];
}

/** One record behind an indication: a fact (its own label and status), the ongoing pregnancy, or an embryo transfer. */
export type IndicationEvidence =
  | { kind: 'fact'; label: Reason; status: RuleFactStatus; count?: number; fewerThanSourceCount?: boolean; atMs?: number; source: SourceRef }
  | { kind: 'ongoing-pregnancy'; eddMs?: number; source: SourceRef }
  | { kind: 'embryo-transfer'; atMs: number | null; source: SourceRef };

export interface IndicationFinding {
  kind: import('./context').IndicationKind | 'ongoing-pregnancy-monitoring';
  ruleId: string;
  ruleVersion: string;
  source: RuleSource;
  /** 'present' found; 'tested-negative' listed as negative; 'unclear' as recorded. */
  status: RuleFactStatus;
  evidence: IndicationEvidence[];
  /** Guideline notes beside it where they differ from the source. */
  guidelineNotes: InfoLine[];
}

export interface CautionFinding {
  topic: CautionTopic;
  ruleId: string;
  ruleVersion: string;
  source: RuleSource;
  /** The record data it is based on. */
  detail: RulesReason;
  evidence: SourceRef[];
  /** Notes beside it (e.g. ASH 2018 beside the source's panel control). */
  beside: InfoLine[];
}

export interface CautionsResult {
  cautions: CautionFinding[];
  /** Checks that could not be made, with the reason (never silently "fine"). */
  notChecked: { ruleId: string; reason: RulesReason }[];
}
