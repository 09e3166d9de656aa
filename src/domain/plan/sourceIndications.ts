/**
 * The indications as the clinical source lists them, over the findings already read from the record. Two corrections
 * to a naive reading: pregnancy is the context, not an indication; and a D-dimer the lab flagged high against its
 * (non-pregnant) reference range during pregnancy is not a "raised D-dimer" (it rises in every normal pregnancy,
 * reference 4 and 8.4). Before or outside pregnancy the lab's flag may count, labelled as the lab's flag. A range the
 * lab states for pregnancy (referenceRange.appliesTo "Pregnant", SNOMED 77386006) is judged as written.
 */
import { reason, type Reason } from '../reasons';
import type { SourceRef } from '../types';
import { SOURCE_INDICATIONS } from '../rules/source-article';
import type { IndicationKind, RuleFactStatus } from '../rules/context';

export type SourceIndicationReasonCode =
  | 'plan.indication.pregnancy-is-context'
  | 'plan.indication.ddimer-above-pregnancy-range'
  | 'plan.indication.ddimer-flagged-outside-pregnancy'
  | 'plan.indication.ddimer-non-pregnant-range-in-pregnancy'
  | 'plan.indication.ddimer-pregnancy-unknown';

export type SourceIndicationReason = Reason<SourceIndicationReasonCode>;

/** An indication fact as the record assembler gives it to the rules (IndicationFact), narrowed. */
export interface IndicationFactSlice {
  kind: IndicationKind;
  status: RuleFactStatus;
  atMs?: number;
  count?: number;
  source: SourceRef;
}

/** A D-dimer result (DdimerResult), narrowed. */
export interface DdimerSlice {
  time: { start: number };
  interpretation: readonly fhir4.CodeableConcept[];
  referenceRange: readonly fhir4.ObservationReferenceRange[];
  source: SourceRef;
}

export interface SourceIndicationsInput {
  /** Facts of every kind except 'raised-d-dimer' (those are judged here from the results; any passed are ignored). */
  facts: readonly IndicationFactSlice[];
  ddimer: readonly DdimerSlice[];
  /** Every pregnancy of the record as an instant window (end absent: ongoing). */
  pregnancies: readonly { startMs: number; endMs?: number }[];
  /** The record could place pregnancies in time (the searches were complete and the dating known). */
  pregnanciesKnown: boolean;
}

export interface SourceIndicationEvidence {
  source: SourceRef;
  atMs?: number;
  count?: number;
  status: RuleFactStatus;
  note?: SourceIndicationReason;
}

export interface SourceIndication {
  kind: IndicationKind;
  ruleId: string;
  status: RuleFactStatus;
  evidence: SourceIndicationEvidence[];
}

export interface SourceIndicationsResult {
  indications: SourceIndication[];
  /** The pregnancy as context (never an indication) and the D-dimers flagged against a non-pregnant range in pregnancy. */
  context: {
    ongoingPregnancy: boolean;
    notes: SourceIndicationReason[];
    ddimerNotCounted: SourceIndicationEvidence[];
  };
}

const HIGH_FLAGS = new Set(['H', 'HH', 'HU', 'A', 'AA']);
const PREGNANT = '77386006';
const SNOMED = 'http://snomed.info/sct';

const flaggedHigh = (d: DdimerSlice): boolean => d.interpretation.some((c) => (c.coding ?? []).some((x) => HIGH_FLAGS.has((x.code ?? '').toUpperCase())));
const rangeForPregnancy = (d: DdimerSlice): boolean =>
  d.referenceRange.some((r) => (r.appliesTo ?? []).some((a) => (a.coding ?? []).some((c) => c.system === SNOMED && c.code === PREGNANT)));
const inPregnancy = (ms: number, ps: SourceIndicationsInput['pregnancies']): boolean => ps.some((p) => ms >= p.startMs && ms < (p.endMs ?? Infinity));

/** How a flagged D-dimer counts: an indication (present / unclear) with its label, or not counted (in pregnancy). */
function judgeDdimer(d: DdimerSlice, input: SourceIndicationsInput): SourceIndicationEvidence & { counted: boolean } {
  const base = { source: d.source, atMs: d.time.start };
  if (rangeForPregnancy(d)) return { ...base, status: 'present', note: reason('plan.indication.ddimer-above-pregnancy-range'), counted: true };
  if (!input.pregnanciesKnown) return { ...base, status: 'unclear', note: reason('plan.indication.ddimer-pregnancy-unknown'), counted: true };
  if (inPregnancy(d.time.start, input.pregnancies)) return { ...base, status: 'present', note: reason('plan.indication.ddimer-non-pregnant-range-in-pregnancy'), counted: false };
  return { ...base, status: 'present', note: reason('plan.indication.ddimer-flagged-outside-pregnancy'), counted: true };
}

function combined(evidence: readonly SourceIndicationEvidence[]): RuleFactStatus {
  if (evidence.some((e) => e.status === 'present')) return 'present';
  if (evidence.some((e) => e.status === 'unclear')) return 'unclear';
  return 'tested-negative';
}

const RANK: Record<RuleFactStatus, number> = { present: 0, unclear: 1, 'tested-negative': 2 };

/**
 * The source's indications found in the record, in the source's order within each status (present, unclear,
 * tested negative); pregnancy and in-pregnancy D-dimers as context. Pure; the rules area calls it in place of its
 * own list.
 */
export function indicationsAsSourceLists(input: SourceIndicationsInput): SourceIndicationsResult {
  const judged = input.ddimer.filter(flaggedHigh).map((d) => judgeDdimer(d, input));
  const evidenceOf = (kind: IndicationKind): SourceIndicationEvidence[] => {
    if (kind === 'raised-d-dimer') return judged.filter((j) => j.counted).map(({ counted: _counted, ...e }) => e);
    return input.facts
      .filter((f) => f.kind === kind)
      .map((f) => ({ source: f.source, status: f.status, ...(f.atMs !== undefined ? { atMs: f.atMs } : {}), ...(f.count !== undefined ? { count: f.count } : {}) }));
  };
  const indications: SourceIndication[] = [];
  for (const rule of SOURCE_INDICATIONS) {
    const kind = rule.parameters.indication;
    if (kind === 'ongoing-pregnancy-monitoring') continue; // pregnancy is context, not an indication
    const evidence = evidenceOf(kind);
    if (evidence.length > 0) indications.push({ kind, ruleId: rule.id, status: combined(evidence), evidence });
  }
  const ongoingPregnancy = input.pregnanciesKnown && input.pregnancies.some((p) => p.endMs === undefined);
  const ddimerNotCounted = judged.filter((j) => !j.counted).map(({ counted: _counted, ...e }) => e);
  const notes: SourceIndicationReason[] = [];
  if (ongoingPregnancy) notes.push(reason('plan.indication.pregnancy-is-context'));
  if (ddimerNotCounted.length > 0) notes.push(reason('plan.indication.ddimer-non-pregnant-range-in-pregnancy'));
  return {
    indications: indications.map((x, i) => ({ x, i })).sort((a, b) => RANK[a.x.status] - RANK[b.x.status] || a.i - b.i).map((y) => y.x),
    context: { ongoingPregnancy, notes, ddimerNotCounted },
  };
}
