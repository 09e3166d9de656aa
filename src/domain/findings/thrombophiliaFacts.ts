/**
 * Thrombophilia and history facts. Conditions and AllergyIntolerances are matched by code (SNOMED, ICD-10-CM / WHO
 * ICD-10, RxNorm, ATC) and, only when no code matched, by a labelled text fallback. Observations count as a finding
 * only when positive or flagged abnormal; a negative result is "tested negative"; anything else is "result unclear".
 */
import { FINDING_LAB_CODES } from '../codes';
import { parseFhirDate, type FhirMoment } from '../time';
import { SYSTEMS, type Exclusion, type RecognisedBy } from '../types';
import { codesIn, conceptLabel, conceptText, effectiveText, isRecord, loincCodes, readEffective, readStatus, readValue, records, sourceOf, str } from '../labs/observation';
import type { Fact, FactKind, FactStatus, FactsResult, PregnancyLossCount } from './factTypes';
import { detailOf, findingsReason, FINDINGS_VIEW, type FindingsReason } from './findingsReasons';
import { byCode, byText, type MatchedBy } from '../matchedBy';

/** A code-and-text rule for one kind of Condition or allergy. ICD-10 entries are prefixes (dots ignored). */
export interface FactRule {
  kind: FactKind;
  snomed?: readonly string[];
  icd10?: readonly string[];
  rxnorm?: readonly string[];
  atc?: readonly string[];
  /** Labelled fallback, used only when no code of the resource matched any rule. */
  text?: RegExp;
  /** Shown beside a code that is only PARTIALLY verified (clinical-reference.md). */
  note?: FindingsReason;
}

/** Condition rules (codes from docs/clinical-reference.md sections 3.1, 3.2 and 8.2). */
export const CONDITION_RULES: readonly FactRule[] = [
  { kind: 'recurrent-miscarriage', snomed: ['102878001', '199087006', '199088001', '134781000119106', '609442008'], icd10: ['N96', 'O26.2'] },
  { kind: 'miscarriage', snomed: ['19169002'], icd10: ['O03'] },
  { kind: 'ohss', icd10: ['N98.1'], text: /ovarian hyperstimulation/i },
  { kind: 'antiphospholipid-syndrome', snomed: ['26843008', '72161000119100'], icd10: ['D68.61', 'D68.62'], note: findingsReason('findings.note.aps-snomed-partial', { code: 'SNOMED 26843008' }) },
  { kind: 'apc-resistance', icd10: ['D68.51'] },
  { kind: 'prothrombin-g20210a', icd10: ['D68.52'] },
  { kind: 'thrombophilia', snomed: ['234467004', '439698008', '439001009', '441697004', '441079006'], icd10: ['D68.59', 'D68.69'] },
  { kind: 'vte', snomed: ['429098002', '128053003', '59282003'], icd10: ['I26', 'I82.4', 'O22.3', 'O88.2', 'O87.1'] },
  { kind: 'hit', snomed: ['73397007', '111588002'], icd10: ['D75.82'] },
  {
    kind: 'vaginal-bleeding',
    snomed: ['723665008', '16320551000119109', '1323351000000104', '430881000', '427139004'],
    icd10: ['O20', 'O46'],
    text: /vaginal bleeding|bleeding per vagina|genital bleeding|bloody discharge/i,
  },
  // No labour-onset code was verified in the reference: text fallback only (labelled).
  { kind: 'labour-onset', text: /onset of labou?r|labou?r onset|\bin labou?r\b|spontaneous labou?r|established labou?r|labou?r (?:has )?started/i },
];

/** Heparin / LMWH allergy or intolerance. */
export const ALLERGY_RULES: readonly FactRule[] = [
  {
    kind: 'heparin-allergy',
    rxnorm: ['5224', '67108', '67109'],
    snomed: ['372877000', '372562003', '372563008'],
    atc: ['B01AB'],
    text: /heparin|enoxaparin|dalteparin|nadroparin|tinzaparin|clexane|fragmin/i,
  },
];

/** Observation codes (FINDING_LAB_CODES) by kind, and which interpretation direction is abnormal. */
const LAB_KINDS: readonly { kind: FactKind; codes: readonly string[]; abnormalLow?: boolean }[] = [
  { kind: 'lupus-anticoagulant', codes: FINDING_LAB_CODES.lupusAnticoagulant },
  { kind: 'anticardiolipin', codes: FINDING_LAB_CODES.anticardiolipin },
  { kind: 'beta2-glycoprotein-i', codes: FINDING_LAB_CODES.beta2Glycoprotein },
  { kind: 'factor-v-leiden', codes: FINDING_LAB_CODES.factorVLeiden.filter((c) => c !== '13590-5') },
  { kind: 'apc-resistance', codes: ['13590-5'], abnormalLow: true },
  { kind: 'prothrombin-g20210a', codes: FINDING_LAB_CODES.prothrombinG20210A },
  { kind: 'protein-c-deficiency', codes: FINDING_LAB_CODES.proteinC, abnormalLow: true },
  { kind: 'protein-s-deficiency', codes: FINDING_LAB_CODES.proteinS, abnormalLow: true },
];

const ICD_SYSTEMS = [SYSTEMS.icd10cm, SYSTEMS.icd10];
const normIcd = (c: string): string => c.replace(/\./g, '').toUpperCase();

interface Match {
  rule: FactRule;
  recognisedBy: RecognisedBy;
  matched: MatchedBy;
}

function matchConcept(concept: unknown, rules: readonly FactRule[]): Match | undefined {
  const snomed = codesIn(concept, SYSTEMS.snomed);
  const icd = ICD_SYSTEMS.flatMap((s) => codesIn(concept, s).map((code) => ({ code, label: s === SYSTEMS.icd10cm ? 'ICD-10-CM' : 'ICD-10' })));
  const rx = codesIn(concept, SYSTEMS.rxnorm);
  const atc = codesIn(concept, SYSTEMS.atc);
  for (const rule of rules) {
    const s = snomed.find((c) => rule.snomed?.includes(c));
    if (s) return { rule, recognisedBy: 'snomed', matched: byCode('SNOMED', s) };
    const i = icd.find((c) => rule.icd10?.some((p) => normIcd(c.code).startsWith(normIcd(p))));
    if (i) return { rule, recognisedBy: 'icd10', matched: byCode(i.label, i.code) };
    const r = rx.find((c) => rule.rxnorm?.includes(c));
    if (r) return { rule, recognisedBy: 'rxnorm', matched: byCode('RxNorm', r) };
    const a = atc.find((c) => rule.atc?.some((p) => c.toUpperCase().startsWith(p)));
    if (a) return { rule, recognisedBy: 'atc', matched: byCode('ATC', a) };
  }
  const text = conceptText(concept);
  if (text === '') return undefined;
  for (const rule of rules) {
    const m = rule.text?.exec(text);
    if (m) return { rule, recognisedBy: 'text', matched: byText(m[0]) };
  }
  return undefined;
}

const firstMoment = (zone: string, ...vals: unknown[]): FhirMoment | undefined => {
  for (const v of vals) {
    const m = parseFhirDate(v, zone);
    if (m) return m;
  }
  return undefined;
};

function statusCode(concept: unknown): string | undefined {
  if (!isRecord(concept)) return undefined;
  return records(concept.coding).map((c) => str(c.code)).find(Boolean) ?? str(concept.text)?.toLowerCase();
}

/** Condition or AllergyIntolerance -> fact or exclusion. */
function fromRecord(res: Record<string, unknown>, rules: readonly FactRule[], zone: string): Fact | Exclusion | undefined {
  const match = matchConcept(res.code, rules);
  if (!match) return undefined;
  const isCondition = res.resourceType === 'Condition';
  const onset = isRecord(res.onsetPeriod) ? res.onsetPeriod : undefined;
  const abate = isRecord(res.abatementPeriod) ? res.abatementPeriod : undefined;
  const when = firstMoment(zone, res.onsetDateTime, onset?.start, isCondition ? res.recordedDate : res.recordedDate, res.lastOccurrence);
  const dateText = [res.onsetDateTime, onset?.start, res.recordedDate].map(str).find(Boolean);
  const label = conceptLabel(res.code);
  const source = sourceOf(res, dateText, label, match.matched);
  const verification = statusCode(res.verificationStatus);
  if (verification === 'refuted' || verification === 'entered-in-error') return { source, view: FINDINGS_VIEW, reason: findingsReason('findings.excluded.verification', { status: verification }) };
  const clinical = statusCode(res.clinicalStatus);
  const until = firstMoment(zone, res.abatementDateTime, abate?.end);
  let status: FactStatus;
  if (clinical === 'active' || clinical === 'recurrence' || clinical === 'relapse') status = 'present';
  else if (clinical === 'inactive' || clinical === 'resolved' || clinical === 'remission') status = 'history';
  else if (clinical === undefined && until) status = 'history';
  else status = 'unclear';
  const detail = detailOf(
    clinical ? findingsReason('findings.clinical-status', { status: clinical }) : findingsReason('findings.clinical-status-missing'),
    verification ? findingsReason('findings.verification', { status: verification }) : undefined,
    match.rule.note,
    label ? findingsReason('findings.recorded-as', { label }) : undefined,
  );
  const fact: Fact = { kind: match.rule.kind, status, recognisedBy: match.recognisedBy, matched: match.matched, source, detail };
  if (when) fact.when = when;
  if (until) fact.until = until;
  return fact;
}

const HIGH = new Set(['H', 'HH', 'HU', '>']);
const LOW = new Set(['L', 'LL', 'LU', '<']);
const ABNORMAL = new Set(['A', 'AA', 'POS', 'DET']);
const NORMAL = new Set(['N', 'NEG', 'ND']);
// Coded answers (SNOMED): 10828004 positive, 260373001 detected, 260385009 negative, 260415000 not detected.
const POSITIVE_CODES = new Set(['10828004', '260373001']);
const NEGATIVE_CODES = new Set(['260385009', '260415000']);
const NEGATIVE_TEXT = /\b(not detected|undetected|negative|absent|not present|no mutation|wild[- ]?type|normal)\b/i;
const POSITIVE_TEXT = /\b(positive|detected|heterozygous|homozygous|present|abnormal)\b/i;

type Reading = { says: 'positive' | 'negative' | 'unclear'; why: FindingsReason };

function readInterpretation(obs: Record<string, unknown>, abnormalLow: boolean): Reading | undefined {
  const flags = records(obs.interpretation).flatMap((c) => records(c.coding).map((x) => str(x.code)?.toUpperCase()).filter((x): x is string => x !== undefined));
  if (flags.length === 0) return undefined;
  const says = new Set(
    flags.map((f) => (ABNORMAL.has(f) || (abnormalLow ? LOW : HIGH).has(f) ? 'positive' : NORMAL.has(f) ? 'negative' : 'unclear')),
  );
  const why = (mixed: boolean) => findingsReason('findings.interpretation', { flags: flags.join(', '), mixed });
  return says.size === 1 ? { says: [...says][0] as Reading['says'], why: why(false) } : { says: 'unclear', why: why(true) };
}

const valueWhy = (text: string): FindingsReason => findingsReason('findings.value', { text });

function readAnswer(obs: Record<string, unknown>): Reading | undefined {
  const v = readValue(obs);
  if (v.kind === 'coded') {
    const codes = codesIn(v.concept, SYSTEMS.snomed);
    if (codes.some((c) => POSITIVE_CODES.has(c))) return { says: 'positive', why: valueWhy(v.text) };
    if (codes.some((c) => NEGATIVE_CODES.has(c))) return { says: 'negative', why: valueWhy(v.text) };
  }
  if (v.kind === 'coded' || v.kind === 'text') {
    const t = v.kind === 'coded' ? conceptText(v.concept) || v.text : v.text;
    if (NEGATIVE_TEXT.test(t)) return { says: 'negative', why: valueWhy(v.text) };
    if (POSITIVE_TEXT.test(t)) return { says: 'positive', why: valueWhy(v.text) };
    return { says: 'unclear', why: findingsReason('findings.value-uninterpretable', { text: v.text.slice(0, 60) }) };
  }
  if (v.kind === 'number') return { says: 'unclear', why: findingsReason('findings.value-number', { text: v.n.original.text }) };
  return undefined;
}

function fromObservation(obs: Record<string, unknown>, zone: string): Fact | Exclusion | undefined {
  const loinc = loincCodes(obs);
  const lab = LAB_KINDS.find((k) => loinc.some((c) => k.codes.includes(c)));
  if (!lab) return undefined;
  const code = loinc.find((c) => lab.codes.includes(c))!;
  const matched = byCode('LOINC', code);
  const value = readValue(obs);
  const original = value.kind === 'number' ? value.n.original.text : value.kind === 'none' ? undefined : value.original.text;
  const source = sourceOf(obs, effectiveText(obs), original, matched);
  const st = readStatus(obs);
  if ('excluded' in st) return { source, view: FINDINGS_VIEW, reason: findingsReason('findings.excluded.result-status', { status: str(obs.status) ?? null }) };
  const flag = readInterpretation(obs, lab.abnormalLow === true);
  const answer = readAnswer(obs);
  if (!flag && !answer) return { source, view: FINDINGS_VIEW, reason: value.kind === 'none' ? value.reason : findingsReason('findings.excluded.no-value') };
  let status: FactStatus;
  const readings = [flag, answer].filter((r): r is Reading => r !== undefined);
  const definite = readings.filter((r) => r.says !== 'unclear');
  const kinds = new Set(definite.map((r) => r.says));
  if (kinds.size > 1) status = 'unclear';
  else if (kinds.has('positive')) status = 'present';
  else if (kinds.has('negative')) status = 'tested-negative';
  else status = 'unclear';
  const detail = detailOf(
    readings[0]!.why,
    ...readings.slice(1).map((r) => r.why),
    kinds.size > 1 ? findingsReason('findings.readings-disagree') : undefined,
    st.mark !== 'final' ? findingsReason('findings.result-status', { status: st.mark }) : undefined,
  );
  const fact: Fact = { kind: lab.kind, status, recognisedBy: 'loinc', matched, source, detail };
  const when = readEffective(obs, zone) ?? parseFhirDate(obs.issued, zone);
  if (when) fact.when = when;
  return fact;
}

const isExclusion = (x: Fact | Exclusion): x is Exclusion => 'reason' in x && 'view' in x;

/** Facts (and exclusions) from Conditions, Observations and AllergyIntolerances; other resources are ignored. */
export function findFacts(resources: readonly fhir4.Resource[], zone: string): FactsResult {
  const facts: Fact[] = [];
  const exclusions: Exclusion[] = [];
  for (const res of Array.isArray(resources) ? (resources as readonly unknown[]) : []) {
    if (!isRecord(res)) continue;
    let out: Fact | Exclusion | undefined;
    if (res.resourceType === 'Condition') out = fromRecord(res, CONDITION_RULES, zone);
    else if (res.resourceType === 'AllergyIntolerance') out = fromRecord(res, ALLERGY_RULES, zone);
    else if (res.resourceType === 'Observation') out = fromObservation(res, zone);
    if (!out) continue;
    if (isExclusion(out)) exclusions.push(out);
    else facts.push(out);
  }
  facts.sort((a, b) => (a.when?.start ?? Infinity) - (b.when?.start ?? Infinity) || a.kind.localeCompare(b.kind));
  return { facts, exclusions };
}

/** Recorded pregnancy losses from facts: miscarriage Conditions plus the recurrent-miscarriage code. */
export function countPregnancyLosses(facts: readonly Fact[]): PregnancyLossCount {
  const miscarriageRecords = facts.filter((f) => f.kind === 'miscarriage' && f.status !== 'tested-negative').length;
  const recurrentMiscarriageCoded = facts.some((f) => f.kind === 'recurrent-miscarriage' && f.status !== 'tested-negative');
  const twoOrMoreLosses = recurrentMiscarriageCoded || miscarriageRecords >= 2;
  const basis = recurrentMiscarriageCoded
    ? findingsReason('findings.losses.recurrent-coded')
    : findingsReason(miscarriageRecords >= 2 ? 'findings.losses.records' : 'findings.losses.fewer', { n: miscarriageRecords });
  return { miscarriageRecords, recurrentMiscarriageCoded, twoOrMoreLosses, basis };
}
