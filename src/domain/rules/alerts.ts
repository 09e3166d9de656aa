/** Stop-now triggers, indications found in the record, and cautions. Facts with evidence, never a recommendation. */
import { instantParam, reason, reasonParam, type ReasonParam } from '../reasons';
import { eventNameParam } from '../events/eventReasons';
import { DAY_MS } from '../time';
import { ASH_NO_ROUTINE_ANTI_XA } from './ash-2018';
import { activeLmwhOrdersAt, eventAnchor, infoLine, isCurrentAt, lmwhOrders } from './ruleCommon';
import { ESHRE_INHERITED_THROMBOPHILIA_WITHOUT_APS } from './eshre-2022';
import { ordersParam } from '../medication/orderSummary';
import { bandParam } from '../medication/doseClass';
import type { IndicationFact, IndicationKind, ProtocolStart, RuleContext, RuleFactStatus, RuleOrder, RuleTimedFact, RuleWeight } from './context';
import { DDIMER_RISES_IN_PREGNANCY, PT_APTT_NOT_FOR_LMWH, RENAL_CLEARANCE_BELOW_30 } from './other-notes';
import { bandFor, RCOG_OHSS_RISK_FACTOR, RCOG_STOP_BLEEDING_OR_LABOUR, RCOG_TABLE3_INTERMEDIATE_50_90, RCOG_WEIGHT_BANDS, type WeightBand } from './rcog-37a';
import { SOURCE_DOSE_BY_WEIGHT_PANEL_CONTROL, SOURCE_INDICATIONS, SOURCE_STOP_GENITAL_BLEEDING, SOURCE_WORKS_ONLY_WHILE_INJECTED } from './source-article';
import type { CautionsResult, IndicationEvidence, IndicationFinding, InfoLine, NoteRule, Rule, RulesReason, StopNowTrigger } from './ruleTypes';

// ---------------------------------------------------------------------------------------------------------------
// Stop-now triggers
// ---------------------------------------------------------------------------------------------------------------

/** The current pregnancy as an instant window, when it can be placed. */
export function currentPregnancyWindow(ctx: Pick<RuleContext, 'pregnancy' | 'nowMs'>): { startMs: number; endMs: number } | undefined {
  const p = ctx.pregnancy;
  if (!p) return undefined;
  const start = p.startMs ?? (p.eddMs !== undefined ? p.eddMs - 280 * DAY_MS : undefined);
  if (start === undefined || !Number.isFinite(start)) return undefined;
  return { startMs: start, endMs: p.endedMs ?? Number.POSITIVE_INFINITY };
}

/** Why a fact counts now, or undefined when it is outside the current pregnancy / before the active order. */
function placeFact(fact: RuleTimedFact, ctx: RuleContext, active: RuleOrder[]): RulesReason | undefined {
  const w = currentPregnancyWindow(ctx);
  if (fact.atMs === undefined) return reason('rules.stop-now.no-date');
  const at = instantParam(fact.atMs);
  if (w) {
    if (fact.atMs < w.startMs || fact.atMs >= w.endMs) return undefined;
    return reason('rules.stop-now.in-pregnancy', { at, from: instantParam(w.startMs) });
  }
  const starts = active.map((o) => o.startMs).filter((s): s is number => s !== undefined);
  if (starts.length === 0) return reason('rules.stop-now.not-placed', { at });
  if (fact.atMs < Math.min(...starts)) return undefined;
  return reason('rules.stop-now.after-order-start', { at });
}

/**
 * Vaginal bleeding / bloody genital discharge, and labour onset, recorded in the current pregnancy while an LMWH order
 * is active now. Nothing when no LMWH order is active or the fact lies outside the current pregnancy.
 */
export function stopNowTriggers(ctx: RuleContext): StopNowTrigger[] {
  const active = activeLmwhOrdersAt(ctx, ctx.nowMs);
  if (active.length === 0) return [];
  const out: StopNowTrigger[] = [];
  const make = (kind: StopNowTrigger['kind'], fact: RuleTimedFact, lines: InfoLine[]) => {
    const context = placeFact(fact, ctx, active);
    if (context === undefined) return;
    const f: StopNowTrigger['fact'] = { label: fact.label, source: fact.source };
    if (fact.atMs !== undefined) f.atMs = fact.atMs;
    out.push({ kind, fact: f, context, lines, activeOrders: active });
  };
  for (const b of ctx.bleeding) make('genital-bleeding', b, [infoLine(SOURCE_STOP_GENITAL_BLEEDING), infoLine(RCOG_STOP_BLEEDING_OR_LABOUR)]);
  if (ctx.labourOnset) make('labour-onset', ctx.labourOnset, [infoLine(RCOG_STOP_BLEEDING_OR_LABOUR, reason('rules.stop-now.labour-source-note'))]);
  return out.sort((a, b) => (b.fact.atMs ?? Number.NEGATIVE_INFINITY) - (a.fact.atMs ?? Number.NEGATIVE_INFINITY));
}

// ---------------------------------------------------------------------------------------------------------------
// Indications
// ---------------------------------------------------------------------------------------------------------------

const GUIDELINE_NOTES: Partial<Record<IndicationKind | 'ongoing-pregnancy-monitoring', readonly NoteRule[]>> = {
  ohss: [RCOG_OHSS_RISK_FACTOR],
  'ohss-risk': [RCOG_OHSS_RISK_FACTOR],
  'recurrent-miscarriage': [ESHRE_INHERITED_THROMBOPHILIA_WITHOUT_APS],
  'factor-v-leiden': [ESHRE_INHERITED_THROMBOPHILIA_WITHOUT_APS],
  'raised-d-dimer': [DDIMER_RISES_IN_PREGNANCY],
  'ongoing-pregnancy-monitoring': [DDIMER_RISES_IN_PREGNANCY, PT_APTT_NOT_FOR_LMWH],
};

const STATUS_ORDER: Record<RuleFactStatus, number> = { present: 0, unclear: 1, 'tested-negative': 2 };

function combinedStatus(facts: IndicationFact[]): RuleFactStatus {
  if (facts.some((f) => f.status === 'present')) return 'present';
  if (facts.some((f) => f.status === 'unclear')) return 'unclear';
  return 'tested-negative';
}

/** One indication fact as evidence; a loss count below the source's 2 is marked. */
function factEvidence(f: IndicationFact): IndicationEvidence {
  const e: IndicationEvidence = { kind: 'fact', label: f.label, status: f.status, source: f.source };
  if (f.count !== undefined) {
    e.count = f.count;
    e.fewerThanSourceCount = f.kind === 'recurrent-miscarriage' && f.count < 2;
  }
  if (f.atMs !== undefined) e.atMs = f.atMs;
  return e;
}

/** Embryo transfers in the record, shown beside an OHSS finding (the source speaks of transfer during stimulation). */
function transferEvidence(ctx: RuleContext): IndicationEvidence[] {
  const out: IndicationEvidence[] = [];
  for (const t of ctx.events) {
    if (t.class !== 'embryo-transfer' || t.enteredHere) continue;
    const src = t.sources[0];
    if (src) out.push({ kind: 'embryo-transfer', atMs: eventAnchor(t.when, ctx.zone).anchorMs, source: src });
  }
  return out;
}

const finding = (rule: Rule, kind: IndicationFinding['kind'], status: RuleFactStatus, evidence: IndicationEvidence[]): IndicationFinding => ({
  kind,
  ruleId: rule.id,
  ruleVersion: rule.version,
  source: rule.source,
  status,
  evidence,
  guidelineNotes: (GUIDELINE_NOTES[kind] ?? []).map((n) => infoLine(n)),
});

/** The ongoing pregnancy as the "monitoring" indication, when there is one. */
function monitoringFinding(rule: Rule, ctx: RuleContext): IndicationFinding | undefined {
  const p = ctx.pregnancy;
  if (!p || p.endedMs !== undefined || (p.eddMs === undefined && p.startMs === undefined)) return undefined;
  const evidence: IndicationEvidence[] = [];
  if (p.eddSource) evidence.push(p.eddMs !== undefined ? { kind: 'ongoing-pregnancy', eddMs: p.eddMs, source: p.eddSource } : { kind: 'ongoing-pregnancy', source: p.eddSource });
  return finding(rule, 'ongoing-pregnancy-monitoring', 'present', evidence);
}

/** The source's indications found in the record, each with its evidence and guideline notes beside it. */
export function indications(ctx: RuleContext): IndicationFinding[] {
  const out: IndicationFinding[] = [];
  for (const rule of SOURCE_INDICATIONS) {
    const kind = rule.parameters.indication;
    if (kind === 'ongoing-pregnancy-monitoring') {
      const f = monitoringFinding(rule, ctx);
      if (f) out.push(f);
      continue;
    }
    const facts = ctx.indicationFacts.filter((f) => f.kind === kind);
    if (facts.length === 0) continue;
    const evidence = facts.map(factEvidence);
    if (kind === 'ohss' || kind === 'ohss-risk') evidence.push(...transferEvidence(ctx));
    out.push(finding(rule, kind, combinedStatus(facts), evidence));
  }
  return out.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
}

// ---------------------------------------------------------------------------------------------------------------
// Cautions
// ---------------------------------------------------------------------------------------------------------------

function currentLmwhOrders(ctx: RuleContext): RuleOrder[] {
  return lmwhOrders(ctx).filter((o) => isCurrentAt(o, ctx.nowMs));
}

/** What the "long before" caution compares with: an IVF protocol start, or the start of the current pregnancy. */
type ProtocolAnchor = { atMs: number; what: ProtocolStart } | { atMs: number; pregnancyStart: true };

/** A protocol start in words: the event's name, or "Estradiol started (<order>)". */
const protocolStartParam = (s: ProtocolStart): ReasonParam =>
  'event' in s ? eventNameParam(s.event) : reasonParam(reason('rules.anchor.estradiol-start', { order: s.estradiolOrder }));

/** The first IVF protocol event or pregnancy start the "long before" caution compares with. */
function protocolAnchor(ctx: RuleContext): ProtocolAnchor | undefined {
  const cands: ProtocolAnchor[] = [];
  if (ctx.ivfProtocolStart?.atMs !== undefined) cands.push({ atMs: ctx.ivfProtocolStart.atMs, what: ctx.ivfProtocolStart.what });
  for (const e of ctx.events) {
    if (e.enteredHere || (e.class !== 'oocyte-retrieval' && e.class !== 'embryo-transfer')) continue;
    const a = eventAnchor(e.when, ctx.zone).anchorMs;
    if (a !== null) cands.push({ atMs: a, what: { event: e.name } });
  }
  const w = currentPregnancyWindow(ctx);
  if (w) cands.push({ atMs: w.startMs, pregnancyStart: true });
  if (cands.length === 0) return undefined;
  return cands.reduce((a, b) => (b.atMs < a.atMs ? b : a));
}

function expected(band: WeightBand, ingredient: 'enoxaparin' | 'dalteparin' | 'tinzaparin', kg: number): number {
  const v = ingredient === 'enoxaparin' ? band.enoxaparinMg : ingredient === 'dalteparin' ? band.dalteparinIU : band.tinzaparinIU;
  return typeof v === 'number' ? v : Math.round(v.perKg * kg * 10) / 10;
}


const findingBase = (r: Rule) => ({ ruleId: r.id, ruleVersion: r.version, source: r.source });

/** 1. LMWH ordered long before any IVF protocol event or pregnancy. */
function longBeforeCaution(ctx: RuleContext, all: RuleOrder[], result: CautionsResult): void {
  const rule = SOURCE_WORKS_ONLY_WHILE_INJECTED;
  const days = rule.parameters.topic === 'started-long-before-protocol' ? rule.parameters.appThresholdDays : 28;
  const first = all.filter((o) => o.startMs !== undefined).sort((a, b) => (a.startMs as number) - (b.startMs as number))[0];
  const anchor = protocolAnchor(ctx);
  if (!first || first.startMs === undefined) return void result.notChecked.push({ ruleId: rule.id, reason: reason('rules.not-checked.no-start') });
  if (!anchor) return void result.notChecked.push({ ruleId: rule.id, reason: reason('rules.not-checked.no-anchor') });
  const lead = (anchor.atMs - first.startMs) / DAY_MS;
  if (lead <= days) return;
  const what = 'what' in anchor ? protocolStartParam(anchor.what) : '';
  result.cautions.push({
    topic: 'started-long-before-protocol',
    ...findingBase(rule),
    detail: reason('rules.caution.long-before', { order: reasonParam(first.description), start: instantParam(first.startMs), days: Math.floor(lead), anchor: what, hasLabel: 'what' in anchor, anchorAt: instantParam(anchor.atMs), threshold: days }),
    evidence: [first.source],
    beside: [],
  });
}

/** Why an order's daily dose cannot be read against the band, or undefined when it can. */
function bandCheckBlocker(o: RuleOrder, w: RuleWeight | undefined): RulesReason | undefined {
  const order = reasonParam(o.description);
  if (o.doseClass === 'therapeutic') return reason('rules.not-checked.therapeutic', { order });
  if (o.doseClass === 'unknown') return reason('rules.not-checked.dose-class-unknown', { order });
  const ing = o.ingredient;
  if (ing !== 'enoxaparin' && ing !== 'dalteparin' && ing !== 'tinzaparin') return reason('rules.not-checked.ingredient', { order });
  if (!o.dailyDose) return reason('rules.not-checked.no-daily-dose', { order });
  if (!w || !Number.isFinite(w.kg) || w.kg <= 0) return reason('rules.not-checked.no-weight', { order });
  if (!w.isBooking) return reason('rules.not-checked.non-booking-weight', { order });
  const unit = ing === 'enoxaparin' ? 'mg' : 'IU';
  if (o.dailyDose.unit !== unit) return reason('rules.not-checked.unit', { order, unit: o.dailyDose.unit, expected: unit, ingredient: ing });
  if (o.doseClass === 'intermediate' && bandFor(w.kg)?.id !== 'from50to90') return reason('rules.not-checked.intermediate-band', { order });
  return undefined;
}

/** 2. Dose by booking weight against the RCOG Table 3 band (PARTIAL). */
function doseBandCautions(ctx: RuleContext, current: RuleOrder[], result: CautionsResult): void {
  const rule = RCOG_WEIGHT_BANDS;
  const w = ctx.bookingWeight;
  for (const o of current) {
    const blocker = bandCheckBlocker(o, w);
    if (blocker) {
      result.notChecked.push({ ruleId: rule.id, reason: blocker });
      continue;
    }
    // bandCheckBlocker guarantees these.
    const ing = o.ingredient as 'enoxaparin' | 'dalteparin' | 'tinzaparin';
    const weight = w as RuleWeight;
    const daily = o.dailyDose as NonNullable<RuleOrder['dailyDose']>;
    const band = o.doseClass === 'intermediate' ? RCOG_TABLE3_INTERMEDIATE_50_90 : bandFor(weight.kg);
    if (!band) continue;
    const exp = expected(band, ing, weight.kg);
    if (Math.abs(daily.value - exp) <= 1e-9) continue;
    result.cautions.push({
      topic: 'dose-per-kg-band',
      ...findingBase(rule),
      detail: reason('rules.caution.dose-band', {
        order: reasonParam(o.description),
        daily: daily.value,
        unit: daily.unit,
        perKg: Math.round((daily.value / weight.kg) * 100) / 100,
        kg: weight.kg,
        weighedAt: instantParam(weight.atMs),
        // The band in numbers, not the table's printed label: the catalogue writes "kg" in the reader's language.
        band: bandParam(band),
        doseClass: o.doseClass,
        expected: exp,
        direction: daily.value < exp ? 'below' : 'above',
      }),
      evidence: [o.source, weight.source],
      beside: [],
    });
  }
}

/** 3. Creatinine clearance below 30 mL/min with a current order. */
function renalCaution(ctx: RuleContext, current: RuleOrder[], result: CautionsResult): void {
  const rule = RENAL_CLEARANCE_BELOW_30;
  const below = rule.parameters.topic === 'renal-clearance' ? rule.parameters.belowMlPerMin : 30;
  const c = ctx.creatinineClearance;
  if (current.length === 0) return; // nothing to caution about without a current order
  if (!c || !Number.isFinite(c.value)) return void result.notChecked.push({ ruleId: rule.id, reason: reason('rules.not-checked.no-clearance') });
  if (c.value >= below) return;
  result.cautions.push({
    topic: 'renal-clearance',
    ...findingBase(rule),
    detail: reason('rules.caution.renal', { value: c.value, unit: c.unit, at: instantParam(c.atMs), below, orders: ordersParam(current.map((o) => o.description)) }),
    evidence: [c.source, ...current.map((o) => o.source)],
    beside: [],
  });
}

/** 4. The source's coagulation-panel control, beside ASH 2018 and the PT/aPTT note. */
function panelControlCaution(current: RuleOrder[], result: CautionsResult): void {
  if (current.length === 0) return;
  result.cautions.push({
    topic: 'coagulation-panel-control',
    ...findingBase(SOURCE_DOSE_BY_WEIGHT_PANEL_CONTROL),
    detail: reason('rules.caution.current-orders', { orders: ordersParam(current.map((o) => o.description)) }),
    evidence: current.map((o) => o.source),
    beside: [infoLine(ASH_NO_ROUTINE_ANTI_XA), infoLine(PT_APTT_NOT_FOR_LMWH)],
  });
}

/** Cautions from the record (facts and attributed rules), and the checks that could not be made, with reasons. */
export function cautions(ctx: RuleContext): CautionsResult {
  const result: CautionsResult = { cautions: [], notChecked: [] };
  const current = currentLmwhOrders(ctx);
  longBeforeCaution(ctx, lmwhOrders(ctx), result);
  doseBandCautions(ctx, current, result);
  renalCaution(ctx, current, result);
  panelControlCaution(current, result);
  return result;
}
