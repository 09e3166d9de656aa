/**
 * Types of the IVF cycle model: the steps of one cycle (stimulation, trigger, oocyte retrieval, embryo transfer),
 * luteal support, hCG results, pregnancy status, estradiol, OHSS, the pregnancy confirmation after a transfer, the
 * LMWH start relative to the protocol, the source's IVF indications and the dispensed LMWH supply. Codes, numbers,
 * reasons and SourceRefs only: the UI's catalogue words them.
 */
import type { Reason } from '../reasons';
import type { FhirMoment } from '../time';
import type { Exclusion, Known, RecognisedBy, SourceRef } from '../types';
import type { MatchedBy } from '../matchedBy';

/** Every reason code of this module (the catalogue keys are `reason.<code>`). */
export const IVF_REASON_CODES = [
  'ivf.search-incomplete',
  'ivf.step-not-recorded',
  'ivf.no-transfer',
  'ivf.step-time-unreadable',
  'ivf.transfer-type-not-recorded',
  'ivf.embryo-age-not-recorded',
  'ivf.embryo-age-conflict',
  'ivf.embryo-age-unreadable',
  'ivf.embryo-age-blastocyst-day-not-stated',
  'ivf.result-time-unreadable',
  'ivf.result-status-excluded',
  'ivf.hcg-not-interpreted',
  'ivf.estradiol-value-unreadable',
  'ivf.estradiol-unit-not-convertible',
  'ivf.ohss-severity-not-recorded',
  'ivf.ohss-entered-in-error',
  'ivf.not-confirmed',
  'ivf.negative-after-transfer',
  'ivf.lmwh-active-after-negative-hcg',
  'ivf.lmwh-activity-unknown-after-negative-hcg',
  'ivf.no-lmwh-order',
  'ivf.lmwh-start-unknown',
  'ivf.no-protocol-event',
  'ivf.lmwh-started-long-before-protocol',
  'ivf.estrogen-dose-not-judged',
  'ivf.no-ohss-record',
  'ivf.no-estrogen-order',
  'ivf.supply-no-dispense',
  'ivf.supply-dispense-not-handed-over',
  'ivf.supply-dispense-other-drug',
  'ivf.supply-handover-time-unreadable',
  'ivf.supply-quantity-unreadable',
  'ivf.supply-syringes-per-dose-unknown',
  'ivf.supply-frequency-unknown',
  'ivf.supply-runs-out-before-order-end',
  'ivf.supply-runs-out-before-next-event',
  'ivf.supply-order-end-unknown',
  'ivf.transfer-after-now',
  'ivf.transfer-same-day',
  'ivf.medication-time-unreadable',
  'ivf.hcg-possibly-trigger',
  'ivf.ohss-indication',
] as const;
export type IvfReasonCode = (typeof IVF_REASON_CODES)[number];
export type IvfReason = Reason<IvfReasonCode>;

/** The exclusions-report view of the IVF cycle's records (catalogue `exclusions.view.ivf-cycle`). */
export const IVF_VIEW = 'ivf-cycle';

/** How a fact was recognised: a code of a standard system, the app's local IVF code, or a labelled text match. */
export type IvfRecognisedBy = RecognisedBy | 'local-code';

/** One dated step of the cycle, from its record. */
export interface CycleStep {
  kind: 'stimulation-start' | 'trigger' | 'oocyte-retrieval' | 'embryo-transfer';
  atMs: number;
  moment: FhirMoment;
  recognisedBy: IvfRecognisedBy;
  /** The code or text that matched, e.g. "SNOMED 75456002", "ATC G03GA05", "text 'Ovitrelle'". */
  matched: MatchedBy;
  source: SourceRef;
}

export type TransferType = 'fresh' | 'frozen';

export interface EmbryoAge {
  days: number;
  recognisedBy: IvfRecognisedBy;
  matched: MatchedBy;
  source: SourceRef;
}

export interface EmbryoTransfer extends CycleStep {
  kind: 'embryo-transfer';
  transferType: Known<{ value: TransferType; recognisedBy: IvfRecognisedBy; matched: MatchedBy }>;
  embryoAge: Known<EmbryoAge>;
}

/** A luteal-support order (progesterone or estradiol), as written. */
export interface LutealSupportOrder {
  drug: 'progesterone' | 'estradiol';
  status: string | undefined;
  /** In force at `now` by its status and period. */
  active: boolean;
  startMs: number | undefined;
  /** The medication and dosage text as written in the record (quoted data). */
  written: string;
  recognisedBy: IvfRecognisedBy;
  matched: MatchedBy;
  source: SourceRef;
}

export type HcgOutcome = 'positive' | 'negative' | 'not-classified';

export interface HcgResult {
  specimen: 'urine' | 'serum';
  scale: 'qualitative' | 'quantitative';
  atMs: number;
  outcome: HcgOutcome;
  /** Where the outcome came from: a coded or written answer, the lab's interpretation, or its reference range. */
  outcomeFrom: 'coded-answer' | 'text-answer' | 'interpretation' | 'reference-range' | 'none';
  /** The number as reported (quantitative results). */
  value?: { value: number; unit: string | undefined; comparator?: string };
  reason?: IvfReason;
  source: SourceRef;
}

export interface PregnancyStatusRecord {
  atMs: number;
  answer: 'pregnant' | 'not-pregnant' | 'unknown';
  matched: MatchedBy;
  /** Notes on the Observation, as written (e.g. "hCG result pending"). */
  notes: string[];
  source: SourceRef;
}

/** An ultrasound gestational-age result after the transfer: the pregnancy was seen. */
export interface UltrasoundRecord {
  atMs: number;
  source: SourceRef;
}

export interface EstradiolResult {
  atMs: number;
  reported: { value: number; unit: string | undefined; comparator?: string };
  /** Which kind of unit was reported: mass (pg/mL, ng/L...) or molar (pmol/L...). */
  reportedAs: Known<'mass' | 'molar'>;
  pgPerMl: Known<number>;
  pmolPerL: Known<number>;
  /** Interpretation codes as sent (H, L, N...). */
  interpretation: string[];
  source: SourceRef;
}

export type OhssSeverity = 'mild' | 'moderate' | 'severe' | 'critical';

export interface OhssRecord {
  /** 'disorder': OHSS present or past; 'risk': a risk of OHSS only (kept apart: a risk is not the syndrome). */
  kind: 'disorder' | 'risk';
  kindFrom: 'code' | 'text';
  severity: Known<{ value: OhssSeverity; from: 'coded' | 'text'; matched: MatchedBy }>;
  clinicalStatus: string | undefined;
  /** Condition.verificationStatus code as sent (entered-in-error and refuted are left out before this). */
  verificationStatus: string | undefined;
  atMs: number | undefined;
  recognisedBy: IvfRecognisedBy;
  matched: MatchedBy;
  source: SourceRef;
}

/** A planned hCG test (ServiceRequest or Appointment). */
export interface PlannedTest {
  atMs: number;
  moment: FhirMoment;
  status: string | undefined;
  recognisedBy: IvfRecognisedBy;
  matched: MatchedBy;
  source: SourceRef;
}

export interface IvfCycle {
  stimulationStart: Known<CycleStep>;
  trigger: Known<CycleStep>;
  /**
   * Every recorded hCG trigger (administration given, or a completed procedure), oldest first: an hCG result soon
   * after one may measure the injected hCG rather than a pregnancy.
   */
  hcgTriggers: CycleStep[];
  oocyteRetrieval: Known<CycleStep>;
  /** The latest embryo transfer: the cycle the other facts are read against. */
  transfer: Known<EmbryoTransfer>;
  /** Every embryo transfer found, oldest first. */
  transfers: EmbryoTransfer[];
  lutealSupport: LutealSupportOrder[];
  hcg: HcgResult[];
  pregnancyStatus: PregnancyStatusRecord[];
  ultrasound: UltrasoundRecord[];
  estradiol: EstradiolResult[];
  ohss: OhssRecord[];
  plannedHcgTests: PlannedTest[];
  excluded: Exclusion[];
}

export type ConfirmationStatus = 'no-transfer' | 'not-confirmed' | 'confirmed' | 'negative';

/** A record that says whether she is pregnant after the transfer. */
export type ConfirmationEvidence =
  | {
      kind: 'hcg';
      /** 'possibly-trigger': a result not negative within HCG_TRIGGER_WINDOW_DAYS of an hCG trigger (never decisive). */
      outcome: HcgOutcome | 'possibly-trigger';
      /** The test: a measured level (quantitative) or a positive/negative one, in urine or serum. */
      specimen: HcgResult['specimen'];
      scale: HcgResult['scale'];
      atMs: number;
      source: SourceRef;
      /** Why it is not counted ('ivf.hcg-possibly-trigger'), with the trigger it may be. */
      reason?: IvfReason;
      trigger?: SourceRef;
      /** With 'possibly-trigger': what the test itself read (positive or not classified). */
      testOutcome?: Exclude<HcgOutcome, 'negative'>;
    }
  | { kind: 'pregnancy-status'; outcome: 'positive' | 'negative' | 'not-classified'; atMs: number; source: SourceRef }
  | { kind: 'ultrasound'; outcome: 'positive'; atMs: number; source: SourceRef };

/** Gestational age counted from the transfer: 14 days + embryo age at the transfer (ACOG CO 700 convention, PARTIAL). */
export interface GestationFromTransfer {
  days: number;
  atTransferDays: number;
  transferMs: number;
  embryoAgeDays: number;
}

export interface LmwhAfterNegative {
  state: 'active' | 'not-active' | 'unknown' | 'no-order';
  orders: SourceRef[];
  reason: IvfReason;
}

export interface PregnancyConfirmation {
  status: ConfirmationStatus;
  transfer?: EmbryoTransfer;
  /** Calendar days from the transfer date to today, in the facility zone. */
  daysSinceTransfer?: number;
  embryoAgeDays: Known<number>;
  /** The first planned hCG test at or after the transfer, when there is one. */
  plannedHcgTest?: PlannedTest;
  /** The record that decided the status (latest decisive one), when confirmed or negative. */
  decisive?: ConfirmationEvidence;
  /** Every record after the transfer that speaks to it, oldest first. */
  evidence: ConfirmationEvidence[];
  /** Confirmed: the gestational age as fact. Otherwise: what it would be if pregnant (never shown as fact). */
  gestation: Known<GestationFromTransfer>;
  gestationIsHypothetical: boolean;
  /** After a negative test: whether an LMWH order is still in force (a prompt to review, never an order). */
  lmwhAfterNegative?: LmwhAfterNegative;
  reason?: IvfReason;
}

export interface LmwhStartRelative {
  status: 'started-long-before-protocol' | 'started-before-protocol' | 'started-after-protocol-start' | 'unknown';
  lmwhStartMs?: number;
  /** The first IVF protocol event (stimulation, retrieval or transfer) it is compared with. */
  anchor?: CycleStep;
  /** Whole days from the LMWH start to the anchor (positive: the LMWH started earlier). */
  leadDays?: number;
  /** The app's threshold, taken from the source-article caution rule. */
  thresholdDays: number;
  ruleId: string;
  order?: SourceRef;
  reason?: IvfReason;
}

export type IvfIndicationKind = 'ohss-risk-after-transfer' | 'high-dose-estrogen';

export interface IvfIndication {
  kind: IvfIndicationKind;
  status: 'found' | 'not-found' | 'unclear' | 'unknown';
  evidence: SourceRef[];
  reason?: IvfReason;
}

export interface DispenseRecord {
  handedOverMs: number;
  /** Number of injections the dispense holds (syringes / syringes per dose), when it can be read. */
  injections: Known<number>;
  daysSupply?: number;
  quantity?: { value: number; unit: string | undefined };
  source: SourceRef;
}

export interface SupplyCoverage {
  status: 'lasts' | 'runs-out' | 'end-unknown' | 'unknown';
  order?: SourceRef;
  dispenses: DispenseRecord[];
  /** Dispenses for this order that were not counted, each with why (not handed over, another drug than the order's...). */
  notCounted: { reason: IvfReason; source: SourceRef }[];
  /** When the dispensed syringes run out: the first scheduled injection they do not cover. */
  lastsUntil: Known<number>;
  orderEndMs?: number;
  nextEvent?: { atMs: number; source: SourceRef };
  flags: IvfReason[];
  reason?: IvfReason;
}
