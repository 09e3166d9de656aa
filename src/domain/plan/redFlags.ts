/**
 * The red flags of the plan strip, each present / absent / unknown with its source records and its reference as
 * data. Unknown stays unknown: no creatinine clearance recorded is a neutral "unknown", not a flag; a search that was
 * not complete never gives "absent". Pure functions over narrow slices of the built record; codes and numbers only.
 */
import { instantParam, listParam, reason, reasonParam, selectParam, type Reason } from '../reasons';
import type { SourceRef } from '../types';
import { DAY_MS } from '../time';
import type { RegimenClass } from '../medication/regimen';
import { RENAL_CLEARANCE_BELOW_30 } from '../rules/other-notes';
import type { InjectionSchedule } from './injectionSchedule';
import { QUERY_GROUPS, type QueryGroup } from '../input';

export type RedFlagCode =
  | 'bleeding'
  | 'renal-clearance-below-30'
  | 'platelets-low-or-falling'
  | 'aps-without-aspirin'
  | 'ivf-pregnancy-not-confirmed'
  | 'weight-adjusted-without-recent-weight'
  | 'record-incomplete';

/** 'reading': a search the flag is read from is still being read, so no state is given yet. */
export type FlagState = 'present' | 'absent' | 'unknown' | 'reading';

export type RedFlagReasonCode =
  | 'plan.flag.bleeding-while-on-lmwh'
  | 'plan.flag.no-bleeding-recorded'
  | 'plan.flag.conditions-search-incomplete'
  | 'plan.flag.no-creatinine-clearance'
  | 'plan.flag.renal-clearance-below-30'
  | 'plan.flag.renal-clearance-not-below-30'
  | 'plan.flag.renal-egfr-below-30'
  | 'plan.flag.renal-egfr-not-below-30'
  | 'plan.flag.renal-value-bound-undetermined'
  | 'plan.flag.platelets-below-100'
  | 'plan.flag.platelets-not-below-100'
  | 'plan.flag.no-platelet-count'
  | 'plan.flag.platelet-value-bound-undetermined'
  | 'plan.flag.platelets-fell-50-percent'
  | 'plan.flag.platelet-fall-not-checkable'
  | 'plan.flag.no-aps-recorded'
  | 'plan.flag.findings-search-incomplete'
  | 'plan.flag.aps-with-aspirin'
  | 'plan.flag.aps-without-aspirin'
  | 'plan.flag.medication-search-incomplete'
  | 'plan.flag.no-embryo-transfer'
  | 'plan.flag.pregnancy-confirmed-after-transfer'
  | 'plan.flag.pregnancy-not-confirmed-after-transfer'
  | 'plan.flag.negative-after-transfer'
  | 'plan.flag.no-lmwh-order-to-check'
  | 'plan.flag.fixed-regimen-no-weight-needed'
  | 'plan.flag.weight-needed-to-class-dose'
  | 'plan.flag.weight-adjusted-no-weight'
  | 'plan.flag.weight-adjusted-weight-not-recent'
  | 'plan.flag.weight-adjusted-weight-recent'
  | 'plan.flag.regimen-unknown'
  | 'plan.flag.record-incomplete'
  | 'plan.flag.record-complete'
  | 'plan.flag.still-reading';

export type RedFlagReason = Reason<RedFlagReasonCode>;

/** What a flag rests on: a section of docs/clinical-reference.md (or a rule id) and its verification status. */
export interface FlagReference {
  /** Reference section, e.g. "9.3"; 'app' for the app's own choice. */
  section: string;
  /** The rule in the rules registry, when the flag rests on one. */
  ruleId?: string;
  /** Who says it, as an id the UI words: 'enoxaparin-label', 'rcog-gtg17-acog-pb132-eshre-2022', ... */
  source: string;
  verification: 'verified' | 'partial' | 'unverified' | 'app-choice' | 'source-text';
}

export interface RedFlag {
  code: RedFlagCode;
  state: FlagState;
  /** The first reason says why the state; further ones add detail (a second finding, a caveat). */
  reasons: RedFlagReason[];
  sources: SourceRef[];
  references: FlagReference[];
}

const flag = (code: RedFlagCode, state: FlagState, reasons: RedFlagReason[], sources: SourceRef[], references: FlagReference[]): RedFlag => ({ code, state, reasons, sources, references });
const why = (code: RedFlagReasonCode, params?: Parameters<typeof reason>[1]): RedFlagReason => reason(code, params);
const MEDICATION_READS: readonly QueryGroup[] = ['medication-requests', 'medication-administrations', 'medication-statements', 'medication-dispenses', 'medications'];
/** Where an embryo transfer (and its planned hCG test) is recorded. */
const TRANSFER_READS: readonly QueryGroup[] = ['procedures', 'service-requests', 'appointments', 'encounters', 'observations-pregnancy'];

/**
 * The searches each flag is read from. While one of them is still being read the flag has no state yet ('reading'),
 * so a partly read list never gives "absent" or a latest value that a later page would replace. Lab results include
 * the members of lab reports (DiagnosticReport), read after the Observation searches.
 */
export const FLAG_READS: Readonly<Record<RedFlagCode, readonly QueryGroup[]>> = {
  bleeding: ['conditions', ...MEDICATION_READS],
  'renal-clearance-below-30': ['observations-coagulation', 'diagnostic-reports', ...MEDICATION_READS],
  'platelets-low-or-falling': ['observations-coagulation', 'diagnostic-reports', ...MEDICATION_READS],
  'aps-without-aspirin': ['conditions', 'observations-findings', 'diagnostic-reports', ...MEDICATION_READS],
  'ivf-pregnancy-not-confirmed': [...TRANSFER_READS, 'diagnostic-reports', ...MEDICATION_READS],
  'weight-adjusted-without-recent-weight': ['observations-weight', ...MEDICATION_READS],
  'record-incomplete': QUERY_GROUPS,
};

const at = (ms: number | undefined) => (ms !== undefined && Number.isFinite(ms) ? instantParam(ms) : undefined);

// ---------------------------------------------------------------------------------------------------------------
// Bleeding (the existing stop-now finding, with the last recorded and the next scheduled dose)
// ---------------------------------------------------------------------------------------------------------------

/** A stop-now trigger as the rules give it (StopNowTrigger): its kind and the record it came from. */
export interface StopNowSlice {
  kind: string;
  fact: { atMs?: number; source: SourceRef };
}

export const BLEEDING_REFERENCES: readonly FlagReference[] = [
  { section: 'source', ruleId: 'source.stop-now.genital-bleeding', source: 'source-article', verification: 'source-text' },
  { section: '8.5', ruleId: 'rcog37a.stop-now.bleeding-or-labour', source: 'rcog-37a', verification: 'partial' },
];

export function bleedingFlag(input: {
  triggers: readonly StopNowSlice[];
  conditionsComplete: boolean;
  lastDose?: { atMs: number; source: SourceRef };
  schedule?: InjectionSchedule;
}): RedFlag {
  const refs = [...BLEEDING_REFERENCES];
  const bleeding = input.triggers.filter((t) => t.kind === 'genital-bleeding').sort((a, b) => (b.fact.atMs ?? -Infinity) - (a.fact.atMs ?? -Infinity));
  const first = bleeding[0];
  if (!first) {
    return input.conditionsComplete ? flag('bleeding', 'absent', [why('plan.flag.no-bleeding-recorded')], [], refs) : flag('bleeding', 'unknown', [why('plan.flag.conditions-search-incomplete')], [], refs);
  }
  const s = input.schedule;
  const next = s?.known ? s.injections[0] : undefined;
  const params = {
    bleedingAt: at(first.fact.atMs),
    lastDoseAt: at(input.lastDose?.atMs),
    nextScheduledAt: at(next),
    nextScheduledUnknown: s && !s.known ? reasonParam(s.reason) : undefined,
    count: bleeding.length,
  };
  const sources = [...bleeding.map((b) => b.fact.source), ...(input.lastDose ? [input.lastDose.source] : [])];
  return flag('bleeding', 'present', [why('plan.flag.bleeding-while-on-lmwh', params)], sources, refs);
}

// ---------------------------------------------------------------------------------------------------------------
// Renal function (reference 9.3)
// ---------------------------------------------------------------------------------------------------------------

/** A lab value as the labs module gives it (LabPoint), narrowed. */
export interface LabValueSlice {
  value: number;
  comparator?: '<' | '<=' | '>=' | '>';
  displayUnit: string;
  time: { start: number };
  source: SourceRef;
}

export const RENAL_REFERENCES: readonly FlagReference[] = [
  { section: '9.3', ruleId: RENAL_CLEARANCE_BELOW_30.id, source: 'enoxaparin-label', verification: 'verified' },
  { section: '9.3', source: 'lmwh-accumulates-renal', verification: 'partial' },
];
const EGFR_REFERENCE: FlagReference = { section: '5.2', source: 'rcog-37a-contraindications-gfr-below-30', verification: 'partial' };

const RENAL_LIMIT = RENAL_CLEARANCE_BELOW_30.parameters.topic === 'renal-clearance' ? RENAL_CLEARANCE_BELOW_30.parameters.belowMlPerMin : Number.NaN;

/** Whether a value (maybe a bound such as "<15") is below a limit: yes, no, or undetermined. */
export function isBelow(v: Pick<LabValueSlice, 'value' | 'comparator'>, limit: number): boolean | undefined {
  if (!Number.isFinite(v.value) || !Number.isFinite(limit)) return undefined;
  switch (v.comparator) {
    case '<':
      return v.value <= limit ? true : undefined;
    case '<=':
      return v.value < limit ? true : undefined;
    case '>':
      return v.value >= limit ? false : undefined;
    case '>=':
      return v.value >= limit ? false : undefined;
    default:
      return v.value < limit;
  }
}

const labParams = (v: LabValueSlice, limit: number) => ({ value: v.value, comparator: v.comparator, unit: v.displayUnit, at: at(v.time.start), limit });

export function renalFlag(input: { creatinineClearance?: LabValueSlice; egfr?: LabValueSlice; lmwhCurrent: boolean }): RedFlag {
  const refs = [...RENAL_REFERENCES];
  const c = input.creatinineClearance;
  const extra = { lmwhCurrent: input.lmwhCurrent };
  if (c) {
    const below = isBelow(c, RENAL_LIMIT);
    const params = { ...labParams(c, RENAL_LIMIT), ...extra };
    if (below === undefined) return flag('renal-clearance-below-30', 'unknown', [why('plan.flag.renal-value-bound-undetermined', params)], [c.source], refs);
    return below
      ? flag('renal-clearance-below-30', 'present', [why('plan.flag.renal-clearance-below-30', params)], [c.source], refs)
      : flag('renal-clearance-below-30', 'absent', [why('plan.flag.renal-clearance-not-below-30', params)], [c.source], refs);
  }
  const e = input.egfr;
  if (!e) return flag('renal-clearance-below-30', 'unknown', [why('plan.flag.no-creatinine-clearance')], [], refs);
  // eGFR is not the clearance the label uses and is not validated in pregnancy: labelled as eGFR, RCOG's GFR < 30.
  const below = isBelow(e, RENAL_LIMIT);
  const params = { ...labParams(e, RENAL_LIMIT), ...extra };
  const eRefs = [...refs, EGFR_REFERENCE];
  if (below === undefined) return flag('renal-clearance-below-30', 'unknown', [why('plan.flag.renal-value-bound-undetermined', params)], [e.source], eRefs);
  return below
    ? flag('renal-clearance-below-30', 'present', [why('plan.flag.renal-egfr-below-30', params)], [e.source], eRefs)
    : flag('renal-clearance-below-30', 'absent', [why('plan.flag.renal-egfr-not-below-30', params)], [e.source], eRefs);
}

// ---------------------------------------------------------------------------------------------------------------
// Platelets (reference 5.4: "< 100 x10^9/L or a fall of 50% or more": standard knowledge, citation UNVERIFIED)
// ---------------------------------------------------------------------------------------------------------------

/**
 * The platelet count below which the flag shows. Reference 5.4 lists it with the 50% fall as "standard knowledge:
 * UNVERIFIED citation here": never shown as a guideline's number.
 */
export const PLATELET_FLAG_BELOW = { value: 100, unit: '10*9/L', section: '5.4', verification: 'unverified' } as const;
export const PLATELET_REFERENCES: readonly FlagReference[] = [{ section: '5.4', source: 'hit-literature', verification: 'unverified' }];

/** The HIT pattern check's answer (HitPatternResult), narrowed: its state and every fall of 50% or more it found. */
export interface HitSlice {
  state: 'no-heparin' | 'start-unknown' | 'no-baseline' | 'no-count-after-start' | 'pattern' | 'fall-outside-window' | 'no-fall';
  falls: readonly { fallPercent: number; day: number; inWindow: boolean; point: { value: number; time: { start: number }; source: SourceRef }; baseline: { value: number; source: SourceRef } }[];
}

const FALL_NOT_CHECKABLE = new Set<HitSlice['state']>(['start-unknown', 'no-baseline', 'no-count-after-start']);

export function plateletFlag(input: { latest?: LabValueSlice; hit?: HitSlice }): RedFlag {
  const refs = [...PLATELET_REFERENCES];
  const reasons: RedFlagReason[] = [];
  const sources: SourceRef[] = [];
  const p = input.latest;
  const low = p ? isBelow(p, PLATELET_FLAG_BELOW.value) : undefined;
  if (p && low) reasons.push(why('plan.flag.platelets-below-100', labParams(p, PLATELET_FLAG_BELOW.value)));
  if (p && low) sources.push(p.source);
  const fall = input.hit?.falls[input.hit.falls.length - 1];
  if (fall) {
    reasons.push(why('plan.flag.platelets-fell-50-percent', { fallPercent: fall.fallPercent, day: fall.day, inWindow: fall.inWindow, value: fall.point.value, baseline: fall.baseline.value, at: at(fall.point.time.start) }));
    sources.push(fall.point.source, fall.baseline.source);
  }
  if (reasons.length > 0) return flag('platelets-low-or-falling', 'present', reasons, sources, refs);
  const fallUnknown = input.hit === undefined || FALL_NOT_CHECKABLE.has(input.hit.state);
  const fallWhy = why('plan.flag.platelet-fall-not-checkable', { hitState: input.hit?.state });
  if (!p) return flag('platelets-low-or-falling', 'unknown', [why('plan.flag.no-platelet-count'), ...(fallUnknown ? [fallWhy] : [])], [], refs);
  const lowWhy = why(low === false ? 'plan.flag.platelets-not-below-100' : 'plan.flag.platelet-value-bound-undetermined', labParams(p, PLATELET_FLAG_BELOW.value));
  if (low === undefined || fallUnknown) return flag('platelets-low-or-falling', 'unknown', [lowWhy, ...(fallUnknown ? [fallWhy] : [])], [p.source], refs);
  return flag('platelets-low-or-falling', 'absent', [lowWhy], [p.source], refs);
}

// ---------------------------------------------------------------------------------------------------------------
// Antiphospholipid syndrome without low-dose aspirin (reference 9.2)
// ---------------------------------------------------------------------------------------------------------------

/** A finding (findings module Fact), narrowed. */
export interface FactSlice {
  kind: string;
  status: 'present' | 'history' | 'tested-negative' | 'unclear';
  source: SourceRef;
}

export const APS_REFERENCES: readonly FlagReference[] = [{ section: '9.2', source: 'rcog-gtg17-acog-pb132-eshre-2022', verification: 'partial' }];
const APS_ANTIBODIES = new Set(['lupus-anticoagulant', 'anticardiolipin', 'beta2-glycoprotein-i']);

/** The coded APS condition (active or in the history: APS does not resolve), else positive LA / aCL / anti-beta2GPI. */
export function apsEvidence(facts: readonly FactSlice[]): { basis: 'coded-condition' | 'antibody-positive'; facts: FactSlice[] } | undefined {
  const coded = facts.filter((f) => f.kind === 'antiphospholipid-syndrome' && (f.status === 'present' || f.status === 'history'));
  if (coded.length > 0) return { basis: 'coded-condition', facts: coded };
  const antibodies = facts.filter((f) => APS_ANTIBODIES.has(f.kind) && f.status === 'present');
  return antibodies.length > 0 ? { basis: 'antibody-positive', facts: antibodies } : undefined;
}

export function apsFlag(input: {
  facts: readonly FactSlice[];
  /** Aspirin orders (OtherOrderView with recognition aspirin), narrowed. */
  aspirin: readonly { active: boolean; source: SourceRef }[];
  findingsComplete: boolean;
  medicationsComplete: boolean;
}): RedFlag {
  const refs = [...APS_REFERENCES];
  const aps = apsEvidence(input.facts);
  if (!aps) {
    return input.findingsComplete ? flag('aps-without-aspirin', 'absent', [why('plan.flag.no-aps-recorded')], [], refs) : flag('aps-without-aspirin', 'unknown', [why('plan.flag.findings-search-incomplete')], [], refs);
  }
  const apsSources = aps.facts.map((f) => f.source);
  const active = input.aspirin.filter((a) => a.active);
  // The order's dose is not judged here ("low-dose" is for the clinician): any active aspirin order counts.
  if (active.length > 0) return flag('aps-without-aspirin', 'absent', [why('plan.flag.aps-with-aspirin', { basis: aps.basis, doseJudged: false })], [...apsSources, ...active.map((a) => a.source)], refs);
  if (!input.medicationsComplete) return flag('aps-without-aspirin', 'unknown', [why('plan.flag.medication-search-incomplete', { basis: aps.basis })], apsSources, refs);
  return flag('aps-without-aspirin', 'present', [why('plan.flag.aps-without-aspirin', { basis: aps.basis })], apsSources, refs);
}

// ---------------------------------------------------------------------------------------------------------------
// Pregnancy not confirmed after an embryo transfer (reference 9.4, 10.1)
// ---------------------------------------------------------------------------------------------------------------

/** The IVF module's pregnancyConfirmation answer, narrowed. */
export interface ConfirmationSlice {
  status: 'no-transfer' | 'not-confirmed' | 'confirmed' | 'negative';
  transfer?: { atMs: number; source: SourceRef };
  daysSinceTransfer?: number;
  plannedHcgTest?: { atMs: number; source: SourceRef };
  decisive?: { atMs: number; source: SourceRef };
  lmwhAfterNegative?: { state: 'active' | 'not-active' | 'unknown' | 'no-order'; orders: SourceRef[] };
}

export const IVF_REFERENCES: readonly FlagReference[] = [{ section: '9.4', source: 'ivf-confirmation-by-positive-hcg', verification: 'partial' }];

export function ivfConfirmationFlag(c: ConfirmationSlice): RedFlag {
  const refs = [...IVF_REFERENCES];
  const transferSources = c.transfer ? [c.transfer.source] : [];
  if (c.status === 'no-transfer') return flag('ivf-pregnancy-not-confirmed', 'absent', [why('plan.flag.no-embryo-transfer')], [], refs);
  if (c.status === 'confirmed') {
    return flag('ivf-pregnancy-not-confirmed', 'absent', [why('plan.flag.pregnancy-confirmed-after-transfer', { at: at(c.decisive?.atMs) })], [...transferSources, ...(c.decisive ? [c.decisive.source] : [])], refs);
  }
  if (c.status === 'negative') {
    const params = { at: at(c.decisive?.atMs), lmwh: c.lmwhAfterNegative?.state };
    const sources = [...transferSources, ...(c.decisive ? [c.decisive.source] : []), ...(c.lmwhAfterNegative?.orders ?? [])];
    return flag('ivf-pregnancy-not-confirmed', 'present', [why('plan.flag.negative-after-transfer', params)], sources, refs);
  }
  const params = { transferAt: at(c.transfer?.atMs), daysSinceTransfer: c.daysSinceTransfer, plannedHcgAt: at(c.plannedHcgTest?.atMs) };
  return flag('ivf-pregnancy-not-confirmed', 'present', [why('plan.flag.pregnancy-not-confirmed-after-transfer', params)], [...transferSources, ...(c.plannedHcgTest ? [c.plannedHcgTest.source] : [])], refs);
}

// ---------------------------------------------------------------------------------------------------------------
// A weight-adjusted dose without a recent weight
// ---------------------------------------------------------------------------------------------------------------

/** "Recent" weight for a weight-adjusted dose: the app's choice (not from a guideline), 28 days. */
export const RECENT_WEIGHT = { days: 28, label: 'app-choice' } as const;
export const WEIGHT_REFERENCES: readonly FlagReference[] = [{ section: 'app', source: 'app-recent-weight-28-days', verification: 'app-choice' }];

export function weightFlag(input: { regimen: RegimenClass | undefined; latestWeight?: { kg: number; atMs: number; source: SourceRef }; nowMs: number }): RedFlag {
  const refs = [...WEIGHT_REFERENCES];
  const r = input.regimen;
  if (!r) return flag('weight-adjusted-without-recent-weight', 'absent', [why('plan.flag.no-lmwh-order-to-check')], [], refs);
  if (r.intensity === 'unknown') {
    return r.reason.code === 'regimen.weight-needed'
      ? flag('weight-adjusted-without-recent-weight', 'present', [why('plan.flag.weight-needed-to-class-dose', { regimen: reasonParam(r.reason) })], [], refs)
      : flag('weight-adjusted-without-recent-weight', 'unknown', [why('plan.flag.regimen-unknown', { regimen: reasonParam(r.reason) })], [], refs);
  }
  if (!r.weightAdjusted) return flag('weight-adjusted-without-recent-weight', 'absent', [why('plan.flag.fixed-regimen-no-weight-needed', { rowId: r.row.id })], [], refs);
  const w = r.match.kind === 'per-kg-by-weight' ? r.match.weight : input.latestWeight;
  if (!w) return flag('weight-adjusted-without-recent-weight', 'present', [why('plan.flag.weight-adjusted-no-weight', { rowId: r.row.id })], [], refs);
  const ageDays = Math.floor((input.nowMs - w.atMs) / DAY_MS);
  const params = { rowId: r.row.id, kg: w.kg, at: at(w.atMs), ageDays, recentDays: RECENT_WEIGHT.days };
  return ageDays > RECENT_WEIGHT.days
    ? flag('weight-adjusted-without-recent-weight', 'present', [why('plan.flag.weight-adjusted-weight-not-recent', params)], [w.source], refs)
    : flag('weight-adjusted-without-recent-weight', 'absent', [why('plan.flag.weight-adjusted-weight-recent', params)], [w.source], refs);
}

// ---------------------------------------------------------------------------------------------------------------
// The record incomplete
// ---------------------------------------------------------------------------------------------------------------

/** A search that already failed is reported while others are still read; otherwise the flag waits for them all. */
export function recordIncompleteFlag(groups: Readonly<Record<string, { status: 'complete' | 'incomplete' | 'unavailable' } | undefined>>, loading: readonly QueryGroup[] = []): RedFlag {
  const bad = Object.entries(groups)
    .filter(([name, g]) => g !== undefined && g.status !== 'complete' && !loading.includes(name as QueryGroup))
    .map(([name, g]) => ({ name, status: g!.status }))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (bad.length === 0 && loading.length > 0) return flag('record-incomplete', 'reading', [why('plan.flag.still-reading')], [], []);
  if (bad.length === 0) return flag('record-incomplete', 'absent', [why('plan.flag.record-complete')], [], []);
  const params = { groups: listParam(bad.map((b) => reasonParam(reason('record.group-name', { group: selectParam(b.name) })))), statuses: listParam(bad.map((b) => b.status)), count: bad.length };
  return flag('record-incomplete', 'present', [why('plan.flag.record-incomplete', params)], [], []);
}

// ---------------------------------------------------------------------------------------------------------------
// All flags, in the strip's order
// ---------------------------------------------------------------------------------------------------------------

export interface RedFlagsInput {
  bleeding: Parameters<typeof bleedingFlag>[0];
  renal: Parameters<typeof renalFlag>[0];
  platelets: Parameters<typeof plateletFlag>[0];
  aps: Parameters<typeof apsFlag>[0];
  ivf: ConfirmationSlice;
  weight: Parameters<typeof weightFlag>[0];
  groups: Parameters<typeof recordIncompleteFlag>[0];
  /** Searches still being read (RecordInput.loading). */
  loading?: readonly QueryGroup[];
}

/**
 * A state that some answers reach from fewer searches: with no embryo transfer in the record the confirmation flag is
 * absent whatever the hCG results say, so it does not wait for the lab reports.
 */
const DECIDED_BY: Partial<Record<RedFlagReasonCode, readonly QueryGroup[]>> = {
  'plan.flag.no-embryo-transfer': [...TRANSFER_READS, ...MEDICATION_READS],
};

/** The searches this flag's answer rests on (FLAG_READS, or fewer when its answer needs fewer). */
export function flagReads(f: Pick<RedFlag, 'code' | 'reasons'>): readonly QueryGroup[] {
  const first = f.reasons[0]?.code;
  return (first !== undefined ? DECIDED_BY[first] : undefined) ?? FLAG_READS[f.code];
}

/** The flag, or 'reading' while a search it is read from is still being read (record-incomplete judges that itself). */
function unlessReading(f: RedFlag, loading: readonly QueryGroup[]): RedFlag {
  if (f.code === 'record-incomplete' || !flagReads(f).some((g) => loading.includes(g))) return f;
  return flag(f.code, 'reading', [why('plan.flag.still-reading')], [], f.references);
}

/** Every red flag, present ones first (then unknown, still being read, absent), the strip's order kept within each state. */
export function redFlags(input: RedFlagsInput): RedFlag[] {
  const loading = input.loading ?? [];
  const computed = [
    bleedingFlag(input.bleeding),
    renalFlag(input.renal),
    plateletFlag(input.platelets),
    apsFlag(input.aps),
    ivfConfirmationFlag(input.ivf),
    weightFlag(input.weight),
    recordIncompleteFlag(input.groups, loading),
  ];
  const all = computed.map((f) => unlessReading(f, loading));
  const rank: Record<FlagState, number> = { present: 0, unknown: 1, reading: 2, absent: 3 };
  return all.map((f, i) => ({ f, i })).sort((a, b) => rank[a.f.state] - rank[b.f.state] || a.i - b.i).map((x) => x.f);
}
