import { beforeAll, describe, expect, it } from 'vitest';
import { loadUnitConverter, type UnitConverter } from '../labs';
import { buildClinicalRecord } from '../record';
import { worklistRowFromInput, type WorklistRow } from '.';
import { DEMO_TEST_NOW, DEMO_TEST_ZONE, demoResources, recordInputFor, type DemoPatientId } from '../../../test/support/demo-record';
import type { GroupStatus, QueryGroup } from '../input';

let units: UnitConverter;
beforeAll(async () => {
  units = await loadUnitConverter();
});

function rowOf(id: DemoPatientId, statuses: Partial<Record<QueryGroup, GroupStatus>> = {}): WorklistRow {
  return worklistRowFromInput(recordInputFor(demoResources(id), id, statuses), { nowMs: DEMO_TEST_NOW, zone: DEMO_TEST_ZONE, units });
}

describe('worklist row of a demo patient', () => {
  it('third trimester: pregnant with her gestation, the active LMWH order, and the earliest deadline of the card the patient view shows', () => {
    const r = rowOf('third-trimester');
    const record = buildClinicalRecord(recordInputFor(demoResources('third-trimester'), 'third-trimester'), { nowMs: DEMO_TEST_NOW, zone: DEMO_TEST_ZONE, units });
    expect(r.stage).toEqual({ code: 'pregnant', gaDays: record.gaToday.known ? record.gaToday.value.totalDays : -1 });
    expect(r.lmwh?.drug).toBe(record.medication.orders.find((o) => o.activeNow.state === 'active')?.order.drug);
    const lines = record.rules.cards.filter((c) => c.applies && c.anchorMs !== null && c.anchorMs >= DEMO_TEST_NOW)[0]!.deadlines;
    const earliest = Math.min(...lines.flatMap((l) => (l.deadlineMs === null ? [] : [l.deadlineMs])));
    expect(r.deadline?.atMs).toBe(earliest);
    expect(r.flags).not.toContain('record-incomplete');
  });

  it('bleeding in the current pregnancy raises the bleeding flag', () => {
    expect(rowOf('bleeding').flags).toContain('bleeding');
  });

  it('no LMWH order: no drug on the row, the search said complete', () => {
    const r = rowOf('no-lmwh');
    expect(r.lmwh).toBeUndefined();
    expect(r.lmwhSearchComplete).toBe(true);
  });

  it('an incomplete medication search is flagged and never reads as "no LMWH order"', () => {
    const r = rowOf('no-lmwh', { 'medication-requests': 'incomplete' });
    expect(r.flags).toContain('record-incomplete');
    expect(r.lmwhSearchComplete).toBe(false);
    expect(r.deadline?.status ?? r.statusWithoutDeadline).not.toBe('no-lmwh-order');
  });

  it('after an embryo transfer without a confirming test: the stage says so and the pregnancy is flagged not confirmed', () => {
    const r = rowOf('ivf-negative-hcg');
    expect(r.stage.code).toBe('ivf-negative');
    const frozen = rowOf('ivf-frozen-positive');
    expect(['ivf-confirmed', 'pregnant']).toContain(frozen.stage.code);
    expect(frozen.flags).not.toContain('pregnancy-not-confirmed');
  });
});
