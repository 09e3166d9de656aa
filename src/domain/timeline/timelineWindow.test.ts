import { beforeAll, describe, expect, it } from 'vitest';
import { demoRecord } from '../../../test/support/demo-record';
import type { ClinicalRecord } from '../record';
import { buildTimeline } from './chartData';
import { focusWindow, nextPlannedX, windowTimeline } from './timelineWindow';

describe('default window of the third-trimester patient', () => {
  let record: ClinicalRecord;
  beforeAll(async () => {
    record = await demoRecord('third-trimester');
  });

  it('runs from 12 weeks before today to a week past the next planned event', () => {
    const t = buildTimeline(record);
    const today = t.today.x!;
    const next = nextPlannedX(t, today)!;
    expect(next).toBeGreaterThan(today);
    expect(focusWindow(t)).toEqual([Math.floor(today - 12), Math.min(t.axis.domain[1], Math.ceil(next + 1))]);
    expect(focusWindow(t)).toEqual([23, 37]);
  });

  it('the windowed timeline keeps today, the deadlines and the caesarean and drops the early points', () => {
    const t = buildTimeline(record);
    const w = windowTimeline(t, [23, 37], record.zone);
    expect(w.axis.domain).toEqual([23, 37]);
    expect(w.axis.ticks[0]).toBe(23);
    expect(w.axis.ticks.at(-1)).toBe(37);
    expect(w.events.map((e) => e.kind)).toEqual(['stop-deadline', 'stop-deadline', 'delivery']);
    expect(w.feu.every((p) => p.x >= 23)).toBe(true);
    expect(w.feu.length).toBeLessThan(t.feu.length);
    expect(w.trimesterBands.map((b) => [b.trimester, b.x1, b.x2])).toEqual([
      ['second', 23, 28],
      ['third', 28, 37],
    ]);
    expect(w.lane.segments.every((s) => s.x2 >= 23)).toBe(true);
  });
});

describe('no default window', () => {
  it('for an earlier pregnancy (today is not on its axis)', async () => {
    const record = await demoRecord('many-labs');
    expect(focusWindow(buildTimeline(record, { pregnancyIndex: 0 }))).toBeUndefined();
  });

  it('when the axis is already no wider than the window', async () => {
    const t = buildTimeline(await demoRecord('third-trimester'));
    const narrow = { ...t, axis: { ...t.axis, domain: [30, 36] as [number, number] } };
    expect(focusWindow(narrow)).toBeUndefined();
  });
});
