/** Stop-now triggers, indications found in the record, and cautions. Facts with evidence, never a recommendation. */
import { formatDateTime } from '../time';
import { ASH_NO_ROUTINE_ANTI_XA } from './ash-2018';
import { activeLmwhOrdersAt, atText, DAY_MS, eventAnchor, infoLine, isCurrentAt, lmwhOrders } from './common';
import { ESHRE_INHERITED_THROMBOPHILIA_WITHOUT_APS } from './eshre-2022';
import type { IndicationFact, IndicationKind, RuleContext, RuleFactStatus, RuleOrder, RuleTimedFact } from './input';
import { DDIMER_RISES_IN_PREGNANCY, PT_APTT_NOT_FOR_LMWH, RENAL_CLEARANCE_BELOW_30 } from './other-notes';
import { bandFor, RCOG_OHSS_RISK_FACTOR, RCOG_STOP_BLEEDING_OR_LABOUR, RCOG_TABLE3_INTERMEDIATE_50_90, RCOG_WEIGHT_BANDS, type WeightBand } from './rcog-37a';
import { SOURCE_DOSE_BY_WEIGHT_PANEL_CONTROL, SOURCE_INDICATIONS, SOURCE_STOP_GENITAL_BLEEDING, SOURCE_WORKS_ONLY_WHILE_INJECTED } from './source-article';
import type { CautionFinding, CautionsResult, IndicationFinding, InfoLine, NoteRule, StopNowTrigger } from './types';

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
function placeFact(fact: RuleTimedFact, ctx: RuleContext, active: RuleOrder[]): string | undefined {
  const w = currentPregnancyWindow(ctx);
  const when = atText(fact.atMs, ctx.zone);
  if (fact.atMs === undefined) return 'The record gives no date for it, so whether it belongs to the current pregnancy is unknown.';
  if (w) {
    if (fact.atMs < w.startMs || fact.atMs >= w.endMs) return undefined;
    return `Recorded ${when}, in the current pregnancy (from ${formatDateTime(w.startMs, ctx.zone)}).`;
  }
  const starts = active.map((o) => o.startMs).filter((s): s is number => s !== undefined);
  if (starts.length === 0) return `Recorded ${when}; no current pregnancy and no order start date are recorded, so it could not be placed in time.`;
  const first = Math.min(...starts);
  if (fact.atMs < first) return undefined;
  return `Recorded ${when}, after the active LMWH order started (no current pregnancy is recorded).`;
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
    const f: StopNowTrigger['fact'] = { label: fact.label, atText: atText(fact.atMs, ctx.zone), source: fact.source };
    if (fact.atMs !== undefined) f.atMs = fact.atMs;
    out.push({ kind, fact: f, context, lines, activeOrders: active });
  };
  for (const b of ctx.bleeding) make('genital-bleeding', b, [infoLine(SOURCE_STOP_GENITAL_BLEEDING), infoLine(RCOG_STOP_BLEEDING_OR_LABOUR)]);
  if (ctx.labourOnset) {
    make('labour-onset', ctx.labourOnset, [
      infoLine(RCOG_STOP_BLEEDING_OR_LABOUR, 'The source itself speaks of a planned birth (at least 2 days before), not of labour onset.'),
    ]);
  }
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

/** The source's indications found in the record, each with its evidence and guideline notes beside it. */
export function indications(ctx: RuleContext): IndicationFinding[] {
  const out: IndicationFinding[] = [];
  const transfers = ctx.events.filter((e) => e.class === 'embryo-transfer' && !e.enteredHere);
  for (const rule of SOURCE_INDICATIONS) {
    const kind = rule.parameters.indication;
    const notes = (GUIDELINE_NOTES[kind] ?? []).map((n) => infoLine(n));
    if (kind === 'ongoing-pregnancy-monitoring') {
      const p = ctx.pregnancy;
      if (!p || p.endedMs !== undefined || (p.eddMs === undefined && p.startMs === undefined)) continue;
      const evidence: IndicationFinding['evidence'] = [];
      if (p.eddSource) evidence.push({ label: `Ongoing pregnancy${p.eddMs !== undefined ? `, EDD ${atText(p.eddMs, ctx.zone)}` : ''}`, source: p.eddSource });
      out.push({ kind, ruleId: rule.id, ruleVersion: rule.version, source: rule.source, wording: rule.wording, status: 'present', evidence, guidelineNotes: notes });
      continue;
    }
    const facts = ctx.indicationFacts.filter((f) => f.kind === kind);
    if (facts.length === 0) continue;
    const evidence: IndicationFinding['evidence'] = facts.map((f) => {
      const count = f.count !== undefined ? ` (${f.count} loss${f.count === 1 ? '' : 'es'}${kind === 'recurrent-miscarriage' && f.count < 2 ? ': fewer than the source\'s 2' : ''})` : '';
      const e: IndicationFinding['evidence'][number] = { label: `${f.label}${count} [${f.status}]`, source: f.source };
      if (f.atMs !== undefined) e.atText = atText(f.atMs, ctx.zone);
      return e;
    });
    if (kind === 'ohss' || kind === 'ohss-risk') {
      for (const t of transfers) {
        const a = eventAnchor(t.when, ctx.zone).anchorMs;
        const src = t.sources[0];
        if (src) evidence.push({ label: `Embryo transfer${a !== null ? ` ${atText(a, ctx.zone)}` : ' (date not recorded)'}`, source: src });
      }
    }
    out.push({ kind, ruleId: rule.id, ruleVersion: rule.version, source: rule.source, wording: rule.wording, status: combinedStatus(facts), evidence, guidelineNotes: notes });
  }
  return out.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
}

// ---------------------------------------------------------------------------------------------------------------
// Cautions
// ---------------------------------------------------------------------------------------------------------------

function currentLmwhOrders(ctx: RuleContext): RuleOrder[] {
  return lmwhOrders(ctx).filter((o) => isCurrentAt(o, ctx.nowMs));
}

/** The first IVF protocol event or pregnancy start the "long before" caution compares with. */
function protocolAnchor(ctx: RuleContext): { atMs: number; label: string } | undefined {
  const cands: { atMs: number; label: string }[] = [];
  if (ctx.ivfProtocolStart?.atMs !== undefined) cands.push({ atMs: ctx.ivfProtocolStart.atMs, label: ctx.ivfProtocolStart.label });
  for (const e of ctx.events) {
    if (e.enteredHere || (e.class !== 'oocyte-retrieval' && e.class !== 'embryo-transfer')) continue;
    const a = eventAnchor(e.when, ctx.zone).anchorMs;
    if (a !== null) cands.push({ atMs: a, label: e.label });
  }
  const w = currentPregnancyWindow(ctx);
  if (w) cands.push({ atMs: w.startMs, label: 'start of the current pregnancy' });
  if (cands.length === 0) return undefined;
  return cands.reduce((a, b) => (b.atMs < a.atMs ? b : a));
}

function expected(band: WeightBand, ingredient: 'enoxaparin' | 'dalteparin' | 'tinzaparin', kg: number): number {
  const v = ingredient === 'enoxaparin' ? band.enoxaparinMg : ingredient === 'dalteparin' ? band.dalteparinIU : band.tinzaparinIU;
  return typeof v === 'number' ? v : Math.round(v.perKg * kg * 10) / 10;
}

/** Cautions from the record (facts and attributed rules), and the checks that could not be made, with reasons. */
export function cautions(ctx: RuleContext): CautionsResult {
  const result: CautionsResult = { cautions: [], notChecked: [] };
  const current = currentLmwhOrders(ctx);
  const all = lmwhOrders(ctx);
  const push = (c: CautionFinding) => result.cautions.push(c);
  const base = (r: typeof SOURCE_WORKS_ONLY_WHILE_INJECTED | typeof RCOG_WEIGHT_BANDS | typeof RENAL_CLEARANCE_BELOW_30) => ({
    ruleId: r.id,
    ruleVersion: r.version,
    source: r.source,
    wording: r.wording,
  });

  // 1. LMWH ordered long before any IVF protocol event or pregnancy.
  {
    const rule = SOURCE_WORKS_ONLY_WHILE_INJECTED;
    const days = rule.parameters.topic === 'started-long-before-protocol' ? rule.parameters.appThresholdDays : 28;
    const started = all.filter((o) => o.startMs !== undefined).sort((a, b) => (a.startMs as number) - (b.startMs as number));
    const anchor = protocolAnchor(ctx);
    const first = started[0];
    if (!first || first.startMs === undefined) result.notChecked.push({ ruleId: rule.id, reason: 'No LMWH order with a start date was found.' });
    else if (!anchor) result.notChecked.push({ ruleId: rule.id, reason: 'No IVF protocol event or pregnancy start is recorded to compare with.' });
    else {
      const lead = (anchor.atMs - first.startMs) / DAY_MS;
      if (lead > days) {
        push({
          topic: 'started-long-before-protocol',
          ...base(rule),
          detail: `${first.description} starts ${formatDateTime(first.startMs, ctx.zone)}, ${Math.floor(lead)} days before the ${anchor.label} (${formatDateTime(anchor.atMs, ctx.zone)}); the app's threshold is ${days} days.`,
          evidence: [first.source],
          beside: [],
        });
      }
    }
  }

  // 2. Dose by booking weight against the RCOG Table 3 band (PARTIAL).
  {
    const rule = RCOG_WEIGHT_BANDS;
    const w = ctx.bookingWeight;
    for (const o of current) {
      if (o.doseClass === 'therapeutic') {
        result.notChecked.push({ ruleId: rule.id, reason: `${o.description}: therapeutic weight-based doses (RCOG 37b) are not verified here, so no band check is made.` });
        continue;
      }
      if (o.doseClass === 'unknown') {
        result.notChecked.push({ ruleId: rule.id, reason: `${o.description}: dose class unknown, so no band check is made.` });
        continue;
      }
      const ing = o.ingredient;
      if (ing !== 'enoxaparin' && ing !== 'dalteparin' && ing !== 'tinzaparin') {
        result.notChecked.push({ ruleId: rule.id, reason: `${o.description}: the table covers enoxaparin, dalteparin and tinzaparin only.` });
        continue;
      }
      if (!o.dailyDose) {
        result.notChecked.push({ ruleId: rule.id, reason: `${o.description}: the daily dose could not be read from the order.` });
        continue;
      }
      if (!w || !Number.isFinite(w.kg) || w.kg <= 0) {
        result.notChecked.push({ ruleId: rule.id, reason: `${o.description}: no body weight is recorded.` });
        continue;
      }
      if (!w.isBooking) {
        result.notChecked.push({ ruleId: rule.id, reason: `${o.description}: only a non-booking weight is recorded; the table uses the booking weight.` });
        continue;
      }
      const unit = ing === 'enoxaparin' ? 'mg' : 'IU';
      if (o.dailyDose.unit !== unit) {
        result.notChecked.push({ ruleId: rule.id, reason: `${o.description}: daily dose in ${o.dailyDose.unit}, expected ${unit} for ${ing}.` });
        continue;
      }
      let band: WeightBand | undefined;
      if (o.doseClass === 'intermediate') {
        if (bandFor(w.kg)?.id !== 'from50to90') {
          result.notChecked.push({ ruleId: rule.id, reason: `${o.description}: the table gives a high-prophylactic (intermediate) dose for 50-90 kg only.` });
          continue;
        }
        band = RCOG_TABLE3_INTERMEDIATE_50_90;
      } else band = bandFor(w.kg);
      if (!band) continue;
      const exp = expected(band, ing, w.kg);
      const perKg = Math.round((o.dailyDose.value / w.kg) * 100) / 100;
      if (Math.abs(o.dailyDose.value - exp) > 1e-9) {
        push({
          topic: 'dose-per-kg-band',
          ...base(rule),
          detail: `${o.description}: ${o.dailyDose.value} ${unit}/day (${perKg} ${unit}/kg/day by booking weight ${w.kg} kg, ${formatDateTime(w.atMs, ctx.zone)}). The transcribed RCOG band for ${band.label} (${o.doseClass}) lists ${exp} ${unit}/day; not verified against the primary.`,
          evidence: [o.source, w.source],
          beside: [],
        });
      }
    }
  }

  // 3. Creatinine clearance below 30 mL/min.
  {
    const rule = RENAL_CLEARANCE_BELOW_30;
    const below = rule.parameters.topic === 'renal-clearance' ? rule.parameters.belowMlPerMin : 30;
    const c = ctx.creatinineClearance;
    if (current.length === 0) {
      // Nothing to caution about without a current order.
    } else if (!c || !Number.isFinite(c.value)) result.notChecked.push({ ruleId: rule.id, reason: 'No creatinine clearance is recorded.' });
    else if (c.value < below) {
      push({
        topic: 'renal-clearance',
        ...base(rule),
        detail: `Creatinine clearance ${c.value} ${c.unit} on ${formatDateTime(c.atMs, ctx.zone)} (below ${below} mL/min) with a current LMWH order: ${current.map((o) => o.description).join('; ')}.`,
        evidence: [c.source, ...current.map((o) => o.source)],
        beside: [],
      });
    }
  }

  // 4. The source's coagulation-panel control, beside ASH 2018 and the PT/aPTT note.
  if (current.length > 0) {
    const rule = SOURCE_DOSE_BY_WEIGHT_PANEL_CONTROL;
    push({
      topic: 'coagulation-panel-control',
      ruleId: rule.id,
      ruleVersion: rule.version,
      source: rule.source,
      wording: rule.wording,
      detail: `Current LMWH order: ${current.map((o) => o.description).join('; ')}.`,
      evidence: current.map((o) => o.source),
      beside: [infoLine(ASH_NO_ROUTINE_ANTI_XA), infoLine(PT_APTT_NOT_FOR_LMWH)],
    });
  }
  return result;
}
