/**
 * The assembler: runs every domain module over one patient's RecordInput and maps their results into the rules'
 * context. Pure: the clock (nowMs), the facility zone and the unit converter are passed in. The UI renders a
 * ClinicalRecord and never reads FHIR itself.
 */
import { listParam, reason, reasonParam, selectParam, type Reason } from './reasons';
import { describeOrder, drugName } from './medication/orderSummary';
import type { Exclusion, SourceRef } from './types';
import { unknown, type Known } from './types';
import { resourcesOfType, type QueryGroup, type RecordInput } from './input';
import {
  bodyWeights,
  bookingWeight,
  classifyDose,
  dosePerKg,
  isActiveAt,
  lastDosePerDrug,
  latestWeight,
  normaliseOrders,
  recogniseOtherRelevant,
  recordedDoses,
  resolveMedication,
  type ActiveAt,
  type AnticoagulantDrug,
  type BodyWeight,
  type BookingWeight,
  type DoseClassResult,
  type DosePerKg,
  type LastDose,
  type LmwhOrder,
  type OtherRelevantRecognition,
  type RecordedDose,
} from './medication';
import { ddimerSeries, labSeries, type DdimerSeries, type LabSeries, type UnitConverter } from './labs';
import { countPregnancyLosses, findFacts, findingsReason, type Fact, type FactsResult, type PregnancyLossCount } from './findings';
import { gestationalAge, pregnanciesFromRecord, withoutUnconfirmedPregnancy, type GestationalAge, type Pregnancy, type PregnancyTimeline } from './pregnancy';
import { gestationalAgeMayBeShownAsFact, ivfRecordPart, ohssIndicationFacts, type IvfRecordPart, type PregnancyConfirmation } from './ivf';
import type { TimelineData } from './timeline';
import { withDerivedViews } from './timeline/derivedViews';
import type { AntiXaTimings, HitPatternResult } from './monitoring';
import { regimenIntensity, type RegimenClass } from './medication/regimen';
import { recordPlan, type RecordPlan } from './plan/recordPlan';
import { eventsFromRecord, type EventsResult, type PlannedEvent } from './events';
import {
  cautions,
  eddInfoCard,
  eventCards,
  indications,
  stopNowTriggers,
  type CautionsResult,
  type EddInfoCard,
  type EventCard,
  type IndicationFact,
  type IndicationFinding,
  type RuleContext,
  type RuleDose,
  type RuleEvent,
  type RuleFactStatus,
  type RuleIngredient,
  type RuleOrder,
  type RuleOrderStatus,
  type StopNowTrigger,
} from './rules';
import { matchedData } from './matchedBy';

/** An anticoagulant order with what the app derived from it. */
export interface OrderView {
  order: LmwhOrder;
  /** The RCOG booking-weight band class: only the caution "dose below/above the RCOG band for this booking weight". */
  doseClass: DoseClassResult;
  /** Dose intensity by regimen (reference 9.1): what the guideline interval is chosen for. */
  regimen: RegimenClass;
  /** Which weight the dose class used: the booking weight of the current pregnancy, else the latest weight. */
  classWeight?: { kind: 'booking' | 'latest'; weight: BodyWeight };
  perKgBooking: Known<DosePerKg>;
  perKgLatest: Known<DosePerKg>;
  activeNow: ActiveAt;
}

/** An estradiol or aspirin order (for indications and cautions). */
export interface OtherOrderView {
  recognition: OtherRelevantRecognition;
  status: string;
  active: boolean;
  description: string;
  startMs: number | undefined;
  source: SourceRef;
}

export interface ClinicalRecord {
  nowMs: number;
  zone: string;
  patient: fhir4.Patient | undefined;
  groups: RecordInput['groups'];
  dropped: RecordInput['dropped'];
  medication: {
    orders: OrderView[];
    other: OtherOrderView[];
    doses: RecordedDose[];
    lastDoses: LastDose[];
    /** The order searches (MedicationRequest and the Medications they reference) were complete. */
    complete: boolean;
    incompleteReason?: Reason;
  };
  weights: { all: BodyWeight[]; booking: Known<BookingWeight>; latest: BodyWeight | undefined };
  ddimer: DdimerSeries;
  labs: LabSeries;
  facts: FactsResult;
  losses: PregnancyLossCount;
  pregnancy: PregnancyTimeline;
  currentPregnancy: Pregnancy | undefined;
  gaToday: Known<GestationalAge>;
  events: EventsResult;
  rules: {
    context: RuleContext;
    cards: EventCard[];
    eddCard: EddInfoCard | null;
    triggers: StopNowTrigger[];
    indications: IndicationFinding[];
    cautions: CautionsResult;
  };
  /** Every record left out of a view, with the reason. */
  exclusions: Exclusion[];
  /** The D-dimer and LMWH timeline of each pregnancy (one calendar timeline when none is dated). */
  timelines: TimelineData[];
  /** The HIT pattern check on the platelet series. */
  hitPattern: HitPatternResult;
  /** Anti-Xa sample timing, index-aligned with labs.antiXaLmwh/antiXaGeneric points. */
  antiXaTiming: AntiXaTimings;
  /** The IVF cycle, the pregnancy confirmation after the transfer, the LMWH start, IVF indications and supply. */
  ivf: IvfRecordPart;
  /** The plan strip's parts: the LMWH order shown, deadlines on the injection schedule per card, red flags, indications. */
  plan: RecordPlan;
}

/** Reasons the record builder gives itself (the modules give theirs). */
export type RecordReasonCode = 'record.no-current-pregnancy' | 'record.no-booking-weight-not-pregnant';

export interface BuildOptions {
  nowMs: number;
  zone: string;
  units: UnitConverter;
}

const INGREDIENT: Partial<Record<AnticoagulantDrug, RuleIngredient>> = {
  enoxaparin: 'enoxaparin',
  dalteparin: 'dalteparin',
  tinzaparin: 'tinzaparin',
  nadroparin: 'nadroparin',
  heparin: 'heparin',
  fondaparinux: 'fondaparinux',
};

const RULE_STATUSES: readonly RuleOrderStatus[] = ['active', 'on-hold', 'completed', 'stopped', 'cancelled', 'entered-in-error', 'draft'];

function groupsComplete(input: RecordInput, groups: QueryGroup[]): { complete: boolean; reason?: Reason } {
  const bad = groups.map((g) => input.groups[g]).filter((g) => g && g.status !== 'complete');
  if (bad.length === 0) return { complete: true };
  const items = bad.map((g) => reasonParam(reason('record.group-status', { group: selectParam(g.group), status: g.status, hasWhy: g.reason !== undefined, why: g.reason ? reasonParam(g.reason) : '' })));
  return { complete: false, reason: reason('record.groups-incomplete', { items: listParam(items) }) };
}

function dailyDose(o: LmwhOrder, weightKg: number | undefined): RuleOrder['dailyDose'] {
  if (!o.dose.known || !o.frequency.known) return undefined;
  const perDose = o.dose.value.perKg ? (weightKg !== undefined ? o.dose.value.value * weightKg : undefined) : o.dose.value.value;
  if (perDose === undefined) return undefined;
  return { value: perDose * o.frequency.value.dosesPer24h, unit: o.dose.value.unit };
}

function toRuleOrder(view: OrderView): RuleOrder {
  const o = view.order;
  const status = o.status.known && (RULE_STATUSES as readonly string[]).includes(o.status.value) ? (o.status.value as RuleOrderStatus) : 'unknown';
  const rg = view.regimen;
  return {
    id: o.id ?? `${o.source.resourceType}/${o.source.id ?? '?'}`,
    drug: drugName(o.drug),
    drugClass: o.drugClass,
    ingredient: INGREDIENT[o.drug] ?? 'unknown',
    isOrder: o.isOrder,
    status,
    startMs: o.start.known ? o.start.value.ms : undefined,
    endMs: o.end.known ? o.end.value.ms : undefined,
    onHold: status === 'on-hold',
    // The guideline interval follows the intensity by regimen; the RCOG weight band is only a caution (cautions).
    doseClass: rg.intensity,
    doseClassReason: rg.intensity === 'unknown' ? rg.reason : reason('med.class-by-regimen', { row: rg.row.id, reference: rg.row.reference }),
    dailyDose: dailyDose(o, view.classWeight?.weight.kg),
    description: describeOrder(o),
    source: o.source,
  };
}

function toRuleEvent(e: PlannedEvent): RuleEvent | undefined {
  if (e.class === 'delivery') return undefined;
  return { id: e.id, class: e.class, name: e.name, when: e.when, sources: e.sources };
}

const factStatus = (f: Fact): RuleFactStatus | undefined =>
  f.status === 'present' || f.status === 'history' ? 'present' : f.status === 'tested-negative' ? 'tested-negative' : f.status === 'unclear' ? 'unclear' : undefined;

// OHSS is not mapped here: its indication facts come from the IVF cycle's OHSS model (syndrome vs risk, severity).
const FACT_TO_INDICATION: Partial<Record<Fact['kind'], IndicationFact['kind']>> = {
  anticardiolipin: 'antiphospholipid-antibodies',
  'beta2-glycoprotein-i': 'antiphospholipid-antibodies',
  'antiphospholipid-syndrome': 'antiphospholipid-antibodies',
  'lupus-anticoagulant': 'lupus-anticoagulant',
  'factor-v-leiden': 'factor-v-leiden',
  'apc-resistance': 'factor-v-leiden',
};

function indicationFacts(facts: Fact[], losses: PregnancyLossCount, ddimer: DdimerSeries, other: OtherOrderView[], ivf: Pick<IvfRecordPart, 'cycle'>): IndicationFact[] {
  const out: IndicationFact[] = [...ohssIndicationFacts(ivf.cycle)];
  for (const f of facts) {
    const kind = FACT_TO_INDICATION[f.kind];
    const status = factStatus(f);
    if (!kind || !status) continue;
    out.push({ kind, status, label: findingsReason('findings.indication.fact', { label: f.source.original ?? matchedData(f.matched), detail: reasonParam(f.detail) }), atMs: f.when?.start, source: f.source });
  }
  if (losses.twoOrMoreLosses) {
    const rm = facts.find((f) => f.kind === 'recurrent-miscarriage' && f.status !== 'tested-negative') ?? facts.find((f) => f.kind === 'miscarriage');
    if (rm) {
      out.push({
        kind: 'recurrent-miscarriage',
        status: 'present',
        label: findingsReason('findings.indication.recurrent-miscarriage', { basis: reasonParam(losses.basis) }),
        count: losses.miscarriageRecords >= 2 ? losses.miscarriageRecords : undefined,
        atMs: rm.when?.start,
        source: rm.source,
      });
    }
  }
  // Raised D-dimer: only as the lab itself flagged it (interpretation high/abnormal). No non-pregnant cut-off is applied.
  for (const r of ddimer.results) {
    const flagged = r.interpretation.some((c) => (c.coding ?? []).some((cd) => ['H', 'HH', 'A', 'AA', 'HU'].includes(cd.code ?? '')));
    if (flagged) out.push({ kind: 'raised-d-dimer', status: 'present', label: findingsReason('findings.indication.ddimer-flagged', { value: r.original.text }), atMs: r.time.start, source: r.source });
  }
  for (const o of other) {
    if (o.recognition.drug === 'estradiol' && o.active) {
      out.push({ kind: 'high-dose-estrogen', status: 'present', label: findingsReason('findings.indication.estradiol-order', { order: o.description }), atMs: o.startMs, source: o.source });
    }
  }
  return out;
}

function otherOrders(mrs: fhir4.MedicationRequest[], medications: fhir4.Medication[], nowMs: number): OtherOrderView[] {
  const out: OtherOrderView[] = [];
  for (const mr of mrs) {
    if (mr.status === 'entered-in-error' || mr.status === 'cancelled') continue;
    const res = resolveMedication(mr, medications);
    const rec = res.resolved ? recogniseOtherRelevant(res.concept, res.medication) : undefined;
    if (!rec) continue;
    const dosage = mr.dosageInstruction?.[0];
    const description = dosage?.text ?? (res.resolved ? (res.concept?.text ?? res.concept?.coding?.[0]?.display) : undefined) ?? matchedData(rec.matched);
    const endRaw = dosage?.timing?.repeat?.boundsPeriod?.end;
    const ended = typeof endRaw === 'string' && Date.parse(endRaw) < nowMs;
    const startRaw = dosage?.timing?.repeat?.boundsPeriod?.start ?? mr.authoredOn;
    const startMs = typeof startRaw === 'string' && Number.isFinite(Date.parse(startRaw)) ? Date.parse(startRaw) : undefined;
    out.push({
      recognition: rec,
      status: mr.status ?? 'unknown',
      active: mr.status === 'active' && mr.intent !== 'plan' && mr.intent !== 'proposal' && !mr.doNotPerform && !ended,
      description,
      startMs,
      source: { resourceType: 'MedicationRequest', id: mr.id, date: mr.authoredOn, original: description, matchedBy: rec.matched },
    });
  }
  return out;
}

type PregnancyPart = Pick<ClinicalRecord, 'pregnancy' | 'currentPregnancy' | 'gaToday'>;

/**
 * Step 1: the pregnancies, the current one and the gestational age today. A pregnancy after an embryo transfer is not
 * a fact until a positive test confirms it: until then (and after a negative test) it is left out, with the reason.
 */
function pregnancyPart(resources: fhir4.Resource[], confirmation: PregnancyConfirmation, nowMs: number, zone: string): PregnancyPart {
  // After a positive test the transfer (embryo age + transfer date) dates the pregnancy, over a recorded EDD.
  const confirmed = confirmation.status === 'confirmed' && confirmation.transfer ? { id: confirmation.transfer.source.id, atMs: confirmation.transfer.atMs } : undefined;
  const all = pregnanciesFromRecord(resources, nowMs, zone, confirmed);
  const gate = gestationalAgeMayBeShownAsFact(confirmation);
  const pregnancy = !gate.allowed && confirmation.transfer ? withoutUnconfirmedPregnancy(all, confirmation.transfer.atMs, nowMs, gate.reason) : all;
  const currentPregnancy = pregnancy.currentIndex !== undefined && pregnancy.isCurrent ? pregnancy.pregnancies[pregnancy.currentIndex] : undefined;
  const gaToday: Known<GestationalAge> = currentPregnancy
    ? gestationalAge(currentPregnancy, nowMs, zone)
    : unknown(!gate.allowed ? gate.reason : (pregnancy.reasonIfNone ?? reason('record.no-current-pregnancy')));
  return { pregnancy, currentPregnancy, gaToday };
}

/** The next dated planned event from now, for the supply check. */
function nextDatedEvent(events: EventsResult, nowMs: number): { atMs: number; source: SourceRef } | undefined {
  const next = events.planned.filter((e) => e.when && e.when.start >= nowMs).sort((a, b) => a.when!.start - b.when!.start)[0];
  return next?.when ? { atMs: next.when.start, source: next.timeSource ?? next.sources[0]! } : undefined;
}

/** Step 2: body weights, the booking weight of the current pregnancy and the latest weight. */
function weightsPart(observations: fhir4.Observation[], currentPregnancy: Pregnancy | undefined, zone: string): { weights: ClinicalRecord['weights']; exclusions: Exclusion[] } {
  const w = bodyWeights(observations, zone);
  const booking: Known<BookingWeight> = currentPregnancy ? bookingWeight(w.weights, currentPregnancy.startMs) : unknown(reason('record.no-booking-weight-not-pregnant'));
  const latestKnown = latestWeight(w.weights);
  return { weights: { all: w.weights, booking, latest: latestKnown.known ? latestKnown.value : undefined }, exclusions: w.exclusions };
}

/** Step 3: anticoagulant orders with their dose class (booking weight, else the latest), per-kg doses and state now. */
function medicationPart(input: RecordInput, weights: ClinicalRecord['weights'], nowMs: number, zone: string): { medication: ClinicalRecord['medication']; exclusions: Exclusion[] } {
  const medications = resourcesOfType(input, 'Medication');
  const mrs = resourcesOfType(input, 'MedicationRequest');
  const { booking, latest } = weights;
  const orderResult = normaliseOrders(mrs, medications, zone);
  const classWeight = booking.known ? { kind: 'booking' as const, weight: booking.value.weight } : latest ? { kind: 'latest' as const, weight: latest } : undefined;
  const orders: OrderView[] = orderResult.orders.map((order) => ({
    order,
    doseClass: classifyDose(order, classWeight?.weight.kg),
    regimen: regimenIntensity({ drug: order.drug, dose: order.dose, frequency: order.frequency, ...(latest ? { weight: { kg: latest.kg, atMs: latest.ms, source: latest.source } } : {}) }),
    classWeight,
    perKgBooking: booking.known ? dosePerKg(order, booking.value.weight) : unknown(booking.reason),
    perKgLatest: latest ? dosePerKg(order, latest) : unknown(reason('med.no-body-weight')),
    activeNow: isActiveAt(order, nowMs),
  }));
  const doseResult = recordedDoses(input.resources, medications, zone);
  const medComplete = groupsComplete(input, ['medication-requests', 'medications']);
  return {
    medication: {
      orders,
      other: otherOrders(mrs, medications, nowMs),
      doses: doseResult.doses,
      lastDoses: lastDosePerDrug(doseResult.doses),
      complete: medComplete.complete,
      incompleteReason: medComplete.reason,
    },
    exclusions: [...orderResult.exclusions, ...doseResult.exclusions],
  };
}

type FindingsPart = Pick<ClinicalRecord, 'ddimer' | 'labs' | 'facts' | 'losses' | 'events'>;

/** Step 4: D-dimer and lab series, findings, pregnancy losses and planned/past events. */
function findingsPart(input: RecordInput, units: UnitConverter, nowMs: number, zone: string): FindingsPart & { exclusions: Exclusion[] } {
  const observations = resourcesOfType(input, 'Observation');
  const ddimer = ddimerSeries(observations, units, zone);
  const labs = labSeries(observations, units, zone);
  const facts = findFacts(input.resources, zone);
  const events = eventsFromRecord(input.resources, nowMs, zone);
  const exclusions = [...ddimer.exclusions, ...Object.values(labs).flatMap((s) => s.exclusions), ...facts.exclusions, ...events.exclusions];
  return { ddimer, labs, facts, losses: countPregnancyLosses(facts.facts), events, exclusions };
}

/** The earliest IVF protocol anchors: oocyte retrieval, embryo transfer, estradiol start. */
function ivfProtocolStarts(events: EventsResult, other: OtherOrderView[]): NonNullable<RuleContext['ivfProtocolStart']>[] {
  const starts: NonNullable<RuleContext['ivfProtocolStart']>[] = [...events.past, ...events.planned]
    .filter((e) => (e.class === 'oocyte-retrieval' || e.class === 'embryo-transfer') && e.when)
    .map((e) => ({ what: { event: e.name }, atMs: e.when!.start, source: e.timeSource ?? e.sources[0]! }));
  for (const o of other) if (o.recognition.drug === 'estradiol' && o.startMs !== undefined) starts.push({ what: { estradiolOrder: o.description }, atMs: o.startMs, source: o.source });
  return starts.sort((a, b) => a.atMs - b.atMs);
}

/** The findings the rules read (bleeding, labour, heparin allergy or HIT, labs). */
function ruleFindings(f: FindingsPart, other: OtherOrderView[], ivf: Pick<IvfRecordPart, 'cycle'>): Pick<RuleContext, 'bleeding' | 'labourOnset' | 'indicationFacts' | 'latestPlatelets' | 'heparinAllergyOrHit' | 'creatinineClearance'> {
  const present = (kind: Fact['kind']) => f.facts.facts.filter((x) => x.kind === kind && x.status === 'present');
  const labour = present('labour-onset').sort((a, b) => (b.when?.start ?? 0) - (a.when?.start ?? 0))[0];
  const platelets = f.labs.platelets.latest;
  const crcl = f.labs.creatinineClearance.latest ?? f.labs.egfr.latest;
  return {
    bleeding: present('vaginal-bleeding').map((x) => ({ label: x.source.original ?? matchedData(x.matched), atMs: x.when?.start, source: x.source })),
    labourOnset: labour ? { label: labour.source.original ?? matchedData(labour.matched), atMs: labour.when?.start, source: labour.source } : undefined,
    indicationFacts: indicationFacts(f.facts.facts, f.losses, f.ddimer, other, ivf),
    latestPlatelets: platelets ? { value: platelets.value, unit: platelets.displayUnit, atMs: platelets.time.start, source: platelets.source } : undefined,
    heparinAllergyOrHit: f.facts.facts
      .filter((x) => x.kind === 'hit' || x.kind === 'heparin-allergy')
      .flatMap((x) => {
        const status = factStatus(x);
        return status ? [{ kind: x.kind as 'hit' | 'heparin-allergy', label: x.source.original ?? matchedData(x.matched), status, source: x.source }] : [];
      }),
    creatinineClearance: crcl ? { value: crcl.value, unit: crcl.displayUnit, atMs: crcl.time.start, source: crcl.source } : undefined,
  };
}

/** Step 5: what the rules read, from the parts above. */
function ruleContext(input: RecordInput, p: PregnancyPart, weights: ClinicalRecord['weights'], medication: ClinicalRecord['medication'], f: FindingsPart, ivf: Pick<IvfRecordPart, 'cycle'>, nowMs: number, zone: string): RuleContext {
  const doses: RuleDose[] = medication.doses.flatMap((d) => (d.time.known ? [{ drug: drugName(d.drug), drugClass: d.drugClass, atMs: d.time.value.ms, kind: d.kind, source: d.source }] : []));
  const classWeight = weights.booking.known ? weights.booking.value.weight : weights.latest;
  const cp = p.currentPregnancy;
  return {
    nowMs,
    zone,
    events: f.events.planned.map(toRuleEvent).filter((e): e is RuleEvent => e !== undefined),
    orders: medication.orders.map(toRuleOrder),
    doses,
    medicationsComplete: medication.complete,
    noLmwhInRecord: medication.complete && !medication.orders.some((o) => o.order.drugClass === 'lmwh') && !medication.doses.some((d) => d.drugClass === 'lmwh'),
    medicationsReason: medication.incompleteReason,
    ...ruleFindings(f, medication.other, ivf),
    aspirin: medication.other.filter((o) => o.recognition.drug === 'aspirin').map((o) => ({ description: o.description, active: o.active, source: o.source })),
    allergiesComplete: groupsComplete(input, ['allergies', 'conditions']).complete,
    bookingWeight: classWeight ? { kg: classWeight.kg, atMs: classWeight.ms, isBooking: weights.booking.known, source: classWeight.source } : undefined,
    pregnancy: cp
      ? {
          eddMs: cp.eddMs,
          eddSource: cp.dating.chosen.source,
          gaDaysToday: p.gaToday.known ? p.gaToday.value.totalDays : undefined,
          datingSource: cp.dating.chosen.description,
          startMs: cp.startMs,
          endedMs: cp.delivery?.atMs,
        }
      : undefined,
    ivfProtocolStart: ivfProtocolStarts(f.events, medication.other)[0],
  };
}

/** Builds the whole clinical picture of one patient from what the FHIR layer read. Never throws on bad data. */
export function buildClinicalRecord(input: RecordInput, { nowMs, zone, units }: BuildOptions): ClinicalRecord {
  const findings = findingsPart(input, units, nowMs, zone);
  const ivf = ivfRecordPart(input, { nowMs, zone, units, nextEvent: nextDatedEvent(findings.events, nowMs) });
  const pregnancy = pregnancyPart(input.resources, ivf.confirmation, nowMs, zone);
  const w = weightsPart(resourcesOfType(input, 'Observation'), pregnancy.currentPregnancy, zone);
  const med = medicationPart(input, w.weights, nowMs, zone);
  const context = ruleContext(input, pregnancy, w.weights, med.medication, findings, ivf, nowMs, zone);
  const { exclusions: findingExclusions, ...found } = findings;
  const built = withDerivedViews({
    nowMs,
    zone,
    patient: resourcesOfType(input, 'Patient').find((p) => p.id === input.patientId) ?? resourcesOfType(input, 'Patient')[0],
    groups: input.groups,
    dropped: input.dropped,
    medication: med.medication,
    weights: w.weights,
    ...found,
    ...pregnancy,
    ivf,
    rules: {
      context,
      cards: eventCards(context),
      eddCard: eddInfoCard(context),
      triggers: stopNowTriggers(context),
      indications: indications(context),
      cautions: cautions(context),
    },
    // Same order as before: pregnancy, weights, orders, doses, then labs, findings and events.
    exclusions: [...pregnancy.pregnancy.exclusions, ...w.exclusions, ...med.exclusions, ...findingExclusions, ...ivf.cycle.excluded],
  });
  const plan = planPart(built, input, units);
  return { ...built, rules: { ...built.rules, indications: sourceListedIndications(built.rules.indications, plan) }, plan };
}

/** Step 6: the plan strip's parts from the built record. */
function planPart(r: Omit<ClinicalRecord, 'plan'>, input: RecordInput, units: UnitConverter): RecordPlan {
  const lw = r.weights.latest;
  return recordPlan({
    input,
    nowMs: r.nowMs,
    zone: r.zone,
    units,
    orders: r.medication.orders,
    doses: r.medication.doses,
    medicationsComplete: r.medication.complete,
    aspirin: r.medication.other.filter((o) => o.recognition.drug === 'aspirin'),
    cards: r.rules.cards,
    triggers: r.rules.triggers,
    facts: r.facts.facts,
    indicationFacts: r.rules.context.indicationFacts,
    ddimer: r.ddimer.results,
    pregnancies: r.pregnancy.pregnancies.map((p) => ({ startMs: p.startMs, ...(p.delivery ? { endMs: p.delivery.atMs } : p.endMs < r.nowMs ? { endMs: p.endMs } : {}) })),
    labs: { creatinineClearance: r.labs.creatinineClearance.latest, egfr: r.labs.egfr.latest, platelets: r.labs.platelets.latest },
    hit: r.hitPattern,
    ...(lw ? { latestWeight: { kg: lw.kg, atMs: lw.ms, source: lw.source } } : {}),
  });
}

/**
 * The indications as the source lists them: pregnancy is context, not an indication, and a D-dimer flagged only
 * against a non-pregnant range during pregnancy is not "raised D-dimer present".
 */
function sourceListedIndications(found: IndicationFinding[], plan: RecordPlan): IndicationFinding[] {
  const notCounted = new Set(plan.indications.context.ddimerNotCounted.map((e) => `${e.source.resourceType}/${e.source.id ?? ''}`));
  return found.flatMap((f) => {
    if (f.kind === 'ongoing-pregnancy-monitoring') return [];
    if (f.kind !== 'raised-d-dimer') return [f];
    const evidence = f.evidence.filter((e) => !e.source || !notCounted.has(`${e.source.resourceType}/${e.source.id ?? ''}`));
    return evidence.length > 0 ? [{ ...f, evidence }] : [];
  });
}
