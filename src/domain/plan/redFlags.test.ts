import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { demoRecord } from '../../../test/support/demo-record';
import { readDoseQuantity, readFrequency } from '../medication/dosage';
import { regimenIntensity } from '../medication/regimen';
import { hitPattern } from '../monitoring/hitPattern';
import { order as hitOrder, platelet, series } from '../../../test/support/monitoringBuilders';
import type { SourceRef } from '../types';
import { injectionSchedule } from './injectionSchedule';
import {
  apsFlag,
  bleedingFlag,
  ivfConfirmationFlag,
  isBelow,
  plateletFlag,
  recordIncompleteFlag,
  FLAG_READS,
  flagReads,
  type RedFlagsInput,
  redFlags,
  renalFlag,
  weightFlag,
  type FactSlice,
  type LabValueSlice,
} from './redFlags';

const ZONE = 'Europe/London';
const at = (iso: string): number => DateTime.fromISO(iso, { zone: ZONE }).toMillis();
const NOW = at('2026-11-25T10:00');
const ref = (resourceType: string, id: string): SourceRef => ({ resourceType, id });
const lab = (value: number, unit: string, id: string, extra: Partial<LabValueSlice> = {}): LabValueSlice => ({ value, displayUnit: unit, time: { start: at('2026-11-20T09:00') }, source: ref('Observation', id), ...extra });
const codes = (f: { reasons: { code: string }[] }) => f.reasons.map((r) => r.code);

describe('bleeding flag', () => {
  const trigger = { kind: 'genital-bleeding', fact: { atMs: at('2026-11-25T07:00'), source: ref('Condition', 'bleed') } };
  const schedule = injectionSchedule({ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', timeOfDay: ['20:00'] } }, frequency: readFrequency({ repeat: { frequency: 1, period: 1, periodUnit: 'd' } }), doses: [], fromMs: NOW, untilMs: NOW + 3 * 86_400_000, zone: ZONE });

  it('bleeding on an active LMWH order is present, with the last recorded dose and the next scheduled dose (20:00 tonight)', () => {
    const f = bleedingFlag({ triggers: [trigger], conditionsComplete: true, lastDose: { atMs: at('2026-11-24T20:00'), source: ref('MedicationAdministration', 'ma-1') }, schedule });
    expect(f.state).toBe('present');
    expect(f.reasons[0]).toEqual({
      code: 'plan.flag.bleeding-while-on-lmwh',
      params: { bleedingAt: { kind: 'instant', ms: at('2026-11-25T07:00') }, lastDoseAt: { kind: 'instant', ms: at('2026-11-24T20:00') }, nextScheduledAt: { kind: 'instant', ms: at('2026-11-25T20:00') }, nextScheduledUnknown: undefined, count: 1 },
    });
    expect(f.sources).toEqual([ref('Condition', 'bleed'), ref('MedicationAdministration', 'ma-1')]);
    expect(f.references.map((r) => r.ruleId)).toEqual(['source.stop-now.genital-bleeding', 'rcog37a.stop-now.bleeding-or-labour']);
  });

  it('bleeding with the injection time unknown says why the next dose is unknown', () => {
    const unknownSchedule = injectionSchedule({ timing: {}, frequency: readFrequency({ repeat: { frequency: 1, period: 1, periodUnit: 'd' } }), doses: [], fromMs: NOW, untilMs: NOW + 86_400_000, zone: ZONE });
    const f = bleedingFlag({ triggers: [trigger], conditionsComplete: true, schedule: unknownSchedule });
    expect(f.reasons[0]?.params?.nextScheduledUnknown).toEqual({ kind: 'reason', reason: { code: 'plan.schedule.time-unknown' } });
  });

  it('labour onset alone is not the bleeding flag; none recorded with a complete search is absent', () => {
    expect(bleedingFlag({ triggers: [{ ...trigger, kind: 'labour-onset' }], conditionsComplete: true }).state).toBe('absent');
  });

  it('no bleeding found while the condition search was incomplete is unknown, never absent', () => {
    expect(codes(bleedingFlag({ triggers: [], conditionsComplete: false }))).toEqual(['plan.flag.conditions-search-incomplete']);
  });
});

describe('renal flag (reference 9.3)', () => {
  it('creatinine clearance 28 mL/min is present, with the label reference and the accumulation note', () => {
    const f = renalFlag({ creatinineClearance: lab(28, 'mL/min', 'crcl'), lmwhCurrent: true });
    expect(f.state).toBe('present');
    expect(f.reasons[0]).toMatchObject({ code: 'plan.flag.renal-clearance-below-30', params: { value: 28, limit: 30, unit: 'mL/min', lmwhCurrent: true } });
    expect(f.references.map((r) => r.source)).toEqual(['enoxaparin-label', 'lmwh-accumulates-renal']);
  });

  it('creatinine clearance 30 mL/min is not below 30: absent', () => {
    expect(renalFlag({ creatinineClearance: lab(30, 'mL/min', 'crcl'), lmwhCurrent: true }).state).toBe('absent');
  });

  it('no creatinine clearance recorded is a neutral unknown, not a flag', () => {
    const f = renalFlag({ lmwhCurrent: true });
    expect(f.state).toBe('unknown');
    expect(codes(f)).toEqual(['plan.flag.no-creatinine-clearance']);
  });

  it('only an eGFR of 25 is present, labelled as eGFR with the RCOG GFR reference (PARTIAL)', () => {
    const f = renalFlag({ egfr: lab(25, 'mL/min/{1.73_m2}', 'egfr'), lmwhCurrent: true });
    expect(f.state).toBe('present');
    expect(codes(f)).toEqual(['plan.flag.renal-egfr-below-30']);
    expect(f.references.at(-1)).toMatchObject({ section: '5.2', verification: 'partial' });
  });

  it('a creatinine clearance reported as ">20" cannot be placed against 30: unknown', () => {
    expect(renalFlag({ creatinineClearance: lab(20, 'mL/min', 'crcl', { comparator: '>' }), lmwhCurrent: false }).state).toBe('unknown');
  });

  it('bounds: "<15" is below 30, ">=60" is not, "<=30" is undetermined', () => {
    expect(isBelow({ value: 15, comparator: '<' }, 30)).toBe(true);
    expect(isBelow({ value: 60, comparator: '>=' }, 30)).toBe(false);
    expect(isBelow({ value: 30, comparator: '<=' }, 30)).toBeUndefined();
  });

  it('demo patient planned-surgery: the recorded creatinine clearance is flagged from the built record', async () => {
    const rec = await demoRecord('planned-surgery');
    const f = renalFlag({ creatinineClearance: rec.labs.creatinineClearance.latest, egfr: rec.labs.egfr.latest, lmwhCurrent: true });
    expect(f.state).toBe('present');
    expect(f.sources[0]?.resourceType).toBe('Observation');
  });
});

describe('platelet flag (reference 5.4, UNVERIFIED citation)', () => {
  const hitFor = (points: ReturnType<typeof platelet>[]) => hitPattern(series(points), [hitOrder('2026-11-01T18:00')], [], NOW, ZONE);

  it('platelets 85 x10^9/L are present (below 100), labelled UNVERIFIED', () => {
    const f = plateletFlag({ latest: lab(85, '10*9/L', 'plt'), hit: { state: 'no-heparin', falls: [] } });
    expect(f.state).toBe('present');
    expect(codes(f)).toEqual(['plan.flag.platelets-below-100']);
    expect(f.references[0]?.verification).toBe('unverified');
  });

  it('a fall from 250 to 110 on day 7 of heparin is present through the HIT pattern check', () => {
    const points = [platelet('2026-10-30T09:00', 250), platelet('2026-11-08T09:00', 110)];
    const f = plateletFlag({ latest: points[1], hit: hitFor(points) });
    expect(f.state).toBe('present');
    expect(f.reasons[0]).toMatchObject({ code: 'plan.flag.platelets-fell-50-percent', params: { fallPercent: 56, day: 6, baseline: 250, value: 110 } });
    expect(f.sources.map((s) => s.id)).toEqual(['plt-2026-11-08T09:00', 'plt-2026-10-30T09:00']);
  });

  it('platelets 210 with a pre-heparin baseline and no fall are absent', () => {
    const points = [platelet('2026-10-30T09:00', 240), platelet('2026-11-08T09:00', 210)];
    expect(plateletFlag({ latest: points[1], hit: hitFor(points) }).state).toBe('absent');
  });

  it('platelets 210 without a pre-heparin baseline: the fall cannot be checked, so unknown', () => {
    const points = [platelet('2026-11-08T09:00', 210)];
    const f = plateletFlag({ latest: points[0], hit: hitFor(points) });
    expect(f.state).toBe('unknown');
    expect(codes(f)).toEqual(['plan.flag.platelets-not-below-100', 'plan.flag.platelet-fall-not-checkable']);
  });

  it('no platelet count at all is unknown', () => {
    expect(codes(plateletFlag({ hit: { state: 'no-heparin', falls: [] } }))).toEqual(['plan.flag.no-platelet-count']);
  });
});

describe('antiphospholipid syndrome without aspirin (reference 9.2)', () => {
  const aps: FactSlice = { kind: 'antiphospholipid-syndrome', status: 'present', source: ref('Condition', 'aps') };
  const la: FactSlice = { kind: 'lupus-anticoagulant', status: 'present', source: ref('Observation', 'la') };
  const aspirin = { active: true, source: ref('MedicationRequest', 'asa') };

  it('coded APS without an active aspirin order is present', () => {
    const f = apsFlag({ facts: [aps], aspirin: [], findingsComplete: true, medicationsComplete: true });
    expect(f.state).toBe('present');
    expect(f.reasons[0]).toEqual({ code: 'plan.flag.aps-without-aspirin', params: { basis: 'coded-condition' } });
    expect(f.references[0]).toMatchObject({ section: '9.2', verification: 'partial' });
  });

  it('a positive lupus anticoagulant without aspirin is present, on the antibody basis', () => {
    expect(apsFlag({ facts: [la], aspirin: [{ ...aspirin, active: false }], findingsComplete: true, medicationsComplete: true }).reasons[0]?.params?.basis).toBe('antibody-positive');
  });

  it('APS with an active aspirin order is absent (the dose is not judged)', () => {
    const f = apsFlag({ facts: [aps], aspirin: [aspirin], findingsComplete: true, medicationsComplete: true });
    expect(f.state).toBe('absent');
    expect(f.sources).toEqual([ref('Condition', 'aps'), ref('MedicationRequest', 'asa')]);
  });

  it('APS with the medication search incomplete is unknown', () => {
    expect(apsFlag({ facts: [aps], aspirin: [], findingsComplete: true, medicationsComplete: false }).state).toBe('unknown');
  });

  it('a negative lupus anticoagulant is not APS; no APS with complete searches is absent, incomplete is unknown', () => {
    const neg: FactSlice = { ...la, status: 'tested-negative' };
    expect(apsFlag({ facts: [neg], aspirin: [], findingsComplete: true, medicationsComplete: true }).state).toBe('absent');
    expect(apsFlag({ facts: [], aspirin: [], findingsComplete: false, medicationsComplete: true }).state).toBe('unknown');
  });

  it('demo patient recurrent-miscarriage: the flag reads the built record facts and aspirin orders', async () => {
    const rec = await demoRecord('recurrent-miscarriage');
    const f = apsFlag({ facts: rec.facts.facts, aspirin: rec.medication.other.filter((o) => o.recognition.drug === 'aspirin'), findingsComplete: true, medicationsComplete: rec.medication.complete });
    expect(f.state).toBe('present');
  });
});

describe('pregnancy not confirmed after an embryo transfer', () => {
  const transfer = { atMs: at('2026-11-15T11:00'), source: ref('Procedure', 'et') };

  it('10 days after a transfer with no hCG yet is present, with the planned test', () => {
    const f = ivfConfirmationFlag({ status: 'not-confirmed', transfer, daysSinceTransfer: 10, plannedHcgTest: { atMs: at('2026-11-26T09:00'), source: ref('ServiceRequest', 'hcg') } });
    expect(f.state).toBe('present');
    expect(f.reasons[0]?.params).toMatchObject({ daysSinceTransfer: 10, plannedHcgAt: { kind: 'instant', ms: at('2026-11-26T09:00') } });
    expect(f.sources).toEqual([ref('Procedure', 'et'), ref('ServiceRequest', 'hcg')]);
  });

  it('a negative hCG with LMWH still active is present, with the order', () => {
    const f = ivfConfirmationFlag({ status: 'negative', transfer, decisive: { atMs: at('2026-11-24T09:00'), source: ref('Observation', 'hcg') }, lmwhAfterNegative: { state: 'active', orders: [ref('MedicationRequest', 'enox')] } });
    expect(f.state).toBe('present');
    expect(codes(f)).toEqual(['plan.flag.negative-after-transfer']);
    expect(f.sources.map((s) => s.id)).toEqual(['et', 'hcg', 'enox']);
  });

  it('a confirmed pregnancy and no transfer are absent', () => {
    expect(ivfConfirmationFlag({ status: 'confirmed', transfer, decisive: { atMs: at('2026-11-24T09:00'), source: ref('Observation', 'hcg') } }).state).toBe('absent');
    expect(ivfConfirmationFlag({ status: 'no-transfer' }).state).toBe('absent');
  });
});

describe('weight-adjusted dose without a recent weight (28 days: the app choice)', () => {
  const UCUM = 'http://unitsofmeasure.org';
  const twice = readFrequency({ repeat: { frequency: 2, period: 1, periodUnit: 'd' } });
  const once = readFrequency({ repeat: { frequency: 1, period: 1, periodUnit: 'd' } });
  const w = (iso: string) => ({ kg: 80, atMs: at(iso), source: ref('Observation', `w-${iso}`) });

  it('enoxaparin 1 mg/kg every 12 h with no weight recorded is present', () => {
    const regimen = regimenIntensity({ drug: 'enoxaparin', dose: readDoseQuantity({ value: 1, code: 'mg/kg', system: UCUM }, undefined), frequency: twice });
    expect(codes(weightFlag({ regimen, nowMs: NOW }))).toEqual(['plan.flag.weight-adjusted-no-weight']);
  });

  it('enoxaparin 80 mg every 12 h matched with a weight from 3 months ago is present: not recent', () => {
    const regimen = regimenIntensity({ drug: 'enoxaparin', dose: readDoseQuantity({ value: 80, code: 'mg', system: UCUM }, undefined), frequency: twice, weight: w('2026-08-20T09:00') });
    const f = weightFlag({ regimen, nowMs: NOW });
    expect(f.state).toBe('present');
    expect(f.reasons[0]).toMatchObject({ code: 'plan.flag.weight-adjusted-weight-not-recent', params: { ageDays: 97, recentDays: 28 } });
  });

  it('the same dose with a weight from last week is absent', () => {
    const regimen = regimenIntensity({ drug: 'enoxaparin', dose: readDoseQuantity({ value: 80, code: 'mg', system: UCUM }, undefined), frequency: twice, weight: w('2026-11-18T09:00') });
    expect(weightFlag({ regimen, nowMs: NOW }).state).toBe('absent');
  });

  it('enoxaparin 40 mg once daily needs no weight: absent', () => {
    const regimen = regimenIntensity({ drug: 'enoxaparin', dose: readDoseQuantity({ value: 40, code: 'mg', system: UCUM }, undefined), frequency: once });
    expect(codes(weightFlag({ regimen, nowMs: NOW }))).toEqual(['plan.flag.fixed-regimen-no-weight-needed']);
  });

  it('an absolute dose that needs a weight to be classed, with none, is present', () => {
    const regimen = regimenIntensity({ drug: 'enoxaparin', dose: readDoseQuantity({ value: 80, code: 'mg', system: UCUM }, undefined), frequency: twice });
    expect(weightFlag({ regimen, nowMs: NOW }).state).toBe('present');
  });

  it('a regimen unknown for another reason leaves the flag unknown', () => {
    const regimen = regimenIntensity({ drug: 'enoxaparin', dose: readDoseQuantity({ value: 40, code: 'mg', system: UCUM }, undefined), frequency: readFrequency({ code: { text: 'nightly' } }) });
    expect(weightFlag({ regimen, nowMs: NOW }).state).toBe('unknown');
  });
});

describe('record incomplete', () => {
  it('an unavailable allergy search is present, naming the group', () => {
    const f = recordIncompleteFlag({ conditions: { status: 'complete' }, allergies: { status: 'unavailable' } });
    expect(f.state).toBe('present');
    expect(f.reasons[0]?.params).toMatchObject({ count: 1, groups: { kind: 'list', items: [{ kind: 'reason', reason: { code: 'record.group-name', params: { group: 'allergies' } } }] }, statuses: { kind: 'list', items: ['unavailable'] } });
  });

  it('every group complete is absent', () => {
    expect(recordIncompleteFlag({ conditions: { status: 'complete' } }).state).toBe('absent');
  });

  it('while searches are still read it waits for them, but a search that already failed is named at once', () => {
    const reading = { conditions: { status: 'complete' }, 'observations-ddimer': { status: 'incomplete' } } as const;
    expect(recordIncompleteFlag(reading, ['observations-ddimer']).state).toBe('reading');
    const failed = recordIncompleteFlag({ ...reading, allergies: { status: 'unavailable' } }, ['observations-ddimer']);
    expect(failed.state).toBe('present');
    expect(failed.reasons[0]?.params).toMatchObject({ count: 1, statuses: { kind: 'list', items: ['unavailable'] } });
  });
});

describe('all flags', () => {
  const input = (loading: RedFlagsInput['loading']): RedFlagsInput => ({
    bleeding: { triggers: [], conditionsComplete: true },
    renal: { lmwhCurrent: true },
    platelets: { latest: lab(85, '10*9/L', 'plt'), hit: { state: 'no-heparin', falls: [] } },
    aps: { facts: [], aspirin: [], findingsComplete: true, medicationsComplete: true },
    ivf: { status: 'no-transfer' },
    weight: { regimen: undefined, nowMs: NOW },
    groups: { conditions: { status: 'complete' }, 'observations-coagulation': { status: loading?.length ? 'incomplete' : 'complete' } },
    ...(loading ? { loading } : {}),
  });

  it('a flag read from a search still being read has no state yet, even one a partial list would show; the others keep theirs', () => {
    const flags = redFlags(input(['observations-coagulation']));
    const state = Object.fromEntries(flags.map((f) => [f.code, f.state]));
    expect(state).toEqual({
      'platelets-low-or-falling': 'reading',
      'renal-clearance-below-30': 'reading',
      'record-incomplete': 'reading',
      bleeding: 'absent',
      'aps-without-aspirin': 'absent',
      'ivf-pregnancy-not-confirmed': 'absent',
      'weight-adjusted-without-recent-weight': 'absent',
    });
    const platelets = flags.find((f) => f.code === 'platelets-low-or-falling');
    expect(platelets?.sources).toEqual([]);
    expect(platelets?.reasons.map((r) => r.code)).toEqual(['plan.flag.still-reading']);
    // Once read, the same input gives the platelet flag its state.
    expect(redFlags(input([])).find((f) => f.code === 'platelets-low-or-falling')?.state).toBe('present');
  });

  it('with no embryo transfer recorded the confirmation flag does not wait for lab reports (no hCG result could change it); with a transfer it does', () => {
    const loading: RedFlagsInput['loading'] = ['diagnostic-reports'];
    const state = (ivf: RedFlagsInput['ivf']) => redFlags({ ...input(loading), ivf }).find((f) => f.code === 'ivf-pregnancy-not-confirmed')?.state;
    expect(state({ status: 'no-transfer' })).toBe('absent');
    expect(state({ status: 'not-confirmed', transfer: { atMs: NOW - 5 * 86_400_000, source: ref('Procedure', 'et') } })).toBe('reading');
    expect(flagReads({ code: 'ivf-pregnancy-not-confirmed', reasons: [{ code: 'plan.flag.no-embryo-transfer' }] })).not.toContain('diagnostic-reports');
  });

  it('every flag names the searches it is read from, and only lab-result flags wait for lab results', () => {
    for (const code of Object.keys(FLAG_READS) as (keyof typeof FLAG_READS)[]) expect(FLAG_READS[code].length).toBeGreaterThan(0);
    const labFlags = (Object.keys(FLAG_READS) as (keyof typeof FLAG_READS)[]).filter((c) => FLAG_READS[c].includes('observations-coagulation'));
    expect(labFlags.sort()).toEqual(['platelets-low-or-falling', 'record-incomplete', 'renal-clearance-below-30']);
  });

  it('present flags come first, then unknown, then absent', () => {
    const flags = redFlags({ ...input(undefined), groups: { conditions: { status: 'incomplete' } } });
    expect(flags.map((f) => `${f.code}:${f.state}`)).toEqual([
      'platelets-low-or-falling:present',
      'record-incomplete:present',
      'renal-clearance-below-30:unknown',
      'bleeding:absent',
      'aps-without-aspirin:absent',
      'ivf-pregnancy-not-confirmed:absent',
      'weight-adjusted-without-recent-weight:absent',
    ]);
  });
});
