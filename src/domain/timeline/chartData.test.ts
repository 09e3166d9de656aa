import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TEST_NOW, DEMO_TEST_ZONE, demoRecord, demoResources, recordInputFor } from '../../../test/support/demo-record';
import { buildClinicalRecord, type ClinicalRecord, type OrderView } from '../record';
import { loadUnitConverter } from '../labs';
import { known } from '../types';
import { reason } from '../reasons';
import { buildTimeline, buildTimelines, selectedPregnancyIndex, timelineFor } from './chartData';
import { REFERENCE_STUDIES, referenceBandAreas } from './referenceBands';

const OUTSIDE_PREGNANCY = reason('timeline.outside-pregnancy');

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
    expect(w10.ga).toEqual(known({ weeks: 10, days: 0 }));
  });

  it('D-dimer 0.45 mg/L FEU is plotted as 450 ng/mL FEU (the UI scales it to the selected unit)', () => {
    expect(buildTimeline(record).feu.find(byId('third-trimester-obs-ddimer-w10'))).toMatchObject({ ngPerMl: 450, series: 'FEU' });
  });

  it('880 ng/mL FEU stays 880', () => {
    expect(buildTimeline(record).feu.find(byId('third-trimester-obs-ddimer-w20'))!.ngPerMl).toBe(880);
  });

  it('keeps the DDU result in its own series in ng/mL DDU, whatever the selected unit', () => {
    const t = buildTimeline(record);
    expect(t.ddu).toHaveLength(1);
    expect(t.ddu[0]).toMatchObject({ series: 'DDU', ngPerMl: 300 });
    expect(t.feu.some(byId('third-trimester-obs-ddimer-w13'))).toBe(false);
    expect(t.feu).toHaveLength(9);
  });

  it('a <0.27 mg/L result is an open marker at its bound', () => {
    const p = buildTimeline(record).feu.find(byId('third-trimester-obs-ddimer-w07'))!;
    expect(p).toMatchObject({ ngPerMl: 270, comparator: '<', open: true });
    expect(buildTimeline(record).feu.filter((q) => q.open)).toHaveLength(1);
  });

  it('marks preliminary and amended results', () => {
    const t = buildTimeline(record);
    expect(t.feu.find(byId('third-trimester-obs-ddimer-w35'))!.status).toBe('preliminary');
    expect(t.feu.find(byId('third-trimester-obs-ddimer-w28'))!.status).toBe('amended');
    expect(t.feu.find(byId('third-trimester-obs-ddimer-w10'))!.status).toBe('final');
  });

  it('counts the entered-in-error result as not plotted, with the reason', () => {
    const t = buildTimeline(record);
    expect(t.notPlotted).toHaveLength(1);
    expect(t.notPlotted[0]!.source.id).toBe('third-trimester-obs-ddimer-w30');
    expect(JSON.stringify(t.notPlotted[0]!.reason)).toMatch(/entered-in-error/);
    expect(t.outsidePregnancy).toHaveLength(0);
  });

  it('every result is a table row', () => {
    const t = buildTimeline(record);
    expect(t.rows).toHaveLength(10);
    expect(t.rows.every((r) => r.inPregnancy)).toBe(true);
  });

  it("keeps the lab's non-pregnant upper limit in ng/mL FEU, never as a flag", () => {
    expect(buildTimeline(record).labUpperLimits.map((l) => [l.scope, l.ngPerMl])).toEqual([['non-pregnant', 500]]);
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
    expect(s.order.drug).toBe('enoxaparin');
    expect(s.openEnd).toBe(true);
    expect(s.perKg.known && [s.perKg.value.weightKind, s.perKg.value.weight.kg, Math.round(s.perKg.value.perDose.value * 100) / 100]).toEqual(['booking', 72, 0.56]);
    expect(s.x2).toBeCloseTo(t.today.x!, 5);
    expect(s.x1).toBeGreaterThan(12.4);
    expect(s.x1).toBeLessThan(12.6);
    expect(t.lane.gaps).toHaveLength(0);
  });

  it('marks the planned caesarean and its stop deadlines, each labelled with its rule source', () => {
    const t = buildTimeline(record);
    const kinds = t.events.map((e) => [e.kind, e.ruleSource ?? e.name]);
    expect(kinds).toEqual([
      ['stop-deadline', 'The source article (Clexane article)'],
      ['stop-deadline', 'ASRA 2018'],
      ['delivery', { text: 'Elective caesarean section' }],
    ]);
    expect(t.events[1]).toMatchObject({ name: { text: 'Elective caesarean section' }, ruleSource: 'ASRA 2018', hoursBefore: 12 });
    expect(t.events[2]!.when?.start).toBe(Date.UTC(2026, 10, 28, 8, 30));
  });

  it('states the dating', () => {
    const t = buildTimeline(record);
    expect(t.dating!.statement).toMatchObject({ code: 'pregnancy.dating-how', params: { method: { kind: 'reason', reason: { code: 'pregnancy.method.edd' } } } });
    expect(t.dating!.statement.params?.description).toMatchObject({ kind: 'reason', reason: { code: 'pregnancy.dating.edd', params: { edd: { kind: 'date', ms: Date.UTC(2026, 11, 27) } } } });
    expect(t.dating!.source.resourceType).toBe('Observation');
  });
});

describe('lane gaps', () => {
  it('shows a gap between two order periods', async () => {
    const record = await demoRecord('third-trimester');
    const base = record.medication.orders[0]!;
    const DAY = 86_400_000;
    const startMs = base.order.start.known ? base.order.start.value.ms : 0;
    const first: OrderView = { ...base, order: { ...base.order, end: known({ ms: startMs + 14 * DAY, from: 'boundsPeriod.end', note: reason('med.end-bounds-period') }) } };
    const second: OrderView = {
      ...base,
      order: { ...base.order, source: { resourceType: 'MedicationRequest', id: 'later' }, start: known({ ...(base.order.start.known ? base.order.start.value : ({} as never)), ms: startMs + 28 * DAY }) },
    };
    const t = buildTimeline({ ...record, medication: { ...record.medication, orders: [second, first] } });
    expect(t.lane.segments.map((s) => s.source.id)).toEqual([base.order.source.id, 'later']);
    expect(t.lane.gaps).toHaveLength(1);
    expect(t.lane.gaps[0]!.x2 - t.lane.gaps[0]!.x1).toBeCloseTo(2, 1);
    expect(t.lane.gaps[0]!.toMs - t.lane.gaps[0]!.fromMs).toBe(14 * DAY);
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
    expect(t.outsidePregnancy[0]!.reason).toEqual(OUTSIDE_PREGNANCY);
    expect(t.rows.find((r) => !r.inPregnancy)!.ga).toEqual({ known: false, reason: OUTSIDE_PREGNANCY });
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
    expect(t.axis.kind === 'calendar' && t.axis.reason.code).toMatch(/^timeline\.no-dating/);
    const w10 = t.feu.find(byId('third-trimester-obs-ddimer-w10'))!;
    expect(w10.x).toBe(w10.atMs);
    expect(w10.ga.known).toBe(false);
    expect(t.trimesterBands).toHaveLength(0);
    expect(t.feu).toHaveLength(9);
    expect(t.today.x).toBe(DEMO_TEST_NOW);
    expect(t.lane.segments[0]!.x1).toBe(t.lane.segments[0]!.startMs);
    expect(t.dating).toBeUndefined();
  });

  it('a record without D-dimer says so', async () => {
    const t = buildTimeline(await demoRecord('no-lmwh'));
    expect(t.feu.length + t.ddu.length + t.notPlotted.length).toBe(0);
    expect(t.rows).toHaveLength(0);
    expect(t.lane.segments).toHaveLength(0);
  });
});

describe('events of the IVF patient', () => {
  it('before the hCG test (pregnancy not confirmed): a calendar axis without trimester bands, the retrieval, transfer and planned hCG test marked', async () => {
    const t = buildTimeline(await demoRecord('ivf-ohss'));
    expect(t.axis.kind).toBe('calendar');
    expect(t.trimesterBands).toEqual([]);
    expect(t.events.map((e) => e.kind)).toEqual(['oocyte-retrieval', 'embryo-transfer', 'procedure']);
    expect(t.events[2]!.name).toEqual({ text: 'Serum beta-hCG (pregnancy test)' });
  });
  it('after a positive hCG: the transfer on the GA axis, counted from the transfer (14 days + day-5 embryo)', async () => {
    const t = buildTimeline(await demoRecord('ivf-frozen-positive'));
    expect(t.axis.kind).toBe('ga');
    expect(t.trimesterBands.length).toBeGreaterThan(0);
    const transfer = t.events.find((e) => e.kind === 'embryo-transfer')!;
    expect(transfer.x).toBeCloseTo(2 + 5 / 7 + 10.5 / 24 / 7, 2);
  });
  it('marks the bleeding episode', async () => {
    const t = buildTimeline(await demoRecord('bleeding'));
    const b = t.events.find((e) => e.kind === 'bleeding')!;
    expect(b.name).toEqual({ text: 'Vaginal bleeding in early pregnancy' });
    expect(b.findingStatus).toBeUndefined();
    expect(b.atMs).toBe(Date.UTC(2026, 10, 24, 21, 15));
  });
});

describe('gestation-specific reference band', () => {
  it('BioMed Res Int 2020 (71 pregnancies) in mg/L: 0.167–0.721 in the first trimester', () => {
    const study = REFERENCE_STUDIES.find((s) => s.id === 'biomed-res-int-2020')!;
    const areas = referenceBandAreas(study, 'mg/L', [6, 36]);
    expect(areas.map((a) => [a.trimester, a.x1, a.x2, a.y1, a.y2])).toEqual([
      ['first', 6, 14, 0.167, 0.721],
      ['second', 14, 28, 0.298, 1.653],
      ['third', 28, 36, 0.483, 2.256],
    ]);
    expect(study.n).toBe(71);
  });
  it('in ng/mL the Scand J 2018 third trimester is 551–3333', () => {
    const study = REFERENCE_STUDIES.find((s) => s.id === 'scand-j-clin-lab-invest-2018')!;
    expect(referenceBandAreas(study, 'ng/mL', [30, 40])).toEqual([expect.objectContaining({ trimester: 'third', y1: 551, y2: 3333 })]);
  });
});

describe('timelines built with the record', () => {
  it('one timeline per pregnancy; the default is the current one', async () => {
    const record = await demoRecord('many-labs');
    expect(record.timelines).toHaveLength(record.pregnancy.pregnancies.length);
    expect(record.timelines).toEqual(buildTimelines(record));
    expect(timelineFor(record)).toBe(record.timelines[1]);
    expect(timelineFor(record, 0)!.axis).toMatchObject({ kind: 'ga', pregnancyIndex: 0 });
  });

  it('a record without a dated pregnancy has one calendar timeline', async () => {
    const record = await undatedThirdTrimester();
    expect(record.timelines.map((t) => t.axis.kind)).toEqual(['calendar']);
  });
});

describe('a stop deadline that falls before this pregnancy (third-trimester patient, ASRA deadline moved to January)', () => {
  const JANUARY = Date.UTC(2026, 0, 15, 8, 0);

  async function deadlineBeforePregnancy(): Promise<ClinicalRecord> {
    const record = await demoRecord('third-trimester');
    const cards = record.rules.cards.map((c) => ({ ...c, deadlines: c.deadlines.map((d) => (d.source.name === 'ASRA 2018' && d.deadlineMs !== null ? { ...d, deadlineMs: JANUARY } : d)) }));
    return { ...record, rules: { ...record.rules, cards } };
  }

  it('is not a mark; it is listed as outside the pregnancy with the rule source as its code, not its registry name', async () => {
    const record = await deadlineBeforePregnancy();
    const t = buildTimeline(record);
    expect(t.events.filter((e) => e.kind === 'stop-deadline').map((e) => e.ruleSource)).toEqual(['The source article (Clexane article)']);
    const outside = t.eventsNotPlaced.filter((n) => n.reason.code === 'timeline.event-outside-pregnancy');
    expect(outside).toHaveLength(1);
    expect(outside[0]!.reason.params).toMatchObject({ mark: 'deadline', ruleSource: { kind: 'rule-source', id: 'asra-2018' }, hours: 12 });
    expect(JSON.stringify(outside[0]!.reason)).not.toContain('ASRA 2018');
  });
});
