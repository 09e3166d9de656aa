import { describe, expect, it } from 'vitest';
import { demoRecord } from '../../../test/support/demo-record';
import type { SourceRef } from '../types';
import { indicationsAsSourceLists, type DdimerSlice, type IndicationFactSlice, type SourceIndicationsInput } from './sourceIndications';

const ms = (iso: string): number => Date.parse(iso);
const ref = (resourceType: string, id: string): SourceRef => ({ resourceType, id });
const PREGNANCY = { startMs: ms('2026-04-01T00:00:00Z') };
const HIGH = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'H' }] }];

function ddimer(iso: string, extra: Partial<DdimerSlice> = {}): DdimerSlice {
  return { time: { start: ms(iso) }, interpretation: HIGH, referenceRange: [{ high: { value: 500, unit: 'ng/mL' } }], source: ref('Observation', `dd-${iso}`), ...extra };
}

function input(extra: Partial<SourceIndicationsInput> = {}): SourceIndicationsInput {
  return { facts: [], ddimer: [], pregnancies: [PREGNANCY], pregnanciesKnown: true, ...extra };
}

describe('indications as the source lists them', () => {
  it('an ongoing pregnancy is context, not an indication', () => {
    const r = indicationsAsSourceLists(input());
    expect(r.indications).toEqual([]);
    expect(r.context.ongoingPregnancy).toBe(true);
    expect(r.context.notes).toEqual([{ code: 'plan.indication.pregnancy-is-context' }]);
  });

  it('a D-dimer flagged high against the non-pregnant range at 30 weeks is not "raised D-dimer present"', () => {
    const r = indicationsAsSourceLists(input({ ddimer: [ddimer('2026-10-28T09:00:00Z')] }));
    expect(r.indications.find((i) => i.kind === 'raised-d-dimer')).toBeUndefined();
    expect(r.context.ddimerNotCounted).toEqual([
      { source: ref('Observation', 'dd-2026-10-28T09:00:00Z'), atMs: ms('2026-10-28T09:00:00Z'), status: 'present', note: { code: 'plan.indication.ddimer-non-pregnant-range-in-pregnancy' } },
    ]);
    expect(r.context.notes.map((n) => n.code)).toContain('plan.indication.ddimer-non-pregnant-range-in-pregnancy');
  });

  it('a D-dimer flagged high before the pregnancy may count, labelled as the lab flag outside pregnancy', () => {
    const r = indicationsAsSourceLists(input({ ddimer: [ddimer('2026-02-10T09:00:00Z')] }));
    const dd = r.indications.find((i) => i.kind === 'raised-d-dimer');
    expect(dd).toMatchObject({ ruleId: 'source.indication.raised-d-dimer', status: 'present' });
    expect(dd?.evidence[0]?.note).toEqual({ code: 'plan.indication.ddimer-flagged-outside-pregnancy' });
  });

  it('a D-dimer above a range the lab states for pregnancy counts during pregnancy', () => {
    const pregnancyRange = [{ high: { value: 1700, unit: 'ng/mL' }, appliesTo: [{ coding: [{ system: 'http://snomed.info/sct', code: '77386006' }] }] }];
    const r = indicationsAsSourceLists(input({ ddimer: [ddimer('2026-10-28T09:00:00Z', { referenceRange: pregnancyRange })] }));
    expect(r.indications.find((i) => i.kind === 'raised-d-dimer')?.evidence[0]?.note).toEqual({ code: 'plan.indication.ddimer-above-pregnancy-range' });
  });

  it('when pregnancies cannot be placed in time a flagged D-dimer is unclear, not present', () => {
    const r = indicationsAsSourceLists(input({ pregnancies: [], pregnanciesKnown: false, ddimer: [ddimer('2026-10-28T09:00:00Z')] }));
    expect(r.indications.find((i) => i.kind === 'raised-d-dimer')?.status).toBe('unclear');
    expect(r.context.ongoingPregnancy).toBe(false);
  });

  it('a D-dimer not flagged by the lab is no evidence at all', () => {
    const r = indicationsAsSourceLists(input({ pregnancies: [], ddimer: [ddimer('2026-02-10T09:00:00Z', { interpretation: [] })] }));
    expect(r.indications).toEqual([]);
  });

  it('raised-d-dimer facts passed in are ignored: the results decide', () => {
    const stale: IndicationFactSlice = { kind: 'raised-d-dimer', status: 'present', atMs: ms('2026-10-28T09:00:00Z'), source: ref('Observation', 'dd') };
    expect(indicationsAsSourceLists(input({ facts: [stale] })).indications).toEqual([]);
  });

  it('recurrent miscarriage with a positive lupus anticoagulant and a negative factor V Leiden: present first, negative last', () => {
    const facts: IndicationFactSlice[] = [
      { kind: 'factor-v-leiden', status: 'tested-negative', source: ref('Observation', 'fvl') },
      { kind: 'lupus-anticoagulant', status: 'present', atMs: ms('2026-01-05T09:00:00Z'), source: ref('Observation', 'la') },
      { kind: 'recurrent-miscarriage', status: 'present', count: 3, source: ref('Condition', 'rm') },
    ];
    const r = indicationsAsSourceLists(input({ facts }));
    expect(r.indications.map((i) => `${i.kind}:${i.status}`)).toEqual(['recurrent-miscarriage:present', 'lupus-anticoagulant:present', 'factor-v-leiden:tested-negative']);
    expect(r.indications[0]?.evidence[0]).toEqual({ source: ref('Condition', 'rm'), status: 'present', count: 3 });
  });

  it('demo patient third-trimester: the ongoing pregnancy is context and no indication is "pregnancy"', async () => {
    const rec = await demoRecord('third-trimester');
    const r = indicationsAsSourceLists({
      facts: rec.rules.context.indicationFacts,
      ddimer: rec.ddimer.results,
      pregnancies: rec.pregnancy.pregnancies.map((p) => ({ startMs: p.startMs, ...(p.delivery ? { endMs: p.delivery.atMs } : {}) })),
      pregnanciesKnown: true,
    });
    expect(r.context.ongoingPregnancy).toBe(true);
    expect(r.indications.map((i) => i.kind)).not.toContain('ongoing-pregnancy-monitoring');
  });
});
