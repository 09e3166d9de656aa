import { beforeAll, describe, expect, it } from 'vitest';
import { demoRecord } from '../../../test/support/demo-record';
import type { ClinicalRecord } from '../../domain/record';
import { buildTimeline, REFERENCE_STUDIES } from '../../domain/timeline';
import { createMessages } from '../messages/translator';
import {
  buildDdimerChartView,
  buildDdimerTableView,
  buildEventLaneView,
  buildLmwhLaneView,
  datingView,
  referenceRangeText,
  timelineSummary,
  valueText,
} from './timelineViewModel';

const noBand = { on: false, studyId: 'biomed-res-int-2020' as const };
const src = (s: { resourceType: string; id?: string }) => `${s.resourceType}/${s.id ?? ''}`;

describe('timeline view model, third-trimester patient', () => {
  let record: ClinicalRecord;
  let m: ReturnType<typeof createMessages>;
  beforeAll(async () => {
    record = await demoRecord('third-trimester');
    m = createMessages({ zone: record.zone });
  });

  it('D-dimer 0.45 mg/L FEU reads 450 ng/mL FEU, 0.45 mg/L FEU and 0.45 ug/mL FEU', () => {
    const p = buildTimeline(record).feu.find((q) => q.source.id === 'third-trimester-obs-ddimer-w10')!;
    expect(valueText(p, 'ng/mL', m)).toBe('450 ng/mL FEU');
    expect(valueText(p, 'mg/L', m)).toBe('0.45 mg/L FEU');
    expect(valueText(p, 'ug/mL', m)).toBe('0.45 ug/mL FEU');
  });

  it('plots 880 ng/mL FEU at 0.88 on a mg/L axis; the DDU result stays at 300 ng/mL DDU', () => {
    const view = buildDdimerChartView(buildTimeline(record), 'mg/L', noBand, m, src);
    expect(view.feu.find((p) => p.source.id === 'third-trimester-obs-ddimer-w20')!.y).toBe(0.88);
    expect(view.ddu.map((p) => p.y)).toEqual([300]);
    expect(view.feu.find((p) => p.source.id === 'third-trimester-obs-ddimer-w07')).toMatchObject({ y: 0.27, open: true });
  });

  it('draws a 300 ng/mL DDU result at the height of 600 ng/mL FEU: the DDU axis is a fixed half of the FEU axis', () => {
    for (const unit of ['ng/mL', 'mg/L'] as const) {
      const view = buildDdimerChartView(buildTimeline(record), unit, noBand, m, src);
      const ddu = view.ddu[0]!;
      expect(ddu.y).toBe(300);
      expect(view.dduDomain[1]).toBe((view.feuDomain[1] * (unit === 'mg/L' ? 1000 : 1)) / 2);
      const feuTopNg = unit === 'mg/L' ? view.feuDomain[1] * 1000 : view.feuDomain[1];
      expect(ddu.level).toBeCloseTo(600 / feuTopNg, 10);
      // Same fraction of each axis: the right axis's ticks are the left axis's in ng/mL, halved.
      expect(view.dduTicks.map((t) => t * 2)).toEqual(view.feuTicks.map((t) => Math.round(t * (unit === 'mg/L' ? 1000 : 1))));
    }
  });

  it('the value axes hold every result and the lab limit, and keep their scale when the window narrows', () => {
    const t = buildTimeline(record);
    const whole = buildDdimerChartView(t, 'ng/mL', noBand, m, src);
    const narrow = buildDdimerChartView(t, 'ng/mL', noBand, m, src, [23, 37]);
    const highest = Math.max(...whole.feu.map((p) => p.y));
    expect(whole.feuDomain[1]).toBeGreaterThanOrEqual(highest);
    expect(whole.feuDomain[1]).toBeLessThan(highest * 1.5);
    expect(whole.feu.every((p) => p.level >= 0 && p.level <= 1)).toBe(true);
    expect(narrow.feuDomain).toEqual(whole.feuDomain);
    expect(narrow.axis.domain).toEqual([23, 37]);
    expect(narrow.feu.every((p) => p.x >= 23 && p.x <= 37)).toBe(true);
    expect(narrow.today).toMatchObject({ label: 'today' });
    expect(narrow.deadlines).toHaveLength(2);
  });

  it('marks results that are not final on the plot and says so in the legend', () => {
    const view = buildDdimerChartView(buildTimeline(record), 'ng/mL', noBand, m, src);
    expect(view.feu.find((p) => p.source.id === 'third-trimester-obs-ddimer-w35')!.mark).toBe('preliminary');
    expect(view.feu.find((p) => p.source.id === 'third-trimester-obs-ddimer-w10')!.mark).toBeUndefined();
    expect(view.legend.some((l) => l.key === 'marked')).toBe(true);
  });

  it('labels the reference band once (on its widest area) and leaves narrow trimester columns unnamed', () => {
    const view = buildDdimerChartView(buildTimeline(record), 'ng/mL', { on: true, studyId: 'biomed-res-int-2020' }, m, src);
    expect(view.band.areas.length).toBeGreaterThan(1);
    expect(view.band.areas.filter((a) => a.label !== '')).toHaveLength(1);
    const narrow = buildDdimerChartView(buildTimeline(record), 'ng/mL', noBand, m, src, [27, 37]);
    expect(narrow.trimesters.map((b) => [b.key, b.label])).toEqual([
      ['second', ''],
      ['third', '3rd trimester'],
    ]);
  });

  it('summarises the chart in words', () => {
    expect(timelineSummary(buildTimeline(record), 'mg/L', m)).toBe(
      'D-dimer results from 7w to 35w; latest 1.85 mg/L FEU (preliminary) at 35w 2d; 1 DDU result shown apart; 1 not plotted.',
    );
  });

  it("labels the lab's non-pregnant upper limit in the selected unit", () => {
    expect(buildDdimerChartView(buildTimeline(record), 'ng/mL', noBand, m, src).labLimits.map((l) => l.label)).toEqual(['lab upper limit (non-pregnant): 500 ng/mL FEU']);
    expect(buildDdimerChartView(buildTimeline(record), 'mg/L', noBand, m, src).labLimits[0]!.y).toBe(0.5);
  });

  it('table rows: DDU labelled and not converted, the bound kept', () => {
    const rows = buildDdimerTableView(buildTimeline(record), 'mg/L', m).inside;
    expect(rows.find((r) => r.source.id === 'third-trimester-obs-ddimer-w13')!.normalised).toEqual({ known: true, text: '300 ng/mL DDU (not converted)' });
    expect(rows.find((r) => r.source.id === 'third-trimester-obs-ddimer-w07')!.normalised).toEqual({ known: true, text: '<0.27 mg/L FEU' });
    expect(rows.find((r) => r.source.id === 'third-trimester-obs-ddimer-w35')).toMatchObject({ status: 'preliminary', marked: true });
  });

  it('the enoxaparin order: dose, frequency, an open end and its status (dose per kg is in the medication list)', () => {
    const s = buildLmwhLaneView(buildTimeline(record), m).segments[0]!;
    expect(s.text).toBe('Enoxaparin 40 mg every 24 h → end unknown');
    expect(s.doseLine).toBe('40 mg, every 24 h');
    expect(s.statusLine).toMatch(/^; from 17 Jun 2026 18:00 \(UTC\+01:00\), end unknown; .*active/);
  });

  it('stop deadlines are labelled with their rule source and the hours before the event', () => {
    const events = buildEventLaneView(buildTimeline(record), m).events;
    expect(events[1]!.title).toBe('ASRA 2018, 12 h before Elective caesarean section, 27 Nov 2026 20:30 (UTC)');
    expect(events[2]!.item).toMatch(/^Birth \/ caesarean \(planned\): Elective caesarean section, 28 Nov 2026 08:30 \(UTC\) \(\d+w \dd\)$/);
  });

  it('states the dating', () => {
    const d = datingView(buildTimeline(record), m);
    expect(d.kind === 'dated' && d.text).toMatch(/^Gestational age from: recorded EDD: EDD 27 Dec 2026 recorded \d+ \w{3} 2026$/);
    const ru = datingView(buildTimeline(record), createMessages({ locale: 'ru', zone: record.zone }));
    expect(ru.kind === 'dated' && ru.text).toMatch(/^Срок беременности определён по: записанная ПДР: ПДР 27 дек\. 2026, записана \d+ [а-я]+\.? 2026$/);
  });
});

describe('timeline view model, other patients', () => {
  it('the bleeding episode is a mark with its date', async () => {
    const record = await demoRecord('bleeding');
    const m = createMessages({ zone: record.zone });
    const e = buildEventLaneView(buildTimeline(record), m).events.find((x) => x.kind === 'bleeding')!;
    expect(e.title).toBe('Vaginal bleeding in early pregnancy, 24 Nov 2026 21:15 (UTC)');
  });

  it('a record without D-dimer says so', async () => {
    const record = await demoRecord('no-lmwh');
    const m = createMessages({ zone: record.zone });
    expect(timelineSummary(buildTimeline(record), 'ng/mL', m)).toBe('No D-dimer results plotted.');
  });

  it('the reference band is labelled with its study, assay and unit caveat', async () => {
    const record = await demoRecord('third-trimester');
    const m = createMessages({ zone: record.zone });
    const band = buildDdimerChartView(buildTimeline(record), 'mg/L', { on: true, studyId: REFERENCE_STUDIES[0]!.id }, m, src).band;
    expect(band.areas).toHaveLength(3);
    expect(band.label).toContain('ELFA');
    expect(band.label).toContain("the study's unit type (FEU or DDU) is not established");
    expect(band.label).toMatch(/Source:$/);
    expect(band.citation).toContain('BioMed Res Int 2020:3192350');
  });

  it('in Russian the reference band names the study, assay and unit caveat in Russian; the citation stays as published', async () => {
    const record = await demoRecord('third-trimester');
    const ru = createMessages({ locale: 'ru', zone: record.zone });
    const band = buildDdimerChartView(buildTimeline(record), 'mg/L', { on: true, studyId: 'scand-j-clin-lab-invest-2018' }, ru, src).band;
    expect(band.label).toContain('исследование 2018 г., латексная иммунотурбидиметрия, анализатор ACL TOP 300');
    expect(band.label).toContain('мкг/л (= нг/мл); FEU или DDU — НЕ ПРОВЕРЕНО');
    expect(band.label).not.toMatch(/Scand|latex|UNVERIFIED/);
    expect(band.studies.map((s) => s.text)).toEqual(['пилотное исследование 2020 г. (иммуноферментный флуоресцентный анализ (ELFA))', 'исследование 2018 г. (латексная иммунотурбидиметрия, анализатор ACL TOP 300)']);
    expect(band.citation).toContain('Scand J Clin Lab Invest 2018');
  });
});

describe('referenceRangeText', () => {
  it('uses the text, else the limits', () => {
    expect(referenceRangeText([{ text: '< 0.5 mg/L FEU' }])).toBe('< 0.5 mg/L FEU');
    expect(referenceRangeText([{ low: { value: 0, unit: 'mg/L' }, high: { value: 0.5, unit: 'mg/L' } }])).toBe('0–0.5 mg/L');
    expect(referenceRangeText([])).toBeUndefined();
  });
});

describe('dates in the timeline', () => {
  it('September is "Sep", as everywhere else in the app', () => {
    const m = createMessages({ zone: 'Europe/London' });
    expect(m.instant(Date.UTC(2026, 8, 8, 8, 30))).toBe('8 Sep 2026 09:30 (UTC+01:00)');
  });
});

describe('timeline table, many-labs patient (two pregnancies)', () => {
  it("the earlier pregnancy's results are one summary line: dates and FEU range", async () => {
    const record = await demoRecord('many-labs');
    const m = createMessages({ zone: record.zone });
    const view = buildDdimerTableView(buildTimeline(record), 'ng/mL', m);
    expect(view.outside.length).toBeGreaterThan(10);
    expect(view.outsideSummary).toMatch(/^\d{1,2} \w{3} 2024 to \d{1,2} \w{3} 2024; FEU results [\d,.]+ to [\d,.]+ ng\/mL FEU$/);
    expect(view.showRows).toBe('Show these results');
  });
});

describe('an IVF pregnancy confirmed after the transfer, with a recorded EDD (ivf-frozen-positive + EDD)', () => {
  const m = createMessages({ locale: 'en', zone: 'Europe/London' });
  async function withRecordedEdd(offsetDays: number) {
    const { DateTime } = await import('luxon');
    const { buildClinicalRecord } = await import('../../domain/record');
    const { loadUnitConverter } = await import('../../domain/labs');
    const { demoResources, recordInputFor, DEMO_TEST_NOW, DEMO_TEST_ZONE } = await import('../../../test/support/demo-record');
    const units = await loadUnitConverter();
    const build = (resources: fhir4.Resource[]) => buildClinicalRecord(recordInputFor(resources, 'ivf-frozen-positive'), { nowMs: DEMO_TEST_NOW, zone: DEMO_TEST_ZONE, units });
    const base = demoResources('ivf-frozen-positive');
    const fromTransfer = build(base).currentPregnancy!.eddDate;
    const recorded = DateTime.fromISO(fromTransfer).plus({ days: offsetDays }).toISODate()!;
    const edd: fhir4.Observation = {
      resourceType: 'Observation',
      id: 'edd-booking',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '11778-8' }] },
      subject: { reference: 'Patient/ivf-frozen-positive' },
      effectiveDateTime: DateTime.fromMillis(DEMO_TEST_NOW).minus({ days: 5 }).toISODate()!,
      valueDateTime: recorded,
    };
    return { record: build([...base, edd]), fromTransfer };
  }

  it('the transfer dates it; the recorded EDD 4 days later is named with its difference, not flagged (en, ru)', async () => {
    const { record, fromTransfer } = await withRecordedEdd(4);
    expect(record.currentPregnancy).toMatchObject({ eddDate: fromTransfer, dating: { chosen: { method: 'ivf-transfer' }, recordedEdd: { differenceDays: 4, discrepancy: false } } });
    expect(record.gaToday).toMatchObject({ known: true, value: { totalDays: 43 } });
    const d = datingView(buildTimeline(record), m);
    expect(d.kind === 'dated' && d.text).toMatch(/^Gestational age from: embryo transfer: /);
    expect(d.kind === 'dated' && d.notes[0]).toMatch(/^dated by the confirmed embryo transfer \(transfer date \+ embryo age; ACOG Committee Opinion 700 for ART pregnancies\), not the recorded EDD \d+ \w{3} 2027: that EDD is 4 days later$/);
    expect(d.kind === 'dated' && d.alternatives).toEqual([]);
    const ru = datingView(buildTimeline(record), createMessages({ locale: 'ru', zone: record.zone }));
    expect(ru.kind === 'dated' && ru.notes[0]).toMatch(/^срок определён по подтверждённому переносу эмбрионов .*: эта ПДР позже на 4 дня$/);
  });

  it('a recorded EDD 10 days earlier is a discrepancy: flagged for review and listed as a disagreeing alternative', async () => {
    const { record } = await withRecordedEdd(-10);
    expect(record.currentPregnancy?.dating.chosen.method).toBe('ivf-transfer');
    const d = datingView(buildTimeline(record), m);
    expect(d.kind === 'dated' && d.notes[0]).toMatch(/that EDD is 10 days earlier \(more than 7 days apart: review\)$/);
    expect(d.kind === 'dated' && d.alternatives.map((a) => a.source.id)).toEqual(['edd-booking']);
    const ru = datingView(buildTimeline(record), createMessages({ locale: 'ru', zone: record.zone }));
    expect(ru.kind === 'dated' && ru.notes[0]).toMatch(/раньше на 10 дней \(расхождение больше 7 дней: проверьте\)$/);
  });
});

describe('stop deadlines that fall before this pregnancy (third-trimester patient, both caesarean deadlines moved to January)', () => {
  const JANUARY = Date.UTC(2026, 0, 15, 8, 0);
  let record: ClinicalRecord;
  beforeAll(async () => {
    const r = await demoRecord('third-trimester');
    const cards = r.rules.cards.map((c) => ({ ...c, deadlines: c.deadlines.map((d) => (d.deadlineMs !== null ? { ...d, deadlineMs: JANUARY } : d)) }));
    record = { ...r, rules: { ...r.rules, cards } };
  });

  it('in English the not-placed lines name each source by its short label, not its registry name', () => {
    const lines = buildEventLaneView(buildTimeline(record), createMessages({ zone: record.zone })).notPlaced;
    expect(lines).toEqual([
      'Not on this axis: Source article: stop deadline before Elective caesarean section (48 h before): outside this pregnancy',
      'Not on this axis: ASRA 2018: stop deadline before Elective caesarean section (12 h before): outside this pregnancy',
    ]);
    expect(lines.join(' ')).not.toContain('The source article (Clexane article)');
  });

  it('in Russian the not-placed lines name each source in Russian', () => {
    const lines = buildEventLaneView(buildTimeline(record), createMessages({ locale: 'ru', zone: record.zone })).notPlaced;
    expect(lines).toEqual([
      'Не на этой оси: Статья-источник: крайний срок отмены перед событием «Elective caesarean section» (за 48 ч): вне этой беременности',
      'Не на этой оси: ASRA 2018: крайний срок отмены перед событием «Elective caesarean section» (за 12 ч): вне этой беременности',
    ]);
    // Outside the record's own text (the event's name, in «») and the guideline's Latin acronym, no English word.
    const words = lines.map((l) => l.replace(/«[^»]*»/g, '').replace('ASRA 2018', ''));
    for (const w of words) expect(w).not.toMatch(/[A-Za-z]/);
  });
});
