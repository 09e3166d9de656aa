import { describe, expect, it } from 'vitest';
import { context, event, ms, order, ORDER_DESCRIPTION, ref } from '../../../test/support/ruleBuilders';
import { cautions, indications, stopNowTriggers } from './index';
import type { IndicationFact, RuleContext } from './context';
import { instantParam } from '../reasons';

const pregnancy = { startMs: ms('2026-01-01T00:00:00Z'), eddMs: ms('2026-10-08T00:00:00Z'), eddSource: ref('Observation', 'edd') };
const bleeding = (iso: string | undefined, id = 'b1') => ({ label: 'Vaginal bleeding in early pregnancy', ...(iso ? { atMs: ms(iso) } : {}), source: ref('Condition', id) });

describe('stop-now triggers', () => {
  it('vaginal bleeding in the current pregnancy while an LMWH order is active: the source line and RCOG beside it', () => {
    const t = stopNowTriggers(context({ pregnancy, orders: [order()], bleeding: [bleeding('2026-03-15T10:00:00Z')] }));
    expect(t).toHaveLength(1);
    expect(t[0]?.kind).toBe('genital-bleeding');
    expect(t[0]?.fact.source).toEqual(ref('Condition', 'b1'));
    expect(t[0]?.fact.atMs).toBe(ms('2026-03-15T10:00:00Z'));
    expect(t[0]?.context).toEqual({ code: 'rules.stop-now.in-pregnancy', params: { at: instantParam(ms('2026-03-15T10:00:00Z')), from: instantParam(pregnancy.startMs) } });
    expect(t[0]?.lines.map((l) => [l.ruleId, l.source.kind])).toEqual([
      ['source.stop-now.genital-bleeding', 'source-article'],
      ['rcog37a.stop-now.bleeding-or-labour', 'guideline'],
    ]);
    expect(t[0]?.activeOrders.map((o) => o.id)).toEqual(['mr-1']);
  });

  it.each<[string, Partial<RuleContext>]>([
    ['no LMWH order at all', { pregnancy, bleeding: [bleeding('2026-03-15T10:00:00Z')] }],
    ['the LMWH order ended before now', { pregnancy, orders: [order({ endMs: ms('2026-03-01T00:00:00Z') })], bleeding: [bleeding('2026-02-15T10:00:00Z')] }],
    ['the only LMWH item is a plan, not an order', { pregnancy, orders: [order({ isOrder: false })], bleeding: [bleeding('2026-03-15T10:00:00Z')] }],
    ['the order is on hold', { pregnancy, orders: [order({ onHold: true, status: 'on-hold' })], bleeding: [bleeding('2026-03-15T10:00:00Z')] }],
    // A bleeding episode in 2024 belongs to an earlier pregnancy: the current one began on 1 Jan 2026.
    ['the bleeding was in an earlier pregnancy', { pregnancy, orders: [order()], bleeding: [bleeding('2024-05-01T10:00:00Z')] }],
    ['no pregnancy recorded and the bleeding predates the order', { orders: [order()], bleeding: [bleeding('2025-06-01T10:00:00Z')] }],
  ])('no trigger when %s', (_name, extra) => {
    expect(stopNowTriggers(context(extra))).toEqual([]);
  });

  it('bleeding with no date is shown, saying its pregnancy cannot be placed', () => {
    const t = stopNowTriggers(context({ pregnancy, orders: [order()], bleeding: [bleeding(undefined)] }));
    expect(t[0]?.context.code).toBe('rules.stop-now.no-date');
    expect(t[0]?.fact.atMs).toBeUndefined();
  });

  it('without a recorded pregnancy, bleeding after the active order started still counts, and says why', () => {
    const t = stopNowTriggers(context({ orders: [order()], bleeding: [bleeding('2026-02-01T10:00:00Z')] }));
    expect(t[0]?.context.code).toBe('rules.stop-now.after-order-start');
  });

  it('labour onset while an order is active: a guideline-labelled trigger (the source speaks of planned birth)', () => {
    const t = stopNowTriggers(context({ pregnancy, orders: [order()], labourOnset: { label: 'Labour onset', atMs: ms('2026-03-19T22:00:00Z'), source: ref('Observation', 'lab') } }));
    expect(t).toHaveLength(1);
    expect(t[0]?.kind).toBe('labour-onset');
    expect(t[0]?.lines.map((l) => l.ruleId)).toEqual(['rcog37a.stop-now.bleeding-or-labour']);
    expect(t[0]?.lines[0]?.source.verification).toBe('partial');
  });
});

/** An indication fact labelled as the findings module labels a recorded fact ('findings.indication.fact'). */
const labelOf = (label: string) => ({ code: 'findings.indication.fact', params: { label } });
const fact = (kind: IndicationFact['kind'], status: IndicationFact['status'], label: string, extra: Partial<IndicationFact> = {}): IndicationFact => ({
  kind,
  status,
  label: labelOf(label),
  source: ref('Condition', `${kind}-${status}`),
  ...extra,
});

describe('indications found in the record', () => {
  it.each<[IndicationFact, string, string[]]>([
    [fact('ohss-risk', 'present', 'Risk of OHSS'), 'source.indication.ohss-risk', ['rcog37a.note.ohss-risk-factor']],
    [fact('ohss', 'present', 'OHSS'), 'source.indication.ohss', ['rcog37a.note.ohss-risk-factor']],
    [fact('high-dose-estrogen', 'present', 'Estradiol valerate 6 mg daily'), 'source.indication.high-dose-estrogen', []],
    [fact('recurrent-miscarriage', 'present', 'Recurrent miscarriage', { count: 3 }), 'source.indication.recurrent-miscarriage', ['eshre.note.inherited-thrombophilia-without-aps']],
    [fact('antiphospholipid-antibodies', 'present', 'Anticardiolipin IgG positive'), 'source.indication.antiphospholipid-antibodies', []],
    [fact('lupus-anticoagulant', 'present', 'Lupus anticoagulant detected'), 'source.indication.lupus-anticoagulant', []],
    [fact('raised-d-dimer', 'present', 'D-dimer 1.9 mg/L FEU'), 'source.indication.raised-d-dimer', ['studies.note.d-dimer-rises-in-pregnancy']],
    [fact('factor-v-leiden', 'present', 'Factor V Leiden heterozygous'), 'source.indication.factor-v-leiden', ['eshre.note.inherited-thrombophilia-without-aps']],
  ])('%j -> %s with notes %j', (f, ruleId, notes) => {
    const found = indications(context({ indicationFacts: [f] }));
    expect(found).toHaveLength(1);
    expect(found[0]?.ruleId).toBe(ruleId);
    expect(found[0]?.status).toBe('present');
    expect(found[0]?.evidence[0]?.source).toEqual(f.source);
    expect(found[0]?.guidelineNotes.map((n) => n.ruleId)).toEqual(notes);
    expect(found[0]?.source.kind).toBe('source-article');
  });

  it('negatives are listed as tested negative, after the positives', () => {
    const found = indications(context({ indicationFacts: [fact('factor-v-leiden', 'tested-negative', 'F5 c.1601G>A not detected'), fact('lupus-anticoagulant', 'present', 'LA detected')] }));
    expect(found.map((f) => [f.kind, f.status])).toEqual([
      ['lupus-anticoagulant', 'present'],
      ['factor-v-leiden', 'tested-negative'],
    ]);
    expect(found[1]?.evidence[0]).toMatchObject({ kind: 'fact', label: labelOf('F5 c.1601G>A not detected'), status: 'tested-negative' });
  });

  it('one miscarriage is shown with its count and that it is fewer than the source\'s 2', () => {
    const found = indications(context({ indicationFacts: [fact('recurrent-miscarriage', 'unclear', 'Miscarriage', { count: 1 })] }));
    expect(found[0]?.status).toBe('unclear');
    expect(found[0]?.evidence[0]).toMatchObject({ kind: 'fact', count: 1, fewerThanSourceCount: true });
  });

  it('OHSS risk with an embryo transfer in the record: the transfer is part of the evidence', () => {
    const transfer = event('embryo-transfer', '2026-02-10T10:00:00Z');
    const found = indications(context({ events: [transfer], indicationFacts: [fact('ohss-risk', 'present', 'Risk of OHSS')] }));
    expect(found[0]?.evidence).toEqual([
      { kind: 'fact', label: labelOf('Risk of OHSS'), status: 'present', source: ref('Condition', 'ohss-risk-present') },
      { kind: 'embryo-transfer', atMs: ms('2026-02-10T10:00:00Z'), source: transfer.sources[0] },
    ]);
  });

  it('an ongoing pregnancy is listed as under monitoring with the D-dimer and PT/aPTT notes beside it; no facts, no findings', () => {
    const found = indications(context({ pregnancy }));
    expect(found.map((f) => f.kind)).toEqual(['ongoing-pregnancy-monitoring']);
    expect(found[0]?.guidelineNotes.map((n) => n.ruleId)).toEqual(['studies.note.d-dimer-rises-in-pregnancy', 'general.note.pt-aptt-not-for-lmwh']);
    expect(indications(context())).toEqual([]);
  });
});

describe('cautions', () => {
  it('a protocol event recorded without text is named by its class code, an estradiol start by its order', () => {
    const byClass = context({
      orders: [order({ startMs: ms('2026-01-01T09:00:00Z') })],
      ivfProtocolStart: { what: { event: { class: 'oocyte-retrieval' } }, atMs: ms('2026-03-12T09:00:00Z'), source: ref('Procedure', 'opu') },
    });
    expect(cautions(byClass).cautions.find((x) => x.topic === 'started-long-before-protocol')?.detail.params?.anchor).toEqual({ kind: 'reason', reason: { code: 'event.class.oocyte-retrieval' } });
    const estradiol = context({
      orders: [order({ startMs: ms('2026-01-01T09:00:00Z') })],
      ivfProtocolStart: { what: { estradiolOrder: 'Estradiol valerate 2 mg' }, atMs: ms('2026-03-12T09:00:00Z'), source: ref('MedicationRequest', 'e2') },
    });
    expect(cautions(estradiol).cautions.find((x) => x.topic === 'started-long-before-protocol')?.detail.params?.anchor).toEqual({
      kind: 'reason',
      reason: { code: 'rules.anchor.estradiol-start', params: { order: 'Estradiol valerate 2 mg' } },
    });
  });

  it('LMWH ordered 70 days before the first IVF protocol event: flagged with the app threshold', () => {
    const ctx = context({
      orders: [order({ startMs: ms('2026-01-01T09:00:00Z') })],
      ivfProtocolStart: { what: { event: { text: 'stimulation start' } }, atMs: ms('2026-03-12T09:00:00Z'), source: ref('Procedure', 'stim') },
    });
    const c = cautions(ctx).cautions.find((x) => x.topic === 'started-long-before-protocol');
    expect(c?.detail).toEqual({
      code: 'rules.caution.long-before',
      params: { order: { kind: 'reason', reason: ORDER_DESCRIPTION }, start: instantParam(ms('2026-01-01T09:00:00Z')), days: 70, anchor: 'stimulation start', hasLabel: true, anchorAt: instantParam(ms('2026-03-12T09:00:00Z')), threshold: 28 },
    });
  });

  it.each([
    ['20 days before the oocyte retrieval: no caution', '2026-03-05T09:00:00Z', false],
    ['29 days before the oocyte retrieval: caution', '2026-02-24T09:00:00Z', true],
  ])('LMWH started %s', (_name, start, flagged) => {
    const ctx = context({ orders: [order({ startMs: ms(start) })], events: [event('oocyte-retrieval', '2026-03-25T09:00:00Z')] });
    expect(cautions(ctx).cautions.some((x) => x.topic === 'started-long-before-protocol')).toBe(flagged);
  });

  it('no protocol event or pregnancy: the check is listed as not made, with the reason', () => {
    const r = cautions(context({ orders: [order()] }));
    expect(r.notChecked).toContainEqual({ ruleId: 'source.caution.works-only-while-injected', reason: { code: 'rules.not-checked.no-anchor' } });
  });

  const weight = (kg: number, isBooking = true) => ({ kg, atMs: ms('2026-01-15T09:00:00Z'), isBooking, source: ref('Observation', 'w') });
  it.each<[string, Parameters<typeof order>[0], number, boolean]>([
    ['enoxaparin 40 mg at 70 kg (band 50-90: 40 mg)', {}, 70, false],
    ['enoxaparin 40 mg at 110 kg (band 91-130: 60 mg)', {}, 110, true],
    ['enoxaparin 20 mg at 45 kg (band < 50: 20 mg)', { dailyDose: { value: 20, unit: 'mg' } }, 45, false],
    ['dalteparin 5000 IU at 60 kg', { ingredient: 'dalteparin', dailyDose: { value: 5000, unit: 'IU' } }, 60, false],
    ['tinzaparin 4500 IU at 140 kg (band 131-170: 9000 IU)', { ingredient: 'tinzaparin', dailyDose: { value: 4500, unit: 'IU' } }, 140, true],
    ['enoxaparin 108 mg at 180 kg (> 170 kg: 0.6 mg/kg = 108 mg)', { dailyDose: { value: 108, unit: 'mg' } }, 180, false],
    ['intermediate enoxaparin 80 mg/day at 70 kg', { doseClass: 'intermediate', dailyDose: { value: 80, unit: 'mg' } }, 70, false],
    ['intermediate enoxaparin 40 mg/day at 70 kg', { doseClass: 'intermediate' }, 70, true],
  ])('weight band: %s -> flagged %s', (_name, o, kg, flagged) => {
    const r = cautions(context({ orders: [order(o)], bookingWeight: weight(kg) }));
    const c = r.cautions.find((x) => x.topic === 'dose-per-kg-band');
    expect(Boolean(c)).toBe(flagged);
    if (c) {
      expect(c.source.verification).toBe('partial');
      expect(c.detail.code).toBe('rules.caution.dose-band');
    }
  });

  it('weight band detail shows the dose per kg by booking weight', () => {
    const c = cautions(context({ orders: [order()], bookingWeight: weight(110) })).cautions.find((x) => x.topic === 'dose-per-kg-band');
    expect(c?.detail.params).toMatchObject({ daily: 40, unit: 'mg', perKg: 0.36, kg: 110, band: { kind: 'reason', reason: { code: 'med.weight-band', params: { side: 'range', kg: 91, maxKg: 130 } } }, doseClass: 'prophylactic', expected: 60 });
  });

  it.each<[string, Parameters<typeof order>[0], ReturnType<typeof weight> | undefined, string]>([
    ['therapeutic dose', { doseClass: 'therapeutic' }, weight(70), 'rules.not-checked.therapeutic'],
    ['unknown dose class', { doseClass: 'unknown' }, weight(70), 'rules.not-checked.dose-class-unknown'],
    ['nadroparin', { ingredient: 'nadroparin' }, weight(70), 'rules.not-checked.ingredient'],
    ['no daily dose', { dailyDose: undefined }, weight(70), 'rules.not-checked.no-daily-dose'],
    ['no weight', {}, undefined, 'rules.not-checked.no-weight'],
    ['a non-booking weight only', {}, weight(70, false), 'rules.not-checked.non-booking-weight'],
    ['intermediate outside 50-90 kg', { doseClass: 'intermediate' }, weight(100), 'rules.not-checked.intermediate-band'],
  ])('weight band not checked: %s', (_name, o, w, reason) => {
    const r = cautions(context({ orders: [order(o)], ...(w ? { bookingWeight: w } : {}) }));
    expect(r.cautions.some((x) => x.topic === 'dose-per-kg-band')).toBe(false);
    expect(r.notChecked.some((n) => n.ruleId === 'rcog37a.caution.weight-band' && n.reason.code === reason && JSON.stringify(n.reason.params?.order) === JSON.stringify({ kind: 'reason', reason: ORDER_DESCRIPTION }))).toBe(true);
  });

  it.each([
    [24, true],
    [29.9, true],
    [30, false],
    [85, false],
  ])('creatinine clearance %s mL/min with a current LMWH order -> caution %s', (value, flagged) => {
    const crcl = { value, unit: 'mL/min', atMs: ms('2026-03-18T08:00:00Z'), source: ref('Observation', 'crcl') };
    const r = cautions(context({ orders: [order()], creatinineClearance: crcl }));
    const c = r.cautions.find((x) => x.topic === 'renal-clearance');
    expect(Boolean(c)).toBe(flagged);
    if (c) expect(c.detail).toEqual({ code: 'rules.caution.renal', params: { value, unit: 'mL/min', at: instantParam(ms('2026-03-18T08:00:00Z')), below: 30, orders: { kind: 'reason', reason: ORDER_DESCRIPTION } } });
  });

  it('no creatinine clearance recorded: not checked, with the reason', () => {
    expect(cautions(context({ orders: [order()] })).notChecked).toContainEqual({ ruleId: 'label.caution.renal-clearance-below-30', reason: { code: 'rules.not-checked.no-clearance' } });
  });

  it("the source's coagulation-panel control is shown as the source's, with ASH 2018 and the PT/aPTT note beside it", () => {
    const c = cautions(context({ orders: [order()] })).cautions.find((x) => x.topic === 'coagulation-panel-control');
    expect(c?.source.kind).toBe('source-article');
    expect(c?.ruleId).toBe('source.note.dose-by-weight-panel-control');
    expect(c?.beside.map((b) => b.ruleId)).toEqual(['ash2018.caution.no-routine-anti-xa', 'general.note.pt-aptt-not-for-lmwh']);
    expect(c?.beside[1]?.source.kind).toBe('general-knowledge');
  });

  it('no current LMWH order: no coagulation-panel or renal caution', () => {
    const r = cautions(context({ creatinineClearance: { value: 20, unit: 'mL/min', atMs: 0, source: ref('Observation', 'c') } }));
    expect(r.cautions).toEqual([]);
  });
});
