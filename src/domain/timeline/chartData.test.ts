import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TEST_NOW, DEMO_TEST_ZONE, demoRecord, demoResources, recordInputFor } from '../../../test/support/demo-record';
import { buildClinicalRecord, type ClinicalRecord, type OrderView } from '../record';
import { loadUnitConverter } from '../labs';
import { known } from '../types';
import { buildTimeline, NO_DATING_AXIS_REASON, OUTSIDE_PREGNANCY, referenceRangeText, selectedPregnancyIndex } from './chartData';
import { REFERENCE_STUDIES, referenceBandAreas, referenceBandLabel, UNIT_TYPE_NOT_ESTABLISHED } from './referenceBands';

const byId = (id: string) => (p: { source: { id?: string } }) => p.source.id === id;

/** The third-trimester patient without any dating record (EDD and LMP removed). */
async function undatedThirdTrimester(): Promise<ClinicalRecord> {
  const datingCodes = ['11778-8', '8665-2'];
  const resources = demoResources('third-trimester').filter(
    (r) => !(r.resourceType === 'Observation' && (r as fhir4.Observation).code.coding?.some((c) => datingCodes.includes(c.code ?? ''))),
  );
  const units = await loadUnitConverter();
  return buildClinicalRecord(recordInputFor(resources, 'third-trimester'), { nowMs: DEMO_TEST_NOW, zone: DEMO_TEST_ZONE, units });
}

describe('D-dimer points of the third-trimester patient', () => {
  let record: ClinicalRecord;
  beforeAll(async () => {
    record = await demoRecord('third-trimester');
  });

  it('plots on gestational weeks of the current pregnancy', () => {
    const t = buildTimeline(record);
    expect(t.axis.kind).toBe('ga');
    const w10 = t.feu.find(byId('third-trimester-obs-ddimer-w10'))!;
    expect(w10.x).toBeGreaterThan(10);
    expect(w10.x).toBeLessThan(10.2);
    expect(w10.gaText).toEqual(known('10w 0d'));
  });

  it('D-dimer 0.45 mg/L FEU is 450 ng/mL FEU, 0.45 mg/L FEU and 0.45 ug/mL FEU', () => {
    const at = (unit: 'ng/mL' | 'mg/L' | 'ug/mL') => buildTimeline(record, { unit }).feu.find(byId('third-trimester-obs-ddimer-w10'))!;
    expect(at('ng/mL')).toMatchObject({ y: 450, valueText: '450 ng/mL FEU' });
    expect(at('mg/L')).toMatchObject({ y: 0.45, valueText: '0.45 mg/L FEU' });
    expect(at('ug/mL')).toMatchObject({ y: 0.45, valueText: '0.45 ug/mL FEU' });
  });

  it('880 ng/mL FEU stays 880 in ng/mL and becomes 0.88 mg/L', () => {
    expect(buildTimeline(record).feu.find(byId('third-trimester-obs-ddimer-w20'))!.y).toBe(880);
    expect(buildTimeline(record, { unit: 'mg/L' }).feu.find(byId('third-trimester-obs-ddimer-w20'))!.y).toBe(0.88);
  });

  it('keeps the DDU result in its own series in ng/mL DDU, whatever the selected unit', () => {
    for (const unit of ['ng/mL', 'mg/L'] as const) {
      const t = buildTimeline(record, { unit });
      expect(t.ddu).toHaveLength(1);
      expect(t.ddu[0]).toMatchObject({ series: 'DDU', y: 300, unitLabel: 'ng/mL DDU' });
      expect(t.feu.some(byId('third-trimester-obs-ddimer-w13'))).toBe(false);
      expect(t.feu).toHaveLength(9);
    }
  });

  it('a <0.27 mg/L result is an open marker at its bound', () => {
    const p = buildTimeline(record, { unit: 'mg/L' }).feu.find(byId('third-trimester-obs-ddimer-w07'))!;
    expect(p).toMatchObject({ y: 0.27, comparator: '<', open: true, valueText: '<0.27 mg/L FEU' });
    expect(buildTimeline(record).feu.filter((q) => q.open)).toHaveLength(1);
  });

  it('marks preliminary and amended results', () => {
    const t = buildTimeline(record);
    expect(t.feu.find(byId('third-trimester-obs-ddimer-w35'))!.statusText).toBe('preliminary');
    expect(t.feu.find(byId('third-trimester-obs-ddimer-w28'))!.statusText).toBe('amended');
    expect(t.feu.find(byId('third-trimester-obs-ddimer-w10'))!.statusText).toBe('');
  });

  it('counts the entered-in-error result as not plotted, with the reason', () => {
    const t = buildTimeline(record);
    expect(t.notPlotted).toHaveLength(1);
    expect(t.notPlotted[0]!.source.id).toBe('third-trimester-obs-ddimer-w30');
    expect(t.notPlotted[0]!.reason).toMatch(/entered-in-error/);
    expect(t.outsidePregnancy).toHaveLength(0);
  });

  it('every result is a table row; DDU is labelled and not converted', () => {
    const t = buildTimeline(record, { unit: 'mg/L' });
    expect(t.rows).toHaveLength(10);
    expect(t.rows.every((r) => r.inPregnancy)).toBe(true);
    expect(t.rows.find((r) => r.result.source.id === 'third-trimester-obs-ddimer-w13')!.normalised).toEqual({ kind: 'DDU', text: '300 ng/mL DDU (not converted)' });
    expect(t.rows.find((r) => r.result.source.id === 'third-trimester-obs-ddimer-w07')!.normalised).toEqual({ kind: 'FEU', text: '<0.27 mg/L FEU' });
  });

  it('summarises the chart in words', () => {
    expect(buildTimeline(record, { unit: 'mg/L' }).summary).toBe(
      'D-dimer results from 7w to 35w; latest 1.85 mg/L FEU (preliminary) at 35w 2d; 1 DDU result shown apart; 1 not plotted.',
    );
  });

  it("draws the lab's non-pregnant upper limit in the selected unit, never as a flag", () => {
    expect(buildTimeline(record).labUpperLimits.map((l) => l.label)).toEqual(['lab upper limit (non-pregnant): 500 ng/mL FEU']);
    expect(buildTimeline(record, { unit: 'mg/L' }).labUpperLimits[0]!.y).toBe(0.5);
  });

  it('trimester bands end at 14w0d and 28w0d', () => {
    const t = buildTimeline(record);
    expect(t.trimesterBands.map((b) => [b.trimester, b.x1, b.x2])).toEqual([
      ['first', t.axis.domain[0], 14],
      ['second', 14, 28],
      ['third', 28, t.axis.domain[1]],
    ]);
    expect(t.axis.ticks).toContain(14);
  });

  it('places today at 35w 3d', () => {
    const t = buildTimeline(record);
    expect(t.today.x).toBeGreaterThan(35 + 3 / 7);
    expect(t.today.x).toBeLessThan(35 + 4 / 7);
  });

  it('draws the enoxaparin order open-ended to today, with dose, frequency and dose per kg', () => {
    const t = buildTimeline(record);
    expect(t.lane.segments).toHaveLength(1);
    const s = t.lane.segments[0]!;
    expect(s).toMatchObject({ drug: 'Enoxaparin', doseText: '40 mg', frequencyText: 'every 24 h', openEnd: true });
    expect(s.perKgText).toEqual(known('0.56 mg/kg per dose (booking weight 72 kg)'));
    expect(s.periodText).toMatch(/end unknown/);
    expect(s.x2).toBeCloseTo(t.today.x!, 5);
    expect(s.x1).toBeGreaterThan(12.4);
    expect(s.x1).toBeLessThan(12.6);
    expect(t.lane.gaps).toHaveLength(0);
  });

  it('marks the planned caesarean and its stop deadlines, each labelled with its rule source', () => {
    const t = buildTimeline(record);
    const kinds = t.events.map((e) => [e.kind, e.ruleSource ?? e.label]);
    expect(kinds).toEqual([
      ['stop-deadline', 'The source article (Clexane article)'],
      ['stop-deadline', 'ASRA 2018'],
      ['delivery', 'Elective caesarean section'],
    ]);
    expect(t.events[1]!.label).toBe('ASRA 2018: stop deadline before Elective caesarean section (12 h before)');
    expect(t.events[2]!.whenText).toBe('28 Nov 2026 08:30 (UTC)');
  });

  it('states the dating', () => {
    const t = buildTimeline(record);
    expect(t.dating!.statement).toMatch(/^recorded EDD: EDD 27 Dec 2026/);
    expect(t.dating!.source.resourceType).toBe('Observation');
  });
});

describe('lane gaps', () => {
  it('shows a gap between two order periods', async () => {
    const record = await demoRecord('third-trimester');
    const base = record.medication.orders[0]!;
    const DAY = 86_400_000;
    const startMs = base.order.start.known ? base.order.start.value.ms : 0;
    const first: OrderView = { ...base, order: { ...base.order, end: known({ ms: startMs + 14 * DAY, from: 'boundsPeriod.end', note: 'test' }) } };
    const second: OrderView = {
      ...base,
      order: { ...base.order, source: { resourceType: 'MedicationRequest', id: 'later' }, start: known({ ...(base.order.start.known ? base.order.start.value : ({} as never)), ms: startMs + 28 * DAY }) },
    };
    const t = buildTimeline({ ...record, medication: { ...record.medication, orders: [second, first] } });
    expect(t.lane.segments.map((s) => s.source.id)).toEqual([base.order.source.id, 'later']);
    expect(t.lane.gaps).toHaveLength(1);
    expect(t.lane.gaps[0]!.x2 - t.lane.gaps[0]!.x1).toBeCloseTo(2, 1);
    expect(t.lane.gaps[0]!.text).toMatch(/^no order from /);
  });
});

describe('two pregnancies (many-labs)', () => {
  let record: ClinicalRecord;
  beforeAll(async () => {
    record = await demoRecord('many-labs');
  });

  it('defaults to the current pregnancy and counts the earlier results as outside it', () => {
    expect(selectedPregnancyIndex(record)).toBe(1);
    const t = buildTimeline(record);
    const inside = t.rows.filter((r) => r.inPregnancy);
    expect(inside.length).toBeGreaterThan(15);
    expect(t.feu).toHaveLength(inside.length);
    expect(t.outsidePregnancy).toHaveLength(record.ddimer.results.length - inside.length);
    expect(t.outsidePregnancy[0]!.reason).toBe(OUTSIDE_PREGNANCY);
    expect(t.rows.find((r) => !r.inPregnancy)!.gaText).toEqual({ known: false, reason: OUTSIDE_PREGNANCY });
  });

  it('the earlier pregnancy shows its own results, its own order and no today marker', () => {
    const t = buildTimeline(record, { pregnancyIndex: 0 });
    expect(t.axis.kind === 'ga' && t.axis.pregnancyIndex).toBe(0);
    expect(t.feu[0]!.source.id).toBe('many-labs-obs-ddimer-p1-w06');
    expect(t.feu.every((p) => p.source.id!.includes('-p1-'))).toBe(true);
    expect(t.today.x).toBeUndefined();
    expect(t.lane.segments).toHaveLength(1);
    expect(t.lane.segments[0]!.openEnd).toBe(false);
    expect(t.lane.segments[0]!.clippedEnd).toBe(true);
    expect(t.lane.notPlaced.map((n) => n.reason)).toEqual([OUTSIDE_PREGNANCY]);
    expect(t.events.map((e) => e.kind)).toEqual(['delivery']);
  });

  it('an invalid pregnancy index falls back to the current one', () => {
    expect(selectedPregnancyIndex(record, 7)).toBe(1);
  });
});

describe('no dating', () => {
  it('falls back to a calendar axis and says why', async () => {
    const record = await undatedThirdTrimester();
    const t = buildTimeline(record);
    expect(t.axis.kind).toBe('calendar');
    expect(t.axis.kind === 'calendar' && t.axis.reason).toContain(NO_DATING_AXIS_REASON);
    const w10 = t.feu.find(byId('third-trimester-obs-ddimer-w10'))!;
    expect(w10.x).toBe(w10.atMs);
    expect(w10.gaText.known).toBe(false);
    expect(t.trimesterBands).toHaveLength(0);
    expect(t.feu).toHaveLength(9);
    expect(t.today.x).toBe(DEMO_TEST_NOW);
    expect(t.lane.segments[0]!.x1).toBe(t.lane.segments[0]!.startMs);
    expect(t.summary).toMatch(/^D-dimer results from 12 May 2026 to 24 Nov 2026; latest 1850 ng\/mL FEU \(preliminary\) on 24 Nov 2026/);
    expect(t.dating).toBeUndefined();
  });

  it('a record without D-dimer says so', async () => {
    const t = buildTimeline(await demoRecord('no-lmwh'));
    expect(t.summary).toBe('No D-dimer results plotted.');
    expect(t.rows).toHaveLength(0);
    expect(t.lane.segments).toHaveLength(0);
  });
});

describe('events of the IVF patient', () => {
  it('marks oocyte retrieval and embryo transfer on the GA axis', async () => {
    const t = buildTimeline(await demoRecord('ivf-ohss'));
    expect(t.events.map((e) => e.kind)).toEqual(['oocyte-retrieval', 'embryo-transfer']);
    expect(t.events[1]!.x).toBeCloseTo(2 + 5 / 7 + 11 / 24 / 7, 2);
  });
  it('marks the bleeding episode', async () => {
    const t = buildTimeline(await demoRecord('bleeding'));
    const b = t.events.find((e) => e.kind === 'bleeding')!;
    expect(b.label).toBe('Bleeding: Vaginal bleeding in early pregnancy');
    expect(b.whenText).toBe('24 Nov 2026 21:15 (UTC)');
  });
});

describe('gestation-specific reference band', () => {
  it('BioMed Res Int 2020 in mg/L: 0.167–0.721 in the first trimester, labelled with assay and unit caveat', () => {
    const study = REFERENCE_STUDIES.find((s) => s.id === 'biomed-res-int-2020')!;
    const areas = referenceBandAreas(study, 'mg/L', [6, 36]);
    expect(areas.map((a) => [a.trimester, a.x1, a.x2, a.y1, a.y2])).toEqual([
      ['first', 6, 14, 0.167, 0.721],
      ['second', 14, 28, 0.298, 1.653],
      ['third', 28, 36, 0.483, 2.256],
    ]);
    expect(referenceBandLabel(study)).toContain('ELFA');
    expect(referenceBandLabel(study)).toContain(UNIT_TYPE_NOT_ESTABLISHED);
  });
  it('in ng/mL the Scand J 2018 third trimester is 551–3333', () => {
    const study = REFERENCE_STUDIES.find((s) => s.id === 'scand-j-clin-lab-invest-2018')!;
    expect(referenceBandAreas(study, 'ng/mL', [30, 40])).toEqual([expect.objectContaining({ trimester: 'third', y1: 551, y2: 3333 })]);
  });
});

describe('referenceRangeText', () => {
  it('uses the text, else the limits', () => {
    expect(referenceRangeText([{ text: '< 0.5 mg/L FEU' }])).toBe('< 0.5 mg/L FEU');
    expect(referenceRangeText([{ low: { value: 0, unit: 'mg/L' }, high: { value: 0.5, unit: 'mg/L' } }])).toBe('0–0.5 mg/L');
    expect(referenceRangeText([])).toBeUndefined();
  });
});
